package com.perprisk.engine.risk;

import com.perprisk.engine.fixed.FixedPoint;
import com.perprisk.engine.instrument.Instrument;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The position formulas against a BigDecimal reference of the published formulas, over the declared range:
 * each result is the exact value rounded in its documented, conservative direction.
 */
class PositionMathPropertiesTest
{
    private static final BigDecimal PRICE = BigDecimal.valueOf(FixedPoint.PRICE_SCALE);
    private static final BigDecimal SIZE = BigDecimal.valueOf(FixedPoint.SIZE_SCALE);
    private static final BigDecimal QUOTE = BigDecimal.valueOf(FixedPoint.QUOTE_SCALE);
    private static final BigDecimal RATE = BigDecimal.valueOf(FixedPoint.RATE_SCALE);
    private static final MathContext MC = new MathContext(60);

    @Provide
    Arbitrary<Long> sizes()
    {
        return Arbitraries.longs().between(-1_000_000_000_000L, 1_000_000_000_000L).filter(s -> s != 0)
            .edgeCases(c -> c.add(1L).add(-1L).add(1_000_000_000_000L).add(-1_000_000_000_000L));
    }

    @Provide
    Arbitrary<Long> prices()
    {
        return Arbitraries.longs().between(1, 100_000_000_000_000L).edgeCases(c -> c.add(1L).add(100_000_000_000_000L));
    }

    @Provide
    Arbitrary<Long> backings()
    {
        return Arbitraries.longs().between(-1_000_000_000_000_000L, 1_000_000_000_000_000L);
    }

    @Provide
    Arbitrary<Long> maintenanceRates()
    {
        return Arbitraries.longs().between(1, 50_000_000L);
    }

    private static BigDecimal exactPrice(final long raw)
    {
        return BigDecimal.valueOf(raw).divide(PRICE);
    }

    private static long toRaw(final BigDecimal value, final BigDecimal scale, final RoundingMode mode)
    {
        return value.multiply(scale).setScale(0, mode).longValueExact();
    }

    @Property(tries = 5000)
    void unrealizedPnlIsTheExactValueRoundedDown(@ForAll("sizes") final long size, @ForAll("prices") final long entry, @ForAll("prices") final long mark)
    {
        final BigDecimal exact = BigDecimal.valueOf(size).divide(SIZE).multiply(exactPrice(mark).subtract(exactPrice(entry)));
        assertEquals(toRaw(exact, QUOTE, RoundingMode.FLOOR), PositionMath.unrealizedPnl(size, entry, mark));
    }

    @Property(tries = 5000)
    void fundingEffectIsTheExactValueRoundedDown(
        @ForAll("sizes") final long size,
        @ForAll("prices") final long from,
        @ForAll("prices") final long to)
    {
        final BigDecimal delta = BigDecimal.valueOf(to - from).divide(BigDecimal.valueOf(FixedPoint.FUNDING_INDEX_SCALE));
        final BigDecimal exact = BigDecimal.valueOf(-size).divide(SIZE).multiply(delta);
        assertEquals(toRaw(exact, QUOTE, RoundingMode.FLOOR), PositionMath.fundingEffect(size, from, to));
    }

    @Property(tries = 5000)
    void increasedEntryIsTheWeightedAverageRoundedAgainstTheHolder(
        @ForAll("sizes") final long size, @ForAll("prices") final long entry, @ForAll("prices") final long price,
        @ForAll("sizes") final long quantityMagnitude)
    {
        final long quantity = Long.signum(size) * Math.abs(quantityMagnitude);
        final TradeOutcome outcome = new TradeOutcome().compute(size, entry, quantity, price);
        final BigDecimal weighted = BigDecimal.valueOf(Math.abs(size)).multiply(BigDecimal.valueOf(entry))
            .add(BigDecimal.valueOf(Math.abs(quantity)).multiply(BigDecimal.valueOf(price)))
            .divide(BigDecimal.valueOf(Math.abs(size) + Math.abs(quantity)), MC);
        assertEquals(weighted.setScale(0, size > 0 ? RoundingMode.CEILING : RoundingMode.FLOOR).longValueExact(), outcome.newEntry());
        assertEquals(size + quantity, outcome.newSize());
        assertEquals(0, outcome.realizedPnl());
    }

