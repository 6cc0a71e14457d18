package com.perprisk.gateway;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import java.util.concurrent.TimeUnit;

/**
 * What the engine's encoder does while the hand-off ring is full when the business logic runs on the gateway thread
 * ({@code CALLER_RUNS}): it cannot wait for the gateway to drain the ring, it is the gateway, so it drains it itself,
 * and backs off only when nothing could be sent (a back-pressured feed).
 *
 * <p>Threading: the gateway thread only. The gateway is attached after construction (it is built after the encoder).
 */
final class DrainWhileFull implements IdleStrategy
{
    private final IdleStrategy backoff = new BackoffIdleStrategy(
        100, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MICROSECONDS.toNanos(100));
    private Gateway gateway;

    /** @param gateway the gateway whose hand-off ring the encoder writes */
    void attach(final Gateway gateway)
    {
        this.gateway = gateway;
    }

    @Override
    public void idle(final int workCount)
    {
        if (workCount <= 0)
        {
            idle();
        }
    }

    @Override
    public void idle()
    {
        if (gateway == null || gateway.drainOutbound() == 0)
        {
            backoff.idle();
        }
        else
        {
            backoff.reset();
        }
    }

    @Override
    public void reset()
    {
        backoff.reset();
    }

    @Override
    public String alias()
    {
        return "drain-while-full";
    }
}
