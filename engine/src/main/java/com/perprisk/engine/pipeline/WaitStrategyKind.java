package com.perprisk.engine.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

/**
 * How the business-logic thread waits for input. On a 2-core machine never busy-spin more threads
 * than cores: BLOCKING (the default) or SLEEPING leave the cores to producers and I/O.
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
    BUSY_SPIN;

    /** @return a new Disruptor wait strategy of this kind */
    public WaitStrategy create()
    {
        switch (this)
        {
            case SLEEPING: return new SleepingWaitStrategy();
            case YIELDING: return new YieldingWaitStrategy();
            case BUSY_SPIN: return new BusySpinWaitStrategy();
            default: return new BlockingWaitStrategy();
        }
    }
}
