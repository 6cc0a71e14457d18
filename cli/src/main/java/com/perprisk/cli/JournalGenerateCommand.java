package com.perprisk.cli;

import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.event.RiskEventListener;
import com.perprisk.engine.instrument.Instrument;
import com.perprisk.journal.ConsoleReplayProgress;
import com.perprisk.journal.DurableEngine;
import com.perprisk.journal.JournalException;
import com.perprisk.journal.JournalSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code perp-risk journal generate}: fill a journal with a synthetic workload through the real engine, for measurements. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Append a deterministic synthetic workload (deposits, fills, marks, pre-trade checks, funding) to a journal through the engine.",
    sortOptions = false,
    description = {"Used to measure journaling and replay: 'journal generate' prints the rate of journal + engine, "
        + "'journal verify' then prints the replay rate of the same journal."},
    footer = {"", "Example (the replay measurement in the README):",
        "  perp-risk journal generate /tmp/bench-journal --events 5000000 && perp-risk journal verify /tmp/bench-journal"})
public final class JournalGenerateCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Journal folder (created if missing; appended to if it exists).")
    Path folder;

    @Option(names = "--events", paramLabel = "N", defaultValue = "1000000", description = "Number of commands. Default: ${DEFAULT-VALUE}.")
    long events;

    @Option(names = "--accounts", paramLabel = "N", defaultValue = "10000", description = "Number of accounts. Default: ${DEFAULT-VALUE}.")
    int accounts;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Mixin
    InstrumentOptions instrumentOptions;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call()
    {
        if (events < 0 || accounts < 1)
        {
            throw new CliException(CliException.USAGE_OR_INPUT, "--events must not be negative and --accounts must be positive");
        }
        final List<Instrument> instruments = instrumentOptions.load();
        final JournalSettings settings = new JournalSettings(folder).snapshotEveryRecords(0);
        final long start;
        try (DurableEngine engine = DurableEngine.start(settings, engineOptions.config(), e -> RiskEventListener.NO_OP,
            engineOptions.ringSize(), engineOptions.waitStrategy(), ConsoleReplayProgress.forThisProcess()))
        {
            final CommandEvent c = new CommandEvent();
            for (final Instrument instrument : instruments)
            {
                publish(engine, c.defineInstrument(0, 0, instrument.id(), instrument));
            }
            final SyntheticLoad load = new SyntheticLoad(seed, accounts, instruments);
            start = System.nanoTime();
            for (long i = 0; i < events; i++)
            {
                publish(engine, load.next(c));
            }
            engine.pipeline().close();
            final long elapsed = System.nanoTime() - start;
            spec.commandLine().getOut().printf("journaled and applied %,d commands in %.2f s (%,d commands/s); journal ends at sequence %d%n",
                events, elapsed / 1e9, elapsed > 0 ? (long)(events * 1e9 / elapsed) : 0, engine.engine().lastSequence());
        }
        catch (final JournalException e)
        {
            throw new CliException(CliException.USAGE_OR_INPUT, e.getMessage());
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static void publish(final DurableEngine engine, final CommandEvent command)
    {
        if (engine.pipeline().publish(command) < 0)
        {
            throw ScenarioRunner.journalFailed();
        }
    }
}
