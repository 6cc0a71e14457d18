package com.perprisk.client.sample;

import com.perprisk.client.ClientConfig;
import com.perprisk.client.Decimals;
import com.perprisk.client.RiskClient;
import com.perprisk.client.RiskListener;
import com.perprisk.protocol.sbe.AccountRiskDecoder;
import com.perprisk.protocol.sbe.PositionUpdateDecoder;
import com.perprisk.protocol.sbe.RejectReason;
import org.agrona.collections.Long2LongHashMap;

import java.io.PrintWriter;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Sample market maker on the client library: deposits collateral, then trades around the mark. Before each fill it asks
 * the engine's pre-trade check; it keeps a book of its positions from its own position updates, and when the position
 * grows past its limit it hedges half of it back. Prints one line per trade.
 *
 * <pre>
 * java -cp perp-risk.jar com.perprisk.client.sample.MarketMakerSample --aeron-dir DIR --key KEY --account 1
 * </pre>
 */
public final class MarketMakerSample implements Runnable, RiskListener
{
    private static final String USAGE = "MarketMakerSample --aeron-dir DIR --key API_KEY --account N [--instrument 1] " +
        "[--reference-price-usd 42000] [--step-size-raw 1000000] [--hedge-limit-raw 5000000] [--interval-ms 250] [--trades 0 (until stopped)]";
    private static final long PRICE_UNIT = 100_000_000L;

    private final ClientConfig config;
    private final String key;
    private final long account;
    private final int instrument;
    private final long stepSize;
    private final long hedgeLimit;
    private final long intervalMs;
    private final long trades;
    private final PrintWriter out;
    private final Long2LongHashMap book = new Long2LongHashMap(Long.MIN_VALUE);
    private final SplittableRandom random = new SplittableRandom(7);
    private volatile boolean running = true;
    private long mark;
    private long equity;
    private long marginRatio;

    /**
     * @param config         where the gateway is.
     * @param key            a market maker API key.
     * @param account        its account.
     * @param instrument     instrument to trade.
     * @param referencePrice price raw to trade around until a mark is seen.
     * @param stepSize       size raw of one clip (on the instrument's lot).
     * @param hedgeLimit     absolute position raw beyond which it hedges.
     * @param intervalMs     pause between trades.
     * @param trades         trades to do, 0 = until {@link #stop()}.
     * @param out            where to print.
     */
    public MarketMakerSample(
        final ClientConfig config, final String key, final long account, final int instrument, final long referencePrice,
        final long stepSize, final long hedgeLimit, final long intervalMs, final long trades, final PrintWriter out)
    {
        this.config = config;
        this.key = key;
        this.account = account;
        this.instrument = instrument;
        this.mark = referencePrice;
        this.stepSize = stepSize;
        this.hedgeLimit = hedgeLimit;
        this.intervalMs = intervalMs;
        this.trades = trades;
        this.out = out;
    }

    /** @param args see the usage (--help). */
    public static void main(final String[] args)
    {
        final SampleArgs a = new SampleArgs(args, USAGE);
        final MarketMakerSample sample = new MarketMakerSample(new ClientConfig().aeronDirectoryName(a.text("aeron-dir", null)),
            a.text("key", "demo-mm-key"), a.number("account", 1), (int)a.number("instrument", 1),
            a.number("reference-price-usd", 42_000) * PRICE_UNIT, a.number("step-size-raw", 1_000_000), a.number("hedge-limit-raw", 5_000_000),
            a.number("interval-ms", 250), a.number("trades", 0), new PrintWriter(System.out, true));
        Runtime.getRuntime().addShutdownHook(new Thread(sample::stop));
        sample.run();
    }

    /** Ask the loop to finish after the current trade. Any thread. */
    public void stop()
    {
        running = false;
    }

    @Override
    public void run()
    {
        try (RiskClient client = RiskClient.connect(config))
        {
            final RejectReason logon = client.logon(key);
            if (logon != RejectReason.NONE)
            {
                out.println("[mm] logon refused: " + logon);
                return;
            }
            out.println("[mm] logged on, session " + client.sessionId() + ", account " + account);
            await(client, client.deposit(account, 100_000 * 1_000_000L), "deposit 100000 USDC");
            for (long n = 0; running && (trades == 0 || n < trades); n++)
            {
                final long position = book.getOrDefault(instrument, 0);
                if (Math.abs(position) >= hedgeLimit)
                {
                    trade(client, "hedge", -position / 2 / stepSize * stepSize);
                }
                else
                {
                    final long clip = stepSize * (1 + random.nextInt(3));
                    trade(client, random.nextBoolean() ? "buy " : "sell", random.nextBoolean() ? clip : -clip);
                }
                client.poll(this);
                LockSupport.parkNanos(intervalMs * 1_000_000);
            }
            client.logoff();
        }
    }

    private void trade(final RiskClient client, final String what, final long size)
    {
        if (size == 0)
        {
            return;
        }
        final long price = mark + (size > 0 ? PRICE_UNIT : -PRICE_UNIT);
        final RejectReason check = await(client, client.preTradeCheck(account, instrument, size, price), null);
        if (check != RejectReason.NONE)
        {
            out.println("[mm] " + what + " " + Decimals.format(size, Decimals.SIZE, 3) + " refused by the pre-trade check: " + check);
            return;
        }
        final RejectReason fill = await(client, client.fill(account, instrument, size, price, RiskClient.FEE_FROM_SCHEDULE), null);
        out.println("[mm] " + what + " " + Decimals.format(Math.abs(size), Decimals.SIZE, 3) + " @ " + Decimals.format(price, Decimals.PRICE, 1) +
            (fill == RejectReason.NONE ? "" : " REJECTED " + fill) +
            " -> position " + Decimals.format(book.getOrDefault(instrument, 0), Decimals.SIZE, 3) +
            ", equity " + Decimals.format(equity, Decimals.QUOTE, 2) + ", margin ratio " + Decimals.percent(marginRatio));
    }

    private RejectReason await(final RiskClient client, final long correlationId, final String what)
    {
        final RejectReason reason = correlationId < 0 ? RejectReason.NULL_VAL : client.awaitResponse(correlationId, this);
        if (what != null)
        {
            out.println("[mm] " + what + ": " + reason);
        }
        return reason;
    }

    @Override
    public void onPositionUpdate(final PositionUpdateDecoder update)
    {
        if (update.accountId() == account)
        {
            book.put(update.instrumentId(), update.size());
            if (update.instrumentId() == instrument && update.markPrice() > 0)
            {
                mark = update.markPrice();
            }
        }
    }

    @Override
    public void onAccountRisk(final AccountRiskDecoder risk)
    {
        if (risk.accountId() == account)
        {
            equity = risk.equity();
            marginRatio = risk.marginRatio();
        }
    }
}
