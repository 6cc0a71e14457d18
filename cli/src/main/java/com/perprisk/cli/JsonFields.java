package com.perprisk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.perprisk.engine.fixed.FixedPoint;

import java.util.Iterator;
import java.util.Set;

/**
 * Strict, typed reads of JSON fields, shared by the scenario parser and the instrument config loader.
 * Decimal numbers are JSON strings, or JSON numbers read exactly as BigDecimal (so no value ever passes through a
 * binary floating point); integers must be JSON integers; every failure is a {@link FieldException} naming the field.
 */
final class JsonFields
{
    /** One mapper for the module: strict about duplicate keys and trailing tokens, exact for numbers. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .build();

    private JsonFields()
    {
    }

    /**
     * @param e a Jackson parse error.
     * @return its message without Jackson's source excerpt, with the column when known.
     */
    static String describe(final JsonProcessingException e)
    {
        final String message = e.getOriginalMessage();
        String firstLine = message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
        final int sourceNote = firstLine.indexOf(" (start marker at [Source:");
        if (sourceNote > 0)
        {
            firstLine = firstLine.substring(0, sourceNote);
        }
        final int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
        return column > 0 ? firstLine + " (column " + column + ")" : firstLine;
    }

    /**
     * Reject fields the command does not know, so that a typo never silently becomes a default.
     *
     * @param object  the JSON object.
     * @param allowed field names it may carry.
     * @throws FieldException naming the first unknown field.
     */
    static void allowOnly(final ObjectNode object, final Set<String> allowed) throws FieldException
    {
        for (final Iterator<String> names = object.fieldNames(); names.hasNext(); )
        {
            final String name = names.next();
            if (!allowed.contains(name))
            {
                throw new FieldException(name, "unknown field (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    /** @param object the JSON object @param field name @return true when present and not JSON null. */
    static boolean has(final ObjectNode object, final String field)
    {
        final JsonNode node = object.get(field);
        return node != null && !node.isNull();
    }

    /** @param object the JSON object @param field name @return the value @throws FieldException if missing or null. */
    static JsonNode require(final ObjectNode object, final String field) throws FieldException
    {
        final JsonNode node = object.get(field);
        if (node == null || node.isNull())
        {
            throw new FieldException(field, "missing");
        }
        return node;
    }

    /** @param object the JSON object @param field name @return the string value @throws FieldException if missing or not a string. */
    static String text(final ObjectNode object, final String field) throws FieldException
    {
        final JsonNode node = require(object, field);
        if (!node.isTextual())
        {
            throw new FieldException(field, "must be a string, was " + node);
        }
        return node.textValue();
    }

    /** @param object the JSON object @param field name @return the integer @throws FieldException if missing or not an integer. */
    static long integer(final ObjectNode object, final String field) throws FieldException
    {
        return integer(field, require(object, field));
    }

    /**
     * @param object       the JSON object.
     * @param field        name.
     * @param defaultValue value when absent.
     * @return the integer or the default.
     * @throws FieldException if present but not an integer.
     */
    static long integer(final ObjectNode object, final String field, final long defaultValue) throws FieldException
    {
        return has(object, field) ? integer(field, object.get(field)) : defaultValue;
    }

    /**
     * @param field name, for the message.
     * @param node  the value.
     * @return the integer.
     * @throws FieldException if not a JSON integer within a long.
     */
    static long integer(final String field, final JsonNode node) throws FieldException
    {
        if (!node.isIntegralNumber() || !node.canConvertToLong())
        {
            throw new FieldException(field, "must be an integer, was " + node);
        }
        return node.longValue();
    }

    /**
     * @param object the JSON object @param field name @param min lowest allowed @param max highest allowed
     * @return the integer.
     * @throws FieldException if missing, not an integer or out of range.
     */
    static int intInRange(final ObjectNode object, final String field, final int min, final int max) throws FieldException
    {
        final long value = integer(object, field);
        if (value < min || value > max)
        {
            throw new FieldException(field, "must be in " + min + ".." + max + ", was " + value);
        }
        return (int)value;
    }

    /**
     * @param object   the JSON object.
     * @param field    name.
     * @param decimals fixed-point scale of the value.
     * @return the raw fixed-point value.
     * @throws FieldException if missing, not a string, malformed or not exactly representable at the scale.
     */
    static long decimal(final ObjectNode object, final String field, final int decimals) throws FieldException
    {
        return decimal(field, require(object, field), decimals);
    }

    /**
     * @param object       the JSON object.
     * @param field        name.
     * @param decimals     fixed-point scale of the value.
     * @param defaultValue raw value when absent.
     * @return the raw fixed-point value or the default.
     * @throws FieldException if present but invalid.
     */
    static long decimal(final ObjectNode object, final String field, final int decimals, final long defaultValue) throws FieldException
    {
        return has(object, field) ? decimal(field, object.get(field), decimals) : defaultValue;
    }

    /**
     * @param field    name, for the message.
     * @param node     the value.
     * @param decimals fixed-point scale.
     * @return the raw fixed-point value.
     * @throws FieldException if not a string holding an exactly representable decimal.
     */
    static long decimal(final String field, final JsonNode node, final int decimals) throws FieldException
    {
        final String text;
        if (node.isTextual())
        {
            text = node.textValue().trim();
        }
        else if (node.isNumber())
        {
            // The mapper reads JSON numbers as BigDecimal (never a double), so its plain text is the exact number written.
            text = node.decimalValue().toPlainString();
        }
        else
        {
            throw new FieldException(field, "must be a decimal, preferably in a JSON string (\"42000.5\"), was " + node);
        }
        try
        {
            return FixedPoint.parse(text, decimals);
        }
        catch (final IllegalArgumentException e)
        {
            throw new FieldException(field, e.getMessage() == null ? "invalid decimal '" + text + "'" : e.getMessage());
        }
    }

    /** @param object the JSON object @param field name @param defaultValue value when absent @return the boolean @throws FieldException if not a boolean. */
    static boolean bool(final ObjectNode object, final String field, final boolean defaultValue) throws FieldException
    {
        if (!has(object, field))
        {
            return defaultValue;
        }
        final JsonNode node = object.get(field);
        if (!node.isBoolean())
        {
            throw new FieldException(field, "must be true or false, was " + node);
        }
        return node.booleanValue();
    }
}
