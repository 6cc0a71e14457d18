package com.perprisk.benchmarks.baseline;

import java.math.BigDecimal;

/**
 * What the {@link StraightforwardRiskEngine} reports, as a new immutable object per event (the straightforward way).
 * Called on the thread applying the command, in the order the events are produced.
 */
public interface StraightforwardRiskListener
{
    /** A listener that ignores everything. */
    StraightforwardRiskListener NO_OP = new StraightforwardRiskListener()
    {
    };

    /** @param change a fill changed a position */
    default void onPositionChange(final PositionChange change)
    {
    }

    /** @param risk an account was (re-)evaluated */
    default void onAccountRisk(final AccountRisk risk)
    {
    }

    /** @param alert an account's margin ratio crossed the alert threshold, up or down */
    default void onMarginAlert(final MarginAlert alert)
    {
    }

    /** @param candidate an account below maintenance, and the position to liquidate (its largest by notional) */
    default void onLiquidationCandidate(final LiquidationCandidate candidate)
    {
    }

    /**
     * A position after a fill, at the current mark.
     *
     * @param accountId        account.
     * @param instrumentId     instrument.
     * @param size             signed size after the fill.
     * @param entryPrice       entry price after the fill, 0 when flat.
     * @param markPrice        mark price.
     * @param notional         absolute notional at the mark.
     * @param unrealizedPnl    unrealized PnL at the mark.
     * @param realizedPnlDelta PnL realized by the fill.
     * @param fee              fee charged for the fill.
     * @param initialMargin    initial requirement.
     * @param maintenanceMargin maintenance requirement.
     */
    record PositionChange(long accountId, int instrumentId, BigDecimal size, BigDecimal entryPrice, BigDecimal markPrice,
        BigDecimal notional, BigDecimal unrealizedPnl, BigDecimal realizedPnlDelta, BigDecimal fee, BigDecimal initialMargin,
        BigDecimal maintenanceMargin)
    {
    }

    /**
     * An account at the current marks.
     *
     * @param accountId         account.
     * @param collateral        collateral.
     * @param notional          gross notional at the marks.
     * @param unrealizedPnl     sum of unrealized PnL.
     * @param equity            collateral plus unrealized PnL.
     * @param initialMargin     sum of initial requirements.
     * @param maintenanceMargin sum of maintenance requirements.
     * @param marginRatio       maintenance / equity rounded up to 8 decimals; 0 without requirement; null when equity is
     *                          not positive while a requirement exists.
     * @param freeCollateral    {@code max(0, min(collateral, equity - initial))}.
     * @param realizedPnl       PnL realized over the account's life.
     * @param feesPaid          fees paid.
     * @param openPositions     number of open positions.
     */
    record AccountRisk(long accountId, BigDecimal collateral, BigDecimal notional, BigDecimal unrealizedPnl, BigDecimal equity,
        BigDecimal initialMargin, BigDecimal maintenanceMargin, BigDecimal marginRatio, BigDecimal freeCollateral,
        BigDecimal realizedPnl, BigDecimal feesPaid, int openPositions)
    {
        /** @return true when a requirement exists and equity is below it */
        public boolean belowMaintenance()
        {
            return maintenanceMargin.signum() > 0 && equity.compareTo(maintenanceMargin) < 0;
        }

        /**
         * @param threshold alert threshold (maintenance / equity).
         * @return true when a requirement exists and {@code maintenance / equity >= threshold}, exactly (also when
         *         equity is not positive).
         */
        public boolean atOrAboveRatio(final BigDecimal threshold)
        {
            return maintenanceMargin.signum() > 0 &&
                (equity.signum() <= 0 || maintenanceMargin.compareTo(equity.multiply(threshold)) >= 0);
        }
    }

    /**
     * @param accountId   account.
     * @param raised      true raised, false recovered.
     * @param marginRatio the ratio that crossed (null: equity not positive).
     */
    record MarginAlert(long accountId, boolean raised, BigDecimal marginRatio)
    {
    }

    /**
     * @param accountId         account below maintenance.
     * @param instrumentId      instrument of its largest position by notional.
     * @param positionSize      that position's signed size.
     * @param markPrice         its mark.
     * @param bankruptcyPrice   the price at which the account's equity would be zero, the other positions held at
     *                          their marks (0 if none in range).
     * @param shortfall         maintenance minus equity.
     * @param equity            the account's equity.
     * @param maintenanceMargin the account's maintenance requirement.
     */
    record LiquidationCandidate(long accountId, int instrumentId, BigDecimal positionSize, BigDecimal markPrice,
        BigDecimal bankruptcyPrice, BigDecimal shortfall, BigDecimal equity, BigDecimal maintenanceMargin)
    {
    }
}
