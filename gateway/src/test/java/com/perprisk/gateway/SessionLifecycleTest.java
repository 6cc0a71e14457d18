package com.perprisk.gateway;

import com.perprisk.client.ClientConfig;
import com.perprisk.client.RiskClient;
import com.perprisk.client.RiskListener;
import com.perprisk.protocol.sbe.DisconnectReason;
import com.perprisk.protocol.sbe.RejectReason;
import com.perprisk.protocol.sbe.Role;
import com.perprisk.protocol.sbe.SessionClosedDecoder;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.perprisk.gateway.TestNode.MM_ACCOUNT;
import static com.perprisk.gateway.TestNode.MM_KEY;
import static com.perprisk.gateway.TestNode.USDC;
import static com.perprisk.gateway.TestNode.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Logoff, shutdown and an external media driver: a session always learns why it ended. */
final class SessionLifecycleTest
{
    @Test
    void logoffEndsTheSessionWithAReasonAndLaterCommandsNeverReachTheEngine()
    {
        try (TestNode node = new TestNode();
            RiskClient client = node.logon(MM_KEY))
        {
            expect(RejectReason.NONE, client, client.deposit(MM_ACCOUNT, USDC));
            final ClosedReason closed = new ClosedReason();
            assertEquals(RejectReason.NONE, client.awaitResponse(client.logoff(), closed));
            while (client.poll(closed) >= 0)
            {
                Thread.onSpinWait();
            }
            assertEquals(DisconnectReason.LOGGED_OFF, closed.reason);

            final GatewayCounters counters = node.node.counters();
            final long toEngine = counters.commandsToEngine.get();
            final long notLoggedOn = counters.rejects(RejectReason.NOT_LOGGED_ON).get();
            assertTrue(client.deposit(MM_ACCOUNT, USDC) > 0);
            while (counters.rejects(RejectReason.NOT_LOGGED_ON).get() == notLoggedOn)
            {
                Thread.onSpinWait();
            }
            assertEquals(toEngine, counters.commandsToEngine.get());
            assertEquals(0, counters.activeSessions.get());
        }
    }

    @Test
    void shutdownTellsEverySession()
    {
        final TestNode node = new TestNode();
        try (RiskClient client = node.logon(MM_KEY))
        {
            expect(RejectReason.NONE, client, client.deposit(MM_ACCOUNT, USDC));
            node.close();
            final ClosedReason closed = new ClosedReason();
            while (client.poll(closed) >= 0)
            {
                Thread.onSpinWait();
            }
            assertEquals(DisconnectReason.SHUTDOWN, closed.reason);
        }
        finally
        {
            node.close();
        }
    }

    @Test
    void runsOnAnExternalMediaDriver()
    {
        try (MediaDriver driver = MediaDriver.launchEmbedded(new MediaDriver.Context()
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(new BackoffIdleStrategy())
            .ipcTermBufferLength(64 * 1024)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true));
            RiskNode node = new RiskNode(new NodeConfig().externalDriverDirectory(driver.aeronDirectoryName()),
                new ApiKeys().add(MM_KEY, new ApiKey("mm", Role.MARKET_MAKER, MM_ACCOUNT))).start(List.of(TestNode.btc()));
            RiskClient client = RiskClient.connect(new ClientConfig().aeronDirectoryName(driver.aeronDirectoryName())))
        {
            assertEquals(driver.aeronDirectoryName(), node.aeronDirectoryName());
            assertEquals(RejectReason.NONE, client.logon(MM_KEY));
            expect(RejectReason.NONE, client, client.deposit(MM_ACCOUNT, USDC));
        }
    }

    static final class ClosedReason implements RiskListener
    {
        DisconnectReason reason;

        @Override
        public void onSessionClosed(final SessionClosedDecoder closed)
        {
            reason = closed.reason();
        }
    }
}
