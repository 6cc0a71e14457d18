package com.perprisk.gateway;

import com.perprisk.protocol.sbe.CommandResponseEncoder;
import com.perprisk.protocol.sbe.MessageHeaderEncoder;
import com.perprisk.protocol.sbe.RejectReason;
import org.agrona.MutableDirectBuffer;

/**
 * Encodes the one {@code CommandResponse} of a request, for the engine's results (business-logic thread) and the
 * gateway's own rejects (gateway thread): each thread owns its instance. Allocation-free.
 */
final class Responses
{
    /** Encoded length of a CommandResponse with its header. */
    static final int LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + CommandResponseEncoder.BLOCK_LENGTH;
    /** Sequence of a response the gateway gave without the engine. */
    static final long NO_SEQUENCE = -1;

    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final CommandResponseEncoder response = new CommandResponseEncoder();

    /**
     * @param buffer            destination.
     * @param offset            where the message starts.
     * @param correlationId     the request's correlation id.
     * @param requestTemplateId the request's template id, 0 if unknown.
     * @param reason            NONE or the reject reason.
     * @param sequence          engine input sequence or {@link #NO_SEQUENCE}.
     * @param feedSequence      last feed sequence this response follows.
     * @param accountId         account, 0 if none.
     * @param instrumentId      instrument, 0 if none.
     * @return encoded length, {@link #LENGTH}.
     */
    int encode(
        final MutableDirectBuffer buffer,
        final int offset,
        final long correlationId,
        final int requestTemplateId,
        final RejectReason reason,
        final long sequence,
        final long feedSequence,
        final long accountId,
        final int instrumentId)
    {
        response.wrapAndApplyHeader(buffer, offset, header)
            .correlationId(correlationId)
            .requestTemplateId(requestTemplateId)
            .reason(reason)
            .sequence(sequence)
            .feedSequence(feedSequence)
            .accountId(accountId)
            .instrumentId(instrumentId);
        return LENGTH;
    }
}
