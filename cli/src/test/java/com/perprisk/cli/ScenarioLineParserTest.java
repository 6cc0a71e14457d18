package com.perprisk.cli;

import com.perprisk.engine.book.MarginMode;
import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.command.CommandType;
import com.perprisk.engine.instrument.Instrument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioLineParserTest
{
    private static final long MS = 1_000_000L;

    private ScenarioLineParser parser;

    @BeforeEach
    void setUp()
    {
        final InstrumentRegistry registry = new InstrumentRegistry();
        InstrumentConfigLoader.loadResource(InstrumentConfigLoader.DEMO_RESOURCE).forEach(registry::register);
        parser = new ScenarioLineParser(registry);
    }

    private CommandEvent single(final int line, final String json)
    {
        final ParsedLine parsed = parser.parse(line, json);
        final ParsedLine.Commands commands = assertInstanceOf(ParsedLine.Commands.class, parsed, () -> "not valid: " + parsed);
        assertEquals(1, commands.commands().size());
        return commands.commands().get(0);
    }

    private ScenarioError error(final int line, final String json)
    {
        final ParsedLine parsed = parser.parse(line, json);
        return assertInstanceOf(ScenarioError.class, parsed, () -> "expected an error, got " + parsed);
    }

    @Test
    void deposit()
    {
        final CommandEvent e = single(3, "{\"cmd\":\"deposit\",\"ts\":1700000000000,\"id\":77,\"account\":1,\"amount\":\"10000.5\"}");
        assertEquals(CommandType.DEPOSIT, e.type());
        assertEquals(1_700_000_000_000L * MS, e.timestamp());
        assertEquals(77, e.correlationId());
        assertEquals(1, e.accountId());
        assertEquals(10_000_500_000L, e.amount());
    }

    @Test
    void withdrawDefaultsTimeToPreviousLineAndCorrelationToLineNumber()
    {
        single(1, "{\"cmd\":\"deposit\",\"ts\":5000,\"account\":1,\"amount\":\"1\"}");
        final CommandEvent e = single(2, "{\"cmd\":\"withdraw\",\"account\":1,\"amount\":\"100\"}");
        assertEquals(CommandType.WITHDRAW, e.type());
        assertEquals(5000 * MS, e.timestamp());
        assertEquals(2, e.correlationId());
        assertEquals(100_000_000L, e.amount());
    }

    @Test
    void timeStartsAtZero()
    {
        assertEquals(0, single(1, "{\"cmd\":\"query\",\"account\":4}").timestamp());
    }

    @Test
    void fillBySymbolWithFee()
    {
        final CommandEvent e = single(3, "{\"cmd\":\"fill\",\"account\":1,\"instrument\":\"BTC-PERP\",\"size\":\"0.5\",\"price\":\"42000\",\"fee\":\"2.1\"}");
        assertEquals(CommandType.FILL, e.type());
        assertEquals(1, e.accountId());
        assertEquals(1, e.instrumentId());
        assertEquals(50_000_000L, e.size());
        assertEquals(4_200_000_000_000L, e.price());
        assertEquals(2_100_000L, e.amount());
    }

    @Test
    void fillByIdSellWithoutFeeUsesTheSchedule()
    {
        final CommandEvent e = single(3, "{\"cmd\":\"fill\",\"account\":2,\"instrument\":2,\"size\":\"-1.25\",\"price\":\"2500.5\"}");
        assertEquals(2, e.instrumentId());
        assertEquals(-125_000_000L, e.size());
        assertEquals(250_050_000_000L, e.price());
        assertEquals(CommandEvent.FEE_FROM_SCHEDULE, e.amount());
    }

    @Test
    void unknownNumericInstrumentIsLeftToTheEngine()
    {
        assertEquals(99, single(1, "{\"cmd\":\"mark\",\"instrument\":99,\"price\":\"1\"}").instrumentId());
    }

    @Test
    void margin()
    {
        final CommandEvent e = single(4, "{\"cmd\":\"margin\",\"account\":1,\"instrument\":\"ETH-PERP\",\"amount\":\"-50\"}");
        assertEquals(CommandType.ADJUST_ISOLATED_MARGIN, e.type());
        assertEquals(2, e.instrumentId());
        assertEquals(-50_000_000L, e.amount());
    }

    @Test
    void leverage()
    {
        final CommandEvent e = single(4, "{\"cmd\":\"leverage\",\"account\":1,\"instrument\":\"BTC-PERP\",\"leverage\":10}");
        assertEquals(CommandType.SET_LEVERAGE, e.type());
        assertEquals(1, e.instrumentId());
        assertEquals(10, e.amount());
    }

    @Test
    void mode()
    {
        final CommandEvent isolated = single(4, "{\"cmd\":\"mode\",\"account\":1,\"instrument\":\"ETH-PERP\",\"mode\":\"isolated\"}");
        assertEquals(CommandType.SET_MARGIN_MODE, isolated.type());
        assertEquals(MarginMode.ISOLATED, isolated.amount());
        assertEquals(MarginMode.CROSS, single(5, "{\"cmd\":\"mode\",\"account\":1,\"instrument\":\"ETH-PERP\",\"mode\":\"CROSS\"}").amount());
    }

    @Test
    void markWithConfidenceAndPublishTime()
    {
        final CommandEvent e = single(4, "{\"cmd\":\"mark\",\"ts\":2000,\"instrument\":\"BTC-PERP\",\"price\":\"42500\",\"confidence\":\"5\",\"publishTs\":1999}");
        assertEquals(CommandType.MARK_PRICE, e.type());
        assertEquals(4_250_000_000_000L, e.price());
        assertEquals(500_000_000L, e.amount());
        assertEquals(1999 * MS, e.aux());
        assertEquals(2000 * MS, e.timestamp());
    }

    @Test
    void markWithoutOptionalFields()
    {
        final CommandEvent e = single(4, "{\"cmd\":\"mark\",\"instrument\":\"SOL-PERP\",\"price\":\"101.125\"}");
        assertEquals(3, e.instrumentId());
        assertEquals(10_112_500_000L, e.price());
        assertEquals(0, e.amount());
        assertEquals(0, e.aux());
    }

    @Test
    void funding()
    {
        final CommandEvent e = single(4, "{\"cmd\":\"funding\",\"instrument\":\"BTC-PERP\",\"rate\":\"-0.0001\"}");
        assertEquals(CommandType.FUNDING_RATE, e.type());
        assertEquals(-10_000L, e.amount());
    }

    @Test
    void fundingWithMarkPublishesTheMarkFirst()
    {
        final ParsedLine.Commands line = assertInstanceOf(ParsedLine.Commands.class,
            parser.parse(6, "{\"cmd\":\"funding\",\"ts\":10,\"instrument\":\"BTC-PERP\",\"rate\":\"0.0001\",\"mark\":\"42500\"}"));
        assertEquals("funding", line.cmd());
        final List<CommandEvent> commands = line.commands();
        assertEquals(2, commands.size());
        assertEquals(CommandType.MARK_PRICE, commands.get(0).type());
        assertEquals(4_250_000_000_000L, commands.get(0).price());
        assertEquals(10 * MS, commands.get(0).timestamp());
        assertEquals(CommandType.FUNDING_RATE, commands.get(1).type());
        assertEquals(10_000L, commands.get(1).amount());
        assertEquals(6, commands.get(1).correlationId());
    }

    @Test
    void liquidation()
    {
        final CommandEvent e = single(4, "{\"cmd\":\"liquidation\",\"liquidator\":9,\"account\":1,\"instrument\":\"BTC-PERP\",\"size\":\"-0.1\",\"price\":\"38000\"}");
        assertEquals(CommandType.LIQUIDATION_FILL, e.type());
        assertEquals(1, e.accountId());
        assertEquals(9, e.aux());
        assertEquals(-10_000_000L, e.size());
        assertEquals(3_800_000_000_000L, e.price());
    }

    @Test
    void pretrade()
    {
        final CommandEvent e = single(4, "{\"cmd\":\"pretrade\",\"account\":1,\"instrument\":\"BTC-PERP\",\"size\":\"0.1\",\"price\":\"42000\"}");
        assertEquals(CommandType.PRE_TRADE_CHECK, e.type());
        assertEquals(10_000_000L, e.size());
        assertEquals(4_200_000_000_000L, e.price());
    }

    @Test
    void jsonNumbersAreReadExactlyAndACommentIsAllowed()
    {
        final CommandEvent e = single(4, "{\"cmd\":\"fill\",\"account\":1,\"instrument\":\"BTC-PERP\",\"size\":0.1," +
            "\"price\":42000.00000001,\"fee\":0,\"comment\":\"venue case 17\"}");
        assertEquals(10_000_000L, e.size());
        assertEquals(4_200_000_000_001L, e.price(), "a JSON number never passes through a double");
        assertEquals(0, e.amount());
        final ScenarioError tooPrecise = error(5, "{\"cmd\":\"deposit\",\"account\":1,\"amount\":0.0000001}");
        assertEquals("amount", tooPrecise.field());
    }

    @Test
    void fundingFromAPremiumIndex()
    {
        final CommandEvent e = single(4, "{\"cmd\":\"funding\",\"instrument\":\"BTC-PERP\",\"premium\":\"0.000429\"}");
        assertEquals(CommandType.FUNDING_RATE, e.type());
        assertEquals(42_900L, e.amount());
        assertEquals(CommandEvent.FUNDING_FROM_PREMIUM, e.aux());
        assertEquals("premium", error(5, "{\"cmd\":\"funding\",\"instrument\":\"BTC-PERP\",\"premium\":\"0.0001\",\"rate\":\"0.0001\"}").field());
    }

    @Test
    void query()
    {
        final CommandEvent e = single(4, "{\"cmd\":\"query\",\"account\":12}");
        assertEquals(CommandType.QUERY_ACCOUNT, e.type());
        assertEquals(12, e.accountId());
    }

    @Test
    void liquidator()
    {
        final CommandEvent on = single(4, "{\"cmd\":\"liquidator\",\"account\":9,\"authorised\":true}");
        assertEquals(CommandType.SET_LIQUIDATOR, on.type());
        assertEquals(9, on.accountId());
        assertEquals(1, on.amount());
        assertEquals(0, single(5, "{\"cmd\":\"liquidator\",\"account\":9,\"authorised\":false}").amount());
    }

    @Test
    void instrumentDefinitionCarriesTheBuiltInstrument()
    {
        final CommandEvent e = single(7, "{\"cmd\":\"instrument\",\"id\":4,\"symbol\":\"DOGE-PERP\",\"priceDecimals\":5,\"sizeDecimals\":0," +
            "\"tiers\":[{\"floor\":\"0\",\"maxLeverage\":50,\"mmr\":\"0.01\",\"amount\":\"0\"},{\"floor\":\"50000\",\"maxLeverage\":25}]," +
            "\"liquidationFeeRate\":\"0.0125\",\"takerFeeRate\":\"0.0005\",\"fundingClampRate\":\"0.0075\",\"maxPrice\":\"1000\"," +
            "\"maxPositionSize\":\"10000000\",\"priceBandRate\":\"0.05\",\"oracleStalenessMs\":60000,\"oracleMaxConfidenceRate\":\"0.02\"}");
        assertEquals(CommandType.DEFINE_INSTRUMENT, e.type());
        assertEquals(4, e.instrumentId());
        assertEquals(7, e.correlationId(), "for instrument lines 'id' is the instrument id, the correlation is the line");
        final Instrument doge = assertInstanceOf(Instrument.class, e.attachment());
        assertEquals("DOGE-PERP", doge.symbol());
        assertEquals(1_000L, doge.tickSize());
        assertEquals(100_000_000L, doge.lotSize());
        assertEquals(2, doge.tierCount());
        assertEquals(1_000_000L, doge.tierMaintenanceRate(0));
        // derived: mmr = 1/(2*25) = 0.02; amount = 50000 * (0.02 - 0.01) + 0 = 500
        assertEquals(2_000_000L, doge.tierMaintenanceRate(1));
        assertEquals(500_000_000L, doge.tierMaintenanceAmount(1));
        assertEquals(1_250_000L, doge.liquidationFeeRate());
        assertEquals(60_000L * MS, doge.oracleStalenessNanos());
        assertEquals(100_000_000_000L, doge.maxPrice());
    }

    @Test
    void instrumentWithASymbolTakenByAnotherIdIsInvalid()
    {
        final ScenarioError error = error(3, "{\"cmd\":\"instrument\",\"id\":7,\"symbol\":\"BTC-PERP\",\"priceDecimals\":1,\"sizeDecimals\":3," +
            "\"tiers\":[{\"floor\":\"0\",\"maxLeverage\":20}]}");
        assertEquals("symbol", error.field());
        assertTrue(error.text().startsWith("line 3: field 'symbol': "), error.text());
    }

    @Test
    void blankAndCommentLinesAreSkipped()
    {
        assertInstanceOf(ParsedLine.Skip.class, parser.parse(1, ""));
        assertInstanceOf(ParsedLine.Skip.class, parser.parse(2, "   "));
        final ParsedLine.Skip hash = assertInstanceOf(ParsedLine.Skip.class, parser.parse(3, "# BTC rallies"));
        assertEquals("BTC rallies", hash.comment());
        assertInstanceOf(ParsedLine.Skip.class, parser.parse(4, "  // a note"));
    }

    @Test
    void unrepresentableDecimalNamesLineAndField()
    {
        final ScenarioError e = error(12, "{\"cmd\":\"fill\",\"account\":1,\"instrument\":\"BTC-PERP\",\"size\":\"0.5\",\"price\":\"42000.000000001\"}");
        assertEquals(12, e.line());
        assertEquals("price", e.field());
        assertTrue(e.text().startsWith("line 12: field 'price': "), e.text());
    }

    @Test
    void quoteAmountWithMoreThanSixDecimalsIsInvalid()
    {
        final ScenarioError e = error(2, "{\"cmd\":\"deposit\",\"account\":1,\"amount\":\"1.0000001\"}");
        assertEquals("amount", e.field());
    }

    @Test
    void unknownInstrumentSymbol()
    {
        final ScenarioError e = error(5, "{\"cmd\":\"mark\",\"instrument\":\"XRP-PERP\",\"price\":\"1\"}");
        assertEquals("instrument", e.field());
        assertEquals("line 5: field 'instrument': unknown instrument 'XRP-PERP' (known: BTC-PERP, ETH-PERP, SOL-PERP)", e.text());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"cmd\":\"deposit\",\"amount\":\"1\"}                                        | account",
        "{\"cmd\":\"deposit\",\"account\":1}                                           | amount",
        "{\"cmd\":\"fill\",\"account\":1,\"size\":\"1\",\"price\":\"1\"}               | instrument",
        "{\"cmd\":\"fill\",\"account\":1,\"instrument\":\"BTC-PERP\",\"price\":\"1\"}  | size",
        "{\"cmd\":\"fill\",\"account\":1,\"instrument\":\"BTC-PERP\",\"size\":\"1\"}   | price",
        "{\"cmd\":\"funding\",\"instrument\":\"BTC-PERP\"}                             | rate",
        "{\"cmd\":\"liquidation\",\"account\":1,\"instrument\":1,\"size\":\"-1\",\"price\":\"1\"} | liquidator",
        "{\"cmd\":\"leverage\",\"account\":1,\"instrument\":1}                         | leverage",
        "{\"cmd\":\"mode\",\"account\":1,\"instrument\":1}                             | mode",
        "{\"account\":1}                                                               | cmd",
    })
    void missingFieldIsNamed(final String json, final String field)
    {
        final ScenarioError e = error(8, json);
        assertEquals(field, e.field());
        assertEquals("line 8: field '" + field + "': missing", e.text());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"cmd\":\"deposit\",\"account\":1,\"amount\":true}                          | amount",
        "{\"cmd\":\"deposit\",\"account\":\"1\",\"amount\":\"100\"}                   | account",
        "{\"cmd\":\"deposit\",\"account\":1.5,\"amount\":\"100\"}                     | account",
        "{\"cmd\":\"deposit\",\"account\":1,\"amount\":\"1e3\"}                       | amount",
        "{\"cmd\":\"deposit\",\"account\":1,\"amount\":\"abc\"}                       | amount",
        "{\"cmd\":\"deposit\",\"account\":1,\"amount\":\"100\",\"ts\":-1}             | ts",
        "{\"cmd\":\"deposit\",\"account\":1,\"amount\":\"100\",\"ts\":\"now\"}        | ts",
        "{\"cmd\":\"deposit\",\"account\":1,\"amount\":\"100\",\"amout\":\"1\"}       | amout",
        "{\"cmd\":\"mode\",\"account\":1,\"instrument\":1,\"mode\":\"portfolio\"}     | mode",
        "{\"cmd\":\"liquidator\",\"account\":9,\"authorised\":\"yes\"}                | authorised",
        "{\"cmd\":\"mark\",\"instrument\":true,\"price\":\"1\"}                       | instrument",
        "{\"cmd\":7}                                                                  | cmd",
    })
    void invalidFieldIsNamed(final String json, final String field)
    {
        final ScenarioError e = error(9, json);
        assertEquals(field, e.field(), e.text());
        assertTrue(e.text().startsWith("line 9: field '" + field + "': "), e.text());
    }

    @Test
    void unknownCommand()
    {
        final ScenarioError e = error(4, "{\"cmd\":\"teleport\",\"account\":1}");
        assertEquals("cmd", e.field());
        assertTrue(e.message().startsWith("unknown command 'teleport'"), e.message());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"cmd\":\"deposit\",",
        "not json",
        "[1,2]",
        "\"deposit\"",
        "{\"cmd\":\"deposit\",\"account\":1,\"amount\":\"1\"} {\"cmd\":\"deposit\"}",
        "{\"cmd\":\"deposit\",\"account\":1,\"account\":2,\"amount\":\"1\"}",
    })
    void badJsonNamesTheLine(final String json)
    {
        final ScenarioError e = error(11, json);
        assertNull(e.field());
        assertTrue(e.text().startsWith("line 11: "), e.text());
    }

    @Test
    void invalidLineDoesNotMoveTheClock()
    {
        single(1, "{\"cmd\":\"query\",\"ts\":100,\"account\":1}");
        error(2, "{\"cmd\":\"query\",\"ts\":200}");
        assertEquals(100 * MS, single(3, "{\"cmd\":\"query\",\"account\":1}").timestamp());
        assertEquals(100, parser.lastTimestampMillis());
    }

    @Test
    void eachLineGetsFreshCommandObjects()
    {
        final CommandEvent a = single(1, "{\"cmd\":\"query\",\"account\":1}");
        final CommandEvent b = single(2, "{\"cmd\":\"query\",\"account\":2}");
        assertEquals(1, a.accountId());
        assertEquals(2, b.accountId());
        assertNotSame(a, b);
    }
}
