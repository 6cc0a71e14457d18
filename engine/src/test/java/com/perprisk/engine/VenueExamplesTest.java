package com.perprisk.engine;

import com.perprisk.engine.fixed.FixedPoint;
import com.perprisk.engine.instrument.Instrument;
import com.perprisk.engine.risk.PositionMath;
import org.junit.jupiter.api.Test;

import static com.perprisk.engine.EngineFixture.price;
import static com.perprisk.engine.EngineFixture.quote;
import static com.perprisk.engine.EngineFixture.size;
import static com.perprisk.engine.fixed.FixedPoint.PRICE_DECIMALS;
import static com.perprisk.engine.fixed.FixedPoint.QUOTE_DECIMALS;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Worked examples published by the venues (and the product brief), reproduced through the real engine
 * to the last unit of the precision the venue displays. Sources are listed per test.
 */
class VenueExamplesTest
{
    private static String display(final long price)
    {
        return FixedPoint.formatRounded(price, PRICE_DECIMALS, 2);
    }

    /** dYdX v4 docs, concepts/trading/liquidations: isolated short, equity 1000, size -3 at 3000, MMF 5% -> 3174.60. */
    @Test
    void dydxIsolatedShortLiquidationPrice()
    {
        final Instrument eth = EngineFixture.singleTier(2, "ETH-USD", 10, "0.05");
        assertEquals("3174.60", display(PositionMath.liquidationPrice(eth, size("-3"), price("3000"), quote("1000"), 0)));

        final EngineFixture f = new EngineFixture();
        f.define(eth);
        f.deposit(1, "5000");
        f.isolated(1, 2);
        f.leverage(1, 2, 10);
        assertEquals(0, f.fill(1, 2, "-3", "3000"));
        assertEquals(quote("900"), f.position(2).isolatedMargin(), "10x isolated: 9000 notional moves 900 into the wallet");
        assertEquals(0, f.margin(1, 2, "100"));
        assertEquals(quote("1000"), f.position(2).isolatedMargin());
        assertEquals("3174.60", display(f.position(2).liquidationPrice()));
        assertEquals(price("3174.60317460"), f.position(2).liquidationPrice(), "short: rounded down at the 8th decimal");
    }

    /** dYdX v4 docs: cross, ETH short -1.5 at 3000 (MMF 5%) with 1000 STRK long at 1.75 (MMF 10%), equity 1000 -> 3380.95. */
    @Test
    void dydxCrossShortLiquidationPrice()
    {
        final EngineFixture f = new EngineFixture();
        f.define(EngineFixture.singleTier(2, "ETH-USD", 10, "0.05"));
        f.define(EngineFixture.singleTier(3, "STRK-USD", 5, "0.10"));
        f.deposit(1, "1000");
        assertEquals(0, f.fill(1, 2, "-1.5", "3000"));
        assertEquals(0, f.fill(1, 3, "1000", "1.75"));
        f.query(1);
        assertEquals("3380.95", display(f.position(2).liquidationPrice()));
        assertEquals(quote("1000"), f.listener.lastRisk.equity());
        assertEquals(quote("400"), f.listener.lastRisk.maintenanceMargin(), "225 (ETH) + 175 (STRK)");
    }

    /**
     * Binance USDⓈ-M FAQ "How to calculate liquidation price" cross example (as transcribed by freqtrade's
     * test_liquidation_price_binance and a jesse strategy, both citing the FAQ): WB 1,535,443.01, BTCUSDT long
     * 109.488 @ 32,481.98 (mark 31,967.27), ETHUSDT long 3,683.979 @ 1,456.84 (mark 1,335.18) ->
     * LP(ETH) = 1153.26, LP(BTC) = 26316.89; MM(BTC) = 71200.81144, MM(ETH) = 356,512.508.
     */
    @Test
    void binanceCrossTwoPositionLiquidationPrices()
    {
        final EngineFixture f = new EngineFixture();
        f.define(EngineFixture.binanceBtc(1));
        f.define(EngineFixture.binanceEth(2));
        f.deposit(1, "1535443.01");
        assertEquals(0, f.fill(1, 1, "109.488", "32481.98"));
        assertEquals(0, f.fill(1, 2, "3683.979", "1456.84"));
        f.mark(1, "31967.27");
        f.mark(2, "1335.18");
        f.query(1);
        assertEquals("1153.26", display(f.position(2).liquidationPrice()));
        assertEquals("26316.89", display(f.position(1).liquidationPrice()));
        assertEquals("71200.811444", FixedPoint.format(f.position(1).maintenanceMargin(), QUOTE_DECIMALS), "3500032.45776 * 2.5% - 16300, exact");
        assertEquals("356512.508122", FixedPoint.format(f.position(2).maintenanceMargin(), QUOTE_DECIMALS));
        assertEquals("-56354.568480", FixedPoint.formatRounded(f.position(1).upnl(), QUOTE_DECIMALS, 6));
        assertEquals("-448192.88514", FixedPoint.format(f.position(2).upnl(), QUOTE_DECIMALS), "-121.66 * 3683.979, exact");
    }

    /** The same positions isolated with the whole balance as wallet: freqtrade's isolated variants 1114.78 and 18778.73. */
    @Test
    void binanceIsolatedVariants()
    {
        final Instrument btc = EngineFixture.binanceBtc(1);
        final Instrument eth = EngineFixture.binanceEth(2);
        final long wallet = quote("1535443.01");
        final long ethSize = size("3683.979");
        final long btcSize = size("109.488");
        assertEquals("1114.78", display(PositionMath.liquidationPrice(eth, ethSize, price("1456.84"), wallet,
            eth.tierOf(PositionMath.notional(ethSize, price("1335.18"))))));
        assertEquals("18778.73", display(PositionMath.liquidationPrice(btc, btcSize, price("32481.98"), wallet,
            btc.tierOf(PositionMath.notional(btcSize, price("31967.27"))))));
    }