    /**
     * Binance's and dYdX's liquidation price for one tier, {@code (entry - (backing + amount)/size) / (1 - side*mmr)}: the
     * engine's value is never on the late side of the exact one (a long's at or above, a short's at or below) and
     * is less than {@code 1 + 1/(1 - side*mmr)} units of 1e-8 away: the offset's rounding (under one unit), amplified by
     * the division, plus the division's own.
     */
    @Property(tries = 10000)
    void liquidationPriceIsExactToWithinItsRoundingOnTheConservativeSide(
        @ForAll("sizes") final long size,
        @ForAll("prices") final long entry,
        @ForAll("backings") final long backing,
        @ForAll("maintenanceRates") final long mmr)
    {
        final Instrument instrument = Instrument.builder(1, "X").priceDecimals(8).sizeDecimals(8)
            .tier(0, (int)Math.min(1000, FixedPoint.RATE_SCALE / (2 * mmr)), mmr, Instrument.DERIVED)
            .maxPrice(FixedPoint.MAX_PRICE).maxPositionSize(1_000_000_000_000L / 100).build();
        Assume.that(Math.abs(size) <= instrument.maxPositionSize());
        final BigDecimal s = BigDecimal.valueOf(size).divide(SIZE);
        final BigDecimal m = BigDecimal.valueOf(mmr).divide(RATE);
        final BigDecimal side = BigDecimal.valueOf(Long.signum(size));
        final BigDecimal exact = exactPrice(entry).subtract(BigDecimal.valueOf(backing).divide(QUOTE).divide(s, MC))
            .divide(BigDecimal.ONE.subtract(side.multiply(m)), MC);
        final long actual = PositionMath.liquidationPriceInTier(instrument, size, entry, backing, 0);
        final BigDecimal exactRaw = exact.multiply(PRICE);
        if (size > 0 && exactRaw.signum() <= 0)
        {
            assertTrue(actual == PositionMath.NO_PRICE || actual <= 3, () -> "a long never liquidated: exact " + exact + ", got " + actual);
            return;
        }
        if (size < 0 && exactRaw.compareTo(BigDecimal.ONE) < 0)
        {
            assertEquals(PositionMath.MIN_PRICE, actual, () -> "a short liquidatable at any price: exact " + exact);
            return;
        }
        if (exactRaw.compareTo(BigDecimal.valueOf(FixedPoint.MAX_PRICE)) > 0)
        {
            assertEquals(size > 0 ? FixedPoint.MAX_PRICE : PositionMath.NO_PRICE, actual, () -> "beyond MAX_PRICE: exact " + exact);
            return;
        }
        final BigDecimal difference = BigDecimal.valueOf(actual).subtract(exactRaw);
        final BigDecimal bound = BigDecimal.ONE.add(BigDecimal.ONE.divide(BigDecimal.ONE.subtract(side.multiply(m)), MC));
        if (size > 0)
        {
            assertTrue(difference.signum() >= 0 && difference.compareTo(bound) < 0, () -> "long: " + actual + " vs exact " + exactRaw);
        }
        else
        {
            assertTrue(difference.signum() <= 0 && difference.negate().compareTo(bound) < 0, () -> "short: " + actual + " vs exact " + exactRaw);
        }
    }

