package com.perprisk.engine.risk;

import com.perprisk.engine.book.AccountBook;
import com.perprisk.engine.book.PositionBook;
import com.perprisk.engine.fixed.FixedPoint;
import com.perprisk.engine.fixed.Rounding;
import com.perprisk.engine.instrument.Instrument;
import com.perprisk.engine.instrument.InstrumentBook;

import static com.perprisk.engine.fixed.FixedPoint.FUNDING_DIVISOR;
import static com.perprisk.engine.fixed.FixedPoint.NOTIONAL_DIVISOR;
import static com.perprisk.engine.fixed.FixedPoint.OVERFLOW;
import static com.perprisk.engine.fixed.FixedPoint.RATE_SCALE;

/**
 * Evaluates one account at the current marks: per open position its notional, unrealized PnL,
 * unsettled funding, initial and maintenance requirement; for the cross part the equity
 * ({@code collateral + Σ PnL + Σ funding}), requirements and margin ratio; for each isolated position
 * its own equity against its own maintenance. Results stay in this reused scratch object until the
 * next {@link #evaluate(int)}.
 *
 * <p>Also derives what the liquidation detection needs: liquidation candidates (size to close,
 * bankruptcy price, shortfall) and each position's trigger band for {@link LiquidationIndex}.
 *
 * <p>Threading: a scratch object of the business-logic thread. No allocation.
 */
public final class AccountEvaluator
{
    /** Documented limit: open positions per account, which keeps every account sum inside a long. */
    public static final int MAX_OPEN_POSITIONS = 32;
    /** Margin ratio reported when equity is not positive while a requirement exists. */
    public static final long INFINITE_RATIO = Long.MAX_VALUE;
    /** Rounding slack reserved per position when computing trigger bands (quote raw units). */
    private static final long ROUNDING_RESERVE = 4;

    private final AccountBook accounts;
    private final PositionBook positions;
    private final InstrumentBook instruments;

    private final int[] position = new int[MAX_OPEN_POSITIONS];
    private final long[] notional = new long[MAX_OPEN_POSITIONS];
    private final long[] unrealizedPnl = new long[MAX_OPEN_POSITIONS];
    private final long[] funding = new long[MAX_OPEN_POSITIONS];
    private final long[] initialMargin = new long[MAX_OPEN_POSITIONS];
    private final long[] maintenanceMargin = new long[MAX_OPEN_POSITIONS];
    private final int[] tier = new int[MAX_OPEN_POSITIONS];
    private int count;
    private int accountSlot;
    private long collateral;
    private long crossUnrealizedPnl;
    private long crossFunding;
    private long crossInitialMargin;
    private long crossMaintenanceMargin;
    private long crossNotional;
    /** Σ over cross positions of their instrument's maintenance jump total plus the rounding reserve. */
    private long crossReserve;
    private long totalNotional;
    private long isolatedMarginTotal;
    private long bandMarkKey;
    private long bandFundingKey;
    /** Target scale {@link #crossBuffer} was computed for in this evaluation; 0 when none yet. */
    private long crossBufferScale;
    private long crossBuffer;

    /**
     * @param accounts    account book
     * @param positions   position book
     * @param instruments instruments and marks
     */
    public AccountEvaluator(final AccountBook accounts, final PositionBook positions, final InstrumentBook instruments)
    {
        this.accounts = accounts;
        this.positions = positions;
        this.instruments = instruments;
    }

    /**
     * Evaluate an account at the current marks and funding indexes.
     *
     * @param slot account slot.
     * @return this.
     */
    public AccountEvaluator evaluate(final int slot)
    {
        accountSlot = slot;
        count = 0;
        collateral = accounts.collateral(slot);
        crossUnrealizedPnl = 0;
        crossFunding = 0;
        crossInitialMargin = 0;
        crossMaintenanceMargin = 0;
        crossNotional = 0;
        totalNotional = 0;
        isolatedMarginTotal = 0;
        crossReserve = 0;
        crossBufferScale = 0;
        for (int p = accounts.firstPosition(slot); p != AccountBook.NONE; p = positions.nextOfAccount(p))
        {
            final long size = positions.size(p);
            if (size == 0)
            {
                continue;
            }
            final int id = positions.instrument(p);
            final Instrument instrument = instruments.get(id);
            final long mark = instruments.mark(id);
            final int i = count++;
            position[i] = p;
            notional[i] = PositionMath.notional(size, mark);
            unrealizedPnl[i] = PositionMath.unrealizedPnl(size, positions.entryPrice(p), mark);
            funding[i] = PositionMath.fundingEffect(size, positions.fundingIndex(p), instruments.fundingIndex(id));
            tier[i] = instrument.tierOf(notional[i]);
            initialMargin[i] = instrument.initialMargin(notional[i], positions.leverage(p), tier[i]);
            maintenanceMargin[i] = instrument.maintenanceMargin(notional[i], tier[i]);
            totalNotional += notional[i];
            if (positions.isIsolated(p))
            {
                isolatedMarginTotal += positions.isolatedMargin(p);
            }
            else
            {
                crossUnrealizedPnl += unrealizedPnl[i];
                crossFunding += funding[i];
                crossInitialMargin += initialMargin[i];
                crossMaintenanceMargin += maintenanceMargin[i];
                crossNotional += notional[i];
                crossReserve += instrument.maintenanceJumpTotal() + ROUNDING_RESERVE;
            }
        }
        return this;
    }

