package com.perprisk.engine.instrument;

import com.perprisk.engine.fixed.FixedPoint;
import com.perprisk.engine.fixed.Rounding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static com.perprisk.engine.fixed.FixedPoint.MAX_NOTIONAL;
import static com.perprisk.engine.fixed.FixedPoint.MAX_PRICE;
import static com.perprisk.engine.fixed.FixedPoint.MAX_SIZE;
import static com.perprisk.engine.fixed.FixedPoint.NOTIONAL_DIVISOR;
import static com.perprisk.engine.fixed.FixedPoint.PRICE_DECIMALS;
import static com.perprisk.engine.fixed.FixedPoint.RATE_SCALE;
import static com.perprisk.engine.fixed.FixedPoint.SIZE_DECIMALS;

/**
 * A perpetual future's immutable configuration: tick and lot, margin tiers, fees, funding clamp,
 * oracle limits. Built and validated once by {@link Builder}; its query methods are pure and
 * allocation-free, safe to call from any thread.
 *
 * <p><b>Margin tiers</b> are brackets by absolute position notional (quote scale). Tier {@code n}
 * applies to notional in {@code [floor_n, floor_{n+1})}. Each tier has a max leverage (initial
 * margin rate = 1/leverage), a maintenance margin rate (mmr) and a maintenance amount:
 * <ul>
 *   <li>omitted mmr = half the initial rate at the tier's max leverage, {@code 1/(2*lev)}, rounded
 *       up to the rate scale (Hyperliquid's rule);</li>
 *   <li>omitted amount = {@code floor_n * (mmr_n - mmr_{n-1}) + amount_{n-1}}, rounded down, with
 *       {@code amount_0 = 0} (Binance's and Hyperliquid's cumulative rule, which makes the
 *       maintenance requirement continuous in notional).</li>
 * </ul>
 * Maintenance requirement = {@code ceil(notional * mmr) - amount} of the tier the notional falls in,
 * never below zero. Initial requirement = {@code ceil(notional / min(leverage, tierMaxLeverage))}.
 */
public final class Instrument
{
    /** Highest instrument id; ids are 1..MAX_ID so per-instrument state is a plain array. */
    public static final int MAX_ID = 4095;

    /** Longest symbol, in ASCII characters (the binary form stores its length in a byte). */
    public static final int MAX_SYMBOL_LENGTH = 255;

    /** Most margin tiers (the binary form stores the count in a byte). */
    public static final int MAX_TIERS = 255;

    private final int id;
    private final String symbol;
    private final int priceDecimals;
    private final int sizeDecimals;
    private final long tickSize;
    private final long lotSize;
    private final long[] tierFloor;
    private final int[] tierMaxLeverage;
    private final long[] tierMmr;
    private final long[] tierMaintenanceAmount;
    private final long liquidationFeeRate;
    private final long takerFeeRate;
    private final long fundingClampRate;
    private final long fundingInterestRate;
    private final long fundingPremiumBand;
    private final long maxPrice;
    private final long maxPositionSize;
    private final long priceBandRate;
    private final long oracleStalenessNanos;
    private final long oracleMaxConfidenceRate;
    private final long maxFundingIndex;
    private final long maxMaintenanceRate;
    private final long maintenanceJumpTotal;

    private Instrument(final Builder b, final long[] mmr, final long[] amount)
    {
        id = b.id;
        symbol = b.symbol;
        priceDecimals = b.priceDecimals;
        sizeDecimals = b.sizeDecimals;
        tickSize = pow10(PRICE_DECIMALS - priceDecimals);
        lotSize = pow10(SIZE_DECIMALS - sizeDecimals);
        final int n = b.tiers.size();
        tierFloor = new long[n];
        tierMaxLeverage = new int[n];
        for (int i = 0; i < n; i++)
        {
            tierFloor[i] = b.tiers.get(i).floor;
            tierMaxLeverage[i] = b.tiers.get(i).maxLeverage;
        }
        tierMmr = mmr;
        tierMaintenanceAmount = amount;
        liquidationFeeRate = b.liquidationFeeRate;
        takerFeeRate = b.takerFeeRate;
        fundingClampRate = b.fundingClampRate;
        fundingInterestRate = b.fundingInterestRate;
        fundingPremiumBand = b.fundingPremiumBand;
        maxPrice = b.maxPrice;
        maxPositionSize = b.maxPositionSize;
        priceBandRate = b.priceBandRate;
        oracleStalenessNanos = b.oracleStalenessNanos;
        oracleMaxConfidenceRate = b.oracleMaxConfidenceRate;
        // Cumulative funding per unit of base is bounded by 10x the max price (and by MAX_FUNDING_INDEX), so the
        // unsettled funding of any position is bounded by 20 * MAX_NOTIONAL (see FixedPoint limits).
        final long perUnitBound = 10 * FixedPoint.FUNDING_RATE_DIVISOR;
        maxFundingIndex = maxPrice > FixedPoint.MAX_FUNDING_INDEX / perUnitBound ? FixedPoint.MAX_FUNDING_INDEX : maxPrice * perUnitBound;
        long maxMmr = 0;
        long jumps = 0;
        for (int i = 0; i < n; i++)
        {
            maxMmr = Math.max(maxMmr, mmr[i]);
            if (i > 0)
            {
                // MM_i(floor_i) - MM_{i-1}(floor_i): zero when amounts are derived cumulatively.
                final long jump = FixedPoint.applyRate(tierFloor[i], mmr[i] - mmr[i - 1], Rounding.CEILING) - (amount[i] - amount[i - 1]);
                jumps += Math.abs(jump) + 2;
            }
        }
        maxMaintenanceRate = maxMmr;
        maintenanceJumpTotal = jumps;
    }

