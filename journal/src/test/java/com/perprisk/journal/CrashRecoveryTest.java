package com.perprisk.journal;

import com.perprisk.engine.EngineConfig;
import com.perprisk.engine.RiskEngine;
import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.command.CommandType;
import com.perprisk.engine.command.RejectReason;
import com.perprisk.engine.event.CommandResult;
import com.perprisk.engine.event.RiskEventListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the engine ({@link CrashTestNode}) as a separate JVM under a steady stream of commands, kills it with SIGKILL
 * ({@code kill -9}) at random moments, restarts it, and checks after every restart and at the end that
 * (a) every command acknowledged before a kill is in the recovered state (and in the journal, at the acknowledged
 * sequence), (b) the recovered checksum equals that of a clean replay of the same journal up to the same sequence, and
 * (c) nothing was applied twice: sequences are contiguous, every correlation id is journaled at most once, and every
 * account's deposits in the final state equal the accepted deposits in the journal. 20 kills by default; set
 * {@code -Dcrash.kills=200} for a longer run.
 */
class CrashRecoveryTest
{
    private static final int KILLS = Integer.getInteger("crash.kills", 20);

    @TempDir
    Path folder;

    private record Restart(long lastSequence, long checksum, long snapshotSequence)
    {
    }

    @Test
    void killNineAtRandomMomentsLosesNothingAcknowledgedAndAppliesNothingTwice() throws Exception
    {
        final Random random = new Random(20261123L);
        final Map<Long, Long> ackedSequenceByCorrelation = new ConcurrentHashMap<>();
        final List<Restart> restarts = new ArrayList<>();
        long correlation = 1;
        long maxAcked = -1;
        for (int run = 0; run <= KILLS; run++)
        {
            final Process node = startNode();
            final BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.US_ASCII));
            final String[] recovered = out.readLine().split(" ");
            assertEquals("R", recovered[0], "first line of the node");
            final Restart restart = new Restart(Long.parseLong(recovered[1]), Long.parseUnsignedLong(recovered[2], 16), Long.parseLong(recovered[3]));
            restarts.add(restart);
            assertTrue(restart.lastSequence >= maxAcked,
                "run " + run + ": recovered through sequence " + restart.lastSequence + " but sequence " + maxAcked + " was acknowledged");

