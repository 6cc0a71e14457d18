package com.perprisk.engine.book;

import com.perprisk.engine.state.StateImage;
import com.perprisk.engine.state.StateReader;
import com.perprisk.engine.state.StateWriter;
import org.agrona.collections.Long2LongHashMap;

import java.util.Arrays;

/**
 * Accounts in struct-of-arrays form: one slot per account, slots handed out in creation order and
 * never reused, so slot order is a deterministic order. Account id to slot goes through an Agrona
 * primitive map (never iterated, so no hash-order dependence).
 *
 * <p>Memory: 8 longs (64 B) + 2 ints (8 B) + 1 byte per account, plus about 24 B in the id map:
 * about 97 bytes per account.
 *
 * <p>Threading: owned and mutated only by the business-logic thread.
 */
public final class AccountBook
{
    /** Flag: may submit liquidation fills. */
    public static final byte FLAG_LIQUIDATOR = 1;
    /** Flag: a margin alert is raised. */
    public static final byte FLAG_ALERT_RAISED = 2;
    /** Flag: the cross part or an isolated position is below maintenance. */
    public static final byte FLAG_LIQUIDATABLE = 4;

    /** Slot value meaning "no such account" and "no position". */
    public static final int NONE = -1;

    private static final int SECTION = 0x54434341;   // "ACCT"
    private static final int IMAGE_BYTES_PER_ACCOUNT = 8 * Long.BYTES + 2 * Integer.BYTES + 1;

    private final Long2LongHashMap slotById;
    private long[] accountId;
    private long[] collateral;
    private long[] realizedPnl;
    private long[] feesPaid;
    private long[] fundingPaid;
    private long[] totalDeposited;
    private long[] totalWithdrawn;
    private long[] evaluationMark;
    private int[] firstPosition;
    private int[] openPositions;
    private byte[] flags;
    private int count;

    /** @param initialCapacity accounts to pre-allocate (arrays grow by doubling beyond it). */
    public AccountBook(final int initialCapacity)
    {
        final int capacity = Math.max(16, initialCapacity);
        slotById = new Long2LongHashMap(capacity * 2, 0.65f, NONE);
        accountId = new long[capacity];
        collateral = new long[capacity];
        realizedPnl = new long[capacity];
        feesPaid = new long[capacity];
        fundingPaid = new long[capacity];
        totalDeposited = new long[capacity];
        totalWithdrawn = new long[capacity];
        evaluationMark = new long[capacity];
        firstPosition = new int[capacity];
        openPositions = new int[capacity];
        flags = new byte[capacity];
    }

    /** @return number of accounts. */
    public int count()
    {
        return count;
    }

    /** @param id account id @return slot, or {@link #NONE}. */
    public int slotOf(final long id)
    {
        return (int)slotById.get(id);
    }

    /**
     * Create an account with zero balances.
     *
     * @param id account id, not yet present.
     * @return the new slot.
     */
    public int create(final long id)
    {
        if (count == accountId.length)
        {
            grow();
        }
        final int slot = count++;
        accountId[slot] = id;
        firstPosition[slot] = NONE;
        slotById.put(id, slot);
        return slot;
    }

    private void grow()
    {
        resize(accountId.length * 2);
    }

    private void resize(final int n)
    {
        accountId = Arrays.copyOf(accountId, n);
        collateral = Arrays.copyOf(collateral, n);
        realizedPnl = Arrays.copyOf(realizedPnl, n);
        feesPaid = Arrays.copyOf(feesPaid, n);
        fundingPaid = Arrays.copyOf(fundingPaid, n);
        totalDeposited = Arrays.copyOf(totalDeposited, n);
        totalWithdrawn = Arrays.copyOf(totalWithdrawn, n);
        evaluationMark = Arrays.copyOf(evaluationMark, n);
        firstPosition = Arrays.copyOf(firstPosition, n);
        openPositions = Arrays.copyOf(openPositions, n);
        flags = Arrays.copyOf(flags, n);
    }

    /** @param slot slot @return account id */
    public long accountId(final int slot)
    {
        return accountId[slot];
    }

    /** @param slot slot @return cross collateral (quote scale) */
    public long collateral(final int slot)
    {
        return collateral[slot];
    }

    /** @param slot slot @param delta signed change of the cross collateral (quote scale) */
    public void addCollateral(final int slot, final long delta)
    {
        collateral[slot] += delta;
    }

    /** @param slot slot @return realized PnL so far */
    public long realizedPnl(final int slot)
    {
        return realizedPnl[slot];
    }

    /** @param slot slot @param delta realized PnL to add */
    public void addRealizedPnl(final int slot, final long delta)
    {
        realizedPnl[slot] += delta;
    }

    /** @param slot slot @return fees paid so far */
    public long feesPaid(final int slot)
    {
        return feesPaid[slot];
    }

