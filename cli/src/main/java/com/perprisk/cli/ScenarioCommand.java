package com.perprisk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code perp-risk scenario}: replay a JSON Lines scenario and write one JSON result line per input line. */
@Command(
    name = "scenario",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Replay a JSON Lines scenario and print one JSON result line per input line.",
    sortOptions = false,
    description = {
        "Replay a JSON Lines scenario through the engine and write one JSON line per scenario line: its status " +
            "(ACCEPTED, REJECTED with a reason, or INVALID with an error naming the line and field), the engine's " +
            "result(s) and every event it produced.",
        "Instruments from the config are defined first (not reported); scenario 'instrument' lines may add more.",
        "Exit code 0 when the file was processed (rejections and invalid lines are normal output), 2 when the file " +
            "or the instruments config cannot be read or is invalid."},
    footer = {"", "Scenario format: docs/SCENARIO-FORMAT.md. Examples:",
        "  perp-risk scenario day1.jsonl",
        "  perp-risk scenario day1.jsonl --instruments prod.json -o day1.out.jsonl",
        "  perp-risk scenario day1.jsonl --journal /var/lib/perp-risk   (recover, then journal every input)"})
public final class ScenarioCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE",
        description = "Scenario file in JSON Lines, one command object per line; '-' reads standard input.")
    Path file;

    @Mixin
    InstrumentOptions instrumentOptions;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
        description = "Write the result lines to this file instead of standard output (created or replaced).")
    Path output;

    @Mixin
    EngineOptions engineOptions;

    @Mixin
    JournalOptions journalOptions;

    @Override
    public Integer call()
    {
        final var instruments = instrumentOptions.load();
        try (BufferedReader reader = ScenarioFiles.open(file);
            Writer out = openOutput();
            ScenarioRunner runner = engineOptions.startRunner(journalOptions.settings()))
        {
            runner.defineInstruments(instruments);
            try
            {
                runner.run(reader, outcome -> writeLine(out, outcome));
            }
            catch (final IOException e)
            {
                throw ScenarioFiles.readFailure(file, e);
            }
            out.flush();
        }
        catch (final UncheckedIOException e)
        {
            throw new CliException(CliException.USAGE_OR_INPUT, "cannot write " + (output == null ? "standard output" : output) + ": " + e.getCause());
        }
        catch (final IOException e)
        {
            throw new CliException(CliException.USAGE_OR_INPUT, "cannot write " + (output == null ? "standard output" : output) + ": " + e);
        }
        return 0;
    }

    private Writer openOutput()
    {
        if (output == null)
        {
            return new NonClosingWriter(spec.commandLine().getOut());
        }
        try
        {
            return new BufferedWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8));
        }
        catch (final IOException e)
        {
            throw new CliException(CliException.USAGE_OR_INPUT, "cannot write " + output + ": " + e);
        }
    }

    private static void writeLine(final Writer out, final LineOutcome outcome)
    {
        try
        {
            out.write(JsonFields.MAPPER.writeValueAsString(outcome.toJson()));
            out.write('\n');
        }
        catch (final JsonProcessingException e)
        {
            throw new IllegalStateException(e);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    /** Standard output must be flushed, not closed, when the command ends. */
    private static final class NonClosingWriter extends java.io.FilterWriter
    {
        NonClosingWriter(final Writer out)
        {
            super(out);
        }

        @Override
        public void close() throws IOException
        {
            flush();
        }
    }
}
