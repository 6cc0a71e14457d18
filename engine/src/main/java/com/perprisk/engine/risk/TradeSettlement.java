package com.perprisk.engine.risk;

import com.perprisk.engine.book.AccountBook;
import com.perprisk.engine.book.PositionBook;
import com.perprisk.engine.command.RejectReason;
import com.perprisk.engine.fixed.FixedPoint;
import com.perprisk.engine.fixed.Rounding;
import com.perprisk.engine.instrument.Instrument;
import com.perprisk.engine.instrument.InstrumentBook;

import static com.perprisk.engine.fixed.FixedPoint.MAX_BALANCE;
import static com.perprisk.engine.fixed.FixedPoint.OVERFLOW;

/**
 * Every money movement of one trade on one position, computed without changing anything, so that a fill, a
 * liquidation fill and a pre-trade check apply the same rules and a trade that breaks a limit is rejected before
 * any state changes. The caller commits the deltas.
 *
 * <p>Rules: funding accrued on the position settles first. A cross trade's realized PnL and funding go to the
 * account's collateral. An isolated position is its own wallet: funding and realized PnL go to the wallet; a
 * reduction releases to the collateral the closed part's share of the wallet net of its realized PnL, clamped to
 * what is there, so the remaining position keeps its share; a liquidation releases nothing (the candidate size is
 * computed on that basis); a close releases everything, and a wallet below zero is a deficit the insurance fund
 * covers. Opening or adding to an isolated position moves the initial margin of the added notional (at the trade
 * price, with the leverage capped by the tier) from the collateral, as much as is available. The trading fee is
 * charged to the collateral and goes to the fee pool; a liquidation fee goes to the insurance fund and is charged
 * to the wallet of an isolated position. A cross account liquidated flat with negative collateral is bankrupt: the
 * insurance fund covers the deficit.
 *
 * <p>Threading: a scratch object of the business-logic thread.
 */
public final class TradeSettlement
{
    private final AccountBook accounts;
    private final PositionBook positions;
    private final InstrumentBook instruments;
    private final TradeOutcome trade = new TradeOutcome();

    private boolean isolated;
    private long fundingSettled;
    private long collateralDelta;
    private long walletAfter;
    private long insuranceDelta;
    private long deficitCovered;
    private long feePoolDelta;
    private long requiredMargin;

    /**
     * @param accounts    account book
     * @param positions   position book
     * @param instruments instruments and funding indexes
     */
    public TradeSettlement(final AccountBook accounts, final PositionBook positions, final InstrumentBook instruments)
    {
        this.accounts = accounts;
        this.positions = positions;
        this.instruments = instruments;
    }

