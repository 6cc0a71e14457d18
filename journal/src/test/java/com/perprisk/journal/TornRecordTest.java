package com.perprisk.journal;

import com.perprisk.engine.command.CommandEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A record torn by a crash mid-append (a real JVM halted inside a document) is not replayed, and the journal goes on after it. */
class TornRecordTest
{
    @TempDir
    Path folder;

    @Test
    void recoveryStopsAtTheLastCompleteRecordAndTheNextAppendContinuesTheJournal() throws Exception
    {
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java"));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(a -> a.startsWith("--add-") || a.startsWith("-Dchronicle")).forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), TornWriteNode.class.getName(), folder.toString(), "100"));
        final Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));

        final JournalSettings settings = JournalFixture.settings(folder);
        try (DurableEngine engine = JournalFixture.start(settings))
        {
            assertEquals(ReplayOutcome.Stop.END, engine.recovery().replay().stop(), engine.recovery().describe());
            assertEquals(100, engine.recovery().replay().applied(), "the 100 complete records, not the torn one");
            assertEquals(100, engine.recovery().nextSequence());
            engine.pipeline().publish(new CommandEvent().deposit(1, 1, 2, 5_000_000));
        }
        try (DurableEngine engine = JournalFixture.start(settings))
        {
            assertTrue(engine.recovery().replay().clean(), engine.recovery().describe());
            assertEquals(101, engine.recovery().replay().applied(), "the append after the torn record is there");
            engine.pipeline().close();
            assertEquals(100_000_000L, engine.engine().accounts().totalDeposited(engine.engine().accounts().slotOf(1)));
            assertEquals(5_000_000L, engine.engine().accounts().totalDeposited(engine.engine().accounts().slotOf(2)));
        }
    }
}
