package com.perprisk.engine.pipeline;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import com.perprisk.engine.RiskEngine;
import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.event.RiskEventListener;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The engine's input path: an LMAX Disruptor ring of pre-allocated {@link CommandEvent}s, any number
 * of producers, and one business-logic thread that journals each event ({@link InputJournal}) and then
 * applies it to the {@link RiskEngine}, in ring order. The ring sequence plus the first sequence becomes
 * the input's sequence: the total order that the journal records and replays.
 *
 * <p>With {@link WaitStrategyKind#CALLER_RUNS} there is no ring and no thread: {@link #publish} journals and applies
 * the input on the calling thread before it returns, in the same order and with the same sequences.
 *
 * <p>Threading: {@link #publish} is safe from many threads (CALLER_RUNS: from one thread at a time, with a
 * happens-before between turns); {@link #start} and {@link #close} from one owner thread. The listener runs on the
 * business-logic thread (CALLER_RUNS: the publishing thread).
 */
public final class RiskPipeline implements AutoCloseable
{
    /** Returned by {@link #publish} when the pipeline no longer accepts input (its journal failed). */
    public static final long NOT_ACCEPTING = -1;
    /** Returned by {@link #tryPublish} when the ring is full and nothing was published. */
    public static final long RING_FULL = -2;

    /** Null with CALLER_RUNS. */
    private final Disruptor<CommandEvent> disruptor;
    /** Null with CALLER_RUNS. */
    private final RingBuffer<CommandEvent> ring;
    /** The one event of CALLER_RUNS (null otherwise). */
    private final CommandEvent callerSlot;
    private final BusinessLogicHandler handler;
    private final long firstSequence;
    /** Next slot of CALLER_RUNS. */
    private long callerNext;
    private volatile boolean accepting = true;
    private boolean started;

    /**
     * @param engine   the engine to drive (owned by the business-logic thread from {@link #start} on).
     * @param listener receives the output events on the business-logic thread.
     * @param ringSize number of pre-allocated slots, a power of two.
     * @param wait     how the business-logic thread waits for input.
     */
    public RiskPipeline(final RiskEngine engine, final RiskEventListener listener, final int ringSize, final WaitStrategyKind wait)
    {
        this(engine, listener, ringSize, wait, InputJournal.NONE, 0);
    }

    /**
     * @param engine        the engine to drive (owned by the business-logic thread from {@link #start} on).
     * @param listener      receives the output events on the business-logic thread, each only after its input is journaled.
     * @param ringSize      number of pre-allocated slots, a power of two.
     * @param wait          how the business-logic thread waits for input.
     * @param journal       records each input before it is applied.
     * @param firstSequence sequence of the first input published (after a recovery: the last replayed sequence + 1).
     */
    public RiskPipeline(
        final RiskEngine engine,
        final RiskEventListener listener,
        final int ringSize,
        final WaitStrategyKind wait,
        final InputJournal journal,
        final long firstSequence)
    {
        this.firstSequence = firstSequence;
        handler = new BusinessLogicHandler(engine, listener, journal, this);
        if (wait == WaitStrategyKind.CALLER_RUNS)
        {
            disruptor = null;
            ring = null;
            callerSlot = new CommandEvent();
            return;
        }
        callerSlot = null;
        disruptor = new Disruptor<>(CommandEvent::new, ringSize, runnable ->
        {
            final Thread thread = new Thread(runnable, "risk-business-logic");
            thread.setDaemon(true);
            return thread;
        }, ProducerType.MULTI, wait.create());
        disruptor.handleEventsWith(handler);
        ring = disruptor.getRingBuffer();
    }

    /** Start the business-logic thread; returns once it runs (so a {@link #close} right after drains what was published). */
    public void start()
    {
        started = true;
        if (disruptor == null)
        {
            handler.onStart();
            return;
        }
        disruptor.start();
        handler.awaitRunning();
    }

    /**
     * Claim the next slot, copy the template into it, stamp the sequence and publish. Blocks (spins)
     * while the ring is full. Allocation-free.
     *
     * @param template a producer-owned event filled with one of its {@code set*} methods.
     * @return the sequence assigned to the input, or {@link #NOT_ACCEPTING} once the journal has failed.
     */
    public long publish(final CommandEvent template)
    {
        if (!accepting)
        {
            return NOT_ACCEPTING;
        }
        if (ring == null)
        {
            return runOnCaller(template);
        }
        final long sequence = ring.next();
        return copyAndPublish(sequence, template);
    }

    /**
     * Like {@link #publish} but never waits: a producer that must not block (a network gateway) applies back-pressure
     * upstream instead. Allocation-free (the Disruptor's capacity exception is a pre-allocated singleton).
     *
     * @param template a producer-owned event filled with one of its {@code set*} methods.
     * @return the sequence assigned to the input, {@link #RING_FULL} if the ring is full, or {@link #NOT_ACCEPTING} once
     * the journal has failed; nothing is published in either case.
     */
    public long tryPublish(final CommandEvent template)
    {
        if (!accepting)
        {
            return NOT_ACCEPTING;
        }
        if (ring == null)
        {
            return runOnCaller(template);
        }
        final long sequence;
        try
        {
            sequence = ring.tryNext();
        }
        catch (final InsufficientCapacityException ex)
        {
            return RING_FULL;
        }
        return copyAndPublish(sequence, template);
    }

    private long copyAndPublish(final long slot, final CommandEvent template)
    {
        try
        {
            ring.get(slot).copyFrom(template).sequence(firstSequence + slot);
        }
        finally
        {
            ring.publish(slot);
        }
        return firstSequence + slot;
    }

    private long runOnCaller(final CommandEvent template)
    {
        final long sequence = firstSequence + callerNext++;
        callerSlot.copyFrom(template).sequence(sequence);
        handler.onEvent(callerSlot, sequence, true);
        return sequence;
    }

    /** @return false once an input could not be journaled: the engine then applies nothing more. */
    public boolean isAccepting()
    {
        return accepting;
    }

    /** Called by the business-logic thread when the journal fails. */
    void stopAccepting()
    {
        accepting = false;
    }

    /**
     * Wait until every published input has been processed, then stop the business-logic thread and wait for it to
     * finish, so that everything it wrote is visible to the caller.
     */
    @Override
    public void close()
    {
        if (started && disruptor == null)
        {
            started = false;
            handler.onShutdown();
        }
        else if (started)
        {
            started = false;
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            final long target = ring.getCursor();
            while (disruptor.getSequenceValueFor(handler) < target)
            {
                if (System.nanoTime() - deadline > 0)
                {
                    disruptor.halt();
                    throw new IllegalStateException("business-logic thread did not drain the ring within 30 s");
                }
                LockSupport.parkNanos(100_000);
            }
            disruptor.halt();
            handler.awaitStopped();
        }
    }
}
