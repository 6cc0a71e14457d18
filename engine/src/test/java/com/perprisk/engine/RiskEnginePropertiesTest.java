package com.perprisk.engine;

import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.command.CommandType;
import com.perprisk.engine.command.RejectReason;
import com.perprisk.engine.event.LiquidationCandidate;
import com.perprisk.engine.event.MarginAlert;
import com.perprisk.engine.event.RiskEventListener;
import com.perprisk.engine.fixed.FixedPoint;
import com.perprisk.engine.state.BufferStateWriter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.agrona.ExpandableArrayBuffer;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Long random command streams, applied to two engines side by side: one with the indexed liquidation
 * detection, one with the full-scan reference.
 */
class RiskEnginePropertiesTest
{
    private static final int COMMANDS = 3000;

    /** Collects candidates and alerts in emission order, as strings (flyweights are reused). */
    private static final class DetectionLog implements RiskEventListener
    {
        final List<String> detections = new ArrayList<>();
        final long[] lastCandidate = new long[4];
        boolean hasCandidate;
        int reason;

        @Override
        public void onLiquidationCandidate(final LiquidationCandidate c)
        {
            detections.add("candidate seq=" + c.sequence() + " account=" + c.accountId() + " instrument=" + c.instrumentId() +
                " size=" + c.positionSize() + " close=" + c.sizeToClose() + " bankruptcy=" + c.bankruptcyPrice() +
                " shortfall=" + c.shortfall());
            lastCandidate[0] = c.accountId();
            lastCandidate[1] = c.instrumentId();
            lastCandidate[2] = c.sizeToClose();
            lastCandidate[3] = c.positionSize();
            hasCandidate = true;
        }

        @Override
        public void onMarginAlert(final MarginAlert a)
        {
            detections.add("alert seq=" + a.sequence() + " account=" + a.accountId() + " raised=" + a.raised() + " ratio=" + a.marginRatio());
        }

        @Override
        public void onCommandResult(final com.perprisk.engine.event.CommandResult result)
        {
            reason = result.rejectReason();
        }
    }

    @Provide
    Arbitrary<Long> alertRatios()
    {
        return Arbitraries.of(EngineConfig.MIN_MARGIN_ALERT_RATIO, 70_000_000L, 80_000_000L, 95_000_000L, FixedPoint.RATE_SCALE);
    }

    @Property(tries = 100)
    void indexedDetectionEqualsFullScanAndMoneyIsConserved(
        @ForAll final long seed,
        @ForAll("alertRatios") final long alertRatio,
        @ForAll @IntRange(min = 2, max = 40) final int accounts)
    {
        final RiskEngine indexed = new RiskEngine(new EngineConfig().detection(LiquidationDetection.INDEXED).marginAlertRatio(alertRatio));
        final RiskEngine fullScan = new RiskEngine(new EngineConfig().detection(LiquidationDetection.FULL_SCAN).marginAlertRatio(alertRatio));
        final RiskEngine silent = new RiskEngine(new EngineConfig().detection(LiquidationDetection.INDEXED).marginAlertRatio(alertRatio));
        final DetectionLog indexedLog = new DetectionLog();
        final DetectionLog fullLog = new DetectionLog();
        final RandomCommandStream stream = new RandomCommandStream(seed, accounts);
        final CommandEvent command = new CommandEvent();
        final long[] sequence = {0};
        stream.setUp(command, null, c ->
        {
            c.sequence(sequence[0]++);
            indexed.apply(c, indexedLog);
            fullScan.apply(c, fullLog);
            silent.apply(c, RiskEventListener.NO_OP);
        });

        int candidates = 0;
        int accepted = 0;
        for (int n = 0; n < COMMANDS; n++)
        {
            stream.next(command, indexedLog.hasCandidate ? indexedLog.lastCandidate.clone() : null);
            command.sequence(sequence[0]++);
            indexedLog.hasCandidate = false;
            indexedLog.detections.clear();
            fullLog.detections.clear();
            final long before = indexed.checksum();

            indexed.apply(command, indexedLog);
            fullScan.apply(command, fullLog);
            silent.apply(command, RiskEventListener.NO_OP);

            assertEquals(fullLog.reason, indexedLog.reason, () -> "same result for " + command);
            assertEquals(fullLog.detections, indexedLog.detections, () -> "same candidates and alerts, same order, after " + command);
            assertEquals(fullScan.checksum(), indexed.checksum(), () -> "same state after " + command);
            assertEquals(indexed.checksum(), silent.checksum(), () -> "an engine whose outputs go nowhere (a replay) reaches the same state after " + command);
            assertEquals(0, indexed.ledgerImbalance(), () -> "money conserved after " + command);
            EngineFixture.assertOpenIsolatedMarginSums(indexed);
            final boolean readOnly = command.type() == CommandType.PRE_TRADE_CHECK || command.type() == CommandType.QUERY_ACCOUNT;
            if (indexedLog.reason != RejectReason.NONE || readOnly)
            {
                assertEquals(before, indexed.checksum(), () -> "a rejected command, a pre-trade check or a query changes nothing: " + command);
            }
            else
            {
                accepted++;
            }
            candidates += indexedLog.detections.stream().filter(s -> s.startsWith("candidate")).count();
        }
        assertTrue(accepted > COMMANDS / 3, "the stream exercises accepted commands, not just rejects: " + accepted);
        assertTrue(candidates > 0, "the stream drives accounts below maintenance");
        assertArrayEquals(image(indexed), image(silent), "the silent engine's whole state, index included, is the same");
    }

    private static byte[] image(final RiskEngine engine)
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1 << 16);
        final BufferStateWriter writer = new BufferStateWriter(buffer, 0);
        engine.writeState(writer);
        final byte[] bytes = new byte[writer.length()];
        buffer.getBytes(0, bytes);
        return bytes;
    }
}
