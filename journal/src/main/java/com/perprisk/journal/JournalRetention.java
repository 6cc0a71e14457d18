package com.perprisk.journal;

import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;

/**
 * Retires queue files (roll cycles) that lie wholly before a snapshot: the queue never deletes its own files, and a
 * file whose every record a kept snapshot already covers is not needed for recovery. The current cycle is never deleted.
 *
 * <p>Threading: called on the snapshot thread only.
 */
final class JournalRetention
{
    private static final Logger LOG = LoggerFactory.getLogger(JournalRetention.class);

    private final Journal journal;

    JournalRetention(final Journal journal)
    {
        this.journal = journal;
    }

    /**
     * Delete every cycle file older than the cycle that holds {@code index}.
     *
     * @param index a Chronicle index covered by the oldest kept snapshot.
     * @return number of files deleted.
     */
    int retireBefore(final long index)
    {
        final RollCycle rollCycle = journal.queue().rollCycle();
        final int keepFrom = rollCycle.toCycle(index);
        int deleted = 0;
        try (ExcerptTailer tailer = journal.queue().createTailer())
        {
            for (int cycle = rollCycle.toCycle(journal.queue().firstIndex()); cycle < keepFrom; cycle++)
            {
                if (!tailer.moveToCycle(cycle))
                {
                    continue;
                }
                final File file = tailer.currentFile();
                if (file != null && Files.deleteIfExists(file.toPath()))
                {
                    deleted++;
                    LOG.info("retired journal file {} (covered by a snapshot)", file.getName());
                }
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            LOG.warn("could not retire old journal files: {}", ex.toString());
        }
        if (deleted > 0)
        {
            journal.queue().refreshDirectoryListing();
        }
        return deleted;
    }
}
