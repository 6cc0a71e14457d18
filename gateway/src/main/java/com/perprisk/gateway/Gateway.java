package com.perprisk.gateway;

import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.pipeline.RiskPipeline;
import com.perprisk.protocol.sbe.DisconnectReason;
import com.perprisk.protocol.sbe.LogonAcceptedEncoder;
import com.perprisk.protocol.sbe.LogonDecoder;
import com.perprisk.protocol.sbe.MessageHeaderEncoder;
import com.perprisk.protocol.sbe.RejectReason;
import com.perprisk.protocol.sbe.SessionClosedEncoder;
import io.aeron.Aeron;
import io.aeron.ControlledFragmentAssembler;
import io.aeron.ExclusivePublication;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.ControlledFragmentHandler;
import io.aeron.logbuffer.Header;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.ControlledMessageHandler;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

import static java.nio.ByteOrder.LITTLE_ENDIAN;

/**
 * The gateway's duty cycle, run by one thread (an Agrona {@code AgentRunner}): polls the command stream, checks and
 * translates each frame and hands good commands to the engine's ring; drains the hand-off from the business-logic
 * thread onto the risk feed and the sessions' response publications; and keeps the sessions (logon, response channel
 * connect, client gone, slow consumer).
 *
 * <p>It never blocks: a full engine ring back-pressures the command stream (the frame is polled again later); a
 * back-pressured feed is retried on the next cycle; a session whose response publication has no room keeps its responses
 * in its backlog, and one whose backlog overflows or stays for the slow-consumer timeout is disconnected with
 * {@code SessionClosed(SLOW_CONSUMER)}, counted and logged. Every request gets exactly one
 * {@code CommandResponse} while its session lives: from the engine, or from here for what never reaches the engine.
 */
public final class Gateway implements Agent
{
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    private static final int FRAGMENT_LIMIT = 64;
    private static final int DRAIN_LIMIT = 256;
    private static final long HOUSEKEEPING_INTERVAL_NS = 1_000_000;
    private static final int ADMIN_ACTION_RETRIES = 3;
    private static final int ERROR_LOG_KIND = 64;

    private final GatewayConfig config;
    private final Aeron aeron;
    private final ApiKeys keys;
    private final RiskPipeline pipeline;
    private final RingBuffer outbound;
    private final GatewayCounters counters;
    private final EpochNanoClock epochClock;
    private final NanoClock nanoClock;
    private final Subscription commands;
    private final ExclusivePublication feed;
    private final ControlledFragmentAssembler assembler = new ControlledFragmentAssembler(this::onFragment);
    private final ControlledMessageHandler drainHandler = this::onOutbound;
    private final CommandTranslator translator;
    private final CommandTranslator.LogonRequest logonRequest = new CommandTranslator.LogonRequest();
    private final CommandEvent command = new CommandEvent();
    private final Int2ObjectHashMap<Session> sessionsByAeronSession = new Int2ObjectHashMap<>();
    private final Int2ObjectHashMap<Session> sessionsById = new Int2ObjectHashMap<>();
    private final List<Session> toClose = new ArrayList<>();
    private final List<Session> toAnswer = new ArrayList<>();
    private final List<Session> toSlow = new ArrayList<>();
    private final MutableDirectBuffer sendBuffer = new ExpandableArrayBuffer(256);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final Responses responses = new Responses();
    private final LogonAcceptedEncoder logonAccepted = new LogonAcceptedEncoder();
    private final SessionClosedEncoder sessionClosed = new SessionClosedEncoder();
    private final RateLimitedLog badInputLog;

    private volatile boolean intakeOpen = true;
    private volatile boolean intakeClosed;
    private int nextSessionId = 1;
    private int connecting;
    private int backlogged;
    private long lastFeedSequence;
    private long nextHousekeepingNs;

    /**
     * Subscribe to the command stream and add the feed publication.
     *
     * @param config     channels, limits and timeouts (validated).
     * @param aeron      a connected client.
     * @param keys       API keys.
     * @param pipeline   the engine's input ring.
     * @param outbound   the hand-off from the business-logic thread (this agent is its only consumer).
     * @param counters   metrics.
     * @param epochClock event time for commands.
     * @param nanoClock  monotonic time for timeouts.
     */
    public Gateway(
        final GatewayConfig config,
        final Aeron aeron,
        final ApiKeys keys,
        final RiskPipeline pipeline,
        final RingBuffer outbound,
        final GatewayCounters counters,
        final EpochNanoClock epochClock,
        final NanoClock nanoClock)
    {
        this.config = config.validate();
        this.aeron = aeron;
        this.keys = keys;
        this.pipeline = pipeline;
        this.outbound = outbound;
        this.counters = counters;
        this.epochClock = epochClock;
        this.nanoClock = nanoClock;
        translator = new CommandTranslator(config.maxCommandLength());
        badInputLog = new RateLimitedLog(LOG, config.rejectLogIntervalNs(), ERROR_LOG_KIND + 1);
        commands = aeron.addSubscription(config.commandChannel(), config.commandStreamId());
        feed = aeron.addExclusivePublication(config.feedChannel(), config.feedStreamId());
    }

