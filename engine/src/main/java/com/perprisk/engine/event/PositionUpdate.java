package com.perprisk.engine.event;

/**
 * State of one position after a command changed (or queried) it, with its risk at the current mark
 *
 * <p>Pre-allocated and reused by the business-logic thread: valid only during the listener
 * callback that receives it; copy what you need to keep.
 */
public final class PositionUpdate
{
    private long sequence;
    private long accountId;
    private int instrumentId;
    private byte change;
    private byte state;
    private byte marginMode;
    private int leverage;
    private long size;
    private long entryPrice;
    private long markPrice;
    private long notional;
    private long unrealizedPnl;
    private long returnOnEntry;
    private long realizedPnl;
    private long realizedPnlDelta;
    private long fee;
    private long fundingSettled;
    private long unsettledFunding;
    private long isolatedMargin;
    private long initialMargin;
    private long maintenanceMargin;
    private long liquidationPrice;

    /** @return input sequence that caused this update. */
    public long sequence()
    {
        return sequence;
    }

    /** @param sequence input sequence that caused this update. @return this. */
    public PositionUpdate sequence(final long sequence)
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
    public PositionUpdate accountId(final long accountId)
    {
        this.accountId = accountId;
        return this;
    }

    /** @return instrument. */
    public int instrumentId()
    {
        return instrumentId;
    }

    /** @param instrumentId instrument. @return this. */
    public PositionUpdate instrumentId(final int instrumentId)
    {
        this.instrumentId = instrumentId;
        return this;
    }

    /** @return what happened, see {@code PositionChange}. */
    public byte change()
    {
        return change;
    }

    /** @param change what happened, see {@code PositionChange}. @return this. */
    public PositionUpdate change(final byte change)
    {
        this.change = change;
        return this;
    }

    /** @return lifecycle state after the change, see {@code PositionState}. */
    public byte state()
    {
        return state;
    }

    /** @param state lifecycle state after the change, see {@code PositionState}. @return this. */
    public PositionUpdate state(final byte state)
    {
        this.state = state;
        return this;
    }

    /** @return see {@code MarginMode}. */
    public byte marginMode()
    {
        return marginMode;
    }

    /** @param marginMode see {@code MarginMode}. @return this. */
    public PositionUpdate marginMode(final byte marginMode)
    {
        this.marginMode = marginMode;
        return this;
    }

    /** @return account leverage setting on this instrument. */
    public int leverage()
    {
        return leverage;
    }

    /** @param leverage account leverage setting on this instrument. @return this. */
    public PositionUpdate leverage(final int leverage)
    {
        this.leverage = leverage;
        return this;
    }

    /** @return signed size after the change (size scale). */
    public long size()
    {
        return size;
    }

    /** @param size signed size after the change (size scale). @return this. */
    public PositionUpdate size(final long size)
    {
        this.size = size;
        return this;
    }

    /** @return size-weighted average entry price (price scale), 0 when flat. */
    public long entryPrice()
    {
        return entryPrice;
    }

    /** @param entryPrice size-weighted average entry price (price scale), 0 when flat. @return this. */
    public PositionUpdate entryPrice(final long entryPrice)
    {
        this.entryPrice = entryPrice;
        return this;
    }

    /** @return current mark (price scale). */
    public long markPrice()
    {
        return markPrice;
    }

    /** @param markPrice current mark (price scale). @return this. */
    public PositionUpdate markPrice(final long markPrice)
    {
        this.markPrice = markPrice;
        return this;
    }

    /** @return absolute notional at mark (quote scale). */
    public long notional()
    {
        return notional;
    }

    /** @param notional absolute notional at mark (quote scale). @return this. */
    public PositionUpdate notional(final long notional)
    {
        this.notional = notional;
        return this;
    }

    /** @return unrealized PnL at mark (quote scale). */
    public long unrealizedPnl()
    {
        return unrealizedPnl;
    }

    /** @param unrealizedPnl unrealized PnL at mark (quote scale). @return this. */
    public PositionUpdate unrealizedPnl(final long unrealizedPnl)
    {
        this.unrealizedPnl = unrealizedPnl;
        return this;
    }

    /** @return unrealized PnL over the entry notional, "PnL %" / 100 (rate scale, rounded down), 0 when flat. */
    public long returnOnEntry()
    {
        return returnOnEntry;
    }

    /** @param returnOnEntry unrealized PnL over the entry notional (rate scale). @return this. */
    public PositionUpdate returnOnEntry(final long returnOnEntry)
    {
        this.returnOnEntry = returnOnEntry;
        return this;
    }

