package com.perprisk.journal;

import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.pipeline.InputJournal;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.zip.CRC32C;

/**
 * The pipeline's journal stage: appends each input as one {@link JournalRecord} document to the Chronicle Queue,
 * synced to the device first in {@link Durability#SYNC} mode, before the business logic applies it. A failure
 * (disk full, queue closed, I/O error) is logged once and reported to the pipeline, which then stops accepting
 * input rather than run without a journal.
 *
 * <p>Threading: every method runs on the business-logic thread, which owns the Chronicle appender (created in
 * {@link #onStart}). With {@code CALLER_RUNS} that is whichever producer has its turn: when the appending thread
 * changes (the node's start, then its gateway thread) the appender's single-thread check is handed over.
 * {@link #lastIndexAppended()} may be read from any thread.
 */
public final class JournalAppender implements InputJournal
{
    private static final Logger LOG = LoggerFactory.getLogger(JournalAppender.class);

    private final ChronicleQueue queue;
    private final boolean sync;
    private final AttachmentCodec attachments;
    private final byte[] record = new byte[JournalRecord.MAX_LENGTH];
    private final UnsafeBuffer buffer = new UnsafeBuffer(record);
    private final CRC32C crc = new CRC32C();
    private ExcerptAppender appender;
    private Thread owner;
    private volatile long lastIndexAppended = -1;
    private volatile Throwable failure;

    JournalAppender(final ChronicleQueue queue, final Durability durability, final AttachmentCodec attachments)
    {
        this.queue = queue;
        this.sync = durability == Durability.SYNC;
        this.attachments = attachments;
    }

    @Override
    public void onStart()
    {
        try
        {
            appender = queue.createAppender();
            owner = Thread.currentThread();
        }
        catch (final RuntimeException ex)
        {
            failure = ex;
            throw ex;
        }
    }

    @Override
    public boolean append(final CommandEvent event)
    {
        try
        {
            if (Thread.currentThread() != owner)
            {
                // A new producer's turn (CALLER_RUNS): the pipeline guarantees a happens-before between turns.
                appender.singleThreadedCheckReset();
                owner = Thread.currentThread();
            }
            final int length = JournalRecord.encode(event, buffer, attachments, crc);
            try (DocumentContext dc = appender.writingDocument())
            {
                try
                {
                    dc.wire().bytes().write(record, 0, length);
                }
                catch (final Throwable ex)
                {
                    dc.rollbackOnClose();
                    throw ex;
                }
            }
            if (sync)
            {
                appender.sync();
            }
            lastIndexAppended = appender.lastIndexAppended();
            return true;
        }
        catch (final Throwable ex)
        {
            return fail(ex);
        }
    }

    private boolean fail(final Throwable ex)
    {
        failure = ex;
        LOG.error("journal append failed; the engine stops accepting commands (restart recovers everything journaled so far)", ex);
        return false;
    }

    @Override
    public void onShutdown()
    {
        if (appender != null)
        {
            appender.singleThreadedCheckReset();
            appender.close();
            appender = null;
        }
    }

    /** @return Chronicle index of the last record appended by this stage, or -1 */
    public long lastIndexAppended()
    {
        return lastIndexAppended;
    }

    /** @return the error that stopped journaling, or null */
    public Throwable failure()
    {
        return failure;
    }
}
