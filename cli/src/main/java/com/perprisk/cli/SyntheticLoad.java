package com.perprisk.cli;

import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.instrument.Instrument;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic workload for measurements: every account deposits once, then fills (60%), mark ticks as
 * a bounded random walk (25%), pre-trade checks (10%) and funding from a premium (5%) over the given instruments. The
 * same seed gives the same commands. Runs on the producer's side, never inside the engine.
 *
 * <p>Threading: one producer thread.
 */
final class SyntheticLoad
{
    private static final long NANOS_PER_COMMAND = 1_000L;

    private final SplittableRandom random;
    private final int accounts;
    private final Instrument[] instruments;
    private final long[] mark;
    private long time = 1_700_000_000_000_000_000L;
    private long correlation;
    private int deposited;

    /**
     * @param seed        random seed.
     * @param accounts    number of accounts (ids 1..accounts).
     * @param instruments instruments already defined in the engine, with a positive {@code maxPrice}.
     */
    SyntheticLoad(final long seed, final int accounts, final List<Instrument> instruments)
    {
        this.random = new SplittableRandom(seed);
        this.accounts = accounts;
        this.instruments = instruments.toArray(new Instrument[0]);
        this.mark = new long[this.instruments.length];
        for (int i = 0; i < mark.length; i++)
        {
            mark[i] = roundToTick(this.instruments[i].maxPrice() / 1000, this.instruments[i]);
        }
    }

    /**
     * Fill {@code c} with the next command.
     *
     * @param c the producer's template.
     * @return c.
     */
    CommandEvent next(final CommandEvent c)
    {
        time += NANOS_PER_COMMAND;
        final long corr = ++correlation;
        if (deposited < accounts)
        {
            return c.deposit(time, corr, ++deposited, 1_000_000L * 1_000_000L);
        }
        final int i = random.nextInt(instruments.length);
        final Instrument instrument = instruments[i];
        final long account = 1 + random.nextInt(accounts);
        final int pick = random.nextInt(100);
        if (pick < 60)
        {
            final long size = (random.nextBoolean() ? 1 : -1) * instrument.lotSize() * (1 + random.nextInt(100));
            return c.fill(time, corr, account, instrument.id(), size, mark[i], CommandEvent.FEE_FROM_SCHEDULE);
        }
        if (pick < 85)
        {
            final long step = mark[i] / 2000 * (random.nextInt(21) - 10);
            final long floor = instrument.maxPrice() / 2000;
            final long ceiling = instrument.maxPrice() / 500;
            mark[i] = roundToTick(Math.max(floor, Math.min(ceiling, mark[i] + step)), instrument);
            return c.markPrice(time, corr, instrument.id(), mark[i], 0, 0);
        }
        if (pick < 95)
        {
            final long size = (random.nextBoolean() ? 1 : -1) * instrument.lotSize() * (1 + random.nextInt(1000));
            return c.preTradeCheck(time, corr, account, instrument.id(), size, mark[i]);
        }
        return c.fundingFromPremium(time, corr, instrument.id(), (random.nextInt(201) - 100) * 1_000L);
    }

    private static long roundToTick(final long price, final Instrument instrument)
    {
        return Math.max(instrument.tickSize(), price / instrument.tickSize() * instrument.tickSize());
    }
}
