package com.perprisk.engine.fixed;

import static com.perprisk.engine.fixed.FixedPoint.OVERFLOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import net.jqwik.api.statistics.StatisticsReport.StatisticsReportMode;

/**
 * Every {@link FixedPoint} operation checked against an independent BigInteger/BigDecimal reference, with
 * generators weighted toward the edges: 0, +-1, +-Long.MAX_VALUE, values around powers of two (products near
 * 2^63, 2^64, 2^126), powers of ten, the engine's scales and documented limits.
 */
class FixedPointPropertiesTest
{

    private static final BigInteger BIG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger BIG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final long MAX = Long.MAX_VALUE;
    private static final long MIN = Long.MIN_VALUE;

    // ------------------------------------------------------------------------------------------- reference

    /** The exact result if it lies in (Long.MIN_VALUE, Long.MAX_VALUE], else OVERFLOW. */
    static long toResult(BigInteger exact)
    {
        return exact.compareTo(BIG_MIN) > 0 && exact.compareTo(BIG_MAX) <= 0 ? exact.longValueExact() : OVERFLOW;
    }

    static RoundingMode mode(Rounding rounding)
    {
        return rounding == Rounding.FLOOR ? RoundingMode.FLOOR : RoundingMode.CEILING;
    }

    static BigInteger exactQuotient(BigInteger numerator, long c, Rounding rounding)
    {
        return new BigDecimal(numerator).divide(BigDecimal.valueOf(c), 0, mode(rounding)).toBigIntegerExact();
    }

