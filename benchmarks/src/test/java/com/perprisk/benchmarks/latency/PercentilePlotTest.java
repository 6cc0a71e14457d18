package com.perprisk.benchmarks.latency;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The plot's axis and curves, and a PNG that ImageIO reads back. */
final class PercentilePlotTest
{
    @Test
    void decadesAreLabelledAsPercentiles()
    {
        assertEquals("0%", PercentilePlot.percentileLabel(0));
        assertEquals("90%", PercentilePlot.percentileLabel(1));
        assertEquals("99%", PercentilePlot.percentileLabel(2));
        assertEquals("99.9%", PercentilePlot.percentileLabel(3));
        assertEquals("99.9999%", PercentilePlot.percentileLabel(6));
        assertEquals("", PercentilePlot.percentileLabel(0.5));
    }

    @Test
    void aCurveRunsFromTheMinimumToTheMaximum()
    {
        final Histogram h = LatencyRecorder.newHistogram();
        for (int i = 1; i <= 1_000; i++)
        {
            h.recordValue(i * 1_000L);
        }
        final List<Double> xs = new ArrayList<>();
        final List<Double> ys = new ArrayList<>();
        PercentilePlot.points(h, xs, ys);
        assertEquals(0.0, xs.get(0));
        assertEquals(1.0, ys.get(0), 0.001, "p0 is the minimum, 1 us");
        assertEquals(1.0, xs.get(20), 1e-9);
        assertEquals(900.0, ys.get(20), 1.0, "p90 at x = 1");
        assertEquals(3.0, xs.get(xs.size() - 1), 1e-9, "the last point at log10(count)");
        assertEquals(1_000.0, ys.get(ys.size() - 1), 1.0, "is the maximum");
    }

    @Test
    @Timeout(60)
    void writesAPngOfEveryStep(@TempDir final Path dir) throws IOException
    {
        final List<ModeResult> results = new ArrayList<>();
        final long[] rates = {10_000, 100_000, 1_000_000};
        for (final Mode mode : Mode.values())
        {
            final List<RateStep> steps = new ArrayList<>();
            for (final long rate : rates)
            {
                final Histogram h = LatencyRecorder.newHistogram();
                for (int i = 0; i < 100_000; i++)
                {
                    h.recordValue(1_000L * (mode.ordinal() + 1) + (i % 1_000) * (i % 97) + rate / 1_000);
                }
                steps.add(new RateStep(rate, h, 100_000, 100_000, 100_000, 0, 10, 0, rate, false,
                    rate == 1_000_000 ? "test" : null));
            }
            results.add(new ModeResult(mode, steps, 0, 0));
        }
        final Path png = dir.resolve("plot.png");
        PercentilePlot.write("test plot", results, rates, png);
        final BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image);
        assertEquals(1400, image.getWidth());
    }
}
