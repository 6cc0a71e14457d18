package com.perprisk.benchmarks.latency;

import java.util.Locale;

/** Parsing and printing of rates ({@code 10k}, {@code 1.5M}), durations ({@code 5}, {@code 5s}, {@code 500ms}) and microseconds. */
public final class Units
{
    private Units()
    {
    }

    /**
     * @param text a rate per second: a positive number with an optional suffix k (thousand) or M (million), e.g.
     *             {@code 2000}, {@code 50k}, {@code 1.5M}.
     * @return commands per second.
     * @throws IllegalArgumentException if it is not one, or not a whole number of commands per second.
     */
    public static long parseRate(final String text)
    {
        final String t = text.trim();
        if (t.isEmpty())
        {
            throw new IllegalArgumentException("empty rate");
        }
        final char last = t.charAt(t.length() - 1);
        final long multiplier = last == 'k' || last == 'K' ? 1_000 : last == 'm' || last == 'M' ? 1_000_000 : 1;
        final String number = multiplier == 1 ? t : t.substring(0, t.length() - 1);
        final double value;
        try
        {
            value = Double.parseDouble(number);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("'" + text + "' is not a rate (e.g. 2000, 50k, 1.5M)");
        }
        final double rate = value * multiplier;
        if (!(rate >= 1) || rate > 1e9 || Math.rint(rate) != rate)
        {
            throw new IllegalArgumentException("'" + text + "' must be a whole number of commands per second from 1 to 1000M");
        }
        return (long)rate;
    }

    /**
     * @param text comma-separated rates, e.g. {@code 10k,50k,100k}.
     * @return the rates in the given order, strictly increasing.
     * @throws IllegalArgumentException if one is not a rate or they do not increase.
     */
    public static long[] parseRates(final String text)
    {
        final String[] parts = text.split(",", -1);
        final long[] rates = new long[parts.length];
        for (int i = 0; i < parts.length; i++)
        {
            rates[i] = parseRate(parts[i]);
            if (i > 0 && rates[i] <= rates[i - 1])
            {
                throw new IllegalArgumentException("rates must increase: " + parts[i].trim() + " after " + parts[i - 1].trim());
            }
        }
        return rates;
    }

    /**
     * @param text a duration: a number of seconds ({@code 5}, {@code 0.5}) or with a unit {@code s} or {@code ms}.
     * @return nanoseconds.
     * @throws IllegalArgumentException if it is not one or is negative.
     */
    public static long parseDuration(final String text)
    {
        final String t = text.trim().toLowerCase(Locale.ROOT);
        final double scale;
        final String number;
        if (t.endsWith("ms"))
        {
            scale = 1e6;
            number = t.substring(0, t.length() - 2);
        }
        else if (t.endsWith("s"))
        {
            scale = 1e9;
            number = t.substring(0, t.length() - 1);
        }
        else
        {
            scale = 1e9;
            number = t;
        }
        final double value;
        try
        {
            value = Double.parseDouble(number);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. 5, 5s, 500ms)");
        }
        if (!(value >= 0) || value * scale > 86_400e9)
        {
            throw new IllegalArgumentException("'" + text + "' must be from 0 to one day");
        }
        return Math.round(value * scale);
    }

    /** @param perSecond a rate @return it as written in tables and file names: 2k, 100k, 1M, 1.5M, 750 */
    public static String rate(final long perSecond)
    {
        if (perSecond >= 1_000_000 && perSecond % 100_000 == 0)
        {
            return strip(perSecond / 1_000_000.0) + "M";
        }
        if (perSecond >= 1_000 && perSecond % 100 == 0)
        {
            return strip(perSecond / 1_000.0) + "k";
        }
        return Long.toString(perSecond);
    }

    /** @param perSecond a measured rate @return it rounded for tables: 950/s, 99.9k/s is "99.9k", 1.23M */
    public static String measuredRate(final double perSecond)
    {
        if (perSecond >= 999_500)
        {
            return String.format(Locale.ROOT, "%.2fM", perSecond / 1e6);
        }
        if (perSecond >= 999.5)
        {
            return String.format(Locale.ROOT, "%.1fk", perSecond / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", perSecond);
    }

    /** @param nanos a latency @return microseconds with 3 significant figures (0.62, 12.3, 456, 1234) */
    public static String micros(final long nanos)
    {
        final double us = nanos / 1_000.0;
        if (us < 10)
        {
            return String.format(Locale.ROOT, "%.2f", us);
        }
        if (us < 100)
        {
            return String.format(Locale.ROOT, "%.1f", us);
        }
        return String.format(Locale.ROOT, "%.0f", us);
    }

    private static String strip(final double value)
    {
        final String s = String.format(Locale.ROOT, "%.1f", value);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
