package com.perprisk.journal;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Encodes the attachment of an instrument definition into a journal record and back.
 *
 * <p>Threading: one instance per thread.
 */
public interface AttachmentCodec
{
    /**
     * @param attachment the instrument.
     * @param buffer     destination.
     * @param offset     where to write.
     * @param maxLength  largest length allowed.
     * @return bytes written, or -1 if the attachment is not an instrument or does not fit.
     */
    int encode(Object attachment, MutableDirectBuffer buffer, int offset, int maxLength);

    /**
     * @param buffer source.
     * @param offset where it starts.
     * @param length its length.
     * @return the instrument, or null if the bytes do not decode to one.
     */
    Object decode(DirectBuffer buffer, int offset, int length);
}