    /**
     * Compute the trade's effects.
     *
     * @param slot        account slot.
     * @param p           position slot, or {@link AccountBook#NONE} if the account never traded the instrument.
     * @param instrument  instrument.
     * @param quantity    signed trade quantity.
     * @param price       trade price.
     * @param fee         fee charged (trading fee, or liquidation fee when {@code liquidation}).
     * @param liquidation true for a liquidation fill.
     * @return {@link RejectReason#NONE}, or the limit the trade would break (nothing computed is then meaningful).
     */
    public int compute(
        final int slot, final int p, final Instrument instrument, final long quantity, final long price, final long fee, final boolean liquidation)
    {
        final long size = p == AccountBook.NONE ? 0 : positions.size(p);
        isolated = p != AccountBook.NONE && positions.isIsolated(p);
        fundingSettled = size == 0 ? 0 : PositionMath.fundingEffect(size, positions.fundingIndex(p), instruments.fundingIndex(instrument.id()));
        trade.compute(size, p == AccountBook.NONE ? 0 : positions.entryPrice(p), quantity, price);
        final long realized = trade.realizedPnl();
        final long collateral = accounts.collateral(slot);
        final boolean feeFromWallet = isolated && liquidation;

        collateralDelta = feeFromWallet ? 0 : -fee;
        insuranceDelta = liquidation ? fee : 0;
        feePoolDelta = liquidation ? 0 : fee;
        deficitCovered = 0;
        requiredMargin = 0;
        walletAfter = 0;
        if (isolated)
        {
            final long walletSettled = positions.isolatedMargin(p) + fundingSettled;
            long wallet = walletSettled + realized - (feeFromWallet ? fee : 0);
            final long closed = trade.closedQuantity();
            if (closed > 0)
            {
                final long release;
                if (closed == Math.abs(size))
                {
                    release = Math.max(wallet, 0);
                    deficitCovered = Math.max(-wallet, 0);
                }
                else if (liquidation)
                {
                    release = 0;
                }
                else
                {
                    final long share = walletSettled <= 0 ? 0 : FixedPoint.mulDiv(walletSettled, closed, Math.abs(size), Rounding.FLOOR);
                    release = Math.max(0, Math.min(share + realized, Math.max(wallet, 0)));
                }
                wallet += deficitCovered - release;
                collateralDelta += release;
            }
            if (trade.openedQuantity() > 0)
            {
                final long newNotional = PositionMath.notional(trade.newSize(), price);
                final int leverage = Math.min(positions.leverage(p), instrument.tierMaxLeverage(instrument.tierOf(newNotional)));
                requiredMargin = FixedPoint.div(PositionMath.notional(trade.openedQuantity(), price), leverage, Rounding.CEILING);
                final long moved = Math.min(requiredMargin, Math.max(0, collateral + collateralDelta));
                wallet += moved;
                collateralDelta -= moved;
            }
            walletAfter = wallet;
        }
        else
        {
            collateralDelta += fundingSettled + realized;
            if (liquidation && trade.newSize() == 0 && collateral + collateralDelta < 0 && !hasOtherOpenCrossPosition(slot, p))
            {
                deficitCovered = -(collateral + collateralDelta);
                collateralDelta += deficitCovered;
            }
        }
        insuranceDelta -= deficitCovered;

        // MAX_BALANCE bounds the account's money (collateral + isolated wallets); only money from outside can raise it.
        final long inflow = fundingSettled + realized - fee + deficitCovered;
        if (!liquidation && inflow > 0 && collateral + positions.isolatedMarginOfAccount(slot) + inflow > MAX_BALANCE)
        {
            return RejectReason.BALANCE_LIMIT;
        }
        // Losses and fees can take collateral or a wallet negative (a debt), but never beyond -MAX_BALANCE.
        if (collateral + collateralDelta < -MAX_BALANCE || walletAfter < -MAX_BALANCE)
        {
            return RejectReason.LIMIT_EXCEEDED;
        }
        if (FixedPoint.add(accounts.realizedPnl(slot), realized) == OVERFLOW ||
            FixedPoint.add(accounts.feesPaid(slot), fee) == OVERFLOW ||
            FixedPoint.add(accounts.fundingPaid(slot), -fundingSettled) == OVERFLOW)
        {
            return RejectReason.LIMIT_EXCEEDED;
        }
        return RejectReason.NONE;
    }

    private boolean hasOtherOpenCrossPosition(final int slot, final int liquidated)
    {
        for (int q = accounts.firstPosition(slot); q != AccountBook.NONE; q = positions.nextOfAccount(q))
        {
            if (q != liquidated && positions.size(q) != 0 && !positions.isIsolated(q))
            {
                return true;
            }
        }
        return false;
    }

    /** @return the trade's outcome on the position (size, entry, realized PnL, change) */
    public TradeOutcome trade()
    {
        return trade;
    }

    /** @return true if the position is isolated */
    public boolean isolated()
    {
        return isolated;
    }

    /** @return funding settled to the account by this trade, as an equity effect */
    public long fundingSettled()
    {
        return fundingSettled;
    }

    /** @return change of the cross collateral */
    public long collateralDelta()
    {
        return collateralDelta;
    }

    /** @return isolated wallet after the trade (0 for cross) */
    public long walletAfter()
    {
        return walletAfter;
    }

    /** @return change of the insurance fund: liquidation fee minus any deficit covered */
    public long insuranceDelta()
    {
        return insuranceDelta;
    }

    /** @return bankrupt deficit the insurance fund covers */
    public long deficitCovered()
    {
        return deficitCovered;
    }

    /** @return change of the fee pool */
    public long feePoolDelta()
    {
        return feePoolDelta;
    }

    /** @return initial margin an isolated opening needs to move from the collateral */
    public long requiredMargin()
    {
        return requiredMargin;
    }
}
