package com.perprisk.engine.book;

/** Margin mode of a position, stored as a byte. Codes are part of the wire contract. */
public final class MarginMode
{
    /** Shares the account's collateral with every other cross position. */
    public static final byte CROSS = 0;
    /** Has its own margin wallet; its loss is limited to that wallet. */
    public static final byte ISOLATED = 1;

    private MarginMode()
    {
    }

    /** @param mode code @return true if a known mode */
    public static boolean isValid(final long mode)
    {
        return mode == CROSS || mode == ISOLATED;
    }

    /** @param mode code @return its name */
    public static String name(final byte mode)
    {
        return mode == ISOLATED ? "ISOLATED" : mode == CROSS ? "CROSS" : "UNKNOWN";
    }
}
