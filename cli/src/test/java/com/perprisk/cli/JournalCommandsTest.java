package com.perprisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.perprisk.engine.EngineConfig;
import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.event.RiskEventListener;
import com.perprisk.engine.pipeline.WaitStrategyKind;
import com.perprisk.journal.DurableEngine;
import com.perprisk.journal.JournalSettings;
import com.perprisk.journal.ReplayProgress;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The journal-facing commands on a real journal folder: scenario --journal, journal dump/verify/snapshot/generate, replay. */
class JournalCommandsTest
{
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    private Path demoScenario() throws IOException
    {
        try (InputStream in = getClass().getResourceAsStream("/scenarios/demo.jsonl"))
        {
            return Files.write(dir.resolve("demo.jsonl"), in.readAllBytes());
        }
    }

    private static long firstSequence(final Cli run) throws IOException
    {
        final JsonNode line = JsonFields.MAPPER.readTree(run.outLines()[0]);
        return line.path("results").get(0).path("sequence").asLong();
    }

    @Test
    void aJournaledScenarioRecoversOnTheNextRunAndContinuesTheSequence() throws Exception
    {
        final Path journal = dir.resolve("journal");
        final Path scenario = demoScenario();
        final Cli first = Cli.run("scenario", scenario.toString(), "--journal", journal.toString(), "--min-free-disk", "0");
        assertEquals(0, first.exitCode, first.toString());
        final Cli second = Cli.run("scenario", scenario.toString(), "--journal", journal.toString(), "--min-free-disk", "0");
        assertEquals(0, second.exitCode, second.toString());
        final long records = first.outLines().length;
        assertTrue(firstSequence(second) > firstSequence(first) + records - 1,
            "second run continues after the first: " + firstSequence(first) + " then " + firstSequence(second));

        final Cli verify = Cli.run("journal", "verify", journal.toString());
        assertEquals(0, verify.exitCode, verify.toString());
        assertTrue(verify.out.contains("journal OK"), verify.out);
        assertTrue(verify.out.contains("DEFINE_INSTRUMENT                   3"), "instruments defined once, not again on recovery: " + verify.out);
    }

    @Test
    void verifyChecksEverySnapshotAgainstTheReplay() throws Exception
    {
        final Path journal = dir.resolve("journal");
        assertEquals(0, Cli.run("journal", "generate", journal.toString(), "--events", "3000", "--accounts", "50").exitCode);
        final Cli snapshot = Cli.run("journal", "snapshot", journal.toString());
        assertEquals(0, snapshot.exitCode, snapshot.toString());
        assertTrue(snapshot.out.contains("sequence 3002"), snapshot.out);
        assertEquals(0, Cli.run("journal", "generate", journal.toString(), "--events", "1000", "--accounts", "50", "--seed", "2").exitCode);

        final Cli verify = Cli.run("journal", "verify", journal.toString());
        assertEquals(0, verify.exitCode, verify.toString());
        assertTrue(verify.out.contains("matches the replay at sequence 3002"), verify.out);
        assertTrue(verify.out.contains("last sequence: 4005"), verify.out);
    }

    @Test
    void replayRateReplaysEveryRoundToTheSameChecksum() throws Exception
    {
        final Path journal = dir.resolve("journal");
        assertEquals(0, Cli.run("journal", "generate", journal.toString(), "--events", "2000", "--accounts", "20").exitCode);
        final String checksum = Cli.run("journal", "verify", journal.toString()).out.replaceAll("(?s).*state checksum: (\\p{XDigit}+).*", "$1");
        final Cli rate = Cli.run("journal", "replay-rate", journal.toString(), "--rounds", "3");
        assertEquals(0, rate.exitCode, rate.toString());
        assertEquals(3, rate.outLines().length, rate.out);
        for (final String line : rate.outLines())
        {
            assertTrue(line.contains("2,003 records") && line.endsWith("checksum " + checksum), line + " vs " + checksum);
        }
    }

    @Test
    void dumpFiltersByAccountInstrumentAndSequence() throws Exception
    {
        final Path journal = dir.resolve("journal");
        assertEquals(0, Cli.run("scenario", demoScenario().toString(), "--journal", journal.toString(), "--min-free-disk", "0").exitCode);

        final Cli account = Cli.run("journal", "dump", journal.toString(), "--account", "2");
        assertEquals(0, account.exitCode, account.toString());
        assertTrue(account.outLines().length >= 3, account.out);
        assertTrue(Arrays.stream(account.outLines()).allMatch(l -> l.contains("account=2") || l.contains("liquidator=2")), account.out);

        final Cli btc = Cli.run("journal", "dump", journal.toString(), "--instrument", "BTC-PERP", "--from", "5", "--to", "20");
        assertEquals(0, btc.exitCode, btc.toString());
        assertTrue(btc.outLines().length >= 2, btc.out);
        for (final String line : btc.outLines())
        {
            assertTrue(line.contains(" BTC-PERP"), line);
            final long sequence = Long.parseLong(line.substring(4, line.indexOf(' ')));
            assertTrue(sequence >= 5 && sequence <= 20, line);
        }
    }

