package com.perprisk.cli;

import com.perprisk.journal.Durability;
import com.perprisk.journal.JournalSettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;

/** Journal options shared by the commands that run a journaled engine ({@code scenario --journal}, {@code run}). */
public final class JournalOptions
{
    @Option(names = "--journal", paramLabel = "DIR",
        description = "Journal folder: recover the engine from it (newest valid snapshot + replay) and append every input to it "
            + "before applying it. Created if missing. Without it the engine runs in memory only.")
    Path folder;

    @Option(names = "--durability", paramLabel = "MODE", defaultValue = "page-cache",
        description = "What an acknowledged input survives: page-cache (kill -9 and process crashes; default) or sync "
            + "(also power loss; msync before each input is applied, ~1-60 us).")
    String durability;

    @Option(names = "--snapshot-every", paramLabel = "RECORDS", defaultValue = "1000000",
        description = "Write a snapshot after this many new journal records (0: only on request). Default: ${DEFAULT-VALUE}.")
    long snapshotEvery;

    @Option(names = "--keep-snapshots", paramLabel = "N", defaultValue = "3",
        description = "Number of newest snapshots kept. Default: ${DEFAULT-VALUE}.")
    int keepSnapshots;

    @Option(names = "--retire-covered-cycles",
        description = "Delete journal files whose records are all covered by the oldest kept snapshot.")
    boolean retireCoveredCycles;

    @Option(names = "--min-free-disk", paramLabel = "MIB", defaultValue = "256",
        description = "Refuse to start with less free space than this on the journal's file system. Default: ${DEFAULT-VALUE} MiB.")
    long minFreeMib;

    /**
     * @return the journal settings, or null when no journal folder was given.
     * @throws CliException (exit code 2) for an invalid value.
     */
    public JournalSettings settings()
    {
        if (folder == null)
        {
            return null;
        }
        if (keepSnapshots < 1)
        {
            throw new CliException(CliException.USAGE_OR_INPUT, "--keep-snapshots must be at least 1, was " + keepSnapshots);
        }
        if (snapshotEvery < 0 || minFreeMib < 0)
        {
            throw new CliException(CliException.USAGE_OR_INPUT, "--snapshot-every and --min-free-disk must not be negative");
        }
        return new JournalSettings(folder)
            .durability(parseDurability(durability))
            .snapshotEveryRecords(snapshotEvery)
            .snapshotsToKeep(keepSnapshots)
            .retireCoveredCycles(retireCoveredCycles)
            .minFreeBytes(minFreeMib << 20);
    }

    private static Durability parseDurability(final String value)
    {
        final String v = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (final Durability d : Durability.values())
        {
            if (d.name().equals(v))
            {
                return d;
            }
        }
        throw new CliException(CliException.USAGE_OR_INPUT, "--durability: '" + value + "' is not one of page-cache, sync");
    }
}
