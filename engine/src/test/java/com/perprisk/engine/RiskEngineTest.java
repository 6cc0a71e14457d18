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
}