    /** @return slot of the evaluated account */
    public int accountSlot()
    {
        return accountSlot;
    }

    /** @return number of open positions evaluated */
    public int count()
    {
        return count;
    }

    /** @param i index below {@link #count()} @return position slot */
    public int position(final int i)
    {
        return position[i];
    }

    /** @param i index @return absolute notional at mark */
    public long notional(final int i)
    {
        return notional[i];
    }

    /** @param i index @return unrealized PnL at mark */
    public long unrealizedPnl(final int i)
    {
        return unrealizedPnl[i];
    }

    /** @param i index @return unsettled funding as an equity effect */
    public long funding(final int i)
    {
        return funding[i];
    }

    /** @param i index @return initial requirement */
    public long initialMargin(final int i)
    {
        return initialMargin[i];
    }

    /** @param i index @return maintenance requirement */
    public long maintenanceMargin(final int i)
    {
        return maintenanceMargin[i];
    }

    /** @param i index @return true if the position is isolated */
    public boolean isIsolated(final int i)
    {
        return positions.isIsolated(position[i]);
    }

    /** @return cross collateral */
    public long collateral()
    {
        return collateral;
    }

    /** @return Σ unrealized PnL of cross positions */
    public long crossUnrealizedPnl()
    {
        return crossUnrealizedPnl;
    }

    /** @return Σ unsettled funding of cross positions */
    public long crossFunding()
    {
        return crossFunding;
    }

    /** @return cross equity = collateral + Σ PnL + Σ funding of cross positions */
    public long crossEquity()
    {
        return collateral + crossUnrealizedPnl + crossFunding;
    }

    /** @return Σ initial requirement of cross positions */
    public long crossInitialMargin()
    {
        return crossInitialMargin;
    }

    /** @return Σ maintenance requirement of cross positions */
    public long crossMaintenanceMargin()
    {
        return crossMaintenanceMargin;
    }

    /** @return gross exposure: Σ notional at mark of all open positions */
    public long totalNotional()
    {
        return totalNotional;
    }

    /** @return Σ isolated margin wallets */
    public long isolatedMarginTotal()
    {
        return isolatedMarginTotal;
    }

    /** @return maintenance / equity rounded down (rate scale); {@link #INFINITE_RATIO} when equity &lt;= 0 with a requirement; 0 with none */
    public long marginRatioRoundedDown()
    {
        if (crossMaintenanceMargin == 0)
        {
            return 0;
        }
        final long equity = crossEquity();
        return equity <= 0 ? INFINITE_RATIO : FixedPoint.mulDiv(crossMaintenanceMargin, RATE_SCALE, equity, Rounding.FLOOR);
    }

    /** @return maintenance / equity (rate scale, rounded up); {@link #INFINITE_RATIO} when equity &lt;= 0 with a requirement; 0 with none */
    public long marginRatio()
    {
        if (crossMaintenanceMargin == 0)
        {
            return 0;
        }
        final long equity = crossEquity();
        return equity <= 0 ? INFINITE_RATIO : FixedPoint.mulDiv(crossMaintenanceMargin, RATE_SCALE, equity, Rounding.CEILING);
    }

    /**
     * Exact comparison of the margin ratio with a threshold, without the rounding of {@link #marginRatio()}:
     * {@code maintenance / equity >= threshold}, true when equity is not positive while a requirement exists.
     *
     * @param threshold ratio (rate scale), positive.
     * @return true when cross positions exist and the ratio is at or above the threshold.
     */
    public boolean atOrAboveRatio(final long threshold)
    {
        if (crossMaintenanceMargin == 0)
        {
            return false;
        }
        final long equity = crossEquity();
        return equity <= 0 || crossMaintenanceMargin >= FixedPoint.mulDiv(equity, threshold, RATE_SCALE, Rounding.CEILING);
    }

