package com.perprisk.journal;

import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;

import java.nio.file.Path;

/**
 * Where and how the journal is kept. Validated by {@link Journal#open}; mutable until then.
 *
 * <p>Threading: configure on one thread before opening the journal.
 */
public final class JournalSettings
{
    /** Default free space required at start: 256 MiB. */
    public static final long DEFAULT_MIN_FREE_BYTES = 256L << 20;

    private final Path folder;
    private Durability durability = Durability.PAGE_CACHE;
    private RollCycle rollCycle = RollCycles.FAST_HOURLY;
    private long minFreeBytes = DEFAULT_MIN_FREE_BYTES;
    private long snapshotEveryRecords = 1_000_000;
    private int snapshotsToKeep = 3;
    private boolean retireCoveredCycles;

    /** @param folder the journal folder: the queue lives in {@code folder/queue}, snapshots in {@code folder/snapshots}. */
    public JournalSettings(final Path folder)
    {
        this.folder = folder;
    }

    /** @return the journal folder */
    public Path folder()
    {
        return folder;
    }

    /** @return the Chronicle Queue folder */
    public Path queueFolder()
    {
        return folder.resolve("queue");
    }

    /** @return the snapshot folder */
    public Path snapshotFolder()
    {
        return folder.resolve("snapshots");
    }

    /** @return durability of an acknowledged input */
    public Durability durability()
    {
        return durability;
    }

    /** @param value durability of an acknowledged input @return this */
    public JournalSettings durability(final Durability value)
    {
        durability = value;
        return this;
    }

    /** @return how often the queue starts a new file */
    public RollCycle rollCycle()
    {
        return rollCycle;
    }

    /** @param value how often the queue starts a new file @return this */
    public JournalSettings rollCycle(final RollCycle value)
    {
        rollCycle = value;
        return this;
    }

    /** @return free bytes the journal's file system must have at start */
    public long minFreeBytes()
    {
        return minFreeBytes;
    }

    /** @param value free bytes the journal's file system must have at start @return this */
    public JournalSettings minFreeBytes(final long value)
    {
        minFreeBytes = value;
        return this;
    }

    /** @return records between periodic snapshots (0 = only on request) */
    public long snapshotEveryRecords()
    {
        return snapshotEveryRecords;
    }

    /** @param value records between periodic snapshots (0 = only on request) @return this */
    public JournalSettings snapshotEveryRecords(final long value)
    {
        snapshotEveryRecords = value;
        return this;
    }

    /** @return number of newest snapshots kept; older ones are deleted */
    public int snapshotsToKeep()
    {
        return snapshotsToKeep;
    }

    /** @param value number of newest snapshots kept (at least 1) @return this */
    public JournalSettings snapshotsToKeep(final int value)
    {
        snapshotsToKeep = value;
        return this;
    }

    /** @return whether queue files entirely before the oldest kept snapshot are deleted */
    public boolean retireCoveredCycles()
    {
        return retireCoveredCycles;
    }

    /** @param value whether queue files entirely before the oldest kept snapshot are deleted @return this */
    public JournalSettings retireCoveredCycles(final boolean value)
    {
        retireCoveredCycles = value;
        return this;
    }
}
