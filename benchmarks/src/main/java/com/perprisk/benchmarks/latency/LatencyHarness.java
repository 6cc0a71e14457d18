package com.perprisk.benchmarks.latency;

import com.perprisk.engine.pipeline.WaitStrategyKind;
import com.perprisk.gateway.GatewayConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/benchmarks latency}: the end-to-end open-loop latency harness. See the command's description (and
 * {@link OpenLoopDriver}, {@link SaturationRule}) for what it measures and how.
 */
@Command(
    name = "latency",
    mixinStandardHelpOptions = true,
    version = "perp-risk latency harness",
    sortOptions = false,
    header = "End-to-end open-loop latency of the engine over Aeron, against the bare Aeron round trip.",
    description = {
        "A load generator sends commands at a fixed offered rate, each stamped with its planned send time, and records the "
            + "latency of each answer from that planned time into an HdrHistogram, so a stall is charged to every command it "
            + "delayed (no coordinated omission). It steps the rate up until a step saturates (backlog over --max-backlog, "
            + "completed rate under 95%% of offered, or p50 over --max-p50), then stops.",
        "Modes, in order: the bare Aeron ping-pong over the same kind of channel (the transport floor), then the engine "
            + "with the journal off and/or on. One thread sends and reads answers; the node adds its gateway and business-logic "
            + "threads: on 2 cores keep at most one of them spinning.",
        "Writes to --out: one .hgrm per mode and rate, summary.md (the tables, also printed) and percentiles.png."})
public final class LatencyHarness implements Callable<Integer>
{
    /** System property with the folder under which the default --out folder is made (the launcher sets it). */
    public static final String RESULTS_PROPERTY = "perp-risk.results-dir";
    /** Default offered rates. */
    public static final String DEFAULT_RATES = "10k,50k,100k,200k,500k,1M,1.5M,2M,3M,4M,5M";

    @Spec
    CommandSpec spec;

    @Option(names = "--transport", paramLabel = "ipc|udp", defaultValue = "ipc",
        description = "Aeron channel kind for the engine and the bare ping-pong alike (default: ${DEFAULT-VALUE}).")
    String transport;

    @Option(names = "--udp-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
        description = "UDP endpoint host, a loopback address (default: ${DEFAULT-VALUE}).")
    String udpHost;

    @Option(names = "--udp-port", paramLabel = "PORT", defaultValue = "0",
        description = "First UDP port; each stream takes the next one (2 for the ping-pong, then 3 per engine mode: "
            + "commands, responses, feed). 0: free ports picked by the system (default: ${DEFAULT-VALUE}).")
    int udpPort;

    @Option(names = "--rates", paramLabel = "LIST", defaultValue = DEFAULT_RATES,
        description = "Offered rates per second, rising, comma-separated, k and M allowed (default: ${DEFAULT-VALUE}).")
    String rates;

    @Option(names = "--warmup", paramLabel = "TIME", defaultValue = "2s",
        description = "Unrecorded lead-in of each step at its rate: seconds, or with s or ms (default: ${DEFAULT-VALUE}).")
    String warmup;

    @Option(names = "--duration", paramLabel = "TIME", defaultValue = "5s",
        description = "Measured window of each step (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--journal", paramLabel = "on|off|both", defaultValue = "both",
        description = "Engine with the Chronicle journal on (temporary folder, page-cache durability), off, or both (default: ${DEFAULT-VALUE}).")
    String journal;

    @Option(names = "--kind", paramLabel = "pretrade|fill|mixed", defaultValue = "pretrade",
        description = "Commands: pre-trade checks, fills (buy and sell in turn), or mixed (3 checks, 1 fill) (default: ${DEFAULT-VALUE}).")
    String kind;

    @Option(names = "--gateway-idle", paramLabel = "KIND", defaultValue = "backoff",
        description = "Idle strategy of the gateway thread, and of the echo thread of the ping-pong: backoff, sleeping, "
            + "yielding or busy-spin (default: ${DEFAULT-VALUE}).")
    String gatewayIdle;

