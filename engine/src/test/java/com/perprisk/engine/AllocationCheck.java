package com.perprisk.engine;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A quick steady-state allocation check on the calling thread (the JMH {@code -prof gc} suite comes with the
 * benchmarks). A workload round is run a few times to warm up, then measured several times. An allocation per
 * operation would show in every measured round; the JVM itself occasionally charges a few hundred bytes to the
 * thread (class loading, deoptimisation), so the check is: at least one measured round allocates exactly zero
 * bytes, and no measured round allocates more than {@link #JVM_NOISE_BYTES}.
 */
public final class AllocationCheck
{
    /** Bytes a measured round may show from the JVM's own activity; far below one allocation per operation. */
    public static final long JVM_NOISE_BYTES = 4096;

    private AllocationCheck()
    {
    }

    /**
     * @param warmUpRounds   rounds run before measuring.
     * @param measuredRounds rounds measured.
     * @param round          one round of the workload, on this thread.
     */
    public static void assertSteadyStateAllocatesNothing(final int warmUpRounds, final int measuredRounds, final Runnable round)
    {
        final java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "needs com.sun.management.ThreadMXBean");
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        for (int i = 0; i < warmUpRounds; i++)
        {
            round.run();
        }
        final long[] allocated = new long[measuredRounds];
        for (int i = 0; i < measuredRounds; i++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            round.run();
            allocated[i] = threads.getCurrentThreadAllocatedBytes() - before;
        }
        final long min = Arrays.stream(allocated).min().orElseThrow();
        final long max = Arrays.stream(allocated).max().orElseThrow();
        assertEquals(0, min, () -> "bytes allocated per measured round: " + Arrays.toString(allocated));
        assertTrue(max <= JVM_NOISE_BYTES, () -> "bytes allocated per measured round: " + Arrays.toString(allocated));
    }
}