    @Override
    public String roleName()
    {
        return "risk-gateway";
    }

    /** Stop taking commands (shutdown: the engine then drains what it has; responses keep flowing). Any thread. */
    public void closeIntake()
    {
        intakeOpen = false;
    }

    /** @return true once the gateway thread has seen {@link #closeIntake()} and will hand the engine nothing more */
    public boolean isIntakeClosed()
    {
        return intakeClosed;
    }

    @Override
    public int doWork()
    {
        int work = 0;
        if (intakeOpen)
        {
            work += commands.controlledPoll(assembler, FRAGMENT_LIMIT);
        }
        else if (!intakeClosed)
        {
            intakeClosed = true;
        }
        work += drainOutbound();
        final long now = nanoClock.nanoTime();
        if (backlogged > 0)
        {
            work += flushBacklogs(now);
        }
        if (!toClose.isEmpty())
        {
            work += closeCollected();
        }
        if (connecting > 0 || now >= nextHousekeepingNs)
        {
            nextHousekeepingNs = now + HOUSEKEEPING_INTERVAL_NS;
            work += housekeeping(now);
        }
        return work;
    }

    /**
     * Send what the engine handed over: responses to their sessions, feed messages to the feed. Called by
     * {@link #doWork}, and with {@code CALLER_RUNS} by the engine's encoder on this same thread when the hand-off ring
     * is full in the middle of a command.
     *
     * @return messages drained.
     */
    int drainOutbound()
    {
        return outbound.controlledRead(drainHandler, DRAIN_LIMIT);
    }

    @Override
    public void onClose()
    {
        outbound.read((type, buffer, index, length) -> onOutbound(type, buffer, index, length));
        for (final Session session : sessionsById.values())
        {
            toClose.add(session);
        }
        for (int i = 0; i < toClose.size(); i++)
        {
            close(toClose.get(i), DisconnectReason.SHUTDOWN, "gateway shutting down");
        }
        toClose.clear();
        CloseHelper.closeAll(commands, feed);
    }

    // ------------------------------------------------------------------ commands in

    private ControlledFragmentHandler.Action onFragment(final DirectBuffer buffer, final int offset, final int length, final Header frameHeader)
    {
        try
        {
            return onCommandFrame(buffer, offset, length, frameHeader);
        }
        catch (final RuntimeException ex)
        {
            counters.errors.increment();
            badInputLog.warn(ERROR_LOG_KIND, nanoClock.nanoTime(), "gateway error on a frame of {} bytes: {} (aeron session {})", length, ex,
                frameHeader.sessionId());
            return ControlledFragmentHandler.Action.CONTINUE;
        }
    }

    private ControlledFragmentHandler.Action onCommandFrame(final DirectBuffer buffer, final int offset, final int length, final Header frameHeader)
    {
        final Session session = sessionsByAeronSession.get(frameHeader.sessionId());
        final RejectReason structure = translator.check(buffer, offset, length);
        if (structure != RejectReason.NONE)
        {
            reject(session, structure, frameHeader.sessionId());
        }
        else if (translator.isLogon())
        {
            onLogon(session, buffer, offset, frameHeader.sessionId());
        }
        else if (session == null || session.state != Session.ACTIVE)
        {
            reject(session, RejectReason.NOT_LOGGED_ON, frameHeader.sessionId());
        }
        else if (translator.isLogoff())
        {
            respond(session, RejectReason.NONE);
            beginClose(session, DisconnectReason.LOGGED_OFF, "logged off");
        }
        else
        {
            final RejectReason reason = translator.translate(buffer, offset, session.key, epochClock.nanoTime(), command);
            if (reason != RejectReason.NONE)
            {
                reject(session, reason, frameHeader.sessionId());
            }
            else
            {
                final long sequence = pipeline.tryPublish(command.origin(session.id));
                if (sequence == RiskPipeline.RING_FULL)
                {
                    counters.engineBackPressure.increment();
                    return ControlledFragmentHandler.Action.ABORT;
                }
                if (sequence < 0)
                {
                    reject(session, RejectReason.JOURNAL_UNAVAILABLE, frameHeader.sessionId()); // the pipeline stopped accepting
                }
                else
                {
                    counters.commandsToEngine.increment();
                }
            }
        }
        counters.framesReceived.increment();
        return ControlledFragmentHandler.Action.CONTINUE;
    }

