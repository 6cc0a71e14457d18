package com.perprisk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.perprisk.engine.book.MarginMode;
import com.perprisk.engine.book.PositionState;
import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.command.CommandType;
import com.perprisk.engine.command.RejectReason;
import com.perprisk.engine.event.AccountRisk;
import com.perprisk.engine.event.CommandResult;
import com.perprisk.engine.event.PositionChange;
import com.perprisk.engine.event.PositionUpdate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountReportTest
{
    private final InstrumentRegistry instruments = new InstrumentRegistry();
    private final List<ResultFrame> frames = new ArrayList<>();
    private final JsonEventWriter writer = new JsonEventWriter(id -> id == 1 ? "BTC-PERP" : id == 2 ? "ETH-PERP" : null, frames::add);

    AccountReportTest()
    {
        InstrumentConfigLoader.loadResource(InstrumentConfigLoader.DEMO_RESOURCE).forEach(instruments::register);
    }

    private LineOutcome queryOutcome(final int reason)
    {
        writer.onPositionUpdate(new PositionUpdate().accountId(1).instrumentId(1).change(PositionChange.NONE).state(PositionState.OPEN)
            .marginMode(MarginMode.CROSS).leverage(10).size(50_000_000L).entryPrice(4_200_000_000_000L).markPrice(4_250_000_000_000L)
            .unrealizedPnl(250_000_000L).returnOnEntry(1_190_476L).initialMargin(2_125_000_000L).maintenanceMargin(85_000_000L).liquidationPrice(2_205_842_000_000L));
        writer.onPositionUpdate(new PositionUpdate().accountId(1).instrumentId(2).change(PositionChange.NONE).state(PositionState.OPEN)
            .marginMode(MarginMode.ISOLATED).leverage(20).size(-4_000_000_000L).entryPrice(250_000_000_000L).markPrice(255_000_000_000L)
            .unrealizedPnl(-200_000_000L).returnOnEntry(-2_000_000L).isolatedMargin(750_000_000L).initialMargin(510_000_000L).maintenanceMargin(51_000_000L)
            .liquidationPrice(0));
        writer.onAccountRisk(new AccountRisk().accountId(1).collateral(9_497_900_000L).isolatedMargin(750_000_000L).notional(31_450_000_000L)
            .unrealizedPnl(250_000_000L).unsettledFunding(-2_125_000L).equity(9_745_775_000L).initialMargin(2_125_000_000L)
            .maintenanceMargin(85_000_000L).marginRatio(872_170L).freeCollateral(7_372_900_000L).openPositions(2));
        writer.onCommandResult(new CommandResult().commandType(CommandType.QUERY_ACCOUNT).accountId(1).rejectReason(reason));
        return new LineOutcome(0, "query", List.of(new CommandEvent().queryAccount(0, 0, 1)), List.copyOf(frames), null);
    }

    @Test
    void tableShowsPositionsAndTotalsRounded()
    {
        final String table = AccountReport.from(1, queryOutcome(RejectReason.NONE)).toTable(instruments);
        final String[] lines = table.split("\n");
        assertEquals("Account 1", lines[0]);
        assertTrue(lines[1].contains("Instrument") && lines[1].contains("Unrealized PnL") && lines[1].contains("PnL %") && lines[1].contains("Liq. price"), lines[1]);
        assertTrue(lines[2].matches("\\s+BTC-PERP\\s+OPEN\\s+CROSS\\s+10x\\s+\\+0\\.500\\s+42000\\.0\\s+42500\\.0\\s+250\\.00\\s+1\\.19%\\s+2125\\.00\\s+85\\.00\\s+22058\\.4\\s+48\\.10%\\s+-"),
            lines[2]);
        assertTrue(lines[3].matches("\\s+ETH-PERP\\s+OPEN\\s+ISOLATED\\s+20x\\s+-40\\.000\\s+2500\\.00\\s+2550\\.00\\s+-200\\.00\\s+-2\\.00%\\s+510\\.00\\s+51\\.00\\s+-\\s+-\\s+750\\.00"),
            lines[3]);
        assertTrue(table.matches("(?s).*\n  Collateral\\s+9497\\.90\n.*"), table);
        assertTrue(table.matches("(?s).*\n  Notional \\(gross\\)\\s+31450\\.00\n.*"), table);
        assertTrue(table.matches("(?s).*\n  Unsettled funding\\s+-2\\.13\n.*"), "half-up rounding: " + table);
        assertTrue(table.matches("(?s).*\n  Equity \\(cross\\)\\s+9745\\.78\n.*"), table);
        assertTrue(table.matches("(?s).*\n  Margin ratio\\s+0\\.87%\n.*"), table);
        assertTrue(table.matches("(?s).*\n  Free collateral\\s+7372\\.90\n.*"), table);
        assertTrue(table.matches("(?s).*\n  Liquidatable\\s+no\n.*"), table);
    }

    @Test
    void jsonKeepsExactNumbers()
    {
        final ObjectNode json = AccountReport.from(1, queryOutcome(RejectReason.NONE)).toJson();
        assertEquals(1, json.get("account").asLong());
        assertEquals(2, json.get("positions").size());
        assertEquals("ETH-PERP", json.get("positions").get(1).get("instrument").asText());
        assertEquals("-40", json.get("positions").get(1).get("size").asText());
        assertEquals("-2.125", json.get("totals").get("unsettledFunding").asText());
        assertEquals("0.0087217", json.get("totals").get("marginRatio").asText());
        assertTrue(!json.get("totals").has("type"));
    }

    @Test
    void rejectedQueryIsAFailure()
    {
        final CliException e = assertThrows(CliException.class, () -> AccountReport.from(1, queryOutcome(RejectReason.UNKNOWN_ACCOUNT)));
        assertEquals(CliException.FAILED, e.exitCode());
        assertEquals("query of account 1 was rejected: UNKNOWN_ACCOUNT", e.getMessage());
    }

    @Test
    void infiniteMarginRatio()
    {
        writer.onAccountRisk(new AccountRisk().accountId(5).marginRatio(Long.MAX_VALUE).liquidatable(true));
        writer.onCommandResult(new CommandResult().commandType(CommandType.QUERY_ACCOUNT).accountId(5));
        final LineOutcome outcome = new LineOutcome(0, "query", List.of(new CommandEvent().queryAccount(0, 0, 5)), List.copyOf(frames), null);
        final String table = AccountReport.from(5, outcome).toTable(instruments);
        assertTrue(table.contains("no positions"), table);
        assertTrue(table.matches("(?s).*\n  Margin ratio\\s+infinite\n.*"), table);
        assertTrue(table.matches("(?s).*\n  Liquidatable\\s+YES\n.*"), table);
    }
}
