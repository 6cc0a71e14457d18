package com.perprisk.engine.command;

/**
 * Codes of the commands the engine accepts, as carried in {@link CommandEvent#type()}.
 * The codes are part of the journal and wire contracts: never renumber, only append.
 */
public final class CommandType
{
    /** Admin: define a new instrument ({@link CommandEvent#attachment()} holds the {@code Instrument}). */
    public static final byte DEFINE_INSTRUMENT = 1;
    /** Credit collateral to an account, creating the account on first deposit. */
    public static final byte DEPOSIT = 2;
    /** Debit collateral; refused if it would breach initial margin. */
    public static final byte WITHDRAW = 3;
    /** A venue fill: opens, increases, reduces, closes or flips a position. */
    public static final byte FILL = 4;
    /** Add (positive amount) or remove (negative amount) isolated margin. */
    public static final byte ADJUST_ISOLATED_MARGIN = 5;
    /** Set the account's leverage on an instrument. */
    public static final byte SET_LEVERAGE = 6;
    /** Set cross or isolated margin mode on an instrument (only while flat). */
    public static final byte SET_MARGIN_MODE = 7;
    /** Oracle mark price tick. */
    public static final byte MARK_PRICE = 8;
    /** Funding rate for one interval, applied to the instrument's cumulative funding index. */
    public static final byte FUNDING_RATE = 9;
    /** A liquidation fill reported by an authorised liquidator. */
    public static final byte LIQUIDATION_FILL = 10;
    /** Would this order be accepted? Changes nothing. */
    public static final byte PRE_TRADE_CHECK = 11;
    /** Emit the account's current risk and positions. Changes nothing. */
    public static final byte QUERY_ACCOUNT = 12;
    /** Admin: authorise (amount 1) or de-authorise (amount 0) an account as liquidator. */
    public static final byte SET_LIQUIDATOR = 13;

    private CommandType()
    {
    }

    /**
     * Name of a command code, for logs and tools.
     *
     * @param type command code.
     * @return its name, or {@code "UNKNOWN"}.
     */
    public static String name(final byte type)
    {
        switch (type)
        {
            case DEFINE_INSTRUMENT: return "DEFINE_INSTRUMENT";
            case DEPOSIT: return "DEPOSIT";
            case WITHDRAW: return "WITHDRAW";
            case FILL: return "FILL";
            case ADJUST_ISOLATED_MARGIN: return "ADJUST_ISOLATED_MARGIN";
            case SET_LEVERAGE: return "SET_LEVERAGE";
            case SET_MARGIN_MODE: return "SET_MARGIN_MODE";
            case MARK_PRICE: return "MARK_PRICE";
            case FUNDING_RATE: return "FUNDING_RATE";
            case LIQUIDATION_FILL: return "LIQUIDATION_FILL";
            case PRE_TRADE_CHECK: return "PRE_TRADE_CHECK";
            case QUERY_ACCOUNT: return "QUERY_ACCOUNT";
            case SET_LIQUIDATOR: return "SET_LIQUIDATOR";
            default: return "UNKNOWN";
        }
    }
}
