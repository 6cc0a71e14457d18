package com.perprisk.cli;

import com.perprisk.client.ClientConfig;
import com.perprisk.client.Decimals;
import com.perprisk.client.RiskClient;
import com.perprisk.client.RiskListener;
import com.perprisk.protocol.sbe.FundingSource;
import com.perprisk.protocol.sbe.PositionUpdateDecoder;
import com.perprisk.protocol.sbe.RejectReason;

import java.io.PrintWriter;
import java.util.concurrent.locks.LockSupport;

/**
 * The market of {@code run --with-samples}, an admin client on the client library: authorises the bot's liquidator
 * account, opens a highly leveraged long for a victim account, then moves the BTC mark: a wobble, a slide that makes the
 * victim liquidatable (the bot liquidates it), a recovery, a funding payment, and again. Runs until stopped.
 */
final class DemoMarket implements Runnable
{
    static final String ADMIN_KEY = "demo-admin-key";
    static final String MM_KEY = "demo-mm-key";
    static final String BOT_KEY = "demo-bot-key";
    static final long MM_ACCOUNT = 1;
    static final long VICTIM_ACCOUNT = 7;
    static final long LIQUIDATOR_ACCOUNT = 900;
    static final int BTC = 1;
    static final long USD = 100_000_000L;
    private static final long USDC = 1_000_000L;
    private static final long TICK_MS = 400;
    private static final long[] PATH = {0, 20, -30, 10, -60, -150, -300, -450, -600, -750, -800, -900, -1000, -1100, -900, -600, -300, 0, 40};

    private final ClientConfig config;
    private final PrintWriter out;
    private volatile boolean running = true;

    DemoMarket(final ClientConfig config, final PrintWriter out)
    {
        this.config = config;
        this.out = out;
    }

    void stop()
    {
        running = false;
    }

    @Override
    public void run()
    {
        try (RiskClient admin = RiskClient.connect(config))
        {
            if (admin.logon(ADMIN_KEY) != RejectReason.NONE)
            {
                out.println("[market] admin logon refused");
                return;
            }
            final long base = 42_000 * USD;
            check(admin, admin.markPrice(BTC, base, 0, 0), "mark BTC-PERP 42000.0");
            check(admin, admin.deposit(LIQUIDATOR_ACCOUNT, 10_000 * USDC), "deposit 10000 USDC for liquidator account " + LIQUIDATOR_ACCOUNT);
            check(admin, admin.setLiquidator(LIQUIDATOR_ACCOUNT, true), "authorise liquidator account " + LIQUIDATOR_ACCOUNT);
            for (int round = 1; running; round++)
            {
                check(admin, admin.deposit(VICTIM_ACCOUNT, 1_000 * USDC), "round " + round + ": account " + VICTIM_ACCOUNT + " deposits 1000 USDC");
                check(admin, admin.fill(VICTIM_ACCOUNT, BTC, 100_000_000L, base, 0),
                    "account " + VICTIM_ACCOUNT + " buys 1 BTC at 42000.0 (about 42x leverage; liquidation near 41165)");
                for (int i = 0; i < PATH.length && running; i++)
                {
                    LockSupport.parkNanos(TICK_MS * 1_000_000);
                    final long mark = base + PATH[i] * USD;
                    check(admin, admin.markPrice(BTC, mark, 0, 0), "mark BTC-PERP " + Decimals.format(mark, Decimals.PRICE, 1));
                }
                check(admin, admin.fundingRate(BTC, 10_000, FundingSource.RATE), "funding BTC-PERP 0.01% (longs pay shorts)");
                final long position = admin.queryAccount(VICTIM_ACCOUNT);
                flatten(admin, position);
            }
        }
    }

    /** Close what the bot left of the victim's position, so every round starts the same. */
    private void flatten(final RiskClient admin, final long queryCorrelationId)
    {
        final long[] size = new long[1];
        admin.awaitResponse(queryCorrelationId, new RiskListener()
        {
            @Override
            public void onPositionUpdate(final PositionUpdateDecoder update)
            {
                if (update.accountId() == VICTIM_ACCOUNT && update.instrumentId() == BTC)
                {
                    size[0] = update.size();
                }
            }
        });
        if (size[0] != 0)
        {
            check(admin, admin.fill(VICTIM_ACCOUNT, BTC, -size[0], 42_000 * USD, 0),
                "account " + VICTIM_ACCOUNT + " closes its remaining " + Decimals.format(size[0], Decimals.SIZE, 3) + " BTC");
        }
    }

    private void check(final RiskClient admin, final long correlationId, final String what)
    {
        final RejectReason reason = correlationId < 0 ? RejectReason.NULL_VAL : admin.awaitResponse(correlationId, RiskListener.NO_OP);
        if (what != null)
        {
            out.println("[market] " + what + (reason == RejectReason.NONE ? "" : ": " + reason));
        }
    }
}
