package com.perprisk.engine.risk;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link PositionHeap#update} (in place) against remove-then-insert: after any sequence of operations both heaps
 * hold the same (position, key) pairs and pop the same keys in the same order, and every index entry points at its
 * position.
 */
class PositionHeapPropertiesTest
{
    private static final int POSITIONS = 24;

    @Property(tries = 2_000)
    void updateInPlaceHoldsWhatRemoveAndInsertHold(
        @ForAll boolean maxHeap,
        @ForAll @Size(max = 200) List<@IntRange(min = 0, max = POSITIONS * 4 - 1) Integer> operations,
        @ForAll @Size(min = 200, max = 200) List<@LongRange(min = -20, max = 20) Long> keys)
    {
        final PositionHeap inPlace = new PositionHeap(maxHeap);
        final PositionHeap reference = new PositionHeap(maxHeap);
        final int[] inPlaceIndex = absent();
        final int[] referenceIndex = absent();
        for (int k = 0; k < operations.size(); k++)
        {
            final int position = operations.get(k) % POSITIONS;
            final long key = keys.get(k);
            switch (operations.get(k) / POSITIONS)
            {
                case 0:
                case 1:
                    inPlace.update(position, key, inPlaceIndex);
                    if (referenceIndex[position] != PositionHeap.ABSENT)
                    {
                        reference.remove(position, referenceIndex);
                    }
                    reference.insert(position, key, referenceIndex);
                    break;
                case 2:
                    if (inPlaceIndex[position] != PositionHeap.ABSENT)
                    {
                        inPlace.remove(position, inPlaceIndex);
                        reference.remove(position, referenceIndex);
                    }
                    break;
                default:
                    if (inPlace.size() > 0)
                    {
                        assertEquals(reference.topKey(), inPlace.topKey());
                        final int popped = inPlace.pop(inPlaceIndex);
                        // Equal keys may pop in another order: pop the same position from the reference.
                        reference.remove(popped, referenceIndex);
                    }
                    break;
            }
            checkIndex(inPlace, inPlaceIndex);
            assertEquals(reference.size(), inPlace.size());
        }
        final long[] a = drain(inPlace, inPlaceIndex);
        final long[] b = drain(reference, referenceIndex);
        assertEquals(Arrays.toString(b), Arrays.toString(a));
    }

    private static int[] absent()
    {
        final int[] index = new int[POSITIONS];
        Arrays.fill(index, PositionHeap.ABSENT);
        return index;
    }

    private static void checkIndex(final PositionHeap heap, final int[] indexOf)
    {
        int present = 0;
        for (int p = 0; p < POSITIONS; p++)
        {
            if (indexOf[p] != PositionHeap.ABSENT)
            {
                assertEquals(p, heap.positionAt(indexOf[p]));
                present++;
            }
        }
        assertEquals(heap.size(), present);
    }

    private static long[] drain(final PositionHeap heap, final int[] indexOf)
    {
        final long[] keys = new long[heap.size()];
        for (int i = 0; i < keys.length; i++)
        {
            keys[i] = heap.topKey();
            heap.pop(indexOf);
        }
        return keys;
    }
}
