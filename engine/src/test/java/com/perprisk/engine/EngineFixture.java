package com.perprisk.engine;

import com.perprisk.engine.book.AccountBook;
import com.perprisk.engine.book.PositionBook;
import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.fixed.FixedPoint;
import com.perprisk.engine.instrument.Instrument;

import static com.perprisk.engine.fixed.FixedPoint.PRICE_DECIMALS;
import static com.perprisk.engine.fixed.FixedPoint.QUOTE_DECIMALS;
import static com.perprisk.engine.fixed.FixedPoint.RATE_DECIMALS;
import static com.perprisk.engine.fixed.FixedPoint.SIZE_DECIMALS;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Drives a {@link RiskEngine} directly (no ring) with decimal strings, one command at a time. */
public final class EngineFixture
{
    final RiskEngine engine;
    final RecordingListener listener = new RecordingListener();
    private final CommandEvent command = new CommandEvent();
    private long sequence;
    long time = 1_000_000_000L;

    EngineFixture()
    {
        this(new EngineConfig());
    }

    EngineFixture(final EngineConfig config)
    {
        engine = new RiskEngine(config);
    }

    public static long price(final String s)
    {
        return FixedPoint.parse(s, PRICE_DECIMALS);
    }

    public static long size(final String s)
    {
        return FixedPoint.parse(s, SIZE_DECIMALS);
    }

    public static long quote(final String s)
    {
        return FixedPoint.parse(s, QUOTE_DECIMALS);
    }

    public static long rate(final String s)
    {
        return FixedPoint.parse(s, RATE_DECIMALS);
    }

    int apply(final CommandEvent c)
    {
        listener.clear();
        c.sequence(sequence++);
        engine.apply(c, listener);
        return listener.lastReason;
    }

    int define(final Instrument instrument)
    {
        return apply(command.defineInstrument(time, 0, instrument.id(), instrument));
    }

    int deposit(final long account, final String amount)
    {
        return apply(command.deposit(time, 0, account, quote(amount)));
    }

    int withdraw(final long account, final String amount)
    {
        return apply(command.withdraw(time, 0, account, quote(amount)));
    }

    int fill(final long account, final int instrument, final String size, final String price)
    {
        return apply(command.fill(time, 0, account, instrument, size(size), price(price), 0));
    }

    int fillWithScheduleFee(final long account, final int instrument, final String size, final String price)
    {
        return apply(command.fill(time, 0, account, instrument, size(size), price(price), CommandEvent.FEE_FROM_SCHEDULE));
    }

    int mark(final int instrument, final String price)
    {
        return apply(command.markPrice(time, 0, instrument, price(price), 0, 0));
    }

    int funding(final int instrument, final String rate)
    {
        return apply(command.fundingRate(time, 0, instrument, rate(rate)));
    }

    int margin(final long account, final int instrument, final String amount)
    {
        return apply(command.adjustIsolatedMargin(time, 0, account, instrument, quote(amount)));
    }

    int leverage(final long account, final int instrument, final int leverage)
    {
        return apply(command.setLeverage(time, 0, account, instrument, leverage));
    }

    int isolated(final long account, final int instrument)
    {
        return apply(command.setMarginMode(time, 0, account, instrument, 1));
    }

    int preTrade(final long account, final int instrument, final String size, final String price)
    {
        return apply(command.preTradeCheck(time, 0, account, instrument, size(size), price(price)));
    }

    int liquidator(final long account)
    {
        return apply(command.setLiquidator(time, 0, account, true));
    }

    int liquidate(final long liquidator, final long account, final int instrument, final String size, final String price)
    {
        return apply(command.liquidationFill(time, 0, liquidator, account, instrument, size(size), price(price)));
    }

    int query(final long account)
    {
        return apply(command.queryAccount(time, 0, account));
    }

    RecordingListener.PositionUpdateCopy position(final int instrument)
    {
        return listener.positions.stream().filter(p -> p.instrument() == instrument).reduce((a, b) -> b).orElseThrow();
    }

    /** Binance USDⓈ-M BTCUSDT brackets (2021 snapshot; maintenance amounts derived, which must equal the published cum). */
    public static Instrument binanceBtc(final int id)
    {
        return Instrument.builder(id, "BTCUSDT").priceDecimals(2).sizeDecimals(3)
            .tier(quote("0"), 125, rate("0.004"), Instrument.DERIVED)
            .tier(quote("50000"), 100, rate("0.005"), Instrument.DERIVED)
            .tier(quote("250000"), 50, rate("0.01"), Instrument.DERIVED)
            .tier(quote("1000000"), 20, rate("0.025"), Instrument.DERIVED)
            .tier(quote("10000000"), 10, rate("0.05"), Instrument.DERIVED)
            .tier(quote("20000000"), 5, rate("0.10"), Instrument.DERIVED)
            .tier(quote("50000000"), 4, rate("0.125"), Instrument.DERIVED)
            .tier(quote("100000000"), 3, rate("0.15"), Instrument.DERIVED)
            .tier(quote("200000000"), 2, rate("0.25"), Instrument.DERIVED)
            .tier(quote("300000000"), 1, rate("0.50"), Instrument.DERIVED)
            .maxPrice(price("1000000"))
            .liquidationFeeRate(rate("0.0125"))
            .build();
    }

    /** Binance USDⓈ-M ETHUSDT brackets (2021 snapshot). */
    public static Instrument binanceEth(final int id)
    {
        return Instrument.builder(id, "ETHUSDT").priceDecimals(2).sizeDecimals(3)
            .tier(quote("0"), 100, rate("0.005"), Instrument.DERIVED)
            .tier(quote("10000"), 75, rate("0.0065"), Instrument.DERIVED)
            .tier(quote("100000"), 50, rate("0.01"), Instrument.DERIVED)
            .tier(quote("500000"), 25, rate("0.02"), Instrument.DERIVED)
            .tier(quote("1000000"), 10, rate("0.05"), Instrument.DERIVED)
            .tier(quote("2000000"), 5, rate("0.10"), Instrument.DERIVED)
            .tier(quote("5000000"), 4, rate("0.125"), Instrument.DERIVED)
            .tier(quote("10000000"), 3, rate("0.15"), Instrument.DERIVED)
            .tier(quote("20000000"), 2, rate("0.25"), Instrument.DERIVED)
            .maxPrice(price("100000"))
            .liquidationFeeRate(rate("0.0125"))
            .build();
    }

    /** A single-tier instrument with an explicit maintenance fraction (dYdX-style examples). */
    public static Instrument singleTier(final int id, final String symbol, final int maxLeverage, final String mmr)
    {
        return Instrument.builder(id, symbol).priceDecimals(2).sizeDecimals(3)
            .tier(0, maxLeverage, rate(mmr), Instrument.DERIVED)
            .maxPrice(price("100000"))
            .build();
    }

    /** The incrementally kept Σ isolated margin of each account's open positions equals a walk of its open list. */
    public static void assertOpenIsolatedMarginSums(final RiskEngine engine)
    {
        final AccountBook accounts = engine.accounts();
        final PositionBook positions = engine.positions();
        for (int slot = 0; slot < accounts.count(); slot++)
        {
            long walked = 0;
            for (int p = accounts.firstPosition(slot); p != AccountBook.NONE; p = positions.nextOfAccount(p))
            {
                walked += positions.isolatedMargin(p);
            }
            assertEquals(walked, positions.isolatedMarginOfAccount(slot), "open isolated margin of account slot " + slot);
        }
    }
}
