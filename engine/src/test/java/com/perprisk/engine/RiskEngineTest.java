package com.perprisk.engine;

import com.perprisk.engine.command.RejectReason;
import com.perprisk.engine.event.PositionChange;
import com.perprisk.engine.instrument.Instrument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.perprisk.engine.EngineFixture.price;
import static com.perprisk.engine.EngineFixture.quote;
import static com.perprisk.engine.EngineFixture.rate;
import static com.perprisk.engine.EngineFixture.size;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RiskEngineTest
{
    private static final int BTC = 1;
    private EngineFixture f;

    @BeforeEach
    void setUp()
    {
        f = new EngineFixture();
        f.define(Instrument.builder(BTC, "BTC-PERP").priceDecimals(1).sizeDecimals(3)
            .tier(0, 50, Instrument.DERIVED, Instrument.DERIVED)
            .tier(quote("100000"), 20, Instrument.DERIVED, Instrument.DERIVED)
            .liquidationFeeRate(rate("0.01")).takerFeeRate(rate("0.0005")).fundingClampRate(rate("0.005"))
            .priceBandRate(rate("0.05")).maxPrice(price("1000000")).build());
        f.deposit(1, "10000");
    }

    @Test
    void fillLifecycleOpensIncreasesReducesFlipsAndCloses()
    {
        assertEquals(0, f.fill(1, BTC, "0.5", "40000"));
        assertEquals(PositionChange.OPENED, f.position(BTC).change());
        assertEquals(0, f.fill(1, BTC, "0.5", "42000"));
        assertEquals(PositionChange.INCREASED, f.position(BTC).change());
        assertEquals(price("41000"), f.position(BTC).entry(), "size-weighted average");
        assertEquals(0, f.fill(1, BTC, "-0.4", "43000"));
        assertEquals(PositionChange.REDUCED, f.position(BTC).change());
        assertEquals(price("41000"), f.position(BTC).entry(), "unchanged on a reduction");
        assertEquals(quote("800"), f.position(BTC).realizedDelta(), "0.4 * (43000 - 41000)");
        assertEquals(0, f.fill(1, BTC, "-1", "40000"));
        assertEquals(PositionChange.FLIPPED, f.position(BTC).change());
        assertEquals(size("-0.4"), f.position(BTC).size());
        assertEquals(price("40000"), f.position(BTC).entry(), "the flip reopens at the fill price");
        assertEquals(quote("-600"), f.position(BTC).realizedDelta(), "0.6 * (40000 - 41000)");
        assertEquals(0, f.fill(1, BTC, "0.4", "39000"));
        assertEquals(PositionChange.CLOSED, f.position(BTC).change());
        assertEquals(0, f.position(BTC).size());
        assertEquals(quote("10600"), f.engine.accounts().collateral(0), "10000 + 800 - 600 + 400, fees were zero");
        assertEquals(0, f.engine.ledgerImbalance());
    }

    @Test
    void scheduleFeeIsChargedOnNotionalAndGoesToTheFeePool()
    {
        assertEquals(0, f.fillWithScheduleFee(1, BTC, "0.5", "40000"));
        assertEquals(quote("10"), f.position(BTC).fee(), "20000 * 0.05%");
        assertEquals(quote("10"), f.engine.feePool());
        assertEquals(quote("9990"), f.engine.accounts().collateral(0));
    }

    @Test
    void rejectedCommandsLeaveStateUntouchedWithAReason()
    {
        f.fill(1, BTC, "0.5", "40000");
        final long before = f.engine.checksum();
        assertEquals(RejectReason.INVALID_PRICE, f.fill(1, BTC, "0.5", "40000.05"), "off the tick");
        assertEquals(RejectReason.INVALID_SIZE, f.fill(1, BTC, "0.0005", "40000"), "off the lot");
        assertEquals(RejectReason.UNKNOWN_INSTRUMENT, f.fill(1, 7, "0.5", "40000"));
        assertEquals(RejectReason.UNKNOWN_ACCOUNT, f.fill(2, BTC, "0.5", "40000"));
        assertEquals(RejectReason.INSUFFICIENT_COLLATERAL, f.withdraw(1, "10000.000001"));
        assertEquals(RejectReason.INSUFFICIENT_MARGIN, f.withdraw(1, "9700"), "20000 notional at 50x needs 400 initial");
        assertEquals(RejectReason.NOT_ISOLATED, f.margin(1, BTC, "10"));
        assertEquals(RejectReason.POSITION_OPEN, f.isolated(1, BTC));
        assertEquals(RejectReason.LEVERAGE_EXCEEDS_TIER, f.leverage(1, BTC, 51));
        assertEquals(RejectReason.NOT_LIQUIDATOR, f.liquidate(1, 1, BTC, "-0.5", "40000"));
        assertEquals(RejectReason.INVALID_AMOUNT, f.deposit(1, "0"));
        assertEquals(before, f.engine.checksum());
        assertEquals(0, f.withdraw(1, "9600"), "exactly the free collateral");
    }

    @Test
    void preTradeCheckAcceptsOrRejectsWithTheReasonAndChangesNothing()
    {
        f.mark(BTC, "40000");
        final long before = f.engine.checksum();
        assertEquals(0, f.preTrade(1, BTC, "1", "40000"), "40000 notional at 50x needs 800 initial");
        assertEquals(RejectReason.PRICE_BAND, f.preTrade(1, BTC, "1", "42100"), "5.25% away from the mark");
        assertEquals(RejectReason.LEVERAGE_EXCEEDS_TIER, f.preTrade(1, BTC, "3", "40000"), "120000 notional is in the 20x tier");
        assertEquals(before, f.engine.checksum());
        assertEquals(0, f.leverage(1, BTC, 20));
        assertEquals(0, f.preTrade(1, BTC, "3", "40000"));
        assertEquals(RejectReason.INSUFFICIENT_MARGIN, f.preTrade(1, BTC, "12.5", "40000"), "500000 notional at 20x needs 25000");
        assertEquals(before != f.engine.checksum(), true, "set leverage is a change");
        final long afterLeverage = f.engine.checksum();
        f.preTrade(1, BTC, "1", "40000");
        assertEquals(afterLeverage, f.engine.checksum());
    }

    @Test
    void fundingAccruesLazilyAndSettlesOnTheNextChange()
    {
        f.deposit(2, "10000");
        f.fill(1, BTC, "1", "40000");
        f.fill(2, BTC, "-1", "40000");
        f.mark(BTC, "40000");
        assertEquals(0, f.funding(BTC, "0.0001"));
        f.query(1);
        assertEquals(quote("-4"), f.position(BTC).unsettledFunding(), "long pays 40000 * 0.01%");
        assertEquals(0, f.funding(BTC, "0.01"), "clamped to 0.5%");
        f.query(1);
        assertEquals(quote("-204"), f.position(BTC).unsettledFunding());
        assertEquals(0, f.fill(1, BTC, "-1", "40000"));
        assertEquals(quote("-204"), f.position(BTC).fundingSettled());
        assertEquals(quote("9796"), f.engine.accounts().collateral(0));
        f.query(2);
        assertEquals(quote("204"), f.position(BTC).unsettledFunding(), "the short receives, still unsettled");
        assertEquals(0, f.engine.ledgerImbalance());
    }

    @Test
    void markTickRaisesAlertThenCandidateAndALiquidationFillPaysTheInsuranceFund()
    {
        f.fill(1, BTC, "2", "40000");   // 80000 notional, 10000 collateral
        f.mark(BTC, "36000");           // equity 2000, MM 720 (0.9 ratio is 36%) -> no alert yet
        assertTrue(f.listener.alerts.isEmpty());
        f.mark(BTC, "35400");           // equity 800, MM 708 -> ratio 88.5% >= 80%
        assertEquals("account=1 raised=true", f.listener.alerts.get(0));
        assertTrue(f.listener.candidates.isEmpty());
        f.mark(BTC, "35300");           // equity 600 < MM 706
        assertEquals(1, f.listener.candidates.size());
        assertTrue(f.listener.lastRisk.liquidatable());
        assertTrue(f.listener.candidates.get(0).contains("bankruptcy=" + price("35000")), f.listener.candidates.get(0));

        assertEquals(RejectReason.NOT_LIQUIDATOR, f.liquidate(9, 1, BTC, "-2", "35300"));
        f.liquidator(9);
        assertEquals(RejectReason.NOT_REDUCING, f.liquidate(9, 1, BTC, "2", "35300"));
        assertEquals(0, f.liquidate(9, 1, BTC, "-2", "35300"));
        assertEquals(PositionChange.LIQUIDATED, f.position(BTC).change());
        assertEquals(quote("706"), f.position(BTC).fee(), "1% of 70600");
        assertEquals(quote("0"), f.engine.accounts().collateral(0), "600 left, 706 fee: bankrupt, the fund covers 106");
        assertEquals(quote("600"), f.engine.insuranceFund(), "706 fee - 106 deficit");
        assertEquals(0, f.engine.ledgerImbalance());
        assertFalse(f.listener.lastRisk.liquidatable());
    }

    @Test
    void partialLiquidationSizeRestoresMaintenance()
    {
        f.deposit(1, "20000");            // 30000 collateral
        f.fill(1, BTC, "10", "40000");    // 400000 notional: tier 2 (20x, mmr 2.5%)
        f.mark(BTC, "38000");             // equity 10000, MM 380000*2.5% - 1500 = 8000 -> fine
        assertTrue(f.listener.candidates.isEmpty());
        f.mark(BTC, "37700");             // equity 7000, MM 377000*2.5% - 1500 = 7925 -> candidate, shortfall 925
        assertEquals(1, f.listener.candidates.size());
        final String c = f.listener.candidates.get(0);
        final long close = Long.parseLong(c.replaceAll(".*close=(\\d+).*", "$1"));
        assertTrue(close > 0 && close < size("10"), "a partial close: " + c);
        f.liquidator(9);
        assertEquals(size("1.636"), close, "7000 - 377q >= 942.5(10 - q) - 1500 -> q >= 1.6357");
        assertEquals(0, f.liquidate(9, 1, BTC, "-1.636", "37700"));
        assertFalse(f.listener.lastRisk.liquidatable(), "closing the suggested size restores maintenance");
        assertTrue(f.listener.candidates.isEmpty());
    }

    @Test
    void isolatedPositionLossIsLimitedToItsWallet()
    {
        f.isolated(1, BTC);
        f.leverage(1, BTC, 10);
        assertEquals(0, f.fill(1, BTC, "1", "40000"));
        assertEquals(quote("4000"), f.position(BTC).isolatedMargin());
        assertEquals(quote("6000"), f.engine.accounts().collateral(0));
        assertEquals(RejectReason.INSUFFICIENT_MARGIN, f.margin(1, BTC, "-1"), "at initial margin already");
        assertEquals(0, f.margin(1, BTC, "1000"));
        assertEquals(0, f.margin(1, BTC, "-500"));
        f.mark(BTC, "35100");
        assertEquals(1, f.listener.candidates.size(), "isolated equity 4500 - 4900 < MM");
        assertEquals(0, f.fill(1, BTC, "-1", "35000"), "closed on the venue below bankruptcy");
        assertEquals(quote("5500"), f.engine.accounts().collateral(0), "the cross wallet keeps its 5500");
        assertEquals(quote("-500"), f.engine.insuranceFund(), "the fund took the 500 beyond the wallet");
        assertEquals(0, f.engine.ledgerImbalance());
    }

    @Test
    void staleAndLowConfidenceMarksAreRejected()
    {
        final EngineFixture g = new EngineFixture();
        g.define(Instrument.builder(2, "SOL-PERP").priceDecimals(3).sizeDecimals(1).tier(0, 20, Instrument.DERIVED, Instrument.DERIVED)
            .oracleStalenessNanos(60_000_000_000L).oracleMaxConfidenceRate(rate("0.02")).maxPrice(price("100000")).build());
        final var c = new com.perprisk.engine.command.CommandEvent();
        final long now = 100_000_000_000L;
        assertEquals(0, g.apply(c.markPrice(now, 1, 2, price("150"), price("1"), now - 1_000_000_000L)));
        assertEquals(RejectReason.MARK_STALE, g.apply(c.markPrice(now, 2, 2, price("151"), 0, now - 61_000_000_000L)));
        assertEquals(RejectReason.ORACLE_CONFIDENCE, g.apply(c.markPrice(now, 3, 2, price("150"), price("3.01"), now)));
        assertEquals(RejectReason.MARK_STALE, g.apply(c.markPrice(now, 4, 2, price("150"), 0, now - 2_000_000_000L)), "older than the current mark");
    }

    // ------------------------------------------------------------------ regressions found in review

    @Test
    void isolatedReductionKeepsTheRemainingPositionsShareOfTheWallet()
    {
        f.isolated(1, BTC);
        f.leverage(1, BTC, 10);
        f.fill(1, BTC, "2", "40000");                  // wallet 8000
        f.mark(BTC, "37000");                          // isolated equity 2000, maintenance 740
        assertEquals(0, f.fill(1, BTC, "-1", "37000")); // realizes -3000 on the closed half
        assertEquals(quote("4000"), f.position(BTC).isolatedMargin(), "the remaining half keeps its 4000 share");
        assertEquals(quote("3000"), f.engine.accounts().collateral(0), "2000 free + the closed half's 4000 share - its 3000 loss");
        assertTrue(f.listener.candidates.isEmpty(), "the remaining position is as healthy as before");
        assertEquals(RejectReason.INSUFFICIENT_COLLATERAL, f.withdraw(1, "3000.000001"));
        assertEquals(0, f.engine.ledgerImbalance());
    }

    @Test
    void isolatedLiquidationOfTheSuggestedSizeRestoresMaintenance()
    {
        final EngineFixture g = new EngineFixture();
        g.define(Instrument.builder(BTC, "BTC-PERP").priceDecimals(1).sizeDecimals(3).tier(0, 50, Instrument.DERIVED, Instrument.DERIVED)
            .liquidationFeeRate(rate("0.005")).maxPrice(price("1000000")).build());
        g.deposit(1, "10000");
        g.isolated(1, BTC);
        g.leverage(1, BTC, 10);
        g.fill(1, BTC, "2", "40000");
        g.mark(BTC, "36300");                          // isolated equity 600 < maintenance 726
        assertEquals(1, g.listener.candidates.size());
        final long close = Long.parseLong(g.listener.candidates.get(0).replaceAll(".*close=(\\d+).*", "$1"));
        assertTrue(close < size("2"), "a partial liquidation");
        g.liquidator(9);
        assertEquals(0, g.liquidate(9, 1, BTC, "-" + com.perprisk.engine.fixed.FixedPoint.format(close, 8), "36300"));
        assertFalse(g.listener.lastRisk.liquidatable(), "closing the suggested size restores the isolated position");
        assertEquals(quote("2000"), g.engine.accounts().collateral(0), "a liquidation releases nothing to the collateral");
        assertEquals(0, g.engine.ledgerImbalance());
    }

    @Test
    void theBalanceLimitCapsMoneyFromOutsideButNeverAnInternalMove()
    {
        final long max = com.perprisk.engine.fixed.FixedPoint.MAX_BALANCE;
        final var c = new com.perprisk.engine.command.CommandEvent();
        assertEquals(0, f.apply(c.deposit(0, 0, 2, max)));
        f.isolated(2, BTC);
        f.leverage(2, BTC, 10);
        assertEquals(0, f.fill(2, BTC, "1", "40000"));
        assertEquals(RejectReason.BALANCE_LIMIT, f.apply(c.deposit(0, 0, 2, 1)), "collateral + isolated margin is at the limit");
        assertEquals(0, f.apply(c.adjustIsolatedMargin(0, 0, 2, BTC, max / 2)));
        assertEquals(0, f.apply(c.adjustIsolatedMargin(0, 0, 2, BTC, -max / 2)));
        final long before = f.engine.checksum();
        assertEquals(RejectReason.BALANCE_LIMIT, f.fill(2, BTC, "-1", "40001"), "a realized profit would take it past the limit");
        assertEquals(before, f.engine.checksum());
        assertEquals(0, f.fill(2, BTC, "-1", "40000"), "closing flat returns the wallet: an internal move");
        assertEquals(max, f.engine.accounts().collateral(f.engine.accounts().slotOf(2)));
    }

    @Test
    void preTradeRefusesToGrowAnIsolatedPositionBelowItsInitialMargin()
    {
        f.isolated(1, BTC);
        f.leverage(1, BTC, 10);
        f.fill(1, BTC, "1", "40000");
        f.mark(BTC, "36100");                          // isolated equity 100 < maintenance 361: a candidate
        assertEquals(RejectReason.INSUFFICIENT_MARGIN, f.preTrade(1, BTC, "0.001", "36100"));
        assertEquals(0, f.preTrade(1, BTC, "-0.5", "36100"), "reducing is always allowed");
    }

    @Test
    void oracleConfidenceAndPriceBandRatiosThatOverflowAreRejected()
    {
        final EngineFixture g = new EngineFixture();
        g.define(Instrument.builder(2, "TINY").priceDecimals(8).sizeDecimals(0).tier(0, 10, Instrument.DERIVED, Instrument.DERIVED)
            .oracleMaxConfidenceRate(rate("0.02")).priceBandRate(rate("0.05")).maxPrice(price("100000")).build());
        final var c = new com.perprisk.engine.command.CommandEvent();
        assertEquals(RejectReason.ORACLE_CONFIDENCE, g.apply(c.markPrice(1, 0, 2, 100, 1_000_000_000_000_000L, 0)));
        assertEquals(0, g.apply(c.markPrice(1, 0, 2, 1, 0, 0)));
        g.deposit(1, "1000");
        assertEquals(RejectReason.PRICE_BAND, g.apply(c.preTradeCheck(1, 0, 1, 2, 100_000_000L, 1_000_000_000_000L)));
    }

    /**
     * 100,000 units long at 20000 with equity 12,500,000.1563 and maintenance 0.5%: the ratio reaches 0.8 exactly when the
     * mark falls by 0.12504 / 79,500 = 1.5728e-6, i.e. between 157 and 158 raw price units. Both detections must raise the
     * alert at exactly that tick (a rounded ratio would raise it one tick early).
     */
    @Test
    void marginAlertAtTheExactThresholdIsFoundByBothDetections()
    {
        for (final LiquidationDetection detection : LiquidationDetection.values())
        {
            final EngineFixture g = new EngineFixture(new EngineConfig().detection(detection));
            g.define(Instrument.builder(3, "EXACT").priceDecimals(8).sizeDecimals(8).tier(0, 100, Instrument.DERIVED, Instrument.DERIVED)
                .maxPrice(10_000_000_000_000L).build());
            final var c = new com.perprisk.engine.command.CommandEvent();
            g.apply(c.markPrice(1, 0, 3, 2_000_000_000_000L, 0, 0));
            g.apply(c.deposit(1, 0, 1, 12_500_000_156_300L));
            g.apply(c.fill(1, 0, 1, 3, 10_000_000_000_000L, 2_000_000_000_000L, 0));
            g.apply(c.markPrice(2, 0, 3, 2_000_000_000_000L - 100, 0, 0));
            assertTrue(g.listener.alerts.isEmpty(), detection + ": ratio 0.79999999...");
            g.apply(c.markPrice(3, 0, 3, 2_000_000_000_000L - 157, 0, 0));
            assertTrue(g.listener.alerts.isEmpty(), detection + ": still below 0.8 at -157");
            g.apply(c.markPrice(4, 0, 3, 2_000_000_000_000L - 158, 0, 0));
            assertEquals("[account=1 raised=true]", g.listener.alerts.toString(), detection + ": 0.8 reached at -158");
        }
    }

    @Test
    void lossesCannotTakeCollateralPastTheNegativeLimitAndFeesAreBoundedByNotional()
    {
        final EngineFixture g = new EngineFixture();
        g.define(Instrument.builder(5, "BIG").priceDecimals(2).sizeDecimals(0).tier(0, 1, Instrument.DERIVED, Instrument.DERIVED)
            .maxPrice(price("10000000")).maxPositionSize(size("1000")).build());
        g.deposit(1, "1");
        final var c = new com.perprisk.engine.command.CommandEvent();
        assertEquals(RejectReason.INVALID_AMOUNT, g.apply(c.fill(0, 0, 1, 5, size("1"), price("100"), quote("100.000001"))),
            "a fee larger than the fill's notional");
        int reason = 0;
        int rounds = 0;
        while (reason == 0 && rounds < 100)
        {
            g.fill(1, 5, "1000", "10000000");
            reason = g.fill(1, 5, "-1000", "0.01");   // loses about 1e10 USDC a round
            rounds++;
        }
        assertEquals(RejectReason.LIMIT_EXCEEDED, reason);
        assertTrue(g.engine.accounts().collateral(0) >= -com.perprisk.engine.fixed.FixedPoint.MAX_BALANCE);
        assertEquals(0, g.engine.ledgerImbalance());
    }

    @Test
    void fundingReceivedThroughAMarginAdjustmentRespectsTheBalanceLimit()
    {
        final long max = com.perprisk.engine.fixed.FixedPoint.MAX_BALANCE;
        final var c = new com.perprisk.engine.command.CommandEvent();
        f.apply(c.deposit(0, 0, 2, max - quote("10000")));
        f.isolated(2, BTC);
        f.leverage(2, BTC, 10);
        assertEquals(0, f.fill(2, BTC, "-10", "40000"));
        f.mark(BTC, "40000");
        assertEquals(0, f.funding(BTC, "0.005"), "the short receives 2000");
        assertEquals(0, f.deposit(2, "10000"), "collateral + isolated margin back at the limit");
        final long before = f.engine.checksum();
        assertEquals(RejectReason.BALANCE_LIMIT, f.apply(c.adjustIsolatedMargin(0, 0, 2, BTC, 1)), "settling 2000 of funding would pass it");
        assertEquals(before, f.engine.checksum());
    }

    @Test
    void instrumentsWithAMaintenanceRateAboveTheAlertThresholdAreRefused()
    {
        final EngineFixture g = new EngineFixture(new EngineConfig().marginAlertRatio(rate("0.5")));
        assertEquals(RejectReason.INVALID_INSTRUMENT, g.define(Instrument.builder(6, "HIGH").tier(0, 1, rate("0.6"), Instrument.DERIVED).build()));
        assertEquals(0, g.define(Instrument.builder(6, "HIGH").tier(0, 1, rate("0.5"), Instrument.DERIVED).build()));
    }

    /**
     * A rising mark crossing a discontinuous tier (explicit maintenance amount, +45,000 at the boundary) while the unit
     * sits inside its reserve: its triggers cannot guard it, so it is watched on every tick.
     */
    @Test
    void detectionsAgreeWhenARisingMarkCrossesADiscontinuousTier()
    {
        final java.util.List<String> seen = new java.util.ArrayList<>();
        for (final LiquidationDetection detection : LiquidationDetection.values())
        {
            final EngineFixture g = new EngineFixture(new EngineConfig().detection(detection));
            g.define(Instrument.builder(7, "JUMP").priceDecimals(1).sizeDecimals(2)
                .tier(0, 20, Instrument.DERIVED, Instrument.DERIVED)
                .tier(quote("1000000"), 10, rate("0.09"), quote("20000"))
                .maxPrice(price("1000000")).build());
            g.deposit(2, "100000");
            g.isolated(2, 7);
            g.leverage(2, 7, 20);
            g.fill(2, 7, "10.1", "99000");       // notional 999,900 just under the 1,000,000 tier; wallet 49,995
            g.margin(2, 7, "10000");             // wallet 59,995: above maintenance 24,997.5 but inside the 45,000 jump
            final StringBuilder log = new StringBuilder();
            // 99,100: notional 1,000,910 in tier 2, maintenance 70,081.9 > equity 61,005 -> a candidate on a rising mark
            for (final String mark : new String[] {"99000", "99100", "98000", "101000", "99100"})
            {
                g.mark(7, mark);
                log.append(mark).append(' ').append(g.listener.candidates).append(g.listener.alerts).append('\n');
            }
            log.append(g.engine.checksum());
            seen.add(log.toString());
        }
        assertEquals(seen.get(1), seen.get(0), "INDEXED must report what FULL_SCAN reports, and reach the same state");
        assertTrue(seen.get(0).contains("close="), "the scenario produces a candidate: " + seen.get(0));
    }
}
