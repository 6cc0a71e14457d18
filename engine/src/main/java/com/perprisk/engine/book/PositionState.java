package com.perprisk.engine.book;

/**
 * Lifecycle of a position slot, stored as a byte per position. A fill moves a flat slot through
 * OPENING to OPEN; a resize or margin change passes MODIFYING back to OPEN; a close passes CLOSING
 * to CLOSED. Fills are applied atomically by the single business-logic thread, so the transient
 * states OPENING, MODIFYING and CLOSING are what a {@code PositionUpdate} reports as the transition
 * being made, while a slot at rest is OPEN, CLOSED or LIQUIDATING. LIQUIDATING marks a position whose
 * account (cross) or own margin (isolated) is below maintenance, until it recovers or is closed.
 * Codes are part of the wire contract: append only.
 */
public final class PositionState
{
    /** Never opened (settings only). */
    public static final byte NONE = 0;
    /** Being opened from flat by the current fill. */
    public static final byte OPENING = 1;
    /** Open and healthy. */
    public static final byte OPEN = 2;
    /** Being resized or having its margin changed by the current command. */
    public static final byte MODIFYING = 3;
    /** Being closed to zero by the current fill. */
    public static final byte CLOSING = 4;
    /** Flat; the slot keeps the account's settings for the instrument. */
    public static final byte CLOSED = 5;
    /** Below maintenance: a liquidation candidate. */
    public static final byte LIQUIDATING = 6;

    private PositionState()
    {
    }

    /** @param state code @return its name */
    public static String name(final byte state)
    {
        switch (state)
        {
            case NONE: return "NONE";
            case OPENING: return "OPENING";
            case OPEN: return "OPEN";
            case MODIFYING: return "MODIFYING";
            case CLOSING: return "CLOSING";
            case CLOSED: return "CLOSED";
            case LIQUIDATING: return "LIQUIDATING";
            default: return "UNKNOWN";
        }
    }
}
