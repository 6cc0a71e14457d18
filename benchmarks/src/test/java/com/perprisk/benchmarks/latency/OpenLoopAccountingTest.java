package com.perprisk.benchmarks.latency;

import org.HdrHistogram.Histogram;
import org.agrona.concurrent.NoOpIdleStrategy;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The open-loop accounting, on a fake clock that moves 1 us per turn of the driver's loop: 100k commands/s (one every
 * 10 us) for 2 ms = 200 commands, with a 500 us stall from 1 ms after the start. A command answered without delay
 * measures 1 us (answered in the poll of the turn it was sent in). Every command planned during the stall is charged from
 * its planned time, so the stall shows as 50 commands at 500, 490, ... 10 us (11 us more when the sender was held up,
 * since they are sent at the stall's end and answered a tick later) - where a closed-loop or send-stamped measurement
 * would see one slow command, or none.
 */
final class OpenLoopAccountingTest
{
    private static final long START = 1_000_000_000L;
    private static final long US = 1_000;
    private static final long RATE = 100_000;
    private static final long DURATION = 2_000 * US;
    private static final long STALL_FROM = START + 1_000 * US;
    private static final long STALL_TO = START + 1_500 * US;

    @Test
    void aResponderStallIsChargedToEveryCommandPlannedDuringIt()
    {
        final FakeTransport fake = new FakeTransport(START);
        fake.stallFrom = STALL_FROM;
        fake.stallTo = STALL_TO;

        final RateStep step = driver(fake).run(fake, RATE, 0, DURATION, LatencyRecorder.newHistogram());

        final Histogram expected = LatencyRecorder.newHistogram();
        for (long planned = 0; planned < 2_000 * US; planned += 10 * US)
        {
            final boolean stalled = START + planned >= STALL_FROM && START + planned < STALL_TO;
            expected.recordValue(stalled ? STALL_TO - (START + planned) : US);
        }
        assertEquals(200, step.plannedMeasured());
        assertEquals(200, step.sentMeasured());
        assertEquals(200, step.answeredMeasured());
        assertEquals(150, step.histogram().getCountAtValue(US));
        assertEquals(1, step.histogram().getCountAtValue(500 * US));
        assertEquals(1, step.histogram().getCountAtValue(10 * US));
        assertEquals(expected, step.histogram(), "the distribution: 150 x 1 us, and 500, 490, ..., 10 us");
        assertEquals(0, step.backPressured());
        assertNull(step.saturation(), "a 500 us stall at 100k/s does not saturate: " + step.saturation());
    }

    @Test
    void commandsHeldBackByBackPressureKeepTheirPlannedTimes()
    {
        final FakeTransport fake = new FakeTransport(START);
        fake.refuseFrom = STALL_FROM;
        fake.refuseTo = STALL_TO;

        final RateStep step = driver(fake).run(fake, RATE, 0, DURATION, LatencyRecorder.newHistogram());

        assertEquals(expectedWhenSentAtTheStallsEnd(), step.histogram());
        assertEquals(200, step.histogram().getTotalCount());
        assertEquals(1, step.backPressured(), "one command (the head) was refused, on every turn of the stall");
        assertEquals(500, fake.refusals, "refused on each of the 500 turns of the stall, then sent");
        assertEquals(500 * US, step.maxSendLagNs(), "the oldest held-back command went out 500 us late");
    }

    @Test
    void aPauseOfTheGeneratorItselfIsChargedToo()
    {
        final FakeTransport fake = new FakeTransport(START);
        fake.jumpAt = STALL_FROM + US; // the turn at 1000 us sends command 100, then the generator sleeps until 1500 us
        fake.jumpTo = STALL_TO;

        final RateStep step = driver(fake).run(fake, RATE, 0, DURATION, LatencyRecorder.newHistogram());

        final Histogram expected = LatencyRecorder.newHistogram();
        for (long planned = 0; planned < 2_000 * US; planned += 10 * US)
        {
            final long at = START + planned;
            // command 100 (at 1000 us) was answered in the poll that slept: seen at 1500 us; 1010..1500 go out at 1500 us
            expected.recordValue(at == STALL_FROM ? STALL_TO - at : at > STALL_FROM && at <= STALL_TO ? STALL_TO + US - at : US);
        }
        assertEquals(expected, step.histogram());
    }

    @Test
    void warmUpCommandsAreAnsweredButNotRecorded()
    {
        final FakeTransport fake = new FakeTransport(START);
        fake.stallFrom = START + 100 * US; // a stall inside the warm-up leaves no trace in the histogram
        fake.stallTo = START + 400 * US;

        final RateStep step = driver(fake).run(fake, RATE, 500 * US, DURATION, LatencyRecorder.newHistogram());

        assertEquals(200, step.plannedMeasured());
        assertEquals(200, step.histogram().getTotalCount());
        assertEquals(200, step.histogram().getCountAtValue(US));
        assertEquals(1, fake.steps);
    }

    @Test
    void theSameDriverRunsStepAfterStepFromZero()
    {
        final FakeTransport fake = new FakeTransport(START);
        final OpenLoopDriver driver = driver(fake);
        final RateStep first = driver.run(fake, RATE, 0, DURATION, LatencyRecorder.newHistogram());
        final RateStep second = driver.run(fake, 2 * RATE, 0, DURATION, LatencyRecorder.newHistogram());

        assertEquals(200, first.histogram().getTotalCount());
        assertEquals(400, second.histogram().getTotalCount());
        assertEquals(400, second.histogram().getCountAtValue(US));
        assertEquals(2, fake.steps);
        assertFalse(second.saturated());
    }

    @Test
    void theLoopAllocatesNothingPerCommand()
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)java.lang.management.ManagementFactory.getThreadMXBean();
        final FakeTransport fake = new FakeTransport(START);
        final OpenLoopDriver driver = driver(fake);
        final Histogram histogram = LatencyRecorder.newHistogram();
        driver.run(fake, 1_000_000, 0, 100 * 1_000 * US, histogram); // warm the JIT: 100k commands
        fake.refuseFrom = fake.now + 1_000 * US; // back-pressure, then answers in a burst, on the way
        fake.refuseTo = fake.now + 1_500 * US;

        final long before = threads.getCurrentThreadAllocatedBytes();
        final RateStep step = driver.run(fake, 1_000_000, 0, 400 * 1_000 * US, histogram); // 400k commands
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertEquals(400_000, step.histogram().getTotalCount());
        assertEquals(true, allocated < 4_096, "a step allocates its result and schedule only, not per command: " + allocated + " bytes");
    }

    private static Histogram expectedWhenSentAtTheStallsEnd()
    {
        final Histogram expected = LatencyRecorder.newHistogram();
        for (long planned = 0; planned < 2_000 * US; planned += 10 * US)
        {
            final long at = START + planned;
            expected.recordValue(at >= STALL_FROM && at <= STALL_TO ? STALL_TO + US - at : US);
        }
        return expected;
    }

    static OpenLoopDriver driver(final FakeTransport fake)
    {
        return new OpenLoopDriver(fake, new NoOpIdleStrategy(), new SaturationRule(), 10 * 1_000_000_000L);
    }
}
