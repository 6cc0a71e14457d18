package com.perprisk.engine.risk;

import com.perprisk.engine.instrument.Instrument;
import com.perprisk.engine.instrument.InstrumentBook;
import com.perprisk.engine.state.StateImage;
import com.perprisk.engine.state.StateReader;
import com.perprisk.engine.state.StateWriter;

import java.util.Arrays;

/**
 * Finds the positions whose account may have fallen below its margin target after a mark or funding
 * tick, without looking at any other position.
 *
 * <p>Each time an account is evaluated, its spare equity (buffer) is split over its positions, and
 * each position gets a <i>trigger</i>: the mark price (and the funding index) at which the price move
 * since the evaluation could have consumed its share of the buffer. Longs lose on falling marks and
 * rising funding, shorts on rising marks and falling funding; the slopes used are upper bounds
 * (see {@code AccountEvaluator#band}), so while every trigger holds the account provably stays above
 * its target. Per instrument four heaps hold the triggers: longs by mark (max-heap, fires when
 * {@code mark <= key}), shorts by mark (min-heap, fires when {@code mark >= key}), longs by funding
 * (min-heap, fires when {@code index >= key}) and shorts by funding (max-heap, fires when
 * {@code index <= key}). A tick pops only fired triggers: O(fired × log n); safe positions cost nothing.
 *
 * <p>Each position also has a <i>recovery key</i> (see {@link #recoveryKey(int, long)}), read only for the few
 * watched accounts: the mark short of which a raised margin alert cannot have cleared, so a watched account is
 * evaluated on a mark tick only when the mark crosses it (or on every tick when it is {@link #ALWAYS}).
 *
 * <p>Threading: owned by the business-logic thread.
 */
public final class LiquidationIndex
{
    private static final byte SIDE_NONE = 0;
    private static final byte SIDE_LONG = 1;
    private static final byte SIDE_SHORT = 2;
    private static final int SECTION = 0x5844494C;   // "LIDX"

    /** Recovery key: evaluate on every mark tick. */
    public static final long ALWAYS = Long.MIN_VALUE;
    /** Recovery key: a mark tick of this position's instrument alone cannot clear its account's alert (an isolated position). */
    public static final long NEVER = Long.MIN_VALUE + 1;

    private final PositionHeap[] longByMark = new PositionHeap[Instrument.MAX_ID + 1];
    private final PositionHeap[] shortByMark = new PositionHeap[Instrument.MAX_ID + 1];
    private final PositionHeap[] longByFunding = new PositionHeap[Instrument.MAX_ID + 1];
    private final PositionHeap[] shortByFunding = new PositionHeap[Instrument.MAX_ID + 1];
    private int[] markIndex = new int[0];
    private int[] fundingIndex = new int[0];
    private byte[] side = new byte[0];
    private long[] recoveryKey = new long[0];
    private int[] fired = new int[64];
    private int firedCount;

    /** @param instrumentId a newly defined instrument */
    public void addInstrument(final int instrumentId)
    {
        longByMark[instrumentId] = new PositionHeap(true);
        shortByMark[instrumentId] = new PositionHeap(false);
        longByFunding[instrumentId] = new PositionHeap(false);
        shortByFunding[instrumentId] = new PositionHeap(true);
    }

    private void ensureCapacity(final int position)
    {
        if (position >= side.length)
        {
            final int n = Math.max(64, Math.max(position + 1, side.length * 2));
            final int old = side.length;
            markIndex = Arrays.copyOf(markIndex, n);
            fundingIndex = Arrays.copyOf(fundingIndex, n);
            side = Arrays.copyOf(side, n);
            recoveryKey = Arrays.copyOf(recoveryKey, n);
            Arrays.fill(markIndex, old, n, PositionHeap.ABSENT);
            Arrays.fill(fundingIndex, old, n, PositionHeap.ABSENT);
        }
    }

