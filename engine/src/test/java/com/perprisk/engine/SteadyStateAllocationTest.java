package com.perprisk.engine;

import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.event.RiskEventListener;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static com.perprisk.engine.EngineFixture.price;
import static com.perprisk.engine.EngineFixture.quote;
import static com.perprisk.engine.EngineFixture.size;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A quick allocation check (the JMH -prof gc suite comes with the benchmarks): after warm-up, fills,
 * marks that fire triggers, funding, pre-trade checks and queries on existing accounts allocate nothing.
 */
class SteadyStateAllocationTest
{
    @Test
    void steadyStateProcessingAllocatesNothing()
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final RiskEngine engine = new RiskEngine(new EngineConfig().initialAccounts(256).initialPositions(1024));
        final CommandEvent c = new CommandEvent();
        long sequence = 0;
        for (final var instrument : RandomCommandStream.instruments())
        {
            engine.apply(c.defineInstrument(0, 0, instrument.id(), instrument), RiskEventListener.NO_OP);
        }
        for (long a = 1; a <= 100; a++)
        {
            engine.apply(c.deposit(0, 0, a, quote("5000")), RiskEventListener.NO_OP);
            engine.apply(c.fill(0, 0, a, 1, (a % 2 == 0 ? 1 : -1) * size("0.1") * a, price("40000"), 0), RiskEventListener.NO_OP);
            engine.apply(c.fill(0, 0, a, 2, (a % 3 == 0 ? 1 : -1) * size("1"), price("2000"), 0), RiskEventListener.NO_OP);
        }
        final int warmUpRounds = 2;
        final long[] allocated = new long[warmUpRounds + 5];
        for (int round = 0; round < allocated.length; round++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 20_000; i++)
            {
                final long account = 1 + i % 100;
                final long markBtc = price("40000") + (i % 200 - 100) * price("20");
                c.sequence(++sequence);
                switch (i % 5)
                {
                    case 0: c.markPrice(i, i, 1, markBtc, 0, 0); break;
                    case 1: c.fill(i, i, account, 1, (i % 2 == 0 ? 1 : -1) * size("0.001"), price("40000"), CommandEvent.FEE_FROM_SCHEDULE); break;
                    case 2: c.preTradeCheck(i, i, account, 1, size("0.01"), markBtc - markBtc % price("0.1")); break;
                    case 3: c.fundingRate(i, i, 2, (i % 2 == 0 ? 1 : -1) * 10_000L); break;
                    default: c.queryAccount(i, i, account);
                }
                engine.apply(c, RiskEventListener.NO_OP);
            }
            allocated[round] = threads.getCurrentThreadAllocatedBytes() - before;
        }
        // One allocation per command would be >= 320,000 bytes a round. The JVM itself occasionally charges a few hundred
        // bytes to the thread (class loading, deoptimisation), so: no round near that, and at least one round exactly zero.
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int round = warmUpRounds; round < allocated.length; round++)
        {
            min = Math.min(min, allocated[round]);
            max = Math.max(max, allocated[round]);
        }
        assertEquals(0, min, () -> "bytes allocated per round of 20,000 steady-state commands: " + java.util.Arrays.toString(allocated));
        assertTrue(max < 4096, () -> "bytes allocated per round: " + java.util.Arrays.toString(allocated));
    }
}
