package com.perprisk.gateway;

import com.perprisk.client.ClientConfig;
import com.perprisk.client.RiskClient;
import com.perprisk.client.RiskFeed;
import com.perprisk.client.RiskListener;
import com.perprisk.protocol.sbe.AccountRiskDecoder;
import com.perprisk.protocol.sbe.RejectReason;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.DatagramSocket;

import static com.perprisk.gateway.TestNode.MM_ACCOUNT;
import static com.perprisk.gateway.TestNode.MM_KEY;
import static com.perprisk.gateway.TestNode.USDC;
import static com.perprisk.gateway.TestNode.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The same protocol over UDP unicast: commands, a response channel per client, and the feed, all from configuration. */
final class UdpTransportTest
{
    @Test
    void commandsResponsesAndFeedOverUdp() throws IOException
    {
        final String commandChannel = "aeron:udp?endpoint=localhost:" + freePort();
        final String feedChannel = "aeron:udp?endpoint=localhost:" + freePort();
        final String responseChannel = "aeron:udp?endpoint=localhost:" + freePort();
        try (TestNode node = new TestNode(new GatewayConfig().commandChannel(commandChannel).feedChannel(feedChannel)))
        {
            final ClientConfig config = node.clientConfig().commandChannel(commandChannel).feedChannel(feedChannel)
                .responseChannel(responseChannel).responseStreamId(7);
            try (RiskClient client = RiskClient.connect(config);
                RiskFeed feed = client.openFeed())
            {
                assertEquals(RejectReason.NONE, client.logon(MM_KEY));
                while (!feed.isConnected())
                {
                    client.poll(RiskListener.NO_OP);
                }
                expect(RejectReason.NONE, client, client.deposit(MM_ACCOUNT, 500 * USDC));
                final long[] collateral = new long[1];
                while (collateral[0] == 0)
                {
                    feed.poll(new RiskListener()
                    {
                        @Override
                        public void onAccountRisk(final AccountRiskDecoder risk)
                        {
                            collateral[0] = risk.collateral();
                        }
                    });
                }
                assertEquals(500 * USDC, collateral[0]);
                assertEquals(1, feed.lastSequence());
            }
        }
    }

    private static int freePort() throws IOException
    {
        try (DatagramSocket socket = new DatagramSocket(0))
        {
            return socket.getLocalPort();
        }
    }
}
