package com.perprisk.engine.pipeline;

import com.perprisk.engine.EngineConfig;
import com.perprisk.engine.RiskEngine;
import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.command.RejectReason;
import com.perprisk.engine.event.CommandResult;
import com.perprisk.engine.event.RiskEventListener;
import com.perprisk.engine.fixed.FixedPoint;
import com.perprisk.engine.instrument.Instrument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RiskPipelineTest
{
    private static final long USDC = FixedPoint.QUOTE_SCALE;

    private static final class Counting implements RiskEventListener
    {
        final AtomicLong results = new AtomicLong();
        final AtomicLong rejects = new AtomicLong();
        final List<String> threads = new ArrayList<>();

        @Override
        public void onCommandResult(final CommandResult result)
        {
            if (results.getAndIncrement() == 0)
            {
                threads.add(Thread.currentThread().getName());
            }
            if (result.rejectReason() != 0)
            {
                rejects.incrementAndGet();
            }
        }
    }

    private static Instrument btc()
    {
        return Instrument.builder(1, "BTC-PERP").priceDecimals(1).sizeDecimals(3).tier(0, 50, Instrument.DERIVED, Instrument.DERIVED).build();
    }

    @Test
    void manyProducersThroughTheRingGiveExactlyOneResultPerInputOnOneThread() throws Exception
    {
        final RiskEngine engine = new RiskEngine(new EngineConfig());
        final Counting listener = new Counting();
        final int producers = 2;
        final int perProducer = 20_000;
        try (RiskPipeline pipeline = new RiskPipeline(engine, listener, 1024, WaitStrategyKind.SLEEPING))
        {
            pipeline.start();
            final CommandEvent define = new CommandEvent();
            pipeline.publish(define.defineInstrument(0, 0, 1, btc()));
            final CountDownLatch done = new CountDownLatch(producers);
            for (int t = 0; t < producers; t++)
            {
                final long account = t + 1;
                new Thread(() ->
                {
                    final CommandEvent c = new CommandEvent();
                    for (int i = 0; i < perProducer; i++)
                    {
                        pipeline.publish(c.deposit(i, i, account, USDC));
                    }
                    done.countDown();
                }).start();
            }
            done.await();
        }
        assertEquals(1 + producers * perProducer, listener.results.get());
        assertEquals(0, listener.rejects.get());
        assertEquals(List.of("risk-business-logic"), listener.threads);
        assertEquals(producers * perProducer, engine.lastSequence(), "ring sequences are the input order");
        assertEquals(0, engine.ledgerImbalance());
        assertEquals(perProducer * USDC, engine.accounts().collateral(engine.accounts().slotOf(1)));
    }

    @ParameterizedTest
    @EnumSource(value = WaitStrategyKind.class, names = {"BLOCKING", "CALLER_RUNS"})
    void theRingAndDirectApplicationReachTheSameChecksum(final WaitStrategyKind wait)
    {
        final CommandEvent c = new CommandEvent();
        final List<CommandEvent> inputs = new ArrayList<>();
        inputs.add(new CommandEvent().defineInstrument(0, 0, 1, btc()));
        for (int i = 0; i < 200; i++)
        {
            inputs.add(new CommandEvent().deposit(i, i, 1 + i % 5, 10_000 * USDC));
            inputs.add(new CommandEvent().fill(i, i, 1 + i % 5, 1, (i % 2 == 0 ? 1 : -1) * 10_000_000L, (40_000 + i) * FixedPoint.PRICE_SCALE, 0));
            inputs.add(new CommandEvent().markPrice(i, i, 1, (39_000 + 7L * i) * FixedPoint.PRICE_SCALE, 0, 0));
        }
        final RiskEngine direct = new RiskEngine(new EngineConfig());
        long sequence = 0;
        for (final CommandEvent e : inputs)
        {
            c.copyFrom(e).sequence(sequence++);
            direct.apply(c, RiskEventListener.NO_OP);
        }
        final RiskEngine ringEngine = new RiskEngine(new EngineConfig());
        try (RiskPipeline pipeline = new RiskPipeline(ringEngine, RiskEventListener.NO_OP, 64, wait))
        {
            pipeline.start();
            for (final CommandEvent e : inputs)
            {
                pipeline.publish(e);
            }
        }
        assertEquals(direct.checksum(), ringEngine.checksum());
        assertEquals(direct.lastSequence(), ringEngine.lastSequence());
        assertTrue(direct.accounts().count() == 5);
    }

    /** Journals into a list, failing from the given append on; records the order of appends and results. */
    private static final class ListJournal implements InputJournal, RiskEventListener
    {
        final List<String> order = new ArrayList<>();
        final int failFrom;
        int appends;

        ListJournal(final int failFrom)
        {
            this.failFrom = failFrom;
        }

        @Override
        public boolean append(final CommandEvent event)
        {
            if (appends++ >= failFrom)
            {
                return false;
            }
            order.add("journal " + event.sequence());
            return true;
        }

        @Override
        public void onCommandResult(final CommandResult result)
        {
            order.add("result " + result.sequence() + " " + result.rejectReason());
        }
    }

    @ParameterizedTest
    @EnumSource(value = WaitStrategyKind.class, names = {"BLOCKING", "CALLER_RUNS"})
    void everyInputIsJournaledBeforeItsResultAndSequencesContinueFromTheFirstSequence(final WaitStrategyKind wait)
    {
        final ListJournal journal = new ListJournal(Integer.MAX_VALUE);
        final RiskEngine engine = new RiskEngine(new EngineConfig());
        try (RiskPipeline pipeline = new RiskPipeline(engine, journal, 64, wait, journal, 100))
        {
            pipeline.start();
            assertEquals(100, pipeline.publish(new CommandEvent().deposit(1, 1, 7, USDC)));
            assertEquals(101, pipeline.publish(new CommandEvent().withdraw(2, 2, 7, 2 * USDC)));
        }
        assertEquals(List.of("journal 100", "result 100 0", "journal 101", "result 101 " + RejectReason.INSUFFICIENT_COLLATERAL), journal.order);
        assertEquals(101, engine.lastSequence());
    }

    @ParameterizedTest
    @EnumSource(value = WaitStrategyKind.class, names = {"BLOCKING", "CALLER_RUNS"})
    void aFailedAppendRefusesThatInputAndEveryLaterOneAndStopsAccepting(final WaitStrategyKind wait)
    {
        final ListJournal journal = new ListJournal(2);
        final RiskEngine engine = new RiskEngine(new EngineConfig());
        try (RiskPipeline pipeline = new RiskPipeline(engine, journal, 64, wait, journal, 0))
        {
            pipeline.start();
            pipeline.publish(new CommandEvent().deposit(1, 1, 7, USDC));
            pipeline.publish(new CommandEvent().deposit(2, 2, 7, USDC));
            pipeline.publish(new CommandEvent().deposit(3, 3, 7, USDC));
            pipeline.publish(new CommandEvent().deposit(4, 4, 8, USDC));
            while (pipeline.isAccepting())
            {
                Thread.onSpinWait();
            }
            assertEquals(RiskPipeline.NOT_ACCEPTING, pipeline.publish(new CommandEvent().deposit(5, 5, 7, USDC)));
        }
        final String refused = " " + RejectReason.JOURNAL_UNAVAILABLE;
        // The fourth input is refused too if it was published before the failure was seen (through the ring it may be:
        // the publisher races the business-logic thread); on the caller it never is.
        final List<String> seen = List.of("journal 0", "result 0 0", "journal 1", "result 1 0", "result 2" + refused);
        final List<String> withFourth = List.of("journal 0", "result 0 0", "journal 1", "result 1 0", "result 2" + refused, "result 3" + refused);
        if (wait == WaitStrategyKind.CALLER_RUNS)
        {
            assertEquals(seen, journal.order);
        }
        else
        {
            assertTrue(journal.order.equals(seen) || journal.order.equals(withFourth), () -> "order: " + journal.order);
        }
        assertEquals(2 * USDC, engine.accounts().collateral(engine.accounts().slotOf(7)), "refused inputs are not applied");
        assertEquals(-1, engine.accounts().slotOf(8));
        assertEquals(1, engine.lastSequence(), "the last applied input is the last journaled one");
    }

    @Test
    void callerRunsAppliesEachInputOnThePublishingThreadBeforePublishReturns()
    {
        final List<Thread> resultThreads = new ArrayList<>();
        final List<Long> results = new ArrayList<>();
        final RiskEventListener listener = new RiskEventListener()
        {
            @Override
            public void onCommandResult(final CommandResult result)
            {
                resultThreads.add(Thread.currentThread());
                results.add(result.sequence());
            }
        };
        final RiskEngine engine = new RiskEngine(new EngineConfig());
        try (RiskPipeline pipeline = new RiskPipeline(engine, listener, 64, WaitStrategyKind.CALLER_RUNS, InputJournal.NONE, 5))
        {
            pipeline.start();
            assertEquals(5, pipeline.tryPublish(new CommandEvent().deposit(1, 1, 7, USDC)));
            assertEquals(List.of(5L), results, "applied before tryPublish returned");
            assertEquals(6, pipeline.publish(new CommandEvent().deposit(2, 2, 7, USDC)));
            assertEquals(List.of(5L, 6L), results, "applied before publish returned");
        }
        assertEquals(List.of(Thread.currentThread(), Thread.currentThread()), resultThreads);
        assertEquals(2 * USDC, engine.accounts().collateral(engine.accounts().slotOf(7)));
    }
}
