package com.perprisk.engine;

import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.event.RiskEventListener;
import org.junit.jupiter.api.Test;

import static com.perprisk.engine.EngineFixture.price;
import static com.perprisk.engine.EngineFixture.quote;
import static com.perprisk.engine.EngineFixture.size;

/** After warm-up, fills, marks that fire triggers, funding, pre-trade checks and queries on existing accounts allocate nothing. */
class SteadyStateAllocationTest
{
    @Test
    void steadyStateProcessingAllocatesNothing()
    {
        final RiskEngine engine = new RiskEngine(new EngineConfig().initialAccounts(256).initialPositions(1024));
        final CommandEvent c = new CommandEvent();
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
        final long basePrice = price("40000");
        final long step = price("20");
        final long tick = price("0.1");
        final long lot = size("0.001");
        final long orderSize = size("0.01");
        final long[] sequence = {0};
        AllocationCheck.assertSteadyStateAllocatesNothing(2, 5, () ->
        {
            for (int i = 0; i < 20_000; i++)
            {
                final long account = 1 + i % 100;
                final long markBtc = basePrice + (i % 200 - 100) * step;
                c.sequence(++sequence[0]);
                switch (i % 5)
                {
                    case 0: c.markPrice(i, i, 1, markBtc, 0, 0); break;
                    case 1: c.fill(i, i, account, 1, (i % 2 == 0 ? 1 : -1) * lot, basePrice, CommandEvent.FEE_FROM_SCHEDULE); break;
                    case 2: c.preTradeCheck(i, i, account, 1, orderSize, markBtc - markBtc % tick); break;
                    case 3: c.fundingRate(i, i, 2, (i % 2 == 0 ? 1 : -1) * 10_000L); break;
                    default: c.queryAccount(i, i, account);
                }
                engine.apply(c, RiskEventListener.NO_OP);
            }
        });
    }
}
