package com.perprisk.engine.fixed;

import com.perprisk.engine.AllocationCheck;

import static com.perprisk.engine.fixed.FixedPoint.OVERFLOW;
import static com.perprisk.engine.fixed.Rounding.CEILING;
import static com.perprisk.engine.fixed.Rounding.FLOOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Hand-written examples for {@link FixedPoint}; the exhaustive checks live in {@link FixedPointPropertiesTest}. */
class FixedPointTest
{

    private static final long MAX = Long.MAX_VALUE;
    private static final long MIN = Long.MIN_VALUE;

    @Test
    void constantsAreMutuallyConsistent()
    {
        assertEquals(BigInteger.TEN.pow(FixedPoint.PRICE_DECIMALS).longValueExact(), FixedPoint.PRICE_SCALE);
        assertEquals(BigInteger.TEN.pow(FixedPoint.SIZE_DECIMALS).longValueExact(), FixedPoint.SIZE_SCALE);
        assertEquals(BigInteger.TEN.pow(FixedPoint.QUOTE_DECIMALS).longValueExact(), FixedPoint.QUOTE_SCALE);
        assertEquals(BigInteger.TEN.pow(FixedPoint.RATE_DECIMALS).longValueExact(), FixedPoint.RATE_SCALE);
        assertEquals(BigInteger.TEN.pow(FixedPoint.FUNDING_INDEX_DECIMALS).longValueExact(),
            FixedPoint.FUNDING_INDEX_SCALE);
        assertEquals(FixedPoint.PRICE_SCALE * FixedPoint.SIZE_SCALE / FixedPoint.QUOTE_SCALE,
            FixedPoint.NOTIONAL_DIVISOR);
        assertEquals(BigInteger.valueOf(FixedPoint.SIZE_SCALE).multiply(BigInteger.valueOf(FixedPoint.FUNDING_INDEX_SCALE))
            .divide(BigInteger.valueOf(FixedPoint.QUOTE_SCALE)).longValueExact(), FixedPoint.FUNDING_DIVISOR);
        assertEquals(FixedPoint.PRICE_SCALE * FixedPoint.RATE_SCALE / FixedPoint.FUNDING_INDEX_SCALE,
            FixedPoint.FUNDING_RATE_DIVISOR);
        assertEquals(10_000_000L * FixedPoint.PRICE_SCALE, FixedPoint.MAX_PRICE);
        assertEquals(10_000_000L * FixedPoint.SIZE_SCALE, FixedPoint.MAX_SIZE);
        assertEquals(10_000_000_000L * FixedPoint.QUOTE_SCALE, FixedPoint.MAX_NOTIONAL);
        assertEquals(100_000_000_000L * FixedPoint.QUOTE_SCALE, FixedPoint.MAX_BALANCE);
        assertEquals(1_000_000L * FixedPoint.FUNDING_INDEX_SCALE, FixedPoint.MAX_FUNDING_INDEX);
        assertEquals(Long.MIN_VALUE, OVERFLOW);
    }

    // ------------------------------------------------------------------------------------------- mulDiv

    @Test
    void mulDivRoundsAsAsked()
    {
        assertEquals(3, FixedPoint.mulDiv(7, 1, 2, FLOOR));
        assertEquals(4, FixedPoint.mulDiv(7, 1, 2, CEILING));
        assertEquals(-4, FixedPoint.mulDiv(-7, 1, 2, FLOOR));
        assertEquals(-3, FixedPoint.mulDiv(-7, 1, 2, CEILING));
        assertEquals(-4, FixedPoint.mulDiv(7, -1, 2, FLOOR));
        assertEquals(4, FixedPoint.mulDiv(-7, -1, 2, CEILING));
        assertEquals(3, FixedPoint.mulDiv(6, 1, 2, CEILING));
        assertEquals(-3, FixedPoint.mulDiv(-6, 1, 2, FLOOR));
        assertEquals(0, FixedPoint.mulDiv(0, -5, 3, FLOOR));
        assertEquals(0, FixedPoint.mulDiv(1, 1, MAX, FLOOR));
        assertEquals(1, FixedPoint.mulDiv(1, 1, MAX, CEILING));
        assertEquals(-1, FixedPoint.mulDiv(-1, 1, MAX, FLOOR));
        assertEquals(0, FixedPoint.mulDiv(-1, 1, MAX, CEILING));
    }

