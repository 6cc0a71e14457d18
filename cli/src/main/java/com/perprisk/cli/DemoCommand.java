package com.perprisk.cli;

import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.command.CommandType;
import com.perprisk.engine.instrument.Instrument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code perp-risk demo}: run the bundled scenario and tell its story. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Run the bundled demo scenario and narrate it.",
    sortOptions = false,
    description = {
        "Run the bundled demo scenario on the bundled instruments (BTC-PERP, ETH-PERP, SOL-PERP) and narrate it: " +
            "each command with its result, its key events indented (positions, account risk, margin alerts, " +
            "liquidation candidates, funding, insurance fund), and at the end each account's positions and totals.",
        "The story: deposits; a cross BTC long and an isolated ETH long with added margin; a pre-trade check " +
            "accepted and one rejected; a withdrawal rejected; mark ticks moving PnL; funding; a margin alert; a " +
            "liquidation candidate; an authorised liquidator's fill and the insurance fund update.",
        "Run 'perp-risk demo --print-scenario' to see the scenario itself, a good start for your own."})
public final class DemoCommand implements Callable<Integer>
{
    /** Classpath resource of the bundled demo scenario. */
    public static final String SCENARIO_RESOURCE = "/scenarios/demo.jsonl";

    @Spec
    CommandSpec spec;

    @Option(names = "--print-scenario",
        description = "Print the bundled scenario (JSON Lines) instead of running it.")
    boolean printScenario;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
        description = "Highlight alerts and liquidations with ANSI colours: auto (when writing to a terminal), always or never " +
            "(default: ${DEFAULT-VALUE}).")
    String color;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws IOException
    {
        final String scenario;
        try (BufferedReader reader = ScenarioFiles.openResource(SCENARIO_RESOURCE))
        {
            final StringBuilder text = new StringBuilder();
            for (String line = reader.readLine(); line != null; line = reader.readLine())
            {
                text.append(line).append('\n');
            }
            scenario = text.toString();
        }
        final PrintWriter out = spec.commandLine().getOut();
        if (printScenario)
        {
            out.print(scenario);
            out.flush();
            return 0;
        }

        final List<Instrument> instruments = InstrumentConfigLoader.loadResource(InstrumentConfigLoader.DEMO_RESOURCE);
        final TreeMap<Integer, String> captions = captions(scenario);
        final Set<Long> accounts = new LinkedHashSet<>();
        try (ScenarioRunner runner = engineOptions.startRunner())
        {
            runner.defineInstruments(instruments);
            final DemoNarrator narrator = new DemoNarrator(runner.instruments(), ansi());
            out.println("perp-risk demo: instruments " + describe(instruments));
            runner.run(new BufferedReader(new StringReader(scenario)), outcome ->
            {
                printCaptionsBefore(out, captions, outcome.line());
                narrator.narrate(outcome).forEach(out::println);
                for (final CommandEvent command : outcome.commands())
                {
                    if (command.type() == CommandType.DEPOSIT)
                    {
                        accounts.add(command.accountId());
                    }
                }
            });
            printCaptionsBefore(out, captions, Integer.MAX_VALUE);

            out.println();
            out.println("Accounts at the end of the demo");
            final long ts = runner.lastTimestampMillis() * ScenarioLineParser.NANOS_PER_MILLI;
            for (final long account : accounts)
            {
                final LineOutcome query = runner.execute(0, "query", new CommandEvent().queryAccount(ts, 0, account));
                out.println();
                out.print(AccountReport.from(account, query).toTable(runner.instruments()));
            }
        }
        out.flush();
        return 0;
    }

    private Ansi ansi()
    {
        switch (color.trim().toLowerCase(java.util.Locale.ROOT))
        {
            case "always":
                return Ansi.ON;
            case "never":
                return Ansi.OFF;
            case "auto":
                return Ansi.AUTO;
            default:
                throw new CliException(CliException.USAGE_OR_INPUT, "--color must be auto, always or never, was " + color);
        }
    }

    /** {@code #} comments of the demo scenario are its captions; {@code //} comments stay notes. */
    private static TreeMap<Integer, String> captions(final String scenario)
    {
        final TreeMap<Integer, String> captions = new TreeMap<>();
        final String[] lines = scenario.split("\n", -1);
        for (int i = 0; i < lines.length; i++)
        {
            final String line = lines[i].trim();
            if (line.startsWith("#"))
            {
                captions.put(i + 1, line.substring(1).trim());
            }
        }
        return captions;
    }

    private static void printCaptionsBefore(final PrintWriter out, final TreeMap<Integer, String> captions, final int line)
    {
        while (!captions.isEmpty() && captions.firstKey() < line)
        {
            final String caption = captions.pollFirstEntry().getValue();
            out.println();
            out.println(caption.isEmpty() ? "" : "== " + caption);
        }
    }

    private static String describe(final List<Instrument> instruments)
    {
        final List<String> names = new ArrayList<>();
        for (final Instrument instrument : instruments)
        {
            names.add(instrument.symbol() + " (id " + instrument.id() + ")");
        }
        return String.join(", ", names);
    }
}
