package com.perprisk.benchmarks.latency;

import org.HdrHistogram.Histogram;
import org.agrona.concurrent.NanoClock;

/**
 * The accounting of one open-loop step: the planned send time of every command in flight, and on each answer the
 * latency {@code answered - planned} into an HdrHistogram (nanoseconds), so a command that waited behind a stall, in a
 * back-pressured publication or in the generator's own lateness is charged all of it (no coordinated omission).
 *
 * <p>Answers delivered by one {@link OpenLoopTransport#poll} are held in a small buffer and stamped with one clock
 * reading taken after the poll ({@link #flush}), which charges each the few hundred nanoseconds the client takes to read
 * the batch, never less than its true latency. Plain {@code recordValue}: never {@code recordValueWithExpectedInterval},
 * which would count the commands of a stall twice in an open-loop harness.
 *
 * <p>Threading: owned by the generator thread. Everything is allocated up front; nothing is allocated per command.
 */
public final class LatencyRecorder implements OpenLoopTransport.ResponseSink
{
    /** Highest latency a histogram tracks: one hour (a larger one is recorded as this, and counted as clamped). */
    public static final long HIGHEST_TRACKABLE_NS = 3_600_000_000_000L;
    /** Significant value digits of every histogram. */
    public static final int SIGNIFICANT_DIGITS = 3;

    private static final int PENDING_CAPACITY = 4096;

    private final NanoClock clock;
    private final long[] planned;
    private final int mask;
    private final long[] pending = new long[PENDING_CAPACITY];
    private int pendingCount;
    private Histogram histogram;
    private long firstMeasured;
    private long sent;
    private long answered;
    private long answeredMeasured;
    private long lastAnswerNs;
    private long clamped;
    private long outOfOrder;

    /**
     * @param capacity most commands in flight (sent, not yet answered) at once; rounded up to a power of two. Answers
     *                 must come in the order of the commands (both transports keep it).
     * @param clock    the clock the driver reads too.
     */
    public LatencyRecorder(final int capacity, final NanoClock clock)
    {
        this.clock = clock;
        if (capacity < 1 || capacity > 1 << 28)
        {
            throw new IllegalArgumentException("capacity must be in 1..2^28, was " + capacity);
        }
        final int size = Integer.highestOneBit(Math.max(1, capacity - 1)) << 1;
        planned = new long[Math.max(2, size)];
        mask = planned.length - 1;
    }

    /** @return a histogram as every step uses (1 ns to one hour, 3 significant digits, nanoseconds) */
    public static Histogram newHistogram()
    {
        return new Histogram(1, HIGHEST_TRACKABLE_NS, SIGNIFICANT_DIGITS);
    }

    /** @return how many commands may be in flight at once */
    public int capacity()
    {
        return planned.length;
    }

    /**
     * Start a step.
     *
     * @param target        where the measured latencies go (reset here).
     * @param firstMeasured commands numbered below this are the warm-up: answered and counted, not recorded.
     */
    public void begin(final Histogram target, final long firstMeasured)
    {
        histogram = target;
        histogram.reset();
        this.firstMeasured = firstMeasured;
        pendingCount = 0;
        sent = 0;
        answered = 0;
        answeredMeasured = 0;
        lastAnswerNs = 0;
        clamped = 0;
        outOfOrder = 0;
    }

    /**
     * @param command   the command about to be offered (the next one: commands are sent in order).
     * @param plannedNs its planned send time.
     * @return false if the ring is full (more commands in flight than the capacity): do not send it now.
     */
    public boolean plan(final long command, final long plannedNs)
    {
        if (command - answered >= planned.length)
        {
            return false;
        }
        planned[(int)command & mask] = plannedNs;
        return true;
    }

    /** @param command the command {@link #plan planned} last was sent */
    public void sent(final long command)
    {
        sent = command + 1;
    }

    /** Holds the answer until {@link #flush}; flushes itself (with a fresh clock reading) only if its buffer fills. */
    @Override
    public void onResponse(final long command)
    {
        if (command < 0 || command >= sent)
        {
            outOfOrder++;
            return;
        }
        pending[pendingCount++] = command;
        if (pendingCount == PENDING_CAPACITY)
        {
            flush(clock.nanoTime());
        }
    }

    /** @return true if answers wait for {@link #flush} */
    public boolean hasPending()
    {
        return pendingCount > 0;
    }

    /** @param nowNs the time the held answers were seen (read after the poll that delivered them) */
    public void flush(final long nowNs)
    {
        final Histogram h = histogram;
        for (int i = 0; i < pendingCount; i++)
        {
            final long command = pending[i];
            if (command >= firstMeasured)
            {
                long latency = nowNs - planned[(int)command & mask];
                if (latency > HIGHEST_TRACKABLE_NS)
                {
                    latency = HIGHEST_TRACKABLE_NS;
                    clamped++;
                }
                h.recordValue(Math.max(0, latency));
                answeredMeasured++;
            }
        }
        answered += pendingCount;
        if (pendingCount > 0)
        {
            lastAnswerNs = nowNs;
        }
        pendingCount = 0;
    }

    /** @return commands sent so far in this step */
    public long sentCount()
    {
        return sent;
    }

    /** @return commands answered so far (warm-up included) */
    public long answered()
    {
        return answered;
    }

    /** @return measured commands answered (each recorded once) */
    public long answeredMeasured()
    {
        return answeredMeasured;
    }

    /** @return time of the last flush that held an answer */
    public long lastAnswerNs()
    {
        return lastAnswerNs;
    }

    /** @return latencies above {@link #HIGHEST_TRACKABLE_NS}, recorded as that */
    public long clamped()
    {
        return clamped;
    }

    /** @return answers for a command never sent (a transport bug, or answers of an earlier step): not recorded */
    public long unexpected()
    {
        return outOfOrder;
    }
}
