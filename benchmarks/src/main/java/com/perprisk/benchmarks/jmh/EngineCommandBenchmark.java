package com.perprisk.benchmarks.jmh;

import com.perprisk.engine.LiquidationDetection;
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

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One command applied to the engine's books, straight on the business-logic path (no ring, no journal), with every
 * risk event computed and consumed: a fill (the position grows or shrinks by one lot, so it stays open; the account
 * is re-evaluated and its triggers placed again) and a pre-trade check (would a 0.01 BTC order at the mark pass
 * initial margin and limits; changes nothing). Commands go over the accounts of {@link HolderBooks} (0.1% near
 * liquidation) in slot order ({@code SEQUENTIAL}: the friendliest order for the caches) or in a fixed random order
 * ({@code RANDOM}: every command a cache miss on a cold account once the books outgrow the caches), so successive
 * commands touch different accounts as they do live.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EngineCommandBenchmark extends ProjectFork
{
    private static final long LOT = HolderBooks.FAR_SIZE / 100;

    @Param({"10000", "1000000"})
    public int accounts;

    @Param({"SEQUENTIAL", "RANDOM"})
    public String order;

    private HolderBooks books;
    private long[] visits;
    private int next;
    private long fillSign = 1;

    @Setup
    public void setUp(final Blackhole blackhole)
    {
        books = new HolderBooks(accounts, 1000, LiquidationDetection.INDEXED, new BlackholeListener(blackhole));
        visits = new long[accounts];
        for (int i = 0; i < accounts; i++)
        {
            visits[i] = i + 1;
        }
        if ("RANDOM".equals(order))
        {
            final SplittableRandom random = new SplittableRandom(11);
            for (int i = accounts - 1; i > 0; i--)
            {
                final int j = random.nextInt(i + 1);
                final long swap = visits[i];
                visits[i] = visits[j];
                visits[j] = swap;
            }
        }
        else if (!"SEQUENTIAL".equals(order))
        {
            throw new IllegalArgumentException("order must be SEQUENTIAL or RANDOM, was " + order);
        }
    }

    /** Each account once per pass, in the chosen order; the fill direction turns at the end of each pass. */
    private long nextAccount()
    {
        if (next == accounts)
        {
            next = 0;
            fillSign = -fillSign;
        }
        return visits[next++];
    }

    /** A fill: every account's position grows by a lot on one pass over the accounts and shrinks back on the next. */
    @Benchmark
    public void fill()
    {
        final long account = nextAccount();
        books.fill(account, (account & 1) == 1 ? fillSign * LOT : -fillSign * LOT);
    }

    /** A pre-trade check of a 0.01 BTC order, alternately buying and selling. */
    @Benchmark
    public void preTradeCheck()
    {
        final long account = nextAccount();
        books.preTradeCheck(account, (account & 2) == 0 ? LOT : -LOT);
    }
}
