package com.perprisk.engine.command;

/**
 * One input to the engine: a pre-allocated, mutable slot of the Disruptor ring (or a reused
 * instance in tests and benchmarks). A producer fills it with one of the {@code set*} methods,
 * the pipeline stamps {@link #sequence()}, and the business-logic thread reads it.
 *
 * <p>The event is a union: which fields mean what depends on {@link #type()}.
 * <pre>
 * type                    account        instrument price          size               amount                     aux
 * DEFINE_INSTRUMENT       -              id         -              -                  -                          -   (attachment = Instrument)
 * DEPOSIT / WITHDRAW      account        -          -              -                  quote amount (&gt; 0)         -
 * FILL                    account        id         fill price     signed size (+buy) fee (quote) or FEE_FROM_SCHEDULE -
 * ADJUST_ISOLATED_MARGIN  account        id         -              -                  signed quote (+add/-remove) -
 * SET_LEVERAGE            account        id         -              -                  leverage (integer)         -
 * SET_MARGIN_MODE         account        id         -              -                  MarginMode code            -
 * MARK_PRICE              -              id         mark price     -                  oracle confidence (price)  oracle publish time (ns), 0 = now
 * FUNDING_RATE            -              id         -              -                  rate (RATE scale, signed)  0, or FUNDING_FROM_PREMIUM: amount is a premium index
 * LIQUIDATION_FILL        liquidated     id         fill price     signed size        -                          liquidator account id
 * PRE_TRADE_CHECK         account        id         order price    signed size        -                          -
 * QUERY_ACCOUNT           account        -          -              -                  -                          -
 * SET_LIQUIDATOR          account        -          -              -                  1 authorise, 0 revoke      -
 * </pre>
 * All numbers are the engine's fixed-point raw values (see {@code FixedPoint}). Time is
 * nanoseconds since the epoch, assigned by the producer; the business logic reads no clock.
 *
 * <p>Threading: written by exactly one producer before publication, then read only by the
 * business-logic thread until the slot is reused.
 */
public final class CommandEvent
{
    /** Fee value meaning "charge the instrument's taker fee rate on the fill notional". */
    public static final long FEE_FROM_SCHEDULE = Long.MIN_VALUE;
    /** {@code aux} of a FUNDING_RATE whose amount is a premium index: the engine derives the rate (see {@code Instrument#fundingRateFromPremium}). */
    public static final long FUNDING_FROM_PREMIUM = 1;

    private byte type;
    private long sequence;
    private long timestamp;
    private long correlationId;
    private long accountId;
    private int instrumentId;
    private long price;
    private long size;
    private long amount;
    private long aux;
    private Object attachment;
    private long origin;

    /** @return command code, one of {@link CommandType}. */
    public byte type()
    {
        return type;
    }

    /** @return position of this input in the engine's total order of inputs (journal sequence). */
    public long sequence()
    {
        return sequence;
    }

    /** @return event time in nanoseconds since the epoch, assigned by the producer. */
    public long timestamp()
    {
        return timestamp;
    }

    /** @return the client's correlation id, echoed in the result. */
    public long correlationId()
    {
        return correlationId;
    }

    /** @return account the command acts on. */
    public long accountId()
    {
        return accountId;
    }

    /** @return instrument the command acts on. */
    public int instrumentId()
    {
        return instrumentId;
    }

    /** @return price field (see the table in the class comment). */
    public long price()
    {
        return price;
    }

    /** @return signed size field (see the table in the class comment). */
    public long size()
    {
        return size;
    }

    /** @return amount field (see the table in the class comment). */
    public long amount()
    {
        return amount;
    }

    /** @return auxiliary field (see the table in the class comment). */
    public long aux()
    {
        return aux;
    }

    /** @return admin payload (only {@link CommandType#DEFINE_INSTRUMENT}), otherwise null. */
    public Object attachment()
    {
        return attachment;
    }

    /** @return where the command came from, for routing its results (e.g. a gateway session); 0 = no origin. Not used by the business logic. */
    public long origin()
    {
        return origin;
    }

    /**
     * Tag the command with its origin; set after one of the {@code set*} methods, which reset it to 0.
     *
     * @param origin producer-defined origin (a gateway session id), 0 for none.
     * @return this.
     */
    public CommandEvent origin(final long origin)
    {
        this.origin = origin;
        return this;
    }

    /**
     * Stamp the total-order sequence; called by the pipeline, not by producers.
     *
     * @param sequence the ring (journal) sequence of this input.
     */
    public void sequence(final long sequence)
    {
        this.sequence = sequence;
    }

    /**
     * Fill every field at once; the typed setters below are the readable way to call this.
     *
     * @param type          command code.
     * @param timestamp     event time, ns since epoch.
     * @param correlationId client correlation id.
     * @param accountId     account.
     * @param instrumentId  instrument.
     * @param price         price field.
     * @param size          size field.
     * @param amount        amount field.
     * @param aux           auxiliary field.
     * @param attachment    admin payload or null.
     * @return this.
     */
    public CommandEvent set(
        final byte type,
        final long timestamp,
        final long correlationId,
        final long accountId,
        final int instrumentId,
        final long price,
        final long size,
        final long amount,
        final long aux,
        final Object attachment)
    {
        this.type = type;
        this.timestamp = timestamp;
        this.correlationId = correlationId;
        this.accountId = accountId;
        this.instrumentId = instrumentId;
        this.price = price;
        this.size = size;
        this.amount = amount;
        this.aux = aux;
        this.attachment = attachment;
        this.origin = 0;
        return this;
    }

    /** Copy every field of another event (the pipeline's translator). @param src source. @return this. */
    public CommandEvent copyFrom(final CommandEvent src)
    {
        sequence = src.sequence;
        return set(src.type, src.timestamp, src.correlationId, src.accountId, src.instrumentId,
            src.price, src.size, src.amount, src.aux, src.attachment).origin(src.origin);
    }

