package com.perprisk.gateway;

import com.perprisk.client.InstrumentDefinition;
import com.perprisk.client.RiskClient;
import com.perprisk.protocol.sbe.FundingSource;
import com.perprisk.protocol.sbe.MarginMode;
import com.perprisk.protocol.sbe.RejectReason;
import com.perprisk.protocol.sbe.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.perprisk.gateway.TestNode.ADMIN_KEY;
import static com.perprisk.gateway.TestNode.BOT_KEY;
import static com.perprisk.gateway.TestNode.BTC;
import static com.perprisk.gateway.TestNode.LIQUIDATOR_ACCOUNT;
import static com.perprisk.gateway.TestNode.MM_ACCOUNT;
import static com.perprisk.gateway.TestNode.MM_ACCOUNT_2;
import static com.perprisk.gateway.TestNode.MM_KEY;
import static com.perprisk.gateway.TestNode.PRICE;
import static com.perprisk.gateway.TestNode.SIZE;
import static com.perprisk.gateway.TestNode.USDC;
import static com.perprisk.gateway.TestNode.VICTIM_ACCOUNT;
import static com.perprisk.gateway.TestNode.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What each role may do: the gateway answers NOT_PERMITTED (and the engine never sees the command) otherwise. */
final class PermissionsTest
{
    private static TestNode node;

    @BeforeAll
    static void start()
    {
        node = new TestNode();
    }

    @AfterAll
    static void stop()
    {
        node.close();
    }

    @Test
    void unknownKeyIsRefused()
    {
        try (RiskClient client = RiskClient.connect(node.clientConfig()))
        {
            assertEquals(RejectReason.BAD_CREDENTIALS, client.logon("not-a-key"));
        }
    }

    @Test
    void secondLogonOnTheSameSessionIsRefused()
    {
        try (RiskClient client = node.logon(MM_KEY))
        {
            assertEquals(Role.MARKET_MAKER, client.role());
            assertEquals(RejectReason.ALREADY_LOGGED_ON, client.logon(MM_KEY));
            expect(RejectReason.NONE, client, client.deposit(MM_ACCOUNT, USDC));
        }
    }

    @Test
    void commandsBeforeLogonNeverReachTheEngine()
    {
        final long before = node.node.counters().rejects(RejectReason.NOT_LOGGED_ON).get();
        final long toEngine = node.node.counters().commandsToEngine.get();
        try (RiskClient client = RiskClient.connect(node.clientConfig()))
        {
            long sent;
            do
            {
                sent = client.deposit(MM_ACCOUNT, USDC);
            }
            while (sent == RiskClient.NOT_CONNECTED);
            while (node.node.counters().rejects(RejectReason.NOT_LOGGED_ON).get() == before)
            {
                Thread.onSpinWait();
            }
        }
        assertEquals(toEngine, node.node.counters().commandsToEngine.get());
    }

    @Test
    void marketMakerActsOnItsOwnAccountsOnly()
    {
        try (RiskClient mm = node.logon(MM_KEY))
        {
            expect(RejectReason.NONE, mm, mm.deposit(MM_ACCOUNT_2, 1_000 * USDC));
            expect(RejectReason.NOT_PERMITTED, mm, mm.deposit(VICTIM_ACCOUNT, 1_000 * USDC));
            expect(RejectReason.NOT_PERMITTED, mm, mm.withdraw(VICTIM_ACCOUNT, USDC));
            expect(RejectReason.NOT_PERMITTED, mm, mm.fill(VICTIM_ACCOUNT, BTC, SIZE, 42_000 * PRICE, 0));
            expect(RejectReason.NOT_PERMITTED, mm, mm.preTradeCheck(VICTIM_ACCOUNT, BTC, SIZE, 42_000 * PRICE));
            expect(RejectReason.NOT_PERMITTED, mm, mm.queryAccount(VICTIM_ACCOUNT));
            expect(RejectReason.NOT_PERMITTED, mm, mm.setLeverage(VICTIM_ACCOUNT, BTC, 5));
            expect(RejectReason.NOT_PERMITTED, mm, mm.setMarginMode(VICTIM_ACCOUNT, BTC, MarginMode.ISOLATED));
            expect(RejectReason.NOT_PERMITTED, mm, mm.adjustIsolatedMargin(VICTIM_ACCOUNT, BTC, USDC));
            expect(RejectReason.NOT_PERMITTED, mm, mm.liquidationFill(MM_ACCOUNT, VICTIM_ACCOUNT, BTC, -SIZE, 42_000 * PRICE));
            expect(RejectReason.NOT_PERMITTED, mm, mm.markPrice(BTC, 42_000 * PRICE, 0, 0));
            expect(RejectReason.NOT_PERMITTED, mm, mm.fundingRate(BTC, 10_000, FundingSource.RATE));
            expect(RejectReason.NOT_PERMITTED, mm, mm.setLiquidator(MM_ACCOUNT, true));
            expect(RejectReason.NOT_PERMITTED, mm, mm.defineInstrument(ethDefinition(3)));
            expect(RejectReason.VALUE_OUT_OF_RANGE, mm, mm.deposit(0, USDC));
            expect(RejectReason.VALUE_OUT_OF_RANGE, mm, mm.fill(MM_ACCOUNT, 5000, SIZE, 42_000 * PRICE, 0));
        }
    }

