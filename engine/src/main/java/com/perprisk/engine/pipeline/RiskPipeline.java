package com.perprisk.engine.pipeline;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import com.perprisk.engine.RiskEngine;
import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.event.RiskEventListener;

import java.util.concurrent.TimeUnit;

/**
 * The engine's input path: an LMAX Disruptor ring of pre-allocated {@link CommandEvent}s, any number
 * of producers, and one business-logic thread that applies each event to the {@link RiskEngine} in
 * ring order. The ring sequence becomes the input's sequence: the total order that the journal will
 * record and replay.
 *
 * <p>Threading: {@link #publish} is safe from many threads; {@link #start} and {@link #close} from one
 * owner thread. The listener runs on the business-logic thread.
 */
public final class RiskPipeline implements AutoCloseable
{
    /** Returned by {@link #tryPublish} when the ring is full and nothing was published. */
    public static final long RING_FULL = -2;

    private final Disruptor<CommandEvent> disruptor;
    private final RingBuffer<CommandEvent> ring;
    private boolean started;

    /**
     * @param engine   the engine to drive (owned by the business-logic thread from {@link #start} on).
     * @param listener receives the output events on the business-logic thread.
     * @param ringSize number of pre-allocated slots, a power of two.
     * @param wait     how the business-logic thread waits for input.
     */
    public RiskPipeline(final RiskEngine engine, final RiskEventListener listener, final int ringSize, final WaitStrategyKind wait)
    {
        disruptor = new Disruptor<>(CommandEvent::new, ringSize, runnable ->
        {
            final Thread thread = new Thread(runnable, "risk-business-logic");
            thread.setDaemon(true);
            return thread;
        }, ProducerType.MULTI, wait.create());
        disruptor.handleEventsWith(new BusinessLogicHandler(engine, listener));
        ring = disruptor.getRingBuffer();
    }

    /** Start the business-logic thread. */
    public void start()
    {
        disruptor.start();
        started = true;
    }

    /**
     * Claim the next slot, copy the template into it, stamp the sequence and publish. Blocks (spins)
     * while the ring is full. Allocation-free.
     *
     * @param template a producer-owned event filled with one of its {@code set*} methods.
     * @return the sequence assigned to the input.
     */
    public long publish(final CommandEvent template)
    {
        final long sequence = ring.next();
        try
        {
            ring.get(sequence).copyFrom(template).sequence(sequence);
        }
        finally
        {
            ring.publish(sequence);
        }
        return sequence;
    }

    /**
     * Like {@link #publish} but never waits: a producer that must not block (a network gateway) applies back-pressure
     * upstream instead. Allocation-free (the Disruptor's capacity exception is a pre-allocated singleton).
     *
     * @param template a producer-owned event filled with one of its {@code set*} methods.
     * @return the sequence assigned to the input, or {@link #RING_FULL} if the ring is full and nothing was published.
     */
    public long tryPublish(final CommandEvent template)
    {
        final long sequence;
        try
        {
            sequence = ring.tryNext();
        }
        catch (final InsufficientCapacityException ex)
        {
            return RING_FULL;
        }
        try
        {
            ring.get(sequence).copyFrom(template).sequence(sequence);
        }
        finally
        {
            ring.publish(sequence);
        }
        return sequence;
    }

    /** Wait until every published input has been processed, then stop the business-logic thread. */
    @Override
    public void close()
    {
        if (started)
        {
            started = false;
            try
            {
                disruptor.shutdown(30, TimeUnit.SECONDS);
            }
            catch (final TimeoutException ex)
            {
                disruptor.halt();
                throw new IllegalStateException("business-logic thread did not drain the ring within 30 s", ex);
            }
        }
    }
}