    /**
     * Set (or replace) a position's triggers.
     *
     * @param position     position slot.
     * @param instrumentId its instrument.
     * @param isLong       side of the position.
     * @param markKey      mark trigger (see class comment).
     * @param fundingKey   funding-index trigger.
     */
    public void place(final int position, final int instrumentId, final boolean isLong, final long markKey, final long fundingKey)
    {
        final byte newSide = isLong ? SIDE_LONG : SIDE_SHORT;
        ensureCapacity(position);
        if (side[position] != newSide)
        {
            remove(position, instrumentId);
            side[position] = newSide;
        }
        // Same side: the keys move in place (a trigger popped by a tick is re-inserted); unchanged keys cost nothing.
        (isLong ? longByMark : shortByMark)[instrumentId].update(position, markKey, markIndex);
        (isLong ? longByFunding : shortByFunding)[instrumentId].update(position, fundingKey, fundingIndex);
    }

    /**
     * Set a position's recovery key: for a long the account cannot have recovered from its margin alert while
     * {@code mark < key}, for a short while {@code mark > key}. {@link #ALWAYS} makes every tick look; a key beyond
     * every price ({@link #NEVER}) none. Takes effect with the side the position has in the index.
     *
     * @param position position slot (its triggers placed).
     * @param key      recovery key, or {@link #ALWAYS} / {@link #NEVER}.
     */
    public void recoveryKey(final int position, final long key)
    {
        ensureCapacity(position);
        recoveryKey[position] = key;
    }

    /**
     * @param position a position with triggers placed.
     * @param mark     the new mark of its instrument.
     * @return true when the mark crossed the position's recovery key (its account must be evaluated).
     */
    public boolean crossedRecoveryKey(final int position, final long mark)
    {
        final long key = recoveryKey[position];
        if (key == ALWAYS || key == NEVER)
        {
            return key == ALWAYS;
        }
        return side[position] == SIDE_LONG ? mark >= key : mark <= key;
    }

    /**
     * Drop a position's triggers (it closed). Safe to call for a position without triggers.
     *
     * @param position     position slot.
     * @param instrumentId its instrument.
     */
    public void remove(final int position, final int instrumentId)
    {
        ensureCapacity(position);
        final byte s = side[position];
        if (s == SIDE_NONE)
        {
            return;
        }
        final boolean isLong = s == SIDE_LONG;
        if (markIndex[position] != PositionHeap.ABSENT)
        {
            (isLong ? longByMark : shortByMark)[instrumentId].remove(position, markIndex);
        }
        if (fundingIndex[position] != PositionHeap.ABSENT)
        {
            (isLong ? longByFunding : shortByFunding)[instrumentId].remove(position, fundingIndex);
        }
        side[position] = SIDE_NONE;
    }

    /**
     * Pop every position whose mark trigger fired at this mark into {@link #fired(int)}.
     *
     * @param instrumentId instrument that ticked.
     * @param mark         new mark.
     * @return number of fired positions.
     */
    public int fireOnMark(final int instrumentId, final long mark)
    {
        firedCount = 0;
        final PositionHeap longs = longByMark[instrumentId];
        while (longs.size() > 0 && longs.topKey() >= mark)
        {
            addFired(longs.pop(markIndex));
        }
        final PositionHeap shorts = shortByMark[instrumentId];
        while (shorts.size() > 0 && shorts.topKey() <= mark)
        {
            addFired(shorts.pop(markIndex));
        }
        return firedCount;
    }

    /**
     * Pop every position whose funding trigger fired at this index into {@link #fired(int)}.
     *
     * @param instrumentId instrument whose funding index moved.
     * @param index        new cumulative funding index.
     * @return number of fired positions.
     */
    public int fireOnFunding(final int instrumentId, final long index)
    {
        firedCount = 0;
        final PositionHeap longs = longByFunding[instrumentId];
        while (longs.size() > 0 && longs.topKey() <= index)
        {
            addFired(longs.pop(fundingIndex));
        }
        final PositionHeap shorts = shortByFunding[instrumentId];
        while (shorts.size() > 0 && shorts.topKey() >= index)
        {
            addFired(shorts.pop(fundingIndex));
        }
        return firedCount;
    }

    /** @param i index below the count returned by the last fire call @return fired position slot */
    public int fired(final int i)
    {
        return fired[i];
    }

