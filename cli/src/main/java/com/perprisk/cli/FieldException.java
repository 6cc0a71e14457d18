package com.perprisk.cli;

/** A JSON field is missing or invalid; carries the field's name so callers can say where. */
public final class FieldException extends Exception
{
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field   field name, possibly a path such as {@code tiers[2].floor}; null when no single field is at fault.
     * @param message what is wrong with it.
     */
    public FieldException(final String field, final String message)
    {
        super(message);
        this.field = field;
    }

    /** @return field name or path, null when no single field is at fault. */
    public String field()
    {
        return field;
    }

    /** @return {@code field 'x': message}, or just the message when no field is at fault. */
    public String describe()
    {
        return field == null ? getMessage() : "field '" + field + "': " + getMessage();
    }
}
