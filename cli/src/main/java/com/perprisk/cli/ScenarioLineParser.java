package com.perprisk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.perprisk.engine.book.MarginMode;
import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.fixed.FixedPoint;
import com.perprisk.engine.instrument.Instrument;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static com.perprisk.cli.JsonFields.bool;
import static com.perprisk.cli.JsonFields.decimal;
import static com.perprisk.cli.JsonFields.has;
import static com.perprisk.cli.JsonFields.integer;

/**
 * Parses one JSON Lines scenario line into filled {@link CommandEvent}s, or a {@link ScenarioError} naming the line
 * and the field. The format is documented in docs/SCENARIO-FORMAT.md.
 *
 * <p>Stateful: a line without {@code "ts"} takes the previous valid line's time. Instrument symbols resolve through
 * the {@link InstrumentRegistry}, which the runner updates when the engine accepts an instrument. Main thread only.
 */
public final class ScenarioLineParser
{
    /** Nanoseconds per millisecond: scenario times are epoch milliseconds, engine times epoch nanoseconds. */
    public static final long NANOS_PER_MILLI = 1_000_000L;

    private static final Set<String> COMMON = Set.of("cmd", "ts", "id", "comment");
    private static final Map<String, Set<String>> FIELDS = new TreeMap<>();

    static
    {
        FIELDS.put("instrument", with(InstrumentConfigLoader.INSTRUMENT_FIELDS));
        FIELDS.put("deposit", with(Set.of("account", "amount")));
        FIELDS.put("withdraw", with(Set.of("account", "amount")));
        FIELDS.put("fill", with(Set.of("account", "instrument", "size", "price", "fee")));
        FIELDS.put("margin", with(Set.of("account", "instrument", "amount")));
        FIELDS.put("leverage", with(Set.of("account", "instrument", "leverage")));
        FIELDS.put("mode", with(Set.of("account", "instrument", "mode")));
        FIELDS.put("mark", with(Set.of("instrument", "price", "confidence", "publishTs")));
        FIELDS.put("funding", with(Set.of("instrument", "rate", "premium", "mark")));
        FIELDS.put("liquidation", with(Set.of("liquidator", "account", "instrument", "size", "price")));
        FIELDS.put("pretrade", with(Set.of("account", "instrument", "size", "price")));
        FIELDS.put("query", with(Set.of("account")));
        FIELDS.put("liquidator", with(Set.of("account", "authorised", "authorized")));
    }

    private final InstrumentRegistry instruments;
    private long lastTimestampMillis;

    /** @param instruments symbols the scenario may name; read at each parse. */
    public ScenarioLineParser(final InstrumentRegistry instruments)
    {
        this.instruments = instruments;
    }

    /** @return the scenario command names this parser knows. */
    public static Set<String> commandNames()
    {
        return FIELDS.keySet();
    }

    /** @return time of the last valid line, epoch milliseconds (0 before any). */
    public long lastTimestampMillis()
    {
        return lastTimestampMillis;
    }

    /**
     * @param lineNumber 1-based line number, used for the default correlation id and in errors.
     * @param text       the raw line.
     * @return a skip, the commands to publish, or an error.
     */
    public ParsedLine parse(final int lineNumber, final String text)
    {
        final String trimmed = stripBom(text).trim();
        if (trimmed.isEmpty())
        {
            return new ParsedLine.Skip(lineNumber, "");
        }
        if (trimmed.startsWith("#") || trimmed.startsWith("//"))
        {
            return new ParsedLine.Skip(lineNumber, trimmed.substring(trimmed.startsWith("#") ? 1 : 2).trim());
        }

        final JsonNode root;
        try
        {
            root = JsonFields.MAPPER.readTree(trimmed);
        }
        catch (final JsonProcessingException e)
        {
            return new ScenarioError(lineNumber, null, "invalid JSON: " + JsonFields.describe(e));
        }
        if (root == null || !root.isObject())
        {
            return new ScenarioError(lineNumber, null, "expected a JSON object, was " + (root == null ? "nothing" : root.getNodeType()));
        }

        try
        {
            return parseObject(lineNumber, (ObjectNode)root);
        }
        catch (final FieldException e)
        {
            return new ScenarioError(lineNumber, e.field(), e.getMessage());
        }
    }

