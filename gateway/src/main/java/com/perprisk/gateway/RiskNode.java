package com.perprisk.gateway;

import com.perprisk.engine.RiskEngine;
import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.instrument.Instrument;
import com.perprisk.engine.pipeline.RiskPipeline;
import com.perprisk.engine.pipeline.WaitStrategyKind;
import com.perprisk.journal.ConsoleReplayProgress;
import com.perprisk.journal.DurableEngine;
import com.perprisk.journal.Recovery;
import io.aeron.Aeron;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The process: media driver (embedded unless an external one is configured), Aeron client, counters, the engine and
 * its pipeline, and the gateway thread. The one place where the pipeline is assembled: with a journal configured, the
 * engine is recovered (snapshot + replay) when the node is built and every input is journaled before it is applied.
 *
 * <p>Threads: the driver's one shared thread, the business-logic thread, the gateway thread (3, all idling by back-off
 * or blocking by default); with {@code CALLER_RUNS} the gateway thread runs the business logic itself (2 threads, no
 * hand-off to wake). {@link #start} and {@link #close} are called by one owner thread.
 */
public final class RiskNode implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(RiskNode.class);
    private static final long SHUTDOWN_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(10);

    private final MediaDriver driver;
    private final Aeron aeron;
    private final GatewayCounters counters;
    private final RiskEngine engine;
    private final RiskPipeline pipeline;
    private final DurableEngine durable;
    private final long firstSequence;
    private final Gateway gateway;
    private final AgentRunner gatewayRunner;
    private final GatewayConfig gatewayConfig;
    private boolean started;
    private boolean closed;

    /**
     * Assemble the node; nothing runs until {@link #start}.
     *
     * @param config settings (validated here).
     * @param keys   the API keys the gateway accepts.
     * @throws IllegalArgumentException for a bad setting; Aeron's exceptions if the driver cannot be reached.
     */
    public RiskNode(final NodeConfig config, final ApiKeys keys)
    {
        config.validate();
        gatewayConfig = config.gateway();
        MediaDriver launched = null;
        Aeron client = null;
        try
        {
            final String directory;
            if (config.externalDriverDirectory() == null)
            {
                final MediaDriver.Context driverContext = new MediaDriver.Context()
                    .threadingMode(ThreadingMode.SHARED)
                    .sharedIdleStrategy(config.driverIdle().create())
                    .dirDeleteOnStart(true)
                    .dirDeleteOnShutdown(true)
                    .ipcTermBufferLength(config.termLength())
                    .publicationTermBufferLength(config.termLength());
                if (config.embeddedDriverDirectory() != null)
                {
                    driverContext.aeronDirectoryName(config.embeddedDriverDirectory());
                }
                launched = MediaDriver.launchEmbedded(driverContext);
                directory = launched.aeronDirectoryName();
            }
            else
            {
                directory = config.externalDriverDirectory();
            }
            client = Aeron.connect(new Aeron.Context()
                .aeronDirectoryName(directory)
                .errorHandler(throwable -> LOG.error("aeron client error", throwable)));
            driver = launched;
            aeron = client;
            counters = new GatewayCounters(aeron);
            final OneToOneRingBuffer outbound = new OneToOneRingBuffer(new UnsafeBuffer(
                ByteBuffer.allocateDirect(config.gateway().outboundBufferBytes() + RingBufferDescriptor.TRAILER_LENGTH)));
            // The encoder waits for the gateway thread to drain a full hand-off ring; with CALLER_RUNS it is that thread.
            final DrainWhileFull drainWhileFull = config.waitStrategy() == WaitStrategyKind.CALLER_RUNS ? new DrainWhileFull() : null;
            final OutboundEncoder encoder = new OutboundEncoder(outbound, counters, drainWhileFull != null ? drainWhileFull :
                new BackoffIdleStrategy(100, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MICROSECONDS.toNanos(100)));
            if (config.journal() != null)
            {
                // Recover (snapshot + replay, outputs of the replay go nowhere), then journal every input before the engine applies it.
                durable = DurableEngine.recover(config.journal(), config.engine(), recovered -> encoder, config.ringSize(),
                    config.waitStrategy(), ConsoleReplayProgress.forThisProcess());
                engine = durable.engine();
                pipeline = durable.pipeline();
                firstSequence = durable.recovery().nextSequence();
            }
            else
            {
                durable = null;
                engine = new RiskEngine(config.engine());
                pipeline = new RiskPipeline(engine, encoder, config.ringSize(), config.waitStrategy());
                firstSequence = 0;
            }
            gateway = new Gateway(config.gateway(), aeron, keys, pipeline, outbound, counters,
                new OffsetEpochNanoClock(), new SystemNanoClock());
            if (drainWhileFull != null)
            {
                drainWhileFull.attach(gateway);
            }
            gatewayRunner = new AgentRunner(config.gateway().idle().create(),
                throwable -> LOG.error("gateway duty cycle failed", throwable), null, gateway);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(durableOrNull(), client, launched);
            throw ex;
        }
    }

    private AutoCloseable durableOrNull()
    {
        return durable;
    }

    /**
     * Start the business-logic thread (journal stage first when journaled), define the startup instruments the
     * (recovered) engine does not have yet through the pipeline, then open the gateway.
     *
     * @param instruments instruments to define before any client connects.
     * @return this.
     * @throws IllegalStateException if the engine rejects a startup instrument, or the recovered state holds another
     *                               instrument under one of their ids.
     */
    public RiskNode start(final List<Instrument> instruments)
    {
        final List<Instrument> missing = new ArrayList<>();
        for (final Instrument instrument : instruments)
        {
            final Instrument known = engine.instrument(instrument.id()); // safe: the business-logic thread is not running yet
            if (known == null)
            {
                missing.add(instrument);
            }
            else if (!known.symbol().equals(instrument.symbol()))
            {
                throw new IllegalStateException("instrument id " + instrument.id() + " is " + known.symbol() + " in the journal, "
                    + instrument.symbol() + " in the configuration");
            }
        }
        if (durable != null)
        {
            durable.start();
        }
        else
        {
            pipeline.start();
        }
        started = true;
        final CommandEvent command = new CommandEvent();
        long sequence = firstSequence - 1;
        for (final Instrument instrument : missing)
        {
            sequence = pipeline.publish(command.defineInstrument(SystemEpochNanoClock.INSTANCE.nanoTime(), 0, instrument.id(), instrument));
            if (sequence < 0)
            {
                throw new IllegalStateException("the engine accepts no input: its journal failed (see the log)");
            }
        }
        awaitProcessed(sequence + 1);
        if (counters.internalRejects.get() != 0)
        {
            throw new IllegalStateException("the engine rejected " + counters.internalRejects.get() + " of the startup instruments (duplicate ids?)");
        }
        AgentRunner.startOnThread(gatewayRunner);
        LOG.info("risk node up: aeron dir {}, commands {} stream {}, feed {} stream {}", aeron.context().aeronDirectoryName(),
            gatewayConfig.commandChannel(), gatewayConfig.commandStreamId(), gatewayConfig.feedChannel(), gatewayConfig.feedStreamId());
        return this;
    }

    /** @param inputs wait until the engine has processed the input with sequence {@code inputs - 1} (and all before it); owner thread */
    public void awaitProcessed(final long inputs)
    {
        while (firstSequence + counters.engineInputs.get() < inputs)
        {
            LockSupport.parkNanos(100_000);
        }
    }

    /** @return the Aeron directory clients (and AeronStat) use */
    public String aeronDirectoryName()
    {
        return aeron.context().aeronDirectoryName();
    }

    /** @return the gateway settings (channels and stream ids clients use) */
    public GatewayConfig gatewayConfig()
    {
        return gatewayConfig;
    }

    /** @return the node's counters */
    public GatewayCounters counters()
    {
        return counters;
    }

    /** @return what recovery found and did, or null when the node runs without a journal */
    public Recovery.Result recovery()
    {
        return durable == null ? null : durable.recovery();
    }

    /**
     * @return the engine; read it from another thread only while no input is in flight (tests read its checksum after
     *         the response to their last command)
     */
    public RiskEngine engine()
    {
        return engine;
    }

    /** Stop intake, let the engine drain, send SessionClosed(SHUTDOWN) to every session, then stop Aeron. Idempotent. */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        if (started)
        {
            gateway.closeIntake();
            final long deadline = System.nanoTime() + SHUTDOWN_TIMEOUT_NS;
            while (gatewayRunner.thread() != null && !gateway.isIntakeClosed() && System.nanoTime() < deadline)
            {
                LockSupport.parkNanos(100_000);
            }
            if (durable == null)
            {
                pipeline.close();
            }
        }
        CloseHelper.closeAll(durable, gatewayRunner, counters, aeron, driver);
        LOG.info("risk node stopped");
    }
}