    @Test
    void mulDivAtTheEdgesOfTheLongRange()
    {
        // c = 1 and products around 2^63.
        assertEquals(MAX, FixedPoint.mulDiv(MAX, 1, 1, FLOOR));
        assertEquals(-MAX, FixedPoint.mulDiv(-MAX, 1, 1, CEILING));
        assertEquals(OVERFLOW, FixedPoint.mulDiv(1L << 32, 1L << 31, 1, FLOOR));      // +2^63
        assertEquals(OVERFLOW, FixedPoint.mulDiv(-(1L << 32), 1L << 31, 1, CEILING)); // -2^63 is not a result
        assertEquals(1L << 62, FixedPoint.mulDiv(1L << 32, 1L << 31, 2, FLOOR));
        // Product 2^64.
        assertEquals(OVERFLOW, FixedPoint.mulDiv(1L << 32, 1L << 32, 2, FLOOR));
        assertEquals(6_148_914_691_236_517_205L, FixedPoint.mulDiv(1L << 32, 1L << 32, 3, FLOOR));
        assertEquals(6_148_914_691_236_517_206L, FixedPoint.mulDiv(1L << 32, 1L << 32, 3, CEILING));
        assertEquals(-6_148_914_691_236_517_206L, FixedPoint.mulDiv(1L << 32, -(1L << 32), 3, FLOOR));
        // 2^64 - 1 = (2^32 - 1)(2^32 + 1); divided by 2 it is Long.MAX_VALUE + 1/2: the rounding decides.
        final long m = (1L << 32) - 1;
        final long p = (1L << 32) + 1;
        assertEquals(MAX, FixedPoint.mulDiv(m, p, 2, FLOOR));
        assertEquals(OVERFLOW, FixedPoint.mulDiv(m, p, 2, CEILING));
        assertEquals(OVERFLOW, FixedPoint.mulDiv(-m, p, 2, FLOOR));
        assertEquals(-MAX, FixedPoint.mulDiv(-m, p, 2, CEILING));
        // Quotient 2^64 - 1: fits the unsigned 64-bit quotient word, but not a long.
        assertEquals(OVERFLOW, FixedPoint.mulDiv(m, p, 1, FLOOR));
        assertEquals(OVERFLOW, FixedPoint.mulDiv(m, -p, 1, CEILING));
        assertEquals(OVERFLOW, FixedPoint.mulDiv(2 * m, p, 2, FLOOR));
        assertEquals(OVERFLOW, FixedPoint.mulDiv(MAX, MAX, (1L << 62) - 1, CEILING));
        // Products near 2^126, c = Long.MAX_VALUE.
        assertEquals(MAX, FixedPoint.mulDiv(MAX, MAX, MAX, FLOOR));
        assertEquals(-MAX, FixedPoint.mulDiv(-MAX, MAX, MAX, CEILING));
        assertEquals(MAX - 1, FixedPoint.mulDiv(MAX, MAX - 1, MAX, CEILING));
        assertEquals(MAX - 1, FixedPoint.mulDiv(MAX - 1, MAX, MAX, FLOOR));
        assertEquals(MAX - 2, FixedPoint.mulDiv(MAX - 1, MAX - 1, MAX, FLOOR));  // (m-1)^2/m = m - 2 + 1/m
        assertEquals(MAX - 1, FixedPoint.mulDiv(MAX - 1, MAX - 1, MAX, CEILING));
        assertEquals(OVERFLOW, FixedPoint.mulDiv(MAX, MAX, MAX - 1, FLOOR));
        assertEquals(OVERFLOW, FixedPoint.mulDiv(MAX, MAX, 1L << 62, FLOOR));   // quotient just under 2^64
        assertEquals(OVERFLOW, FixedPoint.mulDiv(MAX, MAX, 3, FLOOR));          // quotient >= 2^64
        assertEquals(OVERFLOW, FixedPoint.mulDiv(MAX, MAX, 1, CEILING));
        assertEquals(1, FixedPoint.mulDiv(MAX, 1, MAX, FLOOR));
    }

