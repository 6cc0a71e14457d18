package com.perprisk.journal;

import com.perprisk.engine.EngineConfig;
import com.perprisk.engine.RandomCommandStream;
import com.perprisk.engine.RiskEngine;
import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.event.RiskEventListener;
import com.perprisk.engine.pipeline.WaitStrategyKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Test helpers: a random command stream recorded as it is published, and a direct reference engine fed the same inputs. */
final class JournalFixture
{
    final List<CommandEvent> published = new ArrayList<>();
    private final RandomCommandStream stream;
    private final CommandEvent scratch = new CommandEvent();

    JournalFixture(final long seed)
    {
        stream = new RandomCommandStream(seed, 12);
    }

    static JournalSettings settings(final Path folder)
    {
        return new JournalSettings(folder).minFreeBytes(0).snapshotEveryRecords(0);
    }

    static DurableEngine start(final JournalSettings settings)
    {
        return DurableEngine.start(settings, new EngineConfig(), engine -> RiskEventListener.NO_OP, 1024, WaitStrategyKind.BLOCKING,
            ReplayProgress.SILENT);
    }

    /** Publish the stream's set-up commands (instruments, liquidator). */
    void setUp(final DurableEngine engine)
    {
        stream.setUp(scratch, null, c -> publish(engine, c));
    }

    /** Publish {@code n} more random commands. */
    void publish(final DurableEngine engine, final int n)
    {
        for (int i = 0; i < n; i++)
        {
            stream.next(scratch, null);
            publish(engine, scratch);
        }
    }

    void publish(final DurableEngine engine, final CommandEvent command)
    {
        final long sequence = engine.pipeline().publish(command);
        final CommandEvent copy = new CommandEvent().copyFrom(command);
        copy.sequence(sequence);
        published.add(copy);
    }

    /** @return an engine that applied every published input directly, without ring or journal */
    RiskEngine reference()
    {
        final RiskEngine engine = new RiskEngine(new EngineConfig());
        for (final CommandEvent c : published)
        {
            engine.apply(c, RiskEventListener.NO_OP);
        }
        return engine;
    }

    static void deleteRecursively(final Path folder) throws IOException
    {
        if (!Files.exists(folder))
        {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder))
        {
            for (final Path p : (Iterable<Path>)walk.sorted(Comparator.reverseOrder())::iterator)
            {
                Files.deleteIfExists(p);
            }
        }
    }

    /** @return the queue's cycle files */
    static List<Path> cycleFiles(final JournalSettings settings) throws IOException
    {
        try (Stream<Path> files = Files.list(settings.queueFolder()))
        {
            return files.filter(p -> p.toString().endsWith(".cq4")).sorted().toList();
        }
    }
}
