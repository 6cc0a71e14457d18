package com.perprisk.journal;

import com.perprisk.engine.EngineConfig;
import com.perprisk.engine.RiskEngine;
import com.perprisk.engine.command.CommandEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes snapshots without touching the live engine: a shadow engine, rebuilt from the newest snapshot, tails the
 * journal and applies the same records; when enough records have accumulated (or on request) it catches up to the
 * end of the journal and writes its own state. The business-logic thread is never paused. After each snapshot, old
 * snapshots are pruned and, if configured, queue files wholly before the oldest kept snapshot are deleted.
 *
 * <p>Threading: {@link #start}, {@link #requestSnapshot} and {@link #close} from any thread; the shadow engine and its
 * reader belong to the snapshot thread ({@link #snapshotNow} runs on the caller's thread when the taker is not started).
 */
public final class SnapshotTaker implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotTaker.class);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Journal journal;
    private final SnapshotStore store;
    private final EngineConfig config;
    private final AttachmentCodec attachments;
    private final long everyRecords;
    private final JournalRetention retention;
    private final Thread thread;
    private volatile boolean running;
    private volatile long requested;
    private volatile long completed;
    private volatile SnapshotStore.Info last;
    private volatile Throwable failure;

    private RiskEngine shadow;
    private JournalReader reader;
    private long shadowIndex = -1;
    private long shadowIndexAtLastSnapshot = -1;

    /**
     * @param journal     the journal to tail.
     * @param store       where snapshots go.
     * @param config      engine settings.
     * @param attachments codec of instrument definitions.
     */
    public SnapshotTaker(final Journal journal, final SnapshotStore store, final EngineConfig config, final AttachmentCodec attachments)
    {
        this.journal = journal;
        this.store = store;
        this.config = config;
        this.attachments = attachments;
        this.everyRecords = journal.settings().snapshotEveryRecords();
        this.retention = journal.settings().retireCoveredCycles() ? new JournalRetention(journal) : null;
        this.thread = new Thread(this::run, "journal-snapshot");
        thread.setDaemon(true);
    }

    /** Start the snapshot thread. */
    public void start()
    {
        running = true;
        thread.start();
    }

    /** Ask for a snapshot as soon as the shadow engine has caught up; returns at once. @return request number */
    public long requestSnapshot()
    {
        final long request = ++requested;
        LockSupport.unpark(thread);
        return request;
    }

    /**
     * Wait until a requested snapshot is written.
     *
     * @param request     the number {@link #requestSnapshot} returned.
     * @param timeoutNanos how long to wait.
     * @return the newest snapshot known (null on timeout, on failure, or for an empty journal).
     */
    public SnapshotStore.Info await(final long request, final long timeoutNanos)
    {
        final long deadline = System.nanoTime() + timeoutNanos;
        while (completed < request && failure == null && System.nanoTime() - deadline < 0)
        {
            LockSupport.parkNanos(1_000_000);
        }
        return completed >= request && failure == null ? last : null;
    }

    /** @return the newest snapshot known to this taker (written by it, or found at its start), or null */
    public SnapshotStore.Info lastSnapshot()
    {
        return last;
    }

    /** @return the error of the last snapshot attempt, or null if it succeeded */
    public Throwable failure()
    {
        return failure;
    }

    private void run()
    {
        try
        {
            while (running)
            {
                final long request = requested;
                final boolean due = everyRecords > 0 && journal.countFrom(shadowIndexAtLastSnapshot + 1) > everyRecords;
                long pause = POLL_NANOS;
                if (request > completed || due)
                {
                    try
                    {
                        snapshotNow();
                        failure = null;
                    }
                    catch (final IOException | RuntimeException ex)
                    {
                        // A full disk or a damaged record: the engine goes on; try again later (recovery replays more meanwhile).
                        failure = ex;
                        pause = RETRY_NANOS;
                        LOG.error("snapshot failed; retrying in {} s", TimeUnit.NANOSECONDS.toSeconds(RETRY_NANOS), ex);
                    }
                    completed = request;
                }
                LockSupport.parkNanos(pause);
            }
        }
        finally
        {
            if (reader != null)
            {
                reader.close();
            }
        }
    }

    /**
     * Catch the shadow engine up to the end of the journal and write its snapshot (on the calling thread).
     *
     * @return the snapshot written.
     * @throws IOException if it cannot be written.
     * @throws JournalException if the journal cannot be replayed.
     */
    public SnapshotStore.Info snapshotNow() throws IOException
    {
        if (shadow == null)
        {
            final Recovery.Result recovered = Recovery.recover(journal, store, config, attachments, ReplayProgress.SILENT);
            shadow = recovered.engine();
            shadowIndex = recovered.replay().lastIndex();
            last = recovered.snapshot();
            shadowIndexAtLastSnapshot = last == null ? -1 : last.journalIndex();
            checkClean(recovered.replay());
            reader = journal.reader(attachments);
            if (shadowIndex >= 0)
            {
                reader.moveTo(shadowIndex);
                reader.next(new CommandEvent());
            }
        }
        else
        {
            final ReplayOutcome outcome = new Replayer().stopWhen(() -> !running && thread.isAlive()).replay(reader, shadow, shadowIndex);
            shadowIndex = outcome.lastIndex();
            checkClean(outcome);
            if (!running && thread.isAlive())
            {
                return last; // closing: no snapshot of a partial catch-up
            }
        }
        if (shadowIndex < 0)
        {
            return last;
        }
        if (last != null && last.sequence() == shadow.lastSequence())
        {
            return last;
        }
        final long start = System.nanoTime();
        final SnapshotStore.Info info = store.write(shadow, shadowIndex, journal.recordChecksumAt(shadowIndex, attachments));
        shadowIndexAtLastSnapshot = shadowIndex;
        last = info;
        LOG.info("snapshot {} written: sequence {}, {} bytes, {} ms", info.file().getFileName(), info.sequence(), info.imageLength(),
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        final long oldestKept = store.prune();
        if (retention != null && oldestKept >= 0)
        {
            retention.retireBefore(oldestKept);
        }
        return info;
    }

    private static void checkClean(final ReplayOutcome outcome)
    {
        if (!outcome.clean())
        {
            throw new JournalException("cannot snapshot past a damaged journal: " + outcome.describe());
        }
    }

    /** Stop the snapshot thread (a snapshot being written is finished first). */
    @Override
    public void close()
    {
        running = false;
        LockSupport.unpark(thread);
        if (thread.isAlive())
        {
            try
            {
                thread.join(TimeUnit.SECONDS.toMillis(60));
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
        else if (reader != null)
        {
            reader.close();
        }
    }
}
