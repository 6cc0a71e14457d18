package com.perprisk.engine;

import com.perprisk.engine.book.AccountBook;
import com.perprisk.engine.book.MarginMode;
import com.perprisk.engine.book.PositionBook;
import com.perprisk.engine.book.PositionState;
import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.command.CommandType;
import com.perprisk.engine.command.RejectReason;
import com.perprisk.engine.event.AccountRisk;
import com.perprisk.engine.event.CommandResult;
import com.perprisk.engine.event.FundingApplied;
import com.perprisk.engine.event.InsuranceFundUpdate;
import com.perprisk.engine.event.LiquidationCandidate;
import com.perprisk.engine.event.MarginAlert;
import com.perprisk.engine.event.PositionChange;
import com.perprisk.engine.event.PositionUpdate;
import com.perprisk.engine.event.RiskEventListener;
import com.perprisk.engine.fixed.FixedPoint;
import com.perprisk.engine.fixed.Rounding;
import com.perprisk.engine.instrument.Instrument;
import com.perprisk.engine.instrument.InstrumentBook;
import com.perprisk.engine.risk.AccountEvaluator;
import com.perprisk.engine.risk.LiquidationIndex;
import com.perprisk.engine.risk.PositionMath;
import com.perprisk.engine.risk.TradeOutcome;
import com.perprisk.engine.risk.TradeSettlement;
import com.perprisk.engine.state.StateImage;
import com.perprisk.engine.state.StateReader;
import com.perprisk.engine.state.StateWriter;

import java.util.Arrays;

import static com.perprisk.engine.fixed.FixedPoint.MAX_BALANCE;
import static com.perprisk.engine.fixed.FixedPoint.MAX_NOTIONAL;
import static com.perprisk.engine.fixed.FixedPoint.OVERFLOW;
import static com.perprisk.engine.fixed.FixedPoint.RATE_SCALE;

/**
 * The business-logic processor: applies one {@link CommandEvent} at a time to the books and reports
 * what happened to a {@link RiskEventListener}. A pure function of its inputs: it reads no clock and
 * no randomness (time is the event's), iterates no hash map, and does no I/O, so replaying the same
 * inputs gives the same state and {@link #checksum()}.
 *
 * <p>Every command is validated completely before anything changes; a rejected command changes
 * nothing and its result carries a {@link RejectReason}. Money moves only between ledger buckets —
 * account collateral, isolated margin wallets, the insurance fund, the fee pool and the external
 * settlement account (the venue side of realized PnL and funding) — so
 * {@code Σ deposits − Σ withdrawals = Σ buckets} exactly after every event ({@link #ledgerImbalance()}).
 *
 * <p>Threading: single writer. Only the business-logic thread may call {@link #apply}; the read
 * accessors are for that thread or for use after the pipeline has stopped.
 */
public final class RiskEngine
{
    /** First four bytes of an engine image ("PRSK" in a hex dump of the little-endian int). */
    public static final int IMAGE_MAGIC = 0x4B535250;

    /** Version of the engine image layout written by {@link #writeState}; {@link #restore} reads only this one. */
    public static final short IMAGE_VERSION = 2;

    private static final byte DETECTION_INDEXED = 0;
    private static final byte DETECTION_FULL_SCAN = 1;
    /** {@link #detect} after a funding tick: funding may clear an alert, which recovery keys do not bound. */
    private static final long AFTER_FUNDING = -1;

    private final EngineConfig config;
    private final InstrumentBook instruments = new InstrumentBook();
    private final AccountBook accounts;
    private final PositionBook positions;
    private final AccountEvaluator evaluator;
    private final LiquidationIndex liquidationIndex = new LiquidationIndex();
    private final TradeSettlement settlement;
    private final SlotSet watched = new SlotSet();
    private final boolean indexed;
    private final long alertTargetScale;
    /** floor(RATE_SCALE^2 / alert ratio): the lower bound of the equity a raised alert needs to clear. */
    private final long recoveryTargetScale;

    private long insuranceFund;
    private long feePool;
    private long externalSettlement;
    private long lastSequence = -1;

    private final CommandResult commandResult = new CommandResult();
    private final PositionUpdate positionUpdate = new PositionUpdate();
    private final AccountRisk accountRisk = new AccountRisk();
    private final MarginAlert marginAlert = new MarginAlert();
    private final LiquidationCandidate candidate = new LiquidationCandidate();
    private final FundingApplied fundingApplied = new FundingApplied();
    private final InsuranceFundUpdate insuranceUpdate = new InsuranceFundUpdate();

    private RiskEventListener listener = RiskEventListener.NO_OP;
    /** The listener wants results only (a replay): event payloads are not computed, the state reached is the same. */
    private boolean silent = true;
    private Instrument resolvedInstrument;
    private int resolvedSlot;
    private long sequence;
    private long detectionPass;
    private int[] queued;
    private int queuedCount;

    /** @param config settings */
    public RiskEngine(final EngineConfig config)
    {
        this.config = config;
        accounts = new AccountBook(config.initialAccounts());
        positions = new PositionBook(config.initialPositions());
        evaluator = new AccountEvaluator(accounts, positions, instruments);
        settlement = new TradeSettlement(accounts, positions, instruments);
        indexed = config.detection() == LiquidationDetection.INDEXED;
        queued = new int[Math.max(64, config.initialAccounts())];
        alertTargetScale = FixedPoint.mulDiv(RATE_SCALE, RATE_SCALE, config.marginAlertRatio(), Rounding.CEILING);
        recoveryTargetScale = FixedPoint.mulDiv(RATE_SCALE, RATE_SCALE, config.marginAlertRatio(), Rounding.FLOOR);
    }

