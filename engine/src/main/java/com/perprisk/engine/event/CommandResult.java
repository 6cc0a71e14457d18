package com.perprisk.engine.event;

/**
 * The one result every command gets: accepted ({@code rejectReason == RejectReason.NONE}) or rejected with a reason code
 *
 * <p>Pre-allocated and reused by the business-logic thread: valid only during the listener
 * callback that receives it; copy what you need to keep.
 */
public final class CommandResult
{
    private long sequence;
    private long correlationId;
    private byte commandType;
    private long accountId;
    private int instrumentId;
    private int rejectReason;

    /** @return input sequence this result belongs to. */
    public long sequence()
    {
        return sequence;
    }

    /** @param sequence input sequence this result belongs to. @return this. */
    public CommandResult sequence(final long sequence)
    {
        this.sequence = sequence;
        return this;
    }

    /** @return the client's correlation id. */
    public long correlationId()
    {
        return correlationId;
    }

    /** @param correlationId the client's correlation id. @return this. */
    public CommandResult correlationId(final long correlationId)
    {
        this.correlationId = correlationId;
        return this;
    }

    /** @return command code, see {@code CommandType}. */
    public byte commandType()
    {
        return commandType;
    }

    /** @param commandType command code, see {@code CommandType}. @return this. */
    public CommandResult commandType(final byte commandType)
    {
        this.commandType = commandType;
        return this;
    }

    /** @return account the command acted on (0 if none). */
    public long accountId()
    {
        return accountId;
    }

    /** @param accountId account the command acted on (0 if none). @return this. */
    public CommandResult accountId(final long accountId)
    {
        this.accountId = accountId;
        return this;
    }

    /** @return instrument the command acted on (0 if none). */
    public int instrumentId()
    {
        return instrumentId;
    }

    /** @param instrumentId instrument the command acted on (0 if none). @return this. */
    public CommandResult instrumentId(final int instrumentId)
    {
        this.instrumentId = instrumentId;
        return this;
    }

    /** @return {@code RejectReason} code, {@code NONE} when accepted. */
    public int rejectReason()
    {
        return rejectReason;
    }

    /** @param rejectReason {@code RejectReason} code, {@code NONE} when accepted. @return this. */
    public CommandResult rejectReason(final int rejectReason)
    {
        this.rejectReason = rejectReason;
        return this;
    }

    @Override
    public String toString()
    {
        return "CommandResult{" +
            "sequence=" + sequence + ", " +
            "correlationId=" + correlationId + ", " +
            "commandType=" + commandType + ", " +
            "accountId=" + accountId + ", " +
            "instrumentId=" + instrumentId + ", " +
            "rejectReason=" + rejectReason + '}';
    }
}
