package com.perprisk.client;

import com.perprisk.protocol.sbe.AccountRiskDecoder;
import com.perprisk.protocol.sbe.CommandResponseDecoder;
import com.perprisk.protocol.sbe.FundingAppliedDecoder;
import com.perprisk.protocol.sbe.InsuranceFundUpdateDecoder;
import com.perprisk.protocol.sbe.LiquidationCandidateDecoder;
import com.perprisk.protocol.sbe.LogonAcceptedDecoder;
import com.perprisk.protocol.sbe.MarginAlertDecoder;
import com.perprisk.protocol.sbe.MessageHeaderDecoder;
import com.perprisk.protocol.sbe.PositionUpdateDecoder;
import com.perprisk.protocol.sbe.SessionClosedDecoder;
import org.agrona.DirectBuffer;

import static java.nio.ByteOrder.LITTLE_ENDIAN;

/**
 * Decodes one gateway message and calls the matching {@link RiskListener} method. Follows the schema's compatibility
 * rule: decoders use the sender's block length and version; unknown templates and other schemas are skipped. One per
 * polling thread; allocation-free.
 */
final class MessageDispatcher
{
    /** Template id returned for a skipped message. */
    static final int SKIPPED = -1;

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final CommandResponseDecoder response = new CommandResponseDecoder();
    private final LogonAcceptedDecoder logonAccepted = new LogonAcceptedDecoder();
    private final SessionClosedDecoder sessionClosed = new SessionClosedDecoder();
    private final PositionUpdateDecoder positionUpdate = new PositionUpdateDecoder();
    private final AccountRiskDecoder accountRisk = new AccountRiskDecoder();
    private final MarginAlertDecoder marginAlert = new MarginAlertDecoder();
    private final LiquidationCandidateDecoder candidate = new LiquidationCandidateDecoder();
    private final FundingAppliedDecoder funding = new FundingAppliedDecoder();
    private final InsuranceFundUpdateDecoder insurance = new InsuranceFundUpdateDecoder();

    /** @return the last decoded response (valid after {@link #dispatch} returned its template id) */
    CommandResponseDecoder response()
    {
        return response;
    }

    /** @return the last decoded logon acceptance */
    LogonAcceptedDecoder logonAccepted()
    {
        return logonAccepted;
    }

    /**
     * Read a risk event's feed sequence (the first field of every risk event) without dispatching it.
     *
     * @param buffer message buffer.
     * @param offset message start.
     * @param length message length.
     * @return the feed sequence, or -1 if the message is not a risk event of this schema.
     */
    long feedSequenceOf(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH + Long.BYTES)
        {
            return -1;
        }
        header.wrap(buffer, offset);
        final int template = header.templateId();
        if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID || template < PositionUpdateDecoder.TEMPLATE_ID || template > InsuranceFundUpdateDecoder.TEMPLATE_ID)
        {
            return -1;
        }
        return buffer.getLong(offset + MessageHeaderDecoder.ENCODED_LENGTH, LITTLE_ENDIAN);
    }

    /**
     * @param buffer   message buffer.
     * @param offset   message start.
     * @param length   message length.
     * @param listener receives the decoded message.
     * @return the template id dispatched, or {@link #SKIPPED}.
     */
    int dispatch(final DirectBuffer buffer, final int offset, final int length, final RiskListener listener)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            return SKIPPED;
        }
        header.wrap(buffer, offset);
        if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID)
        {
            return SKIPPED;
        }
        final int at = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final int blockLength = header.blockLength();
        final int version = header.version();
        final int template = header.templateId();
        switch (template)
        {
            case CommandResponseDecoder.TEMPLATE_ID:
                listener.onCommandResponse(response.wrap(buffer, at, blockLength, version));
                break;
            case LogonAcceptedDecoder.TEMPLATE_ID:
                listener.onLogonAccepted(logonAccepted.wrap(buffer, at, blockLength, version));
                break;
            case SessionClosedDecoder.TEMPLATE_ID:
                listener.onSessionClosed(sessionClosed.wrap(buffer, at, blockLength, version));
                break;
            case PositionUpdateDecoder.TEMPLATE_ID:
                listener.onPositionUpdate(positionUpdate.wrap(buffer, at, blockLength, version));
                break;
            case AccountRiskDecoder.TEMPLATE_ID:
                listener.onAccountRisk(accountRisk.wrap(buffer, at, blockLength, version));
                break;
            case MarginAlertDecoder.TEMPLATE_ID:
                listener.onMarginAlert(marginAlert.wrap(buffer, at, blockLength, version));
                break;
            case LiquidationCandidateDecoder.TEMPLATE_ID:
                listener.onLiquidationCandidate(candidate.wrap(buffer, at, blockLength, version));
                break;
            case FundingAppliedDecoder.TEMPLATE_ID:
                listener.onFundingApplied(funding.wrap(buffer, at, blockLength, version));
                break;
            case InsuranceFundUpdateDecoder.TEMPLATE_ID:
                listener.onInsuranceFundUpdate(insurance.wrap(buffer, at, blockLength, version));
                break;
            default:
                return SKIPPED;
        }
        return template;
    }
}
