package com.perprisk.journal;

/** A journal that cannot be opened, read or trusted; the message says what to do. Thrown at start-up and by tools only. */
public final class JournalException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and what to do */
    public JournalException(final String message)
    {
        super(message);
    }

    /** @param message what is wrong and what to do @param cause underlying error */
    public JournalException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
