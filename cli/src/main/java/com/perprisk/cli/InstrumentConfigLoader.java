package com.perprisk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.perprisk.engine.fixed.FixedPoint;
import com.perprisk.engine.instrument.Instrument;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.perprisk.cli.JsonFields.decimal;
import static com.perprisk.cli.JsonFields.has;
import static com.perprisk.cli.JsonFields.intInRange;
import static com.perprisk.cli.JsonFields.integer;
import static com.perprisk.cli.JsonFields.text;

/**
 * Turns instrument definitions in JSON into engine {@link Instrument}s, through the engine's validating builder.
 * A config file is a JSON array of instrument objects, or an object with an {@code "instruments"} array; the
 * scenario {@code instrument} command uses the same object shape, see docs/SCENARIO-FORMAT.md.
 */
public final class InstrumentConfigLoader
{
    /** Classpath resource of the bundled demo instruments. */
    public static final String DEMO_RESOURCE = "/instruments/demo.json";

    /** Fields of an instrument object. */
    static final Set<String> INSTRUMENT_FIELDS = Set.of(
        "id", "symbol", "priceDecimals", "sizeDecimals", "tiers", "liquidationFeeRate", "takerFeeRate", "fundingClampRate",
        "fundingInterestRate", "fundingPremiumBand", "maxPrice", "maxPositionSize", "priceBandRate", "oracleStalenessMs", "oracleMaxConfidenceRate");

    private static final Set<String> TIER_FIELDS = Set.of("floor", "maxLeverage", "mmr", "amount");
    private static final Set<String> CONFIG_ELEMENT_FIELDS = union(INSTRUMENT_FIELDS, Set.of("cmd"));
    private static final long NANOS_PER_MILLI = 1_000_000L;

    /** Builder messages start with the name of the setting at fault; these map them back to our JSON field names. */
    private static final String[][] BUILDER_FIELDS = {
        {"id ", "id"}, {"symbol", "symbol"}, {"priceDecimals", "priceDecimals"}, {"sizeDecimals", "sizeDecimals"},
        {"at least one margin tier", "tiers"}, {"maxPrice", "maxPrice"}, {"maxPositionSize", "maxPositionSize"},
        {"liquidationFeeRate", "liquidationFeeRate"}, {"takerFeeRate", "takerFeeRate"}, {"fundingClampRate", "fundingClampRate"},
        {"fundingInterestRate", "fundingInterestRate"}, {"fundingPremiumBand", "fundingPremiumBand"},
        {"priceBandRate", "priceBandRate"}, {"oracleMaxConfidenceRate", "oracleMaxConfidenceRate"},
        {"oracleStalenessNanos", "oracleStalenessMs"},
    };

    private InstrumentConfigLoader()
    {
    }