    /** Binance maintenance amount rule, FAQ: 250,000 * (1% - 0.5%) + 50 = 1,300; 264,000 notional is in the 1% bracket. */
    @Test
    void binanceMaintenanceAmountsDeriveCumulatively()
    {
        final Instrument btc = EngineFixture.binanceBtc(1);
        final String[] published = {"0", "50", "1300", "16300", "266300", "1266300", "2516300", "5016300", "25016300", "100016300"};
        for (int t = 0; t < published.length; t++)
        {
            assertEquals(quote(published[t]), btc.tierMaintenanceAmount(t), "tier " + (t + 1));
        }
        assertEquals(2, btc.tierOf(quote("264000")));
        assertEquals(0, btc.maintenanceJumpTotal() - 2L * (published.length - 1), "derived amounts: continuous requirement");
        final Instrument eth = EngineFixture.binanceEth(2);
        assertEquals(quote("135365"), eth.tierMaintenanceAmount(5));
        assertEquals(quote("2510365"), eth.tierMaintenanceAmount(8));
    }

    /** Hyperliquid: omitted maintenance rate is half the initial rate at the tier's max leverage; deduction cumulative. */
    @Test
    void hyperliquidDerivedTiers()
    {
        final Instrument btc = Instrument.builder(1, "BTC").priceDecimals(1).sizeDecimals(5)
            .tier(0, 40, Instrument.DERIVED, Instrument.DERIVED)
            .tier(quote("150000000"), 20, Instrument.DERIVED, Instrument.DERIVED)
            .build();
        assertEquals(EngineFixture.rate("0.0125"), btc.tierMaintenanceRate(0));
        assertEquals(EngineFixture.rate("0.025"), btc.tierMaintenanceRate(1));
        assertEquals(quote("1875000"), btc.tierMaintenanceAmount(1), "150M * (2.5% - 1.25%)");
        final Instrument three = Instrument.builder(9, "X").tier(0, 3, Instrument.DERIVED, Instrument.DERIVED).build();
        assertEquals(16_666_667L, three.tierMaintenanceRate(0), "1/6 rounded up at 1e-8");
    }

    /**
     * Binance funding FAQ: F = P + clamp(I - P, 0.05%, -0.05%) with I = 0.01%; "8-hour weighted average P = 0.0429%
     * -> F = 0.0429% + clamp(0.01% - 0.0429%) = 0.0100%". Funding Amount = mark x size x rate.
     */
    @Test
    void binanceFundingRateFromPremiumAndPayment()
    {
        final EngineFixture f = new EngineFixture();
        f.define(Instrument.builder(1, "BTCUSDT").priceDecimals(2).sizeDecimals(3).tier(0, 125, EngineFixture.rate("0.004"), Instrument.DERIVED)
            .fundingClampRate(EngineFixture.rate("0.003")).maxPrice(price("1000000")).build());
        final Instrument btc = f.engine.instrument(1);
        assertEquals(EngineFixture.rate("0.0001"), btc.fundingRateFromPremium(EngineFixture.rate("0.000429")));
        assertEquals(EngineFixture.rate("0.0015"), btc.fundingRateFromPremium(EngineFixture.rate("0.002")), "clamped gap: 0.2% - 0.05%");
        assertEquals(EngineFixture.rate("-0.0004"), btc.fundingRateFromPremium(EngineFixture.rate("-0.0009")));

        f.deposit(1, "10000");
        f.fill(1, 1, "2", "40000");
        f.mark(1, "40000");
        final var command = new com.perprisk.engine.command.CommandEvent();
        assertEquals(0, f.apply(command.fundingFromPremium(f.time, 0, 1, EngineFixture.rate("0.000429"))));
        f.query(1);
        assertEquals(quote("-8"), f.position(1).unsettledFunding(), "2 BTC x 40000 x 0.01%");
        assertEquals(0, f.apply(command.fundingFromPremium(f.time, 0, 1, EngineFixture.rate("0.01"))), "capped at 0.3%");
        f.query(1);
        assertEquals(quote("-248"), f.position(1).unsettledFunding(), "8 + 80000 x 0.3%");
    }

    /** Product brief seed 004: entry 42000, mark 42500, size 0.5 -> PnL 250, PnL% 1.19. */
    @Test
    void seedPositionPnl()
    {
        final EngineFixture f = new EngineFixture();
        f.define(Instrument.builder(1, "BTC-PERP").priceDecimals(1).sizeDecimals(3).tier(0, 50, Instrument.DERIVED, Instrument.DERIVED).build());
        f.deposit(1, "10000");
        f.fill(1, 1, "0.5", "42000");
        f.mark(1, "42500");
        f.query(1);
        assertEquals(quote("250"), f.position(1).upnl());
        assertEquals(1_190_476L, f.position(1).returnOnEntry(), "250 / 21000 = 0.0119047619, rounded down at 1e-8");
        assertEquals("1.19", FixedPoint.formatRounded(f.position(1).returnOnEntry(), FixedPoint.RATE_DECIMALS - 2, 2), "as a percentage");
        assertEquals(-1_190_477L, PositionMath.returnOnEntry(size("-0.5"), price("42000"), price("42500")), "the short's loss, rounded down");
    }
}
