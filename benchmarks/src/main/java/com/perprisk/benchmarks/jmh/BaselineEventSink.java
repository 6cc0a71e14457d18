package com.perprisk.benchmarks.jmh;

import com.perprisk.benchmarks.baseline.StraightforwardRiskListener;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The baseline's listener in a benchmark: hands every event object to a {@link Blackhole}, so none of them can be
 * optimised away. Owned by the benchmark thread.
 */
final class BaselineEventSink implements StraightforwardRiskListener
{
    private final Blackhole blackhole;

    /** @param blackhole where the events go */
    BaselineEventSink(final Blackhole blackhole)
    {
        this.blackhole = blackhole;
    }

    @Override
    public void onPositionChange(final PositionChange change)
    {
        blackhole.consume(change);
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
