package com.perprisk.benchmarks.baseline;

import com.perprisk.engine.fixed.FixedPoint;
import com.perprisk.engine.instrument.Instrument;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * One instrument as the baseline sees it: the engine {@link Instrument}'s rules (tick, lot, limits, fee rate and the
 * same margin tier table, derived values included) held as decimals, and the current mark. Requirements round up to
 * the quote's 6 decimals, as in the engine.
 *
 * <p>Threading: not thread-safe; owned by its {@link StraightforwardRiskEngine}.
 */
final class Market
{
    /** Decimals of a quote amount (USDC). */
    static final int QUOTE_DECIMALS = FixedPoint.QUOTE_DECIMALS;

    private final int id;
    private final BigDecimal tick;
    private final BigDecimal lot;
    private final BigDecimal maxPrice;
    private final BigDecimal maxPositionSize;
    private final BigDecimal takerFeeRate;
    private final int maxLeverage;
    private final List<Tier> tiers = new ArrayList<>();
    private BigDecimal mark;

    /** One margin bracket: notional from {@code floor} up to the next tier's floor. */
    private record Tier(BigDecimal floor, int maxLeverage, BigDecimal maintenanceRate, BigDecimal maintenanceAmount)
    {
    }

    /** @param instrument the engine's definition, whose values are copied */
    Market(final Instrument instrument)
    {
        id = instrument.id();
        tick = price(instrument.tickSize());
        lot = BigDecimal.valueOf(instrument.lotSize(), FixedPoint.SIZE_DECIMALS);
        maxPrice = price(instrument.maxPrice());
        maxPositionSize = BigDecimal.valueOf(instrument.maxPositionSize(), FixedPoint.SIZE_DECIMALS);
        takerFeeRate = BigDecimal.valueOf(instrument.takerFeeRate(), FixedPoint.RATE_DECIMALS);
        maxLeverage = instrument.maxLeverage();
        for (int t = 0; t < instrument.tierCount(); t++)
        {
            tiers.add(new Tier(
                BigDecimal.valueOf(instrument.tierFloor(t), QUOTE_DECIMALS),
                instrument.tierMaxLeverage(t),
                BigDecimal.valueOf(instrument.tierMaintenanceRate(t), FixedPoint.RATE_DECIMALS),
                BigDecimal.valueOf(instrument.tierMaintenanceAmount(t), QUOTE_DECIMALS)));
        }
    }

    private static BigDecimal price(final long raw)
    {
        return BigDecimal.valueOf(raw, FixedPoint.PRICE_DECIMALS);
    }

    /** @return instrument id */
    int id()
    {
        return id;
    }

    /** @return current mark price, null before the first mark or fill */
    BigDecimal mark()
    {
        return mark;
    }

    /** @param price the new mark price */
    void mark(final BigDecimal price)
    {
        mark = price;
    }

    /** @return leverage of a new position: the first tier's max */
    int maxLeverage()
    {
        return maxLeverage;
    }

    /** @param price a price @return true if positive, at most the max price and on the tick */
    boolean isValidPrice(final BigDecimal price)
    {
        return price.signum() > 0 && price.compareTo(maxPrice) <= 0 && price.remainder(tick).signum() == 0;
    }

    /** @param price a mark price @return true if positive and at most the max price (a mark need not be on the tick) */
    boolean isValidMarkPrice(final BigDecimal price)
    {
        return price.signum() > 0 && price.compareTo(maxPrice) <= 0;
    }

    /** @param size a signed size @return true if non-zero, within the position limit and on the lot */
    boolean isValidSize(final BigDecimal size)
    {
        return size.signum() != 0 && size.abs().compareTo(maxPositionSize) <= 0 && size.remainder(lot).signum() == 0;
    }

    /** @param size a signed position size @return true if within the position limit */
    boolean isWithinPositionLimit(final BigDecimal size)
    {
        return size.abs().compareTo(maxPositionSize) <= 0;
    }

    /** @param size signed size @param price price @return {@code |size| * price}, rounded up to the quote's decimals */
    static BigDecimal notional(final BigDecimal size, final BigDecimal price)
    {
        return size.abs().multiply(price).setScale(QUOTE_DECIMALS, RoundingMode.CEILING);
    }

    /** @param size signed size @param price fill price @return the taker fee on the fill's notional, rounded up */
    BigDecimal takerFee(final BigDecimal size, final BigDecimal price)
    {
        return notional(size, price).multiply(takerFeeRate).setScale(QUOTE_DECIMALS, RoundingMode.CEILING);
    }

    /** @param notional absolute notional @return {@code max(0, notional * mmr - amount)} of the notional's tier, rounded up */
    BigDecimal maintenanceMargin(final BigDecimal notional)
    {
        final Tier tier = tierOf(notional);
        final BigDecimal requirement = notional.multiply(tier.maintenanceRate())
            .setScale(QUOTE_DECIMALS, RoundingMode.CEILING)
            .subtract(tier.maintenanceAmount());
        return requirement.signum() > 0 ? requirement : BigDecimal.ZERO.setScale(QUOTE_DECIMALS);
    }

    /** @param notional absolute notional @param leverage the position's leverage @return {@code notional / min(leverage, tier max)}, rounded up */
    BigDecimal initialMargin(final BigDecimal notional, final int leverage)
    {
        final int applied = Math.min(leverage, tierOf(notional).maxLeverage());
        return notional.divide(BigDecimal.valueOf(applied), QUOTE_DECIMALS, RoundingMode.CEILING);
    }

    private Tier tierOf(final BigDecimal notional)
    {
        Tier found = tiers.get(0);
        for (final Tier tier : tiers)
        {
            if (notional.compareTo(tier.floor()) >= 0)
            {
                found = tier;
            }
        }
        return found;
    }
}
