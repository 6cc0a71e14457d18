package com.perprisk.benchmarks.baseline;

import com.perprisk.engine.command.RejectReason;
import com.perprisk.engine.event.AccountRisk;
import com.perprisk.engine.event.CommandResult;
import com.perprisk.engine.event.LiquidationCandidate;
import com.perprisk.engine.event.MarginAlert;
import com.perprisk.engine.event.PositionUpdate;
import com.perprisk.engine.event.RiskEventListener;

/** Records the engine's events of one command as {@link ReportedEvents} (the engine's flyweights are copied). Test helper. */
final class EngineRecorder implements RiskEventListener
{
    final ReportedEvents events = new ReportedEvents();
    int rejectReason = -1;

    void clear()
    {
        events.clear();
        rejectReason = -1;
    }

    boolean accepted()
    {
        return rejectReason == RejectReason.NONE;
    }

    @Override
    public void onCommandResult(final CommandResult result)
    {
        rejectReason = result.rejectReason();
    }

    @Override
    public void onPositionUpdate(final PositionUpdate u)
    {
        events.positions.add(new ReportedEvents.PositionChange(u.accountId(), u.instrumentId(), u.size(), u.entryPrice(), u.markPrice(),
            u.notional(), u.unrealizedPnl(), u.realizedPnlDelta(), u.fee(), u.initialMargin(), u.maintenanceMargin()));
    }

    @Override
    public void onAccountRisk(final AccountRisk r)
    {
        events.risk(new ReportedEvents.AccountRisk(r.accountId(), r.collateral(), r.notional(), r.unrealizedPnl(), r.equity(),
            r.initialMargin(), r.maintenanceMargin(), r.marginRatio(), r.freeCollateral(), r.realizedPnl(), r.feesPaid(), r.openPositions()));
    }

    @Override
    public void onMarginAlert(final MarginAlert alert)
    {
        events.alert(alert.accountId(), alert.raised());
    }

    @Override
    public void onLiquidationCandidate(final LiquidationCandidate c)
    {
        events.candidate(new ReportedEvents.Candidate(c.accountId(), c.instrumentId(), c.positionSize(), c.markPrice(),
            c.bankruptcyPrice(), c.shortfall(), c.equity(), c.maintenanceMargin()));
    }
}
