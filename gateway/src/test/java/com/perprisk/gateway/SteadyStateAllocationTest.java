package com.perprisk.gateway;

import com.perprisk.client.RiskClient;
import com.perprisk.client.RiskListener;
import com.perprisk.protocol.sbe.RejectReason;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

import static com.perprisk.gateway.TestNode.ADMIN_KEY;
import static com.perprisk.gateway.TestNode.BTC;
import static com.perprisk.gateway.TestNode.MM_ACCOUNT;
import static com.perprisk.gateway.TestNode.MM_KEY;
import static com.perprisk.gateway.TestNode.PRICE;
import static com.perprisk.gateway.TestNode.USDC;
import static com.perprisk.gateway.TestNode.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hot path allocates nothing in steady state: the gateway thread, the business-logic thread and the client's
 * thread, measured with the JVM's per-thread allocation counters over fills and pre-trade checks after a warm-up
 * (typically exactly 0 bytes; the bound tolerates a rare one-off allocation, never one per request).
 */
final class SteadyStateAllocationTest
{
    private static final int WARMUP = 30_000;
    private static final int MEASURED = 20_000;

    @Test
    void gatewayEngineAndClientAllocateNothingPerRequest()
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        try (TestNode node = new TestNode();
            RiskClient admin = node.logon(ADMIN_KEY);
            RiskClient client = node.logon(MM_KEY))
        {
            expect(RejectReason.NONE, admin, admin.markPrice(BTC, 42_000 * PRICE, 0, 0));
            expect(RejectReason.NONE, client, client.deposit(MM_ACCOUNT, 1_000_000 * USDC));
            run(client, WARMUP);
            final Map<String, Long> threadIds = threadIds("risk-gateway", "risk-business-logic");
            final long gatewayBefore = threads.getThreadAllocatedBytes(threadIds.get("risk-gateway"));
            final long engineBefore = threads.getThreadAllocatedBytes(threadIds.get("risk-business-logic"));
            final long clientBefore = threads.getCurrentThreadAllocatedBytes();
            run(client, MEASURED);
            final long clientAllocated = threads.getCurrentThreadAllocatedBytes() - clientBefore;
            assertBelowOneBytePerRequest(threads.getThreadAllocatedBytes(threadIds.get("risk-gateway")) - gatewayBefore, "gateway thread");
            assertBelowOneBytePerRequest(threads.getThreadAllocatedBytes(threadIds.get("risk-business-logic")) - engineBefore, "business-logic thread");
            assertBelowOneBytePerRequest(clientAllocated, "client thread");
        }
    }

    private static void run(final RiskClient client, final int requests)
    {
        for (int i = 0; i < requests; i++)
        {
            final long size = (i & 1) == 0 ? 1_000_000 : -1_000_000;
            final long correlationId = (i & 2) == 0 ?
                client.fill(MM_ACCOUNT, BTC, size, 42_000 * PRICE, RiskClient.FEE_FROM_SCHEDULE) :
                client.preTradeCheck(MM_ACCOUNT, BTC, size, 42_000 * PRICE);
            final RejectReason reason = client.awaitResponse(correlationId, RiskListener.NO_OP);
            if (reason != RejectReason.NONE)
            {
                throw new AssertionError("request " + i + " (correlation " + correlationId + ") rejected: " + reason);
            }
        }
    }

    /**
     * One object per request would be at least 16 bytes x {@value #MEASURED}; less than a byte per request on average
     * leaves room only for rare one-off allocations (JIT deoptimisation, housekeeping), never a per-request one.
     */
    private static void assertBelowOneBytePerRequest(final long allocated, final String thread)
    {
        assertTrue(allocated < MEASURED, thread + " allocated " + allocated + " bytes over " + MEASURED + " requests");
    }

    private static Map<String, Long> threadIds(final String... names)
    {
        final Map<String, Long> ids = new HashMap<>();
        for (final Thread thread : Thread.getAllStackTraces().keySet())
        {
            ids.put(thread.getName(), thread.getId());
        }
        for (final String name : names)
        {
            assertEquals(true, ids.containsKey(name), "thread " + name);
        }
        return ids;
    }
}
