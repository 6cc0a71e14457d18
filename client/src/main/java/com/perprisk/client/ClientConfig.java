package com.perprisk.client;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Where a {@link RiskClient} finds the gateway and how it waits. The defaults match the gateway's (IPC, command stream
 * 1001, feed stream 1002). Each client needs its own response stream (or its own response channel over UDP): the
 * default picks a random stream id. Mutable until handed to the client; not thread-safe.
 */
public final class ClientConfig
{
    private String aeronDirectoryName;
    private String commandChannel = "aeron:ipc";
    private int commandStreamId = 1001;
    private String responseChannel = "aeron:ipc";
    private int responseStreamId = ThreadLocalRandom.current().nextInt(10_000, 1 << 30);
    private String feedChannel = "aeron:ipc";
    private int feedStreamId = 1002;
    private long connectTimeoutNs = TimeUnit.SECONDS.toNanos(10);
    private long sendTimeoutNs = TimeUnit.SECONDS.toNanos(1);

    /** @param directory Aeron directory of the media driver (the node prints it; null = Aeron's default) @return this */
    public ClientConfig aeronDirectoryName(final String directory)
    {
        aeronDirectoryName = directory;
        return this;
    }

    /** @param channel channel of the gateway's command stream @return this */
    public ClientConfig commandChannel(final String channel)
    {
        commandChannel = channel;
        return this;
    }

    /** @param streamId command stream id @return this */
    public ClientConfig commandStreamId(final int streamId)
    {
        commandStreamId = streamId;
        return this;
    }

    /** @param channel channel this client receives responses on, e.g. {@code aeron:udp?endpoint=myhost:40200} @return this */
    public ClientConfig responseChannel(final String channel)
    {
        responseChannel = channel;
        return this;
    }

    /** @param streamId response stream id, unique per client on a shared channel @return this */
    public ClientConfig responseStreamId(final int streamId)
    {
        responseStreamId = streamId;
        return this;
    }

    /** @param channel channel of the risk feed @return this */
    public ClientConfig feedChannel(final String channel)
    {
        feedChannel = channel;
        return this;
    }

    /** @param streamId risk feed stream id @return this */
    public ClientConfig feedStreamId(final int streamId)
    {
        feedStreamId = streamId;
        return this;
    }

    /** @param nanos how long to wait for the gateway at connect and logon @return this */
    public ClientConfig connectTimeoutNs(final long nanos)
    {
        connectTimeoutNs = nanos;
        return this;
    }

    /** @param nanos how long a send retries while the command stream is back-pressured @return this */
    public ClientConfig sendTimeoutNs(final long nanos)
    {
        sendTimeoutNs = nanos;
        return this;
    }

    /** @return Aeron directory, null for the default */
    public String aeronDirectoryName()
    {
        return aeronDirectoryName;
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

    /** @return response channel */
    public String responseChannel()
    {
        return responseChannel;
    }

    /** @return response stream id */
    public int responseStreamId()
    {
        return responseStreamId;
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

    /** @return connect timeout */
    public long connectTimeoutNs()
    {
        return connectTimeoutNs;
    }

    /** @return send timeout */
    public long sendTimeoutNs()
    {
        return sendTimeoutNs;
    }
}
