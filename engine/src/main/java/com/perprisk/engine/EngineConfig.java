package com.perprisk.engine;

import com.perprisk.engine.fixed.FixedPoint;

/**
 * Settings of a {@link RiskEngine}. Mutable until handed to the engine; not thread-safe.
 */
public final class EngineConfig
{
    /**
     * Lowest margin alert threshold: 0.5. Instruments whose highest maintenance rate exceeds the threshold are refused
     * (a tier at 1x has 50%), so a move in a position's favour never brings its account closer to the threshold.
     */
    public static final long MIN_MARGIN_ALERT_RATIO = FixedPoint.RATE_SCALE / 2;

    private int initialAccounts = 1024;
    private int initialPositions = 4096;
    private long marginAlertRatio = 80 * FixedPoint.RATE_SCALE / 100;
    private LiquidationDetection detection = LiquidationDetection.INDEXED;

    /** @param n accounts to pre-allocate @return this */
    public EngineConfig initialAccounts(final int n)
    {
        initialAccounts = n;
        return this;
    }

    /** @param n positions to pre-allocate @return this */
    public EngineConfig initialPositions(final int n)
    {
        initialPositions = n;
        return this;
    }

    /**
     * @param ratio margin ratio (maintenance / equity, rate scale) at or above which a margin alert is
     *              raised; in [0.5, 1]. Default 0.8.
     * @return this
     */
    public EngineConfig marginAlertRatio(final long ratio)
    {
        if (ratio < MIN_MARGIN_ALERT_RATIO || ratio > FixedPoint.RATE_SCALE)
        {
            throw new IllegalArgumentException("marginAlertRatio must be in [0.5, 1], was " + FixedPoint.format(ratio, FixedPoint.RATE_DECIMALS));
        }
        marginAlertRatio = ratio;
        return this;
    }

    /** @param d detection strategy @return this */
    public EngineConfig detection(final LiquidationDetection d)
    {
        detection = d;
        return this;
    }

    /** @return accounts to pre-allocate */
    public int initialAccounts()
    {
        return initialAccounts;
    }

    /** @return positions to pre-allocate */
    public int initialPositions()
    {
        return initialPositions;
    }

    /** @return margin alert threshold (rate scale) */
    public long marginAlertRatio()
    {
        return marginAlertRatio;
    }

    /** @return detection strategy */
    public LiquidationDetection detection()
    {
        return detection;
    }
}