    /** @return instrument id (1..{@link #MAX_ID}). */
    public int id()
    {
        return id;
    }

    /** @return symbol, e.g. "BTC-PERP". */
    public String symbol()
    {
        return symbol;
    }

    /** @return decimals of a price on the tick grid. */
    public int priceDecimals()
    {
        return priceDecimals;
    }

    /** @return decimals of a size on the lot grid. */
    public int sizeDecimals()
    {
        return sizeDecimals;
    }

    /** @return tick in price raw units. */
    public long tickSize()
    {
        return tickSize;
    }

    /** @return lot in size raw units. */
    public long lotSize()
    {
        return lotSize;
    }

    /** @return number of margin tiers. */
    public int tierCount()
    {
        return tierFloor.length;
    }

    /** @param tier index @return notional floor of the tier (quote scale). */
    public long tierFloor(final int tier)
    {
        return tierFloor[tier];
    }

    /** @param tier index @return max leverage of the tier. */
    public int tierMaxLeverage(final int tier)
    {
        return tierMaxLeverage[tier];
    }

    /** @param tier index @return maintenance margin rate of the tier (rate scale). */
    public long tierMaintenanceRate(final int tier)
    {
        return tierMmr[tier];
    }

    /** @param tier index @return maintenance amount of the tier (quote scale). */
    public long tierMaintenanceAmount(final int tier)
    {
        return tierMaintenanceAmount[tier];
    }

    /** @return max leverage of the first tier. */
    public int maxLeverage()
    {
        return tierMaxLeverage[0];
    }

    /** @return liquidation fee rate on closed notional, paid to the insurance fund (rate scale). */
    public long liquidationFeeRate()
    {
        return liquidationFeeRate;
    }

    /** @return taker fee rate charged on fills that carry no explicit fee (rate scale). */
    public long takerFeeRate()
    {
        return takerFeeRate;
    }

    /** @return max absolute funding rate per interval; requested rates are clamped to it (rate scale). */
    public long fundingClampRate()
    {
        return fundingClampRate;
    }

    /** @return interest rate per funding interval, I in {@code P + clamp(I - P, -band, band)} (rate scale). */
    public long fundingInterestRate()
    {
        return fundingInterestRate;
    }

    /** @return band of the interest-premium clamp in {@code P + clamp(I - P, -band, band)} (rate scale). */
    public long fundingPremiumBand()
    {
        return fundingPremiumBand;
    }

    /**
     * Funding rate from a premium index, Binance's formula: {@code P + clamp(I - P, -band, band)} (before the
     * instrument's cap {@link #fundingClampRate()}). Exact: integer additions of rate-scale values.
     *
     * @param premium average premium index over the interval (rate scale), |premium| &lt;= RATE_SCALE.
     * @return the uncapped funding rate (rate scale).
     */
    public long fundingRateFromPremium(final long premium)
    {
        final long gap = fundingInterestRate - premium;
        return premium + Math.max(-fundingPremiumBand, Math.min(fundingPremiumBand, gap));
    }

    /** @return highest accepted price (price scale). */
    public long maxPrice()
    {
        return maxPrice;
    }

    /** @return highest absolute position size (size scale). */
    public long maxPositionSize()
    {
        return maxPositionSize;
    }

