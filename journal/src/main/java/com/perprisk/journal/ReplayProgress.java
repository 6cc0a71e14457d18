package com.perprisk.journal;

/**
 * Receives progress of a replay about once a second (and once at the end), for a terminal or a log.
 *
 * <p>Threading: called on the replaying thread.
 */
public interface ReplayProgress
{
    /** Reports nothing. */
    ReplayProgress SILENT = new ReplayProgress()
    {
        @Override
        public void update(final long done, final long total, final long elapsedNanos)
        {
        }

        @Override
        public void finish(final long done, final long elapsedNanos)
        {
        }
    };

    /**
     * @param done         records replayed so far.
     * @param total        records to replay in all (an estimate when the journal is still growing).
     * @param elapsedNanos time since the replay started.
     */
    void update(long done, long total, long elapsedNanos);

    /**
     * @param done         records replayed.
     * @param elapsedNanos duration of the replay.
     */
    void finish(long done, long elapsedNanos);
}
