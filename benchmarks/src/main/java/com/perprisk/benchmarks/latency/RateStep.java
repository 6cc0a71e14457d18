package com.perprisk.benchmarks.latency;

import org.HdrHistogram.Histogram;

/**
 * What one open-loop step at one offered rate measured. Immutable once made by the {@link OpenLoopDriver} (the
 * histogram is the step's own and is not written again).
 */
public final class RateStep
{
    private final long offeredRate;
    private final Histogram histogram;
    private final long plannedMeasured;
    private final long sentMeasured;
    private final long answeredMeasured;
    private final long backPressured;
    private final long maxBacklog;
    private final long maxSendLagNs;
    private final double completedRate;
    private final boolean stoppedEarly;
    private final String saturation;

    RateStep(
        final long offeredRate,
        final Histogram histogram,
        final long plannedMeasured,
        final long sentMeasured,
        final long answeredMeasured,
        final long backPressured,
        final long maxBacklog,
        final long maxSendLagNs,
        final double completedRate,
        final boolean stoppedEarly,
        final String saturation)
    {
        this.offeredRate = offeredRate;
        this.histogram = histogram;
        this.plannedMeasured = plannedMeasured;
        this.sentMeasured = sentMeasured;
        this.answeredMeasured = answeredMeasured;
        this.backPressured = backPressured;
        this.maxBacklog = maxBacklog;
        this.maxSendLagNs = maxSendLagNs;
        this.completedRate = completedRate;
        this.stoppedEarly = stoppedEarly;
        this.saturation = saturation;
    }

    /** @return offered commands per second */
    public long offeredRate()
    {
        return offeredRate;
    }

    /** @return latency from planned send time to answer, ns, of every measured command */
    public Histogram histogram()
    {
        return histogram;
    }

    /** @return commands planned in the measured window */
    public long plannedMeasured()
    {
        return plannedMeasured;
    }

    /** @return commands of the measured window that were sent (fewer than planned only when stopped early) */
    public long sentMeasured()
    {
        return sentMeasured;
    }

    /** @return commands of the measured window answered: every sent one (the histogram's count) */
    public long answeredMeasured()
    {
        return answeredMeasured;
    }

    /** @return commands the transport refused at least once (back-pressure), warm-up included; each was sent later */
    public long backPressured()
    {
        return backPressured;
    }

    /** @return most commands due and unanswered at once */
    public long maxBacklog()
    {
        return maxBacklog;
    }

    /** @return the generator's worst lateness: send time minus planned time (charged to the command, as all lateness is) */
    public long maxSendLagNs()
    {
        return maxSendLagNs;
    }

    /** @return completed commands per second (see {@link OpenLoopDriver}) */
    public double completedRate()
    {
        return completedRate;
    }

    /** @return true if the step was stopped before its end (backlog bound) */
    public boolean stoppedEarly()
    {
        return stoppedEarly;
    }

    /** @return null when the step was sustained, else why it was saturated ({@link SaturationRule}) */
    public String saturation()
    {
        return saturation;
    }

    /** @return true if saturated */
    public boolean saturated()
    {
        return saturation != null;
    }
}