    private void onLogon(final Session existing, final DirectBuffer buffer, final int offset, final int aeronSessionId)
    {
        if (existing != null)
        {
            reject(existing, RejectReason.ALREADY_LOGGED_ON, aeronSessionId);
            return;
        }
        final RejectReason fields = translator.readLogon(buffer, offset, logonRequest);
        if (fields != RejectReason.NONE)
        {
            reject(null, fields, aeronSessionId);
            return;
        }
        if (sessionsById.size() >= config.maxSessions())
        {
            counters.rejects(RejectReason.NOT_PERMITTED).increment();
            badInputLog.warn(GatewayCounters.kindOf(RejectReason.NOT_PERMITTED), nanoClock.nanoTime(),
                "logon refused: {} ({} sessions already, aeron session {})", "max-sessions reached", config.maxSessions(), aeronSessionId);
            return;
        }
        final ApiKey key = keys.find(logonRequest.apiKey);
        final RejectReason reason = key == null ? RejectReason.BAD_CREDENTIALS : RejectReason.NONE;
        final ExclusivePublication publication;
        try
        {
            publication = aeron.addExclusivePublication(logonRequest.responseChannel, logonRequest.responseStreamId);
        }
        catch (final RuntimeException ex)
        {
            counters.rejects(RejectReason.VALUE_OUT_OF_RANGE).increment();
            badInputLog.warn(GatewayCounters.kindOf(RejectReason.VALUE_OUT_OF_RANGE), nanoClock.nanoTime(),
                "logon refused: cannot publish responses to {}: {} (aeron session {})", logonRequest.responseChannel, ex, aeronSessionId);
            return;
        }
        final Session session = new Session(nextSessionId++, aeronSessionId, publication, key, translator.correlationId(),
            nanoClock.nanoTime() + config.responseConnectTimeoutNs(), reason);
        sessionsByAeronSession.put(aeronSessionId, session);
        sessionsById.put(session.id, session);
        connecting++;
    }

    private void reject(final Session session, final RejectReason reason, final int aeronSessionId)
    {
        counters.rejects(reason).increment();
        badInputLog.warn(GatewayCounters.kindOf(reason), nanoClock.nanoTime(),
            "rejected {} from {} (aeron session {})", reason, session == null ? "an unknown client" : session, aeronSessionId);
        if (session != null && session.state == Session.ACTIVE)
        {
            respond(session, reason);
        }
    }

    private void respond(final Session session, final RejectReason reason)
    {
        final int length = responses.encode(sendBuffer, 0, translator.correlationId(), translator.templateId(), reason,
            Responses.NO_SEQUENCE, lastFeedSequence, translator.accountId(), translator.instrumentId());
        send(session, sendBuffer, 0, length);
    }

    // ------------------------------------------------------------------ responses and feed out

    private ControlledMessageHandler.Action onOutbound(final int destination, final MutableDirectBuffer buffer, final int index, final int length)
    {
        if (OutboundEncoder.isForFeed(destination))
        {
            final long result = feed.offer(buffer, index, length);
            if (result == Publication.BACK_PRESSURED || result == Publication.ADMIN_ACTION)
            {
                counters.feedBackPressure.increment();
                return ControlledMessageHandler.Action.ABORT;
            }
            lastFeedSequence = buffer.getLong(index + MessageHeaderEncoder.ENCODED_LENGTH, LITTLE_ENDIAN);
            if (result > 0)
            {
                counters.feedMessages.increment();
            }
        }
        final int sessionId = OutboundEncoder.sessionOf(destination);
        if (sessionId != 0)
        {
            final Session session = sessionsById.get(sessionId);
            if (session != null && session.state == Session.ACTIVE)
            {
                send(session, buffer, index, length);
            }
            else
            {
                counters.undeliverable.increment();
            }
        }
        return ControlledMessageHandler.Action.CONTINUE;
    }

