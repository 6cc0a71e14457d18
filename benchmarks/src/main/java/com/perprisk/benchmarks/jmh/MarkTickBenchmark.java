package com.perprisk.benchmarks.jmh;

import com.perprisk.engine.LiquidationDetection;
import com.perprisk.engine.fixed.FixedPoint;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * A mark tick and a funding tick on an instrument every account holds ({@link HolderBooks}: 0.1% of the accounts
 * near liquidation, the mark walking one basis point at a time within +/-0.5%), at 10k, 100k and 1M accounts, for
 * the indexed liquidation detection and for the full-scan reference side by side. Sampled per tick, so the
 * percentiles (p99) are the tick's, not an average.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MarkTickBenchmark extends ProjectFork
{
    /** A funding rate of 0.01% per tick, alternating in sign so the index stays bounded. */
    private static final long FUNDING_RATE = FixedPoint.RATE_SCALE / 10_000;

    @Param({"10000", "100000", "1000000"})
    public int accounts;

    @Param({"INDEXED", "FULL_SCAN"})
    public LiquidationDetection detection;

    private HolderBooks books;
    private long fundingSign = 1;

    @Setup
    public void setUp(final Blackhole blackhole)
    {
        books = new HolderBooks(accounts, 1000, detection, new BlackholeListener(blackhole));
    }

    /** The next mark of the walk. */
    @Benchmark
    public void markTick()
    {
        books.markTick();
    }

    /** A funding rate applied to the cumulative index (settled lazily per position). */
    @Benchmark
    public void fundingTick()
    {
        fundingSign = -fundingSign;
        books.fundingTick(fundingSign * FUNDING_RATE);
    }
}