    /** @param slot slot @param fee fee to add */
    public void addFeesPaid(final int slot, final long fee)
    {
        feesPaid[slot] += fee;
    }

    /** @param slot slot @return funding paid (+) or received (-) so far */
    public long fundingPaid(final int slot)
    {
        return fundingPaid[slot];
    }

    /** @param slot slot @param paid funding paid (+) or received (-) */
    public void addFundingPaid(final int slot, final long paid)
    {
        fundingPaid[slot] += paid;
    }

    /** @param slot slot @return total deposited */
    public long totalDeposited(final int slot)
    {
        return totalDeposited[slot];
    }

    /** @param slot slot @param amount deposit to record */
    public void recordDeposit(final int slot, final long amount)
    {
        totalDeposited[slot] += amount;
        collateral[slot] += amount;
    }

    /** @param slot slot @return total withdrawn */
    public long totalWithdrawn(final int slot)
    {
        return totalWithdrawn[slot];
    }

    /** @param slot slot @param amount withdrawal to record */
    public void recordWithdrawal(final int slot, final long amount)
    {
        totalWithdrawn[slot] += amount;
        collateral[slot] -= amount;
    }

    /** @param slot slot @return the last detection pass that queued this account (de-duplication stamp) */
    public long evaluationMark(final int slot)
    {
        return evaluationMark[slot];
    }

    /** @param slot slot @param mark detection pass stamp */
    public void evaluationMark(final int slot, final long mark)
    {
        evaluationMark[slot] = mark;
    }

    /** @param slot slot @return first of the account's open positions, or {@link #NONE} */
    public int firstPosition(final int slot)
    {
        return firstPosition[slot];
    }

    /** @param slot slot @param position new head of the account's position list */
    public void firstPosition(final int slot, final int position)
    {
        firstPosition[slot] = position;
    }

    /** @param slot slot @return number of open (non-flat) positions */
    public int openPositions(final int slot)
    {
        return openPositions[slot];
    }

    /** @param slot slot @param delta change of the open position count */
    public void addOpenPositions(final int slot, final int delta)
    {
        openPositions[slot] += delta;
    }

    /** @param slot slot @param flag one of the FLAG_ constants @return true if set */
    public boolean hasFlag(final int slot, final byte flag)
    {
        return (flags[slot] & flag) != 0;
    }

    /** @param slot slot @param flag one of the FLAG_ constants @param on set or clear */
    public void flag(final int slot, final byte flag, final boolean on)
    {
        flags[slot] = (byte)(on ? (flags[slot] | flag) : (flags[slot] & ~flag));
    }

    /** @param slot slot @return raw flags byte (checksums) */
    public byte flags(final int slot)
    {
        return flags[slot];
    }

    /**
     * Write every account field, slots 0 to count, into an engine image.
     *
     * @param writer destination.
     */
    public void writeTo(final StateWriter writer)
    {
        StateImage.writeSection(writer, SECTION);
        writer.writeInt(count);
        writer.writeLongs(accountId, count);
        writer.writeLongs(collateral, count);
        writer.writeLongs(realizedPnl, count);
        writer.writeLongs(feesPaid, count);
        writer.writeLongs(fundingPaid, count);
        writer.writeLongs(totalDeposited, count);
        writer.writeLongs(totalWithdrawn, count);
        writer.writeLongs(evaluationMark, count);
        writer.writeInts(firstPosition, count);
        writer.writeInts(openPositions, count);
        writer.writeBytes(flags, count);
    }

    /**
     * Read what {@link #writeTo} wrote into this empty book; the id map is rebuilt by re-inserting every account.
     * Position list heads are checked by {@link PositionBook#readFrom}.
     *
     * @param reader source.
     * @throws IllegalStateException if the book is not empty or the image is malformed (e.g. an id twice).
     */
    public void readFrom(final StateReader reader)
    {
        StateImage.require(count == 0, "accounts can only be restored into an empty book");
        StateImage.readSection(reader, SECTION, "account book");
        final int n = StateImage.readCount(reader, IMAGE_BYTES_PER_ACCOUNT, "accounts");
        if (n > accountId.length)
        {
            resize(n);
        }
        reader.readLongs(accountId, n);
        reader.readLongs(collateral, n);
        reader.readLongs(realizedPnl, n);
        reader.readLongs(feesPaid, n);
        reader.readLongs(fundingPaid, n);
        reader.readLongs(totalDeposited, n);
        reader.readLongs(totalWithdrawn, n);
        reader.readLongs(evaluationMark, n);
        reader.readInts(firstPosition, n);
        reader.readInts(openPositions, n);
        reader.readBytes(flags, n);
        for (int slot = 0; slot < n; slot++)
        {
            if (slotById.put(accountId[slot], slot) != NONE)
            {
                throw StateImage.malformed("account id " + accountId[slot] + " twice");
            }
        }
        count = n;
    }
}
