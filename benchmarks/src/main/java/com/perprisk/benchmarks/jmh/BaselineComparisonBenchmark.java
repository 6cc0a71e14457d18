package com.perprisk.benchmarks.jmh;

import com.perprisk.benchmarks.baseline.DecimalWorkload;
import com.perprisk.benchmarks.baseline.FillsAndMarksWorkload;
import com.perprisk.benchmarks.baseline.StraightforwardRiskEngine;
import com.perprisk.engine.EngineConfig;
import com.perprisk.engine.RiskEngine;
import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.command.CommandType;
import com.perprisk.engine.fixed.FixedPoint;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;

/**
 * The engine against the straightforward baseline on the same fills-and-marks workload, in the same run, so the table
 * shows the ratio. Score: commands per second of the trading part (80% fills, 20% mark ticks) of a
 * {@link FillsAndMarksWorkload}, with every risk event consumed on both sides (the engine computes every payload).
 *
 * <p>Each invocation replays the same {@value #TRADING_COMMANDS} trading commands on a fresh engine (or baseline)
 * whose set-up part (instruments, deposits, first marks, opening fills) was applied, untimed, just before: the state
 * never drifts between invocations, and every invocation does the same work. An invocation takes milliseconds (engine)
 * to seconds (baseline), long enough for {@link Level#Invocation} set-up.
 *
 * <p>Threading: each side's state belongs to the benchmark thread; the workload is shared and read-only.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BaselineComparisonBenchmark extends ProjectFork
{
    /** Trading commands replayed per invocation. */
    public static final int TRADING_COMMANDS = 4_000;

    private static final long SEED = 42;

    /** The pre-generated workload, shared by both sides. */
    @State(Scope.Benchmark)
    public static class Workload
    {
        /** Accounts funded and trading. */
        @Param({"1000", "10000"})
        public int accounts;

        /** The market of the workload: STEADY (nobody near maintenance) or STRESSED (many candidates). */
        @Param({"STEADY", "STRESSED"})
        public FillsAndMarksWorkload.Market market;

        FillsAndMarksWorkload commands;
        DecimalWorkload decimals;

        /** Generate the commands and their decimal form once. */
        @Setup(Level.Trial)
        public void generate()
        {
            commands = FillsAndMarksWorkload.generate(SEED, accounts, TRADING_COMMANDS, market);
            decimals = new DecimalWorkload(commands);
        }
    }

    /** The engine, applied directly (no ring), a fresh one per invocation. */
    @State(Scope.Thread)
    public static class EngineSide
    {
        final CommandEvent command = new CommandEvent();
        BlackholeListener sink;
        RiskEngine engine;

        /** @param blackhole receives the engine's events */
        @Setup(Level.Trial)
        public void sink(final Blackhole blackhole)
        {
            sink = new BlackholeListener(blackhole);
        }

        /** @param workload whose set-up part the fresh engine applies */
        @Setup(Level.Invocation)
        public void freshEngine(final Workload workload)
        {
            final FillsAndMarksWorkload commands = workload.commands;
            engine = new RiskEngine(new EngineConfig()
                .initialAccounts(commands.accounts())
                .initialPositions(commands.accounts() * commands.instrumentCount()));
            for (int i = 0; i < commands.setUpLength(); i++)
            {
                engine.apply(commands.command(i, command), sink);
            }
            sink.reset();
        }
    }

    /** The baseline, a fresh one per invocation. */
    @State(Scope.Thread)
    public static class BaselineSide
    {
        BaselineEventSink sink;
        StraightforwardRiskEngine baseline;

        /** @param blackhole receives the baseline's events */
        @Setup(Level.Trial)
        public void sink(final Blackhole blackhole)
        {
            sink = new BaselineEventSink(blackhole);
        }

        /** @param workload whose set-up part the fresh baseline applies */
        @Setup(Level.Invocation)
        public void freshBaseline(final Workload workload)
        {
            baseline = new StraightforwardRiskEngine(
                BigDecimal.valueOf(new EngineConfig().marginAlertRatio(), FixedPoint.RATE_DECIMALS), sink);
            for (int i = 0; i < workload.commands.setUpLength(); i++)
            {
                workload.decimals.apply(i, baseline);
            }
        }
    }

    /**
     * @param workload the commands.
     * @param side     the fresh engine.
     * @return fills accepted.
     */
    @Benchmark
    @OperationsPerInvocation(TRADING_COMMANDS)
    public int engine(final Workload workload, final EngineSide side)
    {
        final FillsAndMarksWorkload commands = workload.commands;
        final RiskEngine engine = side.engine;
        final CommandEvent command = side.command;
        final BlackholeListener sink = side.sink;
        for (int i = commands.setUpLength(); i < commands.length(); i++)
        {
            engine.apply(commands.command(i, command), sink);
        }
        return sink.acceptedFills();
    }

    /**
     * @param workload the commands.
     * @param side     the fresh baseline.
     * @return fills accepted.
     */
    @Benchmark
    @OperationsPerInvocation(TRADING_COMMANDS)
    public int baseline(final Workload workload, final BaselineSide side)
    {
        final FillsAndMarksWorkload commands = workload.commands;
        final DecimalWorkload decimals = workload.decimals;
        final StraightforwardRiskEngine baseline = side.baseline;
        int acceptedFills = 0;
        for (int i = commands.setUpLength(); i < commands.length(); i++)
        {
            final boolean accepted = decimals.apply(i, baseline);
            acceptedFills += accepted && commands.type(i) == CommandType.FILL ? 1 : 0;
        }
        return acceptedFills;
    }
}
