package com.perprisk.gateway;

import com.perprisk.engine.EngineConfig;
import com.perprisk.journal.JournalSettings;
import com.perprisk.engine.pipeline.WaitStrategyKind;

/**
 * Settings of a {@link RiskNode}: the engine, its input ring, the gateway, and the media driver (embedded by default,
 * or an external one when {@link #externalDriverDirectory} is set). Mutable until handed to the node; not thread-safe.
 */
public final class NodeConfig
{
    private EngineConfig engine = new EngineConfig();
    private int ringSize = 1024;
    private WaitStrategyKind waitStrategy = WaitStrategyKind.BLOCKING;
    private GatewayConfig gateway = new GatewayConfig();
    private String externalDriverDirectory;
    private String embeddedDriverDirectory;
    private int termLength = 4 * 1024 * 1024;
    private GatewayConfig.IdleKind driverIdle = GatewayConfig.IdleKind.BACKOFF;
    private JournalSettings journal;

    /** @param config engine settings @return this */
    public NodeConfig engine(final EngineConfig config)
    {
        engine = config;
        return this;
    }

    /** @param slots input ring slots, a power of two @return this */
    public NodeConfig ringSize(final int slots)
    {
        ringSize = slots;
        return this;
    }

    /** @param kind how the business-logic thread waits; CALLER_RUNS: the gateway thread runs the business logic @return this */
    public NodeConfig waitStrategy(final WaitStrategyKind kind)
    {
        waitStrategy = kind;
        return this;
    }

    /** @param config gateway settings @return this */
    public NodeConfig gateway(final GatewayConfig config)
    {
        gateway = config;
        return this;
    }

    /** @param directory Aeron directory of a running media driver to use instead of an embedded one; null = embedded @return this */
    public NodeConfig externalDriverDirectory(final String directory)
    {
        externalDriverDirectory = directory;
        return this;
    }

    /** @param directory Aeron directory of the embedded driver (deleted on start and shutdown); null = a unique one under /dev/shm @return this */
    public NodeConfig embeddedDriverDirectory(final String directory)
    {
        embeddedDriverDirectory = directory;
        return this;
    }

    /** @param bytes term length of the embedded driver's IPC and network publications, a power of two from 64 KiB @return this */
    public NodeConfig termLength(final int bytes)
    {
        termLength = bytes;
        return this;
    }

    /** @param kind idle strategy of the embedded driver's one (shared) thread @return this */
    public NodeConfig driverIdle(final GatewayConfig.IdleKind kind)
    {
        driverIdle = kind;
        return this;
    }

    /** @return engine settings */
    /** @param settings the journal folder to recover from and append to, or null to run in memory only @return this */
    public NodeConfig journal(final JournalSettings settings)
    {
        journal = settings;
        return this;
    }

    /** @return the journal settings, or null when the node runs in memory only */
    public JournalSettings journal()
    {
        return journal;
    }

    /** @return engine settings */
    public EngineConfig engine()
    {
        return engine;
    }

    /** @return input ring slots */
    public int ringSize()
    {
        return ringSize;
    }

    /** @return wait strategy of the business-logic thread */
    public WaitStrategyKind waitStrategy()
    {
        return waitStrategy;
    }

    /** @return gateway settings */
    public GatewayConfig gateway()
    {
        return gateway;
    }

    /** @return external driver directory, null for embedded */
    public String externalDriverDirectory()
    {
        return externalDriverDirectory;
    }

    /** @return embedded driver directory, null for a unique one */
    public String embeddedDriverDirectory()
    {
        return embeddedDriverDirectory;
    }

    /** @return term length */
    public int termLength()
    {
        return termLength;
    }

    /** @return idle strategy of the embedded driver */
    public GatewayConfig.IdleKind driverIdle()
    {
        return driverIdle;
    }

    /**
     * @return this.
     * @throws IllegalArgumentException naming the first bad setting.
     */
    public NodeConfig validate()
    {
        if (ringSize < 1 || Integer.bitCount(ringSize) != 1)
        {
            throw new IllegalArgumentException("ring size must be a power of two, was " + ringSize);
        }
        if (termLength < 64 * 1024 || termLength > 1024 * 1024 * 1024 || Integer.bitCount(termLength) != 1)
        {
            throw new IllegalArgumentException("term length must be a power of two from 65536 to 1073741824, was " + termLength);
        }
        gateway.validate();
        return this;
    }
}
