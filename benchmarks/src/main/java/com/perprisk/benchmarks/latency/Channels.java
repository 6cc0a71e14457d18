package com.perprisk.benchmarks.latency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Hands out the Aeron channels of a run: {@code aeron:ipc} every time, or a fresh UDP endpoint on the loopback host
 * each time (consecutive ports from a base port, or free ports the system picks), so the engine and the bare
 * ping-pong run over the same kind of channel and no two streams share an endpoint.
 *
 * <p>Not thread-safe: the harness's main thread asks.
 */
public final class Channels
{
    /** Which kind of channel. */
    public enum Kind
    {
        /** Shared memory through the media driver's log buffers. */
        IPC,
        /** UDP unicast over the loopback interface, through the media driver's sender and receiver. */
        UDP;

        /** @param text ipc or udp @return the kind @throws IllegalArgumentException otherwise */
        public static Kind parse(final String text)
        {
            for (final Kind kind : values())
            {
                if (kind.name().equalsIgnoreCase(text.trim()))
                {
                    return kind;
                }
            }
            throw new IllegalArgumentException("'" + text + "' is not one of ipc, udp");
        }
    }

    private final Kind kind;
    private final String host;
    private final int basePort;
    private int nextPort;

    private Channels(final Kind kind, final String host, final int basePort)
    {
        this.kind = kind;
        this.host = host;
        this.basePort = basePort;
        this.nextPort = basePort;
    }

    /** @return IPC channels */
    public static Channels ipc()
    {
        return new Channels(Kind.IPC, null, 0);
    }

    /**
     * @param host     a loopback address or name (127.0.0.1, localhost, ::1): traffic stays on this machine.
     * @param basePort first port, then consecutive ones; 0 for free ports picked by the system.
     * @return UDP channels.
     * @throws IllegalArgumentException if the host is not a loopback address or the port is out of range.
     */
    public static Channels udp(final String host, final int basePort)
    {
        final InetAddress address;
        try
        {
            address = InetAddress.getByName(host);
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalArgumentException("unknown UDP host '" + host + "'");
        }
        if (!address.isLoopbackAddress())
        {
            throw new IllegalArgumentException("the UDP host must be a loopback address (127.0.0.1, localhost, ::1), was '" + host + "'");
        }
        if (basePort < 0 || basePort > 65_000)
        {
            throw new IllegalArgumentException("the UDP base port must be in 1..65000, or 0 for free ports, was " + basePort);
        }
        final String literal = address.getHostAddress();
        return new Channels(Kind.UDP, literal.contains(":") ? "[" + literal + "]" : literal, basePort);
    }

    /** @return the kind */
    public Kind kind()
    {
        return kind;
    }

    /** @return the next channel: {@code aeron:ipc}, or {@code aeron:udp?endpoint=host:port} on a port not handed out before */
    public String next()
    {
        if (kind == Kind.IPC)
        {
            return "aeron:ipc";
        }
        return "aeron:udp?endpoint=" + host + ":" + (nextPort == 0 ? freePort() : nextPort++);
    }

    /** @return a description for reports */
    public String describe()
    {
        return kind == Kind.IPC ? "ipc (aeron:ipc)" : String.format(Locale.ROOT, "udp loopback (%s, %s)", host,
            basePort == 0 ? "free ports" : "ports from " + basePort + " up");
    }

    private int freePort()
    {
        final String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(bare, 0)))
        {
            return socket.getLocalPort();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("no free UDP port on " + host, ex);
        }
    }
}