    @Test
    void mulDivRejectsInvalidArguments()
    {
        assertEquals(OVERFLOW, FixedPoint.mulDiv(MIN, 1, 1, FLOOR));
        assertEquals(OVERFLOW, FixedPoint.mulDiv(1, MIN, 1, CEILING));
        assertEquals(OVERFLOW, FixedPoint.mulDiv(0, MIN, 1, CEILING));
        assertEquals(OVERFLOW, FixedPoint.mulDiv(1, 1, 0, FLOOR));
        assertEquals(OVERFLOW, FixedPoint.mulDiv(1, 1, -1, FLOOR));
        assertEquals(OVERFLOW, FixedPoint.mulDiv(1, 1, MIN, FLOOR));
        assertEquals(OVERFLOW, FixedPoint.mulDiv(1, 1, 1, null));
    }

    // ------------------------------------------------------------------------------------------- domain helpers

    @Test
    void notionalOfHalfABitcoin()
    {
        final long price = 42_500L * FixedPoint.PRICE_SCALE;
        final long size = FixedPoint.SIZE_SCALE / 2;
        assertEquals(21_250L * FixedPoint.QUOTE_SCALE, FixedPoint.notional(price, size, FLOOR));
        assertEquals(21_250L * FixedPoint.QUOTE_SCALE, FixedPoint.notional(price, size, CEILING));
        assertEquals(-21_250L * FixedPoint.QUOTE_SCALE, FixedPoint.notional(price, -size, FLOOR));
    }

    @Test
    void notionalRoundsSubMicroRemainders()
    {
        // 1 raw size unit (1e-8) at price 1.00000001: notional 1.00000001e-8 USDC, i.e. 0.0100000001 raw.
        assertEquals(0, FixedPoint.notional(FixedPoint.PRICE_SCALE + 1, 1, FLOOR));
        assertEquals(1, FixedPoint.notional(FixedPoint.PRICE_SCALE + 1, 1, CEILING));
        assertEquals(-1, FixedPoint.notional(FixedPoint.PRICE_SCALE + 1, -1, FLOOR));
        assertEquals(0, FixedPoint.notional(FixedPoint.PRICE_SCALE + 1, -1, CEILING));
        // The documented maxima multiply to 1e20 raw quote: beyond a long, reported, never wrapped.
        assertEquals(OVERFLOW, FixedPoint.notional(FixedPoint.MAX_PRICE, FixedPoint.MAX_SIZE, FLOOR));
    }

    @Test
    void fundingConversions()
    {
        // 2 units of base * 1.5 quote/unit = 3 USDC.
        assertEquals(3 * FixedPoint.QUOTE_SCALE, FixedPoint.mulDiv(2 * FixedPoint.SIZE_SCALE,
            1_500_000_000_000L, FixedPoint.FUNDING_DIVISOR, FLOOR));
        // mark 40,000 * rate 0.0001 = 4 quote per unit of base.
        assertEquals(4 * FixedPoint.FUNDING_INDEX_SCALE, FixedPoint.mulDiv(40_000L * FixedPoint.PRICE_SCALE,
            10_000L, FixedPoint.FUNDING_RATE_DIVISOR, FLOOR));
    }

    @Test
    void applyRateExamples()
    {
        assertEquals(50 * FixedPoint.QUOTE_SCALE,
            FixedPoint.applyRate(1_000 * FixedPoint.QUOTE_SCALE, 5_000_000L, CEILING));   // 5% of 1000
        assertEquals(1, FixedPoint.applyRate(1, 1, CEILING));
        assertEquals(0, FixedPoint.applyRate(1, 1, FLOOR));
        assertEquals(-1, FixedPoint.applyRate(-1, 1, FLOOR));
        assertEquals(MAX, FixedPoint.applyRate(MAX, FixedPoint.RATE_SCALE, FLOOR));
        assertEquals(OVERFLOW, FixedPoint.applyRate(MAX, FixedPoint.RATE_SCALE + 1, FLOOR));
    }

