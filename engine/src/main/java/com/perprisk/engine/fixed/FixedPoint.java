package com.perprisk.engine.fixed;

/**
 * Fixed-point arithmetic on raw {@code long} values: the single place where the engine's scales, limits and
 * rounding rules are defined.
 *
 * <h2>Scales</h2>
 * Every quantity is a {@code long} holding an integer number of "raw units"; the real value is
 * {@code raw / SCALE}:
 * <ul>
 *   <li>price: {@value #PRICE_DECIMALS} decimals ({@link #PRICE_SCALE} = 1e8), quote currency per unit of base;</li>
 *   <li>size: {@value #SIZE_DECIMALS} decimals ({@link #SIZE_SCALE} = 1e8), units of base, signed (long &gt; 0,
 *       short &lt; 0);</li>
 *   <li>quote amounts (USDC: collateral, notional, margin, PnL, fees, funding payments): {@value #QUOTE_DECIMALS}
 *       decimals ({@link #QUOTE_SCALE} = 1e6);</li>
 *   <li>rates and ratios (margin ratios, funding rates, fee rates): {@value #RATE_DECIMALS} decimals,
 *       1.0 == {@link #RATE_SCALE} = 1e8;</li>
 *   <li>cumulative funding index: {@value #FUNDING_INDEX_DECIMALS} decimals ({@link #FUNDING_INDEX_SCALE} = 1e12),
 *       quote per 1 unit of base.</li>
 * </ul>
 * Cross-scale products are converted with one exact {@link #mulDiv} and a fixed divisor:
 * {@code price * size / NOTIONAL_DIVISOR = quote}, {@code size * fundingIndex / FUNDING_DIVISOR = quote},
 * {@code mark * rate / FUNDING_RATE_DIVISOR = fundingIndex}, {@code amount * rate / RATE_SCALE = amount}.
 *
 * <h2>Limits and overflow</h2>
 * {@link #MAX_PRICE}, {@link #MAX_SIZE}, {@link #MAX_NOTIONAL}, {@link #MAX_BALANCE} and {@link #MAX_FUNDING_INDEX}
 * are the documented input bounds; callers reject inputs outside them (see {@link #within}). Independently of
 * those bounds, the hot-path methods are exact for every {@code long} input: products are formed in 128 bits and
 * never wrap. When an exact, rounded result does not fit in a {@code long} the method returns the sentinel
 * {@link #OVERFLOW} ({@code Long.MIN_VALUE}), which is never a valid result, so valid results lie in
 * {@code (Long.MIN_VALUE, Long.MAX_VALUE]} and are symmetric under negation. {@code OVERFLOW} given as an input
 * propagates: the arithmetic hot-path methods return {@code OVERFLOW} for it and {@link #within} returns
 * {@code false}.
 *
 * <h2>Rounding</h2>
 * There is no implicit rounding anywhere: every operation that divides takes a {@link Rounding}.
 * Requirements (margin, fees owed, losses) round {@link Rounding#CEILING toward +infinity}; payouts
 * (withdrawable amounts, credits) round {@link Rounding#FLOOR toward -infinity}. Rounding applies to the
 * exact quotient, so the result is the exact floor or ceiling of the true rational value.
 *
 * <h2>Threading and cost</h2>
 * All members are pure static functions of their arguments with no shared state: thread-safe, no locking.
 * The hot-path methods ({@link #mulDiv}, {@link #div}, {@link #notional}, {@link #applyRate}, {@link #add},
 * {@link #within}) never allocate, never throw and never use floating point or {@code BigInteger}.
 * The edge methods ({@link #parse}, {@link #format}, {@link #formatRounded}) are meant for configuration,
 * scenario files and display only: they allocate and may throw {@link IllegalArgumentException}.
 */
public final class FixedPoint
{

