package com.perprisk.engine.book;

import com.perprisk.engine.instrument.Instrument;
import com.perprisk.engine.instrument.InstrumentBook;
import com.perprisk.engine.state.StateImage;
import com.perprisk.engine.state.StateReader;
import com.perprisk.engine.state.StateWriter;
import org.agrona.collections.Long2LongHashMap;

import java.util.Arrays;

/**
 * Positions in struct-of-arrays form: one slot per (account, instrument) pair ever traded, kept when
 * flat so the account's leverage and margin mode for the instrument survive (found through the map).
 * Slots are handed out in creation order and never reused. Each account's <i>open</i> positions form a
 * singly linked list ({@link #nextOfAccount(int)}, at most 32 long), so evaluating an account never
 * walks its flat slots; each instrument keeps a dense list of its open holders.
 *
 * <p>Book state per position: 5 longs (size, entry price, isolated margin, realized PnL, funding
 * index) = 40 B, 2 ints (account, next-of-account) = 8 B, instrument and leverage as shorts = 4 B,
 * state and mode bytes = 2 B: <b>54 bytes</b>. Indexing adds the holder list (4 B slot + 4 B entry)
 * and about 24 B in the (account, instrument) map.
 *
 * <p>Threading: owned and mutated only by the business-logic thread.
 */
public final class PositionBook
{
    private static final int SECTION = 0x534E5350;   // "PSNS"
    private static final int IMAGE_BYTES_PER_POSITION = 2 * Integer.BYTES + 2 * Short.BYTES + 2 + 5 * Long.BYTES;

    private final Long2LongHashMap slotByKey;
    private int[] account;
    private int[] nextOfAccount;
    private short[] instrument;
    private short[] leverage;
    private byte[] state;
    private byte[] mode;
    private long[] size;
    private long[] entryPrice;
    private long[] isolatedMargin;
    private long[] realizedPnl;
    private long[] fundingIndex;
    private int[] holderIndex;
    /**
     * Derived, per account slot: Σ isolated margin of the account's open positions, kept in step with every change
     * of a wallet and every open and close, so that {@link #isolatedMarginOfAccount} needs no walk. Not part of the
     * image or the checksum: {@link #readFrom} rebuilds it from the positions.
     */
    private long[] openIsolatedMargin = new long[16];
    private final int[][] holders = new int[Instrument.MAX_ID + 1][];
    private final int[] holderCount = new int[Instrument.MAX_ID + 1];
    private int count;

    /** @param initialCapacity positions to pre-allocate (arrays grow by doubling beyond it). */
    public PositionBook(final int initialCapacity)
    {
        final int capacity = Math.max(16, initialCapacity);
        slotByKey = new Long2LongHashMap(capacity * 2, 0.65f, AccountBook.NONE);
        account = new int[capacity];
        nextOfAccount = new int[capacity];
        instrument = new short[capacity];
        leverage = new short[capacity];
        state = new byte[capacity];
        mode = new byte[capacity];
        size = new long[capacity];
        entryPrice = new long[capacity];
        isolatedMargin = new long[capacity];
        realizedPnl = new long[capacity];
        fundingIndex = new long[capacity];
        holderIndex = new int[capacity];
    }

    /** @return number of position slots (open and flat). */
    public int count()
    {
        return count;
    }

    /** @return allocated capacity of the per-position arrays. */
    public int capacity()
    {
        return account.length;
    }

    private static long key(final int accountSlot, final int instrumentId)
    {
        return ((long)accountSlot << 12) | instrumentId;
    }

    /** @param accountSlot account slot @param instrumentId instrument @return position slot or {@link AccountBook#NONE} */
    public int find(final int accountSlot, final int instrumentId)
    {
        return (int)slotByKey.get(key(accountSlot, instrumentId));
    }

    /**
     * {@link #find(int, int)} that looks through the account's open positions first: they are at most
     * {@code 32} (usually a few) and are the lines an evaluation of the account reads next anyway, while the map
     * probe is a cache miss of its own. Only a flat or never-traded pair goes to the map. Same result as
     * {@link #find(int, int)}: a pair has one slot, open or not.
     *
     * @param accounts     the account book (list heads).
     * @param accountSlot  account slot.
     * @param instrumentId instrument.
     * @return position slot or {@link AccountBook#NONE}.
     */
    public int find(final AccountBook accounts, final int accountSlot, final int instrumentId)
    {
        final int open = findOpen(accounts, accountSlot, instrumentId);
        return open != AccountBook.NONE ? open : find(accountSlot, instrumentId);
    }

