package com.perprisk.engine.state;

import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.UnsafeApi;

import java.nio.ByteOrder;
import java.util.Objects;

import static java.nio.ByteOrder.LITTLE_ENDIAN;

/**
 * {@link StateReader} over a region of an Agrona {@link DirectBuffer}, little-endian. Every read is checked
 * against the region's end first: reading past it throws {@link IllegalStateException} and reads nothing. Bulk
 * array reads are one memory copy (a byte-swapping copy on a big-endian machine).
 *
 * <p>Threading: used by one thread at a time; the buffer must not change while it is read.
 */
public final class BufferStateReader implements StateReader
{
    private static final boolean NATIVE_LITTLE_ENDIAN = BufferUtil.NATIVE_BYTE_ORDER == ByteOrder.LITTLE_ENDIAN;
    private static final long LONGS_BASE = UnsafeApi.arrayBaseOffset(long[].class);
    private static final long INTS_BASE = UnsafeApi.arrayBaseOffset(int[].class);
    private static final long SHORTS_BASE = UnsafeApi.arrayBaseOffset(short[].class);

    private DirectBuffer buffer;
    private int offset;
    private int limit;
    private int position;

    /**
     * @param buffer buffer holding the image.
     * @param offset index of its first byte.
     * @param length number of bytes that may be read.
     */
    public BufferStateReader(final DirectBuffer buffer, final int offset, final int length)
    {
        wrap(buffer, offset, length);
    }

    /**
     * Read another region (or the same one again).
     *
     * @param buffer buffer holding the image.
     * @param offset index of its first byte.
     * @param length number of bytes that may be read.
     * @return this
     */
    public BufferStateReader wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        Objects.checkFromIndexSize(offset, length, buffer.capacity());
        this.buffer = buffer;
        this.offset = offset;
        this.limit = offset + length;
        this.position = offset;
        return this;
    }

    /** @return index in the buffer of the next byte to read */
    public int position()
    {
        return position;
    }

    /** @return index in the buffer one past the last byte that may be read */
    public int limit()
    {
        return limit;
    }

    @Override
    public long remaining()
    {
        return limit - position;
    }

    /** Start again at the first byte. */
    public void reset()
    {
        position = offset;
    }

    @Override
    public byte readByte()
    {
        return buffer.getByte(take(Byte.BYTES));
    }

    @Override
    public short readShort()
    {
        return buffer.getShort(take(Short.BYTES), LITTLE_ENDIAN);
    }

    @Override
    public int readInt()
    {
        return buffer.getInt(take(Integer.BYTES), LITTLE_ENDIAN);
    }

    @Override
    public long readLong()
    {
        return buffer.getLong(take(Long.BYTES), LITTLE_ENDIAN);
    }

    @Override
    public void readLongs(final long[] into, final int count)
    {
        copyInto(into, LONGS_BASE, into.length, count, Long.BYTES);
    }

    @Override
    public void readInts(final int[] into, final int count)
    {
        copyInto(into, INTS_BASE, into.length, count, Integer.BYTES);
    }

    @Override
    public void readShorts(final short[] into, final int count)
    {
        copyInto(into, SHORTS_BASE, into.length, count, Short.BYTES);
    }

    @Override
    public void readBytes(final byte[] into, final int count)
    {
        Objects.checkFromIndexSize(0, count, into.length);
        buffer.getBytes(take(count), into, 0, count);
    }

    @Override
    public String readAscii()
    {
        final int length = readByte() & 0xFF;
        return buffer.getStringWithoutLengthAscii(take(length), length);
    }

    /** @return index of the next {@code bytes} bytes, which the position moves past; throws if they are not all there. */
    private int take(final long bytes)
    {
        if (bytes > limit - position)
        {
            throw new IllegalStateException("read past the end of the image: " + bytes + " bytes wanted at offset " + (position - offset) +
                ", " + (limit - position) + " left");
        }
        final int index = position;
        position += (int)bytes;
        return index;
    }

    private void copyInto(final Object array, final long arrayBase, final int arrayLength, final int count, final int elementBytes)
    {
        Objects.checkFromIndexSize(0, count, arrayLength);
        final long bytes = (long)count * elementBytes;
        final long source = buffer.addressOffset() + take(bytes);
        if (NATIVE_LITTLE_ENDIAN)
        {
            UnsafeApi.copyMemory(buffer.byteArray(), source, array, arrayBase, bytes);
        }
        else
        {
            UnsafeApi.copySwapMemory(buffer.byteArray(), source, array, arrayBase, bytes, elementBytes);
        }
    }
}