    /**
     * Apply one command. Emits its events to the listener, the last one always its
     * {@link RiskEventListener#onCommandResult}.
     *
     * @param command  the input; its sequence is taken as this input's position in the total order.
     * @param listener receives the output events during this call.
     */
    public void apply(final CommandEvent command, final RiskEventListener listener)
    {
        this.listener = listener;
        silent = !listener.wantsRiskEvents();
        sequence = command.sequence();
        listener.onCommandStart(command);
        final int reason;
        switch (command.type())
        {
            case CommandType.DEFINE_INSTRUMENT: reason = onDefineInstrument(command); break;
            case CommandType.DEPOSIT: reason = onDeposit(command); break;
            case CommandType.WITHDRAW: reason = onWithdraw(command); break;
            case CommandType.FILL: reason = onFill(command); break;
            case CommandType.ADJUST_ISOLATED_MARGIN: reason = onAdjustIsolatedMargin(command); break;
            case CommandType.SET_LEVERAGE: reason = onSetLeverage(command); break;
            case CommandType.SET_MARGIN_MODE: reason = onSetMarginMode(command); break;
            case CommandType.MARK_PRICE: reason = onMarkPrice(command); break;
            case CommandType.FUNDING_RATE: reason = onFundingRate(command); break;
            case CommandType.LIQUIDATION_FILL: reason = onLiquidationFill(command); break;
            case CommandType.PRE_TRADE_CHECK: reason = onPreTradeCheck(command); break;
            case CommandType.QUERY_ACCOUNT: reason = onQueryAccount(command); break;
            case CommandType.SET_LIQUIDATOR: reason = onSetLiquidator(command); break;
            default: reason = RejectReason.UNKNOWN_COMMAND;
        }
        lastSequence = sequence;
        listener.onCommandResult(commandResult
            .sequence(sequence)
            .correlationId(command.correlationId())
            .commandType(command.type())
            .accountId(command.accountId())
            .instrumentId(command.instrumentId())
            .rejectReason(reason));
        this.listener = RiskEventListener.NO_OP;
    }

    /**
     * Answer a command without applying it: emits only its {@link RiskEventListener#onCommandResult}
     * with the given reason and changes no state, not even {@link #lastSequence()}. Used by the pipeline
     * for inputs it could not journal.
     *
     * @param command  the refused input.
     * @param reason   why it is refused.
     * @param listener receives the result.
     */
    public void refuse(final CommandEvent command, final int reason, final RiskEventListener listener)
    {
        listener.onCommandResult(commandResult
            .sequence(command.sequence())
            .correlationId(command.correlationId())
            .commandType(command.type())
            .accountId(command.accountId())
            .instrumentId(command.instrumentId())
            .rejectReason(reason));
    }

    // ------------------------------------------------------------------ commands

    /**
     * Look up the command's instrument and account into {@link #resolvedInstrument} and {@link #resolvedSlot}.
     *
     * @param c the command.
     * @return {@link RejectReason#NONE}, or why it cannot be resolved.
     */
    private int resolveInstrumentAndAccount(final CommandEvent c)
    {
        resolvedInstrument = instruments.get(c.instrumentId());
        if (resolvedInstrument == null)
        {
            return RejectReason.UNKNOWN_INSTRUMENT;
        }
        resolvedSlot = accounts.slotOf(c.accountId());
        return resolvedSlot == AccountBook.NONE ? RejectReason.UNKNOWN_ACCOUNT : RejectReason.NONE;
    }

    /** @return true when {@code part / whole > rate} (exactly; also when the ratio does not fit in a long). */
    private static boolean exceedsRate(final long part, final long whole, final long rate)
    {
        final long ratio = FixedPoint.mulDiv(part, RATE_SCALE, whole, Rounding.CEILING);
        return ratio == OVERFLOW || ratio > rate;
    }

    /** @return {@link RejectReason#NONE} when the price is on the tick and the size on the lot, within the instrument's limits. */
    private static int validateTrade(final Instrument instrument, final long price, final long size)
    {
        if (!instrument.isValidPrice(price))
        {
            return RejectReason.INVALID_PRICE;
        }
        return instrument.isValidSize(size) ? RejectReason.NONE : RejectReason.INVALID_SIZE;
    }

    private int onDefineInstrument(final CommandEvent c)
    {
        if (!(c.attachment() instanceof Instrument))
        {
            return RejectReason.INVALID_INSTRUMENT;
        }
        final Instrument instrument = (Instrument)c.attachment();
        if (instrument.id() != c.instrumentId())
        {
            return RejectReason.INVALID_INSTRUMENT;
        }
        if (instruments.get(instrument.id()) != null || instruments.bySymbol(instrument.symbol()) != null)
        {
            return RejectReason.INSTRUMENT_EXISTS;
        }
        if (instrument.maxMaintenanceRate() > config.marginAlertRatio())
        {
            // A maintenance rate above the alert threshold would let a rising mark raise an alert on a long (the trigger
            // bands assume a move in the position's favour never brings its account closer to the threshold).
            return RejectReason.INVALID_INSTRUMENT;
        }
        instruments.add(instrument);
        liquidationIndex.addInstrument(instrument.id());
        return RejectReason.NONE;
    }

    private int onDeposit(final CommandEvent c)
    {
        final long amount = c.amount();
        if (c.accountId() <= 0)
        {
            return RejectReason.UNKNOWN_ACCOUNT;
        }
        if (amount <= 0 || amount > MAX_BALANCE)
        {
            return RejectReason.INVALID_AMOUNT;
        }
        int slot = accounts.slotOf(c.accountId());
        if (slot != AccountBook.NONE)
        {
            if (accounts.collateral(slot) + positions.isolatedMarginOfAccount(slot) + amount > MAX_BALANCE)
            {
                return RejectReason.BALANCE_LIMIT;
            }
            if (FixedPoint.add(accounts.totalDeposited(slot), amount) == OVERFLOW)
            {
                return RejectReason.LIMIT_EXCEEDED;
            }
        }
        else
        {
            slot = accounts.create(c.accountId());
        }
        accounts.recordDeposit(slot, amount);
        reevaluate(slot);
        return RejectReason.NONE;
    }

    private int onWithdraw(final CommandEvent c)
    {
        final int slot = accounts.slotOf(c.accountId());
        final long amount = c.amount();
        if (slot == AccountBook.NONE)
        {
            return RejectReason.UNKNOWN_ACCOUNT;
        }
        if (amount <= 0 || amount > MAX_BALANCE)
        {
            return RejectReason.INVALID_AMOUNT;
        }
        evaluator.evaluate(slot);
        if (amount > evaluator.collateral())
        {
            return RejectReason.INSUFFICIENT_COLLATERAL;
        }
        if (amount > evaluator.freeCollateral())
        {
            return RejectReason.INSUFFICIENT_MARGIN;
        }
        if (FixedPoint.add(accounts.totalWithdrawn(slot), amount) == OVERFLOW)
        {
            return RejectReason.LIMIT_EXCEEDED;
        }
        accounts.recordWithdrawal(slot, amount);
        reevaluate(slot);
        return RejectReason.NONE;
    }

