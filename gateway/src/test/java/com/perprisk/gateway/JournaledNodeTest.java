package com.perprisk.gateway;

import com.perprisk.client.RiskClient;
import com.perprisk.engine.RiskEngine;
import com.perprisk.journal.JournalSettings;
import com.perprisk.protocol.sbe.RejectReason;
import com.perprisk.engine.pipeline.WaitStrategyKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static com.perprisk.gateway.TestNode.ADMIN_KEY;
import static com.perprisk.gateway.TestNode.BTC;
import static com.perprisk.gateway.TestNode.MM_ACCOUNT;
import static com.perprisk.gateway.TestNode.MM_KEY;
import static com.perprisk.gateway.TestNode.PRICE;
import static com.perprisk.gateway.TestNode.SIZE;
import static com.perprisk.gateway.TestNode.USDC;
import static com.perprisk.gateway.TestNode.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The process journals what its clients send: a node restarted on the same journal has the same state and goes on, with
 * a business-logic thread or with the business logic on the gateway thread (the journal changes hands at the start).
 */
final class JournaledNodeTest
{
    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(value = WaitStrategyKind.class, names = {"BLOCKING", "CALLER_RUNS"})
    void aRestartedNodeRecoversWhatClientsDidAndContinues(final WaitStrategyKind wait)
    {
        final JournalSettings journal = new JournalSettings(folder).minFreeBytes(0).snapshotEveryRecords(0);
        final long checksum;
        try (TestNode node = new TestNode(new GatewayConfig(), journal, wait);
            RiskClient admin = node.logon(ADMIN_KEY);
            RiskClient mm = node.logon(MM_KEY))
        {
            expect(RejectReason.NONE, admin, admin.markPrice(BTC, 42_000 * PRICE, 0, 0));
            expect(RejectReason.NONE, mm, mm.deposit(MM_ACCOUNT, 10_000 * USDC));
            expect(RejectReason.NONE, mm, mm.fill(MM_ACCOUNT, BTC, SIZE / 2, 42_000 * PRICE, RiskClient.FEE_FROM_SCHEDULE));
            expect(RejectReason.INSUFFICIENT_COLLATERAL, mm, mm.withdraw(MM_ACCOUNT, 20_000 * USDC));
            checksum = node.node.engine().checksum();
        }
        try (TestNode node = new TestNode(new GatewayConfig(), journal, wait);
            RiskClient mm = node.logon(MM_KEY))
        {
            assertNotNull(node.node.recovery());
            assertEquals(5, node.node.recovery().replay().applied(), "instrument, mark, deposit, fill, refused withdrawal");
            assertEquals(checksum, node.node.recovery().engine().checksum());
            expect(RejectReason.NONE, mm, mm.fill(MM_ACCOUNT, BTC, -SIZE / 2, 42_100 * PRICE, RiskClient.FEE_FROM_SCHEDULE));
            final RiskEngine engine = node.node.engine();
            assertEquals(5, engine.lastSequence(), "the new input continues the journal's sequence");
            assertEquals(0, engine.positions().size(engine.positions().find(engine.accounts().slotOf(MM_ACCOUNT), BTC)));
        }
    }
}
