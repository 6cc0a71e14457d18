package com.perprisk.cli;

import com.perprisk.engine.EngineConfig;
import com.perprisk.engine.RiskEngine;
import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.command.CommandType;
import com.perprisk.engine.command.RejectReason;
import com.perprisk.engine.instrument.Instrument;
import com.perprisk.engine.pipeline.InputJournal;
import com.perprisk.engine.pipeline.RiskPipeline;
import com.perprisk.engine.pipeline.WaitStrategyKind;
import com.perprisk.journal.ConsoleReplayProgress;
import com.perprisk.journal.DurableEngine;
import com.perprisk.journal.JournalException;
import com.perprisk.journal.JournalSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Drives a scenario through a real {@link RiskPipeline}: the main thread parses lines and publishes their
 * commands ahead of the business-logic thread, which turns the engine's events into {@link ResultFrame}s through a
 * {@link JsonEventWriter} and hands them back through a queue; the main thread pairs them with their lines (results
 * come back in publication order) and delivers each finished {@link LineOutcome} in line order.
 *
 * <p>Instrument definitions are a barrier: the runner waits for the engine's answer before reading on, so a later
 * line can name the new symbol. Not thread-safe: one main thread drives it.
 */
public final class ScenarioRunner implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(ScenarioRunner.class);
    /** Lines that may wait for their results before the reader stops to drain. */
    private static final int MAX_PENDING_LINES = 4096;
    private static final long RESULT_TIMEOUT_SECONDS = 30;

    private final RiskEngine engine;
    private final RiskPipeline pipeline;
    private final DurableEngine durable;
    private final BlockingQueue<ResultFrame> results;
    private final InstrumentRegistry instruments = new InstrumentRegistry();
    private final ScenarioLineParser parser = new ScenarioLineParser(instruments);
    private final ArrayDeque<Pending> ordered = new ArrayDeque<>();
    private final ArrayDeque<Pending> awaiting = new ArrayDeque<>();
    private int published;
    private boolean closed;

    private ScenarioRunner(final RiskEngine engine, final RiskPipeline pipeline, final DurableEngine durable, final BlockingQueue<ResultFrame> results)
    {
        this.engine = engine;
        this.pipeline = pipeline;
        this.durable = durable;
        this.results = results;
        for (int id = 1; id <= Instrument.MAX_ID; id++)
        {
            final Instrument instrument = engine.instrument(id);
            if (instrument != null)
            {
                instruments.register(instrument);
            }
        }
    }

    /**
     * Start a fresh engine and its pipeline thread.
     *
     * @param config   engine settings.
     * @param wait     wait strategy of the business-logic thread.
     * @param ringSize ring slots, a power of two.
     * @return the running runner.
     */
    public static ScenarioRunner start(final EngineConfig config, final WaitStrategyKind wait, final int ringSize)
    {
        return over(new RiskEngine(config), wait, ringSize);
    }

    /**
     * Run scenarios on top of an existing engine (e.g. one rebuilt from a journal), continuing its sequence; nothing is journaled.
     *
     * @param engine   the engine; it belongs to the runner's business-logic thread from now on.
     * @param wait     wait strategy of the business-logic thread.
     * @param ringSize ring slots, a power of two.
     * @return the running runner.
     */
    public static ScenarioRunner over(final RiskEngine engine, final WaitStrategyKind wait, final int ringSize)
    {
        final BlockingQueue<ResultFrame> results = new LinkedBlockingQueue<>();
        final RiskPipeline pipeline = new RiskPipeline(engine, writer(engine, results), ringSize, wait, InputJournal.NONE,
            engine.lastSequence() + 1);
        pipeline.start();
        return new ScenarioRunner(engine, pipeline, null, results);
    }

    /**
     * Recover an engine from a journal folder and run scenarios on it, journaling every input.
     *
     * @param journal  the journal folder and its settings.
     * @param config   engine settings.
     * @param wait     wait strategy of the business-logic thread.
     * @param ringSize ring slots, a power of two.
     * @return the running runner.
     * @throws CliException (exit code 2) if the journal cannot be opened or trusted.
     */
    public static ScenarioRunner journaled(final JournalSettings journal, final EngineConfig config, final WaitStrategyKind wait, final int ringSize)
    {
        final BlockingQueue<ResultFrame> results = new LinkedBlockingQueue<>();
        final DurableEngine durable;
        try
        {
            durable = DurableEngine.start(journal, config, engine -> writer(engine, results), ringSize, wait,
                ConsoleReplayProgress.forThisProcess());
        }
        catch (final JournalException e)
        {
            throw new CliException(CliException.USAGE_OR_INPUT, e.getMessage());
        }
        LOG.info("journal {}: {}", journal.folder(), durable.recovery().replay().describe());
        return new ScenarioRunner(durable.engine(), durable.pipeline(), durable, results);
    }

    /** The writer runs on the business-logic thread, the only thread that may read the engine. */
    private static JsonEventWriter writer(final RiskEngine engine, final BlockingQueue<ResultFrame> results)
    {
        return new JsonEventWriter(id ->
        {
            final Instrument instrument = engine.instrument(id);
            return instrument == null ? null : instrument.symbol();
        }, results::add);
    }

    /** @return the instruments the engine accepted so far (main thread view). */
    public InstrumentRegistry instruments()
    {
        return instruments;
    }

    /** @return time of the last valid scenario line, epoch milliseconds. */
    public long lastTimestampMillis()
    {
        return parser.lastTimestampMillis();
    }

    /**
     * Define configured instruments before the scenario; their results are not reported.
     *
     * @param definitions instruments, in order.
     * @throws CliException (exit code 2) if the engine rejects one.
     */
    public void defineInstruments(final List<Instrument> definitions)
    {
        int corr = 0;
        for (final Instrument instrument : definitions)
        {
            final Instrument known = instruments.byId(instrument.id());
            if (known != null)
            {
                if (!known.symbol().equals(instrument.symbol()))
                {
                    throw new CliException(CliException.USAGE_OR_INPUT, "instruments config: id " + instrument.id() + " is " + instrument.symbol()
                        + " in the config but " + known.symbol() + " in the engine's state (journal)");
                }
                continue; // already defined in the recovered state
            }
            final LineOutcome outcome = execute(0, "instrument", new CommandEvent().defineInstrument(0, --corr, instrument.id(), instrument));
            if (!outcome.status().equals(LineOutcome.ACCEPTED))
            {
                throw new CliException(CliException.USAGE_OR_INPUT, "instruments config: the engine rejected " + instrument.symbol() +
                    " (id " + instrument.id() + "): " + RejectReason.name(outcome.reason()));
            }
        }
        LOG.debug("defined {} instruments: {}", definitions.size(), instruments.symbols());
    }

    /**
     * Run every line of a scenario; the sink receives one outcome per non-blank, non-comment line, in line order.
     *
     * @param reader the scenario.
     * @param sink   receives outcomes on the calling thread.
     * @return counts of the run.
     * @throws IOException if reading fails.
     */
    public Summary run(final BufferedReader reader, final Consumer<LineOutcome> sink) throws IOException
    {
        final long start = System.nanoTime();
        final Summary summary = new Summary();
        final Consumer<LineOutcome> counting = outcome ->
        {
            summary.count(outcome);
            sink.accept(outcome);
        };
        int lineNumber = 0;
        for (String text = reader.readLine(); text != null; text = reader.readLine())
        {
            lineNumber++;
            final ParsedLine parsed = parser.parse(lineNumber, text);
            if (parsed instanceof ParsedLine.Skip)
            {
                continue;
            }
            if (parsed instanceof ScenarioError)
            {
                ordered.add(new Pending(LineOutcome.invalid((ScenarioError)parsed)));
            }
            else
            {
                final ParsedLine.Commands line = (ParsedLine.Commands)parsed;
                publish(line);
                if (isInstrumentDefinition(line))
                {
                    drain(0, counting); // barrier: later lines may name the new symbol
                }
            }
            collectAvailable();
            deliverFinished(counting);
            if (ordered.size() > MAX_PENDING_LINES)
            {
                drain(MAX_PENDING_LINES / 2, counting);
            }
        }
        drain(0, counting);
        LOG.info("{} lines: {} accepted, {} rejected, {} invalid in {} ms", lineNumber, summary.accepted, summary.rejected,
            summary.invalid, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        return summary;
    }

    /**
     * Publish commands outside any scenario and wait for their outcome (e.g. the final account query).
     *
     * @param line     line number to report.
     * @param cmd      command name to report.
     * @param commands commands to publish, in order.
     * @return their outcome.
     */
    public LineOutcome execute(final int line, final String cmd, final CommandEvent... commands)
    {
        final List<LineOutcome> outcome = new ArrayList<>(1);
        final ParsedLine.Commands parsed = new ParsedLine.Commands(line, cmd, List.of(commands));
        publish(parsed);
        drain(0, outcome::add);
        return outcome.get(outcome.size() - 1);
    }

    private void publish(final ParsedLine.Commands line)
    {
        final Pending pending = new Pending(line);
        ordered.add(pending);
        awaiting.add(pending);
        for (final CommandEvent command : line.commands())
        {
            if (pipeline.publish(command) < 0)
            {
                throw journalFailed();
            }
            published++;
        }
    }

    /** @return the error for a pipeline that stopped accepting input because its journal failed */
    static CliException journalFailed()
    {
        return new CliException(CliException.FAILED, "the journal failed (see the log): the engine accepts no more commands; "
            + "a restart recovers everything journaled so far");
    }

    private static boolean isInstrumentDefinition(final ParsedLine.Commands line)
    {
        return line.commands().get(0).type() == CommandType.DEFINE_INSTRUMENT;
    }

    private void collectAvailable()
    {
        for (ResultFrame frame = results.poll(); frame != null; frame = results.poll())
        {
            accept(frame);
        }
    }

    /** Block until at most {@code maxPending} lines are left undelivered, delivering in order. */
    private void drain(final int maxPending, final Consumer<LineOutcome> sink)
    {
        collectAvailable();
        deliverFinished(sink);
        while (ordered.size() > maxPending)
        {
            final ResultFrame frame;
            try
            {
                frame = results.poll(RESULT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the engine", e);
            }
            if (frame == null)
            {
                throw new IllegalStateException("the engine produced no result within " + RESULT_TIMEOUT_SECONDS +
                    " s (line " + ordered.peekFirst().lineNumber() + "); is the business-logic thread alive?");
            }
            accept(frame);
            deliverFinished(sink);
        }
    }

    private void accept(final ResultFrame frame)
    {
        final Pending pending = awaiting.peekFirst();
        if (pending == null)
        {
            throw new IllegalStateException("the engine produced a result nobody asked for: " + frame.result());
        }
        pending.frames.add(frame);
        if (pending.isComplete())
        {
            awaiting.pollFirst();
            if (isInstrumentDefinition(pending.line) && frame.accepted())
            {
                instruments.register((Instrument)pending.line.commands().get(0).attachment());
            }
        }
    }

    private void deliverFinished(final Consumer<LineOutcome> sink)
    {
        while (!ordered.isEmpty() && ordered.peekFirst().isComplete())
        {
            sink.accept(ordered.pollFirst().outcome());
        }
    }

    /** Wait for everything published to be processed, then stop the business-logic thread. Idempotent. */
    @Override
    public void close()
    {
        if (!closed)
        {
            closed = true;
            if (durable != null)
            {
                durable.close();
            }
            else
            {
                pipeline.close();
            }
            LOG.debug("published {} commands, engine checksum {}", published, Long.toHexString(engine.checksum()));
        }
    }

    /** A line waiting for its results. */
    private static final class Pending
    {
        final ParsedLine.Commands line;
        final LineOutcome invalid;
        final List<ResultFrame> frames = new ArrayList<>(2);

        Pending(final ParsedLine.Commands line)
        {
            this.line = line;
            this.invalid = null;
        }

        Pending(final LineOutcome invalid)
        {
            this.line = null;
            this.invalid = invalid;
        }

        int lineNumber()
        {
            return line != null ? line.line() : invalid.line();
        }

        boolean isComplete()
        {
            return line == null || frames.size() == line.commands().size();
        }

        LineOutcome outcome()
        {
            return line == null ? invalid : new LineOutcome(line.line(), line.cmd(), line.commands(), List.copyOf(frames), null);
        }
    }

    /** Counts of a run by status. */
    public static final class Summary
    {
        private int accepted;
        private int rejected;
        private int invalid;

        void count(final LineOutcome outcome)
        {
            switch (outcome.status())
            {
                case LineOutcome.ACCEPTED -> accepted++;
                case LineOutcome.REJECTED -> rejected++;
                default -> invalid++;
            }
        }

        /** @return lines whose (last) command was accepted. */
        public int accepted()
        {
            return accepted;
        }

        /** @return lines whose (last) command was rejected. */
        public int rejected()
        {
            return rejected;
        }

        /** @return lines that never reached the engine. */
        public int invalid()
        {
            return invalid;
        }
    }
}
