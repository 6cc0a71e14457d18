package com.perprisk.cli;

import com.perprisk.journal.InstrumentAttachmentCodec;
import com.perprisk.journal.Journal;
import com.perprisk.journal.JournalException;
import com.perprisk.journal.SnapshotStore;
import com.perprisk.journal.SnapshotTaker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code perp-risk journal snapshot}: write a snapshot of the journal's current end, on request. */
@Command(
    name = "snapshot",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Write a snapshot now: restore the newest snapshot, replay the journal to its end, write the state.",
    description = {"Works beside a running engine (it only reads the queue) and never pauses it; recovery then replays less.",
        "Exit code 0 when written, 1 when the journal cannot be replayed, 2 when the folder is not a journal."},
    footer = {"", "Example:", "  perp-risk journal snapshot journal-data"})
public final class JournalSnapshotCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Journal folder.")
    Path folder;

    @Option(names = "--keep-snapshots", paramLabel = "N", defaultValue = "3",
        description = "Snapshots kept after writing this one (use the running engine's setting). Default: ${DEFAULT-VALUE}.")
    int keepSnapshots;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call()
    {
        try (Journal journal = JournalFolder.open(folder))
        {
            if (keepSnapshots < 1)
            {
                throw new CliException(CliException.USAGE_OR_INPUT, "--keep-snapshots must be at least 1");
            }
            final SnapshotTaker taker = new SnapshotTaker(journal, new SnapshotStore(journal.settings().snapshotFolder(), keepSnapshots),
                engineOptions.config(),
                InstrumentAttachmentCodec.INSTANCE);
            final SnapshotStore.Info info = taker.snapshotNow();
            if (info == null)
            {
                spec.commandLine().getOut().println("the journal is empty: nothing to snapshot");
            }
            else
            {
                spec.commandLine().getOut().printf("snapshot %s: sequence %d, %,d bytes, state checksum %s%n", info.file(), info.sequence(),
                    info.imageLength(), JournalVerifyCommand.hex(info.checksum()));
            }
            taker.close();
        }
        catch (final JournalException e)
        {
            throw new CliException(CliException.FAILED, e.getMessage());
        }
        catch (final IOException e)
        {
            throw new CliException(CliException.FAILED, "cannot write the snapshot: " + e);
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
