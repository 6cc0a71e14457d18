package com.perprisk.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import com.perprisk.engine.RiskEngine;
import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.command.RejectReason;
import com.perprisk.engine.event.RiskEventListener;

import java.util.concurrent.CountDownLatch;

/**
 * The one consumer of the ring: journals each event, then hands it to the {@link RiskEngine}, in
 * sequence order. Journal and business logic share this one thread (on a two-core machine a second
 * stage thread costs milliseconds of latency), and the order inside {@link #onEvent} is what makes
 * "journal before visible" hold: no listener call happens for an input before its append returned.
 * An input that cannot be journaled is refused, and so is every later one.
 */
final class BusinessLogicHandler implements EventHandler<CommandEvent>
{
    private final RiskEngine engine;
    private final RiskEventListener listener;
    private final InputJournal journal;
    private final RiskPipeline pipeline;
    private final CountDownLatch running = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean journalFailed;

    BusinessLogicHandler(final RiskEngine engine, final RiskEventListener listener, final InputJournal journal, final RiskPipeline pipeline)
    {
        this.engine = engine;
        this.listener = listener;
        this.journal = journal;
        this.pipeline = pipeline;
    }

    @Override
    public void onStart()
    {
        try
        {
            journal.onStart();
        }
        catch (final RuntimeException ex)
        {
            journalFailed = true;
            pipeline.stopAccepting();
            throw ex;
        }
        finally
        {
            running.countDown();
        }
    }

    /** Wait until the business-logic thread has started (and its journal is ready or has failed). */
    void awaitRunning()
    {
        awaitUninterruptibly(running);
    }

    /** Wait until the business-logic thread has stopped; everything it wrote is then visible to the caller. */
    void awaitStopped()
    {
        awaitUninterruptibly(stopped);
    }

    private static void awaitUninterruptibly(final CountDownLatch latch)
    {
        boolean interrupted = false;
        while (true)
        {
            try
            {
                latch.await();
                break;
            }
            catch (final InterruptedException ex)
            {
                interrupted = true;
            }
        }
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void onEvent(final CommandEvent event, final long sequence, final boolean endOfBatch)
    {
        if (!journalFailed && !journal.append(event))
        {
            journalFailed = true;
            pipeline.stopAccepting();
        }
        if (journalFailed)
        {
            engine.refuse(event, RejectReason.JOURNAL_UNAVAILABLE, listener);
        }
        else
        {
            engine.apply(event, listener);
        }
    }

    @Override
    public void onShutdown()
    {
        try
        {
            journal.onShutdown();
        }
        finally
        {
            stopped.countDown();
        }
    }
}
