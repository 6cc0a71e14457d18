package com.perprisk.cli;

import com.perprisk.engine.EngineConfig;
import com.perprisk.engine.RiskEngine;
import com.perprisk.engine.command.CommandEvent;
import com.perprisk.journal.Journal;
import com.perprisk.journal.JournalReader;
import com.perprisk.journal.JournalRecord;
import com.perprisk.journal.Recovery;
import com.perprisk.journal.SnapshotStore;

import java.util.List;

/**
 * Where an offline replay begins: the journal's first record when it starts at sequence 0, otherwise (older files
 * retired) a snapshot that the journal continues; for a target, the newest such snapshot that is not past it.
 *
 * @param engine      the engine to replay into (fresh or restored).
 * @param index       the Chronicle index its state covers, -1 for none.
 * @param timestamp   event time of the record its state covers, 0 for none.
 * @param description one line for operators.
 */
record StartPoint(RiskEngine engine, long index, long timestamp, String description)
{
    /** No limit: start as early as possible (every snapshot is then checked against the replay). */
    static final Target EARLIEST = new Target(-1, Long.MAX_VALUE, Long.MAX_VALUE);

    /**
     * What the replay must not pass; a snapshot past any of it cannot be the start.
     *
     * @param sequence  last sequence to reach, or -1 for "start as early as possible".
     * @param index     last Chronicle index to reach.
     * @param timestamp last event time to reach.
     */
    record Target(long sequence, long index, long timestamp)
    {
        boolean allows(final SnapshotStore.Info snapshot, final CommandEvent covered)
        {
            return (sequence < 0 || snapshot.sequence() <= sequence) && snapshot.journalIndex() <= index && covered.timestamp() <= timestamp;
        }

        boolean earliest()
        {
            return sequence < 0 && index == Long.MAX_VALUE && timestamp == Long.MAX_VALUE;
        }
    }

    /**
     * Choose the start and position the reader on the first record to replay.
     *
     * @param journal   the journal.
     * @param reader    its reader.
     * @param snapshots usable snapshot files, oldest first.
     * @param config    engine settings.
     * @param target    the limit of the replay ({@link #EARLIEST} for none).
     * @return the start.
     * @throws CliException (exit code 1) if nothing can start the replay before the target.
     */
    static StartPoint choose(
        final Journal journal, final JournalReader reader, final List<SnapshotStore.Loaded> snapshots, final EngineConfig config, final Target target)
    {
        final long firstSequence = firstSequence(journal, reader);
        SnapshotStore.Loaded chosen = null;
        long chosenTimestamp = 0;
        final CommandEvent covered = new CommandEvent();
        for (final SnapshotStore.Loaded snapshot : snapshots)
        {
            if (snapshot.info().sequence() + 1 < firstSequence || Recovery.mismatch(reader, snapshot.info(), journal, covered) != null)
            {
                continue; // the journal does not continue it
            }
            if (target.allows(snapshot.info(), covered))
            {
                chosen = snapshot;
                chosenTimestamp = covered.timestamp();
                if (target.earliest())
                {
                    break;
                }
            }
        }
        if (firstSequence == 0 && (target.earliest() || chosen == null))
        {
            reader.moveTo(journal.queue().firstIndex());
            return new StartPoint(new RiskEngine(config), -1, 0, "replaying from the first record");
        }
        if (chosen == null)
        {
            throw new CliException(CliException.FAILED, "the journal starts at sequence " + firstSequence
                + " (older files retired) and no usable snapshot covers the records before it and the target");
        }
        reader.moveTo(chosen.info().journalIndex());
        reader.next(covered); // the record the snapshot already covers
        return new StartPoint(chosen.engine(), chosen.info().journalIndex(), chosenTimestamp,
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
