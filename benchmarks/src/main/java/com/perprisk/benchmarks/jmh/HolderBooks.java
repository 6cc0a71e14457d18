package com.perprisk.benchmarks.jmh;

import com.perprisk.engine.EngineConfig;
import com.perprisk.engine.LiquidationDetection;
import com.perprisk.engine.RiskEngine;
import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.event.RiskEventListener;
import com.perprisk.engine.fixed.FixedPoint;
import com.perprisk.engine.fixed.Rounding;
import com.perprisk.engine.instrument.Instrument;

import java.util.SplittableRandom;

/**
 * An engine with many holders of one instrument, as the engine benchmarks need it: {@code accounts} accounts, each
 * with one open cross position in a BTC perpetual with Binance's USDⓈ-M brackets, longs and shorts alternating.
 * Most are far from liquidation (1x leverage, 0.1 BTC); one in {@code nearEvery} is near it: 0.25 BTC with only
 * enough collateral to stand between 0.5% and 1.5% of the mark from its liquidation price (spread evenly).
 * Mark ticks walk at random by one basis point within +/-0.5% of the start, so near accounts' triggers fire, some
 * raise margin alerts and recover, and none is liquidated; far accounts never need a look.
 *
 * <p>Commands are applied straight to the engine (no ring), stamped with consecutive sequences and a time that
 * advances 1 ms per command. Threading: one thread (the benchmark's).
 */
public final class HolderBooks
{
    /** The instrument's id. */
    public static final int BTC = 1;
    /** Start mark: 40,000 USD. */
    public static final long START_MARK = 40_000 * FixedPoint.PRICE_SCALE;
    /** One basis point of the start mark: the walk's step. */
    public static final long STEP = START_MARK / 10_000;
    /** The walk stays within this many steps of the start (0.5%). */
    public static final int WALK_STEPS = 50;
    /** Size of a far account's position: 0.1 BTC. */
    public static final long FAR_SIZE = FixedPoint.SIZE_SCALE / 10;
    /** Size of a near account's position: 0.25 BTC (10,000 USD notional, the first bracket). */
    public static final long NEAR_SIZE = FixedPoint.SIZE_SCALE / 4;

    private static final int WALK_LENGTH = 1 << 16;
    private static final long NANOS_PER_COMMAND = 1_000_000L;

    private final RiskEngine engine;
    private final RiskEventListener listener;
    private final CommandEvent command = new CommandEvent();
    private final long[] walk = new long[WALK_LENGTH];
    private final int accounts;
    private final int nearEvery;
    private long sequence;
    private long time = 1_700_000_000_000_000_000L;
    private int tick;

    /**
     * @param accounts  number of accounts (ids 1..accounts), each holding one position.
     * @param nearEvery one account in this many is near liquidation (1000 for 0.1%); 0 for none.
     * @param detection liquidation detection of the engine.
     * @param listener  listener of every command, including the set-up ones.
     */
    public HolderBooks(final int accounts, final int nearEvery, final LiquidationDetection detection, final RiskEventListener listener)
    {
        this.accounts = accounts;
        this.nearEvery = nearEvery;
        this.listener = listener;
        engine = new RiskEngine(new EngineConfig().initialAccounts(accounts).initialPositions(accounts).detection(detection));
        final Instrument btc = binanceBtc();
        apply(command.defineInstrument(time, 0, BTC, btc));
        apply(command.markPrice(time, 0, BTC, START_MARK, 0, 0));
        for (long id = 1; id <= accounts; id++)
        {
            final boolean isLong = (id & 1) == 1;
            if (isNear(id))
            {
                final long distance = nearDistance(id);
                apply(command.deposit(time, 0, id, nearCollateral(isLong, distance, btc)));
                apply(command.fill(time, 0, id, BTC, isLong ? NEAR_SIZE : -NEAR_SIZE, START_MARK, 0));
            }
            else
            {
                apply(command.deposit(time, 0, id, FixedPoint.notional(START_MARK, FAR_SIZE, Rounding.CEILING)));
                apply(command.fill(time, 0, id, BTC, isLong ? FAR_SIZE : -FAR_SIZE, START_MARK, 0));
            }
            if (lastReasonOf(listener) != 0)
            {
                throw new IllegalStateException("set-up of account " + id + " was refused with reason " + lastReasonOf(listener));
            }
        }
        final SplittableRandom random = new SplittableRandom(7);
        int steps = 0;
        for (int i = 0; i < WALK_LENGTH; i++)
        {
            final boolean up = steps == -WALK_STEPS || (steps != WALK_STEPS && random.nextBoolean());
            steps += up ? 1 : -1;
            walk[i] = START_MARK + steps * STEP;
        }
    }

