package com.perprisk.engine.risk;

import com.perprisk.engine.event.PositionChange;
import com.perprisk.engine.fixed.FixedPoint;
import com.perprisk.engine.fixed.Rounding;

/**
 * What a trade of {@code quantity} at {@code price} does to a position of {@code size} at
 * {@code entry}: new size and entry, the quantity closed and the PnL it realizes. One reused instance,
 * shared by fills, liquidation fills and pre-trade checks so all three apply the same rules.
 *
 * <p>Entry price is the size-weighted average on increases ({@code entry + (price - entry) * q / (|s| + q)},
 * rounded against the holder: a long's up, a short's down), unchanged on reductions, the trade price
 * after a flip. Realized PnL is {@code floor(closed * (price - entry))}.
 *
 * <p>Threading: a scratch object of the business-logic thread.
 */
public final class TradeOutcome
{
    private long newSize;
    private long newEntry;
    private long closedQuantity;
    private long openedQuantity;
    private long realizedPnl;
    private byte change;

    /**
     * @param size     current signed size
     * @param entry    current entry price
     * @param quantity signed trade quantity, non-zero
     * @param price    trade price
     * @return this, filled.
     */
    public TradeOutcome compute(final long size, final long entry, final long quantity, final long price)
    {
        newSize = size + quantity;
        if (size == 0)
        {
            closedQuantity = 0;
            openedQuantity = Math.abs(quantity);
            realizedPnl = 0;
            newEntry = price;
            change = PositionChange.OPENED;
        }
        else if ((size > 0) == (quantity > 0))
        {
            closedQuantity = 0;
            openedQuantity = Math.abs(quantity);
            realizedPnl = 0;
            final Rounding rounding = size > 0 ? Rounding.CEILING : Rounding.FLOOR;
            newEntry = entry + FixedPoint.mulDiv(price - entry, Math.abs(quantity), Math.abs(newSize), rounding);
            change = PositionChange.INCREASED;
        }
        else
        {
            final long absSize = Math.abs(size);
            final long absQuantity = Math.abs(quantity);
            closedQuantity = Math.min(absSize, absQuantity);
            openedQuantity = absQuantity - closedQuantity;
            realizedPnl = PositionMath.unrealizedPnl(size > 0 ? closedQuantity : -closedQuantity, entry, price);
            if (absQuantity < absSize)
            {
                newEntry = entry;
                change = PositionChange.REDUCED;
            }
            else if (absQuantity == absSize)
            {
                newEntry = 0;
                change = PositionChange.CLOSED;
            }
            else
            {
                newEntry = price;
                change = PositionChange.FLIPPED;
            }
        }
        return this;
    }

    /** @return signed size after the trade */
    public long newSize()
    {
        return newSize;
    }

    /** @return entry price after the trade (0 when flat) */
    public long newEntry()
    {
        return newEntry;
    }

    /** @return quantity of the old position closed (non-negative) */
    public long closedQuantity()
    {
        return closedQuantity;
    }

    /** @return quantity opened in the new direction or added (non-negative) */
    public long openedQuantity()
    {
        return openedQuantity;
    }

    /** @return PnL realized on the closed quantity (quote scale) */
    public long realizedPnl()
    {
        return realizedPnl;
    }

    /** @return the {@link PositionChange} this trade makes */
    public byte change()
    {
        return change;
    }
}