            final long[] maxAckedThisRun = {maxAcked};
            final Thread ackReader = new Thread(() -> readAcks(out, ackedSequenceByCorrelation, maxAckedThisRun));
            ackReader.start();
            final OutputStream in = node.getOutputStream();
            if (run == 0)
            {
                in.write("I\n".getBytes(StandardCharsets.US_ASCII));
            }
            final boolean last = run == KILLS;
            final long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(last ? 300 : 100 + random.nextInt(500));
            try
            {
                while (System.nanoTime() < killAt)
                {
                    final StringBuilder batch = new StringBuilder();
                    final int size = 1 + random.nextInt(200);
                    for (int i = 0; i < size; i++)
                    {
                        batch.append(nextCommand(random, correlation++)).append('\n');
                    }
                    in.write(batch.toString().getBytes(StandardCharsets.US_ASCII));
                    in.flush();
                    if (random.nextInt(4) == 0)
                    {
                        Thread.sleep(1); // now and then a quiet moment; otherwise the node is busy when it dies
                    }
                }
            }
            catch (final java.io.IOException ex)
            {
                // the node died under us: fine for a crash test, the checks below decide
            }
            if (last)
            {
                in.close(); // clean end of input: the node drains, acknowledges everything and exits
                assertTrue(node.waitFor(60, TimeUnit.SECONDS), "node exits on end of input");
            }
            else
            {
                node.destroyForcibly(); // SIGKILL
                node.waitFor(30, TimeUnit.SECONDS);
            }
            ackReader.join(TimeUnit.SECONDS.toMillis(30));
            maxAcked = maxAckedThisRun[0];
        }

        final Journaled journaled = readJournal(folder);
        System.out.printf("crash test: %d kills, %d commands acknowledged, %d records journaled, recovered sequences %s%n",
            KILLS, ackedSequenceByCorrelation.size(), journaled.correlationBySequence.size(),
            restarts.stream().map(r -> r.lastSequence + (r.snapshotSequence >= 0 ? " (snapshot " + r.snapshotSequence + ")" : "")).toList());
        // (a) every acknowledged command is journaled at its acknowledged sequence (so it is in every later recovered state)
        for (final Map.Entry<Long, Long> ack : ackedSequenceByCorrelation.entrySet())
        {
            assertEquals(ack.getKey(), journaled.correlationBySequence.get(ack.getValue()),
                "acknowledged correlation " + ack.getKey() + " at sequence " + ack.getValue());
        }
        assertTrue(ackedSequenceByCorrelation.size() > 1000, "acks: " + ackedSequenceByCorrelation.size());
        // (b) each recovered checksum equals a clean replay of the same journal to the same sequence
        for (final Restart restart : restarts)
        {
            assertEquals(cleanReplay(folder, restart.lastSequence).checksum(), restart.checksum,
                "recovered state at sequence " + restart.lastSequence);
        }
        final long fromSnapshots = restarts.stream().filter(r -> r.snapshotSequence >= 0).count();
        assertTrue(fromSnapshots >= KILLS / 2, "most restarts recover from a snapshot: " + fromSnapshots);
        // (c) nothing applied twice
        assertEquals(journaled.correlationBySequence.size(), journaled.distinctCorrelations, "each correlation id journaled once");
        final RiskEngine finalState = cleanReplay(folder, Long.MAX_VALUE);
        for (final Map.Entry<Long, Long> deposits : journaled.acceptedDepositsByAccount.entrySet())
        {
            final int slot = finalState.accounts().slotOf(deposits.getKey());
            assertEquals(deposits.getValue().longValue(), finalState.accounts().totalDeposited(slot), "deposits of account " + deposits.getKey());
        }
        assertEquals(journaled.correlationBySequence.size() - 1, finalState.lastSequence(), "sequences 0..n contiguous");
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(folder.resolve("snapshots")))
        {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".tmp")), "no unfinished snapshot left behind");
        }
    }

    private static String nextCommand(final Random random, final long correlation)
    {
        final int pick = random.nextInt(10);
        final long account = 1 + random.nextInt(40);
        if (pick < 4)
        {
            return "D " + correlation + " " + account + " " + (1 + random.nextInt(1_000)) * 1_000_000L;
        }
        if (pick < 8)
        {
            final long size = (random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(20)) * 100_000L;
            return "F " + correlation + " " + account + " " + size + " " + (40_000 + random.nextInt(200)) * 100_000_000L;
        }
        return "M " + correlation + " " + (39_000 + random.nextInt(2_000)) * 100_000_000L;
    }

    private static void readAcks(final BufferedReader out, final Map<Long, Long> acked, final long[] maxAcked)
    {
        try
        {
            for (String line = out.readLine(); line != null; line = out.readLine())
            {
                final String[] f = line.split(" ");
                if (f[0].equals("A"))
                {
                    final long sequence = Long.parseLong(f[2]);
                    acked.put(Long.parseLong(f[1]), sequence);
                    maxAcked[0] = Math.max(maxAcked[0], sequence);
                }
            }
        }
        catch (final java.io.IOException ex)
        {
            // the node was killed
        }
    }

    private Process startNode() throws java.io.IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java"));
        for (final String arg : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (arg.startsWith("--add-") || arg.startsWith("-Dchronicle"))
            {
                command.add(arg);
            }
        }
        command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
            CrashTestNode.class.getName(), folder.toString(), "20000"));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static final class Journaled implements RiskEventListener
    {
        final Map<Long, Long> correlationBySequence = new HashMap<>();
        final Map<Long, Long> acceptedDepositsByAccount = new HashMap<>();
        long distinctCorrelations;
        private long pendingDepositAccount;
        private long pendingDepositAmount;

        @Override
        public void onCommandResult(final CommandResult result)
        {
            if (result.commandType() == CommandType.DEPOSIT && result.rejectReason() == RejectReason.NONE)
            {
                acceptedDepositsByAccount.merge(pendingDepositAccount, pendingDepositAmount, Long::sum);
            }
        }
    }

    /** Read every journal record independently of recovery: correlations by sequence, accepted deposits per account. */
    private static Journaled readJournal(final Path folder)
    {
        final Journaled journaled = new Journaled();
        try (Journal journal = Journal.openForReading(folder); JournalReader reader = journal.reader(InstrumentAttachmentCodec.INSTANCE))
        {
            final RiskEngine engine = new RiskEngine(new EngineConfig());
            final CommandEvent event = new CommandEvent();
            final java.util.Set<Long> correlations = new java.util.HashSet<>();
            for (int status = reader.next(event); status != JournalReader.END; status = reader.next(event))
            {
                assertEquals(JournalRecord.OK, status, "record at " + JournalIndex.format(reader.index()));
                assertEquals(journaled.correlationBySequence.size(), event.sequence(), "contiguous sequences");
                journaled.correlationBySequence.put(event.sequence(), event.correlationId());
                correlations.add(event.correlationId());
                journaled.pendingDepositAccount = event.accountId();
                journaled.pendingDepositAmount = event.amount();
                engine.apply(event, journaled);
            }
            journaled.distinctCorrelations = correlations.size();
        }
        return journaled;
    }

    private static RiskEngine cleanReplay(final Path folder, final long toSequence)
    {
        try (Journal journal = Journal.openForReading(folder); JournalReader reader = journal.reader(InstrumentAttachmentCodec.INSTANCE))
        {
            final RiskEngine engine = new RiskEngine(new EngineConfig());
            final ReplayOutcome outcome = new Replayer().toSequence(toSequence).replay(reader, engine, -1);
            assertTrue(outcome.clean(), outcome.describe());
            return engine;
        }
    }
}
