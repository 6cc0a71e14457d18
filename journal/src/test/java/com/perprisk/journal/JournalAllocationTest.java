package com.perprisk.journal;

import com.perprisk.engine.AllocationCheck;
import com.perprisk.engine.EngineConfig;
import com.perprisk.engine.RiskEngine;
import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.event.RiskEventListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Appending records, and reading and applying them, allocate nothing in steady state on the calling thread. */
class JournalAllocationTest
{
    @TempDir
    Path folder;

    @Test
    void appendingAndReplayingAllocateNothingInSteadyState()
    {
        final JournalSettings settings = JournalFixture.settings(folder);
        try (Journal journal = Journal.open(settings))
        {
            final JournalAppender appender = journal.appender(InstrumentAttachmentCodec.INSTANCE);
            appender.onStart();
            final CommandEvent c = new CommandEvent();
            final long[] sequence = {0};
            AllocationCheck.assertSteadyStateAllocatesNothing(5, 5, () ->
            {
                for (int i = 0; i < 10_000; i++)
                {
                    c.deposit(i, i, 1 + i % 100, 1_000_000).sequence(sequence[0]++);
                    assertTrue(appender.append(c));
                }
            });
            appender.onShutdown();

            final RiskEngine engine = new RiskEngine(new EngineConfig());
            try (JournalReader reader = journal.reader(InstrumentAttachmentCodec.INSTANCE))
            {
                final long[] index = {-1};
                AllocationCheck.assertSteadyStateAllocatesNothing(2, 5, () ->
                {
                    for (int i = 0; i < 5_000 && reader.next(c) == JournalReader.RECORD; i++)
                    {
                        engine.apply(c, RiskEventListener.NO_OP);
                        index[0] = reader.index();
                    }
                });
                assertTrue(index[0] > 0, "records were read");
            }
        }
    }
}
