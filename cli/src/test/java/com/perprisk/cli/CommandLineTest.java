package com.perprisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Behaviour of the command line that does not depend on the engine's risk numbers. */
class CommandLineTest
{
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"scenario", "query", "demo"})
    void everySubcommandHasHelpDescribingEveryOption(final String name)
    {
        final Cli cli = Cli.run(name, "--help");
        assertEquals(0, cli.exitCode, cli.toString());
        assertTrue(cli.out.contains("Usage: perp-risk " + name), cli.out);

        final CommandLine sub = PerpRiskCli.commandLine().getSubcommands().get(name);
        for (final OptionSpec option : sub.getCommandSpec().options())
        {
            assertTrue(option.description().length > 0 && !option.description()[0].isBlank(), name + " " + option.longestName() + " has no description");
            assertTrue(cli.out.contains(option.longestName()), name + " help lacks " + option.longestName());
        }
        for (final PositionalParamSpec parameter : sub.getCommandSpec().positionalParameters())
        {
            assertTrue(parameter.description().length > 0, name + " " + parameter.paramLabel() + " has no description");
        }
    }

    @Test
    void scenarioHelpListsTheSharedOptions()
    {
        final String help = Cli.run("scenario", "--help").out;
        for (final String option : new String[] {"--instruments", "--detection", "--wait-strategy", "--output", "indexed, full-scan",
            "blocking, sleeping, yielding, busy-spin"})
        {
            assertTrue(help.contains(option), option);
        }
    }

    @Test
    void topLevelHelpAndVersion()
    {
        final Cli help = Cli.run("--help");
        assertEquals(0, help.exitCode);
        assertTrue(help.out.contains("scenario") && help.out.contains("query") && help.out.contains("demo"), help.out);
        final Cli version = Cli.run("--version");
        assertEquals(0, version.exitCode);
        assertTrue(version.out.startsWith("perp-risk "), version.out);
    }

    @Test
    void noSubcommandIsAUsageError()
    {
        final Cli cli = Cli.run();
        assertEquals(2, cli.exitCode);
        assertTrue(cli.err.contains("Missing required subcommand"), cli.err);
    }

    @Test
    void missingScenarioFileIsExitCodeTwoWithoutStackTrace()
    {
        final Cli cli = Cli.run("scenario", dir.resolve("missing.jsonl").toString());
        assertEquals(2, cli.exitCode, cli.toString());
        assertTrue(cli.err.startsWith("perp-risk scenario: cannot read scenario "), cli.err);
        assertTrue(cli.err.contains("no such file"), cli.err);
        assertFalse(cli.err.contains("\tat "), "no stack trace: " + cli.err);
        assertEquals("", cli.out);
    }

    @Test
    void directoryAsScenarioIsExitCodeTwo()
    {
        final Cli cli = Cli.run("scenario", dir.toString());
        assertEquals(2, cli.exitCode, cli.toString());
        assertTrue(cli.err.contains("is a directory"), cli.err);
    }

    @Test
    void badInstrumentsConfigIsExitCodeTwo() throws IOException
    {
        final Path scenario = Files.writeString(dir.resolve("s.jsonl"), "{\"cmd\":\"deposit\",\"account\":1,\"amount\":\"1\"}\n");
        final Path config = Files.writeString(dir.resolve("bad.json"), "[{\"id\":1,\"priceDecimals\":1,\"sizeDecimals\":3,\"tiers\":[]}]");
        final Cli cli = Cli.run("scenario", scenario.toString(), "--instruments", config.toString());
        assertEquals(2, cli.exitCode, cli.toString());
        assertTrue(cli.err.contains("bad.json: instrument #1: field 'symbol': missing"), cli.err);
        assertFalse(cli.err.contains("\tat "), cli.err);

        final Cli missing = Cli.run("scenario", scenario.toString(), "--instruments", dir.resolve("none.json").toString());
        assertEquals(2, missing.exitCode, missing.toString());
        assertTrue(missing.err.contains("none.json: no such file"), missing.err);
    }

    @Test
    void badOptionValuesAreUsageErrors() throws IOException
    {
        final Path scenario = Files.writeString(dir.resolve("s.jsonl"), "\n");
        assertEquals(2, Cli.run("scenario", scenario.toString(), "--detection", "sometimes").exitCode);
        assertEquals(2, Cli.run("scenario", scenario.toString(), "--wait-strategy", "nap").exitCode);
        final Cli ring = Cli.run("scenario", scenario.toString(), "--ring-size", "1000");
        assertEquals(2, ring.exitCode);
        assertTrue(ring.err.contains("--ring-size must be a power of two"), ring.err);
        assertEquals(2, Cli.run("scenario", scenario.toString(), "--margin-alert-ratio", "0.123456789").exitCode);
        final Cli low = Cli.run("scenario", scenario.toString(), "--margin-alert-ratio", "0.3");
        assertEquals(2, low.exitCode, low.toString());
        assertTrue(low.err.contains("--margin-alert-ratio must be in [0.5, 1], was 0.3"), low.err);
        assertEquals(2, Cli.run("query", scenario.toString()).exitCode, "--account is required");
    }

    @Test
    void spelledOptionValuesAreAccepted() throws IOException
    {
        final Path scenario = Files.writeString(dir.resolve("s.jsonl"), "# nothing\n");
        for (final String detection : new String[] {"indexed", "full-scan", "FULL_SCAN"})
        {
            for (final String wait : new String[] {"blocking", "sleeping", "yielding", "busy-spin"})
            {
                final Cli cli = Cli.run("scenario", scenario.toString(), "--detection", detection, "--wait-strategy", wait);
                assertEquals(0, cli.exitCode, detection + " " + wait + ": " + cli);
            }
        }
    }

    @Test
    void invalidLinesAreReportedInOrderAndTheRunGoesOn() throws Exception
    {
        final Path scenario = Files.writeString(dir.resolve("s.jsonl"), String.join("\n",
            "# comment",
            "{\"cmd\":\"deposit\",\"account\":1,\"amount\":\"10000\"}",
            "",
            "{\"cmd\":\"fill\",\"account\":1,\"instrument\":\"BTC-PERP\",\"size\":\"0.5\",\"price\":\"42000.000000001\"}",
            "// note",
            "{\"cmd\":\"deposit\",\"account\":1,\"amount\":\"5\"",
            "{\"cmd\":\"fly\"}",
            "{\"cmd\":\"mark\",\"instrument\":\"DOGE-PERP\",\"price\":\"1\"}",
            "{\"cmd\":\"funding\",\"instrument\":\"BTC-PERP\",\"rate\":\"0.0001\",\"mark\":\"42500\"}",
            "{\"cmd\":\"query\",\"account\":1,\"id\":99}",
            ""));
        final Cli cli = Cli.run("scenario", scenario.toString());
        assertEquals(0, cli.exitCode, cli.toString());
        final String[] lines = cli.outLines();
        assertEquals(7, lines.length, cli.out);

        final JsonNode deposit = JsonFields.MAPPER.readTree(lines[0]);
        assertEquals(2, deposit.get("line").asInt());
        assertEquals("deposit", deposit.get("cmd").asText());
        assertEquals("DEPOSIT", deposit.get("results").get(0).get("command").asText());
        assertTrue(deposit.get("events").isArray());

        assertInvalid(lines[1], 4, "line 4: field 'price': ");
        assertInvalid(lines[2], 6, "line 6: invalid JSON: ");
        assertInvalid(lines[3], 7, "line 7: field 'cmd': unknown command 'fly'");
        assertInvalid(lines[4], 8, "line 8: field 'instrument': unknown instrument 'DOGE-PERP'");

        final JsonNode funding = JsonFields.MAPPER.readTree(lines[5]);
        assertEquals(9, funding.get("line").asInt());
        assertEquals("funding", funding.get("cmd").asText());
        assertEquals(2, funding.get("results").size(), "mark and funding results on one line");
        assertEquals("MARK_PRICE", funding.get("results").get(0).get("command").asText());
        assertEquals("FUNDING_RATE", funding.get("results").get(1).get("command").asText());

        final JsonNode query = JsonFields.MAPPER.readTree(lines[6]);
        assertEquals(10, query.get("line").asInt());
        assertEquals(99, query.get("results").get(0).get("correlationId").asLong());
        for (final JsonNode line : new JsonNode[] {deposit, funding, query})
        {
            final String status = line.get("status").asText();
            assertTrue(status.equals("ACCEPTED") || status.equals("REJECTED"), status);
            assertEquals(status.equals("REJECTED"), line.has("reason"));
        }
    }

    @Test
    void scenarioInstrumentLineMakesItsSymbolUsableOnLaterLines() throws Exception
    {
        final Path scenario = Files.writeString(dir.resolve("s.jsonl"), String.join("\n",
            "{\"cmd\":\"mark\",\"instrument\":\"DOGE-PERP\",\"price\":\"0.1\"}",
            "{\"cmd\":\"instrument\",\"id\":4,\"symbol\":\"DOGE-PERP\",\"priceDecimals\":5,\"sizeDecimals\":0,\"tiers\":[{\"floor\":\"0\",\"maxLeverage\":50}]}",
            "{\"cmd\":\"mark\",\"instrument\":\"DOGE-PERP\",\"price\":\"0.1\"}",
            ""));
        final String[] lines = Cli.run("scenario", scenario.toString()).outLines();
        assertEquals(3, lines.length);
        assertEquals("INVALID", JsonFields.MAPPER.readTree(lines[0]).get("status").asText());
        final JsonNode define = JsonFields.MAPPER.readTree(lines[1]);
        assertEquals("ACCEPTED", define.get("status").asText(), lines[1]);
        assertEquals("DEFINE_INSTRUMENT", define.get("results").get(0).get("command").asText());
        final JsonNode mark = JsonFields.MAPPER.readTree(lines[2]);
        assertEquals("mark", mark.get("cmd").asText(), lines[2]);
    }

    @Test
    void outputOptionWritesTheFile() throws Exception
    {
        final Path scenario = Files.writeString(dir.resolve("s.jsonl"), "{\"cmd\":\"deposit\",\"account\":1,\"amount\":\"1\"}\nnope\n");
        final Path output = dir.resolve("out.jsonl");
        final Cli cli = Cli.run("scenario", scenario.toString(), "--output", output.toString());
        assertEquals(0, cli.exitCode, cli.toString());
        assertEquals("", cli.out);
        final var lines = Files.readAllLines(output);
        assertEquals(2, lines.size());
        assertEquals("INVALID", JsonFields.MAPPER.readTree(lines.get(1)).get("status").asText());
    }

    @Test
    void demoPrintsItsScenario()
    {
        final Cli cli = Cli.run("demo", "--print-scenario");
        assertEquals(0, cli.exitCode);
        assertTrue(cli.out.contains("{\"cmd\":\"deposit\""), cli.out);
    }

    private static void assertInvalid(final String json, final int line, final String errorStart) throws IOException
    {
        final JsonNode node = JsonFields.MAPPER.readTree(json);
        assertEquals(line, node.get("line").asInt(), json);
        assertEquals("INVALID", node.get("status").asText(), json);
        assertTrue(node.get("error").asText().startsWith(errorStart), json);
        assertEquals(3, node.size(), "line, status, error only: " + json);
    }
}
