package com.perprisk.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
import com.perprisk.engine.event.RiskEventListener;
import com.perprisk.engine.fixed.FixedPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import static com.perprisk.engine.fixed.FixedPoint.FUNDING_INDEX_DECIMALS;
import static com.perprisk.engine.fixed.FixedPoint.PRICE_DECIMALS;
import static com.perprisk.engine.fixed.FixedPoint.QUOTE_DECIMALS;
import static com.perprisk.engine.fixed.FixedPoint.RATE_DECIMALS;
import static com.perprisk.engine.fixed.FixedPoint.SIZE_DECIMALS;

/**
 * A {@link RiskEventListener} that copies every engine event into a JSON object, and at each command's result
 * (always its last event) hands the finished {@link ResultFrame} to a sink, typically a queue read by the main
 * thread. Runs on the business-logic thread: it does no I/O and never blocks, it only allocates.
 *
 * <p>Every fixed-point number is an exact decimal string at its scale (prices and sizes 8 decimals, quote 6,
 * rates 8, funding index 12); a margin ratio of {@code Long.MAX_VALUE} is {@code "infinite"}; a liquidation or
 * bankruptcy price of 0 (none) is JSON null.
 */
public final class JsonEventWriter implements RiskEventListener
{
    /** Margin ratio text when equity is not positive and a requirement exists. */
    public static final String INFINITE = "infinite";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final IntFunction<String> symbols;
    private final Consumer<ResultFrame> sink;
    private List<ObjectNode> events = new ArrayList<>();

    /**
     * @param symbols instrument id to symbol, or null if unknown; called on the business-logic thread, so it may
     *                read the engine's own registry.
     * @param sink    receives each finished frame, on the business-logic thread; must not block.
     */
    public JsonEventWriter(final IntFunction<String> symbols, final Consumer<ResultFrame> sink)
    {
        this.symbols = symbols;
        this.sink = sink;
    }

    @Override
    public void onPositionUpdate(final PositionUpdate u)
    {
        final ObjectNode n = event("position");
        n.put("account", u.accountId());
        instrument(n, u.instrumentId());
        n.put("change", PositionChange.name(u.change()));
        n.put("state", PositionState.name(u.state()));
        n.put("mode", MarginMode.name(u.marginMode()));
        n.put("leverage", u.leverage());
        n.put("size", FixedPoint.format(u.size(), SIZE_DECIMALS));
        n.put("entryPrice", FixedPoint.format(u.entryPrice(), PRICE_DECIMALS));
        n.put("markPrice", FixedPoint.format(u.markPrice(), PRICE_DECIMALS));
        n.put("notional", quote(u.notional()));
        n.put("unrealizedPnl", quote(u.unrealizedPnl()));
        n.put("returnOnEntry", FixedPoint.format(u.returnOnEntry(), RATE_DECIMALS));
        n.put("realizedPnl", quote(u.realizedPnl()));
        n.put("realizedPnlDelta", quote(u.realizedPnlDelta()));
        n.put("fee", quote(u.fee()));
        n.put("fundingSettled", quote(u.fundingSettled()));
        n.put("unsettledFunding", quote(u.unsettledFunding()));
        n.put("isolatedMargin", quote(u.isolatedMargin()));
        n.put("initialMargin", quote(u.initialMargin()));
        n.put("maintenanceMargin", quote(u.maintenanceMargin()));
        n.put("liquidationPrice", priceOrNull(u.liquidationPrice()));
    }

    @Override
    public void onAccountRisk(final AccountRisk r)
    {
        final ObjectNode n = event("account");
        n.put("account", r.accountId());
        n.put("collateral", quote(r.collateral()));
        n.put("isolatedMargin", quote(r.isolatedMargin()));
        n.put("notional", quote(r.notional()));
        n.put("unrealizedPnl", quote(r.unrealizedPnl()));
        n.put("unsettledFunding", quote(r.unsettledFunding()));
        n.put("equity", quote(r.equity()));
        n.put("initialMargin", quote(r.initialMargin()));
        n.put("maintenanceMargin", quote(r.maintenanceMargin()));
        n.put("marginRatio", ratio(r.marginRatio()));
        n.put("freeCollateral", quote(r.freeCollateral()));
        n.put("realizedPnl", quote(r.realizedPnl()));
        n.put("feesPaid", quote(r.feesPaid()));
        n.put("fundingPaid", quote(r.fundingPaid()));
        n.put("openPositions", r.openPositions());
        n.put("liquidatable", r.liquidatable());
    }

