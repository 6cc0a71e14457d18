package com.perprisk.journal;

import com.perprisk.engine.RiskEngine;
import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.event.RiskEventListener;

import java.util.function.BooleanSupplier;

/**
 * Applies journal records to an engine in order: the one replay loop behind recovery, snapshots, {@code journal
 * verify} and {@code replay --to}. It stops, without applying, at the first record that is damaged, written by
 * another format version, or out of sequence, so an engine is never rebuilt from a journal it cannot trust; and
 * it stops before the first record past an optional sequence, journal index or time limit.
 *
 * <p>Threading: runs on the caller's thread, which owns the reader and the engine.
 */
public final class Replayer
{
    /** Progress is reported every this many records (the clock is read no more often). */
    static final int PROGRESS_EVERY = 1 << 16;

    private final CommandEvent event = new CommandEvent();
    private long toSequence = Long.MAX_VALUE;
    private long toTimestamp = Long.MAX_VALUE;
    private long toIndex = Long.MAX_VALUE;
    private RiskEventListener listener = RiskEventListener.NO_OP;
    private BooleanSupplier stopCondition = () -> false;
    private ReplayProgress progress = ReplayProgress.SILENT;
    private long expectedTotal;

    /** @param sequence last sequence to apply (inclusive) @return this */
    public Replayer toSequence(final long sequence)
    {
        toSequence = sequence;
        return this;
    }

    /** @param index Chronicle index of the last record to apply (inclusive) @return this */
    public Replayer toIndex(final long index)
    {
        toIndex = index;
        return this;
    }

    /** @param timestamp last event time to apply (inclusive, ns since the epoch) @return this */
    public Replayer toTimestamp(final long timestamp)
    {
        toTimestamp = timestamp;
        return this;
    }

    /** @param condition checked every {@value #PROGRESS_EVERY} records: true stops the replay there (as a limit) @return this */
    public Replayer stopWhen(final BooleanSupplier condition)
    {
        stopCondition = condition;
        return this;
    }

    /** @param value receives the replayed outputs (default: none; outputs of a replay are never sent out) @return this */
    public Replayer listener(final RiskEventListener value)
    {
        listener = value;
        return this;
    }

    /** @param value progress display @param total records expected @return this */
    public Replayer progress(final ReplayProgress value, final long total)
    {
        progress = value;
        expectedTotal = total;
        return this;
    }

    /**
     * Replay from the reader's position to the end of the journal or the limit.
     *
     * @param reader     positioned at the first record to apply.
     * @param engine     the engine to rebuild; its {@link RiskEngine#lastSequence()} says which sequence comes next.
     * @param startIndex Chronicle index the engine's state already covers (-1 if none), reported if nothing is applied.
     * @return what was applied and why it stopped.
     */
    public ReplayOutcome replay(final JournalReader reader, final RiskEngine engine, final long startIndex)
    {
        final long start = System.nanoTime();
        long applied = 0;
        long lastIndex = startIndex;
        long lastTimestamp = 0;
        long expected = engine.lastSequence() + 1;
        ReplayOutcome.Stop stop = ReplayOutcome.Stop.END;
        long stopIndex = -1;
        String detail = "";
        while (true)
        {
            final int status = reader.next(event);
            if (status == JournalReader.END)
            {
                break;
            }
            if (status != JournalRecord.OK)
            {
                stop = status == JournalRecord.UNSUPPORTED_VERSION ? ReplayOutcome.Stop.INCOMPATIBLE : ReplayOutcome.Stop.DAMAGED;
                stopIndex = reader.index();
                detail = status == JournalRecord.UNSUPPORTED_VERSION
                    ? "record written by journal format version " + reader.recordBuffer().getByte(0) + "; this build reads version "
                        + JournalRecord.FORMAT_VERSION + " (use the release that wrote it)"
                    : JournalRecord.describe(status);
                break;
            }
            if (event.sequence() != expected)
            {
                stop = ReplayOutcome.Stop.SEQUENCE_BREAK;
                stopIndex = reader.index();
                detail = "expected sequence " + expected + ", found " + event.sequence();
                break;
            }
            if (event.sequence() > toSequence || event.timestamp() > toTimestamp || reader.index() > toIndex)
            {
                stop = ReplayOutcome.Stop.LIMIT;
                reader.moveTo(reader.index()); // not applied: the next replay from this reader starts with it
                break;
            }
            engine.apply(event, listener);
            lastIndex = reader.index();
            lastTimestamp = event.timestamp();
            expected++;
            applied++;
            if ((applied & (PROGRESS_EVERY - 1)) == 0)
            {
                progress.update(applied, Math.max(expectedTotal, applied), System.nanoTime() - start);
                if (stopCondition.getAsBoolean())
                {
                    stop = ReplayOutcome.Stop.LIMIT;
                    break;
                }
            }
        }
        final long elapsed = System.nanoTime() - start;
        progress.finish(applied, elapsed);
        return new ReplayOutcome(applied, lastIndex, expected - 1, stop, stopIndex, detail, elapsed, lastTimestamp);
    }
}
