package com.perprisk.benchmarks.baseline;

import com.perprisk.engine.EngineConfig;
import com.perprisk.engine.RiskEngine;
import com.perprisk.engine.book.AccountBook;
import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.command.CommandType;
import com.perprisk.engine.fixed.FixedPoint;
import com.perprisk.engine.risk.AccountEvaluator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The baseline does the engine's work: on the same fills-and-marks workload it reports, command by command, exactly
 * what the engine reports (position after each fill, account risk of every account the engine evaluates, margin alerts,
 * liquidation candidates), and after every mark tick every account's equity and requirements agree exactly with the
 * engine's books. No tolerance: the baseline rounds each step as the engine does, at the engine's decimals, and
 * BigDecimal then gives the same exact floors and ceilings as the engine's 128-bit fixed point.
 */
class StraightforwardRiskEngineTest
{
    private static final int ACCOUNTS = 300;
    private static final int TRADING_COMMANDS = 8_000;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void reportsExactlyWhatTheEngineReports(final long seed)
    {
        final FillsAndMarksWorkload workload = FillsAndMarksWorkload.generate(seed, ACCOUNTS, TRADING_COMMANDS, FillsAndMarksWorkload.Market.STRESSED);
        final DecimalWorkload decimals = new DecimalWorkload(workload);
        final EngineConfig config = new EngineConfig();
        final RiskEngine engine = new RiskEngine(config);
        final EngineRecorder engineEvents = new EngineRecorder();
        final BaselineRecorder baselineEvents = new BaselineRecorder();
        final StraightforwardRiskEngine baseline =
            new StraightforwardRiskEngine(BigDecimal.valueOf(config.marginAlertRatio(), FixedPoint.RATE_DECIMALS), baselineEvents);
        final CommandEvent command = new CommandEvent();

        int candidates = 0;
        int alertsRaised = 0;
        int alertsCleared = 0;
        int closesAndFlips = 0;
        for (int i = 0; i < workload.length(); i++)
        {
            engineEvents.clear();
            baselineEvents.clear();
            engine.apply(workload.command(i, command), engineEvents);
            final boolean accepted = decimals.apply(i, baseline);
            final String at = "seed " + seed + ", command " + i + ": " + command;

            assertTrue(engineEvents.accepted(), at + " rejected by the engine with reason " + engineEvents.rejectReason);
            assertEquals(engineEvents.accepted(), accepted, at);
            final ReportedEvents expected = engineEvents.events;
            final ReportedEvents actual = baselineEvents.events;
            assertEquals(expected.positions, actual.positions, at);
            assertEquals(expected.candidates, actual.candidates, at);
            assertEquals(expected.alerts, actual.alerts, at);
            for (final ReportedEvents.AccountRisk risk : expected.risks.values())
            {
                assertEquals(risk, actual.risks.get(risk.account()), at);
            }
            if (workload.type(i) == CommandType.MARK_PRICE)
            {
                assertEveryAccountAgrees(engine, baseline, at);
            }
            candidates += expected.candidates.size();
            alertsRaised += (int)expected.alerts.values().stream().filter(raised -> raised).count();
            alertsCleared += (int)expected.alerts.values().stream().filter(raised -> !raised).count();
            closesAndFlips += (int)expected.positions.stream().filter(p -> p.realizedPnlDelta() != 0).count();
        }
        // The workload must exercise what is compared: liquidation candidates, alerts both ways, realized PnL.
        assertTrue(candidates > 100, "candidates reported: " + candidates);
        assertTrue(alertsRaised > 10 && alertsCleared > 10, "alerts raised " + alertsRaised + ", cleared " + alertsCleared);
        assertTrue(closesAndFlips > 100, "fills that realized PnL: " + closesAndFlips);
        assertEquals(ACCOUNTS, baseline.accountCount());
    }

    /** Every account, evaluated in the engine's books and by the baseline, at the current marks. */
    private static void assertEveryAccountAgrees(final RiskEngine engine, final StraightforwardRiskEngine baseline, final String at)
    {
        final AccountBook accounts = engine.accounts();
        final AccountEvaluator evaluator = engine.evaluator();
        for (long account = 1; account <= ACCOUNTS; account++)
        {
            final int slot = accounts.slotOf(account);
            assertNotEquals(AccountBook.NONE, slot);
            evaluator.evaluate(slot);
            final ReportedEvents.AccountRisk inEngine = new ReportedEvents.AccountRisk(account, evaluator.collateral(),
                evaluator.totalNotional(), evaluator.crossUnrealizedPnl(), evaluator.crossEquity(), evaluator.crossInitialMargin(),
                evaluator.crossMaintenanceMargin(), evaluator.marginRatio(), evaluator.freeCollateral(), accounts.realizedPnl(slot),
                accounts.feesPaid(slot), accounts.openPositions(slot));
            assertEquals(inEngine, BaselineRecorder.toRaw(baseline.riskOf(account)), at + ", account " + account);
        }
    }
}