    /**
     * @param accounts     the account book (list heads).
     * @param accountSlot  account slot.
     * @param instrumentId instrument.
     * @return the account's open (non-flat) position in the instrument, or {@link AccountBook#NONE} if it has none.
     */
    public int findOpen(final AccountBook accounts, final int accountSlot, final int instrumentId)
    {
        for (int p = accounts.firstPosition(accountSlot); p != AccountBook.NONE; p = nextOfAccount[p])
        {
            if (instrument[p] == instrumentId)
            {
                return p;
            }
        }
        return AccountBook.NONE;
    }

    /**
     * Create a flat position slot (it joins the account's list of open positions when it {@link #open opens}).
     *
     * @param accounts        the account book (for the list head).
     * @param accountSlot     account slot.
     * @param instrumentId    instrument id.
     * @param defaultLeverage leverage setting to start with.
     * @return new slot.
     */
    public int create(final AccountBook accounts, final int accountSlot, final int instrumentId, final int defaultLeverage)
    {
        if (count == account.length)
        {
            grow();
        }
        final int p = count++;
        account[p] = accountSlot;
        instrument[p] = (short)instrumentId;
        leverage[p] = (short)defaultLeverage;
        state[p] = PositionState.NONE;
        mode[p] = MarginMode.CROSS;
        holderIndex[p] = AccountBook.NONE;
        nextOfAccount[p] = AccountBook.NONE;
        slotByKey.put(key(accountSlot, instrumentId), p);
        if (accountSlot >= openIsolatedMargin.length)
        {
            openIsolatedMargin = Arrays.copyOf(openIsolatedMargin, Math.max(accountSlot + 1, openIsolatedMargin.length * 2));
        }
        return p;
    }

    private void grow()
    {
        resize(account.length * 2);
    }

    private void resize(final int n)
    {
        account = Arrays.copyOf(account, n);
        nextOfAccount = Arrays.copyOf(nextOfAccount, n);
        instrument = Arrays.copyOf(instrument, n);
        leverage = Arrays.copyOf(leverage, n);
        state = Arrays.copyOf(state, n);
        mode = Arrays.copyOf(mode, n);
        size = Arrays.copyOf(size, n);
        entryPrice = Arrays.copyOf(entryPrice, n);
        isolatedMargin = Arrays.copyOf(isolatedMargin, n);
        realizedPnl = Arrays.copyOf(realizedPnl, n);
        fundingIndex = Arrays.copyOf(fundingIndex, n);
        holderIndex = Arrays.copyOf(holderIndex, n);
    }

    /** @param p position @return account slot */
    public int account(final int p)
    {
        return account[p];
    }

    /** @param p position @return next position of the same account, or {@link AccountBook#NONE} */
    public int nextOfAccount(final int p)
    {
        return nextOfAccount[p];
    }

    /** @param p position @return instrument id */
    public int instrument(final int p)
    {
        return instrument[p];
    }

    /** @param p position @return leverage setting */
    public int leverage(final int p)
    {
        return leverage[p];
    }

    /** @param p position @param value leverage setting */
    public void leverage(final int p, final int value)
    {
        leverage[p] = (short)value;
    }

    /** @param p position @return lifecycle state, see {@link PositionState} */
    public byte state(final int p)
    {
        return state[p];
    }

    /** @param p position @param value lifecycle state */
    public void state(final int p, final byte value)
    {
        state[p] = value;
    }

    /** @param p position @return margin mode, see {@link MarginMode} */
    public byte mode(final int p)
    {
        return mode[p];
    }

    /** @param p position @param value margin mode */
    public void mode(final int p, final byte value)
    {
        mode[p] = value;
    }

    /** @param p position @return true if isolated */
    public boolean isIsolated(final int p)
    {
        return mode[p] == MarginMode.ISOLATED;
    }

    /** @param p position @return signed size (size scale) */
    public long size(final int p)
    {
        return size[p];
    }

    /** @param p position @param value signed size */
    public void size(final int p, final long value)
    {
        size[p] = value;
    }

    /** @param p position @return entry price (price scale) */
    public long entryPrice(final int p)
    {
        return entryPrice[p];
    }

    /** @param p position @param value entry price */
    public void entryPrice(final int p, final long value)
    {
        entryPrice[p] = value;
    }

    /** @param p position @return isolated margin wallet (quote scale) */
    public long isolatedMargin(final int p)
    {
        return isolatedMargin[p];
    }

    /** @param p position @param delta change of the isolated margin wallet */
    public void addIsolatedMargin(final int p, final long delta)
    {
        isolatedMargin[p] += delta;
        if (holderIndex[p] != AccountBook.NONE)
        {
            openIsolatedMargin[account[p]] += delta;   // open: counted in its account's sum
        }
    }

