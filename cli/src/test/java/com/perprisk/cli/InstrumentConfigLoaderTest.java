package com.perprisk.cli;

import com.perprisk.engine.instrument.Instrument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstrumentConfigLoaderTest
{
    private static final long QUOTE = 1_000_000L;
    private static final long RATE = 100_000_000L;

    private static final String DOGE = "{\"id\":4,\"symbol\":\"DOGE-PERP\",\"priceDecimals\":5,\"sizeDecimals\":0," +
        "\"tiers\":[{\"floor\":\"0\",\"maxLeverage\":50},{\"floor\":\"50000\",\"maxLeverage\":25}]}";

    @Test
    void demoConfigLoadsThreeInstrumentsWithTheirTiers()
    {
        final List<Instrument> instruments = InstrumentConfigLoader.loadResource(InstrumentConfigLoader.DEMO_RESOURCE);
        assertEquals(3, instruments.size());

        final Instrument btc = instruments.get(0);
        assertEquals(1, btc.id());
        assertEquals("BTC-PERP", btc.symbol());
        assertEquals(1, btc.priceDecimals());
        assertEquals(3, btc.sizeDecimals());
        assertEquals(10, btc.tierCount());
        assertArrayEquals(new long[] {0, 50_000 * QUOTE, 500_000 * QUOTE, 8_000_000 * QUOTE, 50_000_000 * QUOTE, 80_000_000 * QUOTE,
            100_000_000 * QUOTE, 200_000_000 * QUOTE, 300_000_000 * QUOTE, 500_000_000 * QUOTE}, btc.tierFloors());
        final int[] leverage = {125, 100, 50, 20, 10, 5, 4, 3, 2, 1};
        final long[] mmr = {400_000, 500_000, 1_000_000, 2_500_000, 5_000_000, 10_000_000, 12_500_000, 15_000_000, 25_000_000, 50_000_000};
        for (int t = 0; t < btc.tierCount(); t++)
        {
            assertEquals(leverage[t], btc.tierMaxLeverage(t), "BTC tier " + t + " leverage");
            assertEquals(mmr[t], btc.tierMaintenanceRate(t), "BTC tier " + t + " mmr");
        }
        // Amounts derived cumulatively (Binance's maintenance amounts): 0, 50, 2550, 122550, ...
        assertEquals(0, btc.tierMaintenanceAmount(0));
        assertEquals(50 * QUOTE, btc.tierMaintenanceAmount(1));
        assertEquals(2_550 * QUOTE, btc.tierMaintenanceAmount(2));
        assertEquals(122_550 * QUOTE, btc.tierMaintenanceAmount(3));
        assertEquals(1_250_000L, btc.liquidationFeeRate());
        assertEquals(50_000L, btc.takerFeeRate());
        assertEquals(750_000L, btc.fundingClampRate());
        assertEquals(5 * RATE / 100, btc.priceBandRate());
        assertEquals(60_000_000_000L, btc.oracleStalenessNanos());
        assertEquals(2 * RATE / 100, btc.oracleMaxConfidenceRate());
        assertEquals(10_000_000L * 100_000_000L, btc.maxPrice());
        assertEquals(500L * 100_000_000L, btc.maxPositionSize());

        final Instrument eth = instruments.get(1);
        assertEquals(2, eth.id());
        assertEquals("ETH-PERP", eth.symbol());
        assertEquals(2, eth.priceDecimals());
        assertEquals(3, eth.sizeDecimals());
        assertEquals(100, eth.maxLeverage());
        assertEquals(500_000L, eth.tierMaintenanceRate(0));

        final Instrument sol = instruments.get(2);
        assertEquals(3, sol.id());
        assertEquals("SOL-PERP", sol.symbol());
        assertEquals(3, sol.priceDecimals());
        assertEquals(1, sol.sizeDecimals());
        assertEquals(50, sol.maxLeverage());
        assertEquals(1_500_000L, sol.liquidationFeeRate());
        assertEquals(3_000_000L, sol.fundingClampRate());
    }

    @Test
    void demoMaintenanceIsContinuousAcrossTierFloors()
    {
        for (final Instrument instrument : InstrumentConfigLoader.loadResource(InstrumentConfigLoader.DEMO_RESOURCE))
        {
            for (int t = 1; t < instrument.tierCount(); t++)
            {
                final long floor = instrument.tierFloor(t);
                final long below = instrument.maintenanceMargin(floor, t - 1);
                final long at = instrument.maintenanceMargin(floor, t);
                assertTrue(Math.abs(at - below) <= 1, instrument.symbol() + " tier " + t + ": " + below + " vs " + at);
            }
        }
    }

    @Test
    void plainArrayConfigAndDerivedTierFields()
    {
        final List<Instrument> instruments = InstrumentConfigLoader.parse("[" + DOGE + "]", "test.json");
        final Instrument doge = instruments.get(0);
        assertEquals("DOGE-PERP", doge.symbol());
        assertEquals(RATE / 100, doge.tierMaintenanceRate(0), "1/(2*50)");
        assertEquals(2 * RATE / 100, doge.tierMaintenanceRate(1), "1/(2*25)");
        assertEquals(500 * QUOTE, doge.tierMaintenanceAmount(1), "50000 * (0.02 - 0.01)");
    }

    @Test
    void tierFloorsNotIncreasingIsAClearError()
    {
        final String json = "[{\"id\":1,\"symbol\":\"BTC-PERP\",\"priceDecimals\":1,\"sizeDecimals\":3,\"tiers\":[" +
            "{\"floor\":\"0\",\"maxLeverage\":100},{\"floor\":\"50000\",\"maxLeverage\":50},{\"floor\":\"40000\",\"maxLeverage\":20}]}]";
        final CliException e = assertThrows(CliException.class, () -> InstrumentConfigLoader.parse(json, "bad.json"));
        assertEquals(CliException.USAGE_OR_INPUT, e.exitCode());
        assertTrue(e.getMessage().startsWith("instruments config bad.json: instrument #1 (BTC-PERP): field 'tiers': "), e.getMessage());
        assertTrue(e.getMessage().contains("tier 3"), e.getMessage());
    }

    @Test
    void missingSymbolIsAClearError()
    {
        final String json = "{\"instruments\":[" + DOGE + ",{\"id\":5,\"priceDecimals\":1,\"sizeDecimals\":3,\"tiers\":[{\"floor\":\"0\",\"maxLeverage\":20}]}]}";
        final CliException e = assertThrows(CliException.class, () -> InstrumentConfigLoader.parse(json, "bad.json"));
        assertEquals("instruments config bad.json: instrument #2: field 'symbol': missing", e.getMessage());
    }

    @Test
    void badTierFieldIsNamedWithItsPath()
    {
        final String json = "[{\"id\":1,\"symbol\":\"X\",\"priceDecimals\":1,\"sizeDecimals\":3,\"tiers\":[{\"floor\":\"0\",\"maxLeverage\":20,\"mmr\":\"0.1234567891\"}]}]";
        final CliException e = assertThrows(CliException.class, () -> InstrumentConfigLoader.parse(json, "bad.json"));
        assertTrue(e.getMessage().startsWith("instruments config bad.json: instrument #1 (X): field 'tiers[0].mmr': "), e.getMessage());
    }

    @Test
    void builderValidationIsMappedToTheField()
    {
        // 2000 BTC at a max price of 10,000,000 is beyond MAX_NOTIONAL (10,000,000,000 USDC).
        final String json = "[{\"id\":1,\"symbol\":\"BTC-PERP\",\"priceDecimals\":1,\"sizeDecimals\":3,\"tiers\":[{\"floor\":\"0\",\"maxLeverage\":20}]," +
            "\"maxPrice\":\"10000000\",\"maxPositionSize\":\"2000\"}]";
        final CliException e = assertThrows(CliException.class, () -> InstrumentConfigLoader.parse(json, "bad.json"));
        assertTrue(e.getMessage().startsWith("instruments config bad.json: instrument #1 (BTC-PERP): field 'maxPositionSize': "), e.getMessage());
    }

    @Test
    void duplicateIdsAndSymbolsAreErrors()
    {
        final CliException sameId = assertThrows(CliException.class, () -> InstrumentConfigLoader.parse("[" + DOGE + "," +
            DOGE.replace("DOGE-PERP", "SHIB-PERP") + "]", "dup.json"));
        assertTrue(sameId.getMessage().contains("field 'id': 4 is already used by DOGE-PERP"), sameId.getMessage());
        final CliException sameSymbol = assertThrows(CliException.class, () -> InstrumentConfigLoader.parse("[" + DOGE + "," +
            DOGE.replace("\"id\":4", "\"id\":5") + "]", "dup.json"));
        assertTrue(sameSymbol.getMessage().contains("field 'symbol': DOGE-PERP is already defined as instrument 4"), sameSymbol.getMessage());
    }

    @Test
    void unknownFieldIsAnError()
    {
        final CliException e = assertThrows(CliException.class, () -> InstrumentConfigLoader.parse("[" + DOGE.replace("\"id\":4", "\"id\":4,\"tickSize\":\"1\"") + "]", "x.json"));
        assertTrue(e.getMessage().contains("field 'tickSize': unknown field"), e.getMessage());
    }

    @Test
    void notJsonOrWrongShape()
    {
        assertTrue(assertThrows(CliException.class, () -> InstrumentConfigLoader.parse("[{", "x.json")).getMessage()
            .startsWith("instruments config x.json: invalid JSON: "));
        assertTrue(assertThrows(CliException.class, () -> InstrumentConfigLoader.parse("{\"markets\":[]}", "x.json")).getMessage()
            .contains("expected a JSON array of instruments"));
        assertTrue(assertThrows(CliException.class, () -> InstrumentConfigLoader.parse("[]", "x.json")).getMessage()
            .contains("defines no instrument"));
    }

    @Test
    void missingFileIsExitCodeTwo(@TempDir final Path dir)
    {
        final CliException e = assertThrows(CliException.class, () -> InstrumentConfigLoader.load(dir.resolve("nope.json")));
        assertEquals(CliException.USAGE_OR_INPUT, e.exitCode());
        assertTrue(e.getMessage().endsWith("nope.json: no such file"), e.getMessage());
    }

    @Test
    void loadsFromAFile(@TempDir final Path dir) throws IOException
    {
        final Path file = Files.writeString(dir.resolve("doge.json"), "[" + DOGE + "]");
        assertEquals("DOGE-PERP", InstrumentConfigLoader.load(file).get(0).symbol());
    }
}
