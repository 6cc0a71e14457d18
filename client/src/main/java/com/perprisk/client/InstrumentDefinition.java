package com.perprisk.client;

import java.util.Arrays;

/**
 * An instrument for {@link RiskClient#defineInstrument} (admin): scales, limits, fees, funding and oracle settings and
 * margin tiers, all as the engine's raw fixed-point values (see the schema). Mutable; not thread-safe.
 */
public final class InstrumentDefinition
{
    /** Tier field value meaning "derived by the engine's rule" (sent as the schema's null). */
    public static final long DERIVED = Long.MIN_VALUE;

    int id;
    String symbol;
    int priceDecimals = 2;
    int sizeDecimals = 3;
    long maxPrice = 1_000_000_000_000_000L;
    long maxPositionSize;
    long liquidationFeeRate;
    long takerFeeRate;
    long fundingClampRate = 4_000_000;
    long fundingInterestRate = 10_000;
    long fundingPremiumBand = 50_000;
    long priceBandRate;
    long oracleStalenessNanos;
    long oracleMaxConfidenceRate;
    int tierCount;
    long[] tierFloor = new long[4];
    int[] tierMaxLeverage = new int[4];
    long[] tierMaintenanceRate = new long[4];
    long[] tierMaintenanceAmount = new long[4];

    /**
     * @param id     instrument id, 1..4095.
     * @param symbol e.g. BTC-PERP.
     */
    public InstrumentDefinition(final int id, final String symbol)
    {
        this.id = id;
        this.symbol = symbol;
    }

    /** @param priceDecimals 0..8 @param sizeDecimals 0..8 @return this */
    public InstrumentDefinition decimals(final int priceDecimals, final int sizeDecimals)
    {
        this.priceDecimals = priceDecimals;
        this.sizeDecimals = sizeDecimals;
        return this;
    }

    /** @param maxPrice price raw @param maxPositionSize size raw, 0 = largest allowed @return this */
    public InstrumentDefinition limits(final long maxPrice, final long maxPositionSize)
    {
        this.maxPrice = maxPrice;
        this.maxPositionSize = maxPositionSize;
        return this;
    }

    /** @param liquidationFeeRate rate raw @param takerFeeRate rate raw @return this */
    public InstrumentDefinition fees(final long liquidationFeeRate, final long takerFeeRate)
    {
        this.liquidationFeeRate = liquidationFeeRate;
        this.takerFeeRate = takerFeeRate;
        return this;
    }

    /** @param clampRate max |rate| @param interestRate interest per interval @param premiumBand clamp band, all rate raw @return this */
    public InstrumentDefinition funding(final long clampRate, final long interestRate, final long premiumBand)
    {
        fundingClampRate = clampRate;
        fundingInterestRate = interestRate;
        fundingPremiumBand = premiumBand;
        return this;
    }

    /** @param priceBandRate pre-trade band, 0 = none @param stalenessNanos max mark age, 0 = none @param maxConfidenceRate 0 = none @return this */
    public InstrumentDefinition guards(final long priceBandRate, final long stalenessNanos, final long maxConfidenceRate)
    {
        this.priceBandRate = priceBandRate;
        oracleStalenessNanos = stalenessNanos;
        oracleMaxConfidenceRate = maxConfidenceRate;
        return this;
    }

    /**
     * Append a margin tier (increasing floors, the first at 0).
     *
     * @param floor             notional floor, quote raw.
     * @param maxLeverage       max leverage in the tier.
     * @param maintenanceRate   rate raw or {@link #DERIVED}.
     * @param maintenanceAmount quote raw or {@link #DERIVED}.
     * @return this.
     */
    public InstrumentDefinition tier(final long floor, final int maxLeverage, final long maintenanceRate, final long maintenanceAmount)
    {
        if (tierCount == tierFloor.length)
        {
            tierFloor = Arrays.copyOf(tierFloor, tierCount * 2);
            tierMaxLeverage = Arrays.copyOf(tierMaxLeverage, tierCount * 2);
            tierMaintenanceRate = Arrays.copyOf(tierMaintenanceRate, tierCount * 2);
            tierMaintenanceAmount = Arrays.copyOf(tierMaintenanceAmount, tierCount * 2);
        }
        tierFloor[tierCount] = floor;
        tierMaxLeverage[tierCount] = maxLeverage;
        tierMaintenanceRate[tierCount] = maintenanceRate;
        tierMaintenanceAmount[tierCount] = maintenanceAmount;
        tierCount++;
        return this;
    }
}
