package com.perprisk.engine.state;

/**
 * Sink for a binary image of engine state (snapshots) or of an instrument definition (journal
 * records). The engine writes primitives in a fixed order and never does I/O itself: the adapter
 * behind this interface decides where the bytes go. Little-endian, no padding.
 *
 * <p>Threading: used by one thread at a time, the thread that owns the state being written.
 */
public interface StateWriter
{
    /** @param value next byte */
    void writeByte(byte value);

    /** @param value next short */
    void writeShort(short value);

    /** @param value next int */
    void writeInt(int value);

    /** @param value next long */
    void writeLong(long value);

    /**
     * @param values array to copy from.
     * @param count  number of leading elements to write (the count itself is not written).
     */
    void writeLongs(long[] values, int count);

    /**
     * @param values array to copy from.
     * @param count  number of leading elements to write (the count itself is not written).
     */
    void writeInts(int[] values, int count);

    /**
     * @param values array to copy from.
     * @param count  number of leading elements to write (the count itself is not written).
     */
    void writeShorts(short[] values, int count);

    /**
     * @param values array to copy from.
     * @param count  number of leading elements to write (the count itself is not written).
     */
    void writeBytes(byte[] values, int count);

    /** @param value an ASCII string of at most 255 characters, written as length byte + characters. */
    void writeAscii(String value);
}
