package com.perprisk.journal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;

/**
 * Shows replay progress as one self-overwriting line on a terminal ("events done of total, rate, time left")
 * and as a log line every {@link #LOG_INTERVAL_NANOS}.
 *
 * <p>Threading: called on the replaying thread only.
 */
public final class ConsoleReplayProgress implements ReplayProgress
{
    /** Log at most every 5 seconds. */
    public static final long LOG_INTERVAL_NANOS = 5_000_000_000L;

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleReplayProgress.class);

    private final PrintStream terminal;
    private long lastLog;

    /** @param terminal where the progress line goes, or null when there is no terminal (log only) */
    public ConsoleReplayProgress(final PrintStream terminal)
    {
        this.terminal = terminal;
    }

    /** @return progress on stderr when the process has a console, otherwise in the log only */
    public static ConsoleReplayProgress forThisProcess()
    {
        return new ConsoleReplayProgress(System.console() != null ? System.err : null);
    }

    @Override
    public void update(final long done, final long total, final long elapsedNanos)
    {
        final String line = describe(done, total, elapsedNanos);
        if (terminal != null)
        {
            terminal.print("\r" + line + "   ");
            terminal.flush();
        }
        if (elapsedNanos - lastLog >= LOG_INTERVAL_NANOS)
        {
            lastLog = elapsedNanos;
            LOG.info(line);
        }
    }

    @Override
    public void finish(final long done, final long elapsedNanos)
    {
        final String line = String.format("replayed %,d events in %.2f s (%s events/s)",
            done, elapsedNanos / 1e9, rate(done, elapsedNanos));
        if (terminal != null)
        {
            terminal.print("\r" + line + "                              \n");
            terminal.flush();
        }
        LOG.info(line);
    }

    /**
     * @param done records replayed.
     * @param total records in all.
     * @param elapsedNanos time so far.
     * @return e.g. {@code "replay 1,200,000 / 5,000,000 events (24%), 3.1 M events/s, 1 s left"}
     */
    static String describe(final long done, final long total, final long elapsedNanos)
    {
        final long percent = total > 0 ? Math.min(100, done * 100 / total) : 100;
        final String left;
        if (done == 0 || elapsedNanos == 0)
        {
            left = "time left unknown";
        }
        else
        {
            final long remainingNanos = (long)((double)Math.max(0, total - done) * elapsedNanos / done);
            left = (remainingNanos / 1_000_000_000L) + " s left";
        }
        return String.format("replay %,d / %,d events (%d%%), %s events/s, %s", done, total, percent, rate(done, elapsedNanos), left);
    }

    private static String rate(final long done, final long elapsedNanos)
    {
        if (elapsedNanos <= 0)
        {
            return "-";
        }
        final double perSecond = done * 1e9 / elapsedNanos;
        return perSecond >= 1e6 ? String.format("%.2f M", perSecond / 1e6) : String.format("%,.0f", perSecond);
    }
}
