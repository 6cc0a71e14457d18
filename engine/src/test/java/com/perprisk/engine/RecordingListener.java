package com.perprisk.engine;

import com.perprisk.engine.event.AccountRisk;
import com.perprisk.engine.event.CommandResult;
import com.perprisk.engine.event.FundingApplied;
import com.perprisk.engine.event.InsuranceFundUpdate;
import com.perprisk.engine.event.LiquidationCandidate;
import com.perprisk.engine.event.MarginAlert;
import com.perprisk.engine.event.PositionUpdate;
import com.perprisk.engine.event.RiskEventListener;

import java.util.ArrayList;
import java.util.List;

/** Test listener: keeps a string copy of every event (flyweights are reused by the engine). */
public final class RecordingListener implements RiskEventListener
{
    /** Every event of the commands since the last {@link #clear()}, as strings, in emission order. */
    public final List<String> events = new ArrayList<>();
    /** Account, instrument, size to close and signed position size of the last candidate since the last {@link #clear()}. */
    public final long[] lastCandidate = new long[4];
    public boolean hasCandidate;
    final List<String> candidates = new ArrayList<>();
    final List<String> alerts = new ArrayList<>();
    final List<PositionUpdateCopy> positions = new ArrayList<>();
    AccountRiskCopy lastRisk;
    public int lastReason = -1;

    public void clear()
    {
        hasCandidate = false;
        events.clear();
        candidates.clear();
        alerts.clear();
        positions.clear();
        lastRisk = null;
        lastReason = -1;
    }

    @Override
    public void onCommandResult(final CommandResult result)
    {
        lastReason = result.rejectReason();
        events.add(result.toString());
    }

    @Override
    public void onPositionUpdate(final PositionUpdate u)
    {
        positions.add(new PositionUpdateCopy(u.accountId(), u.instrumentId(), u.change(), u.size(), u.entryPrice(),
            u.unrealizedPnl(), u.realizedPnlDelta(), u.isolatedMargin(), u.initialMargin(), u.maintenanceMargin(), u.liquidationPrice(),
            u.fee(), u.fundingSettled(), u.unsettledFunding(), u.returnOnEntry()));
        events.add(u.toString());
    }

    @Override
    public void onAccountRisk(final AccountRisk r)
    {
        lastRisk = new AccountRiskCopy(r.accountId(), r.collateral(), r.equity(), r.initialMargin(), r.maintenanceMargin(),
            r.marginRatio(), r.freeCollateral(), r.liquidatable());
        events.add(r.toString());
    }

    @Override
    public void onMarginAlert(final MarginAlert alert)
    {
        alerts.add("account=" + alert.accountId() + " raised=" + alert.raised());
        events.add(alert.toString());
    }

    @Override
    public void onLiquidationCandidate(final LiquidationCandidate c)
    {
        lastCandidate[0] = c.accountId();
        lastCandidate[1] = c.instrumentId();
        lastCandidate[2] = c.sizeToClose();
        lastCandidate[3] = c.positionSize();
        hasCandidate = true;
        candidates.add("seq=" + c.sequence() + " account=" + c.accountId() + " instrument=" + c.instrumentId() + " close=" + c.sizeToClose() +
            " bankruptcy=" + c.bankruptcyPrice() + " shortfall=" + c.shortfall());
        events.add(c.toString());
    }

    @Override
    public void onFundingApplied(final FundingApplied f)
    {
        events.add(f.toString());
    }

    @Override
    public void onInsuranceFundUpdate(final InsuranceFundUpdate u)
    {
        events.add(u.toString());
    }

    record PositionUpdateCopy(long account, int instrument, byte change, long size, long entry, long upnl, long realizedDelta,
        long isolatedMargin, long initialMargin, long maintenanceMargin, long liquidationPrice, long fee, long fundingSettled,
        long unsettledFunding, long returnOnEntry)
    {
    }

    record AccountRiskCopy(long account, long collateral, long equity, long initialMargin, long maintenanceMargin, long marginRatio,
        long freeCollateral, boolean liquidatable)
    {
    }
}