    private static int lastReasonOf(final RiskEventListener listener)
    {
        return listener instanceof BlackholeListener ? ((BlackholeListener)listener).lastReason() : 0;
    }

    /** @param id account id @return true when the account is one of the near ones */
    public boolean isNear(final long id)
    {
        return nearEvery > 0 && id % nearEvery == nearEvery / 2;
    }

    /** Near accounts' distances to liquidation in hundredths of a basis point, 50 to 150 bp, spread evenly over them. */
    private long nearDistance(final long id)
    {
        final long k = id / nearEvery;
        final long nearCount = Math.max(1, accounts / nearEvery);
        return 5_000 + (k * 10_000) / nearCount;
    }

    /**
     * Collateral that puts the liquidation price {@code d} (in hundredths of a basis point) from the start mark (first bracket,
     * maintenance m = 0.4%): a long is liquidated at P = P0(1 - d) when C = N0 d + m N0 (1 - d), a short at
     * P = P0(1 + d) when C = N0 d + m N0 (1 + d), with N0 the notional at the start mark.
     */
    private static long nearCollateral(final boolean isLong, final long d, final Instrument btc)
    {
        final long whole = 1_000_000;
        final long notional = FixedPoint.notional(START_MARK, NEAR_SIZE, Rounding.FLOOR);
        final long m = btc.tierMaintenanceRate(0);
        final long moved = isLong ? whole - d : whole + d;
        return notional * d / whole + FixedPoint.mulDiv(notional * moved / whole, m, FixedPoint.RATE_SCALE, Rounding.FLOOR);
    }

    /** BTCUSDT with Binance's USDⓈ-M brackets (maintenance amounts derived). */
    public static Instrument binanceBtc()
    {
        return Instrument.builder(BTC, "BTCUSDT").priceDecimals(2).sizeDecimals(3)
            .tier(0, 125, rate(40), Instrument.DERIVED)
            .tier(quote(50_000), 100, rate(50), Instrument.DERIVED)
            .tier(quote(250_000), 50, rate(100), Instrument.DERIVED)
            .tier(quote(1_000_000), 20, rate(250), Instrument.DERIVED)
            .tier(quote(10_000_000), 10, rate(500), Instrument.DERIVED)
            .tier(quote(20_000_000), 5, rate(1_000), Instrument.DERIVED)
            .tier(quote(50_000_000), 4, rate(1_250), Instrument.DERIVED)
            .tier(quote(100_000_000), 3, rate(1_500), Instrument.DERIVED)
            .tier(quote(200_000_000), 2, rate(2_500), Instrument.DERIVED)
            .tier(quote(300_000_000), 1, rate(5_000), Instrument.DERIVED)
            .maxPrice(1_000_000 * FixedPoint.PRICE_SCALE)
            .liquidationFeeRate(rate(125))
            .takerFeeRate(rate(4))
            .build();
    }

    private static long quote(final long usd)
    {
        return usd * FixedPoint.QUOTE_SCALE;
    }

    /** @param basisPoints a rate in basis points @return it at the rate scale */
    private static long rate(final long basisPoints)
    {
        return basisPoints * FixedPoint.RATE_SCALE / 10_000;
    }

    private void apply(final CommandEvent c)
    {
        c.sequence(sequence++);
        engine.apply(c, listener);
    }

    private long nextTime()
    {
        time += NANOS_PER_COMMAND;
        return time;
    }

    /** Apply the next mark of the walk. */
    public void markTick()
    {
        apply(command.markPrice(nextTime(), 0, BTC, walk[tick++ & (WALK_LENGTH - 1)], 0, 0));
    }

    /** @return the mark the engine holds now */
    public long mark()
    {
        return engine.instruments().mark(BTC);
    }

    /**
     * Apply a funding rate.
     *
     * @param rate signed rate at the rate scale.
     */
    public void fundingTick(final long rate)
    {
        apply(command.fundingRate(nextTime(), 0, BTC, rate));
    }

    /**
     * Apply a fill at the current mark, no fee.
     *
     * @param account account id.
     * @param size    signed size.
     */
    public void fill(final long account, final long size)
    {
        apply(command.fill(nextTime(), 0, account, BTC, size, mark(), 0));
    }

    /**
     * Apply a pre-trade check at the current mark.
     *
     * @param account account id.
     * @param size    signed order size.
     */
    public void preTradeCheck(final long account, final long size)
    {
        apply(command.preTradeCheck(nextTime(), 0, account, BTC, size, mark()));
    }

    /** @return the engine (for checks) */
    public RiskEngine engine()
    {
        return engine;
    }

    /** @return number of accounts */
    public int accounts()
    {
        return accounts;
    }
}
