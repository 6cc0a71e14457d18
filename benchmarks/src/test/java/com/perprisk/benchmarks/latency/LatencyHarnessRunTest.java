package com.perprisk.benchmarks.latency;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A short real run over IPC (2k/s and 5k/s, 1 s each, journal on and off, bare Aeron too): the results folder holds a
 * .hgrm per mode and rate whose count is the number of commands sent, the tables, and a PNG ImageIO can read; every
 * command was answered NONE; the temporary journal is gone. Nothing here depends on how fast the machine is
 * ({@code --keep-stepping}: a noisy step judged saturated does not cut the run short).
 */
final class LatencyHarnessRunTest
{
    private static final Pattern TOTAL_COUNT = Pattern.compile("Total count\\s*=\\s*(\\d+)");

    @Test
    @Timeout(180)
    void shortIpcRunWritesEveryResult(@TempDir final Path out, @TempDir final Path journals) throws IOException
    {
        final StringWriter stdout = new StringWriter();
        final StringWriter stderr = new StringWriter();
        final LatencyHarness harness = new LatencyHarness();
        final CommandLine cli = new CommandLine(harness);
        cli.setOut(new PrintWriter(stdout));
        cli.setErr(new PrintWriter(stderr));

        final int code = cli.execute("--transport", "ipc", "--rates", "2k,5k", "--warmup", "200ms", "--duration", "1s",
            "--journal", "both", "--kind", "mixed", "--keep-stepping", "--term-length", "1048576",
            "--out", out.toString(), "--journal-dir", journals.toString());

        assertEquals(0, code, stderr.toString());
        final List<ModeResult> results = harness.results();
        assertEquals(List.of(Mode.AERON, Mode.ENGINE, Mode.ENGINE_JOURNAL), results.stream().map(ModeResult::mode).toList());
        for (final ModeResult result : results)
        {
            assertEquals(0, result.rejected(), result.mode() + ": every command is answered NONE");
            assertEquals(0, result.dropped(), result.mode() + ": no echo dropped");
            assertEquals(2, result.steps().size(), result.mode().toString());
            for (final RateStep step : result.steps())
            {
                final String what = result.mode() + " at " + step.offeredRate();
                assertFalse(step.stoppedEarly(), what);
                assertEquals(step.offeredRate(), step.plannedMeasured(), what + ": 1 s of commands measured");
                assertEquals(step.plannedMeasured(), step.sentMeasured(), what + ": every planned command sent");
                assertEquals(step.sentMeasured(), step.answeredMeasured(), what + ": every sent command answered");
                assertEquals(step.sentMeasured(), step.histogram().getTotalCount(), what + ": histogram count = commands sent");

                final Path hgrm = out.resolve(LatencyRun.hgrmName(result.mode(), Channels.Kind.IPC, step.offeredRate()));
                final Matcher count = TOTAL_COUNT.matcher(Files.readString(hgrm));
                assertTrue(count.find(), hgrm + " has its totals line");
                assertEquals(step.sentMeasured(), Long.parseLong(count.group(1)), hgrm.toString());
            }
        }

        final String summary = Files.readString(out.resolve(LatencyRun.SUMMARY));
        assertTrue(summary.contains("| rate | p50 | p90 | p99 | p99.9 | p99.99 | max |"), summary);
        assertTrue(summary.contains("| 2k/s |") && summary.contains("| 5k/s |"), summary);
        assertTrue(summary.contains("engine-journal p50 | aeron p50 | p50 ratio"), summary);
        assertTrue(stdout.toString().contains("## engine, journal on"), "the tables are printed too");
        assertTrue(stderr.toString().contains("[engine-journal 2/2] 5k/s"), "progress per step on stderr:\n" + stderr);

        final BufferedImage plot = ImageIO.read(out.resolve(LatencyRun.PLOT).toFile());
        assertNotNull(plot, "ImageIO reads the PNG");
        assertTrue(plot.getWidth() > 100 && plot.getHeight() > 100);

        try (Stream<Path> left = Files.list(journals))
        {
            assertEquals(List.of(), left.toList(), "the temporary journal is deleted");
        }
    }
}
