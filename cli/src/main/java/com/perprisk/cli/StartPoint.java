package com.perprisk.cli;

import com.perprisk.engine.EngineConfig;
import com.perprisk.engine.RiskEngine;
import com.perprisk.engine.command.CommandEvent;
import com.perprisk.journal.Journal;
import com.perprisk.journal.JournalReader;
import com.perprisk.journal.JournalRecord;
import com.perprisk.journal.SnapshotStore;

import java.util.List;

/**
 * Where an offline replay begins: the journal's first record when it starts at sequence 0, otherwise (older files
 * retired) the oldest snapshot that the journal still continues; optionally the newest snapshot at or before a target.
 */
record StartPoint(RiskEngine engine, long index, String description)
{
    /**
     * Choose the start and position the reader on the first record to replay.
     *
     * @param journal   the journal.
     * @param reader    its reader, positioned at the start.
     * @param snapshots usable snapshots, oldest first.
     * @param config    engine settings.
     * @return the engine to replay into (fresh or restored) and the index it covers (-1: none).
     * @throws CliException (exit code 1) if nothing covers the journal's first records.
     */
    static StartPoint choose(final Journal journal, final JournalReader reader, final List<SnapshotStore.Loaded> snapshots, final EngineConfig config)
    {
        return choose(journal, reader, snapshots, config, -1);
    }

    /**
     * @param target the sequence to reach (a snapshot past it is not used), or -1 to start as early as possible.
     * @see #choose(Journal, JournalReader, List, EngineConfig)
     */
    static StartPoint choose(
        final Journal journal, final JournalReader reader, final List<SnapshotStore.Loaded> snapshots, final EngineConfig config, final long target)
    {
        final long firstSequence = firstSequence(journal, reader);
        SnapshotStore.Loaded chosen = null;
        for (final SnapshotStore.Loaded snapshot : snapshots)
        {
            final boolean covers = snapshot.info().sequence() + 1 >= firstSequence;
            final boolean beforeTarget = target < 0 || snapshot.info().sequence() <= target;
            if (covers && beforeTarget && (chosen == null || target >= 0))
            {
                chosen = snapshot;
            }
        }
        if (firstSequence == 0 && (target < 0 || chosen == null))
        {
            reader.moveTo(journal.queue().firstIndex());
            return new StartPoint(new RiskEngine(config), -1, "replaying from the first record");
        }
        if (chosen == null)
        {
            throw new CliException(CliException.FAILED, "the journal starts at sequence " + firstSequence
                + " (older files retired) and no usable snapshot covers the records before it");
        }
        reader.moveTo(chosen.info().journalIndex());
        reader.next(new CommandEvent()); // the record the snapshot already covers
        return new StartPoint(chosen.engine(), chosen.info().journalIndex(),
            "replaying from snapshot " + chosen.info().file().getFileName() + " (sequence " + chosen.info().sequence() + ")");
    }

    private static long firstSequence(final Journal journal, final JournalReader reader)
    {
        if (journal.lastIndex() < 0)
        {
            return 0;
        }
        reader.moveTo(journal.queue().firstIndex());
        final CommandEvent first = new CommandEvent();
        return reader.next(first) == JournalRecord.OK ? first.sequence() : 0;
    }
}
