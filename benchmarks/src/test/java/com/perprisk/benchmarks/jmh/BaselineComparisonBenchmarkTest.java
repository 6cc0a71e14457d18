package com.perprisk.benchmarks.jmh;

import com.perprisk.benchmarks.baseline.FillsAndMarksWorkload;
import com.perprisk.engine.command.CommandType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openjdk.jmh.infra.Blackhole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The comparison's set-up builds what it claims, and one invocation of each side processes the whole trading part. */
class BaselineComparisonBenchmarkTest
{
    private static final int ACCOUNTS = 300;

    private final BaselineComparisonBenchmark benchmark = new BaselineComparisonBenchmark();
    private final BaselineComparisonBenchmark.Workload workload = new BaselineComparisonBenchmark.Workload();
    private final Blackhole blackhole = Blackholes.create();

    @ParameterizedTest
    @EnumSource(FillsAndMarksWorkload.Market.class)
    void engineAndBaselineAcceptEveryFillOfTheTradingPartFromTheSameFundedState(final FillsAndMarksWorkload.Market market)
    {
        workload.accounts = ACCOUNTS;
        workload.market = market;
        workload.generate();
        final FillsAndMarksWorkload commands = workload.commands;
        assertEquals(BaselineComparisonBenchmark.TRADING_COMMANDS, commands.length() - commands.setUpLength());
        final int fills = commands.count(CommandType.FILL, commands.setUpLength(), commands.length());
        final int marks = commands.count(CommandType.MARK_PRICE, commands.setUpLength(), commands.length());
        assertEquals(BaselineComparisonBenchmark.TRADING_COMMANDS, fills + marks, "the trading part is fills and marks only");
        assertTrue(marks > BaselineComparisonBenchmark.TRADING_COMMANDS / 10, "marks: " + marks);

        final BaselineComparisonBenchmark.EngineSide engineSide = new BaselineComparisonBenchmark.EngineSide();
        engineSide.sink(blackhole);
        engineSide.freshEngine(workload);
        assertEquals(ACCOUNTS, engineSide.engine.accounts().count(), "the set-up funds every account");
        assertEquals(commands.setUpLength() - 1, engineSide.engine.lastSequence());

        final BaselineComparisonBenchmark.BaselineSide baselineSide = new BaselineComparisonBenchmark.BaselineSide();
        baselineSide.sink(blackhole);
        baselineSide.freshBaseline(workload);
        assertEquals(ACCOUNTS, baselineSide.baseline.accountCount(), "the set-up funds every account");

        assertEquals(fills, benchmark.engine(workload, engineSide));
        if (market == FillsAndMarksWorkload.Market.STEADY)
        {
            assertEquals(0, engineSide.sink.candidates(), "a steady market takes nobody below maintenance");
        }
        else
        {
            assertTrue(engineSide.sink.candidates() > 0, "a stressed market takes accounts below maintenance");
            assertTrue(engineSide.sink.alerts() > 0, "and raises margin alerts");
        }
        assertEquals(commands.length() - 1, engineSide.engine.lastSequence(), "the engine applied the whole trading part");
        assertEquals(fills, benchmark.baseline(workload, baselineSide));
    }

    @ParameterizedTest
    @EnumSource(FillsAndMarksWorkload.Market.class)
    void everyEngineInvocationStartsFromTheSameStateAndEndsInTheSameState(final FillsAndMarksWorkload.Market market)
    {
        workload.accounts = ACCOUNTS;
        workload.market = market;
        workload.generate();
        final BaselineComparisonBenchmark.EngineSide side = new BaselineComparisonBenchmark.EngineSide();
        side.sink(blackhole);

        side.freshEngine(workload);
        final long before = side.engine.checksum();
        benchmark.engine(workload, side);
        final long after = side.engine.checksum();

        side.freshEngine(workload);
        assertEquals(before, side.engine.checksum(), "set-up state");
        benchmark.engine(workload, side);
        assertEquals(after, side.engine.checksum(), "state after the trading part");
        assertNotEquals(before, after, "the trading part changes the state");
    }
}
