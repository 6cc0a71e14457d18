package com.perprisk.engine.risk;

import com.perprisk.engine.state.StateImage;
import com.perprisk.engine.state.StateReader;
import com.perprisk.engine.state.StateWriter;

import java.util.Arrays;

/**
 * A 4-ary heap of position slots keyed by a long trigger value, min- or max-ordered, with O(log n)
 * insert, remove-any, update-in-place and pop. A position's index inside the heap lives in an {@code int[]} owned by
 * the caller (one array per family of heaps, since a position sits in at most one heap of a family),
 * so removal needs no search.
 *
 * <p>Layout for the caches: each entry is a (key, position) pair of longs side by side in one array, so a level of a
 * sift reads one place, and the four children of an entry are 64 contiguous bytes; four children per node halve the
 * levels of a binary heap.
 *
 * <p>Threading: owned by the business-logic thread. Allocation only when growing.
 */
final class PositionHeap
{
    static final int ABSENT = -1;

    private static final int ARITY_SHIFT = 2;
    private static final int ARITY = 1 << ARITY_SHIFT;

    private final boolean maxHeap;
    /** Entry i: key at {@code 2i}, position at {@code 2i + 1}. */
    private long[] entries = new long[32];
    private int size;

    PositionHeap(final boolean maxHeap)
    {
        this.maxHeap = maxHeap;
    }

    int size()
    {
        return size;
    }

    /** @return key at the top; only when {@link #size()} &gt; 0. */
    long topKey()
    {
        return entries[0];
    }

    private long key(final int i)
    {
        return entries[i << 1];
    }

    private int position(final int i)
    {
        return (int)entries[(i << 1) + 1];
    }

    private void set(final int i, final long key, final int position, final int[] indexOf)
    {
        entries[i << 1] = key;
        entries[(i << 1) + 1] = position;
        indexOf[position] = i;
    }

    void insert(final int position, final long key, final int[] indexOf)
    {
        if (size << 1 == entries.length)
        {
            entries = Arrays.copyOf(entries, entries.length * 2);
        }
        final int i = size++;
        set(i, key, position, indexOf);
        siftUp(i, indexOf);
    }

    /**
     * Set a position's key: in place when it is in this heap (one sift, up or down, from where it is; nothing when
     * the key is unchanged), else inserted. The heap then holds the same (position, key) pairs as after
     * {@code remove} and {@code insert}, possibly in another array order, which nothing observes: the fired sets
     * depend only on the keys.
     *
     * @param position position slot.
     * @param key      its new key.
     * @param indexOf  index family of this heap.
     */
    void update(final int position, final long key, final int[] indexOf)
    {
        final int i = indexOf[position];
        if (i == ABSENT)
        {
            insert(position, key, indexOf);
            return;
        }
        final long old = key(i);
        if (key == old)
        {
            return;
        }
        entries[i << 1] = key;
        if (above(key, old))
        {
            siftUp(i, indexOf);
        }
        else
        {
            siftDown(i, indexOf);
        }
    }

    /** @return the position at the top, removed. Only when {@link #size()} &gt; 0. */
    int pop(final int[] indexOf)
    {
        final int top = position(0);
        removeAt(0, indexOf);
        return top;
    }

    void remove(final int position, final int[] indexOf)
    {
        removeAt(indexOf[position], indexOf);
    }

    private void removeAt(final int i, final int[] indexOf)
    {
        indexOf[position(i)] = ABSENT;
        final int last = --size;
        if (i != last)
        {
            set(i, key(last), position(last), indexOf);
            siftDown(siftUp(i, indexOf), indexOf);
        }
    }

    private boolean above(final long a, final long b)
    {
        return maxHeap ? a > b : a < b;
    }

    private int siftUp(final int start, final int[] indexOf)
    {
        int i = start;
        final long key = key(i);
        final int position = position(i);
        while (i > 0)
        {
            final int parent = (i - 1) >>> ARITY_SHIFT;
            final long parentKey = key(parent);
            if (!above(key, parentKey))
            {
                break;
            }
            set(i, parentKey, position(parent), indexOf);
            i = parent;
        }
        set(i, key, position, indexOf);
        return i;
    }

    private void siftDown(final int start, final int[] indexOf)
    {
        int i = start;
        final long key = key(i);
        final int position = position(i);
        while (true)
        {
            final int first = (i << ARITY_SHIFT) + 1;
            if (first >= size)
            {
                break;
            }
            int child = first;
            long childKey = key(first);
            for (int c = first + 1, end = Math.min(first + ARITY, size); c < end; c++)
            {
                final long k = key(c);
                if (above(k, childKey))
                {
                    child = c;
                    childKey = k;
                }
            }
            if (!above(childKey, key))
            {
                break;
            }
            set(i, childKey, position(child), indexOf);
            i = child;
        }
        set(i, key, position, indexOf);
    }

    /** @param i index below {@link #size()} @return the position at that index of the heap array */
    int positionAt(final int i)
    {
        return position(i);
    }

    /**
     * Write the exact heap array (positions, then keys, in heap order) into an engine image.
     *
     * @param writer destination.
     */
    void writeTo(final StateWriter writer)
    {
        writer.writeInt(size);
        for (int i = 0; i < size; i++)
        {
            writer.writeInt(position(i));
        }
        for (int i = 0; i < size; i++)
        {
            writer.writeLong(key(i));
        }
    }

    /**
     * Read what {@link #writeTo} wrote into this empty heap, recording each position's index in {@code indexOf}.
     *
     * @param reader        source.
     * @param indexOf       index family of this heap: every entry read must be {@link #ABSENT} there.
     * @param positionLimit positions are below this.
     * @throws IllegalStateException if the image is malformed (bad position, position twice, heap order broken).
     */
    void readFrom(final StateReader reader, final int[] indexOf, final int positionLimit)
    {
        final int n = StateImage.readCount(reader, Integer.BYTES + Long.BYTES, "heap entries");
        if (n << 1 > entries.length)
        {
            entries = new long[Math.max(32, n << 1)];
        }
        for (int i = 0; i < n; i++)
        {
            entries[(i << 1) + 1] = reader.readInt();
        }
        for (int i = 0; i < n; i++)
        {
            entries[i << 1] = reader.readLong();
        }
        for (int i = 0; i < n; i++)
        {
            final int position = position(i);
            if (position < 0 || position >= positionLimit || indexOf[position] != ABSENT || (i > 0 && above(key(i), key((i - 1) >>> ARITY_SHIFT))))
            {
                throw StateImage.malformed("heap entry " + i + " (position " + position + ") is misplaced");
            }
            indexOf[position] = i;
        }
        size = n;
    }
}
