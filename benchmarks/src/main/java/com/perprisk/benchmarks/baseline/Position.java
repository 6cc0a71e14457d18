package com.perprisk.benchmarks.baseline;

import com.perprisk.engine.fixed.FixedPoint;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One account's position in one instrument, in decimals: signed size, entry price, realized PnL and leverage. A trade
 * opens, increases (entry = size-weighted average, rounded against the holder: a long's up, a short's down), reduces
 * (entry unchanged), closes or flips it (entry = the trade price), and realizes {@code closed * (price - entry)} rounded
 * down, the engine's rules.
 *
 * <p>Threading: not thread-safe; owned by its {@link Account}.
 */
final class Position
{
    private static final BigDecimal FLAT = BigDecimal.ZERO.setScale(FixedPoint.SIZE_DECIMALS);
    private static final BigDecimal NO_PRICE = BigDecimal.ZERO.setScale(FixedPoint.PRICE_DECIMALS);

    private final int instrumentId;
    private final int leverage;
    private BigDecimal size = FLAT;
    private BigDecimal entryPrice = NO_PRICE;
    private BigDecimal realizedPnl = BigDecimal.ZERO.setScale(Market.QUOTE_DECIMALS);

    /** @param instrumentId instrument @param leverage leverage setting (the instrument's max for a new position) */
    Position(final int instrumentId, final int leverage)
    {
        this.instrumentId = instrumentId;
        this.leverage = leverage;
    }

    /** @return instrument id */
    int instrumentId()
    {
        return instrumentId;
    }

    /** @return leverage setting */
    int leverage()
    {
        return leverage;
    }

    /** @return signed size (+ long, - short) */
    BigDecimal size()
    {
        return size;
    }

    /** @return entry price, 0 when flat */
    BigDecimal entryPrice()
    {
        return entryPrice;
    }

    /** @return PnL realized over the position's life */
    BigDecimal realizedPnl()
    {
        return realizedPnl;
    }

    /** @return true when the size is zero */
    boolean isFlat()
    {
        return size.signum() == 0;
    }

    /** @param mark mark price @return {@code size * (mark - entry)}, rounded down */
    BigDecimal unrealizedPnl(final BigDecimal mark)
    {
        return size.multiply(mark.subtract(entryPrice)).setScale(Market.QUOTE_DECIMALS, RoundingMode.FLOOR);
    }

    /**
     * Apply a trade.
     *
     * @param quantity signed trade size (+ buy).
     * @param price    trade price.
     * @return PnL realized by the trade.
     */
    BigDecimal trade(final BigDecimal quantity, final BigDecimal price)
    {
        final BigDecimal newSize = size.add(quantity);
        BigDecimal realized = BigDecimal.ZERO.setScale(Market.QUOTE_DECIMALS);
        if (size.signum() == 0)
        {
            entryPrice = price;
        }
        else if (size.signum() == quantity.signum())
        {
            final RoundingMode againstHolder = size.signum() > 0 ? RoundingMode.CEILING : RoundingMode.FLOOR;
            entryPrice = entryPrice.add(price.subtract(entryPrice).multiply(quantity.abs())
                .divide(newSize.abs(), FixedPoint.PRICE_DECIMALS, againstHolder));
        }
        else
        {
            final BigDecimal closed = size.abs().min(quantity.abs());
            final BigDecimal closedSigned = size.signum() > 0 ? closed : closed.negate();
            realized = closedSigned.multiply(price.subtract(entryPrice)).setScale(Market.QUOTE_DECIMALS, RoundingMode.FLOOR);
            final int comparison = quantity.abs().compareTo(size.abs());
            if (comparison == 0)
            {
                entryPrice = NO_PRICE;
            }
            else if (comparison > 0)
            {
                entryPrice = price;
            }
        }
        size = newSize;
        realizedPnl = realizedPnl.add(realized);
        return realized;
    }
}
