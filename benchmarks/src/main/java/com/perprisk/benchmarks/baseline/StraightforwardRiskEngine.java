package com.perprisk.benchmarks.baseline;

import com.perprisk.benchmarks.baseline.StraightforwardRiskListener.AccountRisk;
import com.perprisk.benchmarks.baseline.StraightforwardRiskListener.LiquidationCandidate;
import com.perprisk.benchmarks.baseline.StraightforwardRiskListener.MarginAlert;
import com.perprisk.benchmarks.baseline.StraightforwardRiskListener.PositionChange;
import com.perprisk.engine.fixed.FixedPoint;
import com.perprisk.engine.instrument.Instrument;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

/**
 * The fills-and-marks risk engine as most teams would first write it, the baseline the engine is measured against:
 * an object per account and per position in hash maps, {@link BigDecimal} for money, prices and sizes, and a scan of
 * every account on every mark tick. Cross margin only; no funding, withdrawals or liquidation fills.
 *
 * <p>It applies the engine's rules to the same inputs, with the same roundings (notional and requirements up, PnL
 * down, entry averaging against the holder, all at the engine's decimals), so it reports the same numbers:
 * <ul>
 *   <li>a fill (fee from the instrument's taker schedule) opens, increases, reduces, closes or flips the position,
 *       realizes PnL to the collateral, charges the fee, reports the position and re-evaluates the account;</li>
 *   <li>a mark tick re-evaluates every account holding the instrument;</li>
 *   <li>an evaluation computes equity (collateral + unrealized PnL), initial and maintenance requirements with the
 *       instrument's tiers, the margin ratio and free collateral; reports it; raises or clears the margin alert when
 *       {@code maintenance / equity} crosses the threshold; and reports a liquidation candidate (the largest position by
 *       notional, with the bankruptcy price and shortfall) while equity is below maintenance.</li>
 * </ul>
 * Unlike the engine it does not compute the size to close, liquidation prices or trigger bands.
 *
 * <p>Threading: not thread-safe; one thread applies every command and receives the events.
 */
public final class StraightforwardRiskEngine
{
    private static final BigDecimal NO_AMOUNT = BigDecimal.ZERO.setScale(Market.QUOTE_DECIMALS);
    private static final BigDecimal NO_RATIO = BigDecimal.ZERO.setScale(FixedPoint.RATE_DECIMALS);
    private static final BigDecimal NO_PRICE = BigDecimal.ZERO.setScale(FixedPoint.PRICE_DECIMALS);
    private static final BigDecimal MIN_PRICE = BigDecimal.valueOf(1, FixedPoint.PRICE_DECIMALS);
    private static final BigDecimal MAX_PRICE = BigDecimal.valueOf(FixedPoint.MAX_PRICE, FixedPoint.PRICE_DECIMALS);

    private final Map<Integer, Market> markets = new HashMap<>();
    private final Map<Long, Account> accounts = new HashMap<>();
    private final BigDecimal marginAlertRatio;
    private final StraightforwardRiskListener listener;

    /**
     * @param marginAlertRatio maintenance / equity at or above which an account's margin alert is raised.
     * @param listener         receives every event.
     */
    public StraightforwardRiskEngine(final BigDecimal marginAlertRatio, final StraightforwardRiskListener listener)
    {
        this.marginAlertRatio = marginAlertRatio;
        this.listener = listener;
    }

    /**
     * @param instrument an instrument: its rules and tier table are copied.
     * @return false if an instrument with that id exists.
     */
    public boolean defineInstrument(final Instrument instrument)
    {
        return markets.putIfAbsent(instrument.id(), new Market(instrument)) == null;
    }

    /**
     * Credit collateral, creating the account on its first deposit, and re-evaluate it.
     *
     * @param accountId account, positive.
     * @param amount    positive amount.
     * @return false if rejected.
     */
    public boolean deposit(final long accountId, final BigDecimal amount)
    {
        if (accountId <= 0 || amount.signum() <= 0)
        {
            return false;
        }
        final Account account = accounts.computeIfAbsent(accountId, Account::new);
        account.deposit(amount);
        publish(account);
        return true;
    }

    /**
     * Apply a venue fill with the instrument's taker fee.
     *
     * @param accountId    account (must exist).
     * @param instrumentId instrument (must exist).
     * @param size         signed size (+ buy), on the lot.
     * @param price        fill price, on the tick.
     * @return false if rejected (unknown account or instrument, invalid price or size, position limit).
     */
    public boolean fill(final long accountId, final int instrumentId, final BigDecimal size, final BigDecimal price)
    {
        final Market market = markets.get(instrumentId);
        final Account account = accounts.get(accountId);
        if (market == null || account == null || !market.isValidPrice(price) || !market.isValidSize(size))
        {
            return false;
        }
        Position position = account.position(instrumentId);
        final BigDecimal current = position == null ? BigDecimal.ZERO : position.size();
        if (!market.isWithinPositionLimit(current.add(size)))
        {
            return false;
        }
        final BigDecimal fee = market.takerFee(size, price);
        if (market.mark() == null)
        {
            market.mark(price);   // until the first mark tick, the first fill marks
        }
        if (position == null)
        {
            position = new Position(instrumentId, market.maxLeverage());
            account.open(position);
        }
        final BigDecimal realized = position.trade(size, price);
        account.settle(realized, fee);
        if (position.isFlat())
        {
            account.close(instrumentId);
        }
        listener.onPositionChange(positionChange(account, position, market, realized, fee));
        publish(account);
        return true;
    }

