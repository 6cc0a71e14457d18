package com.perprisk.benchmarks.baseline;

import com.perprisk.engine.fixed.FixedPoint;

import java.math.BigDecimal;

import static com.perprisk.benchmarks.baseline.ReportedEvents.raw;

/** Records the baseline's events of one command as {@link ReportedEvents}, converted to the engine's raw units. Test helper. */
final class BaselineRecorder implements StraightforwardRiskListener
{
    final ReportedEvents events = new ReportedEvents();

    void clear()
    {
        events.clear();
    }

    static ReportedEvents.AccountRisk toRaw(final AccountRisk r)
    {
        return new ReportedEvents.AccountRisk(r.accountId(), quote(r.collateral()), quote(r.notional()), quote(r.unrealizedPnl()),
            quote(r.equity()), quote(r.initialMargin()), quote(r.maintenanceMargin()),
            r.marginRatio() == null ? Long.MAX_VALUE : raw(r.marginRatio(), FixedPoint.RATE_DECIMALS),
            quote(r.freeCollateral()), quote(r.realizedPnl()), quote(r.feesPaid()), r.openPositions());
    }

    @Override
    public void onPositionChange(final PositionChange c)
    {
        events.positions.add(new ReportedEvents.PositionChange(c.accountId(), c.instrumentId(), raw(c.size(), FixedPoint.SIZE_DECIMALS),
            price(c.entryPrice()), price(c.markPrice()), quote(c.notional()), quote(c.unrealizedPnl()), quote(c.realizedPnlDelta()),
            quote(c.fee()), quote(c.initialMargin()), quote(c.maintenanceMargin())));
    }

    @Override
    public void onAccountRisk(final AccountRisk risk)
    {
        events.risk(toRaw(risk));
    }

    @Override
    public void onMarginAlert(final MarginAlert alert)
    {
        events.alert(alert.accountId(), alert.raised());
    }

    @Override
    public void onLiquidationCandidate(final LiquidationCandidate c)
    {
        events.candidate(new ReportedEvents.Candidate(c.accountId(), c.instrumentId(), raw(c.positionSize(), FixedPoint.SIZE_DECIMALS),
            price(c.markPrice()), price(c.bankruptcyPrice()), quote(c.shortfall()), quote(c.equity()), quote(c.maintenanceMargin())));
    }

    private static long quote(final BigDecimal value)
    {
        return raw(value, FixedPoint.QUOTE_DECIMALS);
    }

    private static long price(final BigDecimal value)
    {
        return raw(value, FixedPoint.PRICE_DECIMALS);
    }
}
