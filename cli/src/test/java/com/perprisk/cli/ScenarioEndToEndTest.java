package com.perprisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scenario, query and demo commands against the real engine, on the product brief's example: a 0.5 BTC long
 * entered at 42000 and marked at 42500 has an unrealized PnL of exactly 250 USDC.
 */
@Tag("engine")
class ScenarioEndToEndTest
{
    private static final String SCENARIO = String.join("\n",
        "# the brief's PnL example",
        "{\"cmd\":\"deposit\",\"ts\":1700000000000,\"account\":1,\"amount\":\"10000\"}",
        "{\"cmd\":\"mark\",\"instrument\":\"BTC-PERP\",\"price\":\"42000\"}",
        "{\"cmd\":\"leverage\",\"account\":1,\"instrument\":\"BTC-PERP\",\"leverage\":10}",
        "{\"cmd\":\"fill\",\"account\":1,\"instrument\":\"BTC-PERP\",\"size\":\"0.5\",\"price\":\"42000\",\"fee\":\"2.1\"}",
        "{\"cmd\":\"mark\",\"instrument\":\"BTC-PERP\",\"price\":\"42500\"}",
        "{\"cmd\":\"query\",\"account\":1}",
        "{\"cmd\":\"pretrade\",\"account\":1,\"instrument\":\"BTC-PERP\",\"size\":\"5\",\"price\":\"42500\"}",
        "{\"cmd\":\"withdraw\",\"account\":77,\"amount\":\"1\"}",
        "{\"cmd\":\"deposit\",\"account\":1,\"amount\":\"0.0000001\"}",
        "");

    @TempDir
    Path dir;

    private Path scenario() throws IOException
    {
        return Files.writeString(dir.resolve("brief.jsonl"), SCENARIO);
    }

    @Test
    void scenarioReportsTheBriefsNumbers() throws Exception
    {
        final Cli cli = Cli.run("scenario", scenario().toString());
        assertEquals(0, cli.exitCode, cli.toString());
        final String[] lines = cli.outLines();
        assertEquals(9, lines.length, cli.out);

        final JsonNode fill = JsonFields.MAPPER.readTree(lines[3]);
        assertEquals(5, fill.get("line").asInt());
        assertEquals("ACCEPTED", fill.get("status").asText(), lines[3]);
        final JsonNode opened = event(fill, "position");
        assertEquals("OPENED", opened.get("change").asText());
        assertEquals("CROSS", opened.get("mode").asText());
        assertEquals(10, opened.get("leverage").asInt());
        assertEquals("0.5", opened.get("size").asText());
        assertEquals("42000", opened.get("entryPrice").asText());
        assertEquals("21000", opened.get("notional").asText());
        assertEquals("0", opened.get("unrealizedPnl").asText());
        assertEquals("2.1", opened.get("fee").asText());
        assertEquals("2100", opened.get("initialMargin").asText(), "21000 / 10x");
        assertEquals("84", opened.get("maintenanceMargin").asText(), "21000 * 0.4%");
        assertEquals("9997.9", event(fill, "account").get("collateral").asText());

        final JsonNode query = JsonFields.MAPPER.readTree(lines[5]);
        assertEquals("ACCEPTED", query.get("status").asText(), lines[5]);
        final JsonNode position = event(query, "position");
        assertEquals("42500", position.get("markPrice").asText());
        assertEquals("21250", position.get("notional").asText());
        assertEquals("250", position.get("unrealizedPnl").asText(), "0.5 * (42500 - 42000)");
        final JsonNode account = event(query, "account");
        assertEquals("250", account.get("unrealizedPnl").asText());
        assertEquals("10247.9", account.get("equity").asText());
        assertEquals("85", account.get("maintenanceMargin").asText(), "21250 * 0.4%");

        final JsonNode pretrade = JsonFields.MAPPER.readTree(lines[6]);
        assertEquals("REJECTED", pretrade.get("status").asText(), lines[6]);
        assertEquals("INSUFFICIENT_MARGIN", pretrade.get("reason").asText(), "5.5 BTC at 10x needs 23375 USDC of initial margin");
        assertEquals("INSUFFICIENT_MARGIN", pretrade.get("results").get(0).get("reason").asText());

        final JsonNode withdraw = JsonFields.MAPPER.readTree(lines[7]);
        assertEquals("REJECTED", withdraw.get("status").asText());
        assertEquals("UNKNOWN_ACCOUNT", withdraw.get("reason").asText());

        final JsonNode invalid = JsonFields.MAPPER.readTree(lines[8]);
        assertEquals("INVALID", invalid.get("status").asText());
        assertTrue(invalid.get("error").asText().startsWith("line 10: field 'amount': "), lines[8]);
    }

    @Test
    void queryPrintsTheAccount() throws Exception
    {
        final Cli table = Cli.run("query", scenario().toString(), "--account", "1");
        assertEquals(0, table.exitCode, table.toString());
        assertTrue(table.out.startsWith("Account 1\n"), table.out);
        assertTrue(table.out.contains("BTC-PERP"), table.out);
        assertTrue(table.out.contains("+0.500"), table.out);
        assertTrue(table.out.contains("42500.0"), table.out);
        assertTrue(table.out.contains("250.00"), table.out);
        assertTrue(table.out.matches("(?s).*Equity \\(cross\\)\\s+10247\\.90\n.*"), table.out);
        assertTrue(table.err.contains("warning: 1 invalid line(s)"), "invalid lines are counted on stderr: " + table.err);

        final Cli json = Cli.run("query", scenario().toString(), "--account", "1", "--json");
        assertEquals(0, json.exitCode, json.toString());
        final JsonNode report = JsonFields.MAPPER.readTree(json.out);
        assertEquals(1, report.get("account").asLong());
        assertEquals("250", report.get("positions").get(0).get("unrealizedPnl").asText());
        assertEquals("10247.9", report.get("totals").get("equity").asText());
    }

