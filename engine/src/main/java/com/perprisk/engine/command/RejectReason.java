package com.perprisk.engine.command;

/**
 * Reason codes carried by every command result. {@link #NONE} means accepted. A rejected command
 * leaves the engine state untouched. Codes are part of the wire contract: never renumber, only append.
 */
public final class RejectReason
{
    /** Accepted. */
    public static final int NONE = 0;
    /** The command type is not known. */
    public static final int UNKNOWN_COMMAND = 1;
    /** No such account (accounts are created by their first deposit). */
    public static final int UNKNOWN_ACCOUNT = 2;
    /** No such instrument. */
    public static final int UNKNOWN_INSTRUMENT = 3;
    /** An instrument with this id already exists. */
    public static final int INSTRUMENT_EXISTS = 4;
    /** Amount is zero, negative where it must be positive, or beyond the documented limits. */
    public static final int INVALID_AMOUNT = 5;
    /** Price is not positive, not on the instrument's tick, or above its maximum price. */
    public static final int INVALID_PRICE = 6;
    /** Size is zero, not a multiple of the instrument's lot, or beyond the documented limits. */
    public static final int INVALID_SIZE = 7;
    /** The command would leave the account or position below its initial margin requirement. */
    public static final int INSUFFICIENT_MARGIN = 8;
    /** Not enough collateral (or isolated margin) to move the requested amount. */
    public static final int INSUFFICIENT_COLLATERAL = 9;
    /** The resulting position would exceed the instrument's maximum position size. */
    public static final int POSITION_LIMIT = 10;
    /** The leverage is below 1 or above what the tier of the (resulting) notional allows. */
    public static final int LEVERAGE_EXCEEDS_TIER = 11;
    /** The order price is outside the instrument's price band around the mark. */
    public static final int PRICE_BAND = 12;
    /** The instrument has no mark price yet. */
    public static final int NO_MARK_PRICE = 13;
    /** The mark price (or the oracle update) is older than the instrument's staleness limit. */
    public static final int MARK_STALE = 14;
    /** The oracle confidence interval is wider than the instrument allows. */
    public static final int ORACLE_CONFIDENCE = 15;
    /** The account's money (collateral + isolated margin) would exceed {@code FixedPoint.MAX_BALANCE}. */
    public static final int BALANCE_LIMIT = 16;
    /** The account has no open position on the instrument. */
    public static final int NO_POSITION = 17;
    /** The position is not in isolated margin mode. */
    public static final int NOT_ISOLATED = 18;
    /** Margin mode cannot change while a position is open. */
    public static final int POSITION_OPEN = 19;
    /** The submitting account is not an authorised liquidator. */
    public static final int NOT_LIQUIDATOR = 20;
    /** A liquidation fill must reduce the position, never increase or flip it. */
    public static final int NOT_REDUCING = 21;
    /** The account (or isolated position) is not below maintenance margin. */
    public static final int NOT_LIQUIDATABLE = 22;
    /** The funding rate is beyond the documented limits. */
    public static final int INVALID_RATE = 23;
    /** The account already holds the maximum number of positions. */
    public static final int TOO_MANY_POSITIONS = 24;
    /** A result would leave the documented limits (overflow is rejected, never silent). */
    public static final int LIMIT_EXCEEDED = 25;
    /** Unknown margin mode value. */
    public static final int INVALID_MODE = 26;
    /** The instrument definition is missing or malformed. */
    public static final int INVALID_INSTRUMENT = 27;
    /** The input could not be journaled; the engine applied nothing and accepts no more commands. */
    public static final int JOURNAL_UNAVAILABLE = 28;

    private RejectReason()
    {
    }

    /**
     * Name of a reason code, for logs, tools and JSON output.
     *
     * @param reason reason code.
     * @return its name, or {@code "UNKNOWN_REASON"}.
     */
    public static String name(final int reason)
    {
        switch (reason)
        {
            case NONE: return "NONE";
            case UNKNOWN_COMMAND: return "UNKNOWN_COMMAND";
            case UNKNOWN_ACCOUNT: return "UNKNOWN_ACCOUNT";
            case UNKNOWN_INSTRUMENT: return "UNKNOWN_INSTRUMENT";
            case INSTRUMENT_EXISTS: return "INSTRUMENT_EXISTS";
            case INVALID_AMOUNT: return "INVALID_AMOUNT";
            case INVALID_PRICE: return "INVALID_PRICE";
            case INVALID_SIZE: return "INVALID_SIZE";
            case INSUFFICIENT_MARGIN: return "INSUFFICIENT_MARGIN";
            case INSUFFICIENT_COLLATERAL: return "INSUFFICIENT_COLLATERAL";
            case POSITION_LIMIT: return "POSITION_LIMIT";
            case LEVERAGE_EXCEEDS_TIER: return "LEVERAGE_EXCEEDS_TIER";
            case PRICE_BAND: return "PRICE_BAND";
            case NO_MARK_PRICE: return "NO_MARK_PRICE";
            case MARK_STALE: return "MARK_STALE";
            case ORACLE_CONFIDENCE: return "ORACLE_CONFIDENCE";
            case BALANCE_LIMIT: return "BALANCE_LIMIT";
            case NO_POSITION: return "NO_POSITION";
            case NOT_ISOLATED: return "NOT_ISOLATED";
            case POSITION_OPEN: return "POSITION_OPEN";
            case NOT_LIQUIDATOR: return "NOT_LIQUIDATOR";
            case NOT_REDUCING: return "NOT_REDUCING";
            case NOT_LIQUIDATABLE: return "NOT_LIQUIDATABLE";
            case INVALID_RATE: return "INVALID_RATE";
            case TOO_MANY_POSITIONS: return "TOO_MANY_POSITIONS";
            case LIMIT_EXCEEDED: return "LIMIT_EXCEEDED";
            case INVALID_MODE: return "INVALID_MODE";
            case INVALID_INSTRUMENT: return "INVALID_INSTRUMENT";
            case JOURNAL_UNAVAILABLE: return "JOURNAL_UNAVAILABLE";
            default: return "UNKNOWN_REASON";
        }
    }
}
