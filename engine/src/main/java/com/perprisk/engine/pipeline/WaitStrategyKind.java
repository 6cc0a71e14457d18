package com.perprisk.engine.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

/**
 * How the business-logic thread waits for input. On a 2-core machine never busy-spin more threads
 * than cores: BLOCKING (the default) or SLEEPING leave the cores to producers and I/O. CALLER_RUNS has no
 * business-logic thread at all: the one producer runs the business logic itself.
 */
public enum WaitStrategyKind
{
    /** Lock and condition: lowest CPU, wake-up latency of a few microseconds. */
    BLOCKING,
    /** Spin, then yield, then park for short periods: low CPU, good latency. */
    SLEEPING,
    /** Spin then yield: burns a core, lower latency. */
    YIELDING,
    /** Spin: burns a core, lowest latency; only with a core to spare. */
    BUSY_SPIN,
    /**
     * No ring and no thread: {@code publish} journals and applies the input on the calling thread before it
     * returns. For a single producer (the gateway thread) on a machine without a core for a second thread: no
     * hand-off, no wake-up. Producers must take turns with a happens-before between them (one thread at a time).
     */
    CALLER_RUNS;

    /**
     * @return a new Disruptor wait strategy of this kind
     * @throws IllegalStateException for {@link #CALLER_RUNS}, which has no ring to wait on
     */
    public WaitStrategy create()
    {
        switch (this)
        {
            case CALLER_RUNS: throw new IllegalStateException("CALLER_RUNS has no ring to wait on: the publishing thread runs the business logic");
            case SLEEPING: return new SleepingWaitStrategy();
            case YIELDING: return new YieldingWaitStrategy();
            case BUSY_SPIN: return new BusySpinWaitStrategy();
            default: return new BlockingWaitStrategy();
        }
    }
}
