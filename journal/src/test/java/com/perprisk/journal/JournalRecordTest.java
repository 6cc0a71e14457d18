package com.perprisk.journal;

import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.command.CommandType;
import com.perprisk.engine.instrument.Instrument;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class JournalRecordTest
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[JournalRecord.MAX_LENGTH]);
    private final CRC32C crc = new CRC32C();

    @Provide
    Arbitrary<CommandEvent> commands()
    {
        final Arbitrary<Byte> types = Arbitraries.bytes().between(CommandType.DEPOSIT, CommandType.SET_LIQUIDATOR);
        final Arbitrary<Long> longs = Arbitraries.longs();
        return Combinators.combine(types, longs, longs, longs, Arbitraries.integers().between(0, Instrument.MAX_ID), longs, longs, longs)
            .as((type, ts, corr, account, instrument, price, size, amount) ->
            {
                final CommandEvent c = new CommandEvent().set(type, ts, corr, account, instrument, price, size, amount, ts ^ amount, null);
                c.sequence(Math.abs(corr % 1_000_000_000L));
                return c;
            });
    }

    @Property(tries = 500)
    void everyCommandRoundTripsExactly(@ForAll("commands") final CommandEvent command)
    {
        final int length = JournalRecord.encode(command, buffer, InstrumentAttachmentCodec.INSTANCE, crc);
        assertEquals(JournalRecord.HEADER_LENGTH + JournalRecord.CHECKSUM_LENGTH, length);
        final CommandEvent decoded = new CommandEvent();
        assertEquals(JournalRecord.OK, JournalRecord.decode(buffer, length, decoded, InstrumentAttachmentCodec.INSTANCE, crc));
        assertEquals(command.toString(), decoded.toString());
        assertEquals(command.sequence(), decoded.sequence());
        assertEquals(command.timestamp(), decoded.timestamp());
        assertEquals(command.correlationId(), decoded.correlationId());
        assertEquals(command.aux(), decoded.aux());
    }

    @Property(tries = 300)
    void anySingleCorruptedByteIsDetected(@ForAll("commands") final CommandEvent command, @ForAll @IntRange(max = 75) final int at,
        @ForAll @IntRange(min = 1, max = 255) final int flip)
    {
        final int length = JournalRecord.encode(command, buffer, InstrumentAttachmentCodec.INSTANCE, crc);
        buffer.putByte(at, (byte)(buffer.getByte(at) ^ flip));
        final CommandEvent decoded = new CommandEvent();
        assertNotEquals(JournalRecord.OK, JournalRecord.decode(buffer, length, decoded, InstrumentAttachmentCodec.INSTANCE, crc));
        assertEquals(0, decoded.type(), "a refused record leaves the event untouched");
    }

    @Test
    void anInstrumentDefinitionTravelsWithItsTiers()
    {
        final Instrument btc = Instrument.builder(1, "BTC-PERP").priceDecimals(1).sizeDecimals(3)
            .tier(0, 50, Instrument.DERIVED, Instrument.DERIVED)
            .tier(100_000_000_000L, 20, Instrument.DERIVED, Instrument.DERIVED)
            .build();
        final CommandEvent define = new CommandEvent().defineInstrument(5, 6, 1, btc);
        define.sequence(0);
        final int length = JournalRecord.encode(define, buffer, InstrumentAttachmentCodec.INSTANCE, crc);
        final CommandEvent decoded = new CommandEvent();
        assertEquals(JournalRecord.OK, JournalRecord.decode(buffer, length, decoded, InstrumentAttachmentCodec.INSTANCE, crc));
        final Instrument copy = (Instrument)decoded.attachment();
        assertEquals("BTC-PERP", copy.symbol());
        assertEquals(btc.tierCount(), copy.tierCount());
        for (int t = 0; t < btc.tierCount(); t++)
        {
            assertEquals(btc.tierFloor(t), copy.tierFloor(t));
            assertEquals(btc.tierMaintenanceRate(t), copy.tierMaintenanceRate(t));
            assertEquals(btc.tierMaintenanceAmount(t), copy.tierMaintenanceAmount(t));
        }
    }

    @Test
    void aRecordOfAnotherFormatVersionIsRefusedAsSuch()
    {
        final CommandEvent deposit = new CommandEvent().deposit(1, 2, 3, 4);
        final int length = JournalRecord.encode(deposit, buffer, InstrumentAttachmentCodec.INSTANCE, crc);
        buffer.putByte(0, (byte)(JournalRecord.FORMAT_VERSION + 1));
        crc.reset(); // a newer writer checksums its own bytes
        crc.update(buffer.byteArray(), 0, JournalRecord.HEADER_LENGTH);
        buffer.putInt(JournalRecord.HEADER_LENGTH, (int)crc.getValue(), java.nio.ByteOrder.LITTLE_ENDIAN);
        assertEquals(JournalRecord.UNSUPPORTED_VERSION,
            JournalRecord.decode(buffer, length, new CommandEvent(), InstrumentAttachmentCodec.INSTANCE, crc));
    }

    @Test
    void aDamagedVersionByteIsDamageNotAVersion()
    {
        for (final byte damaged : new byte[] {0, 3, -1})
        {
            final int length = JournalRecord.encode(new CommandEvent().deposit(1, 2, 3, 4), buffer, InstrumentAttachmentCodec.INSTANCE, crc);
            buffer.putByte(0, damaged);
            assertEquals(JournalRecord.CHECKSUM_MISMATCH,
                JournalRecord.decode(buffer, length, new CommandEvent(), InstrumentAttachmentCodec.INSTANCE, crc), "version byte " + damaged);
        }
    }

    @Test
    void anInstrumentDefinitionWithoutAnInstrumentIsJournaledWithoutOne()
    {
        final CommandEvent define = new CommandEvent().defineInstrument(1, 2, 3, "not an instrument");
        final int length = JournalRecord.encode(define, buffer, InstrumentAttachmentCodec.INSTANCE, crc);
        assertEquals(JournalRecord.HEADER_LENGTH + JournalRecord.CHECKSUM_LENGTH, length);
        final CommandEvent decoded = new CommandEvent();
        assertEquals(JournalRecord.OK, JournalRecord.decode(buffer, length, decoded, InstrumentAttachmentCodec.INSTANCE, crc));
        assertEquals(CommandType.DEFINE_INSTRUMENT, decoded.type());
        assertNull(decoded.attachment(), "the engine refuses it, live and on replay alike");
    }

    @Test
    void shortAndLongRecordsAreTruncated()
    {
        final CommandEvent deposit = new CommandEvent().deposit(1, 2, 3, 4);
        final int length = JournalRecord.encode(deposit, buffer, InstrumentAttachmentCodec.INSTANCE, crc);
        for (final int wrong : new int[] {0, 1, 40, length - 1, length + 1})
        {
            assertEquals(JournalRecord.TRUNCATED,
                JournalRecord.decode(buffer, wrong, new CommandEvent(), InstrumentAttachmentCodec.INSTANCE, crc), "length " + wrong);
        }
    }

}