    /** @return what can be withdrawn or committed: {@code max(0, min(collateral, equity - initial))} */
    public long freeCollateral()
    {
        final long free = Math.min(collateral, crossEquity() - crossInitialMargin);
        return Math.max(0, free);
    }

    /** @return true when cross positions exist and cross equity is below their maintenance requirement */
    public boolean crossBelowMaintenance()
    {
        return crossMaintenanceMargin > 0 && crossEquity() < crossMaintenanceMargin;
    }

    /** @param i index of an isolated position @return its equity: wallet + PnL + funding */
    public long isolatedEquity(final int i)
    {
        return positions.isolatedMargin(position[i]) + unrealizedPnl[i] + funding[i];
    }

    /** @param i index @return true if the position's margin unit (cross part or itself) is below maintenance */
    public boolean belowMaintenance(final int i)
    {
        return isIsolated(i) ? isolatedEquity(i) < maintenanceMargin[i] : crossBelowMaintenance();
    }

    /** @return true when the cross part or any isolated position is below maintenance */
    public boolean anyBelowMaintenance()
    {
        if (crossBelowMaintenance())
        {
            return true;
        }
        for (int i = 0; i < count; i++)
        {
            if (isIsolated(i) && isolatedEquity(i) < maintenanceMargin[i])
            {
                return true;
            }
        }
        return false;
    }

    /** @param i index @return equity backing position i, excluding its own unrealized PnL (input to price formulas) */
    public long backing(final int i)
    {
        if (isIsolated(i))
        {
            return positions.isolatedMargin(position[i]) + funding[i];
        }
        return crossEquity() - unrealizedPnl[i];
    }

    /** @param i index @return liquidation price of position i, others held at their marks ({@link PositionMath#NO_PRICE} if none) */
    public long liquidationPrice(final int i)
    {
        final int p = position[i];
        final Instrument instrument = instruments.get(positions.instrument(p));
        final long othersMaintenance = isIsolated(i) ? 0 : crossMaintenanceMargin - maintenanceMargin[i];
        return PositionMath.liquidationPrice(
            instrument, positions.size(p), positions.entryPrice(p), backing(i) - othersMaintenance, tier[i]);
    }

    /** @param i index @return bankruptcy price of position i ({@link PositionMath#NO_PRICE} if none) */
    public long bankruptcyPrice(final int i)
    {
        final int p = position[i];
        return PositionMath.bankruptcyPrice(positions.size(p), positions.entryPrice(p), backing(i));
    }

    /** @param i index @return equity of position i's margin unit */
    public long unitEquity(final int i)
    {
        return isIsolated(i) ? isolatedEquity(i) : crossEquity();
    }

    /** @param i index @return maintenance requirement of position i's margin unit */
    public long unitMaintenance(final int i)
    {
        return isIsolated(i) ? maintenanceMargin[i] : crossMaintenanceMargin;
    }

    /**
     * The quantity of position i to close at the mark, paying the liquidation fee, that brings its
     * margin unit back to maintenance: the smallest number of lots found by bisection over the exact
     * requirement, or the whole position if closing all of it cannot be enough.
     *
     * @param i index of a position whose unit is below maintenance.
     * @return positive quantity (size scale), a multiple of the lot.
     */
    public long sizeToClose(final int i)
    {
        final int p = position[i];
        final Instrument instrument = instruments.get(positions.instrument(p));
        final long mark = instruments.mark(instrument.id());
        final long absSize = Math.abs(positions.size(p));
        final long lot = instrument.lotSize();
        final long lots = absSize / lot;
        long lo = 1;
        long hi = lots;
        if (!restoresMaintenance(i, instrument, mark, absSize, hi * lot))
        {
            return absSize;
        }
        while (lo < hi)
        {
            final long mid = lo + (hi - lo) / 2;
            if (restoresMaintenance(i, instrument, mark, absSize, mid * lot))
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }
        return lo * lot;
    }