    @Test
    void liquidatorReadsAnyAccountAndLiquidatesOnlyAsItsOwnLiquidatorAccount()
    {
        try (RiskClient bot = node.logon(BOT_KEY))
        {
            expect(RejectReason.UNKNOWN_ACCOUNT, bot, bot.queryAccount(4242));
            expect(RejectReason.NOT_PERMITTED, bot, bot.liquidationFill(MM_ACCOUNT, VICTIM_ACCOUNT, BTC, -SIZE, 42_000 * PRICE));
            expect(RejectReason.NOT_LIQUIDATOR, bot, bot.liquidationFill(LIQUIDATOR_ACCOUNT, VICTIM_ACCOUNT, BTC, -SIZE, 42_000 * PRICE));
            expect(RejectReason.NOT_PERMITTED, bot, bot.fill(MM_ACCOUNT, BTC, SIZE, 42_000 * PRICE, 0));
            expect(RejectReason.NOT_PERMITTED, bot, bot.markPrice(BTC, 42_000 * PRICE, 0, 0));
        }
    }

    @Test
    void adminDefinesInstrumentsAndTheirDefinitionsAreChecked()
    {
        try (RiskClient admin = node.logon(ADMIN_KEY))
        {
            expect(RejectReason.NONE, admin, admin.defineInstrument(ethDefinition(2)));
            expect(RejectReason.INSTRUMENT_EXISTS, admin, admin.defineInstrument(ethDefinition(2)));
            expect(RejectReason.VALUE_OUT_OF_RANGE, admin, admin.defineInstrument(new InstrumentDefinition(5, "NO-TIERS")));
            expect(RejectReason.VALUE_OUT_OF_RANGE, admin, admin.defineInstrument(ethDefinition(6).tier(0, 0, InstrumentDefinition.DERIVED, 0)));
            expect(RejectReason.INVALID_INSTRUMENT, admin, admin.defineInstrument(new InstrumentDefinition(7, "BAD-MMR")
                .tier(0, 10, 20_000_000, InstrumentDefinition.DERIVED)));
            expect(RejectReason.VALUE_OUT_OF_RANGE, admin, admin.defineInstrument(new InstrumentDefinition(8, "BAD SYMBOL")
                .tier(0, 10, InstrumentDefinition.DERIVED, InstrumentDefinition.DERIVED)));
            expect(RejectReason.NONE, admin, admin.markPrice(2, 2_500 * PRICE, 0, 0));
            expect(RejectReason.NONE, admin, admin.fundingRate(2, 10_000, FundingSource.RATE));
            expect(RejectReason.NONE, admin, admin.deposit(MM_ACCOUNT, USDC));
        }
    }

    private static InstrumentDefinition ethDefinition(final int id)
    {
        return new InstrumentDefinition(id, "ETH-PERP-" + id)
            .decimals(2, 3)
            .limits(1_000_000 * PRICE, 0)
            .fees(1_000_000, 50_000)
            .tier(0, 50, InstrumentDefinition.DERIVED, InstrumentDefinition.DERIVED)
            .tier(500_000 * USDC, 20, 2_500_000, InstrumentDefinition.DERIVED);
    }
}
