package com.perprisk.gateway;

import com.perprisk.client.RiskClient;
import com.perprisk.client.RiskFeed;
import com.perprisk.client.RiskListener;
import com.perprisk.protocol.sbe.LiquidationCandidateDecoder;
import com.perprisk.protocol.sbe.PositionChange;
import com.perprisk.protocol.sbe.PositionUpdateDecoder;
import com.perprisk.protocol.sbe.RejectReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.perprisk.gateway.TestNode.ADMIN_KEY;
import static com.perprisk.gateway.TestNode.BOT_KEY;
import static com.perprisk.gateway.TestNode.BTC;
import static com.perprisk.gateway.TestNode.LIQUIDATOR_ACCOUNT;
import static com.perprisk.gateway.TestNode.PRICE;
import static com.perprisk.gateway.TestNode.SIZE;
import static com.perprisk.gateway.TestNode.USDC;
import static com.perprisk.gateway.TestNode.VICTIM_ACCOUNT;
import static com.perprisk.gateway.TestNode.VICTIM_KEY;
import static com.perprisk.gateway.TestNode.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end over a real embedded media driver: a market maker in a separate JVM trades and gets the right rejects;
 * a liquidation bot on the feed receives the candidate and its liquidation fill is applied.
 */
final class GatewayEndToEndTest
{
    private TestNode node;

    @BeforeEach
    void start()
    {
        node = new TestNode();
    }

    @AfterEach
    void stop()
    {
        node.close();
    }

    @Test
    void marketMakerInAnotherProcessTradesAndGetsTheRightRejects() throws Exception
    {
        final String java = ProcessHandle.current().info().command().orElse("java");
        final List<String> command = new ArrayList<>(List.of(java, "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "-cp", System.getProperty("java.class.path"), MarketMakerProcess.class.getName(), node.aeronDirectory()));
        final Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        final List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
        {
            for (String line = out.readLine(); line != null; line = out.readLine())
            {
                lines.add(line);
            }
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "client process did not exit");
        assertEquals(0, process.exitValue(), "client process failed: " + lines);
        assertEquals(List.of(
            "logon NONE",
            "deposit NONE",
            "fill NONE",
            "position +0.500 BTC",
            "leverage NONE",
            "pre-trade too large INSUFFICIENT_MARGIN",
            "fill on another's account NOT_PERMITTED",
            "mark price as market maker NOT_PERMITTED",
            "withdraw too much INSUFFICIENT_MARGIN",
            "malformed frame MALFORMED",
            "unknown instrument UNKNOWN_INSTRUMENT",
            "query NONE",
            "logoff NONE"), lines);
        assertEquals(1, node.node.counters().rejects(RejectReason.MALFORMED).get());
        assertEquals(2, node.node.counters().rejects(RejectReason.NOT_PERMITTED).get());
    }

    @Test
    void botOnTheFeedLiquidatesTheCandidateAndItsFillIsApplied()
    {
        try (RiskClient admin = node.logon(ADMIN_KEY);
            RiskClient victim = node.logon(VICTIM_KEY);
            RiskClient bot = node.logon(BOT_KEY);
            RiskFeed feed = bot.openFeed())
        {
            expect(RejectReason.NONE, admin, admin.deposit(LIQUIDATOR_ACCOUNT, 1_000 * USDC));
            expect(RejectReason.NONE, admin, admin.setLiquidator(LIQUIDATOR_ACCOUNT, true));
            expect(RejectReason.NONE, admin, admin.markPrice(BTC, 42_000 * PRICE, 0, 0));
            expect(RejectReason.NONE, victim, victim.deposit(VICTIM_ACCOUNT, 1_000 * USDC));
            expect(RejectReason.NONE, victim, victim.fill(VICTIM_ACCOUNT, BTC, SIZE, 42_000 * PRICE, 0));
            while (!feed.isConnected())
            {
                Thread.onSpinWait();
            }
            expect(RejectReason.NONE, bot, bot.queryAccount(VICTIM_ACCOUNT));
            feed.resyncFrom(bot.responseFeedSequence());

            expect(RejectReason.NONE, admin, admin.markPrice(BTC, 41_000 * PRICE, 0, 0));

            final CandidateCatcher catcher = new CandidateCatcher();
            while (catcher.account == 0)
            {
                feed.poll(catcher);
            }
            assertEquals(VICTIM_ACCOUNT, catcher.account);
            assertEquals(BTC, catcher.instrument);
            assertTrue(catcher.sizeToClose > 0 && catcher.sizeToClose <= SIZE, "size to close " + catcher.sizeToClose);
            assertEquals(0, feed.gaps());

            final PositionCatcher positions = new PositionCatcher();
            expect(RejectReason.NONE, bot, bot.liquidationFill(LIQUIDATOR_ACCOUNT, VICTIM_ACCOUNT, BTC, -catcher.sizeToClose, catcher.markPrice));
            while (positions.liquidated == 0)
            {
                feed.poll(positions);
            }
            assertEquals(SIZE - catcher.sizeToClose, positions.sizeAfter);
        }
    }

    static final class CandidateCatcher implements RiskListener
    {
        long account;
        int instrument;
        long sizeToClose;
        long markPrice;

        @Override
        public void onLiquidationCandidate(final LiquidationCandidateDecoder candidate)
        {
            account = candidate.accountId();
            instrument = candidate.instrumentId();
            sizeToClose = candidate.sizeToClose();
            markPrice = candidate.markPrice();
        }
    }

    static final class PositionCatcher implements RiskListener
    {
        int liquidated;
        long sizeAfter;

        @Override
        public void onPositionUpdate(final PositionUpdateDecoder update)
        {
            if (update.change() == PositionChange.LIQUIDATED)
            {
                liquidated++;
                sizeAfter = update.size();
            }
        }
    }
}
