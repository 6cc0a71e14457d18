package com.perprisk.benchmarks.jmh;

import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.command.CommandType;
import com.perprisk.journal.Durability;
import com.perprisk.journal.InstrumentAttachmentCodec;
import com.perprisk.journal.JournalReader;
import com.perprisk.journal.JournalRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The append benchmark journals the fill it claims, one intact 76-byte record per invocation, and leaves no folder behind. */
class JournalAppendBenchmarkTest
{
    private static final int APPENDS = 3;

    @ParameterizedTest
    @EnumSource(Durability.class)
    void eachInvocationAppendsTheFillAsOneRecordThatReadsBack(final Durability durability) throws IOException
    {
        final JournalAppendBenchmark benchmark = new JournalAppendBenchmark();
        benchmark.durability = durability;
        benchmark.openJournal();
        try
        {
            for (int i = 0; i < APPENDS; i++)
            {
                assertTrue(benchmark.append());
            }
            try (JournalReader reader = benchmark.journal.reader(InstrumentAttachmentCodec.INSTANCE))
            {
                final CommandEvent read = new CommandEvent();
                for (int i = 0; i < APPENDS; i++)
                {
                    assertEquals(JournalReader.RECORD, reader.next(read), "record " + i);
                    assertEquals(JournalRecord.HEADER_LENGTH + JournalRecord.CHECKSUM_LENGTH, reader.recordLength());
                    assertEquals(i, read.sequence());
                    assertEquals(CommandType.FILL, read.type());
                    benchmark.command.sequence(i);
                    assertEquals(benchmark.command.toString(), read.toString());
                    assertEquals(benchmark.command.timestamp(), read.timestamp());
                }
                assertEquals(JournalReader.END, reader.next(read));
            }
        }
        finally
        {
            benchmark.deleteJournal();
        }
        assertFalse(Files.exists(benchmark.folder), "the tear-down deletes the journal folder");
    }
}