    private ParsedLine.Commands parseObject(final int lineNumber, final ObjectNode o) throws FieldException
    {
        final String cmd = JsonFields.text(o, "cmd").trim().toLowerCase(Locale.ROOT);
        final Set<String> allowed = FIELDS.get(cmd);
        if (allowed == null)
        {
            throw new FieldException("cmd", "unknown command '" + o.get("cmd").textValue() + "' (expected one of: " +
                String.join(", ", FIELDS.keySet()) + ")");
        }
        JsonFields.allowOnly(o, allowed);

        final long tsMillis = integer(o, "ts", lastTimestampMillis);
        if (tsMillis < 0 || tsMillis > Long.MAX_VALUE / NANOS_PER_MILLI)
        {
            throw new FieldException("ts", "must be epoch milliseconds in 0.." + Long.MAX_VALUE / NANOS_PER_MILLI + ", was " + tsMillis);
        }
        final long ts = tsMillis * NANOS_PER_MILLI;
        // For "instrument", "id" is the instrument id; every other command may set its correlation id with it.
        final long corr = "instrument".equals(cmd) ? lineNumber : integer(o, "id", lineNumber);

        final List<CommandEvent> commands;
        switch (cmd)
        {
            case "instrument":
                commands = List.of(defineInstrument(o, ts, corr));
                break;
            case "deposit":
                commands = List.of(new CommandEvent().deposit(ts, corr, account(o, "account"), quote(o, "amount")));
                break;
            case "withdraw":
                commands = List.of(new CommandEvent().withdraw(ts, corr, account(o, "account"), quote(o, "amount")));
                break;
            case "fill":
                commands = List.of(new CommandEvent().fill(ts, corr, account(o, "account"), instrument(o), size(o), price(o, "price"),
                    decimal(o, "fee", FixedPoint.QUOTE_DECIMALS, CommandEvent.FEE_FROM_SCHEDULE)));
                break;
            case "margin":
                commands = List.of(new CommandEvent().adjustIsolatedMargin(ts, corr, account(o, "account"), instrument(o), quote(o, "amount")));
                break;
            case "leverage":
                commands = List.of(new CommandEvent().setLeverage(ts, corr, account(o, "account"), instrument(o), leverage(o)));
                break;
            case "mode":
                commands = List.of(new CommandEvent().setMarginMode(ts, corr, account(o, "account"), instrument(o), mode(o)));
                break;
            case "mark":
                commands = List.of(new CommandEvent().markPrice(ts, corr, instrument(o), price(o, "price"),
                    decimal(o, "confidence", FixedPoint.PRICE_DECIMALS, 0), publishTime(o)));
                break;
            case "funding":
                commands = funding(o, ts, corr);
                break;
            case "liquidation":
                commands = List.of(new CommandEvent().liquidationFill(ts, corr, account(o, "liquidator"), account(o, "account"),
                    instrument(o), size(o), price(o, "price")));
                break;
            case "pretrade":
                commands = List.of(new CommandEvent().preTradeCheck(ts, corr, account(o, "account"), instrument(o), size(o), price(o, "price")));
                break;
            case "query":
                commands = List.of(new CommandEvent().queryAccount(ts, corr, account(o, "account")));
                break;
            case "liquidator":
                if (has(o, "authorised") && has(o, "authorized"))
                {
                    throw new FieldException("authorized", "give either 'authorised' or 'authorized', not both");
                }
                final boolean authorised = bool(o, has(o, "authorized") ? "authorized" : "authorised", true);
                commands = List.of(new CommandEvent().setLiquidator(ts, corr, account(o, "account"), authorised));
                break;
            default:
                throw new IllegalStateException("unhandled command " + cmd);
        }
        lastTimestampMillis = tsMillis;
        return new ParsedLine.Commands(lineNumber, cmd, commands);
    }

    private CommandEvent defineInstrument(final ObjectNode o, final long ts, final long corr) throws FieldException
    {
        final Instrument instrument = InstrumentConfigLoader.fromJson(o);
        final Instrument sameSymbol = instruments.bySymbol(instrument.symbol());
        if (sameSymbol != null && sameSymbol.id() != instrument.id())
        {
            throw new FieldException("symbol", instrument.symbol() + " is already defined as instrument " + sameSymbol.id());
        }
        return new CommandEvent().defineInstrument(ts, corr, instrument.id(), instrument);
    }

