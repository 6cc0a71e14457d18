package com.perprisk.benchmarks.latency;

import com.perprisk.journal.Durability;
import com.perprisk.journal.JournalSettings;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.SystemNanoClock;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One run of the harness: launches one embedded media driver for the whole run (the engine nodes and the bare
 * ping-pong all use it, so they go through the same driver on the same kind of channel), then for each mode in turn
 * (bare Aeron first) opens its transport and steps the offered rate up until a step saturates, writing each step's
 * {@code .hgrm} as soon as it is measured; at the end writes {@code summary.md}, prints the tables and draws
 * {@code percentiles.png}. The journal of the journaled mode lives in a temporary folder, deleted afterwards.
 *
 * <p>Threading: the calling thread is the generator of every step. Progress goes to {@code progress} (stderr), the
 * tables to {@code out}.
 */
public final class LatencyRun
{
    /** File name of the report. */
    public static final String SUMMARY = "summary.md";
    /** File name of the plot. */
    public static final String PLOT = "percentiles.png";

    private final HarnessSettings settings;
    private final PrintWriter out;
    private final PrintWriter progress;

    /** @param settings what to run @param out receives the tables @param progress receives progress lines */
    public LatencyRun(final HarnessSettings settings, final PrintWriter out, final PrintWriter progress)
    {
        this.settings = settings;
        this.out = out;
        this.progress = progress;
    }

    /**
     * @param mode a mode @param rate an offered rate @param kind the channel kind
     * @return the name of that step's histogram file, e.g. {@code engine-journal-ipc-100k.hgrm}
     */
    public static String hgrmName(final Mode mode, final Channels.Kind kind, final long rate)
    {
        return mode.fileName() + "-" + kind.name().toLowerCase(Locale.ROOT) + "-" + Units.rate(rate) + ".hgrm";
    }

    /**
     * Run every mode and write the results.
     *
     * @return every mode's steps, in the order run.
     * @throws IOException if a result file cannot be written.
     */
    public List<ModeResult> run() throws IOException
    {
        Files.createDirectories(settings.outDir());
        final String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        final List<ModeResult> results = new ArrayList<>();
        final OpenLoopDriver loop = new OpenLoopDriver(
            SystemNanoClock.INSTANCE, settings.clientIdle().create(), settings.rule(), settings.drainTimeoutNs());
        try (MediaDriver driver = MediaDriver.launchEmbedded(new MediaDriver.Context()
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(settings.driverIdle().create())
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true)
            .ipcTermBufferLength(settings.termLength())
            .publicationTermBufferLength(settings.termLength())))
        {
            progress.printf("latency: media driver at %s; modes %s; %s; results in %s%n", driver.aeronDirectoryName(),
                settings.modes().stream().map(Mode::fileName).toList(), settings.channels().describe(), settings.outDir());
            progress.flush();
            for (final Mode mode : settings.modes())
            {
                results.add(runMode(driver.aeronDirectoryName(), mode, loop));
            }
        }

