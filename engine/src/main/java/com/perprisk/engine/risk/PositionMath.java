package com.perprisk.engine.risk;

import com.perprisk.engine.fixed.FixedPoint;
import com.perprisk.engine.fixed.Rounding;
import com.perprisk.engine.instrument.Instrument;

import static com.perprisk.engine.fixed.FixedPoint.FUNDING_DIVISOR;
import static com.perprisk.engine.fixed.FixedPoint.MAX_PRICE;
import static com.perprisk.engine.fixed.FixedPoint.NOTIONAL_DIVISOR;
import static com.perprisk.engine.fixed.FixedPoint.OVERFLOW;
import static com.perprisk.engine.fixed.FixedPoint.RATE_SCALE;

/**
 * Pure, allocation-free formulas for one position. All values are fixed-point raw (see
 * {@link FixedPoint}); every rounding is explicit and conservative: PnL and funding received round
 * down, requirements round up, liquidation prices round towards the mark (a long's up, a short's
 * down) so the engine never reports a liquidation later than the exact value would.
 */
public final class PositionMath
{
    /** Liquidation or bankruptcy price meaning "none within (0, MAX_PRICE]": a long that never reaches it, a short beyond MAX_PRICE. */
    public static final long NO_PRICE = 0;
    /** The lowest price (1 raw): a short's liquidation or bankruptcy price when it is reached at any price. */
    public static final long MIN_PRICE = 1;

    private PositionMath()
    {
    }

    /**
     * @param size  signed size
     * @param entry entry price
     * @param mark  mark price
     * @return {@code floor(size * (mark - entry))} in quote scale.
     */
    public static long unrealizedPnl(final long size, final long entry, final long mark)
    {
        return FixedPoint.mulDiv(size, mark - entry, NOTIONAL_DIVISOR, Rounding.FLOOR);
    }

    /**
     * Unrealized PnL as a fraction of the entry notional ("PnL %" divided by 100), rounded down.
     *
     * @param size  signed size, non-zero
     * @param entry entry price, positive
     * @param mark  mark price
     * @return {@code floor(size * (mark - entry) / (|size| * entry))} in rate scale.
     */
    public static long returnOnEntry(final long size, final long entry, final long mark)
    {
        final long pnlPerUnit = size > 0 ? mark - entry : entry - mark;
        return FixedPoint.mulDiv(pnlPerUnit, RATE_SCALE, entry, Rounding.FLOOR);
    }

    /**
     * @param size  signed size
     * @param price price
     * @return absolute notional {@code ceil(|size| * price)} in quote scale.
     */
    public static long notional(final long size, final long price)
    {
        return FixedPoint.mulDiv(Math.abs(size), price, NOTIONAL_DIVISOR, Rounding.CEILING);
    }

    /**
     * Funding accrued since the last settlement, as its effect on the account's equity: longs pay when
     * the index rises. Rounded down (an amount received is never overstated, one paid never understated).
     *
     * @param size         signed size
     * @param indexAtEntry funding index at the last settlement
     * @param index        current funding index
     * @return {@code floor(-size * (index - indexAtEntry))} in quote scale.
     */
    public static long fundingEffect(final long size, final long indexAtEntry, final long index)
    {
        return FixedPoint.mulDiv(-size, index - indexAtEntry, FUNDING_DIVISOR, Rounding.FLOOR);
    }

    /**
     * The price at which {@code backing + size * (P - entry)} equals the maintenance requirement at P,
     * with the tier that P's notional falls in (Binance's and dYdX's liquidation price; for isolated
     * positions {@code backing} is the isolated margin plus unsettled funding, for cross positions the
     * account's equity without this position's PnL, minus the other positions' maintenance).
     * Solved per tier as {@code P = (entry - (backing + amount) / size) / (1 - side * mmr)}; the first
     * tier whose notional range contains its own solution is used (the position's current tier first).
     * Two roundings, both towards the mark: the result is never later than the exact price and less than
     * {@code 1 + 1/(1 - side * mmr)} units of 1e-8 from it (at most 3 units).
     *
     * @param instrument instrument (tiers)
     * @param size       signed size, non-zero
     * @param entry      entry price
     * @param backing    equity backing the position excluding its unrealized PnL (quote scale)
     * @param currentTier tier of the position's notional at the mark
     * @return liquidation price; {@link #NO_PRICE} when none exists in (0, MAX_PRICE]; {@code MAX_PRICE} for a long
     *         and {@link #MIN_PRICE} for a short that is below maintenance at any price.
     */
    public static long liquidationPrice(
        final Instrument instrument, final long size, final long entry, final long backing, final int currentTier)
    {
        final long first = liquidationPriceInTier(instrument, size, entry, backing, currentTier);
        if (first == NO_PRICE || isInTier(instrument, size, first, currentTier))
        {
            return first;
        }
        for (int t = 0; t < instrument.tierCount(); t++)
        {
            if (t != currentTier)
            {
                final long price = liquidationPriceInTier(instrument, size, entry, backing, t);
                if (price != NO_PRICE && isInTier(instrument, size, price, t))
                {
                    return price;
                }
            }
        }
        return first;
    }

