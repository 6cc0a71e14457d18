package com.perprisk.engine.risk;

import com.perprisk.engine.state.StateImage;
import com.perprisk.engine.state.StateReader;
import com.perprisk.engine.state.StateWriter;

import java.util.Arrays;

/**
 * A binary heap of position slots keyed by a long trigger value, min- or max-ordered, with O(log n)
 * insert, remove-any, update-in-place and pop. A position's index inside the heap lives in an {@code int[]} owned by
 * the caller (one array per family of heaps, since a position sits in at most one heap of a family),
 * so removal needs no search.
 *
 * <p>Threading: owned by the business-logic thread. Allocation only when growing.
 */
final class PositionHeap
{
    static final int ABSENT = -1;

    private final boolean maxHeap;
    private int[] positions = new int[16];
    private long[] keys = new long[16];
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
        return keys[0];
    }

    void insert(final int position, final long key, final int[] indexOf)
    {
        if (size == positions.length)
        {
            positions = Arrays.copyOf(positions, size * 2);
            keys = Arrays.copyOf(keys, size * 2);
        }
        final int i = size++;
        positions[i] = position;
        keys[i] = key;
        indexOf[position] = i;
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
        final long old = keys[i];
        if (key == old)
        {
            return;
        }
        keys[i] = key;
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
        final int top = positions[0];
        removeAt(0, indexOf);
        return top;
    }

    void remove(final int position, final int[] indexOf)
    {
        removeAt(indexOf[position], indexOf);
    }

    private void removeAt(final int i, final int[] indexOf)
    {
        indexOf[positions[i]] = ABSENT;
        final int last = --size;
        if (i != last)
        {
            positions[i] = positions[last];
            keys[i] = keys[last];
            indexOf[positions[i]] = i;
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
        final int position = positions[i];
        final long key = keys[i];
        while (i > 0)
        {
            final int parent = (i - 1) >>> 1;
            if (!above(key, keys[parent]))
            {
                break;
            }
            positions[i] = positions[parent];
            keys[i] = keys[parent];
            indexOf[positions[i]] = i;
            i = parent;
        }
        positions[i] = position;
        keys[i] = key;
        indexOf[position] = i;
        return i;
    }

    private void siftDown(final int start, final int[] indexOf)
    {
        int i = start;
        final int position = positions[i];
        final long key = keys[i];
        final int half = size >>> 1;
        while (i < half)
        {
            int child = 2 * i + 1;
            final int right = child + 1;
            if (right < size && above(keys[right], keys[child]))
            {
                child = right;
            }
            if (!above(keys[child], key))
            {
                break;
            }
            positions[i] = positions[child];
            keys[i] = keys[child];
            indexOf[positions[i]] = i;
            i = child;
        }
        positions[i] = position;
        keys[i] = key;
        indexOf[position] = i;
    }

    /** @param i index below {@link #size()} @return the position at that index of the heap array */
    int positionAt(final int i)
    {
        return positions[i];
    }

    /**
     * Write the exact heap array (positions and keys, in heap order) into an engine image.
     *
     * @param writer destination.
     */
    void writeTo(final StateWriter writer)
    {
        writer.writeInt(size);
        writer.writeInts(positions, size);
        writer.writeLongs(keys, size);
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
        if (n > positions.length)
        {
            positions = new int[n];
            keys = new long[n];
        }
        reader.readInts(positions, n);
        reader.readLongs(keys, n);
        for (int i = 0; i < n; i++)
        {
            final int position = positions[i];
            if (position < 0 || position >= positionLimit || indexOf[position] != ABSENT || (i > 0 && above(keys[i], keys[(i - 1) >>> 1])))
            {
                throw StateImage.malformed("heap entry " + i + " (position " + position + ") is misplaced");
            }
            indexOf[position] = i;
        }
        size = n;
    }
}
