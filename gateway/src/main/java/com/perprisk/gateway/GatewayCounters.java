package com.perprisk.gateway;

import com.perprisk.protocol.sbe.RejectReason;
import io.aeron.Aeron;
import io.aeron.Counter;
import org.agrona.CloseHelper;

/**
 * The gateway's metrics as Aeron counters in the media driver's CnC file, so Aeron's own {@code AeronStat} tool (and
 * any counters reader) shows them next to the driver's. Allocated once at start; incremented without allocation from
 * the gateway thread (and {@link #outboundWaits}, {@link #engineInputs}, {@link #internalRejects} from the
 * business-logic thread: counters are atomic).
 */
public final class GatewayCounters implements AutoCloseable
{
    /** Counter type id of every perp-risk gateway counter (shown by AeronStat as the type). */
    public static final int TYPE_ID = 7301_000;
    /** First gateway reject reason code; gateway rejects are counted per reason from here. */
    static final int FIRST_GATEWAY_REASON = RejectReason.NOT_LOGGED_ON.value();

    /** Frames received on the command stream. */
    public final Counter framesReceived;
    /** Commands handed to the engine. */
    public final Counter commandsToEngine;
    /** Responses and risk events sent to sessions. */
    public final Counter responsesSent;
    /** Messages published on the risk feed. */
    public final Counter feedMessages;
    /** Times the feed publication was back-pressured (a subscriber lags; the message is retried). */
    public final Counter feedBackPressure;
    /** Times the engine's input ring was full (the command is retried; clients are back-pressured). */
    public final Counter engineBackPressure;
    /** Times the business-logic thread found the hand-off to the gateway full and waited for the gateway thread. */
    public final Counter outboundWaits;
    /** Engine inputs processed (last sequence + 1), set by the business-logic thread after each result. */
    public final Counter engineInputs;
    /** Commands without a session (startup instruments) that the engine rejected. */
    public final Counter internalRejects;
    /** Responses and risk events for a session that closed before they could be sent (not lost silently: counted). */
    public final Counter undeliverable;
    /** Sessions logged on now. */
    public final Counter activeSessions;
    /** Logons accepted. */
    public final Counter logons;
    /** Sessions closed because the client did not read its responses fast enough. */
    public final Counter slowConsumerDisconnects;
    /** Sessions closed for any other reason (logoff, client gone, response channel timeout, bad logon). */
    public final Counter sessionsClosed;
    /** Commands the gateway answered with an engine reason itself (an instrument definition the engine's builder refused). */
    public final Counter invalidCommands;
    /** Unexpected failures of the gateway's duty cycle (bugs): logged, counted, and the frame dropped. */
    public final Counter errors;
    private final Counter[] gatewayRejects;

    /** @param aeron the client that allocates the counters in its driver's CnC file. */
    public GatewayCounters(final Aeron aeron)
    {
        framesReceived = aeron.addCounter(TYPE_ID, "perp-risk: command frames received");
        commandsToEngine = aeron.addCounter(TYPE_ID, "perp-risk: commands to engine");
        responsesSent = aeron.addCounter(TYPE_ID, "perp-risk: responses sent");
        feedMessages = aeron.addCounter(TYPE_ID, "perp-risk: risk feed messages");
        feedBackPressure = aeron.addCounter(TYPE_ID, "perp-risk: risk feed back-pressured");
        engineBackPressure = aeron.addCounter(TYPE_ID, "perp-risk: engine ring full");
        outboundWaits = aeron.addCounter(TYPE_ID, "perp-risk: business thread waited for gateway");
        engineInputs = aeron.addCounter(TYPE_ID, "perp-risk: engine inputs processed");
        internalRejects = aeron.addCounter(TYPE_ID, "perp-risk: startup commands rejected");
        undeliverable = aeron.addCounter(TYPE_ID, "perp-risk: responses for closed sessions");
        activeSessions = aeron.addCounter(TYPE_ID, "perp-risk: active sessions");
        logons = aeron.addCounter(TYPE_ID, "perp-risk: logons");
        slowConsumerDisconnects = aeron.addCounter(TYPE_ID, "perp-risk: slow consumer disconnects");
        sessionsClosed = aeron.addCounter(TYPE_ID, "perp-risk: sessions closed");
        invalidCommands = aeron.addCounter(TYPE_ID, "perp-risk: rejected by the gateway with an engine reason");
        errors = aeron.addCounter(TYPE_ID, "perp-risk: gateway errors");
        int maxReason = 0;
        for (final RejectReason reason : RejectReason.values())
        {
            maxReason = Math.max(maxReason, reason.value());
        }
        gatewayRejects = new Counter[maxReason - FIRST_GATEWAY_REASON + 1];
        for (final RejectReason reason : RejectReason.values())
        {
            if (reason != RejectReason.NULL_VAL && reason.value() >= FIRST_GATEWAY_REASON)
            {
                gatewayRejects[reason.value() - FIRST_GATEWAY_REASON] = aeron.addCounter(TYPE_ID, "perp-risk: rejected " + reason.name());
            }
        }
    }

    /** @param reason a reject reason @return its counter (engine reasons given by the gateway share {@link #invalidCommands}) */
    public Counter rejects(final RejectReason reason)
    {
        return reason.value() < FIRST_GATEWAY_REASON ? invalidCommands : gatewayRejects[reason.value() - FIRST_GATEWAY_REASON];
    }

    /** @param reason a reject reason @return a small index per reason for rate-limited logging (0 for engine reasons) */
    static int kindOf(final RejectReason reason)
    {
        return reason.value() < FIRST_GATEWAY_REASON ? 0 : reason.value() - FIRST_GATEWAY_REASON + 1;
    }

    /** @return total of the gateway's rejects (bad input, permissions, logons) */
    public long totalRejects()
    {
        long total = 0;
        for (final Counter counter : gatewayRejects)
        {
            total += counter == null ? 0 : counter.get();
        }
        return total;
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(framesReceived, commandsToEngine, responsesSent, feedMessages, feedBackPressure, engineBackPressure,
            outboundWaits, engineInputs, internalRejects, undeliverable, activeSessions, logons, slowConsumerDisconnects, sessionsClosed,
            invalidCommands, errors);
        CloseHelper.closeAll(gatewayRejects);
    }
}