    /** @return PnL realized by this position so far (quote scale). */
    public long realizedPnl()
    {
        return realizedPnl;
    }

    /** @param realizedPnl PnL realized by this position so far (quote scale). @return this. */
    public PositionUpdate realizedPnl(final long realizedPnl)
    {
        this.realizedPnl = realizedPnl;
        return this;
    }

    /** @return PnL realized by this change (quote scale). */
    public long realizedPnlDelta()
    {
        return realizedPnlDelta;
    }

    /** @param realizedPnlDelta PnL realized by this change (quote scale). @return this. */
    public PositionUpdate realizedPnlDelta(final long realizedPnlDelta)
    {
        this.realizedPnlDelta = realizedPnlDelta;
        return this;
    }

    /** @return trading or liquidation fee charged by this change (quote scale). */
    public long fee()
    {
        return fee;
    }

    /** @param fee trading or liquidation fee charged by this change (quote scale). @return this. */
    public PositionUpdate fee(final long fee)
    {
        this.fee = fee;
        return this;
    }

    /** @return funding credited (+) or debited (-) to the account by this change (quote scale). */
    public long fundingSettled()
    {
        return fundingSettled;
    }

    /** @param fundingSettled funding credited (+) or debited (-) to the account by this change (quote scale). @return this. */
    public PositionUpdate fundingSettled(final long fundingSettled)
    {
        this.fundingSettled = fundingSettled;
        return this;
    }

    /** @return funding accrued since the last settlement, as an equity effect (quote scale). */
    public long unsettledFunding()
    {
        return unsettledFunding;
    }

    /** @param unsettledFunding funding accrued since the last settlement, as an equity effect (quote scale). @return this. */
    public PositionUpdate unsettledFunding(final long unsettledFunding)
    {
        this.unsettledFunding = unsettledFunding;
        return this;
    }

    /** @return isolated margin wallet (quote scale), 0 in cross mode. */
    public long isolatedMargin()
    {
        return isolatedMargin;
    }

    /** @param isolatedMargin isolated margin wallet (quote scale), 0 in cross mode. @return this. */
    public PositionUpdate isolatedMargin(final long isolatedMargin)
    {
        this.isolatedMargin = isolatedMargin;
        return this;
    }

    /** @return initial margin requirement (quote scale). */
    public long initialMargin()
    {
        return initialMargin;
    }

    /** @param initialMargin initial margin requirement (quote scale). @return this. */
    public PositionUpdate initialMargin(final long initialMargin)
    {
        this.initialMargin = initialMargin;
        return this;
    }

    /** @return maintenance margin requirement (quote scale). */
    public long maintenanceMargin()
    {
        return maintenanceMargin;
    }

    /** @param maintenanceMargin maintenance margin requirement (quote scale). @return this. */
    public PositionUpdate maintenanceMargin(final long maintenanceMargin)
    {
        this.maintenanceMargin = maintenanceMargin;
        return this;
    }

    /** @return liquidation price (price scale); 0 when none exists, MAX_PRICE for a long and 1 raw for a short below maintenance at any price. */
    public long liquidationPrice()
    {
        return liquidationPrice;
    }

    /** @param liquidationPrice liquidation price (price scale); 0 when none exists, MAX_PRICE for a long and 1 raw for a short below maintenance at any price. @return this. */
    public PositionUpdate liquidationPrice(final long liquidationPrice)
    {
        this.liquidationPrice = liquidationPrice;
        return this;
    }

    @Override
    public String toString()
    {
        return "PositionUpdate{" +
            "sequence=" + sequence + ", " +
            "accountId=" + accountId + ", " +
            "instrumentId=" + instrumentId + ", " +
            "change=" + change + ", " +
            "state=" + state + ", " +
            "marginMode=" + marginMode + ", " +
            "leverage=" + leverage + ", " +
            "size=" + size + ", " +
            "entryPrice=" + entryPrice + ", " +
            "markPrice=" + markPrice + ", " +
            "notional=" + notional + ", " +
            "unrealizedPnl=" + unrealizedPnl + ", " +
            "returnOnEntry=" + returnOnEntry + ", " +
            "realizedPnl=" + realizedPnl + ", " +
            "realizedPnlDelta=" + realizedPnlDelta + ", " +
            "fee=" + fee + ", " +
            "fundingSettled=" + fundingSettled + ", " +
            "unsettledFunding=" + unsettledFunding + ", " +
            "isolatedMargin=" + isolatedMargin + ", " +
            "initialMargin=" + initialMargin + ", " +
            "maintenanceMargin=" + maintenanceMargin + ", " +
            "liquidationPrice=" + liquidationPrice + '}';
    }
}
