package com.perprisk.gateway;

import com.perprisk.client.RiskClient;
import com.perprisk.client.sample.LiquidationBotSample;
import com.perprisk.client.sample.MarketMakerSample;
import com.perprisk.protocol.sbe.RejectReason;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static com.perprisk.gateway.TestNode.ADMIN_KEY;
import static com.perprisk.gateway.TestNode.BOT_KEY;
import static com.perprisk.gateway.TestNode.BTC;
import static com.perprisk.gateway.TestNode.LIQUIDATOR_ACCOUNT;
import static com.perprisk.gateway.TestNode.MM_ACCOUNT;
import static com.perprisk.gateway.TestNode.MM_KEY;
import static com.perprisk.gateway.TestNode.PRICE;
import static com.perprisk.gateway.TestNode.SIZE;
import static com.perprisk.gateway.TestNode.USDC;
import static com.perprisk.gateway.TestNode.VICTIM_ACCOUNT;
import static com.perprisk.gateway.TestNode.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two samples work against a real node: the market maker trades and hedges, the bot liquidates what it sees. */
final class SamplesTest
{
    @Test
    void marketMakerTradesAndTheBotLiquidatesTheCandidate() throws InterruptedException
    {
        final StringWriter text = new StringWriter();
        final PrintWriter out = new PrintWriter(text, true);
        try (TestNode node = new TestNode();
            RiskClient admin = node.logon(ADMIN_KEY))
        {
            expect(RejectReason.NONE, admin, admin.markPrice(BTC, 42_000 * PRICE, 0, 0));
            expect(RejectReason.NONE, admin, admin.deposit(LIQUIDATOR_ACCOUNT, 1_000 * USDC));
            expect(RejectReason.NONE, admin, admin.setLiquidator(LIQUIDATOR_ACCOUNT, true));
            expect(RejectReason.NONE, admin, admin.deposit(VICTIM_ACCOUNT, 1_000 * USDC));
            expect(RejectReason.NONE, admin, admin.fill(VICTIM_ACCOUNT, BTC, SIZE, 42_000 * PRICE, 0));

            final LiquidationBotSample bot = new LiquidationBotSample(node.clientConfig(), BOT_KEY, LIQUIDATOR_ACCOUNT, out);
            final Thread botThread = new Thread(bot, "bot");
            botThread.start();
            while (!text.toString().contains("[bot] logged on"))
            {
                Thread.onSpinWait();
            }

            new MarketMakerSample(node.clientConfig(), MM_KEY, MM_ACCOUNT, BTC, 42_000 * PRICE, 1_000_000, 2_000_000, 0, 12, out).run();
            final String trades = text.toString();
            assertTrue(trades.contains("[mm] deposit 100000 USDC: NONE"), trades);
            assertEquals(12, trades.lines().filter(line -> line.startsWith("[mm] ") && line.contains(" -> position ")).count(), trades);
            assertTrue(trades.contains("[mm] hedge"), trades);

            expect(RejectReason.NONE, admin, admin.markPrice(BTC, 41_000 * PRICE, 0, 0));
            while (bot.liquidations() == 0)
            {
                Thread.onSpinWait();
            }
            bot.stop();
            botThread.join();
            assertTrue(text.toString().contains("[bot] candidate: account " + VICTIM_ACCOUNT), text.toString());
            assertTrue(text.toString().contains("[bot] liquidation fill -1.000 on account " + VICTIM_ACCOUNT + ": NONE"), text.toString());
        }
    }
}