    /**
     * A mark tick: scan every account and re-evaluate those holding the instrument.
     *
     * @param instrumentId instrument (must exist).
     * @param price        mark price, positive and at most the instrument's max.
     * @return false if rejected.
     */
    public boolean markPrice(final int instrumentId, final BigDecimal price)
    {
        final Market market = markets.get(instrumentId);
        if (market == null || !market.isValidMarkPrice(price))
        {
            return false;
        }
        market.mark(price);
        for (final Account account : accounts.values())
        {
            if (account.holds(instrumentId))
            {
                publish(account);
            }
        }
        return true;
    }

    /**
     * Evaluate an account without reporting anything (a query).
     *
     * @param accountId account.
     * @return its risk at the current marks, or null if unknown.
     */
    public AccountRisk riskOf(final long accountId)
    {
        final Account account = accounts.get(accountId);
        return account == null ? null : evaluate(account);
    }

    /** @return number of accounts */
    public int accountCount()
    {
        return accounts.size();
    }

    private void publish(final Account account)
    {
        final AccountRisk risk = evaluate(account);
        listener.onAccountRisk(risk);
        final boolean alert = risk.atOrAboveRatio(marginAlertRatio);
        if (alert != account.alertRaised())
        {
            account.alertRaised(alert);
            listener.onMarginAlert(new MarginAlert(account.id(), alert, risk.marginRatio()));
        }
        if (risk.belowMaintenance())
        {
            listener.onLiquidationCandidate(candidate(account, risk));
        }
    }

    private AccountRisk evaluate(final Account account)
    {
        BigDecimal notional = NO_AMOUNT;
        BigDecimal unrealizedPnl = NO_AMOUNT;
        BigDecimal initialMargin = NO_AMOUNT;
        BigDecimal maintenanceMargin = NO_AMOUNT;
        for (final Position position : account.positions())
        {
            final Market market = markets.get(position.instrumentId());
            final BigDecimal positionNotional = Market.notional(position.size(), market.mark());
            notional = notional.add(positionNotional);
            unrealizedPnl = unrealizedPnl.add(position.unrealizedPnl(market.mark()));
            initialMargin = initialMargin.add(market.initialMargin(positionNotional, position.leverage()));
            maintenanceMargin = maintenanceMargin.add(market.maintenanceMargin(positionNotional));
        }
        final BigDecimal collateral = account.collateral();
        final BigDecimal equity = collateral.add(unrealizedPnl);
        final BigDecimal marginRatio = maintenanceMargin.signum() == 0 ? NO_RATIO :
            equity.signum() <= 0 ? null : maintenanceMargin.divide(equity, FixedPoint.RATE_DECIMALS, RoundingMode.CEILING);
        final BigDecimal freeCollateral = collateral.min(equity.subtract(initialMargin)).max(NO_AMOUNT);
        return new AccountRisk(account.id(), collateral, notional, unrealizedPnl, equity, initialMargin, maintenanceMargin,
            marginRatio, freeCollateral, account.realizedPnl(), account.feesPaid(), account.positions().size());
    }

    private LiquidationCandidate candidate(final Account account, final AccountRisk risk)
    {
        Position largest = null;
        BigDecimal largestNotional = null;
        for (final Position position : account.positions())
        {
            final BigDecimal notional = Market.notional(position.size(), markets.get(position.instrumentId()).mark());
            if (largest == null || notional.compareTo(largestNotional) > 0)
            {
                largest = position;
                largestNotional = notional;
            }
        }
        final BigDecimal mark = markets.get(largest.instrumentId()).mark();
        final BigDecimal backing = risk.equity().subtract(largest.unrealizedPnl(mark));
        return new LiquidationCandidate(account.id(), largest.instrumentId(), largest.size(), mark,
            bankruptcyPrice(largest.size(), largest.entryPrice(), backing), risk.maintenanceMargin().subtract(risk.equity()),
            risk.equity(), risk.maintenanceMargin());
    }

    /** {@code entry - backing / size}, the offset rounded down; 0 when out of range, clamped like the engine's. */
    private static BigDecimal bankruptcyPrice(final BigDecimal size, final BigDecimal entry, final BigDecimal backing)
    {
        final BigDecimal offset = backing.divide(size.abs(), FixedPoint.PRICE_DECIMALS, RoundingMode.FLOOR);
        if (size.signum() > 0)
        {
            final BigDecimal price = entry.subtract(offset);
            return price.signum() <= 0 ? NO_PRICE : price.min(MAX_PRICE);
        }
        final BigDecimal price = entry.add(offset);
        return price.compareTo(MAX_PRICE) > 0 ? NO_PRICE : price.max(MIN_PRICE);
    }

    private static PositionChange positionChange(
        final Account account, final Position position, final Market market, final BigDecimal realized, final BigDecimal fee)
    {
        final BigDecimal mark = market.mark();
        final BigDecimal notional = position.isFlat() ? NO_AMOUNT : Market.notional(position.size(), mark);
        return new PositionChange(account.id(), position.instrumentId(), position.size(), position.entryPrice(), mark, notional,
            position.isFlat() ? NO_AMOUNT : position.unrealizedPnl(mark), realized, fee,
            position.isFlat() ? NO_AMOUNT : market.initialMargin(notional, position.leverage()),
            position.isFlat() ? NO_AMOUNT : market.maintenanceMargin(notional));
    }
}
