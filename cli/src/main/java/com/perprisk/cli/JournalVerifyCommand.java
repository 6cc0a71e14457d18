package com.perprisk.cli;

import com.perprisk.engine.RiskEngine;
import com.perprisk.engine.command.CommandType;
import com.perprisk.engine.command.RejectReason;
import com.perprisk.engine.event.CommandResult;
import com.perprisk.engine.event.RiskEventListener;
import com.perprisk.journal.ConsoleReplayProgress;
import com.perprisk.journal.InstrumentAttachmentCodec;
import com.perprisk.journal.Journal;
import com.perprisk.journal.JournalException;
import com.perprisk.journal.JournalIndex;
import com.perprisk.journal.JournalReader;
import com.perprisk.journal.ReplayOutcome;
import com.perprisk.journal.Replayer;
import com.perprisk.journal.SnapshotStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code perp-risk journal verify}: replay a journal into a scratch engine, check every snapshot against it, print the checksum. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Replay the whole journal into a scratch engine; check every record and every snapshot; print counts and the checksum.",
    sortOptions = false,
    description = {
        "Replays from the first record (or, when older files were retired, from the oldest snapshot that covers them), checking each "
            + "record's checksum, format version and sequence. Whenever the replay reaches a snapshot's sequence, the state checksum "
            + "must equal the snapshot's. Prints the number of records per command, rejections per reason, the replay rate and the "
            + "final state checksum.",
        "Exit code 0 when everything checks, 1 when a record or a snapshot does not, 2 when the folder is not a journal."},
    footer = {"", "Example:", "  perp-risk journal verify journal-data"})
public final class JournalVerifyCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Journal folder.")
    Path folder;

    @Mixin
    EngineOptions engineOptions;

    /** Counts results per command type and per reject reason; wants no other event, so the replay runs as fast as recovery's. */
    private static final class Counts implements RiskEventListener
    {
        @Override
        public boolean wantsRiskEvents()
        {
            return false;
        }

        final long[] byType = new long[32];
        final long[] byReason = new long[64];

        @Override
        public void onCommandResult(final CommandResult result)
        {
            byType[result.commandType() & 31]++;
            byReason[result.rejectReason() & 63]++;
        }
    }

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final Counts counts = new Counts();
        final List<String> problems = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        try (Journal journal = JournalFolder.open(folder); JournalReader reader = journal.reader(InstrumentAttachmentCodec.INSTANCE))
        {
            final List<SnapshotStore.Loaded> snapshots = JournalFolder.loadAll(JournalFolder.snapshots(journal), engineOptions.config(), warnings);
            warnings.forEach(w -> out.println("warning: " + w));
            final StartPoint start = StartPoint.choose(journal, reader, snapshots, engineOptions.config(), StartPoint.EARLIEST);
            out.println(start.description());
            final RiskEngine engine = start.engine();
            final Replayer replayer = new Replayer().listener(counts).progress(ConsoleReplayProgress.forThisProcess(), journal.countFrom(-1));
            long applied = 0;
            long elapsed = 0;
            long lastIndex = start.index();
            ReplayOutcome outcome = null;
            for (final SnapshotStore.Loaded snapshot : snapshots)
            {
                if (snapshot.info().sequence() <= engine.lastSequence())
                {
                    continue;
                }
                outcome = replayer.toSequence(snapshot.info().sequence()).replay(reader, engine, lastIndex);
                applied += outcome.applied();
                elapsed += outcome.elapsedNanos();
                lastIndex = outcome.lastIndex();
                if (!outcome.clean())
                {
                    break;
                }
                if (engine.lastSequence() != snapshot.info().sequence() || engine.checksum() != snapshot.info().checksum())
                {
                    problems.add("snapshot " + snapshot.info().file().getFileName() + " does not match the journal: replay at sequence "
                        + engine.lastSequence() + " has checksum " + hex(engine.checksum()) + ", the snapshot " + hex(snapshot.info().checksum()));
                }
                else
                {
                    out.println("snapshot " + snapshot.info().file().getFileName() + ": matches the replay at sequence " + snapshot.info().sequence());
                }
            }
            if (outcome == null || outcome.clean())
            {
                outcome = replayer.toSequence(Long.MAX_VALUE).replay(reader, engine, lastIndex);
                applied += outcome.applied();
                elapsed += outcome.elapsedNanos();
            }
            if (!outcome.clean())
            {
                problems.add(outcome.describe());
            }
            print(out, counts, engine, outcome, applied, elapsed);
        }
        catch (final JournalException e)
        {
            throw new CliException(CliException.USAGE_OR_INPUT, e.getMessage());
        }
        problems.forEach(p -> out.println("PROBLEM: " + p));
        out.println(problems.isEmpty() ? "journal OK" : "journal NOT OK (" + problems.size() + " problem(s))");
        out.flush();
        return problems.isEmpty() ? 0 : 1;
    }

    private static void print(
        final PrintWriter out, final Counts counts, final RiskEngine engine, final ReplayOutcome last, final long applied, final long elapsed)
    {
        out.printf("records replayed: %,d in %.3f s (%,d records/s)%n", applied, elapsed / 1e9, elapsed > 0 ? (long)(applied * 1e9 / elapsed) : 0);
        for (int type = 0; type < counts.byType.length; type++)
        {
            if (counts.byType[type] > 0)
            {
                out.printf("  %-24s %,12d%n", CommandType.name((byte)type), counts.byType[type]);
            }
        }
        out.printf("accepted: %,d%n", counts.byReason[RejectReason.NONE]);
        for (int reason = 1; reason < counts.byReason.length; reason++)
        {
            if (counts.byReason[reason] > 0)
            {
                out.printf("  rejected %-26s %,12d%n", RejectReason.name(reason), counts.byReason[reason]);
            }
        }
        out.printf("last sequence: %d (index %s)%n", engine.lastSequence(), JournalIndex.format(last.lastIndex()));
        out.printf("accounts: %,d, positions: %,d, insurance fund (raw): %d%n", engine.accounts().count(), engine.positions().count(),
            engine.insuranceFund());
        out.printf("state checksum: %s%n", hex(engine.checksum()));
    }

    static String hex(final long value)
    {
        return String.format("%016x", value);
    }
}
