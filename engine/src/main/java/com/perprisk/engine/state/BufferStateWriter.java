package com.perprisk.engine.state;

import org.agrona.BufferUtil;
import org.agrona.MutableDirectBuffer;
import org.agrona.UnsafeApi;

import java.nio.ByteOrder;
import java.util.Objects;

import static java.nio.ByteOrder.LITTLE_ENDIAN;

/**
 * {@link StateWriter} over an Agrona buffer, little-endian. With an expandable buffer
 * ({@link org.agrona.ExpandableDirectByteBuffer}, {@link org.agrona.ExpandableArrayBuffer}) the buffer grows as
 * needed; a fixed buffer throws {@link IndexOutOfBoundsException} when full. Bulk array writes are one memory
 * copy (a byte-swapping copy on a big-endian machine), after one bounds check; nothing is allocated per write.
 *
 * <p>Threading: used by one thread at a time; the buffer is the caller's and is read back once writing is done.
 */
public final class BufferStateWriter implements StateWriter
{
    private static final boolean NATIVE_LITTLE_ENDIAN = BufferUtil.NATIVE_BYTE_ORDER == ByteOrder.LITTLE_ENDIAN;
    private static final long LONGS_BASE = UnsafeApi.arrayBaseOffset(long[].class);
    private static final long INTS_BASE = UnsafeApi.arrayBaseOffset(int[].class);
    private static final long SHORTS_BASE = UnsafeApi.arrayBaseOffset(short[].class);

    private MutableDirectBuffer buffer;
    private int offset;
    private int position;

    /** @param buffer buffer to write from index 0 */
    public BufferStateWriter(final MutableDirectBuffer buffer)
    {
        this(buffer, 0);
    }

    /** @param buffer buffer to write into @param offset index of the first byte to write */
    public BufferStateWriter(final MutableDirectBuffer buffer, final int offset)
    {
        wrap(buffer, offset);
    }

    /**
     * Write into another buffer (or again into the same one), from {@code offset}.
     *
     * @param buffer buffer to write into.
     * @param offset index of the first byte to write.
     * @return this
     */
    public BufferStateWriter wrap(final MutableDirectBuffer buffer, final int offset)
    {
        if (offset < 0)
        {
            throw new IllegalArgumentException("offset must be >= 0, was " + offset);
        }
        this.buffer = Objects.requireNonNull(buffer, "buffer");
        this.offset = offset;
        this.position = offset;
        return this;
    }

    /** @return the buffer written into (an expandable buffer may have been replaced internally: read it after writing) */
    public MutableDirectBuffer buffer()
    {
        return buffer;
    }

    /** @return index of the first byte written */
    public int offset()
    {
        return offset;
    }

    /** @return index in the buffer of the next byte to write */
    public int position()
    {
        return position;
    }

    /** @return bytes written since construction, {@link #wrap} or {@link #reset()} */
    public int length()
    {
        return position - offset;
    }

    /** Start again at the first byte (the buffer keeps its capacity). */
    public void reset()
    {
        position = offset;
    }

    @Override
    public void writeByte(final byte value)
    {
        buffer.putByte(claim(Byte.BYTES), value);
    }

    @Override
    public void writeShort(final short value)
    {
        buffer.putShort(claim(Short.BYTES), value, LITTLE_ENDIAN);
    }

    @Override
    public void writeInt(final int value)
    {
        buffer.putInt(claim(Integer.BYTES), value, LITTLE_ENDIAN);
    }

    @Override
    public void writeLong(final long value)
    {
        buffer.putLong(claim(Long.BYTES), value, LITTLE_ENDIAN);
    }

    @Override
    public void writeLongs(final long[] values, final int count)
    {
        copyFrom(values, LONGS_BASE, values.length, count, Long.BYTES);
    }

    @Override
    public void writeInts(final int[] values, final int count)
    {
        copyFrom(values, INTS_BASE, values.length, count, Integer.BYTES);
    }

    @Override
    public void writeShorts(final short[] values, final int count)
    {
        copyFrom(values, SHORTS_BASE, values.length, count, Short.BYTES);
    }

    @Override
    public void writeBytes(final byte[] values, final int count)
    {
        Objects.checkFromIndexSize(0, count, values.length);
        buffer.putBytes(claim(count), values, 0, count);
    }

    @Override
    public void writeAscii(final String value)
    {
        final int length = value.length();
        if (length > 255)
        {
            throw new IllegalArgumentException("ASCII string longer than 255 characters: " + length);
        }
        for (int i = 0; i < length; i++)
        {
            if (value.charAt(i) > 127)
            {
                throw new IllegalArgumentException("not an ASCII string: " + value);
            }
        }
        buffer.putByte(claim(1), (byte)length);
        buffer.putStringWithoutLengthAscii(claim(length), value);
    }

    /** @return index of {@code bytes} bytes reserved at the position, which moves past them (grows an expandable buffer). */
    private int claim(final int bytes)
    {
        final int index = position;
        final int end = index + bytes;
        if (end < index)
        {
            throw new IndexOutOfBoundsException("image larger than 2 GiB");
        }
        buffer.checkLimit(end);
        position = end;
        return index;
    }

    private void copyFrom(final Object array, final long arrayBase, final int arrayLength, final int count, final int elementBytes)
    {
        Objects.checkFromIndexSize(0, count, arrayLength);
        final long bytes = (long)count * elementBytes;
        if (bytes > Integer.MAX_VALUE)
        {
            throw new IndexOutOfBoundsException("array image larger than 2 GiB: " + bytes);
        }
        final int index = claim((int)bytes);
        final long target = buffer.addressOffset() + index;   // after claim: an expandable buffer may have grown
        if (NATIVE_LITTLE_ENDIAN)
        {
            UnsafeApi.copyMemory(array, arrayBase, buffer.byteArray(), target, bytes);
        }
        else
        {
            UnsafeApi.copySwapMemory(array, arrayBase, buffer.byteArray(), target, bytes, elementBytes);
        }
    }
}
