package com.perprisk.benchmarks.baseline;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The events one command produced, in the engine's raw units whichever side produced them, so the engine's and the
 * baseline's reports compare with {@code equals}. Test helper; one thread.
 */
final class ReportedEvents
{
    /** A position after a fill. */
    record PositionChange(long account, int instrument, long size, long entryPrice, long markPrice, long notional,
        long unrealizedPnl, long realizedPnlDelta, long fee, long initialMargin, long maintenanceMargin)
    {
    }

    /** An account evaluation; margin ratio {@code Long.MAX_VALUE} when equity is not positive with a requirement. */
    record AccountRisk(long account, long collateral, long notional, long unrealizedPnl, long equity, long initialMargin,
        long maintenanceMargin, long marginRatio, long freeCollateral, long realizedPnl, long feesPaid, int openPositions)
    {
    }

    /** A liquidation candidate. */
    record Candidate(long account, int instrument, long positionSize, long markPrice, long bankruptcyPrice, long shortfall,
        long equity, long maintenanceMargin)
    {
    }

    final List<PositionChange> positions = new ArrayList<>();
    final Map<Long, AccountRisk> risks = new HashMap<>();
    final Map<Long, Boolean> alerts = new HashMap<>();
    final Map<Long, Candidate> candidates = new HashMap<>();

    void clear()
    {
        positions.clear();
        risks.clear();
        alerts.clear();
        candidates.clear();
    }

    void risk(final AccountRisk risk)
    {
        assertNull(risks.put(risk.account(), risk), "one evaluation per account and command: " + risk);
    }

    void alert(final long account, final boolean raised)
    {
        assertNull(alerts.put(account, raised), "one alert per account and command: " + account);
    }

    void candidate(final Candidate candidate)
    {
        assertNull(candidates.put(candidate.account(), candidate), "one cross candidate per account and command: " + candidate);
    }

    /**
     * @param value   a decimal.
     * @param decimals its scale in the engine.
     * @return the engine's raw long; fails if the decimal has more digits than the engine keeps.
     */
    static long raw(final BigDecimal value, final int decimals)
    {
        final BigDecimal scaled = value.setScale(decimals);   // throws if rounding would be needed
        assertEquals(decimals, scaled.scale());
        return scaled.unscaledValue().longValueExact();
    }
}
