package com.perprisk.cli;

import com.perprisk.client.ClientConfig;
import com.perprisk.client.RiskClient;
import com.perprisk.client.RiskListener;
import com.perprisk.engine.pipeline.WaitStrategyKind;
import com.perprisk.gateway.ApiKey;
import com.perprisk.gateway.ApiKeys;
import com.perprisk.gateway.GatewayConfig;
import com.perprisk.gateway.NodeConfig;
import com.perprisk.gateway.RiskNode;
import com.perprisk.protocol.sbe.RejectReason;
import com.perprisk.protocol.sbe.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code perp-risk latency}: a quick round-trip measurement, client to engine to client over IPC, one request in flight.
 * The full open-loop harness belongs to the benchmarks module; this is the smoke number.
 */
@Command(
    name = "latency",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Measure the round trip client -> gateway -> engine -> gateway -> client over Aeron IPC.",
    sortOptions = false,
    description = {
        "Starts a node in this process (embedded driver, IPC), logs a client on, and sends pre-trade checks (or fills) " +
            "one at a time, timing each from send to its response. Prints percentiles in microseconds.",
        "Threads on the path: the client, the gateway thread and the business-logic thread. On a 2-core machine " +
            "the idle and wait strategies decide most of the number; try --idle busy-spin --wait-strategy yielding " +
            "only with cores to spare."})
public final class LatencyCommand implements Callable<Integer>
{
    private static final long USDC = 1_000_000L;
    private static final long USD = 100_000_000L;

    @Spec
    CommandSpec spec;

    @Option(names = "--messages", paramLabel = "N", defaultValue = "100000", description = "Timed round trips (default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "50000", description = "Untimed round trips first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "pretrade",
        description = "pretrade (the fastest path: a check that changes nothing) or fill (a trade and its risk events) (default: ${DEFAULT-VALUE}).")
    String kind;

    @Option(names = "--idle", paramLabel = "KIND", defaultValue = "backoff",
        description = "Idle strategy of the gateway thread: backoff, sleeping, yielding or busy-spin (default: ${DEFAULT-VALUE}).")
    String idle;

    @Option(names = "--wait-strategy", paramLabel = "KIND", defaultValue = "blocking", converter = EngineOptions.WaitConverter.class,
        description = "Wait strategy of the business-logic thread: blocking, sleeping, yielding or busy-spin; or caller-runs: no such thread, the gateway thread runs the business logic (default: ${DEFAULT-VALUE}).")
    WaitStrategyKind waitStrategy;

    @Mixin
    JournalOptions journalOptions;

    @Override
    public Integer call()
    {
        final boolean fills = kind.equalsIgnoreCase("fill");
        if (!fills && !kind.equalsIgnoreCase("pretrade"))
        {
            throw new CliException(CliException.USAGE_OR_INPUT, "--kind must be pretrade or fill, was '" + kind + "'");
        }
        if (messages < 1 || warmup < 0)
        {
            throw new CliException(CliException.USAGE_OR_INPUT, "--messages must be positive and --warmup not negative");
        }
        final GatewayConfig.IdleKind idleKind;
        try
        {
            idleKind = GatewayConfig.IdleKind.valueOf(idle.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
        catch (final IllegalArgumentException e)
        {
            throw new CliException(CliException.USAGE_OR_INPUT, "--idle must be backoff, sleeping, yielding or busy-spin, was '" + idle + "'");
        }
        final PrintWriter out = spec.commandLine().getOut();
        final ApiKeys keys = new ApiKeys().add("latency-key", new ApiKey("latency", Role.ADMIN));
        final NodeConfig config = new NodeConfig().termLength(16 * 1024 * 1024).waitStrategy(waitStrategy).gateway(new GatewayConfig().idle(idleKind))
            .journal(journalOptions.settings());
        try (RiskNode node = new RiskNode(config, keys).start(InstrumentConfigLoader.loadResource(InstrumentConfigLoader.DEMO_RESOURCE));
            RiskClient client = RiskClient.connect(new ClientConfig().aeronDirectoryName(node.aeronDirectoryName())))
        {
            require(client.logon("latency-key"), "logon");
            require(client.awaitResponse(client.markPrice(1, 42_000 * USD, 0, 0), RiskListener.NO_OP), "mark");
            require(client.awaitResponse(client.deposit(1, 1_000_000_000 * USDC), RiskListener.NO_OP), "deposit");
            final long[] nanos = new long[messages];
            for (int i = -warmup; i < messages; i++)
            {
                final long size = (i & 1) == 0 ? 1_000_000 : -1_000_000;
                final long start = System.nanoTime();
                final long correlationId = fills ?
                    client.fill(1, 1, size, 42_000 * USD, 0) :
                    client.preTradeCheck(1, 1, size, 42_000 * USD);
                final RejectReason reason = client.awaitResponse(correlationId, RiskListener.NO_OP);
                final long elapsed = System.nanoTime() - start;
                require(reason, kind);
                if (i >= 0)
                {
                    nanos[i] = elapsed;
                }
            }
            Arrays.sort(nanos);
            long total = 0;
            for (final long n : nanos)
            {
                total += n;
            }
            out.printf("round trip over IPC, %s, %d messages after %d warm-up, gateway idle %s, engine wait %s, journal %s%n",
                kind.toLowerCase(Locale.ROOT), messages, warmup, idle, EngineOptions.spelling(waitStrategy),
                journalOptions.folder == null ? "off" : "on (" + journalOptions.settings().durability().name().toLowerCase(Locale.ROOT) + ")");
            out.printf("  p50 %s us   p90 %s us   p99 %s us   p99.9 %s us   max %s us   (%.0f round trips/s)%n",
                micros(nanos, 0.50), micros(nanos, 0.90), micros(nanos, 0.99), micros(nanos, 0.999), micros(nanos, 1.0),
                messages * 1e9 / total);
            out.flush();
        }
        return 0;
    }

    private static String micros(final long[] sorted, final double quantile)
    {
        final int index = Math.min(sorted.length - 1, (int)Math.ceil(quantile * sorted.length) - 1);
        return String.format(Locale.ROOT, "%.1f", sorted[Math.max(0, index)] / 1_000.0);
    }

    private static void require(final RejectReason reason, final String what)
    {
        if (reason != RejectReason.NONE)
        {
            throw new CliException(CliException.FAILED, what + " was not accepted: " + reason);
        }
    }
}