    /** @param ts time @param corr correlation @param instrument the instrument (an {@code Instrument}) @param instrumentId its id @return this */
    public CommandEvent defineInstrument(final long ts, final long corr, final int instrumentId, final Object instrument)
    {
        return set(CommandType.DEFINE_INSTRUMENT, ts, corr, 0, instrumentId, 0, 0, 0, 0, instrument);
    }

    /** @param ts time @param corr correlation @param account account @param amount quote raw @return this */
    public CommandEvent deposit(final long ts, final long corr, final long account, final long amount)
    {
        return set(CommandType.DEPOSIT, ts, corr, account, 0, 0, 0, amount, 0, null);
    }

    /** @param ts time @param corr correlation @param account account @param amount quote raw @return this */
    public CommandEvent withdraw(final long ts, final long corr, final long account, final long amount)
    {
        return set(CommandType.WITHDRAW, ts, corr, account, 0, 0, 0, amount, 0, null);
    }

    /**
     * @param ts time @param corr correlation @param account account @param instrument instrument
     * @param size signed size (+ buy, - sell) @param price fill price
     * @param fee fee in quote raw (negative = rebate) or {@link #FEE_FROM_SCHEDULE}
     * @return this
     */
    public CommandEvent fill(
        final long ts, final long corr, final long account, final int instrument, final long size, final long price, final long fee)
    {
        return set(CommandType.FILL, ts, corr, account, instrument, price, size, fee, 0, null);
    }

    /** @param ts time @param corr correlation @param account account @param instrument instrument @param amount signed quote raw @return this */
    public CommandEvent adjustIsolatedMargin(final long ts, final long corr, final long account, final int instrument, final long amount)
    {
        return set(CommandType.ADJUST_ISOLATED_MARGIN, ts, corr, account, instrument, 0, 0, amount, 0, null);
    }

    /** @param ts time @param corr correlation @param account account @param instrument instrument @param leverage integer leverage @return this */
    public CommandEvent setLeverage(final long ts, final long corr, final long account, final int instrument, final long leverage)
    {
        return set(CommandType.SET_LEVERAGE, ts, corr, account, instrument, 0, 0, leverage, 0, null);
    }

    /** @param ts time @param corr correlation @param account account @param instrument instrument @param mode MarginMode code @return this */
    public CommandEvent setMarginMode(final long ts, final long corr, final long account, final int instrument, final long mode)
    {
        return set(CommandType.SET_MARGIN_MODE, ts, corr, account, instrument, 0, 0, mode, 0, null);
    }

    /**
     * @param ts time @param corr correlation @param instrument instrument @param markPrice price raw
     * @param confidence oracle confidence in price raw (0 = not given)
     * @param publishTime oracle publish time in ns (0 = the event time)
     * @return this
     */
    public CommandEvent markPrice(
        final long ts, final long corr, final int instrument, final long markPrice, final long confidence, final long publishTime)
    {
        return set(CommandType.MARK_PRICE, ts, corr, 0, instrument, markPrice, 0, confidence, publishTime, null);
    }

    /** @param ts time @param corr correlation @param instrument instrument @param rate signed rate raw @return this */
    public CommandEvent fundingRate(final long ts, final long corr, final int instrument, final long rate)
    {
        return set(CommandType.FUNDING_RATE, ts, corr, 0, instrument, 0, 0, rate, 0, null);
    }

    /**
     * @param ts time @param corr correlation @param instrument instrument
     * @param premium average premium index over the interval, signed (RATE scale)
     * @return this
     */
    public CommandEvent fundingFromPremium(final long ts, final long corr, final int instrument, final long premium)
    {
        return set(CommandType.FUNDING_RATE, ts, corr, 0, instrument, 0, 0, premium, FUNDING_FROM_PREMIUM, null);
    }

    /**
     * @param ts time @param corr correlation @param liquidator authorised liquidator account
     * @param account liquidated account @param instrument instrument
     * @param size signed size of the closing trade (reduces the position) @param price fill price
     * @return this
     */
    public CommandEvent liquidationFill(
        final long ts, final long corr, final long liquidator, final long account, final int instrument, final long size, final long price)
    {
        return set(CommandType.LIQUIDATION_FILL, ts, corr, account, instrument, price, size, 0, liquidator, null);
    }

    /** @param ts time @param corr correlation @param account account @param instrument instrument @param size signed order size @param price order price @return this */
    public CommandEvent preTradeCheck(
        final long ts, final long corr, final long account, final int instrument, final long size, final long price)
    {
        return set(CommandType.PRE_TRADE_CHECK, ts, corr, account, instrument, price, size, 0, 0, null);
    }

    /** @param ts time @param corr correlation @param account account @return this */
    public CommandEvent queryAccount(final long ts, final long corr, final long account)
    {
        return set(CommandType.QUERY_ACCOUNT, ts, corr, account, 0, 0, 0, 0, 0, null);
    }

    /** @param ts time @param corr correlation @param account account @param authorised true to authorise @return this */
    public CommandEvent setLiquidator(final long ts, final long corr, final long account, final boolean authorised)
    {
        return set(CommandType.SET_LIQUIDATOR, ts, corr, account, 0, 0, 0, authorised ? 1 : 0, 0, null);
    }

    @Override
    public String toString()
    {
        return "CommandEvent{" + CommandType.name(type) + " seq=" + sequence + " ts=" + timestamp + " corr=" + correlationId +
            " account=" + accountId + " instrument=" + instrumentId + " price=" + price + " size=" + size +
            " amount=" + amount + " aux=" + aux + " origin=" + origin + '}';
    }
}
