package com.perprisk.engine.event;

/**
 * The insurance fund received a liquidation fee or covered a bankrupt account's deficit
 *
 * <p>Pre-allocated and reused by the business-logic thread: valid only during the listener
 * callback that receives it; copy what you need to keep.
 */
public final class InsuranceFundUpdate
{
    private long sequence;
    private long accountId;
    private int instrumentId;
    private long delta;
    private long balance;

    /** @return input sequence that caused it. */
    public long sequence()
    {
        return sequence;
    }

    /** @param sequence input sequence that caused it. @return this. */
    public InsuranceFundUpdate sequence(final long sequence)
    {
        this.sequence = sequence;
        return this;
    }

    /** @return account the money came from (or went to). */
    public long accountId()
    {
        return accountId;
    }

    /** @param accountId account the money came from (or went to). @return this. */
    public InsuranceFundUpdate accountId(final long accountId)
    {
        this.accountId = accountId;
        return this;
    }

    /** @return instrument of the liquidation. */
    public int instrumentId()
    {
        return instrumentId;
    }

    /** @param instrumentId instrument of the liquidation. @return this. */
    public InsuranceFundUpdate instrumentId(final int instrumentId)
    {
        this.instrumentId = instrumentId;
        return this;
    }

    /** @return change of the fund (quote scale), negative when it covered a deficit. */
    public long delta()
    {
        return delta;
    }

    /** @param delta change of the fund (quote scale), negative when it covered a deficit. @return this. */
    public InsuranceFundUpdate delta(final long delta)
    {
        this.delta = delta;
        return this;
    }

    /** @return fund balance after (quote scale); negative means auto-deleveraging would be needed. */
    public long balance()
    {
        return balance;
    }

    /** @param balance fund balance after (quote scale); negative means auto-deleveraging would be needed. @return this. */
    public InsuranceFundUpdate balance(final long balance)
    {
        this.balance = balance;
        return this;
    }

    @Override
    public String toString()
    {
        return "InsuranceFundUpdate{" +
            "sequence=" + sequence + ", " +
            "accountId=" + accountId + ", " +
            "instrumentId=" + instrumentId + ", " +
            "delta=" + delta + ", " +
            "balance=" + balance + '}';
    }
}