    /**
     * Hyperliquid's published form, evaluated at any current price p: {@code liq = p - side * margin_available /
     * position_size / (1 - l * side)}, with {@code l = 1 / MAINTENANCE_LEVERAGE = 1/(2 * max leverage)} and
     * {@code margin_available = account_value - maintenance_margin_required} (isolated: wallet + PnL at p,
     * |size| * p * l). Algebraically the same price as Binance's and dYdX's: the engine agrees within its rounding.
     */
    @Property(tries = 5000)
    void hyperliquidsFormulaAtAnyCurrentPriceGivesTheSamePrice(
        @ForAll("sizes") final long size,
        @ForAll("prices") final long entry,
        @ForAll("prices") final long current,
        @ForAll("wallets") final long wallet,
        @ForAll("hyperliquidLeverages") final int maxLeverage)
    {
        final Instrument instrument = Instrument.builder(1, "HL").priceDecimals(8).sizeDecimals(8)
            .tier(0, maxLeverage, Instrument.DERIVED, Instrument.DERIVED).maxPrice(FixedPoint.MAX_PRICE).maxPositionSize(10_000_000_000L).build();
        Assume.that(Math.abs(size) <= instrument.maxPositionSize());
        final BigDecimal l = BigDecimal.ONE.divide(BigDecimal.valueOf(2L * maxLeverage), MC);
        final BigDecimal side = BigDecimal.valueOf(Long.signum(size));
        final BigDecimal s = BigDecimal.valueOf(size).divide(SIZE);
        final BigDecimal p = exactPrice(current);
        final BigDecimal accountValue = BigDecimal.valueOf(wallet).divide(QUOTE).add(s.multiply(p.subtract(exactPrice(entry))));
        final BigDecimal marginAvailable = accountValue.subtract(s.abs().multiply(p).multiply(l));
        final BigDecimal hyperliquid = p.subtract(side.multiply(marginAvailable).divide(s.abs(), MC)
            .divide(BigDecimal.ONE.subtract(l.multiply(side)), MC));
        final BigDecimal exactRaw = hyperliquid.multiply(PRICE);
        Assume.that(exactRaw.compareTo(BigDecimal.ONE) >= 0 && exactRaw.compareTo(BigDecimal.valueOf(FixedPoint.MAX_PRICE)) <= 0);
        final long actual = PositionMath.liquidationPriceInTier(instrument, size, entry, wallet, 0);
        final BigDecimal difference = BigDecimal.valueOf(actual).subtract(exactRaw);
        // Where 1/(2 * leverage) has more than 8 decimals (3x) the engine's rate is rounded up: a relative 2e-8 more.
        final boolean exactRate = FixedPoint.RATE_SCALE % (2L * maxLeverage) == 0;
        final BigDecimal tolerance = BigDecimal.valueOf(3).add(exactRate ? BigDecimal.ZERO : exactRaw.multiply(new BigDecimal("2e-8")));
        assertTrue(difference.abs().compareTo(tolerance) < 0 && difference.signum() * Long.signum(size) >= 0,
            () -> "engine " + actual + " vs Hyperliquid " + exactRaw);
    }

    @Provide
    Arbitrary<Long> wallets()
    {
        return Arbitraries.longs().between(1, 10_000_000_000_000_000L);
    }

    @Provide
    Arbitrary<Integer> hyperliquidLeverages()
    {
        return Arbitraries.of(3, 5, 10, 20, 25, 40, 50);   // 3x: l = 1/6, rounded up at 1e-8 by the engine
    }

    /** Bankruptcy price {@code entry - backing/size}, rounded towards the mark: one rounding, so exact ceil (long) or floor (short). */
    @Property(tries = 10000)
    void bankruptcyPriceIsExactRoundedTowardsTheMark(
        @ForAll("sizes") final long size, @ForAll("prices") final long entry, @ForAll("backings") final long backing)
    {
        final BigDecimal exact = exactPrice(entry).subtract(BigDecimal.valueOf(backing).divide(QUOTE)
            .divide(BigDecimal.valueOf(size).divide(SIZE), MC));
        final BigInteger rounded = exact.multiply(PRICE).setScale(0, size > 0 ? RoundingMode.CEILING : RoundingMode.FLOOR).toBigIntegerExact();
        final long actual = PositionMath.bankruptcyPrice(size, entry, backing);
        if (rounded.signum() <= 0)
        {
            assertEquals(size > 0 ? PositionMath.NO_PRICE : PositionMath.MIN_PRICE, actual, "never (long) or at any price (short)");
        }
        else if (rounded.compareTo(BigInteger.valueOf(FixedPoint.MAX_PRICE)) > 0)
        {
            assertEquals(size > 0 ? FixedPoint.MAX_PRICE : PositionMath.NO_PRICE, actual);
        }
        else
        {
            assertEquals(rounded.longValueExact(), actual);
        }
    }
}
