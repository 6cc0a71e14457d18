package com.perprisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.perprisk.engine.fixed.FixedPoint;
import com.perprisk.engine.fixed.Rounding;
import com.perprisk.engine.instrument.Instrument;

/**
 * Human-readable rounding of the engine's exact numbers (raw fixed-point values, or the exact decimal strings of
 * the JSON events), half-up through {@link FixedPoint#formatRounded}. Quote amounts show 2 decimals, prices and
 * sizes the instrument's own decimals.
 */
final class Display
{
    /** Decimals shown for quote (USDC) amounts. */
    static final int QUOTE_DISPLAY = 2;
    /** Text for an absent value. */
    static final String NONE = "-";

    private Display()
    {
    }

    /** @param node an event @param field a field @return its text, or null when missing or JSON null. */
    static String text(final JsonNode node, final String field)
    {
        final JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** @param raw quote raw @return e.g. {@code 10000.00}. */
    static String quote(final long raw)
    {
        return FixedPoint.formatRounded(raw, FixedPoint.QUOTE_DECIMALS, QUOTE_DISPLAY);
    }

    /** @param exact exact quote decimal, or null @return e.g. {@code 250.00}, or {@code -}. */
    static String quote(final String exact)
    {
        return exact == null ? NONE : quote(FixedPoint.parse(exact, FixedPoint.QUOTE_DECIMALS));
    }

    /** @param raw quote raw @return with an explicit sign, e.g. {@code +250.00}. */
    static String signedQuote(final long raw)
    {
        return (raw > 0 ? "+" : "") + quote(raw);
    }

    /** @param exact exact quote decimal @return with an explicit sign. */
    static String signedQuote(final String exact)
    {
        return exact == null ? NONE : signedQuote(FixedPoint.parse(exact, FixedPoint.QUOTE_DECIMALS));
    }

    /** @param raw price raw @param instrument for its decimals, may be null @return e.g. {@code 42000.0}. */
    static String price(final long raw, final Instrument instrument)
    {
        return FixedPoint.formatRounded(raw, FixedPoint.PRICE_DECIMALS, instrument == null ? FixedPoint.PRICE_DECIMALS : instrument.priceDecimals());
    }

    /** @param exact exact price decimal, or null @param instrument for its decimals, may be null @return rounded, or {@code -}. */
    static String price(final String exact, final Instrument instrument)
    {
        return exact == null ? NONE : price(FixedPoint.parse(exact, FixedPoint.PRICE_DECIMALS), instrument);
    }

    /**
     * @param liquidationPrice exact liquidation price decimal, or null when none
     * @param markPrice        exact mark price decimal
     * @return how far the mark must move to reach the liquidation price, {@code |mark - liq| / mark} as a percentage
     *         for display, or {@code -} when there is no liquidation price.
     */
    static String liquidationDistance(final String liquidationPrice, final String markPrice)
    {
        if (liquidationPrice == null || markPrice == null)
        {
            return NONE;
        }
        final long liquidation = FixedPoint.parse(liquidationPrice, FixedPoint.PRICE_DECIMALS);
        final long mark = FixedPoint.parse(markPrice, FixedPoint.PRICE_DECIMALS);
        return mark <= 0 ? NONE : percent(FixedPoint.mulDiv(Math.abs(mark - liquidation), FixedPoint.RATE_SCALE, mark, Rounding.FLOOR), 2);
    }

    /** @param raw signed size raw @param instrument for its decimals, may be null @return e.g. {@code +0.500}. */
    static String size(final long raw, final Instrument instrument)
    {
        final String abs = FixedPoint.formatRounded(Math.abs(raw), FixedPoint.SIZE_DECIMALS,
            instrument == null ? FixedPoint.SIZE_DECIMALS : instrument.sizeDecimals());
        return (raw > 0 ? "+" : raw < 0 ? "-" : "") + abs;
    }

    /** @param exact exact signed size decimal, or null @param instrument for its decimals @return e.g. {@code -0.400}. */
    static String size(final String exact, final Instrument instrument)
    {
        return exact == null ? NONE : size(FixedPoint.parse(exact, FixedPoint.SIZE_DECIMALS), instrument);
    }

    /** @param raw rate raw (1 = 100%) @param decimals percent decimals @return e.g. {@code 0.0100%}. */
    static String percent(final long raw, final int decimals)
    {
        // rate scale is 10^8 for 1, so the same raw value read at 6 decimals is the percentage.
        return FixedPoint.formatRounded(raw, FixedPoint.RATE_DECIMALS - 2, decimals) + "%";
    }

    /** @param exact exact rate decimal, {@code infinite}, or null @param decimals percent decimals @return e.g. {@code 80.00%}. */
    static String percent(final String exact, final int decimals)
    {
        if (exact == null)
        {
            return NONE;
        }
        if (JsonEventWriter.INFINITE.equals(exact))
        {
            return "infinite";
        }
        return percent(FixedPoint.parse(exact, FixedPoint.RATE_DECIMALS), decimals);
    }
}