    /**
     * @param file a config file.
     * @return its instruments, in file order.
     * @throws CliException (exit code 2) naming the file, the instrument and the field at fault.
     */
    public static List<Instrument> load(final Path file)
    {
        final String json;
        try
        {
            json = Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (final NoSuchFileException e)
        {
            throw new CliException(CliException.USAGE_OR_INPUT, "cannot read instruments config " + file + ": no such file");
        }
        catch (final IOException e)
        {
            throw new CliException(CliException.USAGE_OR_INPUT, "cannot read instruments config " + file + ": " + e);
        }
        return parse(json, file.toString());
    }

    /**
     * @param resource classpath resource name, e.g. {@link #DEMO_RESOURCE}.
     * @return its instruments.
     * @throws CliException if missing or invalid.
     */
    public static List<Instrument> loadResource(final String resource)
    {
        try (InputStream in = InstrumentConfigLoader.class.getResourceAsStream(resource))
        {
            if (in == null)
            {
                throw new CliException(CliException.USAGE_OR_INPUT, "bundled instruments config " + resource + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        }
        catch (final IOException e)
        {
            throw new CliException(CliException.USAGE_OR_INPUT, "cannot read bundled instruments config " + resource + ": " + e);
        }
    }

    /**
     * @param json   config text.
     * @param source file or resource name, for messages.
     * @return the instruments, in order.
     * @throws CliException (exit code 2) naming the source, the instrument and the field at fault.
     */
    public static List<Instrument> parse(final String json, final String source)
    {
        final String where = "instruments config " + source;
        final JsonNode root;
        try
        {
            root = JsonFields.MAPPER.readTree(json);
        }
        catch (final JsonProcessingException e)
        {
            throw new CliException(CliException.USAGE_OR_INPUT, where + ": invalid JSON: " + JsonFields.describe(e));
        }
        JsonNode array = root;
        if (root != null && root.isObject())
        {
            array = root.get("instruments");
        }
        if (array == null || !array.isArray())
        {
            throw new CliException(CliException.USAGE_OR_INPUT, where + ": expected a JSON array of instruments, or an object with an \"instruments\" array");
        }
        if (array.isEmpty())
        {
            throw new CliException(CliException.USAGE_OR_INPUT, where + ": defines no instrument");
        }

        final List<Instrument> instruments = new ArrayList<>(array.size());
        final Map<Integer, String> ids = new HashMap<>();
        final Map<String, Integer> symbols = new HashMap<>();
        for (int i = 0; i < array.size(); i++)
        {
            final JsonNode element = array.get(i);
            final String label = where + ": instrument #" + (i + 1) + describeElement(element);
            if (!element.isObject())
            {
                throw new CliException(CliException.USAGE_OR_INPUT, label + ": expected a JSON object, was " + element);
            }
            final ObjectNode object = (ObjectNode)element;
            final Instrument instrument;
            try
            {
                JsonFields.allowOnly(object, CONFIG_ELEMENT_FIELDS);
                if (has(object, "cmd") && !"instrument".equals(object.get("cmd").asText()))
                {
                    throw new FieldException("cmd", "must be \"instrument\" if present, was " + object.get("cmd"));
                }
                instrument = fromJson(object);
            }
            catch (final FieldException e)
            {
                throw new CliException(CliException.USAGE_OR_INPUT, label + ": " + e.describe());
            }
            final String previousSymbol = ids.putIfAbsent(instrument.id(), instrument.symbol());
            if (previousSymbol != null)
            {
                throw new CliException(CliException.USAGE_OR_INPUT,
                    label + ": field 'id': " + instrument.id() + " is already used by " + previousSymbol);
            }
            final Integer previousId = symbols.putIfAbsent(instrument.symbol(), instrument.id());
            if (previousId != null)
            {
                throw new CliException(CliException.USAGE_OR_INPUT,
                    label + ": field 'symbol': " + instrument.symbol() + " is already defined as instrument " + previousId);
            }
            instruments.add(instrument);
        }
        return List.copyOf(instruments);
    }

    private static String describeElement(final JsonNode element)
    {
        final JsonNode symbol = element.isObject() ? element.get("symbol") : null;
        return symbol != null && symbol.isTextual() ? " (" + symbol.textValue() + ")" : "";
    }

    /**
     * Build one instrument from its JSON object. Unknown fields are the caller's business (the scenario
     * parser also allows {@code cmd} and {@code ts}).
     *
     * @param object the instrument object.
     * @return the validated instrument.
     * @throws FieldException naming the field at fault, including the builder's own validation failures.
     */
    static Instrument fromJson(final ObjectNode object) throws FieldException
    {
        final int id = intInRange(object, "id", 1, Instrument.MAX_ID);
        final String symbol = text(object, "symbol").trim();
        if (symbol.isEmpty())
        {
            throw new FieldException("symbol", "must not be blank");
        }
        final Instrument.Builder builder = Instrument.builder(id, symbol)
            .priceDecimals(intInRange(object, "priceDecimals", 0, FixedPoint.PRICE_DECIMALS))
            .sizeDecimals(intInRange(object, "sizeDecimals", 0, FixedPoint.SIZE_DECIMALS));

        final JsonNode tiers = JsonFields.require(object, "tiers");
        if (!tiers.isArray() || tiers.isEmpty())
        {
            throw new FieldException("tiers", "must be a non-empty array of {\"floor\", \"maxLeverage\", \"mmr\", \"amount\"} objects");
        }
        for (int i = 0; i < tiers.size(); i++)
        {
            final String path = "tiers[" + i + "]";
            final JsonNode tierNode = tiers.get(i);
            if (!tierNode.isObject())
            {
                throw new FieldException(path, "must be an object, was " + tierNode);
            }
            final ObjectNode tier = (ObjectNode)tierNode;
            try
            {
                JsonFields.allowOnly(tier, TIER_FIELDS);
                builder.tier(
                    decimal(tier, "floor", FixedPoint.QUOTE_DECIMALS),
                    intInRange(tier, "maxLeverage", 1, Integer.MAX_VALUE),
                    decimal(tier, "mmr", FixedPoint.RATE_DECIMALS, Instrument.DERIVED),
                    decimal(tier, "amount", FixedPoint.QUOTE_DECIMALS, Instrument.DERIVED));
            }
            catch (final FieldException e)
            {
                throw new FieldException(path + "." + e.field(), e.getMessage());
            }
        }

        optionalDecimal(object, "liquidationFeeRate", FixedPoint.RATE_DECIMALS, builder::liquidationFeeRate);
        optionalDecimal(object, "takerFeeRate", FixedPoint.RATE_DECIMALS, builder::takerFeeRate);
        optionalDecimal(object, "fundingClampRate", FixedPoint.RATE_DECIMALS, builder::fundingClampRate);
        optionalDecimal(object, "fundingInterestRate", FixedPoint.RATE_DECIMALS, builder::fundingInterestRate);
        optionalDecimal(object, "fundingPremiumBand", FixedPoint.RATE_DECIMALS, builder::fundingPremiumBand);
        optionalDecimal(object, "maxPrice", FixedPoint.PRICE_DECIMALS, builder::maxPrice);
        optionalDecimal(object, "maxPositionSize", FixedPoint.SIZE_DECIMALS, builder::maxPositionSize);
        optionalDecimal(object, "priceBandRate", FixedPoint.RATE_DECIMALS, builder::priceBandRate);
        optionalDecimal(object, "oracleMaxConfidenceRate", FixedPoint.RATE_DECIMALS, builder::oracleMaxConfidenceRate);
        if (has(object, "oracleStalenessMs"))
        {
            final long millis = integer(object, "oracleStalenessMs");
            if (millis < 0 || millis > Long.MAX_VALUE / NANOS_PER_MILLI)
            {
                throw new FieldException("oracleStalenessMs", "must be a non-negative number of milliseconds, was " + millis);
            }
            builder.oracleStalenessNanos(millis * NANOS_PER_MILLI);
        }

        try
        {
            return builder.build();
        }
        catch (final IllegalArgumentException e)
        {
            throw new FieldException(fieldOf(e.getMessage()), e.getMessage());
        }
    }

    private static String fieldOf(final String builderMessage)
    {
        if (builderMessage == null)
        {
            return null;
        }
        for (final String[] mapping : BUILDER_FIELDS)
        {
            if (builderMessage.startsWith(mapping[0]))
            {
                return mapping[1];
            }
        }
        return builderMessage.contains(" tier ") ? "tiers" : null;
    }

    private static Set<String> union(final Set<String> a, final Set<String> b)
    {
        final java.util.HashSet<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
    /** Hand an optional decimal field to a builder setter when present. */
    private static void optionalDecimal(
        final ObjectNode object, final String field, final int decimals, final java.util.function.LongConsumer setter) throws FieldException
    {
        if (has(object, field))
        {
            setter.accept(decimal(object, field, decimals));
        }
    }
}