    @Test
    void divExamples()
    {
        assertEquals(3, FixedPoint.div(7, 2, FLOOR));
        assertEquals(4, FixedPoint.div(7, 2, CEILING));
        assertEquals(-4, FixedPoint.div(-7, 2, FLOOR));
        assertEquals(-3, FixedPoint.div(-7, 2, CEILING));
        assertEquals(-3, FixedPoint.div(-6, 2, CEILING));
        assertEquals(MAX, FixedPoint.div(MAX, 1, CEILING));
        assertEquals(MIN + 1, FixedPoint.div(MIN + 1, 1, FLOOR));
        assertEquals(-1, FixedPoint.div(MIN + 1, MAX, FLOOR));
        assertEquals(-1, FixedPoint.div(-1, MAX, FLOOR));
        assertEquals(0, FixedPoint.div(-1, MAX, CEILING));
        assertEquals(OVERFLOW, FixedPoint.div(MIN, 1, FLOOR));
        assertEquals(OVERFLOW, FixedPoint.div(5, 0, FLOOR));
        assertEquals(OVERFLOW, FixedPoint.div(5, -1, CEILING));
        assertEquals(OVERFLOW, FixedPoint.div(5, 1, null));
    }

    @Test
    void addAtTheOverflowEdge()
    {
        assertEquals(MAX, FixedPoint.add(MAX, 0));
        assertEquals(MAX, FixedPoint.add(MAX - 1, 1));
        assertEquals(OVERFLOW, FixedPoint.add(MAX, 1));
        assertEquals(OVERFLOW, FixedPoint.add(MAX, MAX));
        assertEquals(-MAX, FixedPoint.add(-MAX, 0));
        assertEquals(OVERFLOW, FixedPoint.add(-MAX, -1));       // exactly Long.MIN_VALUE: not a valid result
        assertEquals(OVERFLOW, FixedPoint.add(-MAX, -MAX));
        assertEquals(0, FixedPoint.add(MAX, -MAX));
        assertEquals(OVERFLOW, FixedPoint.add(OVERFLOW, 5));      // the sentinel propagates
        assertEquals(OVERFLOW, FixedPoint.add(1, OVERFLOW));
    }

    @Test
    void withinExamples()
    {
        assertTrue(FixedPoint.within(FixedPoint.MAX_BALANCE, FixedPoint.MAX_BALANCE));
        assertTrue(FixedPoint.within(-FixedPoint.MAX_BALANCE, FixedPoint.MAX_BALANCE));
        assertFalse(FixedPoint.within(FixedPoint.MAX_BALANCE + 1, FixedPoint.MAX_BALANCE));
        assertFalse(FixedPoint.within(-FixedPoint.MAX_BALANCE - 1, FixedPoint.MAX_BALANCE));
        assertTrue(FixedPoint.within(-MAX, MAX));
        assertFalse(FixedPoint.within(OVERFLOW, MAX));
        assertFalse(FixedPoint.within(0, -1));
    }

    // ------------------------------------------------------------------------------------------- parse / format

