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
        final SnapshotStore.Loaded loaded;
        try
        {
            loaded = snapshots.loadLatest(config, warnings::add);
        }
        catch (final IOException ex)
        {
            throw new JournalException("cannot read snapshots: " + ex, ex);
        }
        final RiskEngine engine = loaded == null ? new RiskEngine(config) : loaded.engine();
        final SnapshotStore.Info snapshot = loaded == null ? null : loaded.info();
        try (JournalReader reader = journal.reader(attachments))
        {
            final long startIndex = positionAfter(reader, snapshot, journal);
            final long total = journal.countFrom(startIndex < 0 ? -1 : startIndex + 1);
            final ReplayOutcome outcome = new Replayer().progress(progress, total).replay(reader, engine, startIndex);
            return new Result(engine, snapshot, outcome, warnings);
        }
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
        if (!reader.moveTo(snapshot.journalIndex()))
        {
            throw new JournalException("snapshot " + snapshot.file().getFileName() + " covers journal index "
                + JournalIndex.format(snapshot.journalIndex()) + ", which this journal does not hold: wrong journal folder?");
        }
        final int status = reader.next(probe);
        if (status != JournalRecord.OK || probe.sequence() != snapshot.sequence())
        {
            throw new JournalException("snapshot " + snapshot.file().getFileName() + " does not belong to this journal: its record at index "
                + JournalIndex.format(snapshot.journalIndex()) + " is " + (status == JournalRecord.OK ? "sequence " + probe.sequence()
                : JournalRecord.describe(status)) + ", the snapshot says sequence " + snapshot.sequence());
        }
        return snapshot.journalIndex();
    }
}
