package com.perprisk.gateway;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.util.concurrent.TimeUnit;

/**
 * Settings of the gateway: channels and stream ids, limits, timeouts and the idle strategy of its thread. Mutable until
 * handed to a {@link Gateway}; not thread-safe.
 */
public final class GatewayConfig
{
    /** Default stream id of the command stream (clients to gateway). */
    public static final int DEFAULT_COMMAND_STREAM_ID = 1001;
    /** Default stream id of the risk feed. */
    public static final int DEFAULT_FEED_STREAM_ID = 1002;

    /** How a thread of ours idles when it has no work. On a 2-core machine never spin more threads than cores. */
    public enum IdleKind
    {
        /** Spin, yield, then park with exponential back-off up to 1 ms: low CPU, good latency (the default). */
        BACKOFF,
        /** Sleep 1 ms: lowest CPU, millisecond latency. */
        SLEEPING,
        /** Yield: burns a core. */
        YIELDING,
        /** Spin: burns a core, lowest latency; only with a core to spare. */
        BUSY_SPIN;

        /** @return a new idle strategy of this kind. */
        public IdleStrategy create()
        {
            switch (this)
            {
                case SLEEPING: return new SleepingMillisIdleStrategy(1);
                case YIELDING: return new YieldingIdleStrategy();
                case BUSY_SPIN: return new BusySpinIdleStrategy();
                default: return new BackoffIdleStrategy(10, 20, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
    }

    private String commandChannel = "aeron:ipc";
    private int commandStreamId = DEFAULT_COMMAND_STREAM_ID;
    private String feedChannel = "aeron:ipc";
    private int feedStreamId = DEFAULT_FEED_STREAM_ID;
    private int maxSessions = 256;
    private int outboundBufferBytes = 4 * 1024 * 1024;
    private long responseConnectTimeoutNs = TimeUnit.SECONDS.toNanos(5);
    private int sessionBacklogBytes = 64 * 1024;
    private long slowConsumerTimeoutNs = TimeUnit.SECONDS.toNanos(2);
    private int maxCommandLength = 2048;
    private long rejectLogIntervalNs = TimeUnit.SECONDS.toNanos(1);
    private IdleKind idle = IdleKind.BACKOFF;

    /** @param channel Aeron channel the gateway subscribes to for commands, e.g. {@code aeron:ipc} or {@code aeron:udp?endpoint=0.0.0.0:40123} @return this */
    public GatewayConfig commandChannel(final String channel)
    {
        commandChannel = channel;
        return this;
    }

    /** @param streamId command stream id @return this */
    public GatewayConfig commandStreamId(final int streamId)
    {
        commandStreamId = streamId;
        return this;
    }

    /** @param channel Aeron channel the risk feed is published on, e.g. {@code aeron:ipc} or {@code aeron:udp?endpoint=224.0.1.1:40456} @return this */
    public GatewayConfig feedChannel(final String channel)
    {
        feedChannel = channel;
        return this;
    }

    /** @param streamId feed stream id @return this */
    public GatewayConfig feedStreamId(final int streamId)
    {
        feedStreamId = streamId;
        return this;
    }

    /** @param n most sessions at once (pending and logged on) @return this */
    public GatewayConfig maxSessions(final int n)
    {
        maxSessions = n;
        return this;
    }

    /** @param bytes capacity of the hand-off from the business-logic thread to the gateway thread, a power of two @return this */
    public GatewayConfig outboundBufferBytes(final int bytes)
    {
        outboundBufferBytes = bytes;
        return this;
    }

    /** @param nanos how long a logon waits for the client's response channel to connect @return this */
    public GatewayConfig responseConnectTimeoutNs(final long nanos)
    {
        responseConnectTimeoutNs = nanos;
        return this;
    }

    /**
     * @param bytes per-session buffer for responses its back-pressured publication could not take yet; a session whose
     *              backlog outgrows it is a slow consumer @return this
     */
    public GatewayConfig sessionBacklogBytes(final int bytes)
    {
        sessionBacklogBytes = bytes;
        return this;
    }

    /** @param nanos a session whose backlog does not drain within this time is a slow consumer @return this */
    public GatewayConfig slowConsumerTimeoutNs(final long nanos)
    {
        slowConsumerTimeoutNs = nanos;
        return this;
    }

    /** @param bytes longest command frame accepted @return this */
    public GatewayConfig maxCommandLength(final int bytes)
    {
        maxCommandLength = bytes;
        return this;
    }

    /** @param nanos at most one log line per kind of bad input per interval @return this */
    public GatewayConfig rejectLogIntervalNs(final long nanos)
    {
        rejectLogIntervalNs = nanos;
        return this;
    }

    /** @param kind idle strategy of the gateway thread @return this */
    public GatewayConfig idle(final IdleKind kind)
    {
        idle = kind;
        return this;
    }

    /** @return command channel */
    public String commandChannel()
    {
        return commandChannel;
    }

    /** @return command stream id */
    public int commandStreamId()
    {
        return commandStreamId;
    }

    /** @return feed channel */
    public String feedChannel()
    {
        return feedChannel;
    }

    /** @return feed stream id */
    public int feedStreamId()
    {
        return feedStreamId;
    }

    /** @return most sessions at once */
    public int maxSessions()
    {
        return maxSessions;
    }

    /** @return hand-off capacity in bytes */
    public int outboundBufferBytes()
    {
        return outboundBufferBytes;
    }

    /** @return response channel connect timeout */
    public long responseConnectTimeoutNs()
    {
        return responseConnectTimeoutNs;
    }

    /** @return per-session backlog capacity */
    public int sessionBacklogBytes()
    {
        return sessionBacklogBytes;
    }

    /** @return how long a backlog may last */
    public long slowConsumerTimeoutNs()
    {
        return slowConsumerTimeoutNs;
    }

    /** @return longest command frame */
    public int maxCommandLength()
    {
        return maxCommandLength;
    }

    /** @return reject log interval */
    public long rejectLogIntervalNs()
    {
        return rejectLogIntervalNs;
    }

    /** @return idle strategy kind of the gateway thread */
    public IdleKind idle()
    {
        return idle;
    }

    /**
     * Check every setting.
     *
     * @return this.
     * @throws IllegalArgumentException naming the first bad setting.
     */
    public GatewayConfig validate()
    {
        require(commandChannel != null && commandChannel.startsWith("aeron:"), "command channel must be an Aeron URI (aeron:ipc or aeron:udp?...), was " + commandChannel);
        require(feedChannel != null && feedChannel.startsWith("aeron:"), "feed channel must be an Aeron URI (aeron:ipc or aeron:udp?...), was " + feedChannel);
        require(commandStreamId != feedStreamId || !commandChannel.equals(feedChannel), "command and feed must differ in channel or stream id");
        require(maxSessions >= 1 && maxSessions <= 1 << 20, "maxSessions must be in 1..1048576");
        require(outboundBufferBytes >= 64 * 1024 && Integer.bitCount(outboundBufferBytes) == 1, "outbound buffer must be a power of two of at least 65536 bytes");
        require(responseConnectTimeoutNs > 0, "response connect timeout must be positive");
        require(sessionBacklogBytes >= 4096, "session backlog must be at least 4096 bytes");
        require(slowConsumerTimeoutNs > 0, "slow consumer timeout must be positive");
        require(maxCommandLength >= 64, "max command length must be at least 64 bytes");
        return this;
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(message);
        }
    }
}