    /** @return pre-trade price band: max |order - mark| / mark (rate scale), 0 = no band. */
    public long priceBandRate()
    {
        return priceBandRate;
    }

    /** @return max age of a mark price (ns), 0 = no limit. */
    public long oracleStalenessNanos()
    {
        return oracleStalenessNanos;
    }

    /** @return max oracle confidence / price (rate scale), 0 = not checked. */
    public long oracleMaxConfidenceRate()
    {
        return oracleMaxConfidenceRate;
    }

    /** @return bound on |cumulative funding index| (funding index scale); funding beyond it is rejected. */
    public long maxFundingIndex()
    {
        return maxFundingIndex;
    }

    /** @return highest maintenance rate over all tiers: the steepest slope of the maintenance requirement. */
    public long maxMaintenanceRate()
    {
        return maxMaintenanceRate;
    }

    /** @return sum over tier boundaries of any discontinuity of the maintenance requirement, plus rounding slack. */
    public long maintenanceJumpTotal()
    {
        return maintenanceJumpTotal;
    }

    /** @param price price raw @return true if positive, on the tick grid and at most {@link #maxPrice()}. */
    public boolean isValidPrice(final long price)
    {
        return price > 0 && price <= maxPrice && price % tickSize == 0;
    }

    /** @param size signed size raw @return true if non-zero, on the lot grid and |size| at most {@link #maxPositionSize()}. */
    public boolean isValidSize(final long size)
    {
        return size != 0 && size >= -maxPositionSize && size <= maxPositionSize && size % lotSize == 0;
    }

    /**
     * @param notional absolute notional (quote scale)
     * @return index of the tier the notional falls in.
     */
    public int tierOf(final long notional)
    {
        int tier = 0;
        final long[] floors = tierFloor;
        for (int i = 1; i < floors.length; i++)
        {
            if (notional >= floors[i])
            {
                tier = i;
            }
            else
            {
                break;
            }
        }
        return tier;
    }

    /**
     * @param notional absolute notional (quote scale)
     * @return maintenance requirement with the tier the notional falls in, rounded up, at least 0.
     */
    public long maintenanceMargin(final long notional)
    {
        return maintenanceMargin(notional, tierOf(notional));
    }

    /**
     * @param notional absolute notional (quote scale)
     * @param tier     tier whose rate and amount to use
     * @return {@code max(0, ceil(notional * mmr_tier) - amount_tier)}.
     */
    public long maintenanceMargin(final long notional, final int tier)
    {
        final long mm = FixedPoint.applyRate(notional, tierMmr[tier], Rounding.CEILING) - tierMaintenanceAmount[tier];
        return mm > 0 ? mm : 0;
    }

    /**
     * @param notional absolute notional (quote scale)
     * @param leverage the account's leverage setting
     * @return {@code ceil(notional / min(leverage, max leverage of the notional's tier))}.
     */
    public long initialMargin(final long notional, final int leverage)
    {
        return initialMargin(notional, leverage, tierOf(notional));
    }

    /**
     * @param notional absolute notional (quote scale)
     * @param leverage the account's leverage setting
     * @param tier     the notional's tier, {@link #tierOf}{@code (notional)}
     * @return {@code ceil(notional / min(leverage, max leverage of the tier))}.
     */
    public long initialMargin(final long notional, final int leverage, final int tier)
    {
        return FixedPoint.div(notional, Math.min(leverage, tierMaxLeverage[tier]), Rounding.CEILING);
    }

    @Override
    public String toString()
    {
        return "Instrument{" + id + ' ' + symbol + " tick=" + FixedPoint.format(tickSize, PRICE_DECIMALS) +
            " lot=" + FixedPoint.format(lotSize, SIZE_DECIMALS) + " tiers=" + tierFloor.length + '}';
    }

    /**
     * @param id     instrument id, 1..{@link #MAX_ID}
     * @param symbol symbol
     * @return a builder with defaults: 2 price decimals, 3 size decimals, no fees, funding clamp 4%, funding from
     *         premium with interest 0.01% and band 0.05% per interval (Binance's), no price band, no oracle limits, max price {@code MAX_PRICE} and the largest max position that
     *         keeps notional within {@code MAX_NOTIONAL}.
     */
    public static Builder builder(final int id, final String symbol)
    {
        return new Builder(id, symbol);
    }

    private static long pow10(final int n)
    {
        long v = 1;
        for (int i = 0; i < n; i++)
        {
            v *= 10;
        }
        return v;
    }

    /** Value meaning "derive this tier field by the documented rule". */
    public static final long DERIVED = -1;

