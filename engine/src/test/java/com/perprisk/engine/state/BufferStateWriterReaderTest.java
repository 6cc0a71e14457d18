package com.perprisk.engine.state;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BufferStateWriterReaderTest
{
    private static final int OFFSET = 3;   // odd, so bulk copies are unaligned

    @Test
    void everyKindOfValueRoundTripsThroughBothExpandableBuffers()
    {
        roundTrip(new ExpandableArrayBuffer(8));
        roundTrip(new ExpandableDirectByteBuffer(8));
    }

    private static void roundTrip(final MutableDirectBuffer buffer)
    {
        final long[] longs = {Long.MIN_VALUE, -1, 0, 1, 0x0102030405060708L, Long.MAX_VALUE};
        final int[] ints = {Integer.MIN_VALUE, -7, 0, 0x01020304, Integer.MAX_VALUE};
        final short[] shorts = {Short.MIN_VALUE, -1, 0, 0x0102, Short.MAX_VALUE};
        final byte[] bytes = {Byte.MIN_VALUE, -1, 0, 1, Byte.MAX_VALUE};
        final long[] big = new long[100_000];
        for (int i = 0; i < big.length; i++)
        {
            big[i] = i * 0x9E3779B97F4A7C15L;
        }

        final BufferStateWriter writer = new BufferStateWriter(buffer, OFFSET);
        writer.writeByte((byte)-2);
        writer.writeShort((short)-3);
        writer.writeInt(-4);
        writer.writeLong(-5L);
        writer.writeLongs(longs, longs.length);
        writer.writeInts(ints, 3);
        writer.writeShorts(shorts, shorts.length);
        writer.writeBytes(bytes, bytes.length);
        writer.writeAscii("BTC-PERP");
        writer.writeAscii("");
        writer.writeLongs(big, big.length);
        writer.writeInts(ints, 0);
        final int expectedLength = 1 + 2 + 4 + 8 + 8 * longs.length + 4 * 3 + 2 * shorts.length + bytes.length + 9 + 1 + 8 * big.length;
        assertEquals(expectedLength, writer.length());
        assertEquals(OFFSET + expectedLength, writer.position());
        assertTrue(writer.buffer().capacity() >= OFFSET + expectedLength, "the buffer grew");

        final BufferStateReader reader = new BufferStateReader(writer.buffer(), OFFSET, writer.length());
        assertEquals(-2, reader.readByte());
        assertEquals(-3, reader.readShort());
        assertEquals(-4, reader.readInt());
        assertEquals(-5L, reader.readLong());
        final long[] longsRead = new long[longs.length + 1];
        reader.readLongs(longsRead, longs.length);
        assertArrayEquals(longs, java.util.Arrays.copyOf(longsRead, longs.length));
        final int[] intsRead = new int[3];
        reader.readInts(intsRead, 3);
        assertArrayEquals(java.util.Arrays.copyOf(ints, 3), intsRead);
        final short[] shortsRead = new short[shorts.length];
        reader.readShorts(shortsRead, shorts.length);
        assertArrayEquals(shorts, shortsRead);
        final byte[] bytesRead = new byte[bytes.length];
        reader.readBytes(bytesRead, bytes.length);
        assertArrayEquals(bytes, bytesRead);
        assertEquals("BTC-PERP", reader.readAscii());
        assertEquals("", reader.readAscii());
        final long[] bigRead = new long[big.length];
        reader.readLongs(bigRead, big.length);
        assertArrayEquals(big, bigRead);
        assertEquals(0, reader.remaining());

        reader.reset();
        assertEquals(OFFSET, reader.position());
        assertEquals(-2, reader.readByte());
    }

    @Test
    void valuesAreLittleEndianWhateverTheBuffer()
    {
        final BufferStateWriter writer = new BufferStateWriter(new ExpandableArrayBuffer(4));
        writer.writeInt(0x01020304);
        writer.writeLongs(new long[] {0x0102030405060708L}, 1);
        writer.writeShorts(new short[] {0x0102}, 1);
        final byte[] out = new byte[writer.length()];
        writer.buffer().getBytes(0, out);
        assertArrayEquals(new byte[] {4, 3, 2, 1, 8, 7, 6, 5, 4, 3, 2, 1, 2, 1}, out);
        assertEquals(0x0102030405060708L, new UnsafeBuffer(out).getLong(4, ByteOrder.LITTLE_ENDIAN));
    }

    @Test
    void resetRewritesFromTheStartOffset()
    {
        final BufferStateWriter writer = new BufferStateWriter(new ExpandableArrayBuffer(16), 2);
        writer.writeLong(1);
        writer.reset();
        assertEquals(0, writer.length());
        writer.writeInt(7);
        assertEquals(6, writer.position());
        assertEquals(7, writer.buffer().getInt(2, ByteOrder.LITTLE_ENDIAN));
    }

    @Test
    void readingPastTheLimitThrowsAndReadsNothing()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        final BufferStateReader reader = new BufferStateReader(buffer, 8, 12);
        reader.readLong();
        final IllegalStateException ex = assertThrows(IllegalStateException.class, reader::readLong);
        assertTrue(ex.getMessage().contains("past the end"), ex.getMessage());
        assertEquals(16, reader.position(), "a refused read moves nothing");
        assertThrows(IllegalStateException.class, () -> reader.readLongs(new long[1], 1));
        assertThrows(IllegalStateException.class, () -> reader.readInts(new int[2], 2));
        assertThrows(IllegalStateException.class, () -> reader.readShorts(new short[3], 3));
        assertThrows(IllegalStateException.class, () -> reader.readBytes(new byte[5], 5));
        assertEquals(4, reader.remaining());
        reader.readInt();
        assertThrows(IllegalStateException.class, reader::readByte);
        assertThrows(IllegalStateException.class, reader::readAscii);
    }

    @Test
    void aTruncatedAsciiStringIsRefused()
    {
        final BufferStateWriter writer = new BufferStateWriter(new ExpandableArrayBuffer(16));
        writer.writeAscii("ETH-PERP");
        final BufferStateReader reader = new BufferStateReader(writer.buffer(), 0, writer.length() - 1);
        assertThrows(IllegalStateException.class, reader::readAscii);
    }

    @Test
    void aRegionOutsideTheBufferOrCountsBeyondTheArrayAreRefused()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[16]);
        assertThrows(IndexOutOfBoundsException.class, () -> new BufferStateReader(buffer, 8, 9));
        final BufferStateReader reader = new BufferStateReader(buffer, 0, 16);
        assertThrows(IndexOutOfBoundsException.class, () -> reader.readLongs(new long[1], 2));
        final BufferStateWriter writer = new BufferStateWriter(new ExpandableArrayBuffer(16));
        assertThrows(IndexOutOfBoundsException.class, () -> writer.writeInts(new int[1], 2));
        assertThrows(IndexOutOfBoundsException.class, () -> writer.writeLongs(new long[1], -1));
        assertEquals(0, writer.length(), "a refused write writes nothing");
    }

    @Test
    void aFixedBufferThatIsFullIsAnErrorNotAnOverrun()
    {
        final byte[] backing = new byte[12];
        final BufferStateWriter writer = new BufferStateWriter(new UnsafeBuffer(backing, 0, 8));
        writer.writeInt(1);
        assertThrows(IndexOutOfBoundsException.class, () -> writer.writeLongs(new long[] {-1}, 1));
        assertEquals(4, writer.length());
        assertArrayEquals(new byte[8], java.util.Arrays.copyOfRange(backing, 4, 12), "nothing written past the buffer");
    }

    @Test
    void onlyShortAsciiStringsAreWritten()
    {
        final BufferStateWriter writer = new BufferStateWriter(new ExpandableArrayBuffer(16));
        assertThrows(IllegalArgumentException.class, () -> writer.writeAscii("x".repeat(256)));
        assertThrows(IllegalArgumentException.class, () -> writer.writeAscii("BTC-€"));
        assertEquals(0, writer.length());
        writer.writeAscii("y".repeat(255));
        assertEquals(256, writer.length());
    }
}