    /** Decimal places of a raw price. */
    public static final int PRICE_DECIMALS = 8;
    /** Raw units per 1.0 of price (10^{@value #PRICE_DECIMALS}). */
    public static final long PRICE_SCALE = 100_000_000L;
    /** Decimal places of a raw size (units of base). */
    public static final int SIZE_DECIMALS = 8;
    /** Raw units per 1.0 unit of base (10^{@value #SIZE_DECIMALS}). */
    public static final long SIZE_SCALE = 100_000_000L;
    /** Decimal places of a raw quote amount (USDC). */
    public static final int QUOTE_DECIMALS = 6;
    /** Raw units per 1.0 USDC (10^{@value #QUOTE_DECIMALS}). */
    public static final long QUOTE_SCALE = 1_000_000L;
    /** Decimal places of a raw rate or ratio. */
    public static final int RATE_DECIMALS = 8;
    /** Raw units per 1.0 of rate: a rate of 1.0 (100%) is {@code RATE_SCALE}. */
    public static final long RATE_SCALE = 100_000_000L;
    /** Decimal places of a raw cumulative funding index (quote per 1 unit of base). */
    public static final int FUNDING_INDEX_DECIMALS = 12;
    /** Raw units per 1.0 of funding index (quote per 1 unit of base), 10^{@value #FUNDING_INDEX_DECIMALS}. */
    public static final long FUNDING_INDEX_SCALE = 1_000_000_000_000L;
    /** price_raw * size_raw / NOTIONAL_DIVISOR = quote_raw (1e8 * 1e8 / 1e6). */
    public static final long NOTIONAL_DIVISOR = 10_000_000_000L;
    /** size_raw * fundingIndex_raw / FUNDING_DIVISOR = quote_raw (1e8 * 1e12 / 1e6). */
    public static final long FUNDING_DIVISOR = 100_000_000_000_000L;
    /** mark_raw(1e8) * rate_raw(1e8) / FUNDING_RATE_DIVISOR = funding index raw(1e12). */
    public static final long FUNDING_RATE_DIVISOR = 10_000L;

    /** Largest accepted raw price: 10,000,000.00000000 (1e15 raw). Inputs outside are rejected by callers. */
    public static final long MAX_PRICE = 1_000_000_000_000_000L;
    /** Largest accepted raw |size|: 10,000,000.00000000 units of base (1e15 raw). */
    public static final long MAX_SIZE = 1_000_000_000_000_000L;
    /** Largest accepted raw |notional| per position: 10,000,000,000.000000 USDC (1e16 raw). */
    public static final long MAX_NOTIONAL = 10_000_000_000_000_000L;
    /** Largest accepted raw |balance| (collateral, deposits, margin, funds): 100,000,000,000.000000 USDC (1e17 raw). */
    public static final long MAX_BALANCE = 100_000_000_000_000_000L;
    /** Largest accepted raw |cumulative funding index| (1e18 raw, i.e. 1,000,000 quote per unit of base). */
    public static final long MAX_FUNDING_INDEX = 1_000_000_000_000_000_000L;

    /** Returned by the hot-path methods when the exact result does not fit in a long; never a valid result. */
    public static final long OVERFLOW = Long.MIN_VALUE;

    private static final long MASK32 = 0xFFFF_FFFFL;
    /** 5^7: the odd part of {@link #FUNDING_DIVISOR} (2^14 * 5^14) is its square, and it is below 2^31. */
    private static final long FIVE_POW_7 = 78_125L;
    private static final long FIVE_POW_14 = FIVE_POW_7 * FIVE_POW_7;

    /** Largest supported {@code decimals} for the edge methods (10^18 is the largest power of ten in a long). */
    private static final int MAX_DECIMALS = 18;

