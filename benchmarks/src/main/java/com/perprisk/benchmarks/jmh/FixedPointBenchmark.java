package com.perprisk.benchmarks.jmh;

import com.perprisk.engine.fixed.FixedPoint;
import com.perprisk.engine.fixed.Rounding;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The engine's fixed-point primitives: notional (price x size, the common case that fits 64 bits), mulDiv whose
 * product needs 128 bits (the Knuth division path), a rate applied to an amount, and checked addition. Operands
 * cycle through pre-generated arrays so the JIT cannot fold them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FixedPointBenchmark extends ProjectFork
{
    private static final int MASK = 1023;

    private final long[] prices = new long[MASK + 1];
    private final long[] sizes = new long[MASK + 1];
    private final long[] bigSizes = new long[MASK + 1];
    private final long[] rates = new long[MASK + 1];
    private int i;

    /** Operands within the engine's documented limits: prices up to 1e6 USD, sizes up to 1e4 units, rates up to 10%. */
    @Setup
    public void setUp()
    {
        final SplittableRandom random = new SplittableRandom(42);
        for (int k = 0; k <= MASK; k++)
        {
            prices[k] = 1 + random.nextLong(1_000_000L * FixedPoint.PRICE_SCALE);
            sizes[k] = random.nextLong(-10_000L * FixedPoint.SIZE_SCALE, 10_000L * FixedPoint.SIZE_SCALE);
            bigSizes[k] = random.nextLong(FixedPoint.MAX_SIZE / 2, FixedPoint.MAX_SIZE);
            rates[k] = random.nextLong(FixedPoint.RATE_SCALE / 10);
        }
    }

    @Benchmark
    public long notional()
    {
        final int k = i++ & MASK;
        return FixedPoint.notional(prices[k], sizes[k], Rounding.FLOOR);
    }

    @Benchmark
    public long mulDiv128()
    {
        final int k = i++ & MASK;
        return FixedPoint.mulDiv(prices[k], bigSizes[k], FixedPoint.NOTIONAL_DIVISOR + 7, Rounding.CEILING);
    }

    @Benchmark
    public long applyRate()
    {
        final int k = i++ & MASK;
        return FixedPoint.applyRate(Math.abs(sizes[k]), rates[k], Rounding.CEILING);
    }

    @Benchmark
    public long checkedAdd()
    {
        final int k = i++ & MASK;
        return FixedPoint.add(prices[k], sizes[k]);
    }
}
