package com.perprisk.cli;

import com.perprisk.client.ClientConfig;
import com.perprisk.client.sample.LiquidationBotSample;
import com.perprisk.client.sample.MarketMakerSample;
import com.perprisk.gateway.ApiKey;
import com.perprisk.gateway.ApiKeys;
import com.perprisk.gateway.GatewayConfig;
import com.perprisk.gateway.NodeConfig;
import com.perprisk.gateway.RiskNode;
import com.perprisk.journal.JournalException;
import com.perprisk.journal.JournalSettings;
import com.perprisk.protocol.sbe.Role;
import org.agrona.concurrent.ShutdownSignalBarrier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** {@code perp-risk run}: the process: engine + Aeron gateway (embedded media driver by default) until SIGTERM or Ctrl-C. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Run the risk engine behind its Aeron gateway until SIGTERM or Ctrl-C.",
    sortOptions = false,
    description = {
        "Starts an embedded Aeron media driver (or uses an external one), the engine with its business-logic thread, and " +
            "the gateway: market makers send SBE commands on the command stream and get one response each on their own " +
            "response stream; the risk feed (positions, account risk, margin alerts, liquidation candidates, funding, " +
            "insurance fund) goes out on the feed stream. Metrics are Aeron counters: watch them with bin/aeron-stat DIR.",
        "With --with-samples it also runs a sample market maker, a sample liquidation bot and a demo market that moves " +
            "the BTC mark, so fills flow, risk moves and a liquidation happens."},
    footer = {"", "API keys file, one key per line:  SECRET = MARKET_MAKER|LIQUIDATOR|ADMIN [account,account,...]"})
