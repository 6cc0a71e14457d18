package com.perprisk.benchmarks.latency;

import org.agrona.concurrent.NanoClock;

/**
 * A deterministic stand-in for a transport and the clock: time moves only when the driver polls, by exactly
 * {@link #TICK_NS}, so every send and answer happens at a known nanosecond. Optional misbehaviours, each in a window of
 * time (absolute nanoTime values):
 * <ul>
 *   <li>a responder stall: a command sent in {@code [stallFrom, stallTo)} is answered no earlier than {@code stallTo};</li>
 *   <li>back-pressure: every send in {@code [refuseFrom, refuseTo)} is refused;</li>
 *   <li>a generator pause: the poll that would move the clock to {@code jumpAt} moves it to {@code jumpTo} instead;</li>
 *   <li>a capacity: at most {@code answersPerTick} answers per poll (0 = unlimited).</li>
 * </ul>
 * Answers come in command order. Single-threaded, like the driver.
 */
final class FakeTransport implements OpenLoopTransport, NanoClock
{
    static final long TICK_NS = 1_000;

    long now;
    long stallFrom = Long.MAX_VALUE;
    long stallTo = Long.MAX_VALUE;
    long refuseFrom = Long.MAX_VALUE;
    long refuseTo = Long.MAX_VALUE;
    long jumpAt = Long.MAX_VALUE;
    long jumpTo;
    int answersPerTick;
    int steps;
    long refusals;

    private final long[] readyAt = new long[1 << 20];
    private long sent;
    private long answered;

    FakeTransport(final long start)
    {
        now = start;
    }

    @Override
    public long nanoTime()
    {
        return now;
    }

    @Override
    public void beginStep()
    {
        steps++;
        sent = 0;
        answered = 0;
    }

    @Override
    public boolean trySend(final long command)
    {
        if (command != sent)
        {
            throw new AssertionError("sent " + command + " when " + sent + " was next");
        }
        if (now >= refuseFrom && now < refuseTo)
        {
            refusals++;
            return false;
        }
        readyAt[(int)command] = now >= stallFrom && now < stallTo ? stallTo : now;
        sent++;
        return true;
    }

    @Override
    public int poll(final ResponseSink sink)
    {
        now = now + TICK_NS == jumpAt ? jumpTo : now + TICK_NS;
        int read = 0;
        while (answered < sent && readyAt[(int)answered] <= now && (answersPerTick == 0 || read < answersPerTick))
        {
            sink.onResponse(answered++);
            read++;
        }
        return read;
    }
}
