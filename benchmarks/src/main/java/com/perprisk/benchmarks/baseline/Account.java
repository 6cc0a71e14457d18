package com.perprisk.benchmarks.baseline;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * One cross-margin account of the baseline: collateral, realized PnL and fees paid in decimals, its open positions by
 * instrument id, and whether its margin alert is raised.
 *
 * <p>Threading: not thread-safe; owned by its {@link StraightforwardRiskEngine}.
 */
final class Account
{
    private final long id;
    private final Map<Integer, Position> positions = new HashMap<>();
    private BigDecimal collateral = BigDecimal.ZERO.setScale(Market.QUOTE_DECIMALS);
    private BigDecimal realizedPnl = BigDecimal.ZERO.setScale(Market.QUOTE_DECIMALS);
    private BigDecimal feesPaid = BigDecimal.ZERO.setScale(Market.QUOTE_DECIMALS);
    private boolean alertRaised;

    /** @param id account id */
    Account(final long id)
    {
        this.id = id;
    }

    /** @return account id */
    long id()
    {
        return id;
    }

    /** @return cross collateral */
    BigDecimal collateral()
    {
        return collateral;
    }

    /** @return PnL realized over the account's life */
    BigDecimal realizedPnl()
    {
        return realizedPnl;
    }

    /** @return trading fees paid */
    BigDecimal feesPaid()
    {
        return feesPaid;
    }

    /** @param amount credited to the collateral */
    void deposit(final BigDecimal amount)
    {
        collateral = collateral.add(amount);
    }

    /** @param realized PnL realized by a trade, to the collateral @param fee its fee, from the collateral */
    void settle(final BigDecimal realized, final BigDecimal fee)
    {
        collateral = collateral.add(realized).subtract(fee);
        realizedPnl = realizedPnl.add(realized);
        feesPaid = feesPaid.add(fee);
    }

    /** @param instrumentId instrument @return the open position, or null */
    Position position(final int instrumentId)
    {
        return positions.get(instrumentId);
    }

    /** @param position a newly opened position */
    void open(final Position position)
    {
        positions.put(position.instrumentId(), position);
    }

    /** @param instrumentId instrument whose position went flat */
    void close(final int instrumentId)
    {
        positions.remove(instrumentId);
    }

    /** @param instrumentId instrument @return true if the account has an open position in it */
    boolean holds(final int instrumentId)
    {
        return positions.containsKey(instrumentId);
    }

    /** @return the open positions */
    Collection<Position> positions()
    {
        return positions.values();
    }

    /** @return true if the margin alert is raised */
    boolean alertRaised()
    {
        return alertRaised;
    }

    /** @param raised whether the margin alert is raised */
    void alertRaised(final boolean raised)
    {
        alertRaised = raised;
    }
}
