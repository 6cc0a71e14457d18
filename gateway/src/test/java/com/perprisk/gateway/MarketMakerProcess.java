package com.perprisk.gateway;

import com.perprisk.client.ClientConfig;
import com.perprisk.client.RiskClient;
import com.perprisk.client.RiskListener;
import com.perprisk.protocol.sbe.MessageHeaderEncoder;
import com.perprisk.protocol.sbe.PositionUpdateDecoder;
import com.perprisk.protocol.sbe.RejectReason;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.concurrent.TimeUnit;

import static com.perprisk.gateway.TestNode.BTC;
import static com.perprisk.gateway.TestNode.MM_ACCOUNT;
import static com.perprisk.gateway.TestNode.MM_KEY;
import static com.perprisk.gateway.TestNode.PRICE;
import static com.perprisk.gateway.TestNode.SIZE;
import static com.perprisk.gateway.TestNode.USDC;
import static com.perprisk.gateway.TestNode.VICTIM_ACCOUNT;

/**
 * The market maker of {@link GatewayEndToEndTest}, run in its own JVM: logs on, trades, provokes rejects, and prints
 * one line per outcome for the test to compare. Exit code 0 unless something could not be sent.
 */
public final class MarketMakerProcess
{
    private MarketMakerProcess()
    {
    }

    /** @param args the Aeron directory of the node. */
    public static void main(final String[] args)
    {
        final ClientConfig config = new ClientConfig().aeronDirectoryName(args[0]).connectTimeoutNs(TimeUnit.SECONDS.toNanos(20));
        try (RiskClient client = RiskClient.connect(config))
        {
            System.out.println("logon " + client.logon(MM_KEY));
            report(client, "deposit", client.deposit(MM_ACCOUNT, 10_000 * USDC), RiskListener.NO_OP);
            final long[] size = new long[1];
            report(client, "fill", client.fill(MM_ACCOUNT, BTC, SIZE / 2, 42_000 * PRICE, RiskClient.FEE_FROM_SCHEDULE), new RiskListener()
            {
                @Override
                public void onPositionUpdate(final PositionUpdateDecoder update)
                {
                    size[0] = update.size();
                }
            });
            System.out.printf("position %+.3f BTC%n", size[0] / (double)SIZE);
            report(client, "leverage", client.setLeverage(MM_ACCOUNT, BTC, 10), RiskListener.NO_OP);
            report(client, "pre-trade too large", client.preTradeCheck(MM_ACCOUNT, BTC, 10 * SIZE, 42_000 * PRICE), RiskListener.NO_OP);
            report(client, "fill on another's account", client.fill(VICTIM_ACCOUNT, BTC, SIZE, 42_000 * PRICE, 0), RiskListener.NO_OP);
            report(client, "mark price as market maker", client.markPrice(BTC, 1 * PRICE, 0, 0), RiskListener.NO_OP);
            report(client, "withdraw too much", client.withdraw(MM_ACCOUNT, 9_900 * USDC), RiskListener.NO_OP);

            final UnsafeBuffer frame = new UnsafeBuffer(new byte[MessageHeaderEncoder.ENCODED_LENGTH + 8 + 3]);
            new MessageHeaderEncoder().wrap(frame, 0).blockLength(8).templateId(10).schemaId(MessageHeaderEncoder.SCHEMA_ID).version(1);
            final long correlationId = 424_242;
            frame.putLong(MessageHeaderEncoder.ENCODED_LENGTH, correlationId);
            report(client, "malformed frame", client.sendRaw(frame, 0, frame.capacity()) < 0 ? -1 : correlationId, RiskListener.NO_OP);

            report(client, "unknown instrument", client.fill(MM_ACCOUNT, 99, SIZE, 42_000 * PRICE, 0), RiskListener.NO_OP);
            report(client, "query", client.queryAccount(MM_ACCOUNT), RiskListener.NO_OP);
            report(client, "logoff", client.logoff(), RiskListener.NO_OP);
        }
    }

    private static void report(final RiskClient client, final String what, final long correlationId, final RiskListener listener)
    {
        if (correlationId < 0)
        {
            System.err.println(what + ": send failed " + correlationId);
            System.exit(1);
        }
        final RejectReason reason = client.awaitResponse(correlationId, listener);
        System.out.println(what + " " + reason);
    }
}
