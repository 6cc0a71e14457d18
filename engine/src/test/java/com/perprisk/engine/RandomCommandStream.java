package com.perprisk.engine;

import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.instrument.Instrument;

import java.util.List;
import java.util.Random;

import static com.perprisk.engine.EngineFixture.price;
import static com.perprisk.engine.EngineFixture.quote;
import static com.perprisk.engine.EngineFixture.rate;

/**
 * Generates a long random stream of valid and invalid commands over two instruments and a handful of
 * accounts, with volatile marks so that accounts cross alert and maintenance levels, go bankrupt and
 * get liquidated. Liquidation fills follow the candidates the engine reported. Test-only (uses Random).
 */
public final class RandomCommandStream
{
    public static final int BTC = 1;
    public static final int ETH = 2;
    public static final long LIQUIDATOR = 999;

    private final Random random;
    private final int accounts;
    private final long[] mark = new long[3];
    private final long[] tick = new long[3];
    private final long[] lot = new long[3];
    private long time = 1_000_000_000L;
    private long correlation;

    public RandomCommandStream(final long seed, final int accounts)
    {
        random = new Random(seed);
        this.accounts = accounts;
        mark[BTC] = price("40000");
        mark[ETH] = price("2000");
    }

    public static Instrument[] instruments()
    {
        return new Instrument[] {
            Instrument.builder(BTC, "BTC-PERP").priceDecimals(1).sizeDecimals(3)
                .tier(0, 50, Instrument.DERIVED, Instrument.DERIVED)
                .tier(quote("100000"), 20, Instrument.DERIVED, Instrument.DERIVED)
                .tier(quote("1000000"), 10, rate("0.06"), quote("20000"))   // explicit amount: a discontinuous tier
                .liquidationFeeRate(rate("0.0125")).takerFeeRate(rate("0.0005")).fundingClampRate(rate("0.01"))
                .maxPrice(price("1000000")).build(),
            Instrument.builder(ETH, "ETH-PERP").priceDecimals(2).sizeDecimals(2)
                .tier(0, 25, Instrument.DERIVED, Instrument.DERIVED)
                .tier(quote("50000"), 10, Instrument.DERIVED, Instrument.DERIVED)
                .liquidationFeeRate(rate("0.015")).takerFeeRate(rate("0.0007")).fundingClampRate(rate("0.02"))
                .maxPrice(price("100000")).build()
        };
    }

    public void setUp(final CommandEvent c, final List<Runnable> out, final java.util.function.Consumer<CommandEvent> sink)
    {
        for (final Instrument i : instruments())
        {
            tick[i.id()] = i.tickSize();
            lot[i.id()] = i.lotSize();
            sink.accept(c.defineInstrument(time, ++correlation, i.id(), i));
        }
        sink.accept(c.setLiquidator(time, ++correlation, LIQUIDATOR, true));
    }

    /**
     * Fill {@code c} with the next command.
     *
     * @param c         event to fill.
     * @param candidate last candidate reported (account, instrument, size to close, signed position size), or null.
     */
    public void next(final CommandEvent c, final long[] candidate)
    {
        time += 1_000_000L;
        final long corr = ++correlation;
        final long account = 1 + random.nextInt(accounts);
        final int instrument = random.nextBoolean() ? BTC : ETH;
        final int pick = random.nextInt(100);
        if (candidate != null && pick < 25)
        {
            final long close = candidate[2];
            final long signed = candidate[3] > 0 ? -close : close;
            c.liquidationFill(time, corr, random.nextInt(10) == 0 ? 1 : LIQUIDATOR, candidate[0], (int)candidate[1], signed,
                mark[(int)candidate[1]]);
        }
        else if (pick < 40)
        {
            c.markPrice(time, corr, instrument, nextMark(instrument), 0, 0);
        }
        else if (pick < 50)
        {
            c.deposit(time, corr, account, quote(Integer.toString(1 + random.nextInt(5000))));
        }
        else if (pick < 55)
        {
            c.withdraw(time, corr, account, quote(Integer.toString(1 + random.nextInt(3000))));
        }
        else if (pick < 78)
        {
            final long units = 1 + random.nextInt(instrument == BTC ? 400 : 3000);
            final long size = units * lot[instrument] * (random.nextBoolean() ? 1 : -1) * (instrument == BTC ? 10 : 10);
            final long offset = (random.nextInt(21) - 10) * tick[instrument] * (instrument == BTC ? 50 : 5);
            final long fee = random.nextInt(3) == 0 ? CommandEvent.FEE_FROM_SCHEDULE : quote(Integer.toString(random.nextInt(5)));
            c.fill(time, corr, account, instrument, size, Math.max(tick[instrument], mark[instrument] + offset), fee);
        }
        else if (pick < 82)
        {
            c.fundingRate(time, corr, instrument, (random.nextInt(201) - 100) * rate("0.0002"));
        }
        else if (pick < 86)
        {
            c.adjustIsolatedMargin(time, corr, account, instrument, quote(Integer.toString(random.nextInt(2001) - 1000)));
        }
        else if (pick < 89)
        {
            c.setLeverage(time, corr, account, instrument, 1 + random.nextInt(60));
        }
        else if (pick < 92)
        {
            c.setMarginMode(time, corr, account, instrument, random.nextInt(3));
        }
        else if (pick < 97)
        {
            c.preTradeCheck(time, corr, account, instrument, lot[instrument] * (random.nextInt(2001) - 1000), mark[instrument]);
        }
        else
        {
            c.queryAccount(time, corr, account);
        }
    }

    private long nextMark(final int instrument)
    {
        final long m = mark[instrument];
        final int r = random.nextInt(100);
        final long basisPoints = r < 5 ? random.nextInt(3001) - 1500 : random.nextInt(301) - 150;   // jumps of up to 15%
        long next = m + m / 10_000 * basisPoints;
        next -= next % tick[instrument];
        next = Math.max(next, tick[instrument] * 100);
        mark[instrument] = next;
        return next;
    }
}