        final String report = ResultTable.report(header(started), results);
        Files.writeString(settings.outDir().resolve(SUMMARY), report, StandardCharsets.UTF_8);
        out.print(report);
        out.flush();
        PercentilePlot.write("latency percentiles, " + settings.channels().kind().name().toLowerCase(Locale.ROOT) + ", "
            + settings.mix().name().toLowerCase(Locale.ROOT) + " (dotted: bare Aeron, solid: engine, dashed: engine + journal)",
            results, settings.rates(), settings.outDir().resolve(PLOT));
        progress.printf("latency: wrote %s, %s and the .hgrm files to %s%n", SUMMARY, PLOT, settings.outDir());
        progress.flush();
        return results;
    }

    private ModeResult runMode(final String aeronDirectory, final Mode mode, final OpenLoopDriver loop) throws IOException
    {
        progress.printf("latency: %s over %s ...%n", mode.title(), settings.channels().kind().name().toLowerCase(Locale.ROOT));
        progress.flush();
        final Channels channels = settings.channels();
        if (mode == Mode.AERON)
        {
            try (PingPongTransport transport = new PingPongTransport(
                aeronDirectory, channels.next(), channels.next(), settings.gatewayIdle().create(), settings.mix()))
            {
                final List<RateStep> steps = stepUp(mode, transport, loop);
                return new ModeResult(mode, steps, 0, transport.dropped());
            }
        }
        final Path journal = mode == Mode.ENGINE_JOURNAL ?
            Files.createTempDirectory(Files.createDirectories(settings.journalParent()), "perp-risk-latency-journal-") : null;
        try
        {
            final JournalSettings journalSettings = journal == null ? null :
                new JournalSettings(journal).durability(Durability.PAGE_CACHE).snapshotEveryRecords(settings.snapshotEvery());
            try (EngineTransport transport = EngineTransport.start(aeronDirectory, channels.next(), channels.next(), channels.next(),
                journalSettings, settings.gatewayIdle(), settings.engineWait(), settings.ringSize(), settings.mix()))
            {
                final List<RateStep> steps = stepUp(mode, transport, loop);
                return new ModeResult(mode, steps, transport.rejected(), 0);
            }
        }
        finally
        {
            if (journal != null)
            {
                deleteRecursively(journal);
            }
        }
    }

    private List<RateStep> stepUp(final Mode mode, final OpenLoopTransport transport, final OpenLoopDriver loop) throws IOException
    {
        final long[] rates = settings.rates();
        final List<RateStep> steps = new ArrayList<>();
        for (int i = 0; i < rates.length; i++)
        {
            progress.printf(Locale.ROOT, "  [%s %d/%d] %s/s: %.1f s warm-up + %.1f s measured ...%n", mode.fileName(), i + 1, rates.length,
                Units.rate(rates[i]), settings.warmupNs() / 1e9, settings.durationNs() / 1e9);
            progress.flush();
            System.gc();
            final Histogram histogram = LatencyRecorder.newHistogram();
            final RateStep step = loop.run(transport, rates[i], settings.warmupNs(), settings.durationNs(), histogram);
            steps.add(step);
            writeHgrm(mode, step);
            progress.printf(Locale.ROOT, "  [%s %d/%d] %s/s: p50 %s us, p99 %s us, max %s us; completed %s/s; %d back-pressured; "
                    + "max backlog %d; worst send lag %s us; %s%n",
                mode.fileName(), i + 1, rates.length, Units.rate(rates[i]),
                micros(histogram, 50.0), micros(histogram, 99.0), micros(histogram, 100.0),
                Units.measuredRate(step.completedRate()), step.backPressured(), step.maxBacklog(), Units.micros(step.maxSendLagNs()),
                step.saturated() ? "SATURATED (" + step.saturation() + ")" : "sustained");
            progress.flush();
            if (step.saturated() && !settings.keepStepping())
            {
                progress.printf("  [%s] saturated at %s/s: no higher rate%n", mode.fileName(), Units.rate(rates[i]));
                progress.flush();
                break;
            }
        }
        return steps;
    }

    private void writeHgrm(final Mode mode, final RateStep step) throws IOException
    {
        final Path file = settings.outDir().resolve(hgrmName(mode, settings.channels().kind(), step.offeredRate()));
        try (PrintStream stream = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8))
        {
            step.histogram().outputPercentileDistribution(stream, 1000.0);
        }
    }

    private String header(final String started)
    {
        final StringBuilder rates = new StringBuilder();
        for (final long rate : settings.rates())
        {
            rates.append(rates.length() == 0 ? "" : ", ").append(Units.rate(rate));
        }
        final SaturationRule rule = settings.rule();
        return String.format(Locale.ROOT, "# End-to-end latency, open loop%n%n"
                + "- started %s; Java %s on %s %s, %d cores%n"
                + "- transport: %s; commands: %s; offered rates per second: %s%n"
                + "- each step: %.1f s warm-up (not recorded) + %.1f s measured; latency = answer time - planned send time (no coordinated omission)%n"
                + "- idle: gateway and echo %s, engine wait %s, generator %s, media driver %s; term length %d; engine ring %d%n"
                + "%s"
                + "- saturated when: backlog > %d commands, or completed < %.0f%% of offered, or p50 > %s us; stepping %s%n",
            started, System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"),
            Runtime.getRuntime().availableProcessors(),
            settings.channels().describe(), settings.mix().name().toLowerCase(Locale.ROOT), rates,
            settings.warmupNs() / 1e9, settings.durationNs() / 1e9,
            spelling(settings.gatewayIdle()), spelling(settings.engineWait()), spelling(settings.clientIdle()), spelling(settings.driverIdle()),
            settings.termLength(), settings.ringSize(),
            settings.modes().contains(Mode.ENGINE_JOURNAL) ?
                "- journal (engine-journal): Chronicle Queue in a temporary folder, page-cache durability, snapshots "
                    + (settings.snapshotEvery() == 0 ? "off" : "every " + settings.snapshotEvery() + " records") + "\n" : "",
            rule.maxBacklog(), rule.minCompletion() * 100, Units.micros(rule.maxP50Ns()),
            settings.keepStepping() ? "runs every rate" : "stops after the first saturated step");
    }

    private static String spelling(final Enum<?> kind)
    {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String micros(final Histogram histogram, final double percentile)
    {
        if (histogram.getTotalCount() == 0)
        {
            return "-";
        }
        return Units.micros(percentile >= 100.0 ? histogram.getMaxValue() : histogram.getValueAtPercentile(percentile));
    }

    private static void deleteRecursively(final Path folder)
    {
        try (Stream<Path> paths = Files.walk(folder))
        {
            paths.sorted(Comparator.reverseOrder()).forEach(path ->
            {
                try
                {
                    Files.deleteIfExists(path);
                }
                catch (final IOException ex)
                {
                    throw new UncheckedIOException(ex);
                }
            });
        }
        catch (final IOException | UncheckedIOException ex)
        {
            System.err.println("latency: could not delete the journal folder " + folder + ": " + ex.getMessage());
        }
    }
}