    static long refMulDiv(long a, long b, long c, Rounding rounding)
    {
        if (a == MIN || b == MIN || c <= 0)
        {
            return OVERFLOW;
        }
        return toResult(exactQuotient(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)), c, rounding));
    }

    static long refDiv(long a, long b, Rounding rounding)
    {
        if (a == MIN || b <= 0)
        {
            return OVERFLOW;
        }
        return toResult(exactQuotient(BigInteger.valueOf(a), b, rounding));
    }

    static long refAdd(long a, long b)
    {
        if (a == OVERFLOW || b == OVERFLOW)
        {
            return OVERFLOW;
        }
        return toResult(BigInteger.valueOf(a).add(BigInteger.valueOf(b)));
    }

    // ------------------------------------------------------------------------------------------- generators

    private static final long SQRT_2_63 = 3_037_000_499L;   // floor(sqrt(2^63 - 1))

    private static final Long[] FACTOR_EDGES = {
        0L, 1L, -1L, 2L, -2L, 3L, 7L, -7L, MAX, -MAX, MAX - 1, -(MAX - 1),
        1L << 62, -(1L << 62), (1L << 62) - 1, (1L << 62) + 1, 1L << 32, (1L << 32) - 1, (1L << 32) + 1,
        1L << 31, (1L << 31) - 1, -(1L << 32), SQRT_2_63, SQRT_2_63 + 1, -SQRT_2_63, -(SQRT_2_63 + 1),
        FixedPoint.PRICE_SCALE, FixedPoint.QUOTE_SCALE, FixedPoint.FUNDING_INDEX_SCALE,
        FixedPoint.NOTIONAL_DIVISOR, FixedPoint.FUNDING_DIVISOR,
        FixedPoint.MAX_PRICE, FixedPoint.MAX_SIZE, -FixedPoint.MAX_SIZE, FixedPoint.MAX_NOTIONAL,
        -FixedPoint.MAX_NOTIONAL, FixedPoint.MAX_BALANCE, -FixedPoint.MAX_BALANCE,
        FixedPoint.MAX_FUNDING_INDEX, -FixedPoint.MAX_FUNDING_INDEX, 1_000_000_000_000_000_000L,
    };

    private static final Long[] DIVISOR_EDGES = {
        1L, 2L, 3L, 10L, MAX, MAX - 1, MAX / 2, (MAX / 2) + 1, 1L << 62, (1L << 62) - 1, (1L << 62) + 1,
        1L << 32, (1L << 32) - 1, (1L << 32) + 1, 1L << 31, (1L << 31) - 1, (1L << 31) + 1, (1L << 33) - 1,
        SQRT_2_63, FixedPoint.RATE_SCALE, FixedPoint.NOTIONAL_DIVISOR, FixedPoint.FUNDING_DIVISOR,
        FixedPoint.FUNDING_RATE_DIVISOR, FixedPoint.FUNDING_INDEX_SCALE, 1_000_000_000_000_000_000L,
    };

    /** +-(2^k + d) for k in 0..62, |d| <= 3: magnitudes next to every power of two. */
    private static Arbitrary<Long> nearPowersOfTwo()
    {
        return Combinators.combine(
                Arbitraries.integers().between(0, 62),
                Arbitraries.longs().between(-3, 3),
                Arbitraries.of(1L, -1L))
            .as((k, d, s) -> s * ((1L << k) + d));
    }

    /** +-(10^k + d) for k in 0..18, |d| <= 3. */
    private static Arbitrary<Long> nearPowersOfTen()
    {
        return Combinators.combine(
                Arbitraries.integers().between(0, 18),
                Arbitraries.longs().between(-3, 3),
                Arbitraries.of(1L, -1L))
            .as((k, d, s) -> s * (BigInteger.TEN.pow(k).longValueExact() + d));
    }

    /** Any long except Long.MIN_VALUE, edge-weighted. */
    @Provide
    Arbitrary<Long> factor()
    {
        return Arbitraries.frequencyOf(
            Tuple.of(5, Arbitraries.longs().between(MIN + 1, MAX)
                .edgeCases(config -> config.add(FACTOR_EDGES))),
            Tuple.of(2, nearPowersOfTwo()),
            Tuple.of(1, nearPowersOfTen()),
            Tuple.of(1, Arbitraries.longs().between(-1000, 1000)),
            Tuple.of(1, Arbitraries.of(FACTOR_EDGES)));
    }

    /** Any divisor in [1, Long.MAX_VALUE], edge-weighted. */
    @Provide
    Arbitrary<Long> divisor()
    {
        return Arbitraries.frequencyOf(
            Tuple.of(5, Arbitraries.longs().between(1, MAX).edgeCases(config -> config.add(DIVISOR_EDGES))),
            Tuple.of(2, nearPowersOfTwo().map(v -> Math.max(1L, Math.abs(v)))),
            Tuple.of(1, nearPowersOfTen().map(v -> Math.max(1L, Math.abs(v)))),
            Tuple.of(1, Arbitraries.longs().between(1, 1000)),
            Tuple.of(1, Arbitraries.of(DIVISOR_EDGES)));
    }

    /** Any long including Long.MIN_VALUE (the OVERFLOW sentinel), edge-weighted. */
    @Provide
    Arbitrary<Long> anyLong()
    {
        return Arbitraries.frequencyOf(
            Tuple.of(6, factor()),
            Tuple.of(1, Arbitraries.of(MIN, MIN + 1, MIN + 2, MAX, MAX - 1)));
    }

    // ------------------------------------------------------------------------------------------- mulDiv

    @Property(tries = 10_000)
    void mulDivMatchesReference(@ForAll("factor") long a, @ForAll("factor") long b, @ForAll("divisor") long c,
                                @ForAll Rounding rounding)
    {
        assertEquals(refMulDiv(a, b, c, rounding), FixedPoint.mulDiv(a, b, c, rounding),
            () -> "mulDiv(" + a + ", " + b + ", " + c + ", " + rounding + ")");
    }

    @Property(tries = 10_000)
    void mulDivFloorLowerBoundIsALowerBoundWithinItsStatedShortfall(
        @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long a,
        @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long b,
        @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long c)
    {
        final BigInteger exact = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(c));
        final BigInteger bound = BigInteger.valueOf(FixedPoint.mulDivFloorLowerBound(a, b, c));
        final String call = "mulDivFloorLowerBound(" + a + ", " + b + ", " + c + ")";
        assertTrue(bound.compareTo(exact) <= 0, () -> call + " = " + bound + " exceeds " + exact);
        // short of the exact quotient by less than c / 2^61 of it, plus one (beyond a long: saturated, checked above)
        final BigInteger shortfall = exact.min(BigInteger.valueOf(Long.MAX_VALUE)).subtract(bound);
        assertTrue(shortfall.shiftLeft(61).compareTo(exact.multiply(BigInteger.valueOf(c)).add(BigInteger.ONE.shiftLeft(61))) <= 0,
            () -> call + " = " + bound + " is short of " + exact + " by " + shortfall);
        if (BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).bitLength() < 64)
        {
            assertEquals(exact, bound, () -> call + " is exact when the product fits in 63 bits");
        }
    }

    @Property(tries = 2_000)
    void mulDivFloorLowerBoundOfTriggerRoomsIsExactToAPartPerBillion(
        @ForAll @LongRange(min = 1, max = 100_000_000_000_000_000L) long budget,
        @ForAll @LongRange(min = 1, max = 2_147_483_647L) long size)
    {
        final long divisor = FixedPoint.NOTIONAL_DIVISOR;
        final long exact = FixedPoint.mulDiv(budget, divisor, size, Rounding.FLOOR);
        final long bound = FixedPoint.mulDivFloorLowerBound(budget, divisor, size);
        if (exact == OVERFLOW)
        {
            assertEquals(Long.MAX_VALUE, bound, "a quotient beyond a long saturates");
            return;
        }
        assertTrue(bound <= exact && exact - bound <= exact / 1_000_000_000L + 1, () -> budget + " * 1e10 / " + size + ": " + bound + " vs " + exact);
    }

    /**
     * Steers the exact quotient to within a few units of Long.MAX_VALUE in magnitude (both signs), so that the
     * OVERFLOW boundary and its interaction with rounding are hit exactly: quotient MAX with a remainder is valid
     * under one rounding and OVERFLOW under the other.
     */
    @Property(tries = 10_000)
    @StatisticsReport(StatisticsReportMode.OFF)
    void mulDivAtOverflowBoundary(@ForAll("divisor") long c,
                                  @ForAll @IntRange(min = 0, max = 3) int bShape,
                                  @ForAll @IntRange(min = 1, max = 9) int k,
                                  @ForAll @LongRange(min = -1000, max = 1000) long bOffset,
                                  @ForAll @LongRange(min = -2, max = 2) long aDelta,
                                  @ForAll boolean negateA, @ForAll boolean negateB,
                                  @ForAll Rounding rounding)
    {
        final long actual = checkQuotientNear(BIG_MAX, c, bShape, k, bOffset, aDelta, negateA, negateB, rounding);
        final String outcome = actual == OVERFLOW ? "overflow"
            : Math.abs(actual) >= MAX - 2 ? "at boundary" : "inside";
        Statistics.collect(outcome);
        Statistics.coverage(cov -> {
            cov.check("overflow").percentage(p -> p > 5);
            cov.check("at boundary").percentage(p -> p > 5);
        });
    }

    private static final BigInteger TWO_POW_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger[] WIDE_TARGETS = {
        BigInteger.ONE.shiftLeft(63), TWO_POW_64.subtract(BigInteger.TWO), TWO_POW_64.subtract(BigInteger.ONE),
        TWO_POW_64,
    };

    /**
     * Steers the exact quotient to 2^63, 2^64 - 2, 2^64 - 1 or 2^64 in magnitude: quotients that do not fit in a
     * long but do (or just do not) fit in the unsigned 64-bit word of the 128-by-64 division, where a wrapped
     * quotient would read as a small or negative long.
     */
    @Property(tries = 5_000)
    @StatisticsReport(StatisticsReportMode.OFF)
    void mulDivWithQuotientsBeyondTheLongRange(@ForAll("divisor") long c,
                                               @ForAll @IntRange(min = 0, max = 3) int target,
                                               @ForAll @IntRange(min = 2, max = 5) int k,
                                               @ForAll @LongRange(min = -1000, max = 1000) long bOffset,
                                               @ForAll @LongRange(min = -2, max = 2) long aDelta,
                                               @ForAll boolean negateA, @ForAll boolean negateB,
                                               @ForAll Rounding rounding)
    {
        final long actual =
            checkQuotientNear(WIDE_TARGETS[target], c, 1, k, bOffset, aDelta, negateA, negateB, rounding);
        Statistics.collect(lastExactFloorMagnitude.equals(TWO_POW_64.subtract(BigInteger.ONE)) ? "2^64-1" : "other");
        Statistics.coverage(cov -> cov.check("2^64-1").percentage(p -> p > 1));
        assertTrue(actual == OVERFLOW || lastExactFloorMagnitude.bitLength() < 64);
    }

    private BigInteger lastExactFloorMagnitude = BigInteger.ZERO;

    /**
     * Builds |b| from c (shape 0: c + offset, 1: k*c + offset, 2: c/k + offset, 3: small), then
     * |a| = ceil(target * c / |b|) + delta, so that |a * b| / c lies within a few |b|/c of target; applies the
     * signs and checks mulDiv against the reference. Returns the actual result.
     */
    private long checkQuotientNear(BigInteger target, long c, int bShape, int k, long bOffset, long aDelta,
                                   boolean negateA, boolean negateB, Rounding rounding)
    {
        final BigInteger bigC = BigInteger.valueOf(c);
        final BigInteger shapedB;
        switch (bShape)
        {
            case 0:
                shapedB = bigC.add(BigInteger.valueOf(bOffset));
                break;
            case 1:
                shapedB = bigC.multiply(BigInteger.valueOf(k)).add(BigInteger.valueOf(bOffset));
                break;
            case 2:
                shapedB = bigC.divide(BigInteger.valueOf(k)).add(BigInteger.valueOf(bOffset));
                break;
            default:
                shapedB = BigInteger.valueOf(Math.abs(bOffset)).add(BigInteger.valueOf(k));
                break;
        }
        final long bAbs = clamp(shapedB, 1, MAX);
        final BigInteger[] qr = target.multiply(bigC).divideAndRemainder(BigInteger.valueOf(bAbs));
        final BigInteger ceil = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
        final long aAbs = clamp(ceil.add(BigInteger.valueOf(aDelta)), 0, MAX);
        final long a = negateA ? -aAbs : aAbs;
        final long b = negateB ? -bAbs : bAbs;
        lastExactFloorMagnitude = BigInteger.valueOf(aAbs).multiply(BigInteger.valueOf(bAbs)).divide(bigC);

        final long actual = FixedPoint.mulDiv(a, b, c, rounding);
        assertEquals(refMulDiv(a, b, c, rounding), actual,
            () -> "mulDiv(" + a + ", " + b + ", " + c + ", " + rounding + ")");
        return actual;
    }

    /**
     * Divisors shaped for the wide-product fast paths: {@code c = d * 2^k} with an odd part {@code d} next to 2^31,
     * next to 2^32 (both sides of the two-step limit), small, random below 2^32, random above it, or the odd part of
     * an engine scale, shifted by every k that keeps c below 2^63.
     */
    @Provide
    Arbitrary<Long> fastPathDivisor()
    {
        final Arbitrary<Long> odd = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.longs().between(-4, 4).map(x -> (1L << 31) + x)),
                Tuple.of(2, Arbitraries.longs().between(-4, 4).map(x -> (1L << 32) + x)),
                Tuple.of(1, Arbitraries.longs().between(1, 1000)),
                Tuple.of(2, Arbitraries.longs().between(1, (1L << 32) - 1)),
                Tuple.of(1, Arbitraries.longs().between(1L << 32, 1L << 40)),
                Tuple.of(2, Arbitraries.of(FixedPoint.RATE_SCALE, FixedPoint.NOTIONAL_DIVISOR, FixedPoint.FUNDING_DIVISOR,
                    FixedPoint.FUNDING_RATE_DIVISOR, FixedPoint.FUNDING_INDEX_SCALE, FixedPoint.QUOTE_SCALE)))
            .map(v -> v >>> Long.numberOfTrailingZeros(v));
        return Combinators.combine(odd, Arbitraries.integers().between(0, 62))
            .as((d, k) -> d << Math.min(k, Long.numberOfLeadingZeros(d) - 1));
    }

    private static final BigInteger[] SHIFT_TARGETS = {
        BigInteger.ONE.shiftLeft(63), BigInteger.ONE.shiftLeft(64), BigInteger.ONE.shiftLeft(126), BigInteger.ONE.shiftLeft(32),
    };

    /**
     * The fast paths of the wide division against the reference: products steered so that, shifted right by c's
     * factors of two, they lie next to 2^63 (the limit of the one-division path), 2^64, 2^126 or 2^32 (the carry
     * between the two 32-bit steps), both signs, both roundings; and free factors (target 4).
     */
    @Property(tries = 20_000)
    void mulDivFastPathsMatchReference(@ForAll("fastPathDivisor") long c,
                                       @ForAll @IntRange(min = 0, max = 4) int target,
                                       @ForAll @IntRange(min = 0, max = 3) int bShape,
                                       @ForAll @IntRange(min = 1, max = 9) int k,
                                       @ForAll @LongRange(min = -1000, max = 1000) long bOffset,
                                       @ForAll @LongRange(min = -2, max = 2) long aDelta,
                                       @ForAll boolean negateA, @ForAll boolean negateB,
                                       @ForAll("factor") long a, @ForAll("factor") long b,
                                       @ForAll Rounding rounding)
    {
        if (target == SHIFT_TARGETS.length)
        {
            assertEquals(refMulDiv(a, b, c, rounding), FixedPoint.mulDiv(a, b, c, rounding),
                () -> "mulDiv(" + a + ", " + b + ", " + c + ", " + rounding + ")");
            return;
        }
        // A quotient q means a product near q * c; shifted right by c's twos, near q * (odd part of c).
        final BigInteger odd = BigInteger.valueOf(c >>> Long.numberOfTrailingZeros(c));
        final BigInteger quotient = SHIFT_TARGETS[target].divide(odd).max(BigInteger.ONE);
        checkQuotientNear(quotient, c, bShape, k, bOffset, aDelta, negateA, negateB, rounding);
    }

    /**
     * Division by the funding divisor's odd part 5^14 (above 2^32) in two passes by 5^7: wide products of any size
     * over 5^14 times every power of two that fits, against the reference.
     */
    @Property(tries = 10_000)
    void mulDivByTheFundingDivisorOddPartMatchesReference(@ForAll("factor") long a, @ForAll("factor") long b,
                                                           @ForAll @IntRange(min = 0, max = 29) int k,
                                                           @ForAll Rounding rounding)
    {
        final long c = 6_103_515_625L << k;
        assertEquals(refMulDiv(a, b, c, rounding), FixedPoint.mulDiv(a, b, c, rounding),
            () -> "mulDiv(" + a + ", " + b + ", " + c + ", " + rounding + ")");
    }

    /** Every pair of edge factors over every edge and fast-path divisor shifted by each power of two that fits. */
    @Example
    void mulDivMatchesReferenceOnAllEdgeCombinations()
    {
        final long[] odd = {1, 3, 5, (1L << 31) - 1, (1L << 31) + 1, (1L << 32) - 1, (1L << 32) + 1, 390_625L,
            9_765_625L, 6_103_515_625L, 625L};
        for (final long d : odd)
        {
            for (int k = 0; k < Long.numberOfLeadingZeros(d); k++)
            {
                checkAllEdgePairs(d << k);
            }
        }
        for (final Long c : DIVISOR_EDGES)
        {
            checkAllEdgePairs(c);
        }
    }

    private static void checkAllEdgePairs(final long c)
    {
        for (final Long a : FACTOR_EDGES)
        {
            for (final Long b : FACTOR_EDGES)
            {
                for (final Rounding rounding : Rounding.values())
                {
                    assertEquals(refMulDiv(a, b, c, rounding), FixedPoint.mulDiv(a, b, c, rounding),
                        () -> "mulDiv(" + a + ", " + b + ", " + c + ", " + rounding + ")");
                }
            }
        }
    }

    @Property(tries = 3_000)
    void mulDivIsExactWhenTheDivisorDividesTheProduct(@ForAll("factor") long a, @ForAll("divisor") long c,
                                                      @ForAll Rounding rounding)
    {
        assertEquals(a, FixedPoint.mulDiv(a, c, c, rounding));
        assertEquals(a, FixedPoint.mulDiv(c, a, c, rounding));
        assertEquals(-a, FixedPoint.mulDiv(a, -c, c, rounding));
        assertEquals(a, FixedPoint.mulDiv(a, 1, 1, rounding));
    }

    @Property(tries = 3_000)
    void mulDivRejectsInvalidArguments(@ForAll("factor") long a, @ForAll("factor") long b,
                                       @ForAll @LongRange(min = Long.MIN_VALUE, max = 0) long badDivisor,
                                       @ForAll("divisor") long c, @ForAll Rounding rounding)
    {
        assertEquals(OVERFLOW, FixedPoint.mulDiv(a, b, badDivisor, rounding));
        assertEquals(OVERFLOW, FixedPoint.mulDiv(MIN, b, c, rounding));
        assertEquals(OVERFLOW, FixedPoint.mulDiv(a, MIN, c, rounding));
        assertEquals(OVERFLOW, FixedPoint.mulDiv(a, b, c, null));
    }

    @Property(tries = 3_000)
    void floorAndCeilingDifferByOneExactlyWhenInexact(@ForAll("factor") long a, @ForAll("factor") long b,
                                                      @ForAll("divisor") long c)
    {
        final long floor = FixedPoint.mulDiv(a, b, c, Rounding.FLOOR);
        final long ceiling = FixedPoint.mulDiv(a, b, c, Rounding.CEILING);
        final boolean exact = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b))
            .mod(BigInteger.valueOf(c)).signum() == 0;
        if (floor != OVERFLOW && ceiling != OVERFLOW)
        {
            assertEquals(exact ? 0 : 1, ceiling - floor);
        }
        // Negating one factor mirrors the result and swaps the rounding directions.
        assertEquals(floor == OVERFLOW ? OVERFLOW : -floor, FixedPoint.mulDiv(-a, b, c, Rounding.CEILING));
    }

    // ------------------------------------------------------------------------------------------- notional, rate

    @Provide
    Arbitrary<Long> size()
    {
        return Arbitraries.longs().between(-FixedPoint.MAX_SIZE, FixedPoint.MAX_SIZE)
            .edgeCases(config -> config.add(-FixedPoint.MAX_SIZE, FixedPoint.MAX_SIZE, -1L, 1L, 0L,
                FixedPoint.SIZE_SCALE, -FixedPoint.SIZE_SCALE, FixedPoint.SIZE_SCALE / 2));
    }

    @Provide
    Arbitrary<Long> price()
    {
        return Arbitraries.longs().between(0, FixedPoint.MAX_PRICE)
            .edgeCases(config -> config.add(0L, 1L, FixedPoint.MAX_PRICE, FixedPoint.MAX_PRICE - 1,
                FixedPoint.PRICE_SCALE, 42_500L * FixedPoint.PRICE_SCALE));
    }

    @Property(tries = 10_000)
    void notionalMatchesReference(@ForAll("price") long price, @ForAll("size") long size,
                                  @ForAll Rounding rounding)
    {
        final long expected = toResult(exactQuotient(
            BigInteger.valueOf(price).multiply(BigInteger.valueOf(size)), FixedPoint.NOTIONAL_DIVISOR, rounding));
        assertEquals(expected, FixedPoint.notional(price, size, rounding),
            () -> "notional(" + price + ", " + size + ", " + rounding + ")");
    }

    @Provide
    Arbitrary<Long> amount()
    {
        return Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.longs().between(-FixedPoint.MAX_BALANCE, FixedPoint.MAX_BALANCE)
                .edgeCases(config -> config.add(-FixedPoint.MAX_BALANCE, FixedPoint.MAX_BALANCE, 0L, 1L, -1L))),
            Tuple.of(1, factor()));
    }

    @Provide
    Arbitrary<Long> rate()
    {
        return Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.longs().between(-10 * FixedPoint.RATE_SCALE, 10 * FixedPoint.RATE_SCALE)
                .edgeCases(config -> config.add(0L, 1L, -1L, FixedPoint.RATE_SCALE, -FixedPoint.RATE_SCALE,
                    FixedPoint.RATE_SCALE / 2))),
            Tuple.of(1, factor()));
    }

    @Property(tries = 10_000)
    void applyRateMatchesReference(@ForAll("amount") long amount, @ForAll("rate") long rate,
                                   @ForAll Rounding rounding)
    {
        assertEquals(refMulDiv(amount, rate, FixedPoint.RATE_SCALE, rounding),
            FixedPoint.applyRate(amount, rate, rounding),
            () -> "applyRate(" + amount + ", " + rate + ", " + rounding + ")");
    }

    // ------------------------------------------------------------------------------------------- div, add, within

    @Property(tries = 10_000)
    void divMatchesReference(@ForAll("anyLong") long a, @ForAll("divisor") long b, @ForAll Rounding rounding)
    {
        assertEquals(refDiv(a, b, rounding), FixedPoint.div(a, b, rounding),
            () -> "div(" + a + ", " + b + ", " + rounding + ")");
    }

    @Property(tries = 2_000)
    void divRejectsNonPositiveDivisors(@ForAll("anyLong") long a,
                                       @ForAll @LongRange(min = Long.MIN_VALUE, max = 0) long b,
                                       @ForAll Rounding rounding)
    {
        assertEquals(OVERFLOW, FixedPoint.div(a, b, rounding));
    }

    @Provide
    Arbitrary<Long> addend()
    {
        return Arbitraries.frequencyOf(
            Tuple.of(3, anyLong()),
            Tuple.of(2, Arbitraries.longs().between(-5, 5).map(d -> MAX - 5 + d)),
            Tuple.of(2, Arbitraries.longs().between(-5, 5).map(d -> MIN + 5 + d)),
            Tuple.of(1, Arbitraries.longs().between(-5, 5)));
    }

    @Property(tries = 10_000)
    void addMatchesReference(@ForAll("addend") long a, @ForAll("addend") long b)
    {
        assertEquals(refAdd(a, b), FixedPoint.add(a, b), () -> "add(" + a + ", " + b + ")");
    }

    @Property(tries = 5_000)
    void withinMatchesReference(@ForAll("anyLong") long value, @ForAll("anyLong") long limit)
    {
        final boolean expected = value != OVERFLOW
            && BigInteger.valueOf(value).abs().compareTo(BigInteger.valueOf(limit)) <= 0;
        assertEquals(expected, FixedPoint.within(value, limit), () -> "within(" + value + ", " + limit + ")");
    }

    // ------------------------------------------------------------------------------------------- parse / format

    @Provide
    Arbitrary<Long> raw()
    {
        return Arbitraries.frequencyOf(
            Tuple.of(4, anyLong()),
            Tuple.of(1, Arbitraries.longs().between(-100_000, 100_000)));
    }

    @Property(tries = 10_000)
    void formatIsExactAndRoundTripsThroughParse(@ForAll("raw") long raw,
                                                @ForAll @IntRange(min = 0, max = 12) int decimals)
    {
        final String expected = BigDecimal.valueOf(raw, decimals).stripTrailingZeros().toPlainString();
        final String text = FixedPoint.format(raw, decimals);
        assertEquals(expected, text);
        if (raw == OVERFLOW)
        {
            assertThrows(IllegalArgumentException.class, () -> FixedPoint.parse(text, decimals), "Long.MIN_VALUE is reserved");
            return;
        }
        assertEquals(raw, FixedPoint.parse(text, decimals), () -> "parse(\"" + text + "\", " + decimals + ")");
        // Padding with fractional zeros, well beyond the scale, and an explicit '+' parse to the same raw value.
        final String padded = (text.contains(".") ? text : text + ".") + "0".repeat(decimals + 3);
        assertEquals(raw, FixedPoint.parse(padded, decimals));
        if (raw >= 0)
        {
            assertEquals(raw, FixedPoint.parse("+" + text, decimals));
        }
    }

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");

    /** Reference parser: a raw value in (Long.MIN, Long.MAX], or null when parse must reject the text. */
    static Long refParse(String text, int decimals)
    {
        if (!PLAIN_DECIMAL.matcher(text).matches())
        {
            return null;
        }
        final BigDecimal scaled = new BigDecimal(text).movePointRight(decimals);
        try
        {
            final long value = scaled.toBigIntegerExact().longValueExact();
            return value == Long.MIN_VALUE ? null : value;   // reserved as OVERFLOW
        }
        catch (ArithmeticException e)
        {
            return null;   // fractional part left over, or out of long range
        }
    }

    @Provide
    Arbitrary<String> decimalText()
    {
        final Arbitrary<String> digits = Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(21);
        final Arbitrary<String> fraction = Combinators.combine(
                Arbitraries.strings().withCharRange('0', '9').ofMinLength(0).ofMaxLength(14),
                Arbitraries.integers().between(0, 4))
            .as((f, zeros) -> f + "0".repeat(zeros))
            .filter(f -> !f.isEmpty());
        return Combinators.combine(
                Arbitraries.of("", "-", "+"),
                digits,
                Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just("")), Tuple.of(3, fraction.map(f -> "." + f))))
            .as((sign, i, f) -> sign + i + f);
    }

    @Property(tries = 10_000)
    void parseMatchesReferenceOnPlainDecimals(@ForAll("decimalText") String text,
                                              @ForAll @IntRange(min = 0, max = 12) int decimals)
    {
        assertParseMatchesReference(text, decimals);
    }

    @Provide
    Arbitrary<String> garbage()
    {
        return Arbitraries.strings().withChars("0123456789.-+eE _,x\u0661").ofMinLength(0).ofMaxLength(10);
    }

    @Property(tries = 5_000)
    void parseAcceptsOnlyPlainDecimals(@ForAll("garbage") String text,
                                       @ForAll @IntRange(min = 0, max = 12) int decimals)
    {
        assertParseMatchesReference(text, decimals);
    }

    private static void assertParseMatchesReference(String text, int decimals)
    {
        final Long expected = refParse(text, decimals);
        if (expected == null)
        {
            final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FixedPoint.parse(text, decimals), () -> "parse(\"" + text + "\", " + decimals + ")");
            assertTrue(e.getMessage().contains("\"" + text + "\"") && e.getMessage().contains(decimals + " decimals"),
                e.getMessage());
        }
        else
        {
            assertEquals(expected.longValue(), FixedPoint.parse(text, decimals),
                () -> "parse(\"" + text + "\", " + decimals + ")");
        }
    }

    @Property(tries = 10_000)
    void formatRoundedMatchesBigDecimalHalfUp(@ForAll("raw") long raw,
                                              @ForAll @IntRange(min = 0, max = 12) int decimals,
                                              @ForAll @IntRange(min = 0, max = 12) int display)
    {
        final int displayDecimals = Math.min(display, decimals);
        final String expected = BigDecimal.valueOf(raw, decimals)
            .setScale(displayDecimals, RoundingMode.HALF_UP).toPlainString();
        assertEquals(expected, FixedPoint.formatRounded(raw, decimals, displayDecimals),
            () -> "formatRounded(" + raw + ", " + decimals + ", " + displayDecimals + ")");
    }

    // ------------------------------------------------------------------------------------------- helpers

    private static long clamp(BigInteger value, long lo, long hi)
    {
        if (value.compareTo(BigInteger.valueOf(lo)) < 0)
        {
            return lo;
        }
        if (value.compareTo(BigInteger.valueOf(hi)) > 0)
        {
            return hi;
        }
        return value.longValueExact();
    }
}