public final class RunCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--api-keys", paramLabel = "FILE",
        description = "API keys the gateway accepts (properties file, format below). Required unless --with-samples, which adds demo keys.")
    Path apiKeys;

    @Mixin
    InstrumentOptions instruments;

    @Option(names = "--aeron-dir", paramLabel = "DIR",
        description = "Directory of the embedded media driver, deleted on start and stop (default: a unique one under /dev/shm).")
    String aeronDir;

    @Option(names = "--external-driver", paramLabel = "DIR",
        description = "Use the media driver already running with this Aeron directory instead of an embedded one.")
    String externalDriver;

    @Option(names = "--command-channel", paramLabel = "URI", defaultValue = "aeron:ipc",
        description = "Channel of the command stream, e.g. aeron:udp?endpoint=0.0.0.0:40123 (default: ${DEFAULT-VALUE}).")
    String commandChannel;

    @Option(names = "--command-stream", paramLabel = "ID", defaultValue = "1001", description = "Command stream id (default: ${DEFAULT-VALUE}).")
    int commandStream;

    @Option(names = "--feed-channel", paramLabel = "URI", defaultValue = "aeron:ipc",
        description = "Channel of the risk feed, e.g. aeron:udp?endpoint=224.0.1.1:40456 (default: ${DEFAULT-VALUE}).")
    String feedChannel;

    @Option(names = "--feed-stream", paramLabel = "ID", defaultValue = "1002", description = "Risk feed stream id (default: ${DEFAULT-VALUE}).")
    int feedStream;

    @Option(names = "--term-length", paramLabel = "BYTES", defaultValue = "4194304",
        description = "Term length of the embedded driver's publications, a power of two (default: ${DEFAULT-VALUE}). " +
            "Beyond the term window a client's responses wait in its 64 KiB backlog; a client whose backlog fills up or " +
            "does not drain within 2 s is disconnected as a slow consumer.")
    int termLength;

    @Option(names = "--idle", paramLabel = "KIND", defaultValue = "backoff",
        description = "Idle strategy of the gateway thread and the embedded driver: backoff, sleeping, yielding or busy-spin " +
            "(default: ${DEFAULT-VALUE}). Never spin more threads than cores.")
    String idle;

    @Option(names = "--max-sessions", paramLabel = "N", defaultValue = "256", description = "Most client sessions at once (default: ${DEFAULT-VALUE}).")
    int maxSessions;

    @Option(names = "--with-samples", description = "Also run the sample market maker, liquidation bot and a demo market (the live demo).")
    boolean withSamples;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0",
        description = "Stop by itself after this many seconds; 0 runs until SIGTERM or Ctrl-C (default: ${DEFAULT-VALUE}).")
    long durationSeconds;

    @Mixin
    EngineOptions engineOptions;

    @Mixin
    JournalOptions journalOptions;

    @Option(names = "--no-journal", description = "Run in memory only: no recovery at start, nothing journaled (the default journal "
        + "folder is ./journal-data, or a fresh folder under it for --with-samples).")
    boolean noJournal;

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final NodeConfig config = nodeConfig();
        final ApiKeys keys = keys();
        try (ShutdownSignalBarrier barrier = new ShutdownSignalBarrier();
            RiskNode node = startNode(config, keys))
        {
            out.println("perp-risk running: aeron dir " + node.aeronDirectoryName() +
                "; commands " + commandChannel + " stream " + commandStream + "; risk feed " + feedChannel + " stream " + feedStream);
            out.println("counters: bin/aeron-stat " + node.aeronDirectoryName() + "   stop: Ctrl-C or SIGTERM");
            if (node.recovery() != null)
            {
                out.println("journal " + config.journal().folder() + ": " + node.recovery().replay().describe());
            }
            out.flush();
            final List<Runnable> stops = new ArrayList<>();
            final List<Thread> threads = new ArrayList<>();
            if (withSamples)
            {
                startSamples(node.aeronDirectoryName(), out, stops, threads);
            }
            if (durationSeconds > 0)
            {
                final Thread timer = new Thread(() ->
                {
                    try
                    {
                        TimeUnit.SECONDS.sleep(durationSeconds);
                        barrier.signal();
                    }
                    catch (final InterruptedException ignore)
                    {
                        Thread.currentThread().interrupt();
                    }
                }, "run-duration");
                timer.setDaemon(true);
                timer.start();
            }
            barrier.await();
            out.println("perp-risk stopping");
            stops.forEach(Runnable::run);
            for (final Thread thread : threads)
            {
                join(thread);
            }
        }
        out.println("perp-risk stopped");
        return 0;
    }

    private void startSamples(final String directory, final PrintWriter out, final List<Runnable> stops, final List<Thread> threads)
    {
        final DemoMarket market = new DemoMarket(clientConfig(directory), out);
        final MarketMakerSample marketMaker = new MarketMakerSample(clientConfig(directory), DemoMarket.MM_KEY, DemoMarket.MM_ACCOUNT, DemoMarket.BTC,
            42_000 * DemoMarket.USD, 1_000_000, 5_000_000, 700, 0, out);
        final LiquidationBotSample bot = new LiquidationBotSample(clientConfig(directory), DemoMarket.BOT_KEY, DemoMarket.LIQUIDATOR_ACCOUNT, out);
        stops.add(market::stop);
        stops.add(marketMaker::stop);
        stops.add(bot::stop);
        threads.add(start(bot, "sample-liquidation-bot"));
        threads.add(start(marketMaker, "sample-market-maker"));
        threads.add(start(market, "demo-market"));
    }

    private ClientConfig clientConfig(final String directory)
    {
        return new ClientConfig().aeronDirectoryName(directory)
            .commandChannel(commandChannel).commandStreamId(commandStream).feedChannel(feedChannel).feedStreamId(feedStream);
    }

    private static Thread start(final Runnable runnable, final String name)
    {
        final Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void join(final Thread thread)
    {
        try
        {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }

    private NodeConfig nodeConfig()
    {
        final GatewayConfig.IdleKind idleKind;
        try
        {
            idleKind = GatewayConfig.IdleKind.valueOf(idle.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
        catch (final IllegalArgumentException e)
        {
            throw new CliException(CliException.USAGE_OR_INPUT, "--idle must be backoff, sleeping, yielding or busy-spin, was '" + idle + "'");
        }
        if (durationSeconds < 0)
        {
            throw new CliException(CliException.USAGE_OR_INPUT, "--duration must be 0 or more seconds");
        }
        final NodeConfig config = new NodeConfig()
            .journal(journalSettings())
            .engine(engineOptions.config())
            .ringSize(engineOptions.ringSize())
            .waitStrategy(engineOptions.waitStrategy())
            .externalDriverDirectory(externalDriver)
            .embeddedDriverDirectory(aeronDir)
            .termLength(termLength)
            .driverIdle(idleKind)
            .gateway(new GatewayConfig()
                .commandChannel(commandChannel)
                .commandStreamId(commandStream)
                .feedChannel(feedChannel)
                .feedStreamId(feedStream)
                .maxSessions(maxSessions)
                .idle(idleKind));
        try
        {
            return config.validate();
        }
        catch (final IllegalArgumentException e)
        {
            throw new CliException(CliException.USAGE_OR_INPUT, e.getMessage());
        }
    }

    /** The journal: --journal DIR, or ./journal-data, or a fresh folder per live demo so that each demo starts from nothing. */
    private JournalSettings journalSettings()
    {
        if (noJournal)
        {
            if (journalOptions.folder != null)
            {
                throw new CliException(CliException.USAGE_OR_INPUT, "--journal and --no-journal exclude each other");
            }
            return null;
        }
        if (journalOptions.folder == null)
        {
            journalOptions.folder = withSamples
                ? Path.of("journal-data", "live-demo-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()))
                : Path.of("journal-data");
        }
        return journalOptions.settings();
    }

    private ApiKeys keys()
    {
        if (apiKeys == null && !withSamples)
        {
            throw new CliException(CliException.USAGE_OR_INPUT, "--api-keys FILE is required (or --with-samples for the demo keys); see --help");
        }
        final ApiKeys keys;
        try
        {
            keys = apiKeys == null ? new ApiKeys() : ApiKeys.load(apiKeys);
        }
        catch (final IOException e)
        {
            throw new CliException(CliException.USAGE_OR_INPUT, "cannot read --api-keys " + apiKeys + ": " + e);
        }
        catch (final IllegalArgumentException e)
        {
            throw new CliException(CliException.USAGE_OR_INPUT, "--api-keys " + apiKeys + ": " + e.getMessage());
        }
        if (withSamples)
        {
            keys.add(DemoMarket.ADMIN_KEY, new ApiKey("demo-admin", Role.ADMIN))
                .add(DemoMarket.MM_KEY, new ApiKey("demo-market-maker", Role.MARKET_MAKER, DemoMarket.MM_ACCOUNT))
                .add(DemoMarket.BOT_KEY, new ApiKey("demo-liquidation-bot", Role.LIQUIDATOR, DemoMarket.LIQUIDATOR_ACCOUNT));
        }
        return keys;
    }

    /** Start the node with the configured instruments, turning start-up failures into clear errors. */
    private RiskNode startNode(final NodeConfig config, final ApiKeys keys)
    {
        final RiskNode node;
        try
        {
            node = new RiskNode(config, keys);
        }
        catch (final JournalException e)
        {
            throw new CliException(CliException.USAGE_OR_INPUT, e.getMessage());
        }
        catch (final RuntimeException e)
        {
            throw new CliException(CliException.FAILED, "cannot start the media driver or the gateway: " + e.getMessage());
        }
        try
        {
            return node.start(instruments.load());
        }
        catch (final RuntimeException e)
        {
            node.close();
            throw e instanceof CliException ? e : new CliException(CliException.FAILED, e.getMessage());
        }
    }
}