    private int onFill(final CommandEvent c)
    {
        final int unresolved = resolveInstrumentAndAccount(c);
        if (unresolved != RejectReason.NONE)
        {
            return unresolved;
        }
        final Instrument instrument = resolvedInstrument;
        final int slot = resolvedSlot;
        final int invalid = validateTrade(instrument, c.price(), c.size());
        if (invalid != RejectReason.NONE)
        {
            return invalid;
        }
        final long fee;
        if (c.amount() == CommandEvent.FEE_FROM_SCHEDULE)
        {
            fee = FixedPoint.applyRate(PositionMath.notional(c.size(), c.price()), instrument.takerFeeRate(), Rounding.CEILING);
        }
        else if (Math.abs(c.amount()) > PositionMath.notional(c.size(), c.price()))
        {
            return RejectReason.INVALID_AMOUNT;   // a fee (or rebate) larger than the fill's notional is not a fee
        }
        else
        {
            fee = c.amount();
        }
        return applyTrade(slot, instrument, c.size(), c.price(), fee, false);
    }

    private int onLiquidationFill(final CommandEvent c)
    {
        final int liquidator = accounts.slotOf(c.aux());
        if (liquidator == AccountBook.NONE || !accounts.hasFlag(liquidator, AccountBook.FLAG_LIQUIDATOR))
        {
            return RejectReason.NOT_LIQUIDATOR;
        }
        final int unresolved = resolveInstrumentAndAccount(c);
        if (unresolved != RejectReason.NONE)
        {
            return unresolved;
        }
        final Instrument instrument = resolvedInstrument;
        final int slot = resolvedSlot;
        final int p = positions.find(slot, instrument.id());
        if (p == AccountBook.NONE || positions.size(p) == 0)
        {
            return RejectReason.NO_POSITION;
        }
        final int invalid = validateTrade(instrument, c.price(), c.size());
        if (invalid != RejectReason.NONE)
        {
            return invalid;
        }
        final long size = positions.size(p);
        if ((size > 0) == (c.size() > 0) || Math.abs(c.size()) > Math.abs(size))
        {
            return RejectReason.NOT_REDUCING;
        }
        evaluator.evaluate(slot);
        if (!evaluator.belowMaintenance(indexOf(p)))
        {
            return RejectReason.NOT_LIQUIDATABLE;
        }
        final long fee = FixedPoint.applyRate(PositionMath.notional(c.size(), c.price()), instrument.liquidationFeeRate(), Rounding.CEILING);
        return applyTrade(slot, instrument, c.size(), c.price(), fee, true);
    }

    /**
     * The one path that changes a position by a trade (fills and liquidation fills): {@link TradeSettlement}
     * computes every effect and checks every limit, then they are committed and the account re-evaluated.
     */
    private int applyTrade(
        final int slot, final Instrument instrument, final long quantity, final long price, final long fee, final boolean liquidation)
    {
        final int id = instrument.id();
        int p = positions.find(accounts, slot, id);
        final long size = p == AccountBook.NONE ? 0 : positions.size(p);
        final long newSizeUnchecked = size + quantity;
        if (newSizeUnchecked > instrument.maxPositionSize() || newSizeUnchecked < -instrument.maxPositionSize())
        {
            return RejectReason.POSITION_LIMIT;
        }
        if (size == 0 && accounts.openPositions(slot) >= AccountEvaluator.MAX_OPEN_POSITIONS)
        {
            return RejectReason.TOO_MANY_POSITIONS;
        }
        final int unsettled = settlement.compute(slot, p, instrument, quantity, price, fee, liquidation);
        if (unsettled != RejectReason.NONE)
        {
            return unsettled;
        }
        final TradeOutcome trade = settlement.trade();
        final long fundingSettled = settlement.fundingSettled();
        final long realized = trade.realizedPnl();
        if (FixedPoint.add(insuranceFund, settlement.insuranceDelta()) == OVERFLOW ||
            FixedPoint.add(insuranceFund, settlement.insuranceDelta() + settlement.deficitCovered()) == OVERFLOW ||
            FixedPoint.add(feePool, settlement.feePoolDelta()) == OVERFLOW ||
            FixedPoint.add(externalSettlement, -(fundingSettled + realized)) == OVERFLOW)
        {
            return RejectReason.LIMIT_EXCEEDED;
        }

        // Commit.
        if (p == AccountBook.NONE)
        {
            p = positions.create(accounts, slot, id, instrument.maxLeverage());
        }
        if (instruments.mark(id) == 0)
        {
            instruments.mark(id, price, instruments.markTime(id));   // until the first oracle tick, the last fill marks
        }
        final long newSize = trade.newSize();
        positions.fundingIndex(p, instruments.fundingIndex(id));
        accounts.addFundingPaid(slot, -fundingSettled);
        accounts.addRealizedPnl(slot, realized);
        positions.addRealizedPnl(p, realized);
        accounts.addFeesPaid(slot, fee);
        accounts.addCollateral(slot, settlement.collateralDelta());
        if (settlement.isolated())
        {
            positions.addIsolatedMargin(p, settlement.walletAfter() - positions.isolatedMargin(p));
        }
        externalSettlement -= fundingSettled + realized;
        feePool += settlement.feePoolDelta();
        if (liquidation)
        {
            moveInsurance(slot, id, fee);
        }
        if (settlement.deficitCovered() != 0)
        {
            moveInsurance(slot, id, -settlement.deficitCovered());
        }
        positions.size(p, newSize);
        positions.entryPrice(p, trade.newEntry());
        if (size == 0)
        {
            positions.open(accounts, p);
        }
        else if (newSize == 0)
        {
            positions.close(accounts, p);
            liquidationIndex.remove(p, id);
        }
        final byte transition = size == 0 ? PositionState.OPENING : newSize == 0 ? PositionState.CLOSING : PositionState.MODIFYING;
        positions.state(p, newSize == 0 ? PositionState.CLOSED : PositionState.OPEN);
        evaluator.evaluate(slot);
        emitPosition(p, liquidation ? PositionChange.LIQUIDATED : trade.change(), transition, realized, fee, fundingSettled);
        publishEvaluated();
        return RejectReason.NONE;
    }

