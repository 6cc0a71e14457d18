package com.perprisk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.perprisk.engine.command.CommandEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code perp-risk query}: replay a scenario silently, then show one account's positions and risk. */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Replay a scenario, then show one account's positions and margin.",
    sortOptions = false,
    description = {
        "Replay a scenario silently, then ask the engine for one account (a QUERY_ACCOUNT command) and print its " +
            "positions (instrument, mode, size, entry, mark, unrealized PnL, initial and maintenance requirement, " +
            "liquidation price, isolated margin) and totals (collateral, equity, margins, margin ratio, free collateral).",
        "Exit code 0 on success, 1 if the engine rejects the query (e.g. UNKNOWN_ACCOUNT), 2 for an unreadable " +
            "file or a bad config."},
    footer = {"", "Examples:", "  perp-risk query day1.jsonl --account 1", "  perp-risk query day1.jsonl --account 1 --json"})
public final class QueryCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE",
        description = "Scenario file in JSON Lines to replay first; '-' reads standard input.")
    Path file;

    @Option(names = {"-a", "--account"}, paramLabel = "ID", required = true,
        description = "Account to report.")
    long account;

    @Option(names = "--json",
        description = "Print one JSON object {\"account\", \"positions\", \"totals\"} with the engine's exact numbers instead of the table.")
    boolean json;

    @Mixin
    InstrumentOptions instrumentOptions;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws JsonProcessingException
    {
        final var instruments = instrumentOptions.load();
        final AccountReport report;
        final InstrumentRegistry registry;
        try (BufferedReader reader = ScenarioFiles.open(file);
            ScenarioRunner runner = engineOptions.startRunner())
        {
            runner.defineInstruments(instruments);
            final ScenarioRunner.Summary summary;
            try
            {
                summary = runner.run(reader, outcome -> { });
            }
            catch (final IOException e)
            {
                throw ScenarioFiles.readFailure(file, e);
            }
            if (summary.invalid() > 0)
            {
                spec.commandLine().getErr().println("perp-risk: warning: " + summary.invalid() + " invalid line(s) in " + file +
                    " were skipped; run 'perp-risk scenario " + file + "' to see them");
            }
            final long ts = runner.lastTimestampMillis() * ScenarioLineParser.NANOS_PER_MILLI;
            final LineOutcome outcome = runner.execute(0, "query", new CommandEvent().queryAccount(ts, 0, account));
            report = AccountReport.from(account, outcome);
            registry = runner.instruments();
        }
        catch (final IOException e)
        {
            throw ScenarioFiles.readFailure(file, e);
        }
        final PrintWriter out = spec.commandLine().getOut();
        if (json)
        {
            out.println(JsonFields.MAPPER.writeValueAsString(report.toJson()));
        }
        else
        {
            out.print(report.toTable(registry));
        }
        out.flush();
        return 0;
    }
}
