package com.perprisk.journal;

import com.perprisk.engine.command.CommandEvent;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.zip.CRC32C;

/**
 * Reads the journal's records in order, decoding and checking each one (length, format version, checksum).
 *
 * <p>Threading: owned by the thread that created it (a Chronicle tailer must stay on one thread).
 */
public final class JournalReader implements AutoCloseable
{
    /** A record was decoded into the event. */
    public static final int RECORD = 0;
    /** No more complete records (a record torn by a crash is not visible). */
    public static final int END = -1;

    private final ExcerptTailer tailer;
    private final AttachmentCodec attachments;
    private final byte[] record = new byte[JournalRecord.MAX_LENGTH];
    private final UnsafeBuffer buffer = new UnsafeBuffer(record);
    private final CRC32C crc = new CRC32C();
    private long index = -1;
    private int length;

    JournalReader(final ChronicleQueue queue, final AttachmentCodec attachments)
    {
        this.tailer = queue.createTailer();
        this.attachments = attachments;
    }

    /**
     * Position the reader so the next record read is the one at {@code index}.
     *
     * @param index a Chronicle index.
     * @return false if the journal holds no record at that index (retired, or never written).
     */
    public boolean moveTo(final long index)
    {
        return tailer.moveToIndex(index);
    }

    /**
     * Read the next record.
     *
     * @param into event to fill (sequence included) when the result is {@link #RECORD}.
     * @return {@link #RECORD}, {@link #END}, or a {@link JournalRecord} status code describing a damaged record
     * (its index is {@link #index()}).
     */
    public int next(final CommandEvent into)
    {
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                return END;
            }
            index = dc.index();
            final Bytes<?> bytes = dc.wire().bytes();
            final long remaining = bytes.readRemaining();
            if (remaining > record.length)
            {
                length = 0;
                return JournalRecord.TRUNCATED;
            }
            length = (int)remaining;
            bytes.read(record, 0, length);
        }
        return JournalRecord.decode(buffer, length, into, attachments, crc);
    }

    /** @return Chronicle index of the record last returned by {@link #next} */
    public long index()
    {
        return index;
    }

    /** @return the raw bytes of the record last read (valid until the next call) */
    public UnsafeBuffer recordBuffer()
    {
        return buffer;
    }

    /** @return length of the record last read */
    public int recordLength()
    {
        return length;
    }

    @Override
    public void close()
    {
        tailer.close();
    }
}
