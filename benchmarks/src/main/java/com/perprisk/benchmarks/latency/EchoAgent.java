package com.perprisk.benchmarks.latency;

import io.aeron.ExclusivePublication;
import io.aeron.FragmentAssembler;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.Header;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;

/**
 * The "pong" of the bare Aeron ping-pong: polls the ping subscription and offers each message back unchanged on the
 * pong publication, as the gateway polls commands and offers responses, minus the engine in between. Run by its own
 * {@code AgentRunner} with the gateway's idle strategy. A back-pressured echo is retried at once (order is kept, as the
 * gateway keeps it); an echo to a pong stream that is gone is dropped and counted.
 *
 * <p>Threading: the agent's thread owns the subscription and publication; {@link #dropped()} may be read by any thread.
 */
public final class EchoAgent implements Agent
{
    private static final int FRAGMENT_LIMIT = 64;

    private final Subscription ping;
    private final ExclusivePublication pong;
    private final FragmentAssembler assembler = new FragmentAssembler(this::onPing);
    private volatile long dropped;

    /** @param ping where pings arrive @param pong where echoes go */
    public EchoAgent(final Subscription ping, final ExclusivePublication pong)
    {
        this.ping = ping;
        this.pong = pong;
    }

    @Override
    public int doWork()
    {
        return ping.poll(assembler, FRAGMENT_LIMIT);
    }

    @Override
    public String roleName()
    {
        return "latency-echo";
    }

    /** @return echoes dropped because the pong stream was gone */
    public long dropped()
    {
        return dropped;
    }

    private void onPing(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        while (true)
        {
            final long result = pong.offer(buffer, offset, length);
            if (result > 0)
            {
                return;
            }
            if (result != Publication.BACK_PRESSURED && result != Publication.ADMIN_ACTION)
            {
                dropped++;
                return;
            }
            Thread.onSpinWait();
        }
    }
}
