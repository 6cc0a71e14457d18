package com.perprisk.benchmarks.latency;

/**
 * The fixed plan of an open-loop step: command {@code k} is due at {@code start + floor(k * 1e9 / rate)} nanoseconds,
 * whatever happened to the commands before it. All arithmetic is exact integer arithmetic, split into whole seconds
 * and the remainder so it cannot overflow for any rate up to 10^9 per second and any run shorter than centuries.
 *
 * <p>Immutable; any thread.
 */
public final class OpenLoopSchedule
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long startNs;
    private final long ratePerSecond;

    /**
     * @param startNs       planned time of command 0 (nanoTime scale).
     * @param ratePerSecond commands per second, 1 to 10^9.
     */
    public OpenLoopSchedule(final long startNs, final long ratePerSecond)
    {
        if (ratePerSecond < 1 || ratePerSecond > NANOS_PER_SECOND)
        {
            throw new IllegalArgumentException("rate must be in 1..1000000000 per second, was " + ratePerSecond);
        }
        this.startNs = startNs;
        this.ratePerSecond = ratePerSecond;
    }

    /** @return planned time of command 0 */
    public long startNs()
    {
        return startNs;
    }

    /** @return commands per second */
    public long ratePerSecond()
    {
        return ratePerSecond;
    }

    /** @param command command number, from 0 @return its planned send time (nanoTime scale) */
    public long plannedTime(final long command)
    {
        return startNs + offset(command);
    }

    /** @param command command number, from 0 @return nanoseconds from the start to its planned time */
    public long offset(final long command)
    {
        return (command / ratePerSecond) * NANOS_PER_SECOND + (command % ratePerSecond) * NANOS_PER_SECOND / ratePerSecond;
    }

    /**
     * @param offsetNs nanoseconds after the start (not negative).
     * @return how many commands are planned strictly before {@code start + offsetNs}.
     */
    public long plannedBefore(final long offsetNs)
    {
        if (offsetNs <= 0)
        {
            return 0;
        }
        final long seconds = offsetNs / NANOS_PER_SECOND;
        final long rest = offsetNs % NANOS_PER_SECOND;
        return seconds * ratePerSecond + (rest * ratePerSecond + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
    }

    /** @param nowNs a time (nanoTime scale) @return how many commands are due at {@code nowNs} (planned at or before it) */
    public long dueAt(final long nowNs)
    {
        return nowNs < startNs ? 0 : plannedBefore(nowNs - startNs + 1);
    }
}