    private void moveInsurance(final int slot, final int instrumentId, final long delta)
    {
        insuranceFund += delta;
        listener.onInsuranceFundUpdate(insuranceUpdate
            .sequence(sequence)
            .accountId(accounts.accountId(slot))
            .instrumentId(instrumentId)
            .delta(delta)
            .balance(insuranceFund));
    }

    private int onAdjustIsolatedMargin(final CommandEvent c)
    {
        final int unresolved = resolveInstrumentAndAccount(c);
        if (unresolved != RejectReason.NONE)
        {
            return unresolved;
        }
        final Instrument instrument = resolvedInstrument;
        final int slot = resolvedSlot;
        final int p = positions.find(slot, instrument.id());
        if (p == AccountBook.NONE || positions.size(p) == 0)
        {
            return RejectReason.NO_POSITION;
        }
        if (!positions.isIsolated(p))
        {
            return RejectReason.NOT_ISOLATED;
        }
        final long amount = c.amount();
        if (amount == 0 || amount > MAX_BALANCE || amount < -MAX_BALANCE)
        {
            return RejectReason.INVALID_AMOUNT;
        }
        evaluator.evaluate(slot);
        final int i = indexOf(p);
        final long fundingSettled = evaluator.funding(i);
        final long wallet = positions.isolatedMargin(p) + fundingSettled;
        if (amount > 0)
        {
            if (amount > evaluator.freeCollateral())
            {
                return RejectReason.INSUFFICIENT_COLLATERAL;
            }
        }
        else
        {
            if (-amount > wallet)
            {
                return RejectReason.INSUFFICIENT_COLLATERAL;
            }

            if (evaluator.isolatedEquity(i) + amount < evaluator.initialMargin(i))
            {
                return RejectReason.INSUFFICIENT_MARGIN;
            }
        }
        if (FixedPoint.add(externalSettlement, -fundingSettled) == OVERFLOW || FixedPoint.add(accounts.fundingPaid(slot), -fundingSettled) == OVERFLOW)
        {
            return RejectReason.LIMIT_EXCEEDED;
        }
        if (fundingSettled > 0 &&
            accounts.collateral(slot) + positions.isolatedMarginOfAccount(slot) + fundingSettled > MAX_BALANCE)
        {
            return RejectReason.BALANCE_LIMIT;   // funding received is money from outside, like a deposit
        }
        settleFunding(slot, p, fundingSettled);
        positions.addIsolatedMargin(p, amount);
        accounts.addCollateral(slot, -amount);
        evaluator.evaluate(slot);
        emitPosition(p, PositionChange.MARGIN_CHANGED, PositionState.MODIFYING, 0, 0, fundingSettled);
        publishEvaluated();
        return RejectReason.NONE;
    }

    private void settleFunding(final int slot, final int p, final long fundingSettled)
    {
        positions.fundingIndex(p, instruments.fundingIndex(positions.instrument(p)));
        if (positions.isIsolated(p))
        {
            positions.addIsolatedMargin(p, fundingSettled);
        }
        else
        {
            accounts.addCollateral(slot, fundingSettled);
        }
        accounts.addFundingPaid(slot, -fundingSettled);
        externalSettlement -= fundingSettled;
    }

    private int onSetLeverage(final CommandEvent c)
    {
        final int unresolved = resolveInstrumentAndAccount(c);
        if (unresolved != RejectReason.NONE)
        {
            return unresolved;
        }
        final Instrument instrument = resolvedInstrument;
        final int slot = resolvedSlot;
        final long leverage = c.amount();
        if (leverage < 1 || leverage > instrument.maxLeverage())
        {
            return RejectReason.LEVERAGE_EXCEEDS_TIER;
        }
        int p = positions.find(slot, instrument.id());
        if (p != AccountBook.NONE && positions.size(p) != 0)
        {
            evaluator.evaluate(slot);
            final int i = indexOf(p);
            final long notional = evaluator.notional(i);
            if (leverage > instrument.tierMaxLeverage(instrument.tierOf(notional)))
            {
                return RejectReason.LEVERAGE_EXCEEDS_TIER;
            }
            final long initial = instrument.initialMargin(notional, (int)leverage);
            final boolean covered = positions.isIsolated(p) ?
                evaluator.isolatedEquity(i) >= initial :
                evaluator.crossEquity() >= evaluator.crossInitialMargin() - evaluator.initialMargin(i) + initial;
            if (!covered)
            {
                return RejectReason.INSUFFICIENT_MARGIN;
            }
        }
        if (p == AccountBook.NONE)
        {
            p = positions.create(accounts, slot, instrument.id(), instrument.maxLeverage());
        }
        positions.leverage(p, (int)leverage);
        evaluator.evaluate(slot);
        emitPosition(p, PositionChange.SETTINGS_CHANGED, positions.state(p), 0, 0, 0);
        publishEvaluated();
        return RejectReason.NONE;
    }

    private int onSetMarginMode(final CommandEvent c)
    {
        final int unresolved = resolveInstrumentAndAccount(c);
        if (unresolved != RejectReason.NONE)
        {
            return unresolved;
        }
        final Instrument instrument = resolvedInstrument;
        final int slot = resolvedSlot;
        if (!MarginMode.isValid(c.amount()))
        {
            return RejectReason.INVALID_MODE;
        }
        int p = positions.find(slot, instrument.id());
        if (p != AccountBook.NONE && positions.size(p) != 0)
        {
            return RejectReason.POSITION_OPEN;
        }
        if (p == AccountBook.NONE)
        {
            p = positions.create(accounts, slot, instrument.id(), instrument.maxLeverage());
        }
        positions.mode(p, (byte)c.amount());
        evaluator.evaluate(slot);
        emitPosition(p, PositionChange.SETTINGS_CHANGED, positions.state(p), 0, 0, 0);
        return RejectReason.NONE;
    }