    private boolean restoresMaintenance(
        final int i, final Instrument instrument, final long mark, final long absSize, final long close)
    {
        final long fee = FixedPoint.applyRate(PositionMath.notional(close, mark), instrument.liquidationFeeRate(), Rounding.CEILING);
        final long remainingMaintenance = instrument.maintenanceMargin(PositionMath.notional(absSize - close, mark));
        final long maintenanceAfter = unitMaintenance(i) - maintenanceMargin[i] + remainingMaintenance;
        // Closing splits one floored PnL into two (realized + remaining), which can lose one raw unit: reserve it.
        return unitEquity(i) - fee - 1 >= maintenanceAfter;
    }

    /** @param i index of a position below maintenance @return maintenance minus equity of its unit (positive) */
    public long shortfall(final int i)
    {
        return unitMaintenance(i) - unitEquity(i);
    }

    /**
     * Compute position i's trigger band: the mark and funding index beyond which the price moves since
     * this evaluation could have consumed its share of its unit's buffer. Results in
     * {@link #bandMarkKey()} and {@link #bandFundingKey()}.
     *
     * <p>The unit's buffer is {@code equity - (maintenance + reserve) * targetScale / RATE_SCALE}: the target
     * is the maintenance requirement scaled by the alert threshold's inverse for a cross part whose alert is not
     * raised (else by 1), and the reserve, scaled alike, covers rounding and any discontinuity of the tiers. The buffer is shared over the unit's positions in proportion to notional; 7/8 of a share
     * guards the mark and 1/8 the funding index. A long consumes at most {@code |s|} per unit of mark
     * drop (its requirement falls as the mark falls); a short at most {@code |s| * (1 + mmrMax * scale)}
     * per unit of mark rise; either at most {@code |s|} per unit of adverse funding index.
     *
     * @param i           index of the position.
     * @param targetScale maintenance multiplier of the unit (rate scale, &gt;= RATE_SCALE).
     * @return true when the unit has spare equity beyond its reserve, so the triggers guard it; false when they
     *         cannot (the account must then be re-evaluated on every tick of its instruments).
     */
    public boolean band(final int i, final long targetScale)
    {
        final int p = position[i];
        final int id = positions.instrument(p);
        final Instrument instrument = instruments.get(id);
        final long size = positions.size(p);
        final long absSize = Math.abs(size);
        final long mark = instruments.mark(id);
        final long index = instruments.fundingIndex(id);

        long share = 0;
        final long unitNotional = isIsolated(i) ? notional[i] : crossNotional;
        final long buffer = unitBuffer(i, targetScale);
        if (buffer > 0 && unitNotional > 0)
        {
            // The whole unit (an isolated position, or the only cross one): buffer * n / n is exactly the buffer.
            // Otherwise a lower bound of the pro-rata share: the shares still sum to at most the buffer.
            share = notional[i] == unitNotional ? buffer : FixedPoint.mulDivFloorLowerBound(buffer, notional[i], unitNotional);
        }
        final long fundingShare = share / 8;
        final long markShare = share - fundingShare;

        final long fundingRoom = room(fundingShare, FUNDING_DIVISOR, absSize);
        if (size > 0)
        {
            final long drop = room(markShare, NOTIONAL_DIVISOR, absSize);
            bandMarkKey = drop >= mark ? 0 : mark - drop;
            bandFundingKey = fundingRoom > Long.MAX_VALUE - Math.max(index, 0) ? Long.MAX_VALUE : index + fundingRoom;
        }
        else
        {
            final long scaledMmr = FixedPoint.mulDiv(instrument.maxMaintenanceRate(), targetScale, RATE_SCALE, Rounding.CEILING);
            final long slope = FixedPoint.mulDiv(absSize, RATE_SCALE + scaledMmr, RATE_SCALE, Rounding.CEILING);
            final long rise = slope == OVERFLOW ? 0 : room(markShare, NOTIONAL_DIVISOR, slope);
            bandMarkKey = rise > Long.MAX_VALUE - mark ? Long.MAX_VALUE : mark + rise;
            bandFundingKey = fundingRoom > Long.MAX_VALUE + Math.min(index, 0) ? Long.MIN_VALUE + 1 : index - fundingRoom;
        }
        return buffer > 0;
    }