    @ParameterizedTest
    @CsvSource({
        "-42000.5, 8, -4200050000000",
        "0.001, 6, 1000",
        "7, 0, 7",
        "+7, 2, 700",
        "-0, 8, 0",
        "007.50, 2, 750",
        "1.500000000, 8, 150000000",
        "0.12345678, 8, 12345678",
        "92233720368.54775807, 8, 9223372036854775807",
        "-92233720368.54775807, 8, -9223372036854775807",
        "9223372036854775807, 0, 9223372036854775807",
        "0.000000000000000001, 18, 1",
    })
    void parseExamples(String text, int decimals, long expected)
    {
        assertEquals(expected, FixedPoint.parse(text, decimals));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.123456789|8",
        "1e5|8", "1E5|8", "-|8", "+|8", "1.2.3|8", "' 1'|8", "'1 '|8", "1.|8", ".5|8", "--1|8", "+-1|8",
        "1,000|8", "0x10|8", "NaN|8", "Infinity|8", "\u0661|0",
        "92233720368.54775808|8", "-92233720368.54775808|8", "100000000000|8", "-92233720368.54775809|8", "99999999999999999999|0",
        "9223372036854775808|0",
    })
    void parseRejects(String text, int decimals)
    {
        final IllegalArgumentException e =
            assertThrows(IllegalArgumentException.class, () -> FixedPoint.parse(text, decimals));
        assertTrue(e.getMessage().contains("\"" + text + "\"") && e.getMessage().contains(decimals + " decimals"),
            e.getMessage());
    }

    @Test
    void parseRejectsEmptyAndNull()
    {
        assertThrows(IllegalArgumentException.class, () -> FixedPoint.parse("", 8));
        assertThrows(IllegalArgumentException.class, () -> FixedPoint.parse(null, 8));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 19, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void unsupportedDecimalsAreRejected(int decimals)
    {
        assertThrows(IllegalArgumentException.class, () -> FixedPoint.parse("1", decimals));
        assertThrows(IllegalArgumentException.class, () -> FixedPoint.format(1, decimals));
        assertThrows(IllegalArgumentException.class, () -> FixedPoint.formatRounded(1, decimals, 0));
    }

    @Test
    void formatExamples()
    {
        assertEquals("250", FixedPoint.format(250 * FixedPoint.QUOTE_SCALE, FixedPoint.QUOTE_DECIMALS));
        assertEquals("3174.6031746", FixedPoint.format(317_460_317_460L, 8));
        assertEquals("-0.5", FixedPoint.format(-50_000_000L, 8));
        assertEquals("0", FixedPoint.format(0, 8));
        assertEquals("0.00000001", FixedPoint.format(1, 8));
        assertEquals("-92233720368.54775808", FixedPoint.format(MIN, 8));
        assertEquals("9223372036854775807", FixedPoint.format(MAX, 0));
        assertEquals("-9.223372036854775808", FixedPoint.format(MIN, 18));
    }

    @Test
    void formatRoundedExamples()
    {
        assertEquals("3174.60", FixedPoint.formatRounded(317_460_317_460L, 8, 2));
        assertEquals("3174.6031746", FixedPoint.formatRounded(317_460_317_460L, 8, 7));
        assertEquals("3174.60317460", FixedPoint.formatRounded(317_460_317_460L, 8, 8));
        assertEquals("1", FixedPoint.formatRounded(5, 1, 0));
        assertEquals("-1", FixedPoint.formatRounded(-5, 1, 0));      // half-up is away from zero
        assertEquals("0", FixedPoint.formatRounded(-4, 1, 0));       // no "-0"
        assertEquals("0.0", FixedPoint.formatRounded(-4, 2, 1));
        assertEquals("-9223372036854775808", FixedPoint.formatRounded(MIN, 0, 0));
        assertEquals("-9223372037", FixedPoint.formatRounded(MIN, 9, 0));
        assertThrows(IllegalArgumentException.class, () -> FixedPoint.formatRounded(1, 8, 9));
        assertThrows(IllegalArgumentException.class, () -> FixedPoint.formatRounded(1, 8, -1));
    }

    // ------------------------------------------------------------------------------------------- allocation

    @Test
    void hotPathDoesNotAllocate()
    {
        final long[] values = {0, 1, -7, 12_345, MAX, -MAX, MAX - 1, 1L << 32, (1L << 32) + 1, 3_037_000_499L,
            FixedPoint.MAX_PRICE, -FixedPoint.MAX_SIZE, FixedPoint.MAX_BALANCE, 1L << 62};
        final long[] divisors = {1, 2, 3, MAX, FixedPoint.NOTIONAL_DIVISOR, (1L << 32) - 1, 1L << 62};
        final long[] sink = {0};
        AllocationCheck.assertSteadyStateAllocatesNothing(3, 5, () ->
        {
            for (int i = 0; i < 2_000; i++)
            {
                for (long a : values)
                {
                    for (long c : divisors)
                    {
                        final long b = values[(int)((a ^ c ^ i) & 0x7FFF_FFFF) % values.length];
                        sink[0] += FixedPoint.mulDiv(a, b, c, FLOOR) + FixedPoint.mulDiv(a, b, c, CEILING)
                            + FixedPoint.div(a, c, CEILING) + FixedPoint.add(a, b)
                            + FixedPoint.notional(a, b, FLOOR) + FixedPoint.applyRate(a, b, CEILING)
                            + (FixedPoint.within(a, c) ? 1 : 0);
                    }
                }
            }
        });
        assertTrue(sink[0] != 0, "the workload computed something");
    }
}
