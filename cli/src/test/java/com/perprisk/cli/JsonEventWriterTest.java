package com.perprisk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.perprisk.engine.book.MarginMode;
import com.perprisk.engine.book.PositionState;
import com.perprisk.engine.command.CommandType;
import com.perprisk.engine.command.RejectReason;
import com.perprisk.engine.event.AccountRisk;
import com.perprisk.engine.event.CommandResult;
import com.perprisk.engine.event.FundingApplied;
import com.perprisk.engine.event.InsuranceFundUpdate;
import com.perprisk.engine.event.LiquidationCandidate;
import com.perprisk.engine.event.MarginAlert;
import com.perprisk.engine.event.PositionChange;
import com.perprisk.engine.event.PositionUpdate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonEventWriterTest
{
    private final List<ResultFrame> frames = new ArrayList<>();
    private final JsonEventWriter writer = new JsonEventWriter(id -> id == 1 ? "BTC-PERP" : null, frames::add);

    @Test
    void positionUpdateAsExactDecimals()
    {
        writer.onPositionUpdate(new PositionUpdate().sequence(5).accountId(1).instrumentId(1)
            .change(PositionChange.OPENED).state(PositionState.OPEN).marginMode(MarginMode.CROSS).leverage(20)
            .size(50_000_000L).entryPrice(4_200_000_000_000L).markPrice(4_250_000_000_000L)
            .notional(21_250_000_000L).unrealizedPnl(250_000_000L).realizedPnl(-1_500_000L).realizedPnlDelta(0)
            .fee(2_100_000L).fundingSettled(-2_125_000L).unsettledFunding(0).isolatedMargin(0)
            .initialMargin(1_062_500_000L).maintenanceMargin(85_000_000L).liquidationPrice(2_190_123_400_000L));
        writer.onCommandResult(result(CommandType.FILL, RejectReason.NONE));

        final ObjectNode p = frames.get(0).events().get(0);
        assertEquals("position", p.get("type").asText());
        assertEquals(1, p.get("account").asLong());
        assertEquals("BTC-PERP", p.get("instrument").asText());
        assertEquals("OPENED", p.get("change").asText());
        assertEquals("OPEN", p.get("state").asText());
        assertEquals("CROSS", p.get("mode").asText());
        assertEquals(20, p.get("leverage").asInt());
        assertEquals("0.5", p.get("size").asText());
        assertEquals("42000", p.get("entryPrice").asText());
        assertEquals("42500", p.get("markPrice").asText());
        assertEquals("21250", p.get("notional").asText());
        assertEquals("250", p.get("unrealizedPnl").asText());
        assertEquals("-1.5", p.get("realizedPnl").asText());
        assertEquals("0", p.get("realizedPnlDelta").asText());
        assertEquals("2.1", p.get("fee").asText());
        assertEquals("-2.125", p.get("fundingSettled").asText());
        assertEquals("1062.5", p.get("initialMargin").asText());
        assertEquals("85", p.get("maintenanceMargin").asText());
        assertEquals("21901.234", p.get("liquidationPrice").asText());
        assertTrue(p.get("size").isTextual(), "fixed-point numbers are strings");
    }

    @Test
    void noLiquidationPriceIsNull()
    {
        writer.onPositionUpdate(new PositionUpdate().instrumentId(7).liquidationPrice(0));
        writer.onCommandResult(result(CommandType.QUERY_ACCOUNT, RejectReason.NONE));
        final ObjectNode p = frames.get(0).events().get(0);
        assertTrue(p.get("liquidationPrice").isNull());
        assertEquals(7, p.get("instrument").asInt(), "unknown instrument falls back to its id");
    }

    @Test
    void accountRiskWithInfiniteMarginRatio()
    {
        writer.onAccountRisk(new AccountRisk().accountId(3).collateral(1_000_000_000L).equity(-5_000_000L)
            .maintenanceMargin(64_160_000L).marginRatio(Long.MAX_VALUE).freeCollateral(0).openPositions(1).liquidatable(true));
        writer.onAccountRisk(new AccountRisk().accountId(1).marginRatio(899_580L));
        writer.onCommandResult(result(CommandType.MARK_PRICE, RejectReason.NONE));

        final ObjectNode a = frames.get(0).events().get(0);
        assertEquals("account", a.get("type").asText());
        assertEquals("1000", a.get("collateral").asText());
        assertEquals("-5", a.get("equity").asText());
        assertEquals("64.16", a.get("maintenanceMargin").asText());
        assertEquals("infinite", a.get("marginRatio").asText());
        assertEquals(1, a.get("openPositions").asInt());
        assertTrue(a.get("liquidatable").asBoolean());
        assertEquals("0.0089958", frames.get(0).events().get(1).get("marginRatio").asText());
    }

    @Test
    void alertCandidateFundingAndInsurance()
    {
        writer.onMarginAlert(new MarginAlert().accountId(3).raised(true).marginRatio(89_958_000L).threshold(80_000_000L));
        writer.onLiquidationCandidate(new LiquidationCandidate().accountId(3).instrumentId(1).marginMode(MarginMode.ISOLATED)
            .positionSize(40_000_000L).sizeToClose(40_000_000L).markPrice(4_010_000_000_000L).bankruptcyPrice(0)
            .shortfall(32_660_000L).equity(31_500_000L).maintenanceMargin(64_160_000L));
        writer.onFundingApplied(new FundingApplied().instrumentId(1).requestedRate(10_000L).appliedRate(10_000L)
            .markPrice(4_250_000_000_000L).fundingIndex(4_250_000_000_000L));
        writer.onInsuranceFundUpdate(new InsuranceFundUpdate().accountId(3).instrumentId(1).delta(31_500_000L).balance(31_500_000L));
        writer.onCommandResult(result(CommandType.LIQUIDATION_FILL, RejectReason.NONE));

        final List<ObjectNode> events = frames.get(0).events();
        assertEquals(4, events.size());
        final ObjectNode alert = events.get(0);
        assertEquals("alert", alert.get("type").asText());
        assertTrue(alert.get("raised").asBoolean());
        assertEquals("0.89958", alert.get("marginRatio").asText());
        assertEquals("0.8", alert.get("threshold").asText());

        final ObjectNode candidate = events.get(1);
        assertEquals("liquidationCandidate", candidate.get("type").asText());
        assertEquals("ISOLATED", candidate.get("mode").asText());
        assertEquals("0.4", candidate.get("sizeToClose").asText());
        assertEquals("40100", candidate.get("markPrice").asText());
        assertTrue(candidate.get("bankruptcyPrice").isNull());
        assertEquals("32.66", candidate.get("shortfall").asText());

        final ObjectNode funding = events.get(2);
        assertEquals("funding", funding.get("type").asText());
        assertEquals("0.0001", funding.get("appliedRate").asText());
        assertEquals("4.25", funding.get("fundingIndex").asText(), "funding index has 12 decimals");

        final ObjectNode insurance = events.get(3);
        assertEquals("insuranceFund", insurance.get("type").asText());
        assertEquals("31.5", insurance.get("delta").asText());
        assertEquals("BTC-PERP", insurance.get("instrument").asText());
    }

    @Test
    void eachResultClosesAFrameWithItsOwnEvents()
    {
        writer.onAccountRisk(new AccountRisk().accountId(1));
        writer.onCommandResult(result(CommandType.DEPOSIT, RejectReason.NONE));
        writer.onCommandResult(result(CommandType.WITHDRAW, RejectReason.INSUFFICIENT_MARGIN));

        assertEquals(2, frames.size());
        assertEquals(1, frames.get(0).events().size());
        assertTrue(frames.get(0).accepted());
        assertEquals("DEPOSIT", frames.get(0).result().get("command").asText());
        assertEquals("NONE", frames.get(0).result().get("reason").asText());

        assertEquals(0, frames.get(1).events().size());
        assertFalse(frames.get(1).accepted());
        assertEquals("WITHDRAW", frames.get(1).result().get("command").asText());
        assertEquals("INSUFFICIENT_MARGIN", frames.get(1).result().get("reason").asText());
        assertEquals(42, frames.get(1).result().get("correlationId").asLong());
    }

    private static CommandResult result(final byte type, final int reason)
    {
        return new CommandResult().sequence(9).correlationId(42).commandType(type).accountId(1).rejectReason(reason);
    }
}
