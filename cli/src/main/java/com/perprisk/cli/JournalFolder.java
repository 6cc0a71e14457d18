package com.perprisk.cli;

import com.perprisk.engine.EngineConfig;
import com.perprisk.journal.Journal;
import com.perprisk.journal.JournalException;
import com.perprisk.journal.SnapshotStore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Opening a journal folder for the operator tools, with their error handling. */
final class JournalFolder
{
    private JournalFolder()
    {
    }

    /**
     * @param folder the journal folder.
     * @return the journal, open for reading.
     * @throws CliException (exit code 2) if it is not a journal.
     */
    static Journal open(final Path folder)
    {
        try
        {
            return Journal.openForReading(folder);
        }
        catch (final JournalException e)
        {
            throw new CliException(CliException.USAGE_OR_INPUT, e.getMessage());
        }
    }

    /**
     * @param journal the journal.
     * @return its snapshot store.
     */
    static SnapshotStore snapshots(final Journal journal)
    {
        return new SnapshotStore(journal.settings().snapshotFolder(), journal.settings().snapshotsToKeep());
    }

    /**
     * @param store  snapshots.
     * @param config engine settings.
     * @param warnings receives a line per unusable snapshot file.
     * @return every snapshot that passes its checks, oldest first.
     */
    static List<SnapshotStore.Loaded> loadAll(final SnapshotStore store, final EngineConfig config, final List<String> warnings)
    {
        final List<SnapshotStore.Loaded> loaded = new ArrayList<>();
        try
        {
            final List<Path> files = store.files();
            for (int i = files.size() - 1; i >= 0; i--)
            {
                try
                {
                    loaded.add(store.load(files.get(i), config));
                }
                catch (final IOException | RuntimeException e)
                {
                    warnings.add("snapshot " + files.get(i).getFileName() + " unusable: " + e.getMessage());
                }
            }
        }
        catch (final IOException e)
        {
            throw new CliException(CliException.USAGE_OR_INPUT, "cannot list snapshots: " + e);
        }
        return loaded;
    }
}
