package com.perprisk.gateway;

import com.perprisk.client.RiskClient;
import com.perprisk.client.RiskFeed;
import com.perprisk.client.RiskListener;
import com.perprisk.protocol.sbe.AccountRiskDecoder;
import com.perprisk.protocol.sbe.PositionUpdateDecoder;
import com.perprisk.protocol.sbe.RejectReason;
import org.junit.jupiter.api.Test;

import static com.perprisk.gateway.TestNode.ADMIN_KEY;
import static com.perprisk.gateway.TestNode.BOT_KEY;
import static com.perprisk.gateway.TestNode.BTC;
import static com.perprisk.gateway.TestNode.PRICE;
import static com.perprisk.gateway.TestNode.SIZE;
import static com.perprisk.gateway.TestNode.USDC;
import static com.perprisk.gateway.TestNode.VICTIM_ACCOUNT;
import static com.perprisk.gateway.TestNode.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A subscriber that joins late sees a gap unless it first takes a snapshot (queries the accounts it follows) and
 * continues from the snapshot's feed sequence; then the feed follows on without a gap.
 */
final class LateJoinerTest
{
    @Test
    void lateJoinerTakesASnapshotAndContinuesWithoutAGap()
    {
        try (TestNode node = new TestNode();
            RiskClient admin = node.logon(ADMIN_KEY))
        {
            expect(RejectReason.NONE, admin, admin.markPrice(BTC, 42_000 * PRICE, 0, 0));
            expect(RejectReason.NONE, admin, admin.deposit(VICTIM_ACCOUNT, 10_000 * USDC));
            expect(RejectReason.NONE, admin, admin.fill(VICTIM_ACCOUNT, BTC, SIZE, 42_000 * PRICE, 0));
            final long published = admin.responseFeedSequence();
            assertTrue(published > 0);

            try (RiskClient bot = node.logon(BOT_KEY);
                RiskFeed synced = bot.openFeed();
                RiskFeed unsynced = bot.openFeed())
            {
                while (!synced.isConnected() || !unsynced.isConnected())
                {
                    Thread.onSpinWait();
                }
                final Snapshot snapshot = new Snapshot();
                assertEquals(RejectReason.NONE, bot.awaitResponse(bot.queryAccount(VICTIM_ACCOUNT), snapshot));
                assertEquals(published, bot.responseFeedSequence(), "the snapshot includes everything published so far");
                assertEquals(10_000 * USDC, snapshot.collateral);
                assertEquals(SIZE, snapshot.size);
                synced.resyncFrom(bot.responseFeedSequence());

                expect(RejectReason.NONE, admin, admin.deposit(VICTIM_ACCOUNT, USDC));
                final Gaps gaps = new Gaps();
                while (synced.lastSequence() <= published || unsynced.lastSequence() <= published)
                {
                    synced.poll(RiskListener.NO_OP);
                    unsynced.poll(gaps);
                }
                assertEquals(0, synced.gaps());
                assertEquals(1, unsynced.gaps());
                assertEquals(1, gaps.expected);
                assertEquals(published + 1, gaps.received);
            }
        }
    }

    static final class Snapshot implements RiskListener
    {
        long collateral;
        long size;

        @Override
        public void onAccountRisk(final AccountRiskDecoder risk)
        {
            collateral = risk.collateral();
        }

        @Override
        public void onPositionUpdate(final PositionUpdateDecoder update)
        {
            size = update.size();
        }
    }

    static final class Gaps implements RiskListener
    {
        long expected;
        long received;

        @Override
        public void onFeedGap(final long expected, final long received)
        {
            this.expected = expected;
            this.received = received;
        }
    }
}
