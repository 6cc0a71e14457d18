package com.perprisk.benchmarks.latency;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.FragmentAssembler;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.Header;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The transport floor as an {@link OpenLoopTransport}: a plain Aeron publication to an {@link EchoAgent} thread and a
 * subscription to its echoes, on the harness's media driver and over the same kind of channel as the engine. Each ping
 * is as long as the engine command it stands for ({@link CommandMix#messageLength}) and carries its command number in
 * its first 8 bytes. Two Aeron clients, as for the engine: one for the generator's side (as the {@code RiskClient}),
 * one for the echo side (as the node).
 *
 * <p>Threading: built, driven and closed by the generator thread; the echo runs on its own thread.
 */
public final class PingPongTransport implements OpenLoopTransport, AutoCloseable
{
    private static final int PING_STREAM_ID = 2001;
    private static final int PONG_STREAM_ID = 2002;
    private static final int FRAGMENT_LIMIT = 32;
    /** Offer again at once after an admin action (a term rotation), as the client's try-sends do. */
    private static final int ADMIN_ACTION_RETRIES = 3;
    private static final long CONNECT_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(20);

    private final Aeron generatorSide;
    private final Aeron echoSide;
    private final ExclusivePublication ping;
    private final Subscription pong;
    private final EchoAgent echo;
    private final AgentRunner echoRunner;
    private final CommandMix mix;
    private final UnsafeBuffer message = new UnsafeBuffer(ByteBuffer.allocateDirect(256));
    private final FragmentAssembler assembler = new FragmentAssembler(this::onPong);
    private ResponseSink sink;

    /**
     * Connect both sides, start the echo thread and wait until the two streams are connected.
     *
     * @param aeronDirectory the running media driver's directory.
     * @param pingChannel    channel of the pings.
     * @param pongChannel    channel of the echoes.
     * @param echoIdle       idle strategy of the echo thread (the gateway's).
     * @param mix            message length of each command number.
     * @throws IllegalStateException if the streams do not connect in time.
     */
    public PingPongTransport(
        final String aeronDirectory, final String pingChannel, final String pongChannel, final IdleStrategy echoIdle, final CommandMix mix)
    {
        this.mix = mix;
        Aeron generator = null;
        Aeron echoClient = null;
        AgentRunner runner = null;
        try
        {
            generator = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDirectory));
            echoClient = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDirectory));
            final Subscription pingSubscription = echoClient.addSubscription(pingChannel, PING_STREAM_ID);
            final ExclusivePublication pongPublication = echoClient.addExclusivePublication(pongChannel, PONG_STREAM_ID);
            pong = generator.addSubscription(pongChannel, PONG_STREAM_ID);
            ping = generator.addExclusivePublication(pingChannel, PING_STREAM_ID);
            echo = new EchoAgent(pingSubscription, pongPublication);
            runner = new AgentRunner(echoIdle, Throwable::printStackTrace, null, echo);
            AgentRunner.startOnThread(runner);
            final long deadline = System.nanoTime() + CONNECT_TIMEOUT_NS;
            while (!ping.isConnected() || !pongPublication.isConnected())
            {
                if (System.nanoTime() - deadline > 0)
                {
                    throw new IllegalStateException("the ping-pong streams did not connect within 20 s (" + pingChannel + ", " + pongChannel + ")");
                }
                LockSupport.parkNanos(1_000_000);
            }
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(runner, generator, echoClient);
            throw ex;
        }
        generatorSide = generator;
        echoSide = echoClient;
        echoRunner = runner;
    }

    @Override
    public void beginStep()
    {
        // numbers restart at 0; the driver drained the previous step, so no old echo is in flight
    }

    @Override
    public boolean trySend(final long command)
    {
        message.putLong(0, command);
        for (int attempt = 0; attempt <= ADMIN_ACTION_RETRIES; attempt++)
        {
            final long result = ping.offer(message, 0, mix.messageLength(command));
            if (result > 0)
            {
                return true;
            }
            if (result == Publication.BACK_PRESSURED)
            {
                return false;
            }
            if (result != Publication.ADMIN_ACTION)
            {
                throw new IllegalStateException("the ping stream failed: " + Publication.errorString(result));
            }
        }
        return false;
    }

    @Override
    public int poll(final ResponseSink sink)
    {
        this.sink = sink;
        return pong.poll(assembler, FRAGMENT_LIMIT);
    }

    /** @return echoes the echo thread dropped (its pong stream was gone): 0 in a good run */
    public long dropped()
    {
        return echo.dropped();
    }

    private void onPong(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        sink.onResponse(buffer.getLong(offset));
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(echoRunner, generatorSide, echoSide);
    }
}