    /**
     * Send to a session: straight to its publication, or into its backlog while the publication is back-pressured (or
     * earlier messages still wait), so order is kept and nobody else waits. A backlog that overflows makes the session a
     * slow consumer.
     *
     * @return true if sent or queued.
     */
    private boolean send(final Session session, final DirectBuffer buffer, final int offset, final int length)
    {
        if (session.hasBacklog())
        {
            return enqueue(session, buffer, offset, length);
        }
        final long result = offer(session.publication, buffer, offset, length);
        if (result > 0)
        {
            counters.responsesSent.increment();
            return true;
        }
        if (result == Publication.BACK_PRESSURED || result == Publication.ADMIN_ACTION)
        {
            session.backloggedSinceNs = nanoClock.nanoTime();
            backlogged++;
            return enqueue(session, buffer, offset, length);
        }
        toClose.add(session);
        return false;
    }

    private static long offer(final ExclusivePublication publication, final DirectBuffer buffer, final int offset, final int length)
    {
        long result;
        int retries = ADMIN_ACTION_RETRIES;
        do
        {
            result = publication.offer(buffer, offset, length);
        }
        while (result == Publication.ADMIN_ACTION && retries-- > 0);
        return result;
    }

    private boolean enqueue(final Session session, final DirectBuffer buffer, final int offset, final int length)
    {
        final UnsafeBuffer backlog = session.backlog;
        if (session.backlogEnd + Integer.BYTES + length > backlog.capacity())
        {
            beginClose(session, DisconnectReason.SLOW_CONSUMER, "slow consumer: response backlog full");
            return false;
        }
        backlog.putInt(session.backlogEnd, length);
        backlog.putBytes(session.backlogEnd + Integer.BYTES, buffer, offset, length);
        session.backlogEnd += Integer.BYTES + length;
        return true;
    }

    /** Offer what waits in the backlogs; a backlog that does not drain in time makes its session a slow consumer. */
    private int flushBacklogs(final long now)
    {
        int work = 0;
        for (final Session session : sessionsById.values())
        {
            if (!session.hasBacklog())
            {
                continue;
            }
            final UnsafeBuffer backlog = session.backlog;
            while (session.hasBacklog())
            {
                final int length = backlog.getInt(session.backlogStart);
                final long result = offer(session.publication, backlog, session.backlogStart + Integer.BYTES, length);
                if (result > 0)
                {
                    counters.responsesSent.increment();
                    session.backlogStart += Integer.BYTES + length;
                    work++;
                }
                else
                {
                    if (result != Publication.BACK_PRESSURED && result != Publication.ADMIN_ACTION)
                    {
                        toClose.add(session);
                    }
                    break;
                }
            }
            if (!session.hasBacklog())
            {
                session.backlogStart = 0;
                session.backlogEnd = 0;
                backlogged--;
            }
            else if (now - session.backloggedSinceNs > config.slowConsumerTimeoutNs() && session.state == Session.ACTIVE)
            {
                toSlow.add(session);
            }
        }
        for (int i = 0; i < toSlow.size(); i++)
        {
            beginClose(toSlow.get(i), DisconnectReason.SLOW_CONSUMER, "slow consumer: responses backed up for longer than the timeout");
        }
        toSlow.clear();
        return work;
    }

    // ------------------------------------------------------------------ sessions

    private int housekeeping(final long now)
    {
        int work = 0;
        for (final Session session : sessionsById.values())
        {
            if (session.state == Session.CONNECTING)
            {
                if (session.publication.isConnected() && session.publication.availableWindow() > 0)
                {
                    toAnswer.add(session);
                }
                else if (now - session.connectDeadlineNs >= 0)
                {
                    toClose.add(session);
                }
            }
            else if (session.state == Session.CLOSING)
            {
                if (!session.hasBacklog() && sendSessionClosed(session) || now - session.closeDeadlineNs >= 0 || !session.publication.isConnected())
                {
                    toClose.add(session);
                }
            }
            else if (commands.imageBySessionId(session.aeronSessionId) == null)
            {
                toClose.add(session);
            }
        }
        for (int i = 0; i < toAnswer.size(); i++)
        {
            answerLogon(toAnswer.get(i));
            work++;
        }
        toAnswer.clear();
        work += closeCollected();
        return work;
    }

