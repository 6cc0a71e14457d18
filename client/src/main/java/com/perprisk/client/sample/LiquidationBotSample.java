package com.perprisk.client.sample;

import com.perprisk.client.ClientConfig;
import com.perprisk.client.Decimals;
import com.perprisk.client.RiskClient;
import com.perprisk.client.RiskFeed;
import com.perprisk.client.RiskListener;
import com.perprisk.protocol.sbe.BooleanType;
import com.perprisk.protocol.sbe.LiquidationCandidateDecoder;
import com.perprisk.protocol.sbe.MarginAlertDecoder;
import com.perprisk.protocol.sbe.RejectReason;
import org.agrona.collections.LongHashSet;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;

/**
 * Sample liquidation bot on the client library: subscribes to the risk feed and, for every liquidation candidate it
 * sees, submits a liquidation fill closing the suggested size at the mark. On a feed gap it queries the accounts it has
 * seen and continues from the snapshot's feed sequence.
 *
 * <pre>
 * java -cp perp-risk.jar com.perprisk.client.sample.LiquidationBotSample --aeron-dir DIR --key KEY --liquidator-account 900
 * </pre>
 */
public final class LiquidationBotSample implements Runnable, RiskListener
{
    private static final String USAGE = "LiquidationBotSample --aeron-dir DIR --key API_KEY --liquidator-account N";
    private static final int MAX_PENDING = 256;

    private final ClientConfig config;
    private final String key;
    private final long liquidatorAccount;
    private final PrintWriter out;
    private final long[] pendingAccount = new long[MAX_PENDING];
    private final int[] pendingInstrument = new int[MAX_PENDING];
    private final long[] pendingSize = new long[MAX_PENDING];
    private final long[] pendingPrice = new long[MAX_PENDING];
    private final LongHashSet seenAccounts = new LongHashSet();
    private final IdleStrategy idle = new BackoffIdleStrategy(10, 20, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(1));
    private volatile boolean running = true;
    private int pending;
    private boolean gap;
    private volatile long liquidations;

    /**
     * @param config            where the gateway and feed are.
     * @param key               a liquidator API key.
     * @param liquidatorAccount its (engine-authorised) liquidator account.
     * @param out               where to print.
     */
    public LiquidationBotSample(final ClientConfig config, final String key, final long liquidatorAccount, final PrintWriter out)
    {
        this.config = config;
        this.key = key;
        this.liquidatorAccount = liquidatorAccount;
        this.out = out;
    }

    /** @param args see the usage (--help). */
    public static void main(final String[] args)
    {
        final SampleArgs a = new SampleArgs(args, USAGE);
        final LiquidationBotSample bot = new LiquidationBotSample(new ClientConfig().aeronDirectoryName(a.text("aeron-dir", null)),
            a.text("key", "demo-bot-key"), a.number("liquidator-account", 900), new PrintWriter(System.out, true));
        Runtime.getRuntime().addShutdownHook(new Thread(bot::stop));
        bot.run();
    }

    /** Ask the loop to finish. Any thread. */
    public void stop()
    {
        running = false;
    }

    /** @return liquidation fills the engine accepted (any thread) */
    public long liquidations()
    {
        return liquidations;
    }

    @Override
    public void run()
    {
        try (RiskClient client = RiskClient.connect(config);
            RiskFeed feed = client.openFeed())
        {
            final RejectReason logon = client.logon(key);
            if (logon != RejectReason.NONE)
            {
                out.println("[bot] logon refused: " + logon);
                return;
            }
            out.println("[bot] logged on, session " + client.sessionId() + ", watching the risk feed");
            feed.resyncFrom(0);
            while (running)
            {
                final int work = feed.poll(this) + client.poll(RiskListener.NO_OP);
                if (gap)
                {
                    resync(client, feed);
                }
                for (int i = 0; i < pending; i++)
                {
                    liquidate(client, i);
                }
                pending = 0;
                idle.idle(work);
            }
            client.logoff();
        }
    }

    @Override
    public void onLiquidationCandidate(final LiquidationCandidateDecoder candidate)
    {
        seenAccounts.add(candidate.accountId());
        out.println("[bot] candidate: account " + candidate.accountId() + " instrument " + candidate.instrumentId() +
            ", close " + Decimals.format(candidate.sizeToClose(), Decimals.SIZE, 3) + " of " +
            Decimals.format(candidate.positionSize(), Decimals.SIZE, 3) + " at mark " + Decimals.format(candidate.markPrice(), Decimals.PRICE, 1) +
            ", shortfall " + Decimals.format(candidate.shortfall(), Decimals.QUOTE, 2) + " USDC");
        if (pending < MAX_PENDING)
        {
            pendingAccount[pending] = candidate.accountId();
            pendingInstrument[pending] = candidate.instrumentId();
            pendingSize[pending] = candidate.positionSize() > 0 ? -candidate.sizeToClose() : candidate.sizeToClose();
            pendingPrice[pending] = candidate.markPrice();
            pending++;
        }
    }

    @Override
    public void onMarginAlert(final MarginAlertDecoder alert)
    {
        out.println("[bot] margin alert " + (alert.raised() == BooleanType.TRUE ? "raised" : "recovered") + ": account " + alert.accountId() +
            ", margin ratio " + Decimals.percent(alert.marginRatio()) + " (threshold " + Decimals.percent(alert.threshold()) + ")");
    }

    @Override
    public void onFeedGap(final long expected, final long received)
    {
        out.println("[bot] feed gap: expected " + expected + ", got " + received + "; resyncing");
        gap = true;
    }

    private void liquidate(final RiskClient client, final int i)
    {
        final long correlationId = client.liquidationFill(liquidatorAccount, pendingAccount[i], pendingInstrument[i], pendingSize[i], pendingPrice[i]);
        final RejectReason reason = correlationId < 0 ? RejectReason.NULL_VAL : client.awaitResponse(correlationId, RiskListener.NO_OP);
        if (reason == RejectReason.NONE)
        {
            liquidations = liquidations + 1;
        }
        out.println("[bot] liquidation fill " + Decimals.format(pendingSize[i], Decimals.SIZE, 3) + " on account " + pendingAccount[i] + ": " + reason);
    }

    private void resync(final RiskClient client, final RiskFeed feed)
    {
        gap = false;
        for (final long account : seenAccounts)
        {
            final long correlationId = client.queryAccount(account);
            if (correlationId > 0 && client.awaitResponse(correlationId, RiskListener.NO_OP) == RejectReason.NONE)
            {
                feed.resyncFrom(client.responseFeedSequence());
            }
        }
    }
}
