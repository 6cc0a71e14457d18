package com.perprisk.journal;

/** Formatting of Chronicle indexes for people: {@code cycle:sequence-in-cycle} beside the raw hex. */
public final class JournalIndex
{
    private JournalIndex()
    {
    }

    /** @param index a Chronicle index, or -1 @return e.g. {@code 0x4f2a00000012}, or {@code none} */
    public static String format(final long index)
    {
        return index < 0 ? "none" : "0x" + Long.toHexString(index);
    }

    /**
     * @param text an index as printed by {@link #format} ({@code 0x...}) or as a decimal number.
     * @return the index.
     * @throws NumberFormatException if it is neither.
     */
    public static long parse(final String text)
    {
        final String t = text.trim();
        return t.startsWith("0x") || t.startsWith("0X") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t);
    }
}
