package com.perprisk.engine.event;

/**
 * A funding rate was applied to an instrument's cumulative index (positions settle lazily)
 *
 * <p>Pre-allocated and reused by the business-logic thread: valid only during the listener
 * callback that receives it; copy what you need to keep.
 */
public final class FundingApplied
{
    private long sequence;
    private int instrumentId;
    private long requestedRate;
    private long appliedRate;
    private long markPrice;
    private long fundingIndex;

    /** @return input sequence of the funding command. */
    public long sequence()
    {
        return sequence;
    }

    /** @param sequence input sequence of the funding command. @return this. */
    public FundingApplied sequence(final long sequence)
    {
        this.sequence = sequence;
        return this;
    }

    /** @return instrument. */
    public int instrumentId()
    {
        return instrumentId;
    }

    /** @param instrumentId instrument. @return this. */
    public FundingApplied instrumentId(final int instrumentId)
    {
        this.instrumentId = instrumentId;
        return this;
    }

    /** @return rate as requested, or as derived from the premium index, before the instrument's clamp (rate scale). */
    public long requestedRate()
    {
        return requestedRate;
    }

    /** @param requestedRate rate as requested, or as derived from the premium index, before the instrument's clamp (rate scale). @return this. */
    public FundingApplied requestedRate(final long requestedRate)
    {
        this.requestedRate = requestedRate;
        return this;
    }

    /** @return rate after the instrument's clamp (rate scale); positive means longs pay shorts. */
    public long appliedRate()
    {
        return appliedRate;
    }

    /** @param appliedRate rate after the instrument's clamp (rate scale); positive means longs pay shorts. @return this. */
    public FundingApplied appliedRate(final long appliedRate)
    {
        this.appliedRate = appliedRate;
        return this;
    }

    /** @return mark price the rate was applied at (price scale). */
    public long markPrice()
    {
        return markPrice;
    }

    /** @param markPrice mark price the rate was applied at (price scale). @return this. */
    public FundingApplied markPrice(final long markPrice)
    {
        this.markPrice = markPrice;
        return this;
    }

    /** @return cumulative funding index after (funding index scale, quote per unit of base). */
    public long fundingIndex()
    {
        return fundingIndex;
    }

    /** @param fundingIndex cumulative funding index after (funding index scale, quote per unit of base). @return this. */
    public FundingApplied fundingIndex(final long fundingIndex)
    {
        this.fundingIndex = fundingIndex;
        return this;
    }

    @Override
    public String toString()
    {
        return "FundingApplied{" +
            "sequence=" + sequence + ", " +
            "instrumentId=" + instrumentId + ", " +
            "requestedRate=" + requestedRate + ", " +
            "appliedRate=" + appliedRate + ", " +
            "markPrice=" + markPrice + ", " +
            "fundingIndex=" + fundingIndex + '}';
    }
}