    @Test
    void replayShowsAnAccountAsItWasAtASequence() throws Exception
    {
        final Path journal = dir.resolve("journal");
        assertEquals(0, Cli.run("scenario", demoScenario().toString(), "--journal", journal.toString(), "--min-free-disk", "0").exitCode);
        final Cli early = Cli.run("replay", journal.toString(), "--to", "4", "--account", "1", "--json");
        assertEquals(0, early.exitCode, early.toString());
        assertTrue(early.out.contains("state at sequence 4"), early.out);
        final JsonNode atFour = JsonFields.MAPPER.readTree(early.outLines()[early.outLines().length - 1]);
        assertEquals("10000", atFour.path("totals").path("collateral").asText(), early.out);
        assertEquals(0, atFour.path("positions").size(), "no position yet at sequence 4");

        final Cli late = Cli.run("replay", journal.toString(), "--at", "2100-01-01T00:00:00Z", "--account", "1", "--json");
        assertEquals(0, late.exitCode, late.toString());
        final JsonNode atEnd = JsonFields.MAPPER.readTree(late.outLines()[late.outLines().length - 1]);
        assertTrue(atEnd.path("positions").size() > 0, late.out);

        final String dumpLine = Cli.run("journal", "dump", journal.toString(), "--from", "4", "--to", "4").outLines()[0];
        final String index = dumpLine.substring(dumpLine.indexOf("index=") + 6, dumpLine.indexOf(' ', dumpLine.indexOf("index=")));
        final Cli byIndex = Cli.run("replay", journal.toString(), "--to-index", index, "--account", "1", "--json");
        assertEquals(0, byIndex.exitCode, byIndex.toString());
        assertTrue(byIndex.out.contains("state at sequence 4 "), byIndex.out);

        final Cli unknown = Cli.run("replay", journal.toString(), "--to", "4", "--account", "12345");
        assertEquals(1, unknown.exitCode, unknown.toString());
        assertTrue(unknown.err.contains("UNKNOWN_ACCOUNT"), unknown.toString());
    }

    @Test
    void replayNeverStartsFromASnapshotPastItsTargetWhenOldFilesAreRetired() throws Exception
    {
        final Path journal = dir.resolve("journal");
        final JournalSettings settings = new JournalSettings(journal).minFreeBytes(0).snapshotEveryRecords(0)
            .rollCycle(TestRollCycles.TEST_SECONDLY).snapshotsToKeep(1).retireCoveredCycles(true);
        try (DurableEngine engine = DurableEngine.start(settings, new EngineConfig(), e -> RiskEventListener.NO_OP, 64,
            WaitStrategyKind.BLOCKING, ReplayProgress.SILENT))
        {
            for (int i = 0; i < 10; i++)
            {
                engine.pipeline().publish(new CommandEvent().deposit(SECOND * (i + 1), i, 1, 1_000_000L));
                if (i == 4)
                {
                    Thread.sleep(1100); // the next records go to the next (one-second) queue file
                }
            }
            while (engine.journal().countFrom(-1) < 10)
            {
                Thread.onSpinWait(); // publishing is asynchronous: snapshot what is journaled
            }
            assertEquals(9, engine.snapshots().await(engine.snapshots().requestSnapshot(), TimeUnit.SECONDS.toNanos(30)).sequence());
        }
        final Cli before = Cli.run("replay", journal.toString(), "--at", Instant.ofEpochSecond(7).toString());
        assertEquals(1, before.exitCode, "sequences 0-4 are retired and the only snapshot is past the target: " + before);
        assertTrue(before.err.contains("no usable snapshot"), before.err);

        final Cli at = Cli.run("replay", journal.toString(), "--at", Instant.ofEpochSecond(10).toString(), "--account", "1", "--json");
        assertEquals(0, at.exitCode, at.toString());
        assertTrue(at.out.contains("state at sequence 9 (last input at 1970-01-01T00:00:10Z)"), at.out);
    }

    @Test
    void aDamagedJournalFailsVerifyAndANonJournalIsAUsageError() throws Exception
    {
        final Path journal = dir.resolve("journal");
        assertEquals(0, Cli.run("journal", "generate", journal.toString(), "--events", "500", "--accounts", "10").exitCode);
        final Path cycle;
        try (Stream<Path> files = Files.list(journal.resolve("queue")))
        {
            cycle = files.filter(p -> p.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
        final byte[] bytes = Files.readAllBytes(cycle);
        final int at = lastNonZero(bytes) - 40; // inside the last record's fields
        bytes[at] ^= 0x5A;
        Files.write(cycle, bytes);

        final Cli verify = Cli.run("journal", "verify", journal.toString());
        assertEquals(1, verify.exitCode, verify.toString());
        assertTrue(verify.out.contains("PROBLEM") && verify.out.contains("checksum mismatch"), verify.out);

        final Cli notJournal = Cli.run("journal", "dump", dir.toString());
        assertEquals(2, notJournal.exitCode, notJournal.toString());
        assertTrue(notJournal.err.contains("no journal in"), notJournal.err);

        final Cli refused = Cli.run("scenario", demoScenario().toString(), "--journal", journal.toString(), "--min-free-disk", "0");
        assertEquals(2, refused.exitCode, refused.toString());
        assertTrue(refused.err.contains("cannot be fully replayed"), refused.err);
    }

    private static int lastNonZero(final byte[] bytes)
    {
        for (int i = bytes.length - 1; i >= 0; i--)
        {
            if (bytes[i] != 0)
            {
                return i;
            }
        }
        return -1;
    }
}