    private int onMarkPrice(final CommandEvent c)
    {
        final Instrument instrument = instruments.get(c.instrumentId());
        if (instrument == null)
        {
            return RejectReason.UNKNOWN_INSTRUMENT;
        }
        final int id = instrument.id();
        final long price = c.price();
        if (price <= 0 || price > instrument.maxPrice())
        {
            return RejectReason.INVALID_PRICE;
        }
        final long confidence = c.amount();
        if (confidence < 0 || confidence > FixedPoint.MAX_PRICE)
        {
            return RejectReason.INVALID_AMOUNT;
        }
        if (instrument.oracleMaxConfidenceRate() > 0 &&
            exceedsRate(confidence, price, instrument.oracleMaxConfidenceRate()))
        {
            return RejectReason.ORACLE_CONFIDENCE;
        }
        final long publishTime = c.aux() > 0 ? c.aux() : c.timestamp();
        if (publishTime < instruments.markTime(id) ||
            (instrument.oracleStalenessNanos() > 0 && c.timestamp() - publishTime > instrument.oracleStalenessNanos()))
        {
            return RejectReason.MARK_STALE;
        }
        instruments.mark(id, price, publishTime);
        if (indexed)
        {
            final int fired = liquidationIndex.fireOnMark(id, price);
            queueFired(fired);
        }
        detect(id, price);
        return RejectReason.NONE;
    }

    private int onFundingRate(final CommandEvent c)
    {
        final Instrument instrument = instruments.get(c.instrumentId());
        if (instrument == null)
        {
            return RejectReason.UNKNOWN_INSTRUMENT;
        }
        final int id = instrument.id();
        final long mark = instruments.mark(id);
        if (mark == 0)
        {
            return RejectReason.NO_MARK_PRICE;
        }
        if (c.amount() > RATE_SCALE || c.amount() < -RATE_SCALE || (c.aux() != 0 && c.aux() != CommandEvent.FUNDING_FROM_PREMIUM))
        {
            return RejectReason.INVALID_RATE;
        }
        final long rate = c.aux() == CommandEvent.FUNDING_FROM_PREMIUM ? instrument.fundingRateFromPremium(c.amount()) : c.amount();
        final long clamp = instrument.fundingClampRate();
        final long applied = Math.max(-clamp, Math.min(clamp, rate));
        final long delta = FixedPoint.mulDiv(mark, applied, FixedPoint.FUNDING_RATE_DIVISOR, Rounding.FLOOR);
        final long index = FixedPoint.add(instruments.fundingIndex(id), delta);
        if (delta == OVERFLOW || index == OVERFLOW || index > instrument.maxFundingIndex() || index < -instrument.maxFundingIndex())
        {
            return RejectReason.LIMIT_EXCEEDED;
        }
        instruments.fundingIndex(id, index);
        listener.onFundingApplied(fundingApplied
            .sequence(sequence)
            .instrumentId(id)
            .requestedRate(rate)
            .appliedRate(applied)
            .markPrice(mark)
            .fundingIndex(index));
        if (indexed)
        {
            final int fired = liquidationIndex.fireOnFunding(id, index);
            queueFired(fired);
        }
        detect(id, AFTER_FUNDING);
        return RejectReason.NONE;
    }

    private int onPreTradeCheck(final CommandEvent c)
    {
        final int unresolved = resolveInstrumentAndAccount(c);
        if (unresolved != RejectReason.NONE)
        {
            return unresolved;
        }
        final Instrument instrument = resolvedInstrument;
        final int id = instrument.id();
        final int slot = resolvedSlot;
        final long price = c.price();
        final long quantity = c.size();
        final int invalid = validateTrade(instrument, price, quantity);
        if (invalid != RejectReason.NONE)
        {
            return invalid;
        }
        final long mark = instruments.mark(id);
        if (mark == 0)
        {
            return RejectReason.NO_MARK_PRICE;
        }
        if (instrument.oracleStalenessNanos() > 0 && c.timestamp() - instruments.markTime(id) > instrument.oracleStalenessNanos())
        {
            return RejectReason.MARK_STALE;
        }
        if (instrument.priceBandRate() > 0 && exceedsRate(Math.abs(price - mark), mark, instrument.priceBandRate()))
        {
            return RejectReason.PRICE_BAND;
        }
        final int p = positions.find(accounts, slot, id);
        final long size = p == AccountBook.NONE ? 0 : positions.size(p);
        final long newSize = size + quantity;
        if (newSize > instrument.maxPositionSize() || newSize < -instrument.maxPositionSize())
        {
            return RejectReason.POSITION_LIMIT;
        }
        if (size == 0 && accounts.openPositions(slot) >= AccountEvaluator.MAX_OPEN_POSITIONS)
        {
            return RejectReason.TOO_MANY_POSITIONS;
        }
        final long fee = FixedPoint.applyRate(PositionMath.notional(quantity, price), instrument.takerFeeRate(), Rounding.CEILING);
        final int unsettled = settlement.compute(slot, p, instrument, quantity, price, fee, false);
        if (unsettled != RejectReason.NONE)
        {
            return unsettled;
        }
        final TradeOutcome trade = settlement.trade();
        if (trade.openedQuantity() == 0)
        {
            return RejectReason.NONE;   // a pure reduction always lowers risk
        }
        final int leverage = p == AccountBook.NONE ? instrument.maxLeverage() : positions.leverage(p);
        final long newNotional = PositionMath.notional(newSize, mark);
        if (leverage > instrument.tierMaxLeverage(instrument.tierOf(newNotional)))
        {
            return RejectReason.LEVERAGE_EXCEEDS_TIER;
        }
        evaluator.evaluate(slot);
        final long newPnl = PositionMath.unrealizedPnl(newSize, trade.newEntry(), mark);
        final long newInitial = instrument.initialMargin(newNotional, leverage);
        if (settlement.isolated())
        {
            // The margin to move must be free, and the position after the trade must stand at its initial margin.
            final boolean funded = evaluator.freeCollateral() >= settlement.requiredMargin() + fee;
            return funded && settlement.walletAfter() + newPnl >= newInitial ? RejectReason.NONE : RejectReason.INSUFFICIENT_MARGIN;
        }
        final int i = size == 0 ? -1 : indexOf(p);
        final long oldPnl = i < 0 ? 0 : evaluator.unrealizedPnl(i);
        final long oldInitial = i < 0 ? 0 : evaluator.initialMargin(i);
        final long equityAfter = evaluator.crossEquity() - oldPnl + trade.realizedPnl() + newPnl - fee;
        final long initialAfter = evaluator.crossInitialMargin() - oldInitial + newInitial;
        return equityAfter >= initialAfter ? RejectReason.NONE : RejectReason.INSUFFICIENT_MARGIN;
    }