    @Test
    void queryOfAnUnknownAccountFails() throws Exception
    {
        final Cli cli = Cli.run("query", scenario().toString(), "--account", "404");
        assertEquals(1, cli.exitCode, cli.toString());
        assertTrue(cli.err.contains("query of account 404 was rejected: UNKNOWN_ACCOUNT"), cli.err);
    }

    /**
     * A full scan re-evaluates (and reports the risk of) every holder on a tick, the index only the accounts whose
     * triggers fired; both must agree on every result, position update, alert and liquidation candidate.
     */
    @Test
    void bothDetectionModesAgreeOnResultsAlertsAndCandidates() throws Exception
    {
        final Path demo = Files.writeString(dir.resolve("demo.jsonl"), Cli.run("demo", "--print-scenario").out);
        final Cli indexed = Cli.run("scenario", demo.toString(), "--detection", "indexed");
        final Cli fullScan = Cli.run("scenario", demo.toString(), "--detection", "full-scan", "--wait-strategy", "yielding");
        assertEquals(0, indexed.exitCode, indexed.toString());
        assertEquals(0, fullScan.exitCode, fullScan.toString());
        final List<String> indexedLines = withoutAccountRisk(indexed.out);
        assertEquals(indexedLines, withoutAccountRisk(fullScan.out));
        assertTrue(indexedLines.stream().anyMatch(l -> l.contains("\"type\":\"liquidationCandidate\"")), "the demo has a candidate");
    }

    private static List<String> withoutAccountRisk(final String output) throws Exception
    {
        final List<String> lines = new ArrayList<>();
        for (final String line : output.split("\n"))
        {
            final JsonNode node = JsonFields.MAPPER.readTree(line);
            if (node.has("events"))
            {
                final com.fasterxml.jackson.databind.node.ArrayNode kept = JsonFields.MAPPER.createArrayNode();
                node.get("events").forEach(e ->
                {
                    if (!"account".equals(e.get("type").asText()))
                    {
                        kept.add(e);
                    }
                });
                ((com.fasterxml.jackson.databind.node.ObjectNode)node).set("events", kept);
            }
            lines.add(node.toString());
        }
        return lines;
    }

    @Test
    void demoTellsTheWholeStory()
    {
        final Cli cli = Cli.run("demo", "--color", "never");
        assertEquals(0, cli.exitCode, cli.toString());
        final String out = cli.out;
        assertTrue(out.contains("FILL acct 1 BTC-PERP +0.500 @ 42000.0 fee 2.10 -> ACCEPTED"), out);
        assertTrue(out.contains("FILL acct 2 ETH-PERP +4.000 @ 2500.00 (taker fee) -> ACCEPTED"), out);
        assertTrue(out.contains("ADJUST_ISOLATED_MARGIN acct 2 ETH-PERP +250.00 USDC -> ACCEPTED"), out);
        assertTrue(out.contains("PRE_TRADE_CHECK acct 1 BTC-PERP +0.100 @ 42000.0 -> ACCEPTED"), out);
        assertTrue(out.contains("PRE_TRADE_CHECK acct 1 BTC-PERP +2.500 @ 42000.0 -> REJECTED (INSUFFICIENT_MARGIN)"), out);
        assertTrue(out.contains("WITHDRAW acct 1 9000.00 USDC -> REJECTED"), out);
        assertTrue(out.contains("upnl 250.00"), "the brief's PnL example: " + out);
        assertTrue(out.contains("FUNDING_RATE BTC-PERP rate 0.0100% -> ACCEPTED"), out);
        assertTrue(out.contains("!! MARGIN ALERT acct 3"), out);
        assertTrue(out.contains(">>> LIQUIDATION CANDIDATE acct 3 BTC-PERP"), out);
        assertTrue(out.contains("LIQUIDATION_FILL acct 3 BTC-PERP -0.400 @ 40100.0 by liquidator 9 -> REJECTED (NOT_LIQUIDATOR)"), out);
        assertTrue(out.contains("LIQUIDATION_FILL acct 3 BTC-PERP -0.400 @ 40100.0 by liquidator 9 -> ACCEPTED"), out);
        assertTrue(out.contains("insurance fund +"), out);
        assertTrue(out.contains("Accounts at the end of the demo"), out);
        for (final String account : new String[] {"Account 1\n", "Account 2\n", "Account 3\n", "Account 9\n"})
        {
            assertTrue(out.contains(account), account + " table: " + out);
        }
        assertTrue(!out.contains("\u001B["), "no colours with --color never");
    }

    private static JsonNode event(final JsonNode line, final String type)
    {
        for (final JsonNode event : line.get("events"))
        {
            if (type.equals(event.get("type").asText()))
            {
                return event;
            }
        }
        throw new AssertionError("no " + type + " event in " + line);
    }
}
