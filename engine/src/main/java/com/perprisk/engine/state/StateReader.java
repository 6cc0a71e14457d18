package com.perprisk.engine.state;

/**
 * Source of a binary image written through {@link StateWriter}, read back in the same order.
 * Reading past the end throws {@link IllegalStateException}: images are read at start-up or by
 * tools, never on the hot path.
 *
 * <p>Threading: used by one thread at a time.
 */
public interface StateReader
{
    /** @return next byte */
    byte readByte();

    /** @return next short */
    short readShort();

    /** @return next int */
    int readInt();

    /** @return next long */
    long readLong();

    /**
     * @param into  destination, at least {@code count} long.
     * @param count number of elements to read.
     */
    void readLongs(long[] into, int count);

    /**
     * @param into  destination, at least {@code count} long.
     * @param count number of elements to read.
     */
    void readInts(int[] into, int count);

    /**
     * @param into  destination, at least {@code count} long.
     * @param count number of elements to read.
     */
    void readShorts(short[] into, int count);

    /**
     * @param into  destination, at least {@code count} long.
     * @param count number of elements to read.
     */
    void readBytes(byte[] into, int count);

    /** @return an ASCII string written by {@link StateWriter#writeAscii}. */
    String readAscii();

    /**
     * Bytes left before the end of the image, so that a reader of a length-prefixed array can refuse a
     * corrupted length before allocating for it.
     *
     * @return bytes that can still be read, or {@link Long#MAX_VALUE} when the source does not know.
     */
    default long remaining()
    {
        return Long.MAX_VALUE;
    }
}
