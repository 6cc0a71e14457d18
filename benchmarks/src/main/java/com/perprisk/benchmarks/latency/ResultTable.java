package com.perprisk.benchmarks.latency;

import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.Locale;

/**
 * The text of the results, in Markdown: per mode a table of offered rate against p50, p90, p99, p99.9, p99.99 and max
 * in microseconds (as in exchange-core's README), with the completed rate and the saturation verdict; then per engine
 * mode the ratios engine/bare Aeron of p50 and p99 at each rate.
 *
 * <p>Stateless; any thread.
 */
public final class ResultTable
{
    private static final double[] PERCENTILES = {50.0, 90.0, 99.0, 99.9, 99.99};

    private ResultTable()
    {
    }

    /** @param result one mode's steps @return its percentile table with a line on saturation */
    public static String percentiles(final ModeResult result)
    {
        final StringBuilder b = new StringBuilder();
        b.append("| rate | p50 | p90 | p99 | p99.9 | p99.99 | max | completed | back-pressured | verdict |\n");
        b.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---|\n");
        for (final RateStep step : result.steps())
        {
            final Histogram h = step.histogram();
            b.append("| ").append(Units.rate(step.offeredRate())).append("/s");
            for (final double p : PERCENTILES)
            {
                b.append(" | ").append(h.getTotalCount() == 0 ? "-" : Units.micros(h.getValueAtPercentile(p)));
            }
            b.append(" | ").append(h.getTotalCount() == 0 ? "-" : Units.micros(h.getMaxValue()));
            b.append(" | ").append(Units.measuredRate(step.completedRate())).append("/s");
            b.append(" | ").append(step.backPressured());
            b.append(" | ").append(step.saturated() ? "saturated: " + step.saturation() : "sustained");
            b.append(" |\n");
        }
        b.append('\n').append(saturationLine(result)).append('\n');
        return b.toString();
    }

    /**
     * @param result one mode's steps.
     * @return "saturation throughput: X/s (highest sustained offered rate); most completed: Y/s (at Z/s offered)".
     */
    public static String saturationLine(final ModeResult result)
    {
        final RateStep most = result.mostCompleted();
        final String saturation = result.reachedSaturation() ?
            Units.rate(result.saturationThroughput()) + "/s (highest offered rate sustained)" :
            "not reached: every rate up to " + (result.steps().isEmpty() ? "-" :
                Units.rate(result.steps().get(result.steps().size() - 1).offeredRate())) + "/s was sustained";
        return "saturation throughput: " + saturation + "; most completed: "
            + (most == null ? "-" : Units.measuredRate(most.completedRate()) + "/s (at " + Units.rate(most.offeredRate()) + "/s offered)");
    }

    /**
     * @param engine an engine mode's steps.
     * @param aeron  the bare Aeron steps of the same run.
     * @return the table rate | engine p50 | aeron p50 | ratio | engine p99 | aeron p99 | ratio, at every rate both ran.
     */
    public static String ratios(final ModeResult engine, final ModeResult aeron)
    {
        final StringBuilder b = new StringBuilder();
        b.append("| rate | ").append(engine.mode().fileName()).append(" p50 | aeron p50 | p50 ratio | ")
            .append(engine.mode().fileName()).append(" p99 | aeron p99 | p99 ratio |\n");
        b.append("|---:|---:|---:|---:|---:|---:|---:|\n");
        for (final RateStep step : engine.steps())
        {
            final RateStep floor = aeron.at(step.offeredRate());
            b.append("| ").append(Units.rate(step.offeredRate())).append("/s");
            for (final double p : new double[] {50.0, 99.0})
            {
                final long e = value(step, p);
                final long a = floor == null ? -1 : value(floor, p);
                b.append(" | ").append(e < 0 ? "-" : Units.micros(e))
                    .append(" | ").append(a < 0 ? "-" : Units.micros(a))
                    .append(" | ").append(e < 0 || a <= 0 ? "-" : String.format(Locale.ROOT, "%.1fx", (double)e / a));
            }
            b.append(" |\n");
        }
        return b.toString();
    }

    private static long value(final RateStep step, final double percentile)
    {
        return step.histogram().getTotalCount() == 0 ? -1 : step.histogram().getValueAtPercentile(percentile);
    }

    /**
     * @param header  what was run, on which machine (Markdown lines).
     * @param results every mode's steps; the bare Aeron one, if present, is the floor of the ratio tables.
     * @return the whole report.
     */
    public static String report(final String header, final List<ModeResult> results)
    {
        final StringBuilder b = new StringBuilder(header);
        ModeResult aeron = null;
        for (final ModeResult result : results)
        {
            if (result.mode() == Mode.AERON)
            {
                aeron = result;
            }
        }
        for (final ModeResult result : results)
        {
            b.append("\n## ").append(result.mode().title()).append(" (latency in us from planned send time)\n\n");
            b.append(percentiles(result));
            if (result.rejected() != 0)
            {
                b.append("\nWARNING: ").append(result.rejected()).append(" answers were not NONE\n");
            }
            if (result.dropped() != 0)
            {
                b.append("\nWARNING: the echo dropped ").append(result.dropped()).append(" messages\n");
            }
        }
        if (aeron != null)
        {
            for (final ModeResult result : results)
            {
                if (result.mode().isEngine())
                {
                    b.append("\n## ").append(result.mode().title()).append(" over bare Aeron (the transport floor, same channel)\n\n");
                    b.append(ratios(result, aeron));
                }
            }
        }
        return b.toString();
    }
}
