package com.perprisk.gateway;

import com.perprisk.client.RiskClient;
import com.perprisk.client.RiskListener;
import com.perprisk.protocol.sbe.DisconnectReason;
import com.perprisk.protocol.sbe.RejectReason;
import com.perprisk.protocol.sbe.SessionClosedDecoder;
import org.junit.jupiter.api.Test;

import static com.perprisk.gateway.TestNode.MM_ACCOUNT;
import static com.perprisk.gateway.TestNode.MM_KEY;
import static com.perprisk.gateway.TestNode.USDC;
import static com.perprisk.gateway.TestNode.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A client that never reads its responses is disconnected with a reason and counted; the others are still served. */
final class SlowConsumerTest
{
    @Test
    void clientThatDoesNotReadIsDisconnectedWithAReasonAndOthersAreServed()
    {
        try (TestNode node = new TestNode();
            RiskClient slow = node.logon(MM_KEY);
            RiskClient good = node.logon(MM_KEY))
        {
            expect(RejectReason.NONE, good, good.deposit(MM_ACCOUNT, 1_000 * USDC));
            final GatewayCounters counters = node.node.counters();
            while (counters.slowConsumerDisconnects.get() == 0)
            {
                assertTrue(slow.queryAccount(MM_ACCOUNT) > 0, "the command stream stays open to the slow client");
                if (good.poll(RiskListener.NO_OP) < 0)
                {
                    break;
                }
            }
            assertEquals(1, counters.slowConsumerDisconnects.get());

            final DisconnectReason[] reason = new DisconnectReason[1];
            final RiskListener closedListener = new RiskListener()
            {
                @Override
                public void onSessionClosed(final SessionClosedDecoder closed)
                {
                    reason[0] = closed.reason();
                }
            };
            while (slow.poll(closedListener) >= 0)
            {
                Thread.onSpinWait();
            }
            assertTrue(slow.isClosedByGateway());
            assertEquals(DisconnectReason.SLOW_CONSUMER, reason[0]);

            expect(RejectReason.NONE, good, good.queryAccount(MM_ACCOUNT));
            expect(RejectReason.NONE, good, good.deposit(MM_ACCOUNT, USDC));
            assertEquals(1, counters.activeSessions.get());
        }
    }
}
