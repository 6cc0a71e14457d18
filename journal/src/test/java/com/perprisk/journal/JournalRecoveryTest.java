package com.perprisk.journal;

import com.perprisk.engine.EngineConfig;
import com.perprisk.engine.RiskEngine;
import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.command.RejectReason;
import com.perprisk.engine.event.CommandResult;
import com.perprisk.engine.event.RiskEventListener;
import com.perprisk.engine.pipeline.RiskPipeline;
import com.perprisk.engine.pipeline.WaitStrategyKind;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.main.DumpMain;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalRecoveryTest
{
    @TempDir
    Path folder;

    @Test
    void aRestartRebuildsTheSameStateAndContinuesTheSequence()
    {
        final JournalSettings settings = JournalFixture.settings(folder);
        final JournalFixture fixture = new JournalFixture(7);
        final long checksum;
        try (DurableEngine engine = JournalFixture.start(settings))
        {
            assertNull(engine.recovery().snapshot());
            assertEquals(0, engine.recovery().nextSequence());
            fixture.setUp(engine);
            fixture.publish(engine, 3000);
            engine.pipeline().close();
            checksum = engine.engine().checksum();
        }
        assertEquals(fixture.reference().checksum(), checksum, "the ring with the journal applies what the reference applies");

        try (DurableEngine engine = JournalFixture.start(settings))
        {
            assertEquals(checksum, engine.recovery().engine().checksum());
            assertEquals(fixture.published.size(), engine.recovery().nextSequence());
            assertEquals(fixture.published.size(), engine.recovery().replay().applied());
            assertEquals(ReplayOutcome.Stop.END, engine.recovery().replay().stop());
            fixture.publish(engine, 1000);
            engine.pipeline().close();
            assertEquals(fixture.reference().checksum(), engine.engine().checksum());
        }
    }

    @Test
    void syncDurabilityJournalsAndRecoversTheSameWay()
    {
        final JournalSettings settings = JournalFixture.settings(folder).durability(Durability.SYNC);
        final JournalFixture fixture = new JournalFixture(5);
        try (DurableEngine engine = JournalFixture.start(settings))
        {
            fixture.setUp(engine);
            fixture.publish(engine, 300);
        }
        try (DurableEngine engine = JournalFixture.start(settings))
        {
            engine.pipeline().close();
            assertEquals(fixture.published.size(), engine.recovery().replay().applied());
            assertEquals(fixture.reference().checksum(), engine.engine().checksum());
        }
    }

    @Test
    void recoveryStartsFromTheNewestSnapshotAndReplaysOnlyWhatFollows() throws Exception
    {
        final JournalSettings settings = JournalFixture.settings(folder);
        final JournalFixture fixture = new JournalFixture(11);
        final SnapshotStore.Info snapshot;
        try (DurableEngine engine = JournalFixture.start(settings))
        {
            fixture.setUp(engine);
            fixture.publish(engine, 2000);
            awaitJournaled(engine, fixture.published.size());
            final long request = engine.snapshots().requestSnapshot();
            snapshot = engine.snapshots().await(request, TimeUnit.SECONDS.toNanos(30));
            assertNotNull(snapshot, "snapshot written");
            fixture.publish(engine, 1500);
        }
        try (DurableEngine engine = JournalFixture.start(settings))
        {
            final Recovery.Result recovery = engine.recovery();
            assertNotNull(recovery.snapshot());
            assertEquals(snapshot.sequence(), recovery.snapshot().sequence());
            assertEquals(fixture.published.size() - 1 - snapshot.sequence(), recovery.replay().applied());
            engine.pipeline().close();
            assertEquals(fixture.reference().checksum(), engine.engine().checksum());
        }
        assertEquals(fixture.reference().checksum(), cleanReplayChecksum(settings), "snapshot + tail equals a replay from the start");
    }

    @Test
    void aCorruptedSnapshotIsSkippedWithAWarningAndTheOlderOneIsUsed() throws Exception
    {
        final JournalSettings settings = JournalFixture.settings(folder);
        final JournalFixture fixture = new JournalFixture(13);
        final SnapshotStore.Info older;
        final SnapshotStore.Info newer;
        try (DurableEngine engine = JournalFixture.start(settings))
        {
            fixture.setUp(engine);
            fixture.publish(engine, 1000);
            awaitJournaled(engine, fixture.published.size());
            older = engine.snapshots().await(engine.snapshots().requestSnapshot(), TimeUnit.SECONDS.toNanos(30));
            fixture.publish(engine, 1000);
            awaitJournaled(engine, fixture.published.size());
            newer = engine.snapshots().await(engine.snapshots().requestSnapshot(), TimeUnit.SECONDS.toNanos(30));
            fixture.publish(engine, 500);
        }
        assertTrue(newer.sequence() > older.sequence());
        flipByte(newer.file(), Files.size(newer.file()) / 2);

        try (DurableEngine engine = JournalFixture.start(settings))
        {
            final Recovery.Result recovery = engine.recovery();
            assertEquals(older.sequence(), recovery.snapshot().sequence());
            assertEquals(1, recovery.warnings().size());
            assertTrue(recovery.warnings().get(0).contains(newer.file().getFileName().toString()), recovery.warnings().get(0));
            assertTrue(recovery.warnings().get(0).contains("checksum mismatch"), recovery.warnings().get(0));
            engine.pipeline().close();
            assertEquals(fixture.reference().checksum(), engine.engine().checksum());
        }
    }

    @Test
    void aSnapshotTheJournalDoesNotContinueIsSetAsideAndAnOlderOneIsUsed() throws Exception
    {
        // Journal one: 10 deposits, snapshot at sequence 9. Journal two: the same first 5, snapshot at 4, then 10 others.
        final Path one = folder.resolve("one");
        final Path two = folder.resolve("two");
        final SnapshotStore.Info ahead;
        try (DurableEngine engine = JournalFixture.start(JournalFixture.settings(one)))
        {
            for (int i = 0; i < 10; i++)
            {
                engine.pipeline().publish(new CommandEvent().deposit(i, i, 1, (1 + i) * 1_000_000L));
            }
            awaitJournaled(engine, 10);
            ahead = engine.snapshots().await(engine.snapshots().requestSnapshot(), TimeUnit.SECONDS.toNanos(30));
        }
        final SnapshotStore.Info older;
        try (DurableEngine engine = JournalFixture.start(JournalFixture.settings(two)))
        {
            for (int i = 0; i < 5; i++)
            {
                engine.pipeline().publish(new CommandEvent().deposit(i, i, 1, (1 + i) * 1_000_000L));
            }
            awaitJournaled(engine, 5);
            older = engine.snapshots().await(engine.snapshots().requestSnapshot(), TimeUnit.SECONDS.toNanos(30));
            for (int i = 5; i < 15; i++)
            {
                engine.pipeline().publish(new CommandEvent().deposit(i, i, 2, 7_000_000L));
            }
        }
        assertEquals(9, ahead.sequence());
        assertEquals(4, older.sequence());
        // What a power loss can leave: a snapshot (synced) ahead of, or different from, the journal records it covers.
        Files.copy(ahead.file(), two.resolve("snapshots").resolve(ahead.file().getFileName()));

        final JournalSettings settings = JournalFixture.settings(two);
        try (DurableEngine engine = JournalFixture.start(settings))
        {
            final Recovery.Result recovery = engine.recovery();
            assertEquals(4, recovery.snapshot().sequence(), recovery.describe());
            assertTrue(recovery.warnings().get(0).contains("set aside"), recovery.warnings().toString());
            assertEquals(10, recovery.replay().applied());
            engine.pipeline().close();
            assertEquals(cleanReplayChecksum(settings), engine.engine().checksum());
        }
        assertTrue(Files.exists(two.resolve("snapshots").resolve(ahead.file().getFileName() + ".orphaned")), "kept aside, never read again");
    }

    @Test
    void aCorruptedRecordStopsRecoveryThereAndTheEngineRefusesToStart() throws Exception
    {
        final JournalSettings settings = JournalFixture.settings(folder);
        final long marker = 0x5A5A_1234_5678_9ABCL;
        try (DurableEngine engine = JournalFixture.start(settings))
        {
            final CommandEvent c = new CommandEvent();
            for (int i = 0; i < 100; i++)
            {
                engine.pipeline().publish(c.deposit(i, i == 90 ? marker : i, 1 + i % 3, 1_000_000));
            }
        }
        final Path cycle = JournalFixture.cycleFiles(settings).get(0);
        final long at = find(cycle, marker);
        assertTrue(at > 0, "record 90 found in " + cycle);
        flipByte(cycle, at + 8);

        try (Journal journal = Journal.open(settings))
        {
            final Recovery.Result recovery = Recovery.recover(journal, new SnapshotStore(settings.snapshotFolder(), 3), new EngineConfig(),
                InstrumentAttachmentCodec.INSTANCE, ReplayProgress.SILENT);
            assertEquals(ReplayOutcome.Stop.DAMAGED, recovery.replay().stop());
            assertEquals(90, recovery.replay().applied(), "everything before the damaged record");
            assertEquals(89, recovery.engine().lastSequence());
            assertTrue(recovery.replay().describe().contains("checksum mismatch"), recovery.replay().describe());
        }
        final JournalException refused = assertThrows(JournalException.class, () -> JournalFixture.start(settings));
        assertTrue(refused.getMessage().contains("cannot be fully replayed"), refused.getMessage());
        assertTrue(refused.getMessage().contains("sequence 89"), refused.getMessage());
    }

    @Test
    void aRecordOfAnotherFormatVersionIsRefusedWithAClearMessage()
    {
        final JournalSettings settings = JournalFixture.settings(folder);
        try (DurableEngine engine = JournalFixture.start(settings))
        {
            engine.pipeline().publish(new CommandEvent().deposit(1, 1, 1, 1_000_000));
        }
        try (Journal journal = Journal.open(settings); ExcerptAppender appender = journal.queue().createAppender())
        {
            final byte[] future = new byte[80];
            future[0] = 9;
            appender.writeBytes(net.openhft.chronicle.bytes.Bytes.wrapForRead(future));
        }
        final JournalException refused = assertThrows(JournalException.class, () -> JournalFixture.start(settings));
        assertTrue(refused.getMessage().contains("journal format version 9"), refused.getMessage());
        assertTrue(refused.getMessage().contains("this build reads version 1"), refused.getMessage());
    }

    @Test
    void anUnusableFolderOrAFullDiskIsAClearErrorAtStart() throws Exception
    {
        final Path file = Files.writeString(folder.resolve("a-file"), "x");
        final JournalException notFolder = assertThrows(JournalException.class, () -> JournalFixture.start(JournalFixture.settings(file)));
        assertTrue(notFolder.getMessage().contains("is not a folder"), notFolder.getMessage());

        final JournalException under = assertThrows(JournalException.class,
            () -> JournalFixture.start(JournalFixture.settings(file.resolve("journal"))));
        assertTrue(under.getMessage().contains("cannot create journal folder"), under.getMessage());

        final JournalException full = assertThrows(JournalException.class,
            () -> JournalFixture.start(JournalFixture.settings(folder.resolve("j")).minFreeBytes(Long.MAX_VALUE)));
        assertTrue(full.getMessage().contains("MiB free"), full.getMessage());
    }

    @Test
    void aFailedAppendStopsTheEngineFromAcceptingCommands()
    {
        final JournalSettings settings = JournalFixture.settings(folder);
        final List<Integer> reasons = new CopyOnWriteArrayList<>();
        final RiskEventListener results = new RiskEventListener()
        {
            @Override
            public void onCommandResult(final CommandResult result)
            {
                reasons.add(result.rejectReason());
            }
        };
        final long checksum;
        try (DurableEngine engine = DurableEngine.start(settings, new EngineConfig(), e -> results, 64, WaitStrategyKind.BLOCKING,
            ReplayProgress.SILENT))
        {
            engine.pipeline().publish(new CommandEvent().deposit(1, 1, 1, 1_000_000));
            while (reasons.size() < 1)
            {
                Thread.onSpinWait();
            }
            engine.journal().queue().close(); // the journal's files go away under the running engine
            engine.pipeline().publish(new CommandEvent().deposit(2, 2, 1, 1_000_000));
            while (reasons.size() < 2)
            {
                Thread.onSpinWait();
            }
            assertFalse(engine.pipeline().isAccepting());
            assertEquals(RiskPipeline.NOT_ACCEPTING, engine.pipeline().publish(new CommandEvent().deposit(3, 3, 1, 1_000_000)));
            assertNotNull(engine.appender().failure());
            engine.pipeline().close();
            checksum = engine.engine().checksum();
            assertEquals(0, engine.engine().lastSequence(), "the unjournaled deposit was not applied");
        }
        assertEquals(List.of(RejectReason.NONE, RejectReason.JOURNAL_UNAVAILABLE), reasons);
        try (DurableEngine engine = JournalFixture.start(settings))
        {
            assertEquals(checksum, engine.recovery().engine().checksum());
        }
    }

    @Test
    void cyclesCoveredByTheOldestKeptSnapshotAreRetired() throws Exception
    {
        final JournalSettings settings = JournalFixture.settings(folder).rollCycle(TestRollCycles.TEST_SECONDLY).snapshotsToKeep(1)
            .retireCoveredCycles(true);
        final JournalFixture fixture = new JournalFixture(17);
        try (DurableEngine engine = JournalFixture.start(settings))
        {
            fixture.setUp(engine);
            for (int round = 0; round < 3; round++)
            {
                fixture.publish(engine, 300);
                Thread.sleep(1100);
            }
            fixture.publish(engine, 300);
            final int before = JournalFixture.cycleFiles(settings).size();
            assertTrue(before >= 3, "files: " + before);
            awaitJournaled(engine, fixture.published.size());
            assertNotNull(engine.snapshots().await(engine.snapshots().requestSnapshot(), TimeUnit.SECONDS.toNanos(30)));
            final int after = JournalFixture.cycleFiles(settings).size();
            assertTrue(after < before, before + " files before, " + after + " after");
            fixture.publish(engine, 100);
        }
        try (DurableEngine engine = JournalFixture.start(settings))
        {
            assertNotNull(engine.recovery().snapshot());
            engine.pipeline().close();
            assertEquals(fixture.reference().checksum(), engine.engine().checksum());
        }
    }

    @Test
    void chroniclesOwnDumpToolReadsTheJournal()
    {
        final JournalSettings settings = JournalFixture.settings(folder);
        try (DurableEngine engine = JournalFixture.start(settings))
        {
            engine.pipeline().publish(new CommandEvent().deposit(1, 1, 42, 1_000_000));
        }
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        DumpMain.dump(settings.queueFolder().toFile(), new PrintStream(out, true, StandardCharsets.UTF_8), Long.MAX_VALUE);
        final String dump = out.toString(StandardCharsets.UTF_8);
        assertTrue(dump.contains(".cq4"), dump);
        assertTrue(dump.contains("# position:"), dump);
    }

    /** Publishing is asynchronous: wait until the engine has journaled this many records before asking for a snapshot. */
    static void awaitJournaled(final DurableEngine engine, final long records)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (engine.journal().countFrom(-1) < records)
        {
            assertTrue(System.nanoTime() < deadline, "journaled within 30 s");
            Thread.onSpinWait();
        }
    }

    static long cleanReplayChecksum(final JournalSettings settings)
    {
        try (Journal journal = Journal.openForReading(settings.folder()); JournalReader reader = journal.reader(InstrumentAttachmentCodec.INSTANCE))
        {
            final RiskEngine engine = new RiskEngine(new EngineConfig());
            final ReplayOutcome outcome = new Replayer().replay(reader, engine, -1);
            assertTrue(outcome.clean(), outcome.describe());
            return engine.checksum();
        }
    }

    static void flipByte(final Path file, final long at) throws Exception
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            final ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, at);
            one.put(0, (byte)(one.get(0) ^ 0x5A)).position(0);
            channel.write(one, at);
        }
    }

    static long find(final Path file, final long value) throws Exception
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final ByteBuffer all = ByteBuffer.allocate((int)Math.min(channel.size(), 64L << 20)).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(all, 0);
            for (int i = 0; i + 8 <= all.limit(); i++)
            {
                if (all.getLong(i) == value)
                {
                    return i;
                }
            }
            return -1;
        }
    }
}
