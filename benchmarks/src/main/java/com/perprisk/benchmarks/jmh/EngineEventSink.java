package com.perprisk.benchmarks.jmh;

import com.perprisk.engine.command.CommandType;
import com.perprisk.engine.command.RejectReason;
import com.perprisk.engine.event.AccountRisk;
import com.perprisk.engine.event.CommandResult;
import com.perprisk.engine.event.LiquidationCandidate;
import com.perprisk.engine.event.MarginAlert;
import com.perprisk.engine.event.PositionUpdate;
import com.perprisk.engine.event.RiskEventListener;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The engine's listener in a benchmark: wants every risk event (so the engine computes every payload), hands each to a
 * {@link Blackhole} and counts accepted fills. Owned by the benchmark thread, like the engine it listens to.
 */
final class EngineEventSink implements RiskEventListener
{
    private final Blackhole blackhole;
    private int acceptedFills;

    /** @param blackhole where the events go */
    EngineEventSink(final Blackhole blackhole)
    {
        this.blackhole = blackhole;
    }

    /** @return fills accepted since the last {@link #reset()} */
    int acceptedFills()
    {
        return acceptedFills;
    }

    /** Start counting again. */
    void reset()
    {
        acceptedFills = 0;
    }

    @Override
    public boolean wantsRiskEvents()
    {
        return true;
    }

    @Override
    public void onCommandResult(final CommandResult result)
    {
        if (result.commandType() == CommandType.FILL && result.rejectReason() == RejectReason.NONE)
        {
            acceptedFills++;
        }
        blackhole.consume(result);
    }

    @Override
    public void onPositionUpdate(final PositionUpdate update)
    {
        blackhole.consume(update);
    }

    @Override
    public void onAccountRisk(final AccountRisk risk)
    {
        blackhole.consume(risk);
    }

    @Override
    public void onMarginAlert(final MarginAlert alert)
    {
        blackhole.consume(alert);
    }

    @Override
    public void onLiquidationCandidate(final LiquidationCandidate candidate)
    {
        blackhole.consume(candidate);
    }
}
