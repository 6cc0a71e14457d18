package com.perprisk.engine.pipeline;

import com.perprisk.engine.EngineConfig;
import com.perprisk.engine.RiskEngine;
import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.event.CommandResult;
import com.perprisk.engine.event.RiskEventListener;
import com.perprisk.engine.fixed.FixedPoint;
import com.perprisk.engine.instrument.Instrument;
import org.junit.jupiter.api.Test;

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

    @Test
    void theRingAndDirectApplicationReachTheSameChecksum()
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
        try (RiskPipeline pipeline = new RiskPipeline(ringEngine, RiskEventListener.NO_OP, 64, WaitStrategyKind.BLOCKING))
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
}
