package com.perprisk.engine.event;

/** What a {@link PositionUpdate} reports. Codes are part of the wire contract: append only. */
public final class PositionChange
{
    /** Query or re-evaluation; nothing changed. */
    public static final byte NONE = 0;
    /** A flat position was opened. */
    public static final byte OPENED = 1;
    /** Size grew in the same direction; entry price re-averaged. */
    public static final byte INCREASED = 2;
    /** Size shrank; PnL realized on the closed part; entry unchanged. */
    public static final byte REDUCED = 3;
    /** Closed to zero; PnL realized. */
    public static final byte CLOSED = 4;
    /** Crossed through zero: closed and reopened on the other side at the fill price. */
    public static final byte FLIPPED = 5;
    /** Isolated margin added or removed. */
    public static final byte MARGIN_CHANGED = 6;
    /** Leverage or margin mode changed. */
    public static final byte SETTINGS_CHANGED = 7;
    /** Reduced or closed by a liquidation fill. */
    public static final byte LIQUIDATED = 8;

    private PositionChange()
    {
    }

    /** @param change code @return its name */
    public static String name(final byte change)
    {
        switch (change)
        {
            case NONE: return "NONE";
            case OPENED: return "OPENED";
            case INCREASED: return "INCREASED";
            case REDUCED: return "REDUCED";
            case CLOSED: return "CLOSED";
            case FLIPPED: return "FLIPPED";
            case MARGIN_CHANGED: return "MARGIN_CHANGED";
            case SETTINGS_CHANGED: return "SETTINGS_CHANGED";
            case LIQUIDATED: return "LIQUIDATED";
            default: return "UNKNOWN";
        }
    }
}