    /** @param p position @return realized PnL over the position's life (quote scale) */
    public long realizedPnl(final int p)
    {
        return realizedPnl[p];
    }

    /** @param p position @param delta realized PnL to add */
    public void addRealizedPnl(final int p, final long delta)
    {
        realizedPnl[p] += delta;
    }

    /** @param p position @return funding index at the last settlement */
    public long fundingIndex(final int p)
    {
        return fundingIndex[p];
    }

    /** @param p position @param value funding index at settlement */
    public void fundingIndex(final int p, final long value)
    {
        fundingIndex[p] = value;
    }

    /**
     * O(1): the sum is maintained as wallets change and positions open and close.
     *
     * @param accountSlot account slot.
     * @return Σ isolated margin wallets of the account's open positions (a flat position's wallet is empty).
     */
    public long isolatedMarginOfAccount(final int accountSlot)
    {
        return accountSlot < openIsolatedMargin.length ? openIsolatedMargin[accountSlot] : 0;
    }

    /** @param instrumentId instrument @return number of open holders */
    public int holderCount(final int instrumentId)
    {
        return holderCount[instrumentId];
    }

    /** @param instrumentId instrument @param i index below {@link #holderCount(int)} @return position slot */
    public int holder(final int instrumentId, final int i)
    {
        return holders[instrumentId][i];
    }

    /**
     * A flat position opens: it joins its account's list of open positions and its instrument's holders.
     *
     * @param accounts the account book (list heads, open counts).
     * @param p        position.
     */
    public void open(final AccountBook accounts, final int p)
    {
        final int accountSlot = account[p];
        nextOfAccount[p] = accounts.firstPosition(accountSlot);
        accounts.firstPosition(accountSlot, p);
        accounts.addOpenPositions(accountSlot, 1);
        addHolder(p);
        openIsolatedMargin[accountSlot] += isolatedMargin[p];
    }

    /**
     * An open position closes: it leaves its account's list of open positions and its instrument's holders.
     *
     * @param accounts the account book (list heads, open counts).
     * @param p        position.
     */
    public void close(final AccountBook accounts, final int p)
    {
        final int accountSlot = account[p];
        int previous = AccountBook.NONE;
        for (int q = accounts.firstPosition(accountSlot); q != p; q = nextOfAccount[q])
        {
            previous = q;
        }
        if (previous == AccountBook.NONE)
        {
            accounts.firstPosition(accountSlot, nextOfAccount[p]);
        }
        else
        {
            nextOfAccount[previous] = nextOfAccount[p];
        }
        nextOfAccount[p] = AccountBook.NONE;
        accounts.addOpenPositions(accountSlot, -1);
        removeHolder(p);
        openIsolatedMargin[accountSlot] -= isolatedMargin[p];
    }

    private void addHolder(final int p)
    {
        final int id = instrument[p];
        int[] list = holders[id];
        if (list == null)
        {
            list = holders[id] = new int[64];
        }
        else if (holderCount[id] == list.length)
        {
            list = holders[id] = Arrays.copyOf(list, list.length * 2);
        }
        final int i = holderCount[id]++;
        list[i] = p;
        holderIndex[p] = i;
    }

    /** Swap-remove from the holder list, so holder order follows opens and closes: deterministic, not slot order. */
    private void removeHolder(final int p)
    {
        final int id = instrument[p];
        final int i = holderIndex[p];
        final int last = --holderCount[id];
        final int moved = holders[id][last];
        holders[id][i] = moved;
        holderIndex[moved] = i;
        holderIndex[p] = AccountBook.NONE;
    }

    /**
     * Write every position field, slots 0 to count, and each instrument's holder list in its exact order, into an
     * engine image. The per-account lists are in the next-of-account links (heads in the account book).
     *
     * @param writer destination.
     */
    public void writeTo(final StateWriter writer)
    {
        StateImage.writeSection(writer, SECTION);
        writer.writeInt(count);
        writer.writeInts(account, count);
        writer.writeInts(nextOfAccount, count);
        writer.writeShorts(instrument, count);
        writer.writeShorts(leverage, count);
        writer.writeBytes(state, count);
        writer.writeBytes(mode, count);
        writer.writeLongs(size, count);
        writer.writeLongs(entryPrice, count);
        writer.writeLongs(isolatedMargin, count);
        writer.writeLongs(realizedPnl, count);
        writer.writeLongs(fundingIndex, count);
        int listed = 0;
        for (int id = 1; id <= Instrument.MAX_ID; id++)
        {
            listed += holderCount[id] > 0 ? 1 : 0;
        }
        writer.writeInt(listed);
        for (int id = 1; id <= Instrument.MAX_ID; id++)
        {
            if (holderCount[id] > 0)
            {
                writer.writeInt(id);
                writer.writeInt(holderCount[id]);
                writer.writeInts(holders[id], holderCount[id]);
            }
        }
    }