    private int onQueryAccount(final CommandEvent c)
    {
        final int slot = accounts.slotOf(c.accountId());
        if (slot == AccountBook.NONE)
        {
            return RejectReason.UNKNOWN_ACCOUNT;
        }
        evaluator.evaluate(slot);
        for (int i = 0; i < evaluator.count(); i++)
        {
            final int p = evaluator.position(i);
            emitPosition(p, PositionChange.NONE, positions.state(p), 0, 0, 0);
        }
        emitAccountRisk();
        return RejectReason.NONE;
    }

    private int onSetLiquidator(final CommandEvent c)
    {
        if (c.accountId() <= 0)
        {
            return RejectReason.UNKNOWN_ACCOUNT;
        }
        if (c.amount() != 0 && c.amount() != 1)
        {
            return RejectReason.INVALID_AMOUNT;
        }
        int slot = accounts.slotOf(c.accountId());
        if (slot == AccountBook.NONE)
        {
            slot = accounts.create(c.accountId());
        }
        accounts.flag(slot, AccountBook.FLAG_LIQUIDATOR, c.amount() == 1);
        return RejectReason.NONE;
    }

    // ------------------------------------------------------------------ detection

    private void queueFired(final int fired)
    {
        detectionPass++;
        queuedCount = 0;
        for (int k = 0; k < fired; k++)
        {
            queue(positions.account(liquidationIndex.fired(k)));
        }
    }

    /**
     * Re-evaluate the accounts a tick on {@code instrumentId} may have pushed below their target:
     * INDEXED: those queued from fired triggers plus the watched ones (alert raised or below
     * maintenance: few, and their recovery must be seen) holding it, on a mark tick only those whose
     * position's recovery key the mark crossed; FULL_SCAN: every holder. In ascending account-slot order either way.
     *
     * @param instrumentId the instrument that ticked.
     * @param mark         its new mark, or {@link #AFTER_FUNDING} after a funding tick (every watched holder).
     */
    private void detect(final int instrumentId, final long mark)
    {
        if (indexed)
        {
            for (int k = 0; k < watched.size(); k++)
            {
                final int slot = watched.get(k);
                final int p = positions.findOpen(accounts, slot, instrumentId);
                if (p != AccountBook.NONE && (mark == AFTER_FUNDING || liquidationIndex.crossedRecoveryKey(p, mark)))
                {
                    queue(slot);
                }
            }
        }
        else
        {
            detectionPass++;
            queuedCount = 0;
            for (int k = 0, n = positions.holderCount(instrumentId); k < n; k++)
            {
                queue(positions.account(positions.holder(instrumentId, k)));
            }
        }
        sortQueued();
        for (int k = 0; k < queuedCount; k++)
        {
            reevaluate(queued[k]);
        }
    }

    private void queue(final int slot)
    {
        if (accounts.evaluationMark(slot) == detectionPass)
        {
            return;
        }
        accounts.evaluationMark(slot, detectionPass);
        if (queuedCount == queued.length)
        {
            queued = Arrays.copyOf(queued, queuedCount * 2);
        }
        queued[queuedCount++] = slot;
    }