    /** Collects and validates an instrument definition. Not thread-safe; config time only. */
    public static final class Builder
    {
        private final int id;
        private final String symbol;
        private int priceDecimals = 2;
        private int sizeDecimals = 3;
        private final List<Tier> tiers = new ArrayList<>();
        private long liquidationFeeRate;
        private long takerFeeRate;
        private long fundingClampRate = 4 * RATE_SCALE / 100;
        private long fundingInterestRate = RATE_SCALE / 10_000;
        private long fundingPremiumBand = 5 * RATE_SCALE / 10_000;
        private long maxPrice = MAX_PRICE;
        private long maxPositionSize = -1;
        private long priceBandRate;
        private long oracleStalenessNanos;
        private long oracleMaxConfidenceRate;

        private Builder(final int id, final String symbol)
        {
            this.id = id;
            this.symbol = symbol;
        }

        /** @param decimals price decimals, 0..8 @return this */
        public Builder priceDecimals(final int decimals)
        {
            priceDecimals = decimals;
            return this;
        }

        /** @param decimals size decimals, 0..8 @return this */
        public Builder sizeDecimals(final int decimals)
        {
            sizeDecimals = decimals;
            return this;
        }

        /**
         * Append a tier; tiers must come in increasing floor order, the first at floor 0.
         *
         * @param floor             notional floor (quote scale)
         * @param maxLeverage       max leverage in the tier
         * @param maintenanceRate   mmr (rate scale) or {@link #DERIVED}
         * @param maintenanceAmount amount (quote scale) or {@link #DERIVED}
         * @return this
         */
        public Builder tier(final long floor, final int maxLeverage, final long maintenanceRate, final long maintenanceAmount)
        {
            tiers.add(new Tier(floor, maxLeverage, maintenanceRate, maintenanceAmount));
            return this;
        }

        /** @param rate liquidation fee rate (rate scale) @return this */
        public Builder liquidationFeeRate(final long rate)
        {
            liquidationFeeRate = rate;
            return this;
        }

        /** @param rate taker fee rate (rate scale) @return this */
        public Builder takerFeeRate(final long rate)
        {
            takerFeeRate = rate;
            return this;
        }

        /** @param rate max |funding rate| per interval (rate scale) @return this */
        public Builder fundingClampRate(final long rate)
        {
            fundingClampRate = rate;
            return this;
        }

        /** @param rate interest rate per funding interval (rate scale), default 0.0001 @return this */
        public Builder fundingInterestRate(final long rate)
        {
            fundingInterestRate = rate;
            return this;
        }

        /** @param rate band of the interest-premium clamp (rate scale), default 0.0005 @return this */
        public Builder fundingPremiumBand(final long rate)
        {
            fundingPremiumBand = rate;
            return this;
        }

        /** @param price max accepted price (price scale) @return this */
        public Builder maxPrice(final long price)
        {
            maxPrice = price;
            return this;
        }

        /** @param size max absolute position (size scale) @return this */
        public Builder maxPositionSize(final long size)
        {
            maxPositionSize = size;
            return this;
        }

        /** @param rate pre-trade price band (rate scale), 0 = none @return this */
        public Builder priceBandRate(final long rate)
        {
            priceBandRate = rate;
            return this;
        }

        /** @param nanos max mark age, 0 = none @return this */
        public Builder oracleStalenessNanos(final long nanos)
        {
            oracleStalenessNanos = nanos;
            return this;
        }

        /** @param rate max confidence / price (rate scale), 0 = none @return this */
        public Builder oracleMaxConfidenceRate(final long rate)
        {
            oracleMaxConfidenceRate = rate;
            return this;
        }

