package com.perprisk.journal;

import com.perprisk.engine.EngineConfig;
import com.perprisk.engine.RiskEngine;
import com.perprisk.engine.command.CommandEvent;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds the engine from a journal folder: restore the newest valid snapshot (each checked by its file checksums
 * and by recomputing the state checksum), check that the journal holds the record it covers, then replay every
 * later record. Outputs of the replay go nowhere.
 *
 * <p>Threading: runs on the caller's thread, which then owns the returned engine.
 */
public final class Recovery
{
    private Recovery()
    {
    }

    /** The outcome of a recovery. */
    public record Result(RiskEngine engine, SnapshotStore.Info snapshot, ReplayOutcome replay, List<String> warnings)
    {
        /** @return sequence the next live input gets */
        public long nextSequence()
        {
            return engine.lastSequence() + 1;
        }

        /** @return a few lines for operators */
        public String describe()
        {
            final StringBuilder b = new StringBuilder();
            warnings.forEach(w -> b.append("warning: ").append(w).append('\n'));
            b.append(snapshot == null ? "no snapshot: replayed the journal from its start"
                : "restored snapshot " + snapshot.file().getFileName() + " (sequence " + snapshot.sequence() + ")");
            b.append('\n').append(replay.describe());
            b.append(String.format("%nstate checksum %016x, next sequence %d", engine.checksum(), nextSequence()));
            return b.toString();
        }
    }

    /**
     * @param journal     the open journal.
     * @param snapshots   its snapshots.
     * @param config      engine settings.
     * @param attachments codec of instrument definitions.
     * @param progress    progress display.
     * @return the rebuilt engine and what happened.
     * @throws JournalException if the journal and its snapshots do not fit together.
     */
    public static Result recover(
        final Journal journal, final SnapshotStore snapshots, final EngineConfig config, final AttachmentCodec attachments,
        final ReplayProgress progress)
    {
        final List<String> warnings = new ArrayList<>();
        try (JournalReader reader = journal.reader(attachments))
        {
            while (true)
            {
                final SnapshotStore.Loaded loaded = loadLatest(snapshots, config, warnings);
                final RiskEngine engine = loaded == null ? new RiskEngine(config) : loaded.engine();
                final SnapshotStore.Info snapshot = loaded == null ? null : loaded.info();
                final String mismatch = snapshot == null ? null : mismatch(reader, snapshot, journal);
                if (mismatch != null)
                {
                    // The journal does not continue this snapshot (e.g. a power loss took records it covered): never use it.
                    warnings.add("snapshot " + snapshot.file().getFileName() + " set aside: " + mismatch);
                    quarantine(snapshots, snapshot);
                    continue;
                }
                final long startIndex = positionAfter(reader, snapshot, journal);
                final long total = journal.countFrom(startIndex < 0 ? -1 : startIndex + 1);
                final ReplayOutcome outcome = new Replayer().progress(progress, total).replay(reader, engine, startIndex);
                return new Result(engine, snapshot, outcome, warnings);
            }
        }
    }

    private static SnapshotStore.Loaded loadLatest(final SnapshotStore snapshots, final EngineConfig config, final List<String> warnings)
    {
        try
        {
            return snapshots.loadLatest(config, warnings::add);
        }
        catch (final IOException ex)
        {
            throw new JournalException("cannot read snapshots: " + ex, ex);
        }
    }

    private static void quarantine(final SnapshotStore snapshots, final SnapshotStore.Info snapshot)
    {
        try
        {
            snapshots.quarantine(snapshot.file());
        }
        catch (final IOException ex)
        {
            throw new JournalException("cannot set aside snapshot " + snapshot.file() + ": " + ex, ex);
        }
    }

    /**
     * @param reader   a reader of the journal (moved).
     * @param snapshot a snapshot.
     * @param journal  the journal.
     * @return null if the journal holds, at the snapshot's index, the very record the snapshot covers; otherwise why not.
     */
    public static String mismatch(final JournalReader reader, final SnapshotStore.Info snapshot, final Journal journal)
    {
        return mismatch(reader, snapshot, journal, new CommandEvent());
    }

    /**
     * @param reader   a reader of the journal (moved: on success, to just after the covered record).
     * @param snapshot a snapshot.
     * @param journal  the journal.
     * @param covered  receives the covered record on success.
     * @return null if the journal holds, at the snapshot's index, the very record the snapshot covers; otherwise why not.
     */
    public static String mismatch(
        final JournalReader reader, final SnapshotStore.Info snapshot, final Journal journal, final CommandEvent covered)
    {
        if (!reader.moveTo(snapshot.journalIndex()))
        {
            return "it covers journal index " + JournalIndex.format(snapshot.journalIndex()) + ", which the journal does not hold (it ends at "
                + JournalIndex.format(journal.lastIndex()) + ")";
        }
        final CommandEvent probe = covered;
        final int status = reader.next(probe);
        if (status != JournalRecord.OK)
        {
            return "its record at index " + JournalIndex.format(snapshot.journalIndex()) + " is damaged: " + JournalRecord.describe(status);
        }
        if (probe.sequence() != snapshot.sequence() || JournalRecord.checksumOf(reader.recordBuffer(), reader.recordLength()) != snapshot.recordChecksum())
        {
            return "the record at index " + JournalIndex.format(snapshot.journalIndex()) + " is not the one the snapshot covers (sequence "
                + probe.sequence() + ", snapshot says " + snapshot.sequence() + ")";
        }
        return null;
    }

    /**
     * Position the reader on the first record after the snapshot (or at the start) and check that it fits.
     *
     * @return the index the state already covers, or -1.
     */
    static long positionAfter(final JournalReader reader, final SnapshotStore.Info snapshot, final Journal journal)
    {
        final CommandEvent probe = new CommandEvent();
        if (snapshot == null)
        {
            if (journal.lastIndex() >= 0)
            {
                final long first = journal.queue().firstIndex();
                reader.moveTo(first);
                final int status = reader.next(probe);
                if (status == JournalRecord.OK && probe.sequence() != 0)
                {
                    throw new JournalException("the journal starts at sequence " + probe.sequence()
                        + " (older records were retired) but no valid snapshot covers them");
                }
                reader.moveTo(first);
            }
            return -1;
        }
        reader.moveTo(snapshot.journalIndex());
        reader.next(probe); // the record the snapshot covers (checked by mismatch)
        return snapshot.journalIndex();
    }
}