    @Option(names = "--engine-wait", paramLabel = "KIND", defaultValue = "blocking",
        description = "Wait strategy of the business-logic thread: blocking, sleeping, yielding or busy-spin; or caller-runs: " +
            "no such thread, the gateway thread runs the business logic (default: ${DEFAULT-VALUE}).")
    String engineWait;

    @Option(names = "--client-idle", paramLabel = "KIND", defaultValue = "yielding",
        description = "Idle strategy of the generator thread between planned sends: yielding, busy-spin, backoff or sleeping. "
            + "Its oversleeping is charged to the commands, as it would be for a real client (default: ${DEFAULT-VALUE}).")
    String clientIdle;

    @Option(names = "--driver-idle", paramLabel = "KIND", defaultValue = "backoff",
        description = "Idle strategy of the media driver's one shared thread (default: ${DEFAULT-VALUE}).")
    String driverIdle;

    @Option(names = "--out", paramLabel = "DIR",
        description = "Results folder (default: benchmarks/results/latency-<timestamp> under the project when run by bin/benchmarks).")
    Path out;

    @Option(names = "--keep-stepping", description = "Run every rate, also after a saturated step.")
    boolean keepStepping;

    @Option(names = "--max-backlog", paramLabel = "N", defaultValue = "200000",
        description = "A step with more commands due and unanswered at once is saturated and stopped (default: ${DEFAULT-VALUE}).")
    int maxBacklog;

    @Option(names = "--max-p50", paramLabel = "TIME", defaultValue = "10ms",
        description = "A step whose median is higher is saturated (default: ${DEFAULT-VALUE}).")
    String maxP50;

    @Option(names = "--term-length", paramLabel = "BYTES", defaultValue = "16777216",
        description = "Term length of the media driver's IPC and UDP publications, a power of two (default: ${DEFAULT-VALUE}).")
    int termLength;

    @Option(names = "--ring-size", paramLabel = "SLOTS", defaultValue = "1024",
        description = "Engine input ring slots, a power of two (default: ${DEFAULT-VALUE}).")
    int ringSize;

    @Option(names = "--snapshot-every", paramLabel = "RECORDS", defaultValue = "0",
        description = "Journal snapshots every this many records; 0: none (the snapshot thread replays the journal into a "
            + "shadow engine: one more busy thread on 2 cores) (default: ${DEFAULT-VALUE}).")
    long snapshotEvery;

    @Option(names = "--journal-dir", paramLabel = "DIR",
        description = "Folder in which the temporary journal folder is made (default: the system's temporary folder).")
    Path journalDir;

    @Option(names = "--drain-timeout", paramLabel = "TIME", defaultValue = "30s",
        description = "A step fails if answers stop arriving for this long after its last send (default: ${DEFAULT-VALUE}).")
    String drainTimeout;

    private List<ModeResult> results = List.of();

