package com.perprisk.benchmarks.latency;

import org.HdrHistogram.Histogram;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NanoClock;

/**
 * Runs one open-loop step on the calling (generator) thread: sends command {@code k} at its planned time
 * {@code start + k / rate} and polls answers, in one loop, so one thread does both (two cores: the generator, the
 * gateway and the engine already want three).
 *
 * <p>Each turn of the loop: read the clock; send every overdue command, at most {@link #SEND_BURST} at a time so that
 * answers keep being read, each keeping its planned time however late it goes out (a refused send, back-pressure, is
 * offered again on the next turn and still keeps it); poll the answers and stamp them ({@link LatencyRecorder}); idle
 * only when the turn did nothing. Commands planned during the first {@code warmup} nanoseconds are sent and answered
 * but not recorded; the next {@code duration} nanoseconds are measured. After the last send the loop keeps polling
 * until every sent command is answered.
 *
 * <p>The completed rate is the measured commands answered divided by the time from the window's start to the later of
 * its end and the last answer; for a step stopped early by the backlog bound, every command answered (warm-up too)
 * divided by the time from the step's start to the last answer, which is then the most the system completed.
 *
 * <p>Threading: one generator thread owns the driver, its recorder and the transport. The loop allocates nothing.
 */
public final class OpenLoopDriver
{
    /** Most overdue commands sent in one turn before answers are polled again. */
    public static final int SEND_BURST = 256;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final NanoClock clock;
    private final IdleStrategy idle;
    private final SaturationRule rule;
    private final long drainTimeoutNs;
    private final LatencyRecorder recorder;

    /**
     * @param clock          the clock of planned and answer times.
     * @param idle           how the generator waits when a turn did nothing (it never waits past a planned time by
     *                       more than the strategy's longest pause: that lateness is charged to the command).
     * @param rule           saturation rule (its backlog bound sizes the in-flight ring).
     * @param drainTimeoutNs how long after the last send the answers may take before the step fails.
     */
    public OpenLoopDriver(final NanoClock clock, final IdleStrategy idle, final SaturationRule rule, final long drainTimeoutNs)
    {
        this.clock = clock;
        this.idle = idle;
        this.rule = rule;
        this.drainTimeoutNs = drainTimeoutNs;
        this.recorder = new LatencyRecorder(rule.maxBacklog() + SEND_BURST + 1, clock);
    }

    /**
     * Run one step.
     *
     * @param transport  what to drive.
     * @param rate       offered commands per second.
     * @param warmupNs   unrecorded lead-in at the same rate (may be 0).
     * @param durationNs measured window, positive.
     * @param histogram  receives the measured latencies in ns (reset first); allocate it before the step.
     * @return what was measured, judged by the saturation rule.
     * @throws IllegalStateException if the transport fails, or answers do not all arrive within the drain timeout.
     */
    public RateStep run(
        final OpenLoopTransport transport, final long rate, final long warmupNs, final long durationNs, final Histogram histogram)
    {
        if (warmupNs < 0 || durationNs <= 0)
        {
            throw new IllegalArgumentException("warm-up must not be negative and duration must be positive");
        }
        transport.beginStep();
        final long startNs = clock.nanoTime();
        final OpenLoopSchedule schedule = new OpenLoopSchedule(startNs, rate);
        final long warmupCommands = schedule.plannedBefore(warmupNs);
        final long total = schedule.plannedBefore(warmupNs + durationNs);
        final long windowStartNs = startNs + warmupNs;
        final long windowEndNs = windowStartNs + durationNs;
        final LatencyRecorder recorder = this.recorder;
        recorder.begin(histogram, warmupCommands);

        long next = 0;
        long lastRefused = -1;
        long backPressured = 0;
        long maxBacklog = 0;
        long maxSendLagNs = 0;
        boolean stoppedEarly = false;
        boolean draining = false;
        long drainDeadlineNs = 0;
        while (true)
        {
            final long nowNs = clock.nanoTime();
            int work = 0;
            if (!stoppedEarly && next < total)
            {
                final long due = Math.min(total, schedule.dueAt(nowNs));
                final long backlog = due - recorder.answered();
                maxBacklog = Math.max(maxBacklog, backlog);
                if (rule.backlogExceeded(backlog))
                {
                    stoppedEarly = true;
                }
                else
                {
                    final long burstEnd = Math.min(due, next + SEND_BURST);
                    while (next < burstEnd)
                    {
                        final long plannedNs = schedule.plannedTime(next);
                        if (!recorder.plan(next, plannedNs))
                        {
                            break;
                        }
                        if (!transport.trySend(next))
                        {
                            if (next != lastRefused)
                            {
                                lastRefused = next;
                                backPressured++;
                            }
                            break;
                        }
                        recorder.sent(next);
                        maxSendLagNs = Math.max(maxSendLagNs, nowNs - plannedNs);
                        next++;
                        work++;
                    }
                }
                if (stoppedEarly || next == total)
                {
                    draining = true;
                    drainDeadlineNs = nowNs + drainTimeoutNs;
                }
            }

            final int read = transport.poll(recorder);
            if (recorder.hasPending())
            {
                recorder.flush(clock.nanoTime());
            }
            work += read;

            if ((stoppedEarly || next == total) && recorder.answered() >= recorder.sentCount())
            {
                break;
            }
            if (draining && work == 0 && clock.nanoTime() - drainDeadlineNs > 0)
            {
                throw new IllegalStateException((recorder.sentCount() - recorder.answered()) + " of " + recorder.sentCount()
                    + " commands at " + Units.rate(rate) + "/s were not answered within " + drainTimeoutNs / 1_000_000 + " ms of the last send");
            }
            idle.idle(work);
        }
        if (recorder.unexpected() != 0)
        {
            throw new IllegalStateException(recorder.unexpected() + " answers to commands never sent at " + Units.rate(rate) + "/s");
        }

        final long sentMeasured = Math.max(0, recorder.sentCount() - warmupCommands);
        final double completedRate;
        if (stoppedEarly)
        {
            completedRate = recorder.answered() * (double)NANOS_PER_SECOND / Math.max(1, recorder.lastAnswerNs() - startNs);
        }
        else
        {
            completedRate = recorder.answeredMeasured() * (double)NANOS_PER_SECOND
                / Math.max(1, Math.max(recorder.lastAnswerNs(), windowEndNs) - windowStartNs);
        }
        final long p50 = histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(50.0);
        return new RateStep(rate, histogram, total - warmupCommands, sentMeasured, recorder.answeredMeasured(), backPressured,
            maxBacklog, maxSendLagNs, completedRate, stoppedEarly, rule.judge(rate, completedRate, p50, stoppedEarly));
    }
}
