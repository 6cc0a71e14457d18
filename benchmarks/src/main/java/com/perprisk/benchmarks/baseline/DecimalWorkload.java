package com.perprisk.benchmarks.baseline;

import com.perprisk.engine.command.CommandType;
import com.perprisk.engine.fixed.FixedPoint;

import java.math.BigDecimal;

/**
 * A {@link FillsAndMarksWorkload}'s commands converted once to the decimals the {@link StraightforwardRiskEngine}
 * takes, so that replaying them measures the baseline's processing and not the conversion (as the engine's replay
 * measures its processing and not the decoding of its input).
 *
 * <p>Threading: immutable after construction; the engine it is applied to belongs to the calling thread.
 */
public final class DecimalWorkload
{
    private final FillsAndMarksWorkload workload;
    private final BigDecimal[] price;
    private final BigDecimal[] size;
    private final BigDecimal[] amount;

    /** @param workload the commands to convert */
    public DecimalWorkload(final FillsAndMarksWorkload workload)
    {
        this.workload = workload;
        final int n = workload.length();
        price = new BigDecimal[n];
        size = new BigDecimal[n];
        amount = new BigDecimal[n];
        for (int i = 0; i < n; i++)
        {
            price[i] = BigDecimal.valueOf(workload.price(i), FixedPoint.PRICE_DECIMALS);
            size[i] = BigDecimal.valueOf(workload.size(i), FixedPoint.SIZE_DECIMALS);
            amount[i] = workload.type(i) == CommandType.DEPOSIT ? BigDecimal.valueOf(workload.amount(i), FixedPoint.QUOTE_DECIMALS) : null;
        }
    }

    /** @return the workload converted */
    public FillsAndMarksWorkload workload()
    {
        return workload;
    }

    /**
     * Apply command {@code i}.
     *
     * @param i      command index.
     * @param engine the baseline.
     * @return true if the baseline accepted it.
     */
    public boolean apply(final int i, final StraightforwardRiskEngine engine)
    {
        return switch (workload.type(i))
        {
            case CommandType.DEFINE_INSTRUMENT -> engine.defineInstrument(workload.instrument(workload.instrumentId(i)));
            case CommandType.DEPOSIT -> engine.deposit(workload.accountId(i), amount[i]);
            case CommandType.FILL -> engine.fill(workload.accountId(i), workload.instrumentId(i), size[i], price[i]);
            case CommandType.MARK_PRICE -> engine.markPrice(workload.instrumentId(i), price[i]);
            default -> throw new IllegalStateException("not a workload command type: " + workload.type(i));
        };
    }
}
