package com.perprisk.gateway;

import com.perprisk.client.ClientConfig;
import com.perprisk.client.RiskClient;
import com.perprisk.client.RiskFeed;
import com.perprisk.client.RiskListener;
import com.perprisk.engine.EngineConfig;
import com.perprisk.engine.LiquidationDetection;
import com.perprisk.engine.pipeline.WaitStrategyKind;
import com.perprisk.protocol.sbe.AccountRiskDecoder;
import com.perprisk.protocol.sbe.RejectReason;
import com.perprisk.protocol.sbe.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.perprisk.gateway.TestNode.BTC;
import static com.perprisk.gateway.TestNode.PRICE;
import static com.perprisk.gateway.TestNode.SIZE;
import static com.perprisk.gateway.TestNode.USDC;
import static com.perprisk.gateway.TestNode.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The business logic on the gateway thread (CALLER_RUNS): one command whose outputs overflow the hand-off ring (a
 * full-scan mark tick over 1,000 holders: 1,000 account-risk messages, ~100 KiB, into a 64 KiB ring) is drained by
 * the gateway thread in the middle of the command instead of waiting for itself, and every output arrives.
 */
final class CallerRunsNodeTest
{
    private static final int ACCOUNTS = 1_000;

    @Test
    void aCommandWhoseOutputsOverflowTheHandOffRingIsDrainedByTheGatewayThreadItself()
    {
        final long[] owned = new long[ACCOUNTS];
        for (int i = 0; i < ACCOUNTS; i++)
        {
            owned[i] = i + 1;
        }
        final ApiKeys keys = new ApiKeys()
            .add("admin", new ApiKey("admin", Role.ADMIN))
            .add("mm", new ApiKey("mm", Role.MARKET_MAKER, owned));
        final NodeConfig config = new NodeConfig().termLength(1024 * 1024).waitStrategy(WaitStrategyKind.CALLER_RUNS)
            .engine(new EngineConfig().detection(LiquidationDetection.FULL_SCAN))
            .gateway(new GatewayConfig().outboundBufferBytes(64 * 1024));
        try (RiskNode node = new RiskNode(config, keys).start(List.of(TestNode.btc()));
            RiskClient admin = logon(node, "admin");
            RiskClient mm = logon(node, "mm"))
        {
            expect(RejectReason.NONE, admin, admin.markPrice(BTC, 42_000 * PRICE, 0, 0));
            for (long account = 1; account <= ACCOUNTS; account++)
            {
                expect(RejectReason.NONE, mm, mm.deposit(account, 10_000 * USDC));
                expect(RejectReason.NONE, mm, mm.fill(account, BTC, SIZE / 10, 42_000 * PRICE, 0));
            }
            final long waitsBefore = node.counters().outboundWaits.get();
            final int[] risks = new int[1];
            try (RiskFeed feed = mm.openFeed())
            {
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (!feed.isConnected())
                {
                    assertTrue(System.nanoTime() < deadline, "feed connects");
                    Thread.onSpinWait();
                }
                final RiskListener counter = new RiskListener()
                {
                    @Override
                    public void onAccountRisk(final AccountRiskDecoder risk)
                    {
                        risks[0]++;
                    }
                };
                // Everything up to the last fill's response is behind this subscriber: continue from there.
                feed.resyncFrom(mm.responseFeedSequence());
                expect(RejectReason.NONE, admin, admin.markPrice(BTC, 41_000 * PRICE, 0, 0));
                while (risks[0] < ACCOUNTS && System.nanoTime() < deadline)
                {
                    if (feed.poll(counter) == 0)
                    {
                        Thread.onSpinWait();
                    }
                }
                assertEquals(0, feed.gaps(), "no feed message lost");
            }
            assertEquals(ACCOUNTS, risks[0], "one account risk per holder on the full-scan tick");
            assertTrue(node.counters().outboundWaits.get() > waitsBefore, "the hand-off ring was full during the tick");
            assertEquals(2 + 2L * ACCOUNTS, node.engine().lastSequence(), "instrument, two marks, a deposit and a fill per account");
        }
    }

    private static RiskClient logon(final RiskNode node, final String key)
    {
        final RiskClient client = RiskClient.connect(new ClientConfig().aeronDirectoryName(node.aeronDirectoryName())
            .connectTimeoutNs(TimeUnit.SECONDS.toNanos(20)));
        assertEquals(RejectReason.NONE, client.logon(key));
        return client;
    }
}
