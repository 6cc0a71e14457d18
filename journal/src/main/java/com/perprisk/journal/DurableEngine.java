package com.perprisk.journal;

import com.perprisk.engine.EngineConfig;
import com.perprisk.engine.RiskEngine;
import com.perprisk.engine.event.RiskEventListener;
import com.perprisk.engine.pipeline.RiskPipeline;
import com.perprisk.engine.pipeline.WaitStrategyKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Function;

/**
 * An engine that survives crashes: opens the journal folder, recovers the state (snapshot + replay), then runs the
 * pipeline with the journal stage in front of the business logic, continuing the sequence, and a snapshot thread
 * beside it. The one place where engine, journal and snapshots are assembled; adapters (scenario runner, gateway)
 * publish to {@link #pipeline()} and receive outputs through their listener.
 *
 * <p>Threading: start and close on one owner thread; publish from any thread; the listener runs on the business-logic
 * thread. The engine belongs to the business-logic thread once started.
 */
public final class DurableEngine implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(DurableEngine.class);

    private final Journal journal;
    private final RiskEngine engine;
    private final Recovery.Result recovery;
    private final JournalAppender appender;
    private final RiskPipeline pipeline;
    private final SnapshotTaker snapshots;
    private boolean started;

    private DurableEngine(
        final Journal journal, final Recovery.Result recovery, final JournalAppender appender, final RiskPipeline pipeline,
        final SnapshotTaker snapshots)
    {
        this.journal = journal;
        this.engine = recovery.engine();
        this.recovery = recovery;
        this.appender = appender;
        this.pipeline = pipeline;
        this.snapshots = snapshots;
    }

    /**
     * Recover and start: {@link #recover} then {@link #start()}.
     *
     * @param settings        the journal folder and its settings.
     * @param config          engine settings.
     * @param listenerFactory makes the output listener for the recovered engine (runs on the business-logic thread).
     * @param ringSize        ring slots, a power of two.
     * @param wait            wait strategy of the business-logic thread.
     * @param progress        replay progress display.
     * @return the running engine.
     * @throws JournalException if the folder is unusable or the journal cannot be trusted.
     */
    public static DurableEngine start(
        final JournalSettings settings,
        final EngineConfig config,
        final Function<RiskEngine, RiskEventListener> listenerFactory,
        final int ringSize,
        final WaitStrategyKind wait,
        final ReplayProgress progress)
    {
        return recover(settings, config, listenerFactory, ringSize, wait, progress).start();
    }

    /**
     * Open the journal folder and recover the engine; the pipeline and the snapshot thread are built but not started,
     * so the owner can finish its own assembly first.
     *
     * @param settings        the journal folder and its settings.
     * @param config          engine settings.
     * @param listenerFactory makes the output listener for the recovered engine (runs on the business-logic thread).
     * @param ringSize        ring slots, a power of two.
     * @param wait            wait strategy of the business-logic thread.
     * @param progress        replay progress display.
     * @return the recovered engine, not started.
     * @throws JournalException if the folder is unusable or the journal cannot be trusted (damaged, incompatible, out of
     *                          sequence): the message says where and what to do.
     */
    public static DurableEngine recover(
        final JournalSettings settings,
        final EngineConfig config,
        final Function<RiskEngine, RiskEventListener> listenerFactory,
        final int ringSize,
        final WaitStrategyKind wait,
        final ReplayProgress progress)
    {
        final Journal journal = Journal.open(settings);
        try
        {
            final SnapshotStore store = new SnapshotStore(settings.snapshotFolder(), settings.snapshotsToKeep());
            final int unfinished = deleteUnfinished(store);
            if (unfinished > 0)
            {
                LOG.warn("deleted {} unfinished snapshot file(s) left by a crash", unfinished);
            }
            final Recovery.Result recovery = Recovery.recover(journal, store, config, InstrumentAttachmentCodec.INSTANCE, progress);
            LOG.info("recovery of {}:\n{}", settings.folder(), recovery.describe());
            if (!recovery.replay().clean())
            {
                throw new JournalException("the journal in " + settings.folder() + " cannot be fully replayed: " + recovery.replay().describe()
                    + ". The engine does not start on a journal it cannot trust: check the disk, restore the folder from a backup,"
                    + " or inspect it with 'perp-risk journal dump'.");
            }
            final JournalAppender appender = journal.appender(InstrumentAttachmentCodec.INSTANCE);
            final RiskPipeline pipeline = new RiskPipeline(
                recovery.engine(), listenerFactory.apply(recovery.engine()), ringSize, wait, appender, recovery.nextSequence());
            final SnapshotTaker snapshots = new SnapshotTaker(journal, store, config, InstrumentAttachmentCodec.INSTANCE);
            return new DurableEngine(journal, recovery, appender, pipeline, snapshots);
        }
        catch (final RuntimeException ex)
        {
            journal.close();
            throw ex;
        }
    }

    private static int deleteUnfinished(final SnapshotStore store)
    {
        try
        {
            return store.deleteUnfinished();
        }
        catch (final java.io.IOException ex)
        {
            throw new JournalException("cannot clean the snapshot folder: " + ex, ex);
        }
    }

    /**
     * Start the business-logic thread (journal stage first) and the snapshot thread.
     *
     * @return this.
     */
    public DurableEngine start()
    {
        pipeline.start();
        if (!pipeline.isAccepting())
        {
            pipeline.close();
            journal.close();
            throw new JournalException("the journal in " + journal.settings().folder() + " cannot be appended to: " + appender.failure(),
                appender.failure());
        }
        snapshots.start();
        started = true;
        return this;
    }

    /** @return the input path: publish commands here */
    public RiskPipeline pipeline()
    {
        return pipeline;
    }

    /** @return the engine (read it only on the business-logic thread, or after {@link #close}) */
    public RiskEngine engine()
    {
        return engine;
    }

    /** @return what recovery found and did */
    public Recovery.Result recovery()
    {
        return recovery;
    }

    /** @return the journal stage (its failure, if any, and the last index appended) */
    public JournalAppender appender()
    {
        return appender;
    }

    /** @return the snapshot writer: {@link SnapshotTaker#requestSnapshot()} for a snapshot on request */
    public SnapshotTaker snapshots()
    {
        return snapshots;
    }

    /** @return the journal */
    public Journal journal()
    {
        return journal;
    }

    /** Drain and stop the pipeline, stop the snapshot thread, close the journal. */
    @Override
    public void close()
    {
        try
        {
            pipeline.close();
        }
        finally
        {
            if (started)
            {
                snapshots.close();
            }
            journal.close();
        }
    }
}
