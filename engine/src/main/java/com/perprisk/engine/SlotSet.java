package com.perprisk.engine;

import com.perprisk.engine.state.StateImage;
import com.perprisk.engine.state.StateReader;
import com.perprisk.engine.state.StateWriter;

import java.util.Arrays;

/**
 * A dense set of account slots with O(1) add, remove and iteration (swap-remove, so iteration order
 * follows the history of adds and removes: deterministic). Owned by the business-logic thread.
 */
final class SlotSet
{
    private int[] members = new int[16];
    private int[] indexOf = new int[16];
    private int size;

    SlotSet()
    {
        Arrays.fill(indexOf, -1);
    }

    int size()
    {
        return size;
    }

    int get(final int i)
    {
        return members[i];
    }

    boolean contains(final int slot)
    {
        return slot < indexOf.length && indexOf[slot] >= 0;
    }

    void add(final int slot)
    {
        if (slot >= indexOf.length)
        {
            final int old = indexOf.length;
            indexOf = Arrays.copyOf(indexOf, Math.max(slot + 1, old * 2));
            Arrays.fill(indexOf, old, indexOf.length, -1);
        }
        if (indexOf[slot] >= 0)
        {
            return;
        }
        if (size == members.length)
        {
            members = Arrays.copyOf(members, size * 2);
        }
        members[size] = slot;
        indexOf[slot] = size++;
    }

    void remove(final int slot)
    {
        if (!contains(slot))
        {
            return;
        }
        final int i = indexOf[slot];
        final int last = members[--size];
        members[i] = last;
        indexOf[last] = i;
        indexOf[slot] = -1;
    }

    /**
     * Write the members in their exact order (iteration order depends on it) into an engine image.
     *
     * @param writer destination.
     */
    void writeTo(final StateWriter writer)
    {
        writer.writeInt(size);
        writer.writeInts(members, size);
    }

    /**
     * Read what {@link #writeTo} wrote into this empty set, in the same order.
     *
     * @param reader    source.
     * @param slotLimit slots are below this (the restored account count).
     * @throws IllegalStateException if the set is not empty or the image is malformed.
     */
    void readFrom(final StateReader reader, final int slotLimit)
    {
        StateImage.require(size == 0, "a slot set can only be restored into an empty one");
        final int n = StateImage.readCount(reader, Integer.BYTES, "watched accounts");
        if (n > members.length)
        {
            members = new int[n];
        }
        reader.readInts(members, n);
        for (int i = 0; i < n; i++)
        {
            final int slot = members[i];
            if (slot < 0 || slot >= slotLimit || contains(slot))
            {
                throw StateImage.malformed("watched account slot " + slot + " is unknown or twice");
            }
            add(slot);
        }
    }
}
