package com.perprisk.journal;

import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.command.CommandType;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * The journal's record: one input of the engine in a compact fixed layout, little-endian, one Chronicle
 * Queue document each.
 * <pre>
 * offset size field
 *      0    1 format version ({@link #FORMAT_VERSION})
 *      1    1 command type (CommandType)
 *      2    2 attachment length n (0 unless DEFINE_INSTRUMENT: the instrument, InstrumentCodec layout)
 *      4    4 instrument id
 *      8    8 sequence (the engine's total order; contiguous from 0)
 *     16    8 timestamp (ns since the epoch, assigned by the producer)
 *     24    8 correlation id
 *     32    8 account id
 *     40    8 price      (raw, engine scales)
 *     48    8 size
 *     56    8 amount
 *     64    8 aux
 *     72    n attachment
 *   72+n    4 CRC32C of bytes [0, 72+n)
 * </pre>
 * A record of 76 bytes for every command but an instrument definition.
 *
 * <p>Threading: stateless apart from the caller-owned {@link CRC32C} and buffers; one instance per thread.
 */
public final class JournalRecord
{
    /** The layout above. A reader refuses records of any other version. */
    public static final byte FORMAT_VERSION = 1;
    /** Bytes before the attachment. */
    public static final int HEADER_LENGTH = 72;
    /** Bytes of the trailing checksum. */
    public static final int CHECKSUM_LENGTH = 4;
    /** Largest attachment accepted. */
    public static final int MAX_ATTACHMENT_LENGTH = 0xFFFF;
    /** Largest record. */
    public static final int MAX_LENGTH = HEADER_LENGTH + MAX_ATTACHMENT_LENGTH + CHECKSUM_LENGTH;

    /** Decoded. */
    public static final int OK = 0;
    /** Shorter than a header plus checksum, or than its own attachment length says. */
    public static final int TRUNCATED = 1;
    /** The checksum does not match the bytes. */
    public static final int CHECKSUM_MISMATCH = 2;
    /** Written by another journal format version. */
    public static final int UNSUPPORTED_VERSION = 3;
    /** Command type unknown to this build. */
    public static final int UNKNOWN_TYPE = 4;
    /** The attachment could not be decoded. */
    public static final int BAD_ATTACHMENT = 5;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private JournalRecord()
    {
    }

    /**
     * Encode one input.
     *
     * @param event       the input, stamped with its sequence.
     * @param buffer      destination, at least {@link #MAX_LENGTH} bytes from 0 (an {@code UnsafeBuffer} over a byte array).
     * @param attachments encodes the attachment of an instrument definition.
     * @param crc         a reusable checksum.
     * @return record length in bytes. An instrument definition whose attachment is not an encodable instrument is journaled
     * without one (attachment length 0): the engine refuses it (INVALID_INSTRUMENT) live and on replay alike.
     */
    public static int encode(final CommandEvent event, final MutableDirectBuffer buffer, final AttachmentCodec attachments, final CRC32C crc)
    {
        int attachmentLength = 0;
        if (event.type() == CommandType.DEFINE_INSTRUMENT)
        {
            attachmentLength = Math.max(0, attachments.encode(event.attachment(), buffer, HEADER_LENGTH, MAX_ATTACHMENT_LENGTH));
        }
        buffer.putByte(0, FORMAT_VERSION);
        buffer.putByte(1, event.type());
        buffer.putShort(2, (short)attachmentLength, ORDER);
        buffer.putInt(4, event.instrumentId(), ORDER);
        buffer.putLong(8, event.sequence(), ORDER);
        buffer.putLong(16, event.timestamp(), ORDER);
        buffer.putLong(24, event.correlationId(), ORDER);
        buffer.putLong(32, event.accountId(), ORDER);
        buffer.putLong(40, event.price(), ORDER);
        buffer.putLong(48, event.size(), ORDER);
        buffer.putLong(56, event.amount(), ORDER);
        buffer.putLong(64, event.aux(), ORDER);
        final int bodyLength = HEADER_LENGTH + attachmentLength;
        buffer.putInt(bodyLength, checksum(buffer, bodyLength, crc), ORDER);
        return bodyLength + CHECKSUM_LENGTH;
    }

    /**
     * Decode one record into an event (sequence included) after checking its length, version, checksum and type.
     *
     * @param buffer      the record's bytes from 0 (an {@code UnsafeBuffer} over a byte array).
     * @param length      number of bytes in the document.
     * @param into        event to fill; untouched unless the result is {@link #OK}.
     * @param attachments decodes the attachment of an instrument definition.
     * @param crc         a reusable checksum.
     * @return {@link #OK} or why the record cannot be used.
     */
    public static int decode(
        final DirectBuffer buffer, final int length, final CommandEvent into, final AttachmentCodec attachments, final CRC32C crc)
    {
        if (length < 1)
        {
            return TRUNCATED;
        }
        final byte version = buffer.getByte(0);
        if (version != FORMAT_VERSION)
        {
            // A newer writer's record, unless it is one of ours with a damaged version byte (or a version that never existed).
            return version > FORMAT_VERSION && !oursWithVersionDamaged(buffer, length, crc) ? UNSUPPORTED_VERSION : CHECKSUM_MISMATCH;
        }
        if (length < HEADER_LENGTH + CHECKSUM_LENGTH)
        {
            return TRUNCATED;
        }
        final int attachmentLength = buffer.getShort(2, ORDER) & 0xFFFF;
        final int bodyLength = HEADER_LENGTH + attachmentLength;
        if (length != bodyLength + CHECKSUM_LENGTH)
        {
            return TRUNCATED;
        }
        if (buffer.getInt(bodyLength, ORDER) != checksum(buffer, bodyLength, crc))
        {
            return CHECKSUM_MISMATCH;
        }
        final byte type = buffer.getByte(1);
        if (type < CommandType.DEFINE_INSTRUMENT || type > CommandType.SET_LIQUIDATOR)
        {
            return UNKNOWN_TYPE;
        }
        Object attachment = null;
        if (type == CommandType.DEFINE_INSTRUMENT && attachmentLength > 0)
        {
            attachment = attachments.decode(buffer, HEADER_LENGTH, attachmentLength);
            if (attachment == null)
            {
                return BAD_ATTACHMENT;
            }
        }
        into.set(
            type,
            buffer.getLong(16, ORDER),
            buffer.getLong(24, ORDER),
            buffer.getLong(32, ORDER),
            buffer.getInt(4, ORDER),
            buffer.getLong(40, ORDER),
            buffer.getLong(48, ORDER),
            buffer.getLong(56, ORDER),
            buffer.getLong(64, ORDER),
            attachment);
        into.sequence(buffer.getLong(8, ORDER));
        return OK;
    }

    /** True when the record passes our layout's length and CRC once its version byte is read as ours: a damaged byte, not a version. */
    private static boolean oursWithVersionDamaged(final DirectBuffer buffer, final int length, final CRC32C crc)
    {
        if (length < HEADER_LENGTH + CHECKSUM_LENGTH)
        {
            return false;
        }
        final int bodyLength = HEADER_LENGTH + (buffer.getShort(2, ORDER) & 0xFFFF);
        if (length != bodyLength + CHECKSUM_LENGTH)
        {
            return false;
        }
        crc.reset();
        crc.update(FORMAT_VERSION);
        crc.update(buffer.byteArray(), 1, bodyLength - 1);
        return buffer.getInt(bodyLength, ORDER) == (int)crc.getValue();
    }

    /** @param buffer a record @param length its length @return the CRC32C it carries (no checks) */
    public static int checksumOf(final DirectBuffer buffer, final int length)
    {
        return buffer.getInt(length - CHECKSUM_LENGTH, ORDER);
    }

    /** @param buffer a record @return its sequence field (no checks) */
    public static long sequence(final DirectBuffer buffer)
    {
        return buffer.getLong(8, ORDER);
    }

    /** @param status a result of {@link #decode} @return a short description for operators */
    public static String describe(final int status)
    {
        switch (status)
        {
            case OK: return "ok";
            case TRUNCATED: return "truncated record";
            case CHECKSUM_MISMATCH: return "checksum mismatch (corrupted record)";
            case UNSUPPORTED_VERSION: return "written by an unsupported journal format version";
            case UNKNOWN_TYPE: return "unknown command type";
            case BAD_ATTACHMENT: return "undecodable instrument definition";
            default: return "status " + status;
        }
    }

    private static int checksum(final DirectBuffer buffer, final int length, final CRC32C crc)
    {
        crc.reset();
        crc.update(buffer.byteArray(), 0, length);
        return (int)crc.getValue();
    }
}