    /**
     * Recovery trigger of cross position i of an account whose margin alert is raised: the mark short of which the
     * move in the position's favour since this evaluation cannot have closed its share of the gap to recovery, so the
     * alert cannot have cleared. A long cannot have recovered while {@code mark < key}, a short while {@code mark > key}.
     *
     * <p>The alert clears when {@code equity * t > maintenance * RATE_SCALE}. A lower bound of the equity that
     * needs is {@code (maintenance - reserve) * lowScale / RATE_SCALE} with {@code lowScale <= RATE_SCALE^2 / t}; the
     * gap from today's cross equity to it is shared over the cross positions in proportion to notional. A long
     * gains at most {@code |s|} per unit of mark rise (its requirement only grows); a short at most
     * {@code |s| * (1 + mmrMax * highScale / RATE_SCALE)} per unit of mark fall, {@code highScale >= RATE_SCALE^2 / t},
     * since its falling requirement also counts. A move against the position cannot clear the alert while a gap is
     * left: the requirement falls at most {@code mmrMax} per unit (and {@code mmrMax * RATE_SCALE / t <= 1}) plus the
     * tier jumps the reserve covers. With no gap left beyond the reserve, a tier jump alone could clear it, either way:
     * then {@link LiquidationIndex#ALWAYS}. Funding is not bounded here: a funding tick re-evaluates every watched
     * account.
     *
     * @param i         index of a cross position.
     * @param lowScale  {@code floor(RATE_SCALE^2 / t)}.
     * @param highScale {@code ceil(RATE_SCALE^2 / t)}.
     * @return the mark key, or {@link LiquidationIndex#ALWAYS} when no gap is left beyond the reserve.
     */
    public long recoveryMarkKey(final int i, final long lowScale, final long highScale)
    {
        final int p = position[i];
        final int id = positions.instrument(p);
        final long size = positions.size(p);
        final long mark = instruments.mark(id);
        final long floor = Math.max(0, crossMaintenanceMargin - crossReserve);
        final long target = FixedPoint.mulDiv(floor, lowScale, RATE_SCALE, Rounding.FLOOR);
        final long gap = target == OVERFLOW ? 0 : target - crossEquity();
        if (gap <= 0 || crossNotional <= 0)
        {
            // Within the reserve of recovery: a tier jump alone could clear the alert, on a move either way.
            return LiquidationIndex.ALWAYS;
        }
        final long share = notional[i] == crossNotional ? gap : FixedPoint.mulDivFloorLowerBound(gap, notional[i], crossNotional);
        final long absSize = Math.abs(size);
        if (size > 0)
        {
            final long rise = room(share, NOTIONAL_DIVISOR, absSize);
            return rise > Long.MAX_VALUE - mark ? Long.MAX_VALUE : mark + rise;
        }
        final long scaledMmr = FixedPoint.mulDiv(instruments.get(id).maxMaintenanceRate(), highScale, RATE_SCALE, Rounding.CEILING);
        final long slope = FixedPoint.mulDiv(absSize, RATE_SCALE + scaledMmr, RATE_SCALE, Rounding.CEILING);
        final long drop = slope == OVERFLOW ? 0 : room(share, NOTIONAL_DIVISOR, slope);
        return drop >= mark ? 0 : mark - drop;
    }

    private long unitBuffer(final int i, final long targetScale)
    {
        if (isIsolated(i))
        {
            final Instrument instrument = instruments.get(positions.instrument(position[i]));
            return isolatedEquity(i) - maintenanceMargin[i] - ROUNDING_RESERVE - instrument.maintenanceJumpTotal();
        }
        // The cross buffer is the same for every cross position of the evaluation: computed once per target scale.
        if (crossBufferScale != targetScale)
        {
            crossBuffer = crossBuffer(targetScale);
            crossBufferScale = targetScale;
        }
        return crossBuffer;
    }

    private long crossBuffer(final long targetScale)
    {
        final long target = FixedPoint.mulDiv(crossMaintenanceMargin + crossReserve, targetScale, RATE_SCALE, Rounding.CEILING);
        return target == OVERFLOW ? -1 : crossEquity() - target;
    }

    /**
     * A lower bound of floor(budget * divisor / perUnit), saturating at Long.MAX_VALUE; 0 for no budget. A smaller
     * room only makes a trigger fire sooner, so the bound (a fraction of a part per billion short for any size up to
     * 2^31 raw) serves, without the 128-bit division the exact quotient needs on most accounts.
     */
    private static long room(final long budget, final long divisor, final long perUnit)
    {
        return budget <= 0 ? 0 : FixedPoint.mulDivFloorLowerBound(budget, divisor, perUnit);
    }

    /** @return mark trigger of the last {@link #band} */
    public long bandMarkKey()
    {
        return bandMarkKey;
    }

    /** @return funding trigger of the last {@link #band} */
    public long bandFundingKey()
    {
        return bandFundingKey;
    }
}