    /**
     * Read what {@link #writeTo} wrote into this empty book, after the accounts and instruments were restored. The
     * key map and the holder indexes are rebuilt; every account's list and every holder list is checked against the
     * positions (each open position is in exactly one of each, and only open positions are).
     *
     * @param reader      source.
     * @param accounts    the restored account book (list heads, open counts).
     * @param instruments the restored instruments.
     * @throws IllegalStateException if the book is not empty or the image is malformed.
     */
    public void readFrom(final StateReader reader, final AccountBook accounts, final InstrumentBook instruments)
    {
        StateImage.require(count == 0, "positions can only be restored into an empty book");
        StateImage.readSection(reader, SECTION, "position book");
        final int n = StateImage.readCount(reader, IMAGE_BYTES_PER_POSITION, "positions");
        if (n > account.length)
        {
            resize(n);
        }
        reader.readInts(account, n);
        reader.readInts(nextOfAccount, n);
        reader.readShorts(instrument, n);
        reader.readShorts(leverage, n);
        reader.readBytes(state, n);
        reader.readBytes(mode, n);
        reader.readLongs(size, n);
        reader.readLongs(entryPrice, n);
        reader.readLongs(isolatedMargin, n);
        reader.readLongs(realizedPnl, n);
        reader.readLongs(fundingIndex, n);
        int open = 0;
        for (int p = 0; p < n; p++)
        {
            if (account[p] < 0 || account[p] >= accounts.count() || instruments.get(instrument[p]) == null)
            {
                throw StateImage.malformed("position " + p + " has an unknown account slot or instrument");
            }
            if (slotByKey.put(key(account[p], instrument[p]), p) != AccountBook.NONE)
            {
                throw StateImage.malformed("position " + p + " duplicates an (account, instrument) pair");
            }
            holderIndex[p] = AccountBook.NONE;
            open += size[p] != 0 ? 1 : 0;
        }
        count = n;
        readHolders(reader, open);
        checkAccountLists(accounts, open);
        openIsolatedMargin = new long[Math.max(16, accounts.count())];
        for (int p = 0; p < n; p++)
        {
            if (holderIndex[p] != AccountBook.NONE)
            {
                openIsolatedMargin[account[p]] += isolatedMargin[p];
            }
        }
    }

    private void readHolders(final StateReader reader, final int open)
    {
        final int listed = StateImage.readCount(reader, 2 * Integer.BYTES, "holder lists");
        int holdersRead = 0;
        int previousId = 0;
        for (int k = 0; k < listed; k++)
        {
            final int id = reader.readInt();
            if (id <= previousId || id > Instrument.MAX_ID)
            {
                throw StateImage.malformed("holder list of instrument " + id + " out of order");
            }
            final int n = StateImage.readCount(reader, Integer.BYTES, "holders");
            final int[] list = holders[id] = new int[Math.max(64, n)];
            reader.readInts(list, n);
            holderCount[id] = n;
            for (int i = 0; i < n; i++)
            {
                final int p = list[i];
                if (p < 0 || p >= count || instrument[p] != id || size[p] == 0 || holderIndex[p] != AccountBook.NONE)
                {
                    throw StateImage.malformed("holder " + i + " of instrument " + id + " is not a distinct open position of it");
                }
                holderIndex[p] = i;
            }
            holdersRead += n;
            previousId = id;
        }
        if (holdersRead != open)
        {
            throw StateImage.malformed(holdersRead + " holders for " + open + " open positions");
        }
    }

    private void checkAccountLists(final AccountBook accounts, final int open)
    {
        int listed = 0;
        for (int slot = 0; slot < accounts.count(); slot++)
        {
            final int expected = accounts.openPositions(slot);
            int found = 0;
            for (int p = accounts.firstPosition(slot); p != AccountBook.NONE; p = nextOfAccount[p])
            {
                if (p < 0 || p >= count || found >= expected || account[p] != slot || size[p] == 0)
                {
                    throw StateImage.malformed("the open-position list of account slot " + slot + " is broken at position " + p);
                }
                found++;
            }
            if (found != expected)
            {
                throw StateImage.malformed("account slot " + slot + " lists " + found + " of its " + expected + " open positions");
            }
            listed += found;
        }
        if (listed != open)
        {
            throw StateImage.malformed(listed + " listed positions for " + open + " open positions");
        }
    }
}
