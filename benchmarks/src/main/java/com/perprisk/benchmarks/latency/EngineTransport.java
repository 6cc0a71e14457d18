package com.perprisk.benchmarks.latency;

import com.perprisk.client.ClientConfig;
import com.perprisk.client.RiskClient;
import com.perprisk.client.RiskListener;
import com.perprisk.engine.instrument.Instrument;
import com.perprisk.engine.pipeline.WaitStrategyKind;
import com.perprisk.gateway.ApiKey;
import com.perprisk.gateway.ApiKeys;
import com.perprisk.gateway.GatewayConfig;
import com.perprisk.gateway.NodeConfig;
import com.perprisk.gateway.RiskNode;
import com.perprisk.journal.JournalSettings;
import com.perprisk.protocol.sbe.CommandResponseDecoder;
import com.perprisk.protocol.sbe.RejectReason;
import com.perprisk.protocol.sbe.Role;
import org.agrona.CloseHelper;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The engine end to end as an {@link OpenLoopTransport}: a {@link RiskNode} (gateway thread, business-logic thread,
 * journal stage when journaled) on the harness's media driver, and a {@link RiskClient} logged on with an admin key
 * that sends pre-trade checks and fills for one funded account with {@link RiskClient#tryPreTradeCheck} and
 * {@link RiskClient#tryFill} (one offer, no retry: the driver retries later, keeping the planned time). Command
 * {@code k} of a step has correlation id {@code base + k}, {@code base} being the client's next id when the step began
 * (a refused try-send uses no id); the one {@code CommandResponse} of each maps back to {@code k}.
 *
 * <p>The gateway keeps a 4 MiB backlog per session and a 10 s slow-consumer timeout, so a client that falls behind at
 * saturation is not disconnected while the driver still reads.
 *
 * <p>Threading: built, driven and closed by the generator thread; the node's threads are its own.
 */
public final class EngineTransport implements OpenLoopTransport, AutoCloseable
{
    /** The account every command is for. */
    public static final long ACCOUNT = 1;
    /** BTC-PERP. */
    public static final int INSTRUMENT = 1;
    /** Price 42,000 (price scale 1e8). */
    public static final long PRICE = 42_000L * 100_000_000L;
    /** Order and fill size 0.01 BTC (size scale 1e8). */
    public static final long SIZE = 1_000_000L;

    private static final long USDC = 1_000_000L;
    private static final String KEY = "latency-harness-admin";
    private static final int RESPONSE_STREAM_ID = 1003;

    private final RiskNode node;
    private final RiskClient client;
    private final CommandMix mix;
    private final RiskListener listener = new RiskListener()
    {
        @Override
        public void onCommandResponse(final CommandResponseDecoder response)
        {
            onAnswer(response.correlationId(), response.reasonRaw());
        }
    };
    private ResponseSink sink;
    private long base;
    private long rejected;
    private int lastRejectCode;

    private EngineTransport(final RiskNode node, final RiskClient client, final CommandMix mix)
    {
        this.node = node;
        this.client = client;
        this.mix = mix;
    }

    /**
     * Start a node on the given media driver, log a client on, set the mark price and fund the account.
     *
     * @param aeronDirectory  the running media driver's directory.
     * @param commandChannel  command stream channel (gateway subscribes, client publishes).
     * @param responseChannel the client's response channel.
     * @param feedChannel     risk feed channel (nobody subscribes here).
     * @param journal         journal settings, or null for no journal.
     * @param gatewayIdle     idle strategy of the gateway thread.
     * @param engineWait      wait strategy of the business-logic thread.
     * @param ringSize        engine input ring slots.
     * @param mix             which commands to send.
     * @return the transport, ready for a step.
     * @throws IllegalStateException if the node does not accept the logon or the set-up commands.
     */
    public static EngineTransport start(
        final String aeronDirectory,
        final String commandChannel,
        final String responseChannel,
        final String feedChannel,
        final JournalSettings journal,
        final GatewayConfig.IdleKind gatewayIdle,
        final WaitStrategyKind engineWait,
        final int ringSize,
        final CommandMix mix)
    {
        final GatewayConfig gateway = new GatewayConfig()
            .commandChannel(commandChannel)
            .feedChannel(feedChannel)
            .idle(gatewayIdle)
            .sessionBacklogBytes(4 * 1024 * 1024)
            .slowConsumerTimeoutNs(TimeUnit.SECONDS.toNanos(10));
        final NodeConfig config = new NodeConfig()
            .externalDriverDirectory(aeronDirectory)
            .ringSize(ringSize)
            .waitStrategy(engineWait)
            .gateway(gateway)
            .journal(journal);
        final RiskNode node = new RiskNode(config, new ApiKeys().add(KEY, new ApiKey("latency-harness", Role.ADMIN)));
        RiskClient client = null;
        try
        {
            node.start(List.of(btc()));
            client = RiskClient.connect(new ClientConfig()
                .aeronDirectoryName(aeronDirectory)
                .commandChannel(commandChannel)
                .responseChannel(responseChannel)
                .responseStreamId(RESPONSE_STREAM_ID)
                .feedChannel(feedChannel)
                .connectTimeoutNs(TimeUnit.SECONDS.toNanos(20)));
            require(client.logon(KEY), "logon");
            require(client.awaitResponse(client.markPrice(INSTRUMENT, PRICE, 0, 0), RiskListener.NO_OP), "mark price");
            require(client.awaitResponse(client.deposit(ACCOUNT, 1_000_000_000L * USDC), RiskListener.NO_OP), "deposit");
            return new EngineTransport(node, client, mix);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(client, node);
            throw ex;
        }
    }

    /**
     * @return BTC-PERP as the harness defines it: two tiers, taker fee 0.05%, no oracle staleness limit (a long run
     *         must not see its one mark price go stale)
     */
    static Instrument btc()
    {
        return Instrument.builder(INSTRUMENT, "BTC-PERP")
            .priceDecimals(1)
            .sizeDecimals(3)
            .tier(0, 100, Instrument.DERIVED, Instrument.DERIVED)
            .tier(1_000_000 * USDC, 50, Instrument.DERIVED, Instrument.DERIVED)
            .liquidationFeeRate(1_250_000)
            .takerFeeRate(50_000)
            .maxPrice(10_000_000L * 100_000_000L)
            .maxPositionSize(500L * 100_000_000L)
            .build();
    }

    @Override
    public void beginStep()
    {
        base = client.nextCorrelationId();
    }

    @Override
    public boolean trySend(final long command)
    {
        final long size = mix.side(command) * SIZE;
        final long result = mix.isFill(command) ?
            client.tryFill(ACCOUNT, INSTRUMENT, size, PRICE, RiskClient.FEE_FROM_SCHEDULE) :
            client.tryPreTradeCheck(ACCOUNT, INSTRUMENT, size, PRICE);
        if (result > 0)
        {
            if (result != base + command)
            {
                throw new IllegalStateException("command " + command + " got correlation id " + result + ", expected " + (base + command));
            }
            return true;
        }
        if (result == RiskClient.BACK_PRESSURED)
        {
            return false;
        }
        throw new IllegalStateException("the gateway's command stream is not connected");
    }

    @Override
    public int poll(final ResponseSink sink)
    {
        this.sink = sink;
        final int read = client.poll(listener);
        if (read < 0)
        {
            throw new IllegalStateException("the gateway closed the session (slow consumer or shutdown)");
        }
        return read;
    }

    private void onAnswer(final long correlationId, final int reasonCode)
    {
        if (reasonCode != RejectReason.NONE.value())
        {
            rejected++;
            lastRejectCode = reasonCode;
        }
        sink.onResponse(correlationId - base); // an answer to no command of this step is counted by the recorder and fails the step
    }

    /** @return answers that were not NONE, all steps so far */
    public long rejected()
    {
        return rejected;
    }

    /** @return raw reason code of the last answer that was not NONE */
    public int lastRejectCode()
    {
        return lastRejectCode;
    }

    /** @return the node (its counters) */
    public RiskNode node()
    {
        return node;
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(client, node);
    }

    private static void require(final RejectReason reason, final String what)
    {
        if (reason != RejectReason.NONE)
        {
            throw new IllegalStateException(what + " was not accepted by the node: " + reason);
        }
    }
}
