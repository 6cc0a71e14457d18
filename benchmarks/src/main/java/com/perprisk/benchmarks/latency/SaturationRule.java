package com.perprisk.benchmarks.latency;

import java.util.Locale;

/**
 * When a step counts as saturated: the system (generator, transport, engine) no longer keeps up with the offered rate.
 * Checked in this order, the first that holds is the reason:
 * <ol>
 *   <li><b>backlog</b>: more than {@link #maxBacklog()} commands were due but not yet answered at some moment (the step
 *   is then stopped early: a queue that only grows says nothing more by growing longer);</li>
 *   <li><b>completion</b>: the completed rate was below {@link #minCompletion()} (95%) of the offered rate;</li>
 *   <li><b>p50</b>: the median latency was above {@link #maxP50Ns()} (10 ms): the queue holds the median.</li>
 * </ol>
 * Otherwise the step is sustained. The harness stops stepping up after the first saturated step and reports the highest
 * sustained offered rate as the saturation throughput.
 *
 * <p>Immutable; any thread.
 */
public final class SaturationRule
{
    /** Default least fraction of the offered rate that must complete. */
    public static final double DEFAULT_MIN_COMPLETION = 0.95;
    /** Default highest median: 10 ms. */
    public static final long DEFAULT_MAX_P50_NS = 10_000_000L;
    /** Default most commands due and unanswered at once. */
    public static final int DEFAULT_MAX_BACKLOG = 200_000;

    private final double minCompletion;
    private final long maxP50Ns;
    private final int maxBacklog;

    /** The defaults: 95% completion, p50 at most 10 ms, backlog at most 200,000 commands. */
    public SaturationRule()
    {
        this(DEFAULT_MIN_COMPLETION, DEFAULT_MAX_P50_NS, DEFAULT_MAX_BACKLOG);
    }

    /**
     * @param minCompletion least completed/offered ratio, in (0, 1].
     * @param maxP50Ns      highest median latency, positive.
     * @param maxBacklog    most commands due and unanswered at once, positive.
     */
    public SaturationRule(final double minCompletion, final long maxP50Ns, final int maxBacklog)
    {
        if (!(minCompletion > 0 && minCompletion <= 1))
        {
            throw new IllegalArgumentException("completion ratio must be in (0, 1], was " + minCompletion);
        }
        if (maxP50Ns <= 0 || maxBacklog <= 0)
        {
            throw new IllegalArgumentException("p50 and backlog bounds must be positive");
        }
        this.minCompletion = minCompletion;
        this.maxP50Ns = maxP50Ns;
        this.maxBacklog = maxBacklog;
    }

    /** @return least completed/offered ratio */
    public double minCompletion()
    {
        return minCompletion;
    }

    /** @return highest median latency in ns */
    public long maxP50Ns()
    {
        return maxP50Ns;
    }

    /** @return most commands due and unanswered at once */
    public int maxBacklog()
    {
        return maxBacklog;
    }

    /** @param backlog commands due and not yet answered @return true if the step must stop: saturated by backlog */
    public boolean backlogExceeded(final long backlog)
    {
        return backlog > maxBacklog;
    }

    /**
     * @param offeredRate     offered commands per second.
     * @param completedRate   completed commands per second.
     * @param p50Ns           median latency (ns) of the measured commands.
     * @param backlogExceeded whether the backlog bound was crossed.
     * @return null when sustained, else why the step is saturated.
     */
    public String judge(final long offeredRate, final double completedRate, final long p50Ns, final boolean backlogExceeded)
    {
        if (backlogExceeded)
        {
            return "backlog over " + maxBacklog + " commands";
        }
        if (completedRate < minCompletion * offeredRate)
        {
            return String.format(Locale.ROOT, "completed %s/s < %.0f%% of offered", Units.measuredRate(completedRate), minCompletion * 100);
        }
        if (p50Ns > maxP50Ns)
        {
            return String.format(Locale.ROOT, "p50 %s us > %s us", Units.micros(p50Ns), Units.micros(maxP50Ns));
        }
        return null;
    }
}