    private static final long[] POW10 = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L,
        10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L, 10_000_000_000_000L, 100_000_000_000_000L,
        1_000_000_000_000_000L, 10_000_000_000_000_000L, 100_000_000_000_000_000L, 1_000_000_000_000_000_000L,
    };

    private FixedPoint()
    {
    }

    // ------------------------------------------------------------------------------------------------ hot path

    /**
     * Exact {@code a * b / c} rounded as asked, with a 128-bit intermediate (the product never wraps).
     *
     * <p>Requires {@code a != Long.MIN_VALUE}, {@code b != Long.MIN_VALUE}, {@code c > 0} and a non-null
     * {@code rounding}; if any requirement is violated the result is {@link #OVERFLOW}. Returns {@link #OVERFLOW}
     * also when the exact rounded quotient lies outside {@code (Long.MIN_VALUE, Long.MAX_VALUE]}.
     * No allocation, no exception.
     *
     * @param a        first factor, {@code != Long.MIN_VALUE}
     * @param b        second factor, {@code != Long.MIN_VALUE}
     * @param c        divisor, {@code > 0}
     * @param rounding direction applied to the exact quotient
     * @return {@code floor(a*b/c)} or {@code ceil(a*b/c)}, or {@link #OVERFLOW}
     */
    public static long mulDiv(long a, long b, long c, Rounding rounding)
    {
        if (a == Long.MIN_VALUE | b == Long.MIN_VALUE | c <= 0 | rounding == null)
        {
            return OVERFLOW;
        }
        final long ua = Math.abs(a);
        final long ub = Math.abs(b);
        // Both magnitudes are < 2^63, so the product is < 2^126: the signed high word equals the unsigned one.
        final long lo = ua * ub;
        final long hi = Math.multiplyHigh(ua, ub);
        final long q;
        if ((hi | (lo & Long.MIN_VALUE)) == 0)
        {
            q = lo / c;                        // product < 2^63: plain signed division
        }
        else if (hi >= c)
        {
            return OVERFLOW;                   // quotient >= 2^64
        }
        else
        {
            q = divideWide(hi, lo, c);         // unsigned quotient < 2^64
        }
        if (q < 0)
        {
            return OVERFLOW;                   // truncated magnitude >= 2^63
        }
        // The true remainder is < c < 2^63, and equals the low 64 bits of product - q*c.
        final long r = lo - q * c;
        final long sign = (a ^ b) >> 63;       // -1 when exactly one factor is negative (result <= 0), else 0
        final long ceiling = rounding == Rounding.CEILING ? 1L : 0L;
        // Rounding moves the magnitude away from zero for FLOOR of a negative, CEILING of a positive result.
        final long away = ceiling ^ (sign & 1L);
        // If rounding takes q = 2^63 - 1 to m = 2^63, m is Long.MIN_VALUE and so is +-m: OVERFLOW, as required.
        final long m = q + (away & ((r | -r) >>> 63));
        return (m ^ sign) - sign;
    }

    /**
     * A lower bound of {@code floor(a * b / c)} without a 128-bit division, for bounds that may be conservative
     * (the liquidation triggers), never for money. Exact when the product fits in 63 bits; otherwise the product is
     * shifted right by the k bits that make it fit, divided, and shifted back: the result is at most
     * {@code floor(a * b / c)} and short of it by less than {@code c / 2^61} of it, plus one. Saturates at
     * {@code Long.MAX_VALUE}, which is then still a lower bound. Deterministic; no allocation, no exception.
     *
     * @param a first factor, {@code >= 0}
     * @param b second factor, {@code >= 0}
     * @param c divisor, {@code > 0}
     * @return a lower bound of {@code floor(a*b/c)}
     */
    public static long mulDivFloorLowerBound(long a, long b, long c)
    {
        final long lo = a * b;
        final long hi = Math.multiplyHigh(a, b);
        if ((hi | (lo & Long.MIN_VALUE)) == 0)
        {
            return lo / c;
        }
        // The product has 64 + bits(hi) bits (hi < 2^62 for factors < 2^63); drop k so that 63 remain.
        final int k = 65 - Long.numberOfLeadingZeros(hi);
        final long shifted = (hi << (64 - k)) | (lo >>> k);
        final long q = shifted / c;
        return q > (Long.MAX_VALUE >> k) ? Long.MAX_VALUE : q << k;
    }

    /**
     * {@code a / b} rounded as asked.
     *
     * <p>Requires {@code b > 0}, {@code a != Long.MIN_VALUE} and a non-null {@code rounding}; otherwise returns
     * {@link #OVERFLOW}. For valid inputs the result always fits. No allocation, no exception.
     *
     * @param a        dividend, {@code != Long.MIN_VALUE}
     * @param b        divisor, {@code > 0}
     * @param rounding direction applied to the exact quotient
     * @return {@code floor(a/b)} or {@code ceil(a/b)}, or {@link #OVERFLOW} for invalid inputs
     */
    public static long div(long a, long b, Rounding rounding)
    {
        if (a == Long.MIN_VALUE | b <= 0 | rounding == null)
        {
            return OVERFLOW;
        }
        final long q = a / b;                  // truncates toward zero
        final long r = a - q * b;              // same sign as a, |r| < b
        // FLOOR: -1 when r < 0. CEILING: +1 when r > 0.
        final long adjust = rounding == Rounding.CEILING ? (-r >>> 63) : (r >> 63);
        return q + adjust;
    }

    /**
     * Notional in quote raw units: {@code price_raw * size_raw / NOTIONAL_DIVISOR}, rounded as asked.
     * A signed size gives a signed notional. Same contract as {@link #mulDiv}.
     *
     * @param price    raw price (1e8), normally in {@code [0, MAX_PRICE]}
     * @param size     raw signed size (1e8), normally in {@code [-MAX_SIZE, MAX_SIZE]}
     * @param rounding direction applied to the exact quotient
     * @return raw quote (1e6), or {@link #OVERFLOW}
     */
    public static long notional(long price, long size, Rounding rounding)
    {
        return mulDiv(price, size, NOTIONAL_DIVISOR, rounding);
    }

    /**
     * {@code amount * rate / RATE_SCALE}, rounded as asked; the result has the scale of {@code amount}.
     * Same contract as {@link #mulDiv}.
     *
     * @param amount   raw amount at any scale
     * @param rate     raw rate (1.0 == {@link #RATE_SCALE})
     * @param rounding direction applied to the exact quotient
     * @return raw amount at the scale of {@code amount}, or {@link #OVERFLOW}
     */
    public static long applyRate(long amount, long rate, Rounding rounding)
    {
        return mulDiv(amount, rate, RATE_SCALE, rounding);
    }

    /**
     * Exact checked addition: returns {@link #OVERFLOW} if the sum leaves {@code (Long.MIN_VALUE, Long.MAX_VALUE]},
     * and also when either operand is {@link #OVERFLOW} (the sentinel propagates). No allocation, no exception.
     *
     * @param a first addend
     * @param b second addend
     * @return {@code a + b}, or {@link #OVERFLOW}
     */
    public static long add(long a, long b)
    {
        final long s = a + b;
        // Wrapped iff both operands have the same sign and the sum's sign differs.
        if ((((a ^ s) & (b ^ s)) < 0) | a == OVERFLOW | b == OVERFLOW)
        {
            return OVERFLOW;
        }
        return s;   // may itself be Long.MIN_VALUE == OVERFLOW when the exact sum is -2^63
    }

    /**
     * Limit check: {@code true} when {@code |value| <= limit} and {@code value != OVERFLOW}.
     * A negative {@code limit} admits nothing. No allocation, no exception.
     *
     * @param value raw value to check
     * @param limit raw inclusive bound on the magnitude, e.g. {@link #MAX_BALANCE}
     * @return whether {@code value} is a valid result within the limit
     */
    public static boolean within(long value, long limit)
    {
        return value != OVERFLOW & Math.abs(value) <= limit;
    }

    /**
     * Unsigned quotient of the 128-bit {@code hi * 2^64 + lo} by {@code c}, for {@code 0 <= hi < c}, {@code c > 0}.
     *
     * <p>With {@code c = 2^k * d}, {@code d} odd, the {@code k} factors of two are shifted out first:
     * {@code floor(floor(n / 2^k) / d) == floor(n / c)} for every non-negative {@code n}, and the shifted value
     * {@code h * 2^64 + l} has {@code h < d} because {@code hi < c}. Then, fastest first:
     * <ul>
     *   <li>{@code h == 0} and {@code l < 2^63}: one signed 64-bit division (every product below {@code 2^63 * 2^k},
     *       e.g. a notional {@code price * size} below 2^73 over {@link #NOTIONAL_DIVISOR} = {@code 2^10 * 5^10});</li>
     *   <li>{@code d < 2^32}: two 64-by-32 long-division steps, each quotient digit below {@code 2^32} because the
     *       running remainder is below {@code d};</li>
     *   <li>otherwise {@link #divlu} (Knuth algorithm D).</li>
     * </ul>
     * When {@code c} is a constant of an inlined caller (the engine's scales), the JIT folds {@code k} and
     * {@code d} and may turn the divisions by {@code d} into multiplications.
     */
    private static long divideWide(final long hi, final long lo, final long c)
    {
        final int k = Long.numberOfTrailingZeros(c);   // 0..62 because 0 < c < 2^63
        final long d = c >>> k;
        final long h = hi >>> k;                       // < d
        final long l = k == 0 ? lo : (lo >>> k) | (hi << (64 - k));
        if (h == 0 && l >= 0)
        {
            return l / d;
        }
        if (d <= MASK32)
        {
            final long n1 = (h << 32) | (l >>> 32);   // < d * 2^32 <= 2^64, unsigned
            final long q1 = udiv(n1, d);              // < 2^32
            final long n0 = ((n1 - q1 * d) << 32) | (l & MASK32);   // remainder < d < 2^32, so < d * 2^32 again
            return (q1 << 32) | udiv(n0, d);
        }
        if (d == FIVE_POW_14)
        {
            return divideByFivePow14(h, l);
        }
        return divlu(hi, lo, c);
    }

    /**
     * {@code floor((h * 2^64 + l) / 5^14)} for {@code h < 5^14} (the funding divisor's odd part, above 2^32): two
     * passes of 32-bit-digit long division by {@code 5^7}, since {@code floor(floor(n / a) / b) == floor(n / (a * b))}.
     * Every running remainder is below {@code 5^7 < 2^17}, so each step divides a value below {@code 2^49} and gives a
     * digit below {@code 2^32}; all divisions are by the constant {@code 5^7}, which the JIT turns into multiplications.
     * The second pass's upper digits are zero because the quotient is below {@code 2^64} ({@code h < 5^14}).
     */
    private static long divideByFivePow14(final long h, final long l)
    {
        final long d = FIVE_POW_7;
        // First pass: the four 32-bit digits of h:l, most significant first (h < 2^33, so its top digit is tiny).
        final long a3 = (h >>> 32) / d;
        long n = (((h >>> 32) - a3 * d) << 32) | (h & MASK32);
        final long a2 = n / d;
        n = ((n - a2 * d) << 32) | (l >>> 32);
        final long a1 = n / d;
        n = ((n - a1 * d) << 32) | (l & MASK32);
        final long a0 = n / d;
        // Second pass over the quotient digits a3 a2 a1 a0.
        n = ((a3 - (a3 / d) * d) << 32) | a2;
        n = ((n - (n / d) * d) << 32) | a1;
        final long b1 = n / d;
        n = ((n - b1 * d) << 32) | a0;
        return (b1 << 32) | (n / d);
    }

    /**
     * Unsigned 128-by-64 division (Hacker's Delight {@code divlu}: normalised Knuth algorithm D with two 32-bit
     * quotient digits). Requires {@code 0 <= u1 < v}, {@code v > 0}; returns the unsigned 64-bit quotient of
     * {@code (u1 * 2^64 + u0) / v}.
     */
    private static long divlu(long u1, long u0, long v)
    {
        final int s = Long.numberOfLeadingZeros(v);   // 1..63 because 0 < v < 2^63
        final long vn = v << s;
        final long vn1 = vn >>> 32;                    // in [2^31, 2^32)
        final long vn0 = vn & MASK32;
        final long un32 = (u1 << s) | (u0 >>> (64 - s));   // u1 < v, so no bits are lost
        final long un10 = u0 << s;
        final long un1 = un10 >>> 32;
        final long un0 = un10 & MASK32;

        long q1 = udiv(un32, vn1);
        long rhat = un32 - q1 * vn1;
        while ((q1 >>> 32) != 0 || Long.compareUnsigned(q1 * vn0, (rhat << 32) | un1) > 0)
        {
            q1--;
            rhat += vn1;
            if ((rhat >>> 32) != 0)
            {
                break;
            }
        }
        final long un21 = (un32 << 32) + un1 - q1 * vn;   // exact partial remainder, < vn

        long q0 = udiv(un21, vn1);
        rhat = un21 - q0 * vn1;
        while ((q0 >>> 32) != 0 || Long.compareUnsigned(q0 * vn0, (rhat << 32) | un0) > 0)
        {
            q0--;
            rhat += vn1;
            if ((rhat >>> 32) != 0)
            {
                break;
            }
        }
        return (q1 << 32) | q0;
    }

    /**
     * Unsigned {@code n / d} for any 64-bit {@code n} and {@code 0 < d < 2^63}. Written out (Hacker's Delight 9.3)
     * rather than calling {@code Long.divideUnsigned}, whose implementation varies between JDK releases (older
     * ones, e.g. JDK 8, go through {@code BigInteger}, i.e. allocate, for dividends {@code >= 2^63}).
     */
    private static long udiv(long n, long d)
    {
        final long q = ((n >>> 1) / d) << 1;
        final long r = n - q * d;                      // in [0, 2d)
        return q + (r >= d ? 1L : 0L);
    }

    // ------------------------------------------------------------------------------------------------ edges

    /**
     * Parses a plain decimal string ({@code "-42000.5"}, {@code "0.001"}, {@code "7"}) to raw units at
     * {@code decimals}. Edge use only (configuration, scenario files): allocates and throws.
     *
     * <p>Grammar: an optional {@code '-'} or {@code '+'}, one or more ASCII digits, then optionally {@code '.'}
     * followed by one or more ASCII digits. Nothing else is accepted: no whitespace, exponents, grouping
     * separators, bare {@code ".5"} / {@code "5."}, or non-ASCII digits. Fractional digits beyond
     * {@code decimals} are accepted only if they are all zeros ({@code "1.500000000"} at 8 decimals).
     * The result is exact; every {@code long} is accepted except {@code Long.MIN_VALUE}, which is reserved as
     * {@link #OVERFLOW}.
     *
     * @param text     the decimal text
     * @param decimals the scale of the result, {@code 0..18}
     * @return the exact raw value {@code text * 10^decimals}
     * @throws IllegalArgumentException naming the text and the decimals, if the text is malformed, not exactly
     *                                  representable at {@code decimals}, or does not fit in a long; or if
     *                                  {@code decimals} is outside {@code 0..18}
     */
    public static long parse(String text, int decimals)
    {
        checkDecimals(decimals);
        if (text == null)
        {
            throw new IllegalArgumentException("cannot parse null at " + decimals + " decimals");
        }
        final int len = text.length();
        int i = 0;
        boolean negative = false;
        if (len > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+'))
        {
            negative = text.charAt(0) == '-';
            i = 1;
        }
        final int intStart = i;
        while (i < len && isAsciiDigit(text.charAt(i)))
        {
            i++;
        }
        final int intEnd = i;
        if (intEnd == intStart)
        {
            throw parseError(text, decimals, "expected a digit at position " + intStart);
        }
        int fracStart = i;
        int fracEnd = i;
        if (i < len)
        {
            if (text.charAt(i) != '.')
            {
                throw parseError(text, decimals, "unexpected character at position " + i);
            }
            i++;
            fracStart = i;
            while (i < len && isAsciiDigit(text.charAt(i)))
            {
                i++;
            }
            fracEnd = i;
            if (fracEnd == fracStart)
            {
                throw parseError(text, decimals, "expected a digit after '.'");
            }
            if (i < len)
            {
                throw parseError(text, decimals, "unexpected character at position " + i);
            }
        }
        final int fracDigits = fracEnd - fracStart;
        for (int k = fracStart + decimals; k < fracEnd; k++)
        {
            if (text.charAt(k) != '0')
            {
                throw parseError(text, decimals, "not exactly representable: more than " + decimals
                    + " significant fractional digits");
            }
        }
        // Accumulate negatively so that the largest magnitudes are detected without wrapping.
        long acc = 0;
        try
        {
            for (int k = intStart; k < intEnd; k++)
            {
                acc = Math.subtractExact(Math.multiplyExact(acc, 10L), text.charAt(k) - '0');
            }
            for (int k = 0; k < decimals; k++)
            {
                final int digit = k < fracDigits ? text.charAt(fracStart + k) - '0' : 0;
                acc = Math.subtractExact(Math.multiplyExact(acc, 10L), digit);
            }
            if (acc == Long.MIN_VALUE)
            {
                throw parseError(text, decimals, "the raw value " + Long.MIN_VALUE + " is reserved as OVERFLOW");
            }
            return negative ? acc : -acc;
        }
        catch (ArithmeticException e)
        {
            throw parseError(text, decimals, "raw value does not fit in a long");
        }
    }

    /**
     * Exact plain decimal string of {@code raw} at {@code decimals}, with trailing fractional zeros (and a
     * then-empty {@code '.'}) removed: {@code "250"}, {@code "3174.6031746"}, {@code "-0.5"}, {@code "0"}.
     * Accepts every {@code long}, including {@code Long.MIN_VALUE}. {@code parse(format(raw, d), d) == raw}.
     * Edge use only: allocates.
     *
     * @param raw      raw value
     * @param decimals scale of {@code raw}, {@code 0..18}
     * @return the exact decimal text
     * @throws IllegalArgumentException if {@code decimals} is outside {@code 0..18}
     */
    public static String format(long raw, int decimals)
    {
        checkDecimals(decimals);
        return toDecimalString(raw < 0, raw < 0 ? -raw : raw, decimals, true);
    }

    /**
     * Decimal string of {@code raw} at {@code decimals} with exactly {@code displayDecimals} fractional digits,
     * rounded half-up, away from zero (a tie goes to the larger magnitude).
     * A value that rounds to zero is printed without a sign. For display only: allocates.
     *
     * @param raw             raw value
     * @param decimals        scale of {@code raw}, {@code 0..18}
     * @param displayDecimals number of fractional digits to print, {@code 0..decimals}
     * @return the rounded decimal text
     * @throws IllegalArgumentException if {@code decimals} is outside {@code 0..18} or {@code displayDecimals}
     *                                  outside {@code 0..decimals}
     */
    public static String formatRounded(long raw, int decimals, int displayDecimals)
    {
        checkDecimals(decimals);
        if (displayDecimals < 0 || displayDecimals > decimals)
        {
            throw new IllegalArgumentException("displayDecimals " + displayDecimals + " must be in 0.." + decimals);
        }
        final long magnitude = raw < 0 ? -raw : raw;      // unsigned; Long.MIN_VALUE gives 2^63
        final long divisor = POW10[decimals - displayDecimals];
        long q = Long.divideUnsigned(magnitude, divisor);
        final long r = Long.remainderUnsigned(magnitude, divisor);
        if (r >= divisor - r) {                           // r >= divisor / 2 exactly: half-up
            q++;
        }
        return toDecimalString(raw < 0, q, displayDecimals, false);
    }

    private static String toDecimalString(boolean negative, long magnitude, int decimals, boolean stripZeros)
    {
        final String digits = Long.toUnsignedString(magnitude);
        final int intLen = digits.length() - decimals;
        final StringBuilder sb = new StringBuilder(digits.length() + decimals + 3);
        if (negative && magnitude != 0)
        {
            sb.append('-');
        }
        if (intLen > 0)
        {
            sb.append(digits, 0, intLen);
        }
        else
        {
            sb.append('0');
        }
        if (decimals > 0)
        {
            final String frac = intLen >= 0 ? digits.substring(intLen) : "0".repeat(-intLen) + digits;
            int end = frac.length();
            if (stripZeros)
            {
                while (end > 0 && frac.charAt(end - 1) == '0')
                {
                    end--;
                }
            }
            if (end > 0)
            {
                sb.append('.').append(frac, 0, end);
            }
        }
        return sb.toString();
    }

    private static boolean isAsciiDigit(char ch)
    {
        return ch >= '0' && ch <= '9';
    }

    private static void checkDecimals(int decimals)
    {
        if (decimals < 0 || decimals > MAX_DECIMALS)
        {
            throw new IllegalArgumentException("decimals " + decimals + " must be in 0.." + MAX_DECIMALS);
        }
    }

    private static IllegalArgumentException parseError(String text, int decimals, String reason)
    {
        return new IllegalArgumentException("cannot parse \"" + text + "\" at " + decimals + " decimals: " + reason);
    }
}
