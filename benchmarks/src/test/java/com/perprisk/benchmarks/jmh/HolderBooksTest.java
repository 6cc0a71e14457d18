package com.perprisk.benchmarks.jmh;

import com.perprisk.engine.LiquidationDetection;
import com.perprisk.engine.event.AccountRisk;
import com.perprisk.engine.event.CommandResult;
import com.perprisk.engine.event.LiquidationCandidate;
import com.perprisk.engine.event.MarginAlert;
import com.perprisk.engine.event.RiskEventListener;
import com.perprisk.engine.fixed.FixedPoint;
import org.agrona.collections.LongHashSet;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine benchmarks' books are what their Javadoc says: the benchmarks measure the situation they name. */
class HolderBooksTest
{
    private static final int ACCOUNTS = 20_000;
    private static final int TICKS = 5_000;

    @Test
    void onePerMilleIsNearLiquidationAndAnIndexedTickLooksOnlyAtThose()
    {
        final TickLog log = new TickLog();
        final HolderBooks books = new HolderBooks(ACCOUNTS, 1000, LiquidationDetection.INDEXED, log);
        int near = 0;
        for (long id = 1; id <= ACCOUNTS; id++)
        {
            near += books.isNear(id) ? 1 : 0;
        }
        assertEquals(ACCOUNTS / 1000, near, "0.1% near liquidation");
        assertEquals(ACCOUNTS, books.engine().accounts().count());

        long evaluations = 0;
        long maxMove = 0;
        final LongHashSet evaluated = new LongHashSet();
        for (int t = 0; t < TICKS; t++)
        {
            log.clear();
            books.markTick();
            assertEquals(0, log.reason, "every tick of the walk is accepted");
            maxMove = Math.max(maxMove, Math.abs(books.mark() - HolderBooks.START_MARK));
            evaluations += log.accounts.size();
            for (final long id : log.accounts)
            {
                assertTrue(books.isNear(id), () -> "a far account was evaluated on a tick: " + id);
                evaluated.add(id);
            }
            assertEquals(0, log.candidates, "nobody is liquidated by the walk");
        }
        assertEquals(HolderBooks.WALK_STEPS * HolderBooks.STEP, maxMove, "the walk reaches its +/-0.5% bounds");
        assertTrue(evaluated.size() > near / 2, "the walk reaches most near accounts' triggers: " + evaluated.size());
        assertTrue(log.alertsRaised > 0, "some near accounts raise a margin alert");
        assertTrue(evaluations < (long)TICKS * near, "a tick looks at a few near accounts, not all of them: " + evaluations);
    }

    @Test
    void theIndexedDetectionRaisesAndClearsTheSameAlertsAsTheFullScanOnTheWalk()
    {
        final AlertLog indexedLog = new AlertLog();
        final AlertLog fullLog = new AlertLog();
        final HolderBooks indexed = new HolderBooks(2_000, 10, LiquidationDetection.INDEXED, indexedLog);
        final HolderBooks full = new HolderBooks(2_000, 10, LiquidationDetection.FULL_SCAN, fullLog);
        for (int t = 0; t < 12_000; t++)
        {
            indexed.markTick();
            full.markTick();
            if ((t & 63) == 0)
            {
                indexed.fundingTick(((t & 64) == 0 ? 1 : -1) * FixedPoint.RATE_SCALE / 10_000);
                full.fundingTick(((t & 64) == 0 ? 1 : -1) * FixedPoint.RATE_SCALE / 10_000);
            }
            assertEquals(full.engine().checksum(), indexed.engine().checksum(), "same state after tick " + t);
        }
        assertTrue(fullLog.alerts.size() > 100, "the walk raises and clears alerts: " + fullLog.alerts.size());
        assertEquals(fullLog.alerts, indexedLog.alerts, "same alerts, same order");
    }

    @Test
    void aFullScanTickEvaluatesEveryHolder()
    {
        final TickLog log = new TickLog();
        final HolderBooks books = new HolderBooks(2_000, 1000, LiquidationDetection.FULL_SCAN, log);
        for (int t = 0; t < 10; t++)
        {
            log.clear();
            books.markTick();
            assertEquals(2_000, log.accounts.size());
        }
    }

    @Test
    void fillsAndPreTradeChecksOfTheCommandBenchmarkAreAccepted()
    {
        final TickLog log = new TickLog();
        final HolderBooks books = new HolderBooks(2_000, 1000, LiquidationDetection.INDEXED, log);
        for (long id = 1; id <= 2_000; id++)
        {
            books.fill(id, HolderBooks.FAR_SIZE / 100);
            assertEquals(0, log.reason, "fill of account " + id);
            books.preTradeCheck(id, -HolderBooks.FAR_SIZE / 100);
            assertEquals(0, log.reason, "pre-trade check of account " + id);
        }
    }

    private static final class AlertLog implements RiskEventListener
    {
        final List<String> alerts = new ArrayList<>();

        @Override
        public void onMarginAlert(final MarginAlert alert)
        {
            alerts.add(alert.sequence() + ":" + alert.accountId() + ":" + alert.raised());
        }

        @Override
        public void onLiquidationCandidate(final LiquidationCandidate candidate)
        {
            alerts.add(candidate.sequence() + ":" + candidate.accountId() + ":candidate");
        }
    }

    private static final class TickLog implements RiskEventListener
    {
        final LongHashSet accounts = new LongHashSet();
        int reason;
        int candidates;
        int alertsRaised;

        void clear()
        {
            accounts.clear();
            candidates = 0;
        }

        @Override
        public void onCommandResult(final CommandResult result)
        {
            reason = result.rejectReason();
        }

        @Override
        public void onAccountRisk(final AccountRisk risk)
        {
            accounts.add(risk.accountId());
        }

        @Override
        public void onLiquidationCandidate(final LiquidationCandidate candidate)
        {
            candidates++;
        }

        @Override
        public void onMarginAlert(final MarginAlert alert)
        {
            alertsRaised += alert.raised() ? 1 : 0;
        }
    }
}
