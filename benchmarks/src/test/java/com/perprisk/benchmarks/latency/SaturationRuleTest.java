package com.perprisk.benchmarks.latency;

import org.agrona.concurrent.NoOpIdleStrategy;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The saturation rule on its own, and applied by the driver to a fake system of known capacity. */
final class SaturationRuleTest
{
    private static final long MS = 1_000_000;

    @Test
    void sustainedWhenEveryBoundHolds()
    {
        final SaturationRule rule = new SaturationRule();
        assertNull(rule.judge(100_000, 100_000, 20_000, false));
        assertNull(rule.judge(100_000, 95_000, 10 * MS, false), "exactly 95% and exactly 10 ms still hold");
        assertFalse(rule.backlogExceeded(200_000));
        assertTrue(rule.backlogExceeded(200_001));
    }

    @Test
    void eachBoundSaturatesOnItsOwnAndTheBacklogIsNamedFirst()
    {
        final SaturationRule rule = new SaturationRule(0.95, 10 * MS, 1_000);
        assertEquals("backlog over 1000 commands", rule.judge(100_000, 100_000, 1_000, true));
        assertEquals("backlog over 1000 commands", rule.judge(100_000, 10, 50 * MS, true));
        assertEquals("completed 94.9k/s < 95% of offered", rule.judge(100_000, 94_900, 1_000, false));
        assertEquals("p50 10001 us > 10000 us", rule.judge(100_000, 100_000, 10 * MS + 1_000, false));
        assertEquals("completed 1.0k/s < 95% of offered", rule.judge(100_000, 1_000, 50 * MS, false));
    }

    @Test
    void refusesMeaninglessBounds()
    {
        assertThrows(IllegalArgumentException.class, () -> new SaturationRule(0, MS, 1));
        assertThrows(IllegalArgumentException.class, () -> new SaturationRule(1.5, MS, 1));
        assertThrows(IllegalArgumentException.class, () -> new SaturationRule(0.95, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new SaturationRule(0.95, MS, 0));
    }

    @Test
    void aSystemOfOneMillionPerSecondSustainsHalfAMillionAndSaturatesAtTwo()
    {
        // one answer per 1 us tick: a capacity of 1M/s
        final FakeTransport fake = new FakeTransport(0);
        fake.answersPerTick = 1;
        final OpenLoopDriver driver = new OpenLoopDriver(fake, new NoOpIdleStrategy(), new SaturationRule(0.95, 10 * MS, 5_000), 10_000 * MS);

        final RateStep half = driver.run(fake, 500_000, 0, 20 * MS, LatencyRecorder.newHistogram());
        assertNull(half.saturation());
        assertEquals(10_000, half.histogram().getTotalCount());
        assertEquals(500_000, half.completedRate(), 1_000);

        final RateStep twice = driver.run(fake, 2_000_000, 0, 20 * MS, LatencyRecorder.newHistogram());
        assertEquals("backlog over 5000 commands", twice.saturation());
        assertTrue(twice.stoppedEarly());
        assertTrue(twice.sentMeasured() < twice.plannedMeasured(), "stopped before the window's end");
        assertEquals(twice.sentMeasured(), twice.histogram().getTotalCount(), "everything sent was answered and recorded");
        assertEquals(1_000_000, twice.completedRate(), 20_000, "the most it completed is its capacity");
    }

    @Test
    void aSlowButBoundedSystemIsSaturatedByItsCompletedRate()
    {
        // 1M/s capacity, offered 1.2M/s for 2 ms: the backlog (at most ~400) stays under the bound, the rate does not keep up
        final FakeTransport fake = new FakeTransport(0);
        fake.answersPerTick = 1;
        final OpenLoopDriver driver = new OpenLoopDriver(fake, new NoOpIdleStrategy(), new SaturationRule(0.95, 10 * MS, 5_000), 10_000 * MS);

        final RateStep step = driver.run(fake, 1_200_000, 0, 2 * MS, LatencyRecorder.newHistogram());

        assertFalse(step.stoppedEarly());
        assertEquals(2_400, step.histogram().getTotalCount());
        assertTrue(step.saturation().startsWith("completed "), step.saturation());
        assertEquals(1_000_000, step.completedRate(), 20_000);
    }
}