    private List<CommandEvent> funding(final ObjectNode o, final long ts, final long corr) throws FieldException
    {
        final int instrument = instrument(o);
        if (!has(o, "premium"))
        {
            JsonFields.require(o, "rate");
        }
        else if (has(o, "rate"))
        {
            throw new FieldException("premium", "give either 'rate' or 'premium', not both");
        }
        final CommandEvent funding = has(o, "rate") ?
            new CommandEvent().fundingRate(ts, corr, instrument, decimal(o, "rate", FixedPoint.RATE_DECIMALS)) :
            new CommandEvent().fundingFromPremium(ts, corr, instrument, decimal(o, "premium", FixedPoint.RATE_DECIMALS));
        if (!has(o, "mark"))
        {
            return List.of(funding);
        }
        return List.of(new CommandEvent().markPrice(ts, corr, instrument, price(o, "mark"), 0, 0), funding);
    }

    private int instrument(final ObjectNode o) throws FieldException
    {
        final JsonNode node = JsonFields.require(o, "instrument");
        if (node.isIntegralNumber())
        {
            final long id = integer("instrument", node);
            if (id < 0 || id > Integer.MAX_VALUE)
            {
                throw new FieldException("instrument", "instrument id out of range: " + id);
            }
            return (int)id; // an unknown id goes to the engine, which rejects it with UNKNOWN_INSTRUMENT
        }
        if (!node.isTextual())
        {
            throw new FieldException("instrument", "must be a symbol string or an integer id, was " + node);
        }
        final Instrument instrument = instruments.bySymbol(node.textValue().trim());
        if (instrument == null)
        {
            throw new FieldException("instrument", "unknown instrument '" + node.textValue() + "' (known: " +
                String.join(", ", instruments.symbols()) + ")");
        }
        return instrument.id();
    }

    private static long account(final ObjectNode o, final String field) throws FieldException
    {
        return integer(o, field);
    }

    private static long quote(final ObjectNode o, final String field) throws FieldException
    {
        return decimal(o, field, FixedPoint.QUOTE_DECIMALS);
    }

    private static long size(final ObjectNode o) throws FieldException
    {
        return decimal(o, "size", FixedPoint.SIZE_DECIMALS);
    }

    private static long price(final ObjectNode o, final String field) throws FieldException
    {
        return decimal(o, field, FixedPoint.PRICE_DECIMALS);
    }

    private static long leverage(final ObjectNode o) throws FieldException
    {
        final long leverage = integer(o, "leverage");
        if (leverage < Integer.MIN_VALUE || leverage > Integer.MAX_VALUE)
        {
            throw new FieldException("leverage", "out of range: " + leverage);
        }
        return leverage; // range against the tiers is the engine's check (LEVERAGE_EXCEEDS_TIER)
    }

    private static long mode(final ObjectNode o) throws FieldException
    {
        final String mode = JsonFields.text(o, "mode").trim().toLowerCase(Locale.ROOT);
        switch (mode)
        {
            case "cross":
                return MarginMode.CROSS;
            case "isolated":
                return MarginMode.ISOLATED;
            default:
                throw new FieldException("mode", "must be \"cross\" or \"isolated\", was \"" + o.get("mode").textValue() + "\"");
        }
    }

    private static long publishTime(final ObjectNode o) throws FieldException
    {
        final long millis = integer(o, "publishTs", 0);
        if (millis < 0 || millis > Long.MAX_VALUE / NANOS_PER_MILLI)
        {
            throw new FieldException("publishTs", "must be epoch milliseconds in 0.." + Long.MAX_VALUE / NANOS_PER_MILLI + ", was " + millis);
        }
        return millis * NANOS_PER_MILLI;
    }

    private static String stripBom(final String text)
    {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    private static Set<String> with(final Set<String> fields)
    {
        final Set<String> all = new HashSet<>(COMMON);
        all.addAll(fields);
        return Set.copyOf(all);
    }
}
