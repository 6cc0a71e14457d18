package com.perprisk.journal;

/**
 * What a replay did and why it stopped.
 *
 * <p>Threading: immutable.
 */
public final class ReplayOutcome
{
    /** Why a replay stopped. */
    public enum Stop
    {
        /** Every complete record was replayed. */
        END,
        /** The requested sequence or time was reached. */
        LIMIT,
        /** A record failed its checks (truncated, corrupted, unknown type or undecodable); nothing after it was applied. */
        DAMAGED,
        /** A record was written by another journal format version; nothing from it on was applied. */
        INCOMPATIBLE,
        /** A record's sequence does not follow the previous one (a gap or a duplicate); nothing from it on was applied. */
        SEQUENCE_BREAK
    }

    private final long applied;
    private final long lastIndex;
    private final long lastSequence;
    private final Stop stop;
    private final long stopIndex;
    private final String detail;
    private final long elapsedNanos;
    private final long lastTimestamp;

    ReplayOutcome(
        final long applied, final long lastIndex, final long lastSequence, final Stop stop, final long stopIndex, final String detail,
        final long elapsedNanos, final long lastTimestamp)
    {
        this.lastTimestamp = lastTimestamp;
        this.applied = applied;
        this.lastIndex = lastIndex;
        this.lastSequence = lastSequence;
        this.stop = stop;
        this.stopIndex = stopIndex;
        this.detail = detail;
        this.elapsedNanos = elapsedNanos;
    }

    /** @return records applied by this replay */
    public long applied()
    {
        return applied;
    }

    /** @return Chronicle index of the last record applied, or the starting index if none */
    public long lastIndex()
    {
        return lastIndex;
    }

    /** @return engine sequence of the last record applied (-1: none ever) */
    public long lastSequence()
    {
        return lastSequence;
    }

    /** @return why it stopped */
    public Stop stop()
    {
        return stop;
    }

    /** @return Chronicle index of the record it stopped at (damaged, incompatible or out of sequence), or -1 */
    public long stopIndex()
    {
        return stopIndex;
    }

    /** @return true if the whole journal was usable (stopped at its end or at the requested limit) */
    public boolean clean()
    {
        return stop == Stop.END || stop == Stop.LIMIT;
    }

    /** @return event time of the last record applied (ns since the epoch), or 0 if none */
    public long lastTimestamp()
    {
        return lastTimestamp;
    }

    /** @return replay duration */
    public long elapsedNanos()
    {
        return elapsedNanos;
    }

    /** @return events per second */
    public long ratePerSecond()
    {
        return elapsedNanos <= 0 ? 0 : (long)(applied * 1e9 / elapsedNanos);
    }

    /** @return one line for operators */
    public String describe()
    {
        if (stop == Stop.END && lastSequence < 0)
        {
            return "no records yet (a new journal)";
        }
        final String through = String.format("%,d records replayed through sequence %d (index %s)",
            applied, lastSequence, JournalIndex.format(lastIndex));
        switch (stop)
        {
            case END: return through + ", end of journal";
            case LIMIT: return through + ", limit reached";
            default: return through + "; STOPPED at index " + JournalIndex.format(stopIndex) + ": " + detail;
        }
    }
}
