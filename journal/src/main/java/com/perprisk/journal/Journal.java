package com.perprisk.journal;

import com.perprisk.engine.command.CommandEvent;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The journal folder: a Chronicle Queue of {@link JournalRecord}s ({@code queue/}) and the snapshots that cover
 * its prefix ({@code snapshots/}). Opening checks the folder first, so a bad folder is a clear error at start
 * rather than a failure on the first append.
 *
 * <p>Threading: open and close on one owner thread; appenders and readers made from it belong to the thread
 * that uses them.
 */
public final class Journal implements AutoCloseable
{
    private final JournalSettings settings;
    private final SingleChronicleQueue queue;

    private Journal(final JournalSettings settings, final SingleChronicleQueue queue)
    {
        this.settings = settings;
        this.queue = queue;
    }

    /**
     * Open (creating if needed) a journal for writing.
     *
     * @param settings where and how.
     * @return the open journal.
     * @throws JournalException if the folder cannot be created or written, or the disk is too full.
     */
    public static Journal open(final JournalSettings settings)
    {
        final Path folder = settings.folder();
        checkWritableFolder(folder);
        checkWritableFolder(settings.queueFolder());
        checkWritableFolder(settings.snapshotFolder());
        checkFreeSpace(folder, settings.minFreeBytes());
        try
        {
            return new Journal(settings, SingleChronicleQueueBuilder.single(settings.queueFolder().toFile())
                .rollCycle(settings.rollCycle())
                .build());
        }
        catch (final RuntimeException ex)
        {
            throw new JournalException("cannot open the journal queue in " + settings.queueFolder() + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Open an existing journal for reading only (operator tools; safe while the engine writes it).
     *
     * @param folder the journal folder.
     * @return the open journal.
     * @throws JournalException if there is no journal there.
     */
    public static Journal openForReading(final Path folder)
    {
        final JournalSettings settings = new JournalSettings(folder);
        if (!Files.isDirectory(settings.queueFolder()))
        {
            throw new JournalException("no journal in " + folder + " (expected a Chronicle Queue in " + settings.queueFolder() + ")");
        }
        try
        {
            return new Journal(settings, SingleChronicleQueueBuilder.single(settings.queueFolder().toFile())
                .rollCycle(settings.rollCycle()) // the queue's metadata decides; this default only avoids a warning
                .readOnly(true)
                .build());
        }
        catch (final RuntimeException ex)
        {
            throw new JournalException("cannot read the journal queue in " + settings.queueFolder() + ": " + ex.getMessage(), ex);
        }
    }

    private static void checkWritableFolder(final Path folder)
    {
        if (Files.exists(folder) && !Files.isDirectory(folder))
        {
            throw new JournalException("journal folder " + folder + " exists and is not a folder");
        }
        try
        {
            Files.createDirectories(folder);
        }
        catch (final IOException | RuntimeException ex)
        {
            throw new JournalException("cannot create journal folder " + folder + ": " + ex, ex);
        }
        try
        {
            final Path probe = Files.createTempFile(folder, ".write-probe", ".tmp");
            Files.delete(probe);
        }
        catch (final IOException | RuntimeException ex)
        {
            throw new JournalException("journal folder " + folder + " is not writable: " + ex, ex);
        }
    }

    private static void checkFreeSpace(final Path folder, final long minFreeBytes)
    {
        final long usable;
        try
        {
            usable = Files.getFileStore(folder).getUsableSpace();
        }
        catch (final IOException ex)
        {
            throw new JournalException("cannot read free space of " + folder + ": " + ex, ex);
        }
        if (usable < minFreeBytes)
        {
            throw new JournalException(String.format(
                "only %d MiB free on the journal's file system (%s), %d MiB required: free some space or lower the minimum (--min-free-disk)",
                usable >> 20, folder, minFreeBytes >> 20));
        }
    }

    /** @return the settings it was opened with */
    public JournalSettings settings()
    {
        return settings;
    }

    /** @return the underlying Chronicle Queue */
    public ChronicleQueue queue()
    {
        return queue;
    }

    /**
     * @param attachments codec for instrument definitions.
     * @return a journal stage for the pipeline; its Chronicle appender is created on the business-logic thread.
     */
    public JournalAppender appender(final AttachmentCodec attachments)
    {
        return new JournalAppender(queue, settings.durability(), attachments);
    }

    /**
     * @param attachments codec for instrument definitions.
     * @return a new reader positioned before the first record; owned by the calling thread.
     */
    public JournalReader reader(final AttachmentCodec attachments)
    {
        return new JournalReader(queue, attachments);
    }

    /**
     * @param index       a record's Chronicle index.
     * @param attachments codec of instrument definitions.
     * @return the CRC32C the record carries (snapshots store it to prove which record they cover).
     * @throws JournalException if there is no intact record at that index.
     */
    public int recordChecksumAt(final long index, final AttachmentCodec attachments)
    {
        try (JournalReader reader = reader(attachments))
        {
            final int status = reader.moveTo(index) ? reader.next(new CommandEvent()) : JournalReader.END;
            if (status != JournalRecord.OK)
            {
                throw new JournalException("no intact record at index " + JournalIndex.format(index));
            }
            return JournalRecord.checksumOf(reader.recordBuffer(), reader.recordLength());
        }
    }

    /** @return Chronicle index of the last complete record, or -1 when empty */
    public long lastIndex()
    {
        final long last = queue.lastIndex();
        return last < 0 ? -1 : last;
    }

    /**
     * @param fromIndex first index (inclusive), or -1 for the start; an index before the first record counts from the first record.
     * @return number of records from {@code fromIndex} to the end (0 if it cannot be counted, e.g. while files are retired).
     */
    public long countFrom(final long fromIndex)
    {
        final long last = queue.lastIndex();
        if (last < 0)
        {
            return 0;
        }
        final long first = Math.max(fromIndex, queue.firstIndex());
        if (first > last)
        {
            return 0;
        }
        try
        {
            return queue.countExcerpts(first, last) + 1;
        }
        catch (final IllegalStateException ex)
        {
            return 0;
        }
    }

    @Override
    public void close()
    {
        queue.close();
    }
}
