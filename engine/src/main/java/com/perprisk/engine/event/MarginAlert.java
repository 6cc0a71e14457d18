package com.perprisk.engine.event;

/**
 * An account's margin ratio crossed the configured alert threshold upwards (raised) or came back below it (recovered)
 *
 * <p>Pre-allocated and reused by the business-logic thread: valid only during the listener
 * callback that receives it; copy what you need to keep.
 */
public final class MarginAlert
{
    private long sequence;
    private long accountId;
    private boolean raised;
    private long marginRatio;
    private long threshold;

    /** @return input sequence that caused the crossing. */
    public long sequence()
    {
        return sequence;
    }

    /** @param sequence input sequence that caused the crossing. @return this. */
    public MarginAlert sequence(final long sequence)
    {
        this.sequence = sequence;
        return this;
    }

    /** @return account. */
    public long accountId()
    {
        return accountId;
    }

    /** @param accountId account. @return this. */
    public MarginAlert accountId(final long accountId)
    {
        this.accountId = accountId;
        return this;
    }

    /** @return true when raised, false when recovered. */
    public boolean raised()
    {
        return raised;
    }

    /** @param raised true when raised, false when recovered. @return this. */
    public MarginAlert raised(final boolean raised)
    {
        this.raised = raised;
        return this;
    }

    /** @return margin ratio now (rate scale). */
    public long marginRatio()
    {
        return marginRatio;
    }

    /** @param marginRatio margin ratio now (rate scale). @return this. */
    public MarginAlert marginRatio(final long marginRatio)
    {
        this.marginRatio = marginRatio;
        return this;
    }

    /** @return the configured threshold (rate scale). */
    public long threshold()
    {
        return threshold;
    }

    /** @param threshold the configured threshold (rate scale). @return this. */
    public MarginAlert threshold(final long threshold)
    {
        this.threshold = threshold;
        return this;
    }

    @Override
    public String toString()
    {
        return "MarginAlert{" +
            "sequence=" + sequence + ", " +
            "accountId=" + accountId + ", " +
            "raised=" + raised + ", " +
            "marginRatio=" + marginRatio + ", " +
            "threshold=" + threshold + '}';
    }
}
