package com.perprisk.client;

/**
 * Formats the engine's fixed-point raw values for people (samples, logs), in exact integer arithmetic. Stateless.
 * Scales: price and size 8 decimals, quote 6, rates 8 (see the schema).
 */
public final class Decimals
{
    /** Decimals of prices. */
    public static final int PRICE = 8;
    /** Decimals of sizes. */
    public static final int SIZE = 8;
    /** Decimals of quote amounts (USDC). */
    public static final int QUOTE = 6;
    /** Decimals of rates and ratios. */
    public static final int RATE = 8;

    private Decimals()
    {
    }

    /**
     * @param raw      fixed-point value.
     * @param decimals its scale.
     * @param shown    decimals to show (truncated towards zero), at most {@code decimals}.
     * @return e.g. {@code -42000.50}.
     */
    public static String format(final long raw, final int decimals, final int shown)
    {
        long scale = 1;
        for (int i = 0; i < decimals; i++)
        {
            scale *= 10;
        }
        long cut = 1;
        for (int i = shown; i < decimals; i++)
        {
            cut *= 10;
        }
        final long whole = Math.abs(raw / scale);
        final long fraction = Math.abs(raw % scale) / cut;
        final StringBuilder text = new StringBuilder(24);
        if (raw < 0)
        {
            text.append('-');
        }
        text.append(whole);
        if (shown > 0)
        {
            final String digits = Long.toString(fraction);
            text.append('.');
            for (int i = digits.length(); i < shown; i++)
            {
                text.append('0');
            }
            text.append(digits);
        }
        return text.toString();
    }

    /** @param raw a rate or ratio @return it as a percentage with two decimals, e.g. {@code 1.25%} */
    public static String percent(final long raw)
    {
        return raw == Long.MAX_VALUE ? "inf" : format(raw, RATE - 2, 2) + "%";
    }
}
