package com.perprisk.cli;

/**
 * An expected failure the operator can fix (unreadable file, bad config, bad option value): printed as one
 * line on stderr, without a stack trace, and mapped to the process exit code.
 */
public final class CliException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /** Exit code for an unreadable input, a bad config or a bad option value. */
    public static final int USAGE_OR_INPUT = 2;
    /** Exit code for a run that completed but could not answer (e.g. a query on an unknown account). */
    public static final int FAILED = 1;

    private final int exitCode;

    /**
     * @param exitCode process exit code to return.
     * @param message  what went wrong, for the operator.
     */
    public CliException(final int exitCode, final String message)
    {
        super(message);
        this.exitCode = exitCode;
    }

    /** @return process exit code to return. */
    public int exitCode()
    {
        return exitCode;
    }
}
