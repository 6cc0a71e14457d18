package com.perprisk.benchmarks.latency;

import java.util.List;

/**
 * The steps one mode ran, in the order run (rising rates), and what its transport counted over all of them.
 *
 * @param mode     what was measured.
 * @param steps    one per rate, up to and including the first saturated one (or every rate with keep-stepping).
 * @param rejected engine answers that were not NONE (0 for the bare ping-pong): every command must be accepted.
 * @param dropped  echoes the bare ping-pong dropped (0 for the engine).
 */
public record ModeResult(Mode mode, List<RateStep> steps, long rejected, long dropped)
{
    /** @return the highest offered rate sustained below the first saturated step, or 0 if the first step saturated */
    public long saturationThroughput()
    {
        long best = 0;
        for (final RateStep step : steps)
        {
            if (step.saturated())
            {
                break;
            }
            best = step.offeredRate();
        }
        return best;
    }

    /** @return true if some step saturated (else the saturation throughput is only a lower bound) */
    public boolean reachedSaturation()
    {
        return steps.stream().anyMatch(RateStep::saturated);
    }

    /** @return the step with the highest completed rate, or null without steps */
    public RateStep mostCompleted()
    {
        RateStep best = null;
        for (final RateStep step : steps)
        {
            if (best == null || step.completedRate() > best.completedRate())
            {
                best = step;
            }
        }
        return best;
    }

    /** @param rate an offered rate @return this mode's step at that rate, or null */
    public RateStep at(final long rate)
    {
        for (final RateStep step : steps)
        {
            if (step.offeredRate() == rate)
            {
                return step;
            }
        }
        return null;
    }
}
