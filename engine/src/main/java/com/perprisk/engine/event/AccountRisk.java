package com.perprisk.engine.event;

/**
 * An account's risk after a command changed or queried it, or after a mark or funding tick re-evaluated it
 *
 * <p>Pre-allocated and reused by the business-logic thread: valid only during the listener
 * callback that receives it; copy what you need to keep.
 */
public final class AccountRisk
{
    private long sequence;
    private long accountId;
    private long collateral;
    private long isolatedMargin;
    private long notional;
    private long unrealizedPnl;
    private long unsettledFunding;
    private long equity;
    private long initialMargin;
    private long maintenanceMargin;
    private long marginRatio;
    private long freeCollateral;
    private long realizedPnl;
    private long feesPaid;
    private long fundingPaid;
    private int openPositions;
    private boolean liquidatable;

    /** @return input sequence that caused this evaluation. */
    public long sequence()
    {
        return sequence;
    }

    /** @param sequence input sequence that caused this evaluation. @return this. */
    public AccountRisk sequence(final long sequence)
    {
        this.sequence = sequence;
        return this;
    }

    /** @return account. */
    public long accountId()
    {
        return accountId;
    }

    /** @param accountId account. @return this. */
    public AccountRisk accountId(final long accountId)
    {
        this.accountId = accountId;
        return this;
    }

    /** @return cross collateral (wallet balance, quote scale). */
    public long collateral()
    {
        return collateral;
    }

    /** @param collateral cross collateral (wallet balance, quote scale). @return this. */
    public AccountRisk collateral(final long collateral)
    {
        this.collateral = collateral;
        return this;
    }

    /** @return sum of isolated margin wallets (quote scale). */
    public long isolatedMargin()
    {
        return isolatedMargin;
    }

    /** @param isolatedMargin sum of isolated margin wallets (quote scale). @return this. */
    public AccountRisk isolatedMargin(final long isolatedMargin)
    {
        this.isolatedMargin = isolatedMargin;
        return this;
    }

    /** @return gross exposure: sum of absolute notional at mark over all open positions, cross and isolated (quote scale). */
    public long notional()
    {
        return notional;
    }

    /** @param notional gross exposure (quote scale). @return this. */
    public AccountRisk notional(final long notional)
    {
        this.notional = notional;
        return this;
    }

    /** @return sum of unrealized PnL of cross positions (quote scale). */
    public long unrealizedPnl()
    {
        return unrealizedPnl;
    }

    /** @param unrealizedPnl sum of unrealized PnL of cross positions (quote scale). @return this. */
    public AccountRisk unrealizedPnl(final long unrealizedPnl)
    {
        this.unrealizedPnl = unrealizedPnl;
        return this;
    }

    /** @return unsettled funding of cross positions as an equity effect (quote scale). */
    public long unsettledFunding()
    {
        return unsettledFunding;
    }

    /** @param unsettledFunding unsettled funding of cross positions as an equity effect (quote scale). @return this. */
    public AccountRisk unsettledFunding(final long unsettledFunding)
    {
        this.unsettledFunding = unsettledFunding;
        return this;
    }

    /** @return cross equity: collateral + unrealized PnL + unsettled funding (quote scale). */
    public long equity()
    {
        return equity;
    }

    /** @param equity cross equity: collateral + unrealized PnL + unsettled funding (quote scale). @return this. */
    public AccountRisk equity(final long equity)
    {
        this.equity = equity;
        return this;
    }

    /** @return initial margin requirement of cross positions (quote scale). */
    public long initialMargin()
    {
        return initialMargin;
    }

    /** @param initialMargin initial margin requirement of cross positions (quote scale). @return this. */
    public AccountRisk initialMargin(final long initialMargin)
    {
        this.initialMargin = initialMargin;
        return this;
    }

    /** @return maintenance margin requirement of cross positions (quote scale). */
    public long maintenanceMargin()
    {
        return maintenanceMargin;
    }

    /** @param maintenanceMargin maintenance margin requirement of cross positions (quote scale). @return this. */
    public AccountRisk maintenanceMargin(final long maintenanceMargin)
    {
        this.maintenanceMargin = maintenanceMargin;
        return this;
    }

    /** @return maintenance / equity (rate scale), {@code Long.MAX_VALUE} when equity is not positive and a requirement exists. */
    public long marginRatio()
    {
        return marginRatio;
    }

    /** @param marginRatio maintenance / equity (rate scale), {@code Long.MAX_VALUE} when equity is not positive and a requirement exists. @return this. */
    public AccountRisk marginRatio(final long marginRatio)
    {
        this.marginRatio = marginRatio;
        return this;
    }

    /** @return what can be withdrawn or used for new orders: min(collateral, equity - initial), at least 0 (quote scale). */
    public long freeCollateral()
    {
        return freeCollateral;
    }

    /** @param freeCollateral what can be withdrawn or used for new orders: min(collateral, equity - initial), at least 0 (quote scale). @return this. */
    public AccountRisk freeCollateral(final long freeCollateral)
    {
        this.freeCollateral = freeCollateral;
        return this;
    }

    /** @return PnL realized by the account so far (quote scale). */
    public long realizedPnl()
    {
        return realizedPnl;
    }

    /** @param realizedPnl PnL realized by the account so far (quote scale). @return this. */
    public AccountRisk realizedPnl(final long realizedPnl)
    {
        this.realizedPnl = realizedPnl;
        return this;
    }

    /** @return fees paid by the account so far (quote scale). */
    public long feesPaid()
    {
        return feesPaid;
    }

    /** @param feesPaid fees paid by the account so far (quote scale). @return this. */
    public AccountRisk feesPaid(final long feesPaid)
    {
        this.feesPaid = feesPaid;
        return this;
    }

    /** @return funding paid (+) or received (-) so far (quote scale). */
    public long fundingPaid()
    {
        return fundingPaid;
    }

    /** @param fundingPaid funding paid (+) or received (-) so far (quote scale). @return this. */
    public AccountRisk fundingPaid(final long fundingPaid)
    {
        this.fundingPaid = fundingPaid;
        return this;
    }

    /** @return number of open positions. */
    public int openPositions()
    {
        return openPositions;
    }

    /** @param openPositions number of open positions. @return this. */
    public AccountRisk openPositions(final int openPositions)
    {
        this.openPositions = openPositions;
        return this;
    }

    /** @return true when the cross part or any isolated position is below maintenance. */
    public boolean liquidatable()
    {
        return liquidatable;
    }

    /** @param liquidatable true when the cross part or any isolated position is below maintenance. @return this. */
    public AccountRisk liquidatable(final boolean liquidatable)
    {
        this.liquidatable = liquidatable;
        return this;
    }

    @Override
    public String toString()
    {
        return "AccountRisk{" +
            "sequence=" + sequence + ", " +
            "accountId=" + accountId + ", " +
            "collateral=" + collateral + ", " +
            "isolatedMargin=" + isolatedMargin + ", " +
            "notional=" + notional + ", " +
            "unrealizedPnl=" + unrealizedPnl + ", " +
            "unsettledFunding=" + unsettledFunding + ", " +
            "equity=" + equity + ", " +
            "initialMargin=" + initialMargin + ", " +
            "maintenanceMargin=" + maintenanceMargin + ", " +
            "marginRatio=" + marginRatio + ", " +
            "freeCollateral=" + freeCollateral + ", " +
            "realizedPnl=" + realizedPnl + ", " +
            "feesPaid=" + feesPaid + ", " +
            "fundingPaid=" + fundingPaid + ", " +
            "openPositions=" + openPositions + ", " +
            "liquidatable=" + liquidatable + '}';
    }
}
