package com.perprisk.benchmarks.jmh;

import com.perprisk.engine.command.CommandType;
import com.perprisk.engine.command.RejectReason;
import com.perprisk.engine.event.AccountRisk;
import com.perprisk.engine.event.CommandResult;
import com.perprisk.engine.event.FundingApplied;
import com.perprisk.engine.event.InsuranceFundUpdate;
import com.perprisk.engine.event.LiquidationCandidate;
import com.perprisk.engine.event.MarginAlert;
import com.perprisk.engine.event.PositionUpdate;
import com.perprisk.engine.event.RiskEventListener;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The engine's listener in the engine benchmarks: it wants every risk event (so the engine computes every payload, as
 * it does for the gateway) and hands one field of each to a JMH {@link Blackhole}, so nothing is dead code. It also
 * counts what it saw, for the fixtures' own checks.
 *
 * <p>Threading: the benchmark thread only.
 */
public final class BlackholeListener implements RiskEventListener
{
    private final Blackhole blackhole;
    private int lastReason;
    private int acceptedFills;
    private long accountRisks;
    private long candidates;
    private long alerts;

    /** @param blackhole sink of the event fields; null counts only (the fixtures' checks outside JMH). */
    public BlackholeListener(final Blackhole blackhole)
    {
        this.blackhole = blackhole;
    }

    @Override
    public void onCommandResult(final CommandResult result)
    {
        lastReason = result.rejectReason();
        if (result.commandType() == CommandType.FILL && lastReason == RejectReason.NONE)
        {
            acceptedFills++;
        }
        consume(result.sequence());
    }

    @Override
    public void onPositionUpdate(final PositionUpdate update)
    {
        consume(update.size());
    }

    @Override
    public void onAccountRisk(final AccountRisk risk)
    {
        accountRisks++;
        consume(risk.marginRatio());
    }

    @Override
    public void onMarginAlert(final MarginAlert alert)
    {
        alerts++;
        consume(alert.marginRatio());
    }

    @Override
    public void onLiquidationCandidate(final LiquidationCandidate candidate)
    {
        candidates++;
        consume(candidate.equity());
    }

    @Override
    public void onFundingApplied(final FundingApplied funding)
    {
        consume(funding.fundingIndex());
    }

    @Override
    public void onInsuranceFundUpdate(final InsuranceFundUpdate update)
    {
        consume(update.accountId());
    }

    private void consume(final long value)
    {
        if (blackhole != null)
        {
            blackhole.consume(value);
        }
    }

    /** @return reject reason of the last command (0 = accepted). */
    public int lastReason()
    {
        return lastReason;
    }

    /** @return fills accepted since the last {@link #reset()}. */
    public int acceptedFills()
    {
        return acceptedFills;
    }

    /** Start the counts again. */
    public void reset()
    {
        acceptedFills = 0;
        accountRisks = 0;
        candidates = 0;
        alerts = 0;
    }

    /** @return account risk reports seen. */
    public long accountRisks()
    {
        return accountRisks;
    }

    /** @return liquidation candidates seen. */
    public long candidates()
    {
        return candidates;
    }

    /** @return margin alerts (raised or recovered) seen. */
    public long alerts()
    {
        return alerts;
    }
}