    /** @param args command line @see LatencyHarness */
    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new LatencyHarness()).execute(args));
    }

    @Override
    public Integer call() throws Exception
    {
        final HarnessSettings settings = settings();
        try
        {
            results = new LatencyRun(settings, spec.commandLine().getOut(), spec.commandLine().getErr()).run();
        }
        catch (final IllegalStateException ex)
        {
            final PrintWriter err = spec.commandLine().getErr();
            err.println("latency: " + ex.getMessage());
            err.flush();
            return 1;
        }
        return 0;
    }

    /** @return what the last {@link #call} measured (tests) */
    public List<ModeResult> results()
    {
        return results;
    }

    /**
     * @return the options checked and assembled.
     * @throws ParameterException naming the first bad option.
     */
    HarnessSettings settings()
    {
        final Channels channels = option("--transport", () ->
        {
            final Channels.Kind k = Channels.Kind.parse(transport);
            return k == Channels.Kind.IPC ? Channels.ipc() : Channels.udp(udpHost, udpPort);
        });
        final long[] rateList = option("--rates", () -> Units.parseRates(rates));
        final long warmupNs = option("--warmup", () -> Units.parseDuration(warmup));
        final long durationNs = option("--duration", () -> Units.parseDuration(duration));
        if (durationNs < TimeUnit.MILLISECONDS.toNanos(1))
        {
            throw usage("--duration must be at least 1 ms, was " + duration);
        }
        final List<Mode> modes = new ArrayList<>();
        modes.add(Mode.AERON);
        switch (journal.trim().toLowerCase(Locale.ROOT))
        {
            case "off" -> modes.add(Mode.ENGINE);
            case "on" -> modes.add(Mode.ENGINE_JOURNAL);
            case "both" ->
            {
                modes.add(Mode.ENGINE);
                modes.add(Mode.ENGINE_JOURNAL);
            }
            default -> throw usage("--journal must be on, off or both, was '" + journal + "'");
        }
        final CommandMix mix = option("--kind", () -> CommandMix.parse(kind));
        final SaturationRule rule = option("--max-p50/--max-backlog", () ->
            new SaturationRule(SaturationRule.DEFAULT_MIN_COMPLETION, Units.parseDuration(maxP50), maxBacklog));
        if (maxBacklog > 1 << 24)
        {
            throw usage("--max-backlog must be at most 16777216, was " + maxBacklog);
        }
        if (termLength < 64 * 1024 || termLength > 1 << 30 || Integer.bitCount(termLength) != 1)
        {
            throw usage("--term-length must be a power of two from 65536 to 1073741824, was " + termLength);
        }
        if (ringSize < 2 || Integer.bitCount(ringSize) != 1)
        {
            throw usage("--ring-size must be a power of two, was " + ringSize);
        }
        if (snapshotEvery < 0)
        {
            throw usage("--snapshot-every must not be negative, was " + snapshotEvery);
        }
        final long drainNs = option("--drain-timeout", () -> Units.parseDuration(drainTimeout));
        if (drainNs <= 0)
        {
            throw usage("--drain-timeout must be positive");
        }
        return new HarnessSettings(channels, rateList, warmupNs, durationNs, List.copyOf(modes), mix,
            idle("--gateway-idle", gatewayIdle), waitStrategy(engineWait), idle("--client-idle", clientIdle), idle("--driver-idle", driverIdle),
            out != null ? out : defaultOut(), keepStepping, rule, termLength, ringSize, snapshotEvery,
            journalDir != null ? journalDir : Path.of(System.getProperty("java.io.tmpdir")), drainNs);
    }

    private static Path defaultOut()
    {
        final String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        final String parent = System.getProperty(RESULTS_PROPERTY);
        return (parent == null ? Path.of("benchmarks", "results") : Path.of(parent)).resolve("latency-" + stamp);
    }

    private GatewayConfig.IdleKind idle(final String name, final String value)
    {
        try
        {
            return GatewayConfig.IdleKind.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
        catch (final IllegalArgumentException ex)
        {
            throw usage(name + " must be backoff, sleeping, yielding or busy-spin, was '" + value + "'");
        }
    }

    private WaitStrategyKind waitStrategy(final String value)
    {
        try
        {
            return WaitStrategyKind.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
        catch (final IllegalArgumentException ex)
        {
            throw usage("--engine-wait must be blocking, sleeping, yielding, busy-spin or caller-runs, was '" + value + "'");
        }
    }

    private <T> T option(final String name, final java.util.function.Supplier<T> parse)
    {
        try
        {
            return parse.get();
        }
        catch (final IllegalArgumentException ex)
        {
            throw usage(name + ": " + ex.getMessage());
        }
    }

    private ParameterException usage(final String message)
    {
        return new ParameterException(spec.commandLine(), message);
    }
}
