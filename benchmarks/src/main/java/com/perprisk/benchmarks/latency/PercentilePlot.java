package com.perprisk.benchmarks.latency;

import org.HdrHistogram.Histogram;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One PNG of the latency percentile distribution of every step, as HdrHistogram's plotter draws it: x is the
 * percentile on the {@code 1/(1-p)} log scale (labelled 0%, 90%, 99%, 99.9%, ... at the decades, and a line at 50%),
 * y the latency in microseconds on a log scale. One colour per rate, one line style per mode (bare Aeron dotted, engine solid, engine
 * with journal dashed). Drawn headless ({@code -Djava.awt.headless=true}).
 *
 * <p>Used once at the end of a run, by the harness's main thread.
 */
public final class PercentilePlot
{
    private static final int WIDTH = 1400;
    private static final int HEIGHT = 900;
    private static final double STEPS_PER_DECADE = 20;
    private static final double MEDIAN_X = Math.log10(2);
    private static final BasicStroke SOLID = new BasicStroke(2.0f);
    private static final BasicStroke DASHED = new BasicStroke(2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {9f, 5f}, 0f);
    private static final BasicStroke DOTTED = new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {1f, 4f}, 0f);
    private static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
        new Color(188, 189, 34), new Color(23, 190, 207), new Color(0, 0, 0), new Color(0, 90, 50)};

    private PercentilePlot()
    {
    }

    /**
     * @param title   the chart title.
     * @param results every mode's steps.
     * @param rates   every rate of the run (fixes each rate's colour).
     * @param file    the PNG to write ({@code .png} is added if missing).
     * @throws IOException if the file cannot be written.
     */
    public static void write(final String title, final List<ModeResult> results, final long[] rates, final Path file) throws IOException
    {
        final XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
            .xAxisTitle("percentile").yAxisTitle("latency from planned send time (us)").build();
        final XYStyler styler = chart.getStyler();
        // x is log10(1/(1-p)) on a linear axis, labelled as percentiles: XChart 3.8 applies a label function only to a
        // linear axis (with a log axis it falls back to a linear tick search over the whole range, and never ends).
        styler.setxAxisTickLabelsFormattingFunction(PercentilePlot::percentileLabel);
        styler.setYAxisLogarithmic(true);
        styler.setYAxisDecimalPattern("#,##0.###");
        styler.setXAxisMin(0.0);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesVisible(true);

        double maxX = 1;
        double minY = Double.MAX_VALUE;
        for (final ModeResult result : results)
        {
            for (final RateStep step : result.steps())
            {
                if (step.histogram().getTotalCount() == 0)
                {
                    continue;
                }
                final List<Double> xs = new ArrayList<>();
                final List<Double> ys = new ArrayList<>();
                points(step.histogram(), xs, ys);
                maxX = Math.max(maxX, xs.get(xs.size() - 1));
                minY = Math.min(minY, ys.get(0));
                final String name = result.mode().fileName() + " " + Units.rate(step.offeredRate()) + "/s"
                    + (step.saturated() ? " (saturated)" : "");
                final XYSeries series = chart.addSeries(name, xs, ys);
                series.setMarker(SeriesMarkers.NONE);
                series.setLineColor(PALETTE[colourIndex(rates, step.offeredRate()) % PALETTE.length]);
                series.setLineStyle(lineStyle(result.mode()));
            }
        }
        styler.setXAxisMax(Math.ceil(maxX));
        chart.addAnnotation(new AnnotationLine(MEDIAN_X, true, false));
        if (minY != Double.MAX_VALUE)
        {
            chart.addAnnotation(new AnnotationText("50%", MEDIAN_X, minY, false));
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /**
     * The curve of one histogram: 20 points per decade of {@code 1/(1-p)} from p = 0 to the last percentile the count
     * resolves, then the maximum.
     *
     * @param histogram latencies in ns.
     * @param xs        receives {@code 1/(1-p)}.
     * @param ys        receives the latency at p in microseconds.
     */
    static void points(final Histogram histogram, final List<Double> xs, final List<Double> ys)
    {
        final long count = histogram.getTotalCount();
        final double lastDecade = Math.log10(Math.max(1, count));
        for (int i = 0; i / STEPS_PER_DECADE < lastDecade; i++)
        {
            final double x = i / STEPS_PER_DECADE;
            xs.add(x);
            ys.add(micros(histogram.getValueAtPercentile(100.0 * (1.0 - Math.pow(10, -x)))));
        }
        xs.add(lastDecade);
        ys.add(micros(histogram.getMaxValue()));
    }

    /**
     * @param x a position on the x axis: {@code log10(1/(1-p))}.
     * @return the percentile it stands for at a whole decade (0 is 0%, 1 is 90%, 3 is 99.9%), else "" (no label).
     */
    static String percentileLabel(final double x)
    {
        final long decade = Math.round(x);
        if (Math.abs(x - decade) > 1e-6 || decade < 0)
        {
            return "";
        }
        if (decade == 0)
        {
            return "0%";
        }
        return BigDecimal.valueOf(100).subtract(BigDecimal.ONE.movePointLeft((int)decade - 2)).stripTrailingZeros().toPlainString() + "%";
    }

    private static double micros(final long nanos)
    {
        return Math.max(0.001, nanos / 1_000.0);
    }

    private static int colourIndex(final long[] rates, final long rate)
    {
        for (int i = 0; i < rates.length; i++)
        {
            if (rates[i] == rate)
            {
                return i;
            }
        }
        return 0;
    }

    private static BasicStroke lineStyle(final Mode mode)
    {
        switch (mode)
        {
            case AERON: return DOTTED;
            case ENGINE_JOURNAL: return DASHED;
            default: return SOLID;
        }
    }
}
