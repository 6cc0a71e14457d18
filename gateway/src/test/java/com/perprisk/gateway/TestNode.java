package com.perprisk.gateway;

import com.perprisk.client.ClientConfig;
import com.perprisk.client.RiskClient;
import com.perprisk.engine.instrument.Instrument;
import com.perprisk.engine.pipeline.WaitStrategyKind;
import com.perprisk.journal.JournalSettings;
import com.perprisk.protocol.sbe.RejectReason;
import com.perprisk.protocol.sbe.Role;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A running node for tests: embedded driver (small terms, its own /dev/shm directory, deleted on close), fixed keys, BTC-PERP. */
final class TestNode implements AutoCloseable
{
    static final String ADMIN_KEY = "admin-secret";
    static final String MM_KEY = "mm-secret";
    static final String VICTIM_KEY = "victim-secret";
    static final String BOT_KEY = "bot-secret";
    /** A market maker key that owns no account: nothing it sends may reach the engine. */
    static final String NO_ACCOUNTS_KEY = "empty-secret";
    static final long MM_ACCOUNT = 1;
    static final long MM_ACCOUNT_2 = 2;
    static final long VICTIM_ACCOUNT = 7;
    static final long LIQUIDATOR_ACCOUNT = 900;
    static final int BTC = 1;
    static final long PRICE = 100_000_000L;
    static final long SIZE = 100_000_000L;
    static final long USDC = 1_000_000L;

    final RiskNode node;

    TestNode()
    {
        this(new GatewayConfig());
    }

    TestNode(final GatewayConfig gateway)
    {
        this(gateway, null);
    }

    /** @param journal the journal to recover from and append to, or null for an in-memory node */
    TestNode(final GatewayConfig gateway, final JournalSettings journal)
    {
        this(gateway, journal, WaitStrategyKind.BLOCKING);
    }

    /**
     * @param journal the journal to recover from and append to, or null for an in-memory node
     * @param wait    how the business logic waits for input (CALLER_RUNS: on the gateway thread)
     */
    TestNode(final GatewayConfig gateway, final JournalSettings journal, final WaitStrategyKind wait)
    {
        final ApiKeys keys = new ApiKeys()
            .add(ADMIN_KEY, new ApiKey("admin", Role.ADMIN))
            .add(MM_KEY, new ApiKey("mm", Role.MARKET_MAKER, MM_ACCOUNT, MM_ACCOUNT_2))
            .add(VICTIM_KEY, new ApiKey("victim", Role.MARKET_MAKER, VICTIM_ACCOUNT))
            .add(BOT_KEY, new ApiKey("bot", Role.LIQUIDATOR, LIQUIDATOR_ACCOUNT))
            .add(NO_ACCOUNTS_KEY, new ApiKey("empty", Role.MARKET_MAKER));
        node = new RiskNode(new NodeConfig().termLength(64 * 1024).gateway(gateway).journal(journal).waitStrategy(wait), keys).start(List.of(btc()));
    }

    static Instrument btc()
    {
        return Instrument.builder(BTC, "BTC-PERP")
            .priceDecimals(1)
            .sizeDecimals(3)
            .tier(0, 100, Instrument.DERIVED, Instrument.DERIVED)
            .tier(1_000_000 * USDC, 50, Instrument.DERIVED, Instrument.DERIVED)
            .liquidationFeeRate(1_250_000)
            .takerFeeRate(50_000)
            .maxPrice(10_000_000 * PRICE)
            .maxPositionSize(500 * SIZE)
            .build();
    }

    String aeronDirectory()
    {
        return node.aeronDirectoryName();
    }

    ClientConfig clientConfig()
    {
        return new ClientConfig().aeronDirectoryName(aeronDirectory()).connectTimeoutNs(TimeUnit.SECONDS.toNanos(20));
    }

    RiskClient logon(final String key)
    {
        final RiskClient client = RiskClient.connect(clientConfig());
        assertEquals(RejectReason.NONE, client.logon(key));
        return client;
    }

    /** Send a command and require its response's reason. */
    static void expect(final RejectReason reason, final RiskClient client, final long correlationId)
    {
        assertEquals(true, correlationId > 0, "send failed: " + correlationId);
        assertEquals(reason, client.awaitResponse(correlationId, com.perprisk.client.RiskListener.NO_OP));
    }

    @Override
    public void close()
    {
        node.close();
    }
}
