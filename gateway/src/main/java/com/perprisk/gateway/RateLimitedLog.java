package com.perprisk.gateway;

import org.slf4j.Logger;

import java.util.Arrays;

/**
 * Logs bad input at most once per interval per kind, with the number of occurrences suppressed since the last line,
 * so a flood of garbage cannot flood the log. Single-threaded (the gateway thread); allocates only when it logs.
 */
final class RateLimitedLog
{
    private final Logger log;
    private final long intervalNs;
    private final long[] lastLogNs;
    private final long[] suppressed;

    /**
     * @param log        where to log.
     * @param intervalNs at most one line per kind per interval.
     * @param kinds      number of kinds (indexes 0..kinds-1).
     */
    RateLimitedLog(final Logger log, final long intervalNs, final int kinds)
    {
        this.log = log;
        this.intervalNs = intervalNs;
        lastLogNs = new long[kinds];
        suppressed = new long[kinds];
        Arrays.fill(lastLogNs, Long.MIN_VALUE / 2);
    }

    /**
     * @param kind   index of the kind of event.
     * @param nowNs  monotonic time.
     * @param format SLF4J format with three arguments.
     * @param a      first argument.
     * @param b      second argument.
     * @param c      third argument (boxed only when a line is written).
     */
    void warn(final int kind, final long nowNs, final String format, final Object a, final Object b, final long c)
    {
        if (nowNs - lastLogNs[kind] >= intervalNs)
        {
            final long dropped = suppressed[kind];
            suppressed[kind] = 0;
            lastLogNs[kind] = nowNs;
            if (dropped > 0)
            {
                log.warn(format + " ({} similar suppressed)", a, b, c, dropped);
            }
            else
            {
                log.warn(format, a, b, c);
            }
        }
        else
        {
            suppressed[kind]++;
        }
    }
}
