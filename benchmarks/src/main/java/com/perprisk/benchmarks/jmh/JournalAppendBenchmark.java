package com.perprisk.benchmarks.jmh;

import com.perprisk.engine.command.CommandEvent;
import com.perprisk.journal.Durability;
import com.perprisk.journal.InstrumentAttachmentCodec;
import com.perprisk.journal.Journal;
import com.perprisk.journal.JournalAppender;
import com.perprisk.journal.JournalSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The journal stage's append of one engine input: a fill encoded as a {@code JournalRecord} (72 bytes and its CRC32C)
 * written as one Chronicle Queue document by the project's {@link JournalAppender}, with page-cache durability, or
 * synced to the device after each append ({@link Durability#SYNC}). Each iteration appends to a new journal in a
 * temporary folder, deleted at the end of the iteration, so the disk used is bounded by one iteration's records. The
 * folder is made in {@code java.io.tmpdir}: to measure another device, pass
 * {@code -jvmArgsAppend -Djava.io.tmpdir=/path/on/it}; on a tmpfs, SYNC measures nothing.
 *
 * <p>Threading: the benchmark thread opens the journal, owns the Chronicle appender (created in set-up on that
 * thread) and deletes the folder.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class JournalAppendBenchmark extends ProjectFork
{
    /** What an appended record survives. */
    @Param({"PAGE_CACHE", "SYNC"})
    public Durability durability;

    final CommandEvent command = new CommandEvent();
    Path folder;
    Journal journal;
    JournalAppender appender;
    long sequence;

    /** @throws IOException if the temporary folder cannot be created */
    @Setup(Level.Iteration)
    public void openJournal() throws IOException
    {
        folder = Files.createTempDirectory("journal-append-benchmark");
        journal = Journal.open(new JournalSettings(folder).durability(durability).snapshotEveryRecords(0));
        appender = journal.appender(InstrumentAttachmentCodec.INSTANCE);
        appender.onStart();
        command.fill(1_700_000_000_000_000_000L, 7, 42, 1, 150_000_000L, 4_000_012_300_000L, CommandEvent.FEE_FROM_SCHEDULE);
        sequence = 0;
    }

    /** @return true if the record was appended */
    @Benchmark
    public boolean append()
    {
        command.sequence(sequence++);
        return appender.append(command);
    }

    /** Close the journal and delete its folder. */
    @TearDown(Level.Iteration)
    public void deleteJournal()
    {
        appender.onShutdown();
        journal.close();
        try (Stream<Path> files = Files.walk(folder))
        {
            for (final Path path : (Iterable<Path>)files.sorted(Comparator.reverseOrder())::iterator)
            {
                Files.delete(path);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot delete the benchmark journal " + folder, ex);
        }
    }
}