    @Override
    public void onMarginAlert(final MarginAlert a)
    {
        final ObjectNode n = event("alert");
        n.put("account", a.accountId());
        n.put("raised", a.raised());
        n.put("marginRatio", ratio(a.marginRatio()));
        n.put("threshold", ratio(a.threshold()));
    }

    @Override
    public void onLiquidationCandidate(final LiquidationCandidate c)
    {
        final ObjectNode n = event("liquidationCandidate");
        n.put("account", c.accountId());
        instrument(n, c.instrumentId());
        n.put("mode", MarginMode.name(c.marginMode()));
        n.put("positionSize", FixedPoint.format(c.positionSize(), SIZE_DECIMALS));
        n.put("sizeToClose", FixedPoint.format(c.sizeToClose(), SIZE_DECIMALS));
        n.put("markPrice", FixedPoint.format(c.markPrice(), PRICE_DECIMALS));
        n.put("bankruptcyPrice", priceOrNull(c.bankruptcyPrice()));
        n.put("shortfall", quote(c.shortfall()));
        n.put("equity", quote(c.equity()));
        n.put("maintenanceMargin", quote(c.maintenanceMargin()));
    }

    @Override
    public void onFundingApplied(final FundingApplied f)
    {
        final ObjectNode n = event("funding");
        instrument(n, f.instrumentId());
        n.put("requestedRate", FixedPoint.format(f.requestedRate(), RATE_DECIMALS));
        n.put("appliedRate", FixedPoint.format(f.appliedRate(), RATE_DECIMALS));
        n.put("markPrice", FixedPoint.format(f.markPrice(), PRICE_DECIMALS));
        n.put("fundingIndex", FixedPoint.format(f.fundingIndex(), FUNDING_INDEX_DECIMALS));
    }

    @Override
    public void onInsuranceFundUpdate(final InsuranceFundUpdate u)
    {
        final ObjectNode n = event("insuranceFund");
        n.put("account", u.accountId());
        instrument(n, u.instrumentId());
        n.put("delta", quote(u.delta()));
        n.put("balance", quote(u.balance()));
    }

    @Override
    public void onCommandResult(final CommandResult r)
    {
        final ObjectNode n = JSON.objectNode();
        n.put("command", CommandType.name(r.commandType()));
        n.put("reason", RejectReason.name(r.rejectReason()));
        n.put("sequence", r.sequence());
        n.put("correlationId", r.correlationId());
        final List<ObjectNode> finished = events;
        events = new ArrayList<>();
        sink.accept(new ResultFrame(r.commandType(), r.rejectReason(), n, finished));
    }

    private ObjectNode event(final String type)
    {
        final ObjectNode n = JSON.objectNode();
        n.put("type", type);
        events.add(n);
        return n;
    }

    private void instrument(final ObjectNode n, final int instrumentId)
    {
        final String symbol = symbols.apply(instrumentId);
        if (symbol != null)
        {
            n.put("instrument", symbol);
        }
        else
        {
            n.put("instrument", instrumentId);
        }
    }

    private static String quote(final long raw)
    {
        return FixedPoint.format(raw, QUOTE_DECIMALS);
    }

    private static String ratio(final long raw)
    {
        return raw == Long.MAX_VALUE ? INFINITE : FixedPoint.format(raw, RATE_DECIMALS);
    }

    private static String priceOrNull(final long raw)
    {
        return raw == 0 ? null : FixedPoint.format(raw, PRICE_DECIMALS);
    }
}
