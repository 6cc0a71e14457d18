package com.perprisk.gateway;

import com.perprisk.protocol.sbe.RejectReason;
import com.perprisk.protocol.sbe.DisconnectReason;
import io.aeron.ExclusivePublication;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One client session: the Aeron session of the client's command publication (its identity on the command stream), its
 * API key, the exclusive publication of its responses, and the backlog of responses that publication could not take yet
 * (a pre-allocated buffer, so a brief back-pressure costs no allocation and blocks no one). Owned by the gateway thread.
 */
final class Session
{
    /** Waiting for the response channel to connect before answering the logon. */
    static final int CONNECTING = 1;
    /** Logged on. */
    static final int ACTIVE = 2;
    /** Answered a rejected logon; closed once the answer is sent. */
    static final int REJECTED = 3;
    /** Disconnected (slow consumer, logoff, shutdown): sending its SessionClosed before the publication is closed. */
    static final int CLOSING = 4;

    final int id;
    final int aeronSessionId;
    final ExclusivePublication publication;
    final ApiKey key;
    final long logonCorrelationId;
    final long connectDeadlineNs;
    final RejectReason logonReason;
    int state = CONNECTING;
    /** Messages the publication could not take yet, in order: [int length][bytes]...; allocated at logon. */
    UnsafeBuffer backlog;
    int backlogStart;
    int backlogEnd;
    long backloggedSinceNs;
    DisconnectReason closeReason;
    long closeDeadlineNs;

    /**
     * @param id                 the gateway's id of the session (never reused while the gateway runs).
     * @param aeronSessionId     session id of the client's command publication.
     * @param publication        responses to the client.
     * @param key                the key it logged on with, null if the logon is rejected.
     * @param logonCorrelationId correlation id of the logon.
     * @param connectDeadlineNs  when to give up waiting for the response channel.
     * @param logonReason        NONE, or why the logon is rejected.
     */
    Session(
        final int id,
        final int aeronSessionId,
        final ExclusivePublication publication,
        final ApiKey key,
        final long logonCorrelationId,
        final long connectDeadlineNs,
        final RejectReason logonReason)
    {
        this.id = id;
        this.aeronSessionId = aeronSessionId;
        this.publication = publication;
        this.key = key;
        this.logonCorrelationId = logonCorrelationId;
        this.connectDeadlineNs = connectDeadlineNs;
        this.logonReason = logonReason;
    }

    /** @return true while responses wait in the backlog */
    boolean hasBacklog()
    {
        return backlogEnd > backlogStart;
    }

    @Override
    public String toString()
    {
        return "session " + id + " (" + (key == null ? "no key" : key.name()) + ")";
    }
}
