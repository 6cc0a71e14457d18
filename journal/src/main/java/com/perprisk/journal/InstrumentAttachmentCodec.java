package com.perprisk.journal;

import com.perprisk.engine.instrument.Instrument;
import com.perprisk.engine.instrument.InstrumentCodec;
import com.perprisk.engine.state.BufferStateReader;
import com.perprisk.engine.state.BufferStateWriter;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Journals an instrument definition with the engine's own {@link InstrumentCodec}, the same layout snapshots use.
 * Instrument definitions are rare admin commands: this codec allocates a little, which the hot path never sees.
 *
 * <p>Threading: stateless; safe from any thread.
 */
public final class InstrumentAttachmentCodec implements AttachmentCodec
{
    /** The codec. */
    public static final InstrumentAttachmentCodec INSTANCE = new InstrumentAttachmentCodec();

    private InstrumentAttachmentCodec()
    {
    }

    @Override
    public int encode(final Object attachment, final MutableDirectBuffer buffer, final int offset, final int maxLength)
    {
        if (!(attachment instanceof Instrument))
        {
            return -1;
        }
        final UnsafeBuffer scratch = new UnsafeBuffer(new byte[maxLength]);
        final BufferStateWriter writer = new BufferStateWriter(scratch, 0);
        try
        {
            InstrumentCodec.write((Instrument)attachment, writer);
        }
        catch (final IndexOutOfBoundsException | IllegalStateException ex)
        {
            return -1;
        }
        final int length = writer.length();
        buffer.putBytes(offset, scratch, 0, length);
        return length;
    }

    @Override
    public Object decode(final DirectBuffer buffer, final int offset, final int length)
    {
        try
        {
            final BufferStateReader reader = new BufferStateReader(buffer, offset, length);
            final Instrument instrument = InstrumentCodec.read(reader);
            return reader.remaining() == 0 ? instrument : null;
        }
        catch (final RuntimeException ex)
        {
            return null;
        }
    }
}