    /** Ascending account-slot order, in place and allocation-free: insertion sort for small batches, heap sort beyond. */
    private void sortQueued()
    {
        final int[] a = queued;
        final int n = queuedCount;
        if (n <= 32)
        {
            for (int i = 1; i < n; i++)
            {
                final int v = a[i];
                int j = i - 1;
                while (j >= 0 && a[j] > v)
                {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        for (int i = n / 2 - 1; i >= 0; i--)
        {
            siftDown(a, i, n);
        }
        for (int end = n - 1; end > 0; end--)
        {
            final int top = a[0];
            a[0] = a[end];
            a[end] = top;
            siftDown(a, 0, end);
        }
    }

    private static void siftDown(final int[] a, final int start, final int n)
    {
        int i = start;
        final int v = a[i];
        while (2 * i + 1 < n)
        {
            int child = 2 * i + 1;
            if (child + 1 < n && a[child + 1] > a[child])
            {
                child++;
            }
            if (a[child] <= v)
            {
                break;
            }
            a[i] = a[child];
            i = child;
        }
        a[i] = v;
    }

    private void reevaluate(final int slot)
    {
        evaluator.evaluate(slot);
        publishEvaluated();
    }

    /**
     * After an account changed or a tick fired for it: report its risk, raise or clear its margin
     * alert, mark and report liquidation candidates, and (INDEXED) place fresh triggers for every
     * position. Works on the evaluation already in {@link #evaluator}.
     */
    private void publishEvaluated()
    {
        final int slot = evaluator.accountSlot();
        emitAccountRisk();

        final boolean alert = evaluator.atOrAboveRatio(config.marginAlertRatio());
        if (alert != accounts.hasFlag(slot, AccountBook.FLAG_ALERT_RAISED))
        {
            accounts.flag(slot, AccountBook.FLAG_ALERT_RAISED, alert);
            emitMarginAlert(slot, alert);
        }

        final boolean crossBelow = evaluator.crossBelowMaintenance();
        int crossCandidate = -1;
        boolean anyBelow = false;
        for (int i = 0; i < evaluator.count(); i++)
        {
            final int p = evaluator.position(i);
            final boolean below = evaluator.belowMaintenance(i);
            positions.state(p, below ? PositionState.LIQUIDATING : PositionState.OPEN);
            if (below)
            {
                anyBelow = true;
                if (evaluator.isIsolated(i))
                {
                    emitCandidate(i);
                }
                else if (crossCandidate < 0 || evaluator.notional(i) > evaluator.notional(crossCandidate))
                {
                    crossCandidate = i;
                }
            }
        }
        if (crossBelow && crossCandidate >= 0)
        {
            emitCandidate(crossCandidate);
        }
        accounts.flag(slot, AccountBook.FLAG_LIQUIDATABLE, anyBelow);

        // Triggers only guard a unit with spare equity beyond its reserve; the others are watched on every tick.
        boolean unguarded = false;
        if (indexed)
        {
            final long crossScale = alert ? RATE_SCALE : alertTargetScale;
            for (int i = 0; i < evaluator.count(); i++)
            {
                final int p = evaluator.position(i);
                unguarded |= !evaluator.band(i, evaluator.isIsolated(i) ? RATE_SCALE : crossScale);
                liquidationIndex.place(p, positions.instrument(p), positions.size(p) > 0, evaluator.bandMarkKey(), evaluator.bandFundingKey());
            }
            // A watched account below maintenance or unguarded is looked at on every tick; one only in alert when a
            // mark crosses a recovery key (its fall below maintenance is guarded by the triggers just placed).
            final boolean everyTick = anyBelow || unguarded;
            for (int i = 0; (everyTick || alert) && i < evaluator.count(); i++)
            {
                final long key = everyTick ? LiquidationIndex.ALWAYS :
                    evaluator.isIsolated(i) ? LiquidationIndex.NEVER :
                    evaluator.recoveryMarkKey(i, recoveryTargetScale, alertTargetScale);
                liquidationIndex.recoveryKey(evaluator.position(i), key);
            }
        }
        if (anyBelow || alert || unguarded)
        {
            watched.add(slot);
        }
        else
        {
            watched.remove(slot);
        }
    }

    private int indexOf(final int p)
    {
        for (int i = 0; i < evaluator.count(); i++)
        {
            if (evaluator.position(i) == p)
            {
                return i;
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------ output

    private void emitPosition(
        final int p, final byte change, final byte state, final long realizedDelta, final long fee, final long fundingSettled)
    {
        if (silent)
        {
            return;
        }
        final int i = indexOf(p);
        final int id = positions.instrument(p);
        final boolean open = i >= 0;
        listener.onPositionUpdate(positionUpdate
            .sequence(sequence)
            .accountId(accounts.accountId(positions.account(p)))
            .instrumentId(id)
            .change(change)
            .state(state)
            .marginMode(positions.mode(p))
            .leverage(positions.leverage(p))
            .size(positions.size(p))
            .entryPrice(positions.entryPrice(p))
            .markPrice(instruments.mark(id))
            .notional(open ? evaluator.notional(i) : 0)
            .unrealizedPnl(open ? evaluator.unrealizedPnl(i) : 0)
            .returnOnEntry(open ? PositionMath.returnOnEntry(positions.size(p), positions.entryPrice(p), instruments.mark(id)) : 0)
            .realizedPnl(positions.realizedPnl(p))
            .realizedPnlDelta(realizedDelta)
            .fee(fee)
            .fundingSettled(fundingSettled)
            .unsettledFunding(open ? evaluator.funding(i) : 0)
            .isolatedMargin(positions.isolatedMargin(p))
            .initialMargin(open ? evaluator.initialMargin(i) : 0)
            .maintenanceMargin(open ? evaluator.maintenanceMargin(i) : 0)
            .liquidationPrice(open ? evaluator.liquidationPrice(i) : PositionMath.NO_PRICE));
    }

    private void emitAccountRisk()
    {
        if (silent)
        {
            return;
        }
        final int slot = evaluator.accountSlot();
        listener.onAccountRisk(accountRisk
            .sequence(sequence)
            .accountId(accounts.accountId(slot))
            .collateral(evaluator.collateral())
            .isolatedMargin(evaluator.isolatedMarginTotal())
            .notional(evaluator.totalNotional())
            .unrealizedPnl(evaluator.crossUnrealizedPnl())
            .unsettledFunding(evaluator.crossFunding())
            .equity(evaluator.crossEquity())
            .initialMargin(evaluator.crossInitialMargin())
            .maintenanceMargin(evaluator.crossMaintenanceMargin())
            .marginRatio(evaluator.marginRatio())
            .freeCollateral(evaluator.freeCollateral())
            .realizedPnl(accounts.realizedPnl(slot))
            .feesPaid(accounts.feesPaid(slot))
            .fundingPaid(accounts.fundingPaid(slot))
            .openPositions(accounts.openPositions(slot))
            .liquidatable(evaluator.anyBelowMaintenance()));
    }

    private void emitMarginAlert(final int slot, final boolean raised)
    {
        if (silent)
        {
            return;
        }
        listener.onMarginAlert(marginAlert
            .sequence(sequence)
            .accountId(accounts.accountId(slot))
            .raised(raised)
            .marginRatio(raised ? evaluator.marginRatio() : evaluator.marginRatioRoundedDown())   // on the decision's side
            .threshold(config.marginAlertRatio()));
    }

    private void emitCandidate(final int i)
    {
        if (silent)
        {
            return;
        }
        final int p = evaluator.position(i);
        final int id = positions.instrument(p);
        listener.onLiquidationCandidate(candidate
            .sequence(sequence)
            .accountId(accounts.accountId(positions.account(p)))
            .instrumentId(id)
            .marginMode(positions.mode(p))
            .positionSize(positions.size(p))
            .sizeToClose(evaluator.sizeToClose(i))
            .markPrice(instruments.mark(id))
            .bankruptcyPrice(evaluator.bankruptcyPrice(i))
            .shortfall(evaluator.shortfall(i))
            .equity(evaluator.unitEquity(i))
            .maintenanceMargin(evaluator.unitMaintenance(i)));
    }

    // ------------------------------------------------------------------ state image

    /**
     * Write a binary image of the whole state: everything that influences future outputs or the checksum, so that
     * {@link #restore} gives an engine that behaves bit for bit like this one. Layout: magic (int), version (short),
     * the config values that shape behaviour (margin alert ratio, detection), the engine's scalars, then the
     * instrument book, account book, position book, liquidation index and watched set, each opened by a section tag,
     * and last the {@link #checksum()}. Per-command scratch is not written.
     *
     * <p>Threading: the business-logic thread between commands, or any thread once the pipeline has stopped.
     *
     * @param writer destination.
     */
    public void writeState(final StateWriter writer)
    {
        writer.writeInt(IMAGE_MAGIC);
        writer.writeShort(IMAGE_VERSION);
        writer.writeLong(config.marginAlertRatio());
        writer.writeByte(indexed ? DETECTION_INDEXED : DETECTION_FULL_SCAN);
        writer.writeLong(insuranceFund);
        writer.writeLong(feePool);
        writer.writeLong(externalSettlement);
        writer.writeLong(lastSequence);
        writer.writeLong(sequence);
        writer.writeLong(detectionPass);
        instruments.writeTo(writer);
        accounts.writeTo(writer);
        positions.writeTo(writer);
        liquidationIndex.writeTo(writer);
        watched.writeTo(writer);
        writer.writeLong(checksum());
    }

    /**
     * Rebuild an engine from an image written by {@link #writeState}. The image is checked as it is read (magic,
     * version, config, section tags, counts, the links between books) and the restored state's checksum must equal
     * the one stored at its end.
     *
     * @param config settings: the margin alert ratio and the detection must be those the image was written with;
     *               initial capacities may differ.
     * @param reader source positioned at the image.
     * @return a new engine in the imaged state.
     * @throws IllegalStateException if the image is malformed, of another version or contradicts the config.
     */
    public static RiskEngine restore(final EngineConfig config, final StateReader reader)
    {
        final RiskEngine engine = new RiskEngine(config);
        try
        {
            engine.readState(reader);
        }
        catch (final IndexOutOfBoundsException | IllegalArgumentException ex)
        {
            final IllegalStateException malformed = StateImage.malformed(String.valueOf(ex.getMessage()));
            malformed.initCause(ex);
            throw malformed;
        }
        return engine;
    }

    private void readState(final StateReader reader)
    {
        final int magic = reader.readInt();
        if (magic != IMAGE_MAGIC)
        {
            throw new IllegalStateException("not an engine image: magic 0x" + Integer.toHexString(magic) + ", expected 0x" +
                Integer.toHexString(IMAGE_MAGIC));
        }
        final short version = reader.readShort();
        if (version != IMAGE_VERSION)
        {
            throw new IllegalStateException("engine image version " + version + " is not supported: this engine reads version " + IMAGE_VERSION);
        }
        final long alertRatio = reader.readLong();
        if (alertRatio != config.marginAlertRatio())
        {
            throw new IllegalStateException("the image was written with margin alert ratio " + FixedPoint.format(alertRatio, FixedPoint.RATE_DECIMALS) +
                ", the config says " + FixedPoint.format(config.marginAlertRatio(), FixedPoint.RATE_DECIMALS));
        }
        final byte detection = reader.readByte();
        if (detection != (indexed ? DETECTION_INDEXED : DETECTION_FULL_SCAN))
        {
            throw new IllegalStateException("the image was written with detection " +
                (detection == DETECTION_INDEXED ? "INDEXED" : detection == DETECTION_FULL_SCAN ? "FULL_SCAN" : "code " + detection) +
                ", the config says " + config.detection());
        }
        insuranceFund = reader.readLong();
        feePool = reader.readLong();
        externalSettlement = reader.readLong();
        lastSequence = reader.readLong();
        sequence = reader.readLong();
        detectionPass = reader.readLong();
        instruments.readFrom(reader);
        accounts.readFrom(reader);
        positions.readFrom(reader, accounts, instruments);
        liquidationIndex.readFrom(reader, instruments, positions.count());
        watched.readFrom(reader, accounts.count());
        final long expected = reader.readLong();
        final long actual = checksum();
        if (expected != actual)
        {
            throw new IllegalStateException("engine image checksum mismatch: the image says " + Long.toHexString(expected) +
                ", the restored state gives " + Long.toHexString(actual));
        }
    }

    // ------------------------------------------------------------------ read access

    /** @return the liquidation index (read access for measurements and checks; INDEXED detection only fills it) */
    public LiquidationIndex liquidationIndex()
    {
        return liquidationIndex;
    }

    /** @return the configuration */
    public EngineConfig config()
    {
        return config;
    }

    /** @param id instrument id @return the instrument or null */
    public Instrument instrument(final int id)
    {
        return instruments.get(id);
    }

    /** @param symbol symbol @return the instrument or null */
    public Instrument instrumentBySymbol(final String symbol)
    {
        return instruments.bySymbol(symbol);
    }

    /** @return instruments and their market state */
    public InstrumentBook instruments()
    {
        return instruments;
    }

    /** @return the account book */
    public AccountBook accounts()
    {
        return accounts;
    }

    /** @return the position book */
    public PositionBook positions()
    {
        return positions;
    }

    /** @return the evaluator (scratch; for the business-logic thread or a stopped engine) */
    public AccountEvaluator evaluator()
    {
        return evaluator;
    }

    /** @return insurance fund balance (quote scale) */
    public long insuranceFund()
    {
        return insuranceFund;
    }

    /** @return trading fees collected (quote scale) */
    public long feePool()
    {
        return feePool;
    }

    /** @return the venue side of realized PnL and funding: what the outside world was paid (+) or owes (-) (quote scale) */
    public long externalSettlement()
    {
        return externalSettlement;
    }

    /** @return sequence of the last input applied, -1 before the first */
    public long lastSequence()
    {
        return lastSequence;
    }

    /**
     * @return {@code Σ buckets − (Σ deposits − Σ withdrawals)}: zero when money is conserved (O(accounts + positions)).
     */
    public long ledgerImbalance()
    {
        long total = insuranceFund + feePool + externalSettlement;
        for (int slot = 0; slot < accounts.count(); slot++)
        {
            total += accounts.collateral(slot) - accounts.totalDeposited(slot) + accounts.totalWithdrawn(slot);
        }
        for (int p = 0; p < positions.count(); p++)
        {
            total += positions.isolatedMargin(p);
        }
        return total;
    }

    /** @return a 64-bit checksum of the whole state: same inputs, same checksum (O(accounts + positions)). */
    public long checksum()
    {
        return StateChecksum.of(this);
    }
}
