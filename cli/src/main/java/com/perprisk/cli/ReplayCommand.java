package com.perprisk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.perprisk.engine.RiskEngine;
import com.perprisk.engine.command.CommandEvent;
import com.perprisk.journal.ConsoleReplayProgress;
import com.perprisk.journal.InstrumentAttachmentCodec;
import com.perprisk.journal.Journal;
import com.perprisk.journal.JournalException;
import com.perprisk.journal.JournalIndex;
import com.perprisk.journal.JournalReader;
import com.perprisk.journal.ReplayOutcome;
import com.perprisk.journal.Replayer;
import com.perprisk.journal.SnapshotStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code perp-risk replay}: rebuild the state as it was at a sequence or a time, and show accounts. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Rebuild the engine state as it was at a sequence, a journal index or an instant, then show accounts (\"what did the engine know at 14:32?\").",
    sortOptions = false,
    description = {
        "Starts from the newest snapshot at or before the target (or the first record), replays the journal up to and including the "
            + "target sequence, the target journal index, or the last input stamped at or before the instant, then queries each account given.",
        "Exit code 0 on success, 1 if the journal cannot be replayed to the target or an account is unknown, 2 for bad options."},
    footer = {"", "Examples:", "  perp-risk replay journal-data --to 125000 --account 7",
        "  perp-risk replay journal-data --at 2026-11-23T14:32:00Z --account 7 --account 9 --json"})
public final class ReplayCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Journal folder.")
    Path folder;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    /** Exactly one of a sequence or an instant. */
    static final class Target
    {
        @Option(names = "--to", paramLabel = "SEQ", description = "Last sequence to apply (inclusive), as printed by 'journal dump'.")
        Long sequence;

        @Option(names = "--to-index", paramLabel = "INDEX", description = "Last journal record to apply (inclusive), as a Chronicle index (0x... or decimal) printed by 'journal dump'.")
        String index;

        @Option(names = "--at", paramLabel = "INSTANT", description = "Apply every input stamped at or before this ISO-8601 instant, e.g. 2026-11-23T14:32:00Z.")
        String instant;
    }

    @Option(names = {"-a", "--account"}, paramLabel = "ID", description = "Account to show (repeatable). Without it, only the summary.")
    List<Long> accounts = new ArrayList<>();

    @Option(names = "--json", description = "Print each account as one JSON object with the engine's exact numbers.")
    boolean json;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws JsonProcessingException
    {
        final PrintWriter out = spec.commandLine().getOut();
        final RiskEngine engine;
        final ReplayOutcome outcome;
        final long lastTimestamp;
        try (Journal journal = JournalFolder.open(folder); JournalReader reader = journal.reader(InstrumentAttachmentCodec.INSTANCE))
        {
            final List<String> warnings = new ArrayList<>();
            final List<SnapshotStore.Loaded> snapshots = JournalFolder.loadAll(JournalFolder.snapshots(journal), engineOptions.config(), warnings);
            warnings.forEach(w -> spec.commandLine().getErr().println("warning: " + w));
            final StartPoint.Target limit = new StartPoint.Target(
                target.sequence != null ? target.sequence : -1,
                target.index != null ? parseIndex(target.index) : Long.MAX_VALUE,
                target.instant != null ? parseInstant(target.instant) : Long.MAX_VALUE);
            final StartPoint start = StartPoint.choose(journal, reader, snapshots, engineOptions.config(), limit);
            engine = start.engine();
            final Replayer replayer = new Replayer()
                .toSequence(target.sequence != null ? target.sequence : Long.MAX_VALUE)
                .toIndex(limit.index())
                .toTimestamp(limit.timestamp())
                .progress(ConsoleReplayProgress.forThisProcess(), journal.countFrom(-1));
            outcome = replayer.replay(reader, engine, start.index());
            lastTimestamp = outcome.applied() > 0 ? outcome.lastTimestamp() : start.timestamp();
            if (!outcome.clean())
            {
                throw new CliException(CliException.FAILED, outcome.describe());
            }
            out.println(start.description());
            out.printf("state at sequence %d (%s), checksum %s%n", engine.lastSequence(),
                engine.lastSequence() < 0 ? "empty" : "last input at " + Instant.ofEpochSecond(0, lastTimestamp),
                JournalVerifyCommand.hex(engine.checksum()));
        }
        catch (final JournalException e)
        {
            throw new CliException(CliException.FAILED, e.getMessage());
        }
        try (ScenarioRunner runner = ScenarioRunner.over(engine, engineOptions.waitStrategy(), engineOptions.ringSize()))
        {
            for (final long account : accounts)
            {
                final LineOutcome query = runner.execute(0, "query", new CommandEvent().queryAccount(lastTimestamp, 0, account));
                final AccountReport report = AccountReport.from(account, query); // an unknown account: CliException, exit code 1
                out.print(json ? JsonFields.MAPPER.writeValueAsString(report.toJson()) + "\n" : report.toTable(runner.instruments()));
            }
        }
        out.flush();
        return 0;
    }

    private static long parseIndex(final String text)
    {
        try
        {
            return JournalIndex.parse(text);
        }
        catch (final NumberFormatException e)
        {
            throw new CliException(CliException.USAGE_OR_INPUT, "--to-index: '" + text + "' is not an index (0x... or decimal)");
        }
    }

    private static long parseInstant(final String text)
    {
        try
        {
            final Instant instant = Instant.parse(text.trim());
            return Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L) + instant.getNano();
        }
        catch (final DateTimeParseException | ArithmeticException e)
        {
            throw new CliException(CliException.USAGE_OR_INPUT, "--at: '" + text + "' is not an ISO-8601 instant such as 2026-11-23T14:32:00Z");
        }
    }
}
