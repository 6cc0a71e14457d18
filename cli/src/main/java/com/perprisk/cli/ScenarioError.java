package com.perprisk.cli;

/**
 * An invalid scenario line: it never reaches the engine, and the run goes on.
 *
 * @param line    1-based line number.
 * @param field   the field at fault, or null when the line as a whole is (bad JSON, not an object).
 * @param message what is wrong.
 */
public record ScenarioError(int line, String field, String message) implements ParsedLine
{
    /** @return {@code line N: field 'x': message}, or {@code line N: message} without a field. */
    public String text()
    {
        return "line " + line + ": " + (field == null ? "" : "field '" + field + "': ") + message;
    }
}