    private static boolean isInTier(final Instrument instrument, final long size, final long price, final int tier)
    {
        return instrument.tierOf(notional(size, price)) == tier;
    }

    /**
     * @param instrument instrument
     * @param size       signed size, non-zero
     * @param entry      entry price
     * @param backing    see {@link #liquidationPrice}
     * @param tier       tier whose maintenance rate and amount to use
     * @return the solution with that tier, or {@link #NO_PRICE}, {@code MAX_PRICE}, {@link #MIN_PRICE} as for {@link #liquidationPrice}.
     */
    public static long liquidationPriceInTier(
        final Instrument instrument, final long size, final long entry, final long backing, final int tier)
    {
        final long cushion = FixedPoint.add(backing, instrument.tierMaintenanceAmount(tier));
        if (cushion == OVERFLOW)
        {
            return NO_PRICE;
        }
        final long mmr = instrument.tierMaintenanceRate(tier);
        if (size > 0)
        {
            // P = (entry - cushion / size) / (1 - mmr): floor the offset, ceil the division -> P rounded up.
            final long offset = FixedPoint.mulDiv(cushion, NOTIONAL_DIVISOR, size, Rounding.FLOOR);
            final long numerator = offset == OVERFLOW ? OVERFLOW : FixedPoint.add(entry, -offset);
            if (numerator == OVERFLOW)
            {
                return cushion > 0 ? NO_PRICE : MAX_PRICE;
            }
            if (numerator <= 0)
            {
                return NO_PRICE;
            }
            final long price = FixedPoint.mulDiv(numerator, RATE_SCALE, RATE_SCALE - mmr, Rounding.CEILING);
            return price == OVERFLOW || price > MAX_PRICE ? MAX_PRICE : price;
        }
        // Short: P = (entry + cushion / |size|) / (1 + mmr): both rounded down -> P rounded down.
        final long offset = FixedPoint.mulDiv(cushion, NOTIONAL_DIVISOR, -size, Rounding.FLOOR);
        final long numerator = offset == OVERFLOW ? OVERFLOW : FixedPoint.add(entry, offset);
        if (numerator == OVERFLOW)
        {
            return cushion > 0 ? NO_PRICE : MIN_PRICE;
        }
        if (numerator <= 0)
        {
            return MIN_PRICE;
        }
        final long price = FixedPoint.mulDiv(numerator, RATE_SCALE, RATE_SCALE + mmr, Rounding.FLOOR);
        return price > MAX_PRICE ? NO_PRICE : Math.max(price, MIN_PRICE);
    }

    /**
     * The price at which the equity backing the position is zero: {@code entry - backing / size},
     * rounded towards the mark (a long's up, a short's down).
     *
     * @param size    signed size, non-zero
     * @param entry   entry price
     * @param backing equity backing the position excluding its unrealized PnL (quote scale)
     * @return bankruptcy price; {@link #NO_PRICE} when none exists in (0, MAX_PRICE]; {@code MAX_PRICE} for a long and
     *         {@link #MIN_PRICE} for a short bankrupt at any price.
     */
    public static long bankruptcyPrice(final long size, final long entry, final long backing)
    {
        if (size > 0)
        {
            final long offset = FixedPoint.mulDiv(backing, NOTIONAL_DIVISOR, size, Rounding.FLOOR);
            final long price = offset == OVERFLOW ? OVERFLOW : FixedPoint.add(entry, -offset);
            if (price == OVERFLOW)
            {
                return backing > 0 ? NO_PRICE : MAX_PRICE;
            }
            return price <= 0 ? NO_PRICE : Math.min(price, MAX_PRICE);
        }
        final long offset = FixedPoint.mulDiv(backing, NOTIONAL_DIVISOR, -size, Rounding.FLOOR);
        final long price = offset == OVERFLOW ? OVERFLOW : FixedPoint.add(entry, offset);
        if (price == OVERFLOW)
        {
            return backing > 0 ? NO_PRICE : MIN_PRICE;
        }
        return price > MAX_PRICE ? NO_PRICE : Math.max(price, MIN_PRICE);
    }
}