    private void addFired(final int position)
    {
        if (firedCount == fired.length)
        {
            fired = Arrays.copyOf(fired, firedCount * 2);
        }
        fired[firedCount++] = position;
    }

    /**
     * Write the side and recovery key of every position the index has seen and, per instrument in id order, its four heaps exactly
     * as they are, into an engine image. The heap indexes are implied by the heaps.
     *
     * @param writer destination.
     */
    public void writeTo(final StateWriter writer)
    {
        StateImage.writeSection(writer, SECTION);
        writer.writeInt(side.length);
        writer.writeBytes(side, side.length);
        for (int p = 0; p < side.length; p++)
        {
            writer.writeLong(recoveryKey[p]);
        }
        int defined = 0;
        for (int id = 1; id <= Instrument.MAX_ID; id++)
        {
            defined += longByMark[id] != null ? 1 : 0;
        }
        writer.writeInt(defined);
        for (int id = 1; id <= Instrument.MAX_ID; id++)
        {
            if (longByMark[id] != null)
            {
                writer.writeInt(id);
                longByMark[id].writeTo(writer);
                shortByMark[id].writeTo(writer);
                longByFunding[id].writeTo(writer);
                shortByFunding[id].writeTo(writer);
            }
        }
    }

    /**
     * Read what {@link #writeTo} wrote into this empty index, which must hold the heaps of exactly the restored
     * instruments; the heap indexes are rebuilt and each heap entry is checked against its position's side.
     *
     * @param reader        source.
     * @param instruments   the restored instruments.
     * @param positionLimit positions are below this (the restored position count).
     * @throws IllegalStateException if the index is not empty or the image is malformed.
     */
    public void readFrom(final StateReader reader, final InstrumentBook instruments, final int positionLimit)
    {
        StateImage.require(side.length == 0, "a liquidation index can only be restored into an empty one");
        StateImage.readSection(reader, SECTION, "liquidation index");
        final int n = StateImage.readCount(reader, 1 + Long.BYTES, "indexed positions");
        side = new byte[n];
        recoveryKey = new long[n];
        markIndex = new int[n];
        fundingIndex = new int[n];
        Arrays.fill(markIndex, PositionHeap.ABSENT);
        Arrays.fill(fundingIndex, PositionHeap.ABSENT);
        reader.readBytes(side, n);
        for (int p = 0; p < n; p++)
        {
            recoveryKey[p] = reader.readLong();
        }
        for (int p = 0; p < n; p++)
        {
            if (side[p] != SIDE_NONE && side[p] != SIDE_LONG && side[p] != SIDE_SHORT)
            {
                throw StateImage.malformed("position " + p + " has an unknown side " + side[p]);
            }
        }
        final int limit = Math.min(n, positionLimit);
        final int defined = StateImage.readCount(reader, Integer.BYTES * 5, "indexed instruments");
        StateImage.require(defined == instruments.count(), "malformed engine image: liquidation index covers " + defined + " instruments, " +
            instruments.count() + " are defined");
        for (int k = 0; k < defined; k++)
        {
            final int id = reader.readInt();
            if (instruments.get(id) == null || longByMark[id] != null)
            {
                throw StateImage.malformed("liquidation index of instrument " + id + " is undefined or twice");
            }
            addInstrument(id);
            readHeap(reader, longByMark[id], markIndex, limit, SIDE_LONG);
            readHeap(reader, shortByMark[id], markIndex, limit, SIDE_SHORT);
            readHeap(reader, longByFunding[id], fundingIndex, limit, SIDE_LONG);
            readHeap(reader, shortByFunding[id], fundingIndex, limit, SIDE_SHORT);
        }
    }

    private void readHeap(final StateReader reader, final PositionHeap heap, final int[] indexOf, final int positionLimit, final byte expectedSide)
    {
        heap.readFrom(reader, indexOf, positionLimit);
        for (int i = 0; i < heap.size(); i++)
        {
            if (side[heap.positionAt(i)] != expectedSide)
            {
                throw StateImage.malformed("position " + heap.positionAt(i) + " sits in a heap of the other side");
            }
        }
    }
}