    private int closeCollected()
    {
        final int closed = toClose.size();
        for (int i = 0; i < closed; i++)
        {
            final Session session = toClose.get(i);
            switch (session.state)
            {
                case Session.CONNECTING:
                    close(session, DisconnectReason.RESPONSE_CHANNEL_TIMEOUT, "response channel did not connect in time");
                    break;
                case Session.REJECTED:
                    close(session, null, "logon rejected");
                    break;
                case Session.CLOSING:
                    close(session, null, null);
                    break;
                default:
                    close(session, null, session.publication.isConnected() ? "client gone (command publication closed)" : "response channel lost");
            }
        }
        toClose.clear();
        return closed;
    }

    private void answerLogon(final Session session)
    {
        connecting--;
        final long correlationId = session.logonCorrelationId;
        int length = responses.encode(sendBuffer, 0, correlationId, LogonDecoder.TEMPLATE_ID,
            session.logonReason, Responses.NO_SEQUENCE, lastFeedSequence, 0, 0);
        if (session.logonReason != RejectReason.NONE)
        {
            counters.rejects(session.logonReason).increment();
            badInputLog.warn(GatewayCounters.kindOf(session.logonReason), nanoClock.nanoTime(),
                "logon rejected: {} for {} (aeron session {})", session.logonReason, session, session.aeronSessionId);
            session.publication.offer(sendBuffer, 0, length);
            session.state = Session.REJECTED;
            toClose.add(session);
            return;
        }
        session.state = Session.ACTIVE;
        session.backlog = new UnsafeBuffer(new byte[config.sessionBacklogBytes()]);
        counters.logons.increment();
        counters.activeSessions.increment();
        LOG.info("{} logged on as {}", session, session.key.role());
        send(session, sendBuffer, 0, length);
        logonAccepted.wrapAndApplyHeader(sendBuffer, 0, header)
            .correlationId(correlationId)
            .sessionId(session.id)
            .role(session.key.role())
            .feedSequence(lastFeedSequence);
        send(session, sendBuffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + LogonAcceptedEncoder.BLOCK_LENGTH);
    }

    /**
     * Stop serving a logged-on session: no more commands or responses; its backlog still drains (a slow consumer's is
     * dropped and counted), then SessionClosed is sent and the publication closed (or at the timeout).
     */
    private void beginClose(final Session session, final DisconnectReason reason, final String why)
    {
        if (session.state != Session.ACTIVE)
        {
            return;
        }
        session.state = Session.CLOSING;
        session.closeReason = reason;
        session.closeDeadlineNs = nanoClock.nanoTime() + config.slowConsumerTimeoutNs();
        sessionsByAeronSession.remove(session.aeronSessionId);
        counters.activeSessions.decrement();
        if (reason == DisconnectReason.SLOW_CONSUMER)
        {
            counters.slowConsumerDisconnects.increment();
            discardBacklog(session);
            LOG.warn("{} disconnected: {}", session, why);
        }
        else
        {
            counters.sessionsClosed.increment();
            LOG.info("{} closed: {}", session, why);
        }
    }

    private void discardBacklog(final Session session)
    {
        while (session.hasBacklog())
        {
            counters.undeliverable.increment();
            session.backlogStart += Integer.BYTES + session.backlog.getInt(session.backlogStart);
        }
        if (session.backlogEnd != 0)
        {
            session.backlogStart = 0;
            session.backlogEnd = 0;
            backlogged--;
        }
    }

    private boolean sendSessionClosed(final Session session)
    {
        sessionClosed.wrapAndApplyHeader(sendBuffer, 0, header).sessionId(session.id).reason(session.closeReason);
        return offer(session.publication, sendBuffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + SessionClosedEncoder.BLOCK_LENGTH) > 0;
    }

    /** Remove a session now: best-effort SessionClosed when a reason is given, then close its publication. */
    private void close(final Session session, final DisconnectReason reason, final String why)
    {
        if (sessionsById.remove(session.id) == null)
        {
            return;
        }
        sessionsByAeronSession.remove(session.aeronSessionId);
        if (session.state == Session.CONNECTING)
        {
            connecting--;
        }
        if (session.state == Session.ACTIVE)
        {
            counters.activeSessions.decrement();
        }
        if (session.state != Session.CLOSING)
        {
            counters.sessionsClosed.increment();
            LOG.info("{} closed: {}", session, why);
        }
        if (session.backlog != null)
        {
            discardBacklog(session);
        }
        if (reason != null && session.publication.isConnected())
        {
            session.closeReason = reason;
            sendSessionClosed(session);
        }
        session.state = 0;
        CloseHelper.quietClose(session.publication);
    }

    /** @return last risk feed sequence handed to the feed publication (gateway thread) */
    long lastFeedSequence()
    {
        return lastFeedSequence;
    }
}
