package com.perprisk.engine.event;

/**
 * A position that should be (partly) liquidated because its account (cross) or itself (isolated) is below maintenance
 *
 * <p>Pre-allocated and reused by the business-logic thread: valid only during the listener
 * callback that receives it; copy what you need to keep.
 */
public final class LiquidationCandidate
{
    private long sequence;
    private long accountId;
    private int instrumentId;
    private byte marginMode;
    private long positionSize;
    private long sizeToClose;
    private long markPrice;
    private long bankruptcyPrice;
    private long shortfall;
    private long equity;
    private long maintenanceMargin;

    /** @return input sequence that revealed it. */
    public long sequence()
    {
        return sequence;
    }

    /** @param sequence input sequence that revealed it. @return this. */
    public LiquidationCandidate sequence(final long sequence)
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
    public LiquidationCandidate accountId(final long accountId)
    {
        this.accountId = accountId;
        return this;
    }

    /** @return instrument to close. */
    public int instrumentId()
    {
        return instrumentId;
    }

    /** @param instrumentId instrument to close. @return this. */
    public LiquidationCandidate instrumentId(final int instrumentId)
    {
        this.instrumentId = instrumentId;
        return this;
    }

    /** @return see {@code MarginMode}. */
    public byte marginMode()
    {
        return marginMode;
    }

    /** @param marginMode see {@code MarginMode}. @return this. */
    public LiquidationCandidate marginMode(final byte marginMode)
    {
        this.marginMode = marginMode;
        return this;
    }

    /** @return signed size now (size scale). */
    public long positionSize()
    {
        return positionSize;
    }

    /** @param positionSize signed size now (size scale). @return this. */
    public LiquidationCandidate positionSize(final long positionSize)
    {
        this.positionSize = positionSize;
        return this;
    }

    /** @return positive quantity to close at mark to restore maintenance, lot-rounded up; the whole position if that cannot be enough (size scale). */
    public long sizeToClose()
    {
        return sizeToClose;
    }

    /** @param sizeToClose positive quantity to close at mark to restore maintenance, lot-rounded up; the whole position if that cannot be enough (size scale). @return this. */
    public LiquidationCandidate sizeToClose(final long sizeToClose)
    {
        this.sizeToClose = sizeToClose;
        return this;
    }

    /** @return mark price now (price scale). */
    public long markPrice()
    {
        return markPrice;
    }

    /** @param markPrice mark price now (price scale). @return this. */
    public LiquidationCandidate markPrice(final long markPrice)
    {
        this.markPrice = markPrice;
        return this;
    }

    /** @return price at which the equity backing this position is zero (price scale); 0 when none exists, 1 raw for a short bankrupt at any price. */
    public long bankruptcyPrice()
    {
        return bankruptcyPrice;
    }

    /** @param bankruptcyPrice price at which the equity backing this position is zero (price scale); 0 when none exists, 1 raw for a short bankrupt at any price. @return this. */
    public LiquidationCandidate bankruptcyPrice(final long bankruptcyPrice)
    {
        this.bankruptcyPrice = bankruptcyPrice;
        return this;
    }

    /** @return maintenance requirement minus equity, positive (quote scale). */
    public long shortfall()
    {
        return shortfall;
    }

    /** @param shortfall maintenance requirement minus equity, positive (quote scale). @return this. */
    public LiquidationCandidate shortfall(final long shortfall)
    {
        this.shortfall = shortfall;
        return this;
    }

    /** @return equity backing the position: cross equity or isolated equity (quote scale). */
    public long equity()
    {
        return equity;
    }

    /** @param equity equity backing the position: cross equity or isolated equity (quote scale). @return this. */
    public LiquidationCandidate equity(final long equity)
    {
        this.equity = equity;
        return this;
    }

    /** @return maintenance requirement that equity is below (quote scale). */
    public long maintenanceMargin()
    {
        return maintenanceMargin;
    }

    /** @param maintenanceMargin maintenance requirement that equity is below (quote scale). @return this. */
    public LiquidationCandidate maintenanceMargin(final long maintenanceMargin)
    {
        this.maintenanceMargin = maintenanceMargin;
        return this;
    }

    @Override
    public String toString()
    {
        return "LiquidationCandidate{" +
            "sequence=" + sequence + ", " +
            "accountId=" + accountId + ", " +
            "instrumentId=" + instrumentId + ", " +
            "marginMode=" + marginMode + ", " +
            "positionSize=" + positionSize + ", " +
            "sizeToClose=" + sizeToClose + ", " +
            "markPrice=" + markPrice + ", " +
            "bankruptcyPrice=" + bankruptcyPrice + ", " +
            "shortfall=" + shortfall + ", " +
            "equity=" + equity + ", " +
            "maintenanceMargin=" + maintenanceMargin + '}';
    }
}
