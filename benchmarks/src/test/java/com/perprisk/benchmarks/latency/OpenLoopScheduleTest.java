package com.perprisk.benchmarks.latency;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The schedule's two directions (planned time of command k; commands due at time t) agree exactly, without overflow. */
final class OpenLoopScheduleTest
{
    @Test
    void plannedTimesAreEvenlySpacedFromTheStart()
    {
        final OpenLoopSchedule s = new OpenLoopSchedule(1_000, 3);
        assertEquals(1_000, s.plannedTime(0));
        assertEquals(1_000 + 333_333_333, s.plannedTime(1));
        assertEquals(1_000 + 666_666_666, s.plannedTime(2));
        assertEquals(1_000 + 1_000_000_000, s.plannedTime(3));
        assertEquals(1, s.plannedBefore(1));
        assertEquals(3, s.plannedBefore(1_000_000_000));
        assertEquals(0, s.dueAt(999));
        assertEquals(1, s.dueAt(1_000));
    }

    @Test
    void dueAtIsTheInverseOfPlannedTime()
    {
        for (final long rate : new long[] {1, 3, 7, 1_000, 99_999, 100_000, 1_500_000, 3_000_000, 7_000_001, 1_000_000_000})
        {
            final OpenLoopSchedule s = new OpenLoopSchedule(-5_000_000_000L, rate);
            for (long k = 0; k < 5_000; k += 1 + k / 10)
            {
                final long command = k * 7919 % (rate * 20 + 1);
                final long at = s.plannedTime(command);
                assertEquals(command + 1, s.dueAt(at) - countPlannedAt(s, at, command), "rate " + rate + ", command " + command);
                assertEquals(true, s.dueAt(at - 1) <= command, "rate " + rate + ", command " + command);
            }
        }
    }

    @Test
    void noOverflowForLongRunsAtHighRates()
    {
        final OpenLoopSchedule s = new OpenLoopSchedule(0, 5_000_000);
        final long command = 5_000_000L * 86_400 * 30; // 30 days at 5M/s
        assertEquals(86_400L * 30 * 1_000_000_000L, s.plannedTime(command));
        assertEquals(command + 1, s.dueAt(s.plannedTime(command)));
        assertThrows(IllegalArgumentException.class, () -> new OpenLoopSchedule(0, 0));
    }

    /** Commands after {@code command} planned at the same nanosecond (rates above 1e9/s would have some; none here). */
    private static long countPlannedAt(final OpenLoopSchedule s, final long at, final long command)
    {
        long n = 0;
        while (s.plannedTime(command + n + 1) == at)
        {
            n++;
        }
        return n;
    }
}