        /**
         * Validate and build.
         *
         * @return the instrument.
         * @throws IllegalArgumentException naming the first problem found.
         */
        public Instrument build()
        {
            require(id >= 1 && id <= MAX_ID, "id must be in 1.." + MAX_ID + ", was " + id);
            require(symbol != null && !symbol.isBlank(), "symbol is required");
            require(symbol.length() <= MAX_SYMBOL_LENGTH && symbol.chars().allMatch(ch -> ch < 128),
                "symbol must be at most " + MAX_SYMBOL_LENGTH + " ASCII characters");
            require(priceDecimals >= 0 && priceDecimals <= PRICE_DECIMALS, "priceDecimals must be in 0.." + PRICE_DECIMALS);
            require(sizeDecimals >= 0 && sizeDecimals <= SIZE_DECIMALS, "sizeDecimals must be in 0.." + SIZE_DECIMALS);
            require(!tiers.isEmpty(), "at least one margin tier is required");
            require(tiers.size() <= MAX_TIERS, "at most " + MAX_TIERS + " margin tiers");
            require(maxPrice > 0 && maxPrice <= MAX_PRICE, "maxPrice must be in (0, " + FixedPoint.format(MAX_PRICE, PRICE_DECIMALS) + "]");
            final long notionalCapSize = FixedPoint.mulDiv(MAX_NOTIONAL, NOTIONAL_DIVISOR, maxPrice, Rounding.FLOOR);
            final long sizeCap = notionalCapSize == FixedPoint.OVERFLOW ? MAX_SIZE : Math.min(MAX_SIZE, notionalCapSize);
            if (maxPositionSize < 0)
            {
                maxPositionSize = sizeCap;
            }
            require(maxPositionSize > 0 && maxPositionSize <= sizeCap,
                "maxPositionSize * maxPrice must stay within MAX_NOTIONAL; max allowed size is " + FixedPoint.format(sizeCap, SIZE_DECIMALS));
            requireRate(liquidationFeeRate, "liquidationFeeRate");
            requireRate(takerFeeRate, "takerFeeRate");
            requireRate(fundingClampRate, "fundingClampRate");
            requireRate(fundingInterestRate, "fundingInterestRate");
            requireRate(fundingPremiumBand, "fundingPremiumBand");
            requireRate(priceBandRate, "priceBandRate");
            requireRate(oracleMaxConfidenceRate, "oracleMaxConfidenceRate");
            require(oracleStalenessNanos >= 0, "oracleStalenessNanos must be >= 0");

            final int n = tiers.size();
            final long[] mmr = new long[n];
            final long[] amount = new long[n];
            for (int i = 0; i < n; i++)
            {
                final Tier t = tiers.get(i);
                final String name = symbol + " tier " + (i + 1);
                require(i > 0 || t.floor == 0, name + ": the first tier must start at notional 0");
                require(i == 0 || t.floor > tiers.get(i - 1).floor, name + ": floors must increase");
                require(t.floor <= MAX_NOTIONAL, name + ": floor above MAX_NOTIONAL");
                require(t.maxLeverage >= 1 && t.maxLeverage <= 1000, name + ": max leverage must be in 1..1000");
                require(i == 0 || t.maxLeverage <= tiers.get(i - 1).maxLeverage, name + ": max leverage must not increase with notional");
                mmr[i] = t.maintenanceRate == DERIVED ? FixedPoint.div(RATE_SCALE, 2L * t.maxLeverage, Rounding.CEILING) : t.maintenanceRate;
                require(mmr[i] > 0 && mmr[i] < RATE_SCALE, name + ": maintenance rate must be in (0, 1)");
                final long initialRate = FixedPoint.div(RATE_SCALE, t.maxLeverage, Rounding.CEILING);
                require(mmr[i] <= initialRate, name + ": maintenance rate must not exceed the initial rate 1/maxLeverage");
                require(i == 0 || mmr[i] >= mmr[i - 1], name + ": maintenance rates must not decrease with notional");
                if (t.maintenanceAmount == DERIVED)
                {
                    amount[i] = i == 0 ? 0 : FixedPoint.applyRate(t.floor, mmr[i] - mmr[i - 1], Rounding.FLOOR) + amount[i - 1];
                }
                else
                {
                    amount[i] = t.maintenanceAmount;
                }
                require(amount[i] >= 0 && amount[i] <= MAX_NOTIONAL, name + ": maintenance amount must be in [0, MAX_NOTIONAL]");
            }
            return new Instrument(this, mmr, amount);
        }

        private static void requireRate(final long rate, final String name)
        {
            require(rate >= 0 && rate < RATE_SCALE, name + " must be in [0, 1)");
        }

        private static void require(final boolean condition, final String message)
        {
            if (!condition)
            {
                throw new IllegalArgumentException(message);
            }
        }
    }

    private static final class Tier
    {
        final long floor;
        final int maxLeverage;
        final long maintenanceRate;
        final long maintenanceAmount;

        Tier(final long floor, final int maxLeverage, final long maintenanceRate, final long maintenanceAmount)
        {
            this.floor = floor;
            this.maxLeverage = maxLeverage;
            this.maintenanceRate = maintenanceRate;
            this.maintenanceAmount = maintenanceAmount;
        }
    }

    /** @return tier floors, a copy (tools and tests). */
    public long[] tierFloors()
    {
        return Arrays.copyOf(tierFloor, tierFloor.length);
    }
}
