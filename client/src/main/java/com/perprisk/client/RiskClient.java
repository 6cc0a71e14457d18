package com.perprisk.client;

import com.perprisk.protocol.sbe.AdjustIsolatedMarginEncoder;
import com.perprisk.protocol.sbe.BooleanType;
import com.perprisk.protocol.sbe.CommandResponseDecoder;
import com.perprisk.protocol.sbe.DefineInstrumentEncoder;
import com.perprisk.protocol.sbe.DepositEncoder;
import com.perprisk.protocol.sbe.FillEncoder;
import com.perprisk.protocol.sbe.FundingRateEncoder;
import com.perprisk.protocol.sbe.FundingSource;
import com.perprisk.protocol.sbe.LiquidationFillEncoder;
import com.perprisk.protocol.sbe.LogoffEncoder;
import com.perprisk.protocol.sbe.LogonAcceptedDecoder;
import com.perprisk.protocol.sbe.LogonEncoder;
import com.perprisk.protocol.sbe.MarginMode;
import com.perprisk.protocol.sbe.MarkPriceEncoder;
import com.perprisk.protocol.sbe.MessageHeaderEncoder;
import com.perprisk.protocol.sbe.PreTradeCheckEncoder;
import com.perprisk.protocol.sbe.QueryAccountEncoder;
import com.perprisk.protocol.sbe.RejectReason;
import com.perprisk.protocol.sbe.Role;
import com.perprisk.protocol.sbe.SessionClosedDecoder;
import com.perprisk.protocol.sbe.SetLeverageEncoder;
import com.perprisk.protocol.sbe.SetLiquidatorEncoder;
import com.perprisk.protocol.sbe.SetMarginModeEncoder;
import com.perprisk.protocol.sbe.WithdrawEncoder;
import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.FragmentAssembler;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.Header;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * A session with the risk gateway: log on with an API key, send commands (each returns its correlation id), and poll
 * or await the one response each gets, with the risk events of your own commands before it.
 *
 * <pre>
 * try (RiskClient client = RiskClient.connect(new ClientConfig().aeronDirectoryName(dir)))
 * {
 *     client.logon("mm-secret");
 *     long corr = client.fill(1, BTC, 50_000_000L, 4_200_000_000_000L, RiskClient.FEE_FROM_SCHEDULE);
 *     RejectReason reason = client.awaitResponse(corr, RiskListener.NO_OP);
 * }
 * </pre>
 *
 * <p>Not thread-safe: one thread sends and polls. Sending and polling allocate nothing.
 */
public final class RiskClient implements AutoCloseable
{
    /** Fee value of a fill meaning "the instrument's taker fee rate on the notional". */
    public static final long FEE_FROM_SCHEDULE = FillEncoder.feeNullValue();
    /** Returned by a send when the command stream is not connected or closed. */
    public static final long NOT_CONNECTED = -1;
    /**
     * Returned by a send when the command stream stayed back-pressured for the send timeout, or by a try-send
     * ({@link #tryPreTradeCheck}, {@link #tryFill}) that found it back-pressured: then nothing was sent and no
     * correlation id was used.
     */
    public static final long BACK_PRESSURED = -2;

    private static final int FRAGMENT_LIMIT = 32;
    /** A try-send offers again at once after an admin action (a term rotation, over as soon as it is seen). */
    private static final int ADMIN_ACTION_RETRIES = 3;

    private final ClientConfig config;
    private final Aeron aeron;
    private final boolean ownsAeron;
    private final ExclusivePublication commands;
    private final Subscription responses;
    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(4096));
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final LogonEncoder logon = new LogonEncoder();
    private final LogoffEncoder logoff = new LogoffEncoder();
    private final DepositEncoder deposit = new DepositEncoder();
    private final WithdrawEncoder withdraw = new WithdrawEncoder();
    private final FillEncoder fill = new FillEncoder();
    private final AdjustIsolatedMarginEncoder adjust = new AdjustIsolatedMarginEncoder();
    private final SetLeverageEncoder leverage = new SetLeverageEncoder();
    private final SetMarginModeEncoder marginMode = new SetMarginModeEncoder();
    private final MarkPriceEncoder mark = new MarkPriceEncoder();
    private final FundingRateEncoder funding = new FundingRateEncoder();
    private final LiquidationFillEncoder liquidation = new LiquidationFillEncoder();
    private final PreTradeCheckEncoder preTrade = new PreTradeCheckEncoder();
    private final QueryAccountEncoder query = new QueryAccountEncoder();
    private final SetLiquidatorEncoder setLiquidator = new SetLiquidatorEncoder();
    private final DefineInstrumentEncoder define = new DefineInstrumentEncoder();
    private final MessageDispatcher dispatcher = new MessageDispatcher();
    private final FragmentAssembler assembler = new FragmentAssembler(this::onFragment);
    private final IdleStrategy idle = new BackoffIdleStrategy(10, 20, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(1));

    private RiskListener listener = RiskListener.NO_OP;
    private long nextCorrelationId = 1;
    private long awaitedCorrelationId;
    private boolean awaitedArrived;
    private RejectReason awaitedReason;
    private int responseReasonCode;
    private long responseSequence;
    private long responseFeedSequence;
    private int sessionId;
    private Role role;
    private boolean closedByGateway;

    private RiskClient(final ClientConfig config, final Aeron aeron, final boolean ownsAeron)
    {
        this.config = config;
        this.aeron = aeron;
        this.ownsAeron = ownsAeron;
        try
        {
            responses = aeron.addSubscription(config.responseChannel(), config.responseStreamId());
            commands = aeron.addExclusivePublication(config.commandChannel(), config.commandStreamId());
        }
        catch (final RuntimeException ex)
        {
            if (ownsAeron)
            {
                CloseHelper.quietClose(aeron);
            }
            throw ex;
        }
    }

    /**
     * Connect to the media driver and add the command publication and response subscription.
     *
     * @param config where the gateway is.
     * @return the client (not yet logged on).
     */
    public static RiskClient connect(final ClientConfig config)
    {
        final Aeron.Context context = new Aeron.Context();
        if (config.aeronDirectoryName() != null)
        {
            context.aeronDirectoryName(config.aeronDirectoryName());
        }
        return new RiskClient(config, Aeron.connect(context), true);
    }

    /**
     * Use an existing Aeron client (shared with other sessions or a {@link RiskFeed}); closing this client leaves it open.
     *
     * @param config where the gateway is.
     * @param aeron  a connected client.
     * @return the client (not yet logged on).
     */
    public static RiskClient connect(final ClientConfig config, final Aeron aeron)
    {
        return new RiskClient(config, aeron, false);
    }

    /** @return a subscription to the risk feed on this client's Aeron connection (close it before the client) */
    public RiskFeed openFeed()
    {
        return new RiskFeed(aeron, config.feedChannel(), config.feedStreamId());
    }

    /**
     * Log on: wait for the gateway, send the key and the response channel, and wait for the answer.
     *
     * @param apiKey the key.
     * @return NONE when logged on; BAD_CREDENTIALS, ALREADY_LOGGED_ON...; NULL_VAL if the gateway did not answer in time.
     */
    public RejectReason logon(final String apiKey)
    {
        final long deadline = System.nanoTime() + config.connectTimeoutNs();
        while (!commands.isConnected())
        {
            if (System.nanoTime() - deadline >= 0)
            {
                return RejectReason.NULL_VAL;
            }
            idle.idle();
        }
        idle.reset();
        final long correlationId = nextCorrelationId++;
        logon.wrapAndApplyHeader(buffer, 0, header)
            .correlationId(correlationId)
            .responseStreamId(config.responseStreamId())
            .responseChannel(config.responseChannel())
            .apiKey(apiKey);
        if (offer(MessageHeaderEncoder.ENCODED_LENGTH + logon.encodedLength()) < 0)
        {
            return RejectReason.NULL_VAL;
        }
        final RejectReason reason = awaitResponse(correlationId, config.connectTimeoutNs(), RiskListener.NO_OP);
        if (reason == RejectReason.NONE)
        {
            while (role == null && poll(RiskListener.NO_OP) >= 0 && System.nanoTime() - deadline < 0)
            {
                idle.idle();
            }
        }
        return reason;
    }

    /** @return correlation id of the logoff, or a negative send status */
    public long logoff()
    {
        final long correlationId = nextCorrelationId++;
        logoff.wrapAndApplyHeader(buffer, 0, header).correlationId(correlationId);
        return send(correlationId, MessageHeaderEncoder.ENCODED_LENGTH + LogoffEncoder.BLOCK_LENGTH);
    }

    /** @param account account @param amount quote raw, positive @return correlation id, or a negative send status */
    public long deposit(final long account, final long amount)
    {
        final long correlationId = nextCorrelationId++;
        deposit.wrapAndApplyHeader(buffer, 0, header).correlationId(correlationId).accountId(account).amount(amount);
        return send(correlationId, MessageHeaderEncoder.ENCODED_LENGTH + DepositEncoder.BLOCK_LENGTH);
    }

    /** @param account account @param amount quote raw, positive @return correlation id, or a negative send status */
    public long withdraw(final long account, final long amount)
    {
        final long correlationId = nextCorrelationId++;
        withdraw.wrapAndApplyHeader(buffer, 0, header).correlationId(correlationId).accountId(account).amount(amount);
        return send(correlationId, MessageHeaderEncoder.ENCODED_LENGTH + WithdrawEncoder.BLOCK_LENGTH);
    }

    /**
     * @param account    account.
     * @param instrument instrument id.
     * @param size       signed size raw (+ buy).
     * @param price      price raw.
     * @param fee        quote raw (negative = rebate) or {@link #FEE_FROM_SCHEDULE}.
     * @return correlation id, or a negative send status.
     */
    public long fill(final long account, final int instrument, final long size, final long price, final long fee)
    {
        final long correlationId = nextCorrelationId++;
        fill.wrapAndApplyHeader(buffer, 0, header)
            .correlationId(correlationId).accountId(account).instrumentId(instrument).size(size).price(price).fee(fee);
        return send(correlationId, MessageHeaderEncoder.ENCODED_LENGTH + FillEncoder.BLOCK_LENGTH);
    }

    /** @param account account @param instrument instrument @param amount signed quote raw (+ add) @return correlation id, or a negative send status */
    public long adjustIsolatedMargin(final long account, final int instrument, final long amount)
    {
        final long correlationId = nextCorrelationId++;
        adjust.wrapAndApplyHeader(buffer, 0, header).correlationId(correlationId).accountId(account).instrumentId(instrument).amount(amount);
        return send(correlationId, MessageHeaderEncoder.ENCODED_LENGTH + AdjustIsolatedMarginEncoder.BLOCK_LENGTH);
    }

    /** @param account account @param instrument instrument @param value integer leverage @return correlation id, or a negative send status */
    public long setLeverage(final long account, final int instrument, final int value)
    {
        final long correlationId = nextCorrelationId++;
        leverage.wrapAndApplyHeader(buffer, 0, header).correlationId(correlationId).accountId(account).instrumentId(instrument).leverage(value);
        return send(correlationId, MessageHeaderEncoder.ENCODED_LENGTH + SetLeverageEncoder.BLOCK_LENGTH);
    }

    /** @param account account @param instrument instrument @param mode cross or isolated @return correlation id, or a negative send status */
    public long setMarginMode(final long account, final int instrument, final MarginMode mode)
    {
        final long correlationId = nextCorrelationId++;
        marginMode.wrapAndApplyHeader(buffer, 0, header).correlationId(correlationId).accountId(account).instrumentId(instrument).marginMode(mode);
        return send(correlationId, MessageHeaderEncoder.ENCODED_LENGTH + SetMarginModeEncoder.BLOCK_LENGTH);
    }

    /** Admin. @param instrument instrument @param price price raw @param confidence price raw, 0 = none @param publishTimeNs 0 = now @return correlation id, or a negative send status */
    public long markPrice(final int instrument, final long price, final long confidence, final long publishTimeNs)
    {
        final long correlationId = nextCorrelationId++;
        mark.wrapAndApplyHeader(buffer, 0, header)
            .correlationId(correlationId).instrumentId(instrument).price(price).confidence(confidence).publishTime(publishTimeNs);
        return send(correlationId, MessageHeaderEncoder.ENCODED_LENGTH + MarkPriceEncoder.BLOCK_LENGTH);
    }

    /** Admin. @param instrument instrument @param value rate raw, or a premium index @param source which it is @return correlation id, or a negative send status */
    public long fundingRate(final int instrument, final long value, final FundingSource source)
    {
        final long correlationId = nextCorrelationId++;
        funding.wrapAndApplyHeader(buffer, 0, header).correlationId(correlationId).instrumentId(instrument).value(value).source(source);
        return send(correlationId, MessageHeaderEncoder.ENCODED_LENGTH + FundingRateEncoder.BLOCK_LENGTH);
    }

    /**
     * Liquidator: report a liquidation fill.
     *
     * @param liquidatorAccount the submitting (authorised) liquidator account of this key.
     * @param account           the liquidated account.
     * @param instrument        instrument.
     * @param size              signed size of the closing trade raw.
     * @param price             price raw.
     * @return correlation id, or a negative send status.
     */
    public long liquidationFill(final long liquidatorAccount, final long account, final int instrument, final long size, final long price)
    {
        final long correlationId = nextCorrelationId++;
        liquidation.wrapAndApplyHeader(buffer, 0, header)
            .correlationId(correlationId).liquidatorAccountId(liquidatorAccount).accountId(account).instrumentId(instrument).size(size).price(price);
        return send(correlationId, MessageHeaderEncoder.ENCODED_LENGTH + LiquidationFillEncoder.BLOCK_LENGTH);
    }

    /** @param account account @param instrument instrument @param size signed order size raw @param price price raw @return correlation id, or a negative send status */
    public long preTradeCheck(final long account, final int instrument, final long size, final long price)
    {
        final long correlationId = nextCorrelationId++;
        preTrade.wrapAndApplyHeader(buffer, 0, header).correlationId(correlationId).accountId(account).instrumentId(instrument).size(size).price(price);
        return send(correlationId, MessageHeaderEncoder.ENCODED_LENGTH + PreTradeCheckEncoder.BLOCK_LENGTH);
    }

    /**
     * A pre-trade check sent without waiting: one offer, no retry. For senders that keep their own schedule (an
     * open-loop load generator) and retry later themselves.
     *
     * @param account account @param instrument instrument @param size signed order size raw @param price price raw
     * @return the correlation id ({@link #nextCorrelationId()} before the call); {@link #BACK_PRESSURED} when the command
     *         stream had no room right now (nothing sent, no correlation id used); or {@link #NOT_CONNECTED}.
     */
    public long tryPreTradeCheck(final long account, final int instrument, final long size, final long price)
    {
        preTrade.wrapAndApplyHeader(buffer, 0, header)
            .correlationId(nextCorrelationId).accountId(account).instrumentId(instrument).size(size).price(price);
        return trySend(MessageHeaderEncoder.ENCODED_LENGTH + PreTradeCheckEncoder.BLOCK_LENGTH);
    }

    /**
     * A fill sent without waiting: one offer, no retry (see {@link #tryPreTradeCheck}).
     *
     * @param account account @param instrument instrument id @param size signed size raw (+ buy) @param price price raw
     * @param fee quote raw (negative = rebate) or {@link #FEE_FROM_SCHEDULE}
     * @return the correlation id, {@link #BACK_PRESSURED} (nothing sent, no correlation id used) or {@link #NOT_CONNECTED}.
     */
    public long tryFill(final long account, final int instrument, final long size, final long price, final long fee)
    {
        fill.wrapAndApplyHeader(buffer, 0, header)
            .correlationId(nextCorrelationId).accountId(account).instrumentId(instrument).size(size).price(price).fee(fee);
        return trySend(MessageHeaderEncoder.ENCODED_LENGTH + FillEncoder.BLOCK_LENGTH);
    }

    /** @return the correlation id the next command sent will get (a back-pressured try-send does not use one up) */
    public long nextCorrelationId()
    {
        return nextCorrelationId;
    }

    /**
     * Ask for an account's state: its AccountRisk and PositionUpdates arrive on the response stream before the response,
     * whose {@link #responseFeedSequence()} is the last feed message the snapshot includes.
     *
     * @param account account.
     * @return correlation id, or a negative send status.
     */
    public long queryAccount(final long account)
    {
        final long correlationId = nextCorrelationId++;
        query.wrapAndApplyHeader(buffer, 0, header).correlationId(correlationId).accountId(account);
        return send(correlationId, MessageHeaderEncoder.ENCODED_LENGTH + QueryAccountEncoder.BLOCK_LENGTH);
    }

    /** Admin. @param account account @param authorised true to authorise @return correlation id, or a negative send status */
    public long setLiquidator(final long account, final boolean authorised)
    {
        final long correlationId = nextCorrelationId++;
        setLiquidator.wrapAndApplyHeader(buffer, 0, header)
            .correlationId(correlationId).accountId(account).authorised(authorised ? BooleanType.TRUE : BooleanType.FALSE);
        return send(correlationId, MessageHeaderEncoder.ENCODED_LENGTH + SetLiquidatorEncoder.BLOCK_LENGTH);
    }

    /** Admin. @param d the instrument @return correlation id, or a negative send status */
    public long defineInstrument(final InstrumentDefinition d)
    {
        final long correlationId = nextCorrelationId++;
        define.wrapAndApplyHeader(buffer, 0, header)
            .correlationId(correlationId)
            .instrumentId(d.id)
            .priceDecimals((short)d.priceDecimals)
            .sizeDecimals((short)d.sizeDecimals)
            .maxPrice(d.maxPrice)
            .maxPositionSize(d.maxPositionSize)
            .liquidationFeeRate(d.liquidationFeeRate)
            .takerFeeRate(d.takerFeeRate)
            .fundingClampRate(d.fundingClampRate)
            .fundingInterestRate(d.fundingInterestRate)
            .fundingPremiumBand(d.fundingPremiumBand)
            .priceBandRate(d.priceBandRate)
            .oracleStalenessNanos(d.oracleStalenessNanos)
            .oracleMaxConfidenceRate(d.oracleMaxConfidenceRate);
        final DefineInstrumentEncoder.TiersEncoder tiers = define.tiersCount(d.tierCount);
        for (int i = 0; i < d.tierCount; i++)
        {
            tiers.next()
                .floor(d.tierFloor[i])
                .maxLeverage(d.tierMaxLeverage[i])
                .maintenanceRate(d.tierMaintenanceRate[i])
                .maintenanceAmount(d.tierMaintenanceAmount[i]);
        }
        define.symbol(d.symbol);
        return send(correlationId, MessageHeaderEncoder.ENCODED_LENGTH + define.encodedLength());
    }

    /**
     * Send an already encoded frame as is (tools and tests: e.g. to see the gateway's answer to a malformed frame).
     *
     * @param frame  the bytes.
     * @param offset start.
     * @param length length.
     * @return 0, or a negative send status.
     */
    public long sendRaw(final DirectBuffer frame, final int offset, final int length)
    {
        buffer.putBytes(0, frame, offset, length);
        final long result = offer(length);
        return result < 0 ? result : 0;
    }

    /**
     * Deliver what has arrived on the response stream.
     *
     * @param listener receives the messages.
     * @return number of fragments read, or -1 once the gateway closed the session.
     */
    public int poll(final RiskListener listener)
    {
        this.listener = listener;
        final int fragments = responses.poll(assembler, FRAGMENT_LIMIT);
        this.listener = RiskListener.NO_OP;
        return closedByGateway && fragments == 0 ? -1 : fragments;
    }

    /**
     * Poll until the response to a request arrives, delivering everything else to the listener.
     *
     * @param correlationId the request's correlation id.
     * @param timeoutNs     how long to wait.
     * @param listener      receives every message, the awaited response included.
     * @return the response's reason (NONE = accepted), or NULL_VAL on timeout, if the session was closed, or for a reason
     *         newer than this client's schema (see {@link #responseReasonCode()}).
     */
    public RejectReason awaitResponse(final long correlationId, final long timeoutNs, final RiskListener listener)
    {
        awaitedCorrelationId = correlationId;
        awaitedArrived = false;
        final long deadline = System.nanoTime() + timeoutNs;
        try
        {
            while (!awaitedArrived)
            {
                final int fragments = poll(listener);
                if (fragments < 0 || (fragments == 0 && System.nanoTime() - deadline >= 0))
                {
                    return RejectReason.NULL_VAL;
                }
                idle.idle(fragments);
            }
            return awaitedReason;
        }
        finally
        {
            awaitedCorrelationId = 0;
        }
    }

    /** @param correlationId request @param listener receives every message @return as {@link #awaitResponse(long, long, RiskListener)} with the connect timeout */
    public RejectReason awaitResponse(final long correlationId, final RiskListener listener)
    {
        return awaitResponse(correlationId, config.connectTimeoutNs(), listener);
    }

    /** @return raw reason code of the last awaited response (also for codes newer than this client's schema) */
    public int responseReasonCode()
    {
        return responseReasonCode;
    }

    /** @return engine sequence of the last awaited response (-1 if the gateway answered without the engine) */
    public long responseSequence()
    {
        return responseSequence;
    }

    /** @return feed sequence of the last awaited response: the state it reflects includes the feed up to here */
    public long responseFeedSequence()
    {
        return responseFeedSequence;
    }

    /** @return the gateway's id of this session, 0 before logon */
    public int sessionId()
    {
        return sessionId;
    }

    /** @return the role of the key, null before logon */
    public Role role()
    {
        return role;
    }

    /** @return true once the gateway sent SessionClosed (logoff, slow consumer, shutdown) */
    public boolean isClosedByGateway()
    {
        return closedByGateway;
    }

    /** @return the Aeron client (to share with other components) */
    public Aeron aeron()
    {
        return aeron;
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(commands, responses);
        if (ownsAeron)
        {
            CloseHelper.close(aeron);
        }
    }

    private long send(final long correlationId, final int length)
    {
        final long result = offer(length);
        return result < 0 ? result : correlationId;
    }

    private long trySend(final int length)
    {
        for (int attempt = 0; attempt <= ADMIN_ACTION_RETRIES; attempt++)
        {
            final long result = commands.offer(buffer, 0, length);
            if (result > 0)
            {
                return nextCorrelationId++;
            }
            if (result == Publication.BACK_PRESSURED)
            {
                return BACK_PRESSURED;
            }
            if (result != Publication.ADMIN_ACTION)
            {
                return NOT_CONNECTED;
            }
        }
        return BACK_PRESSURED;
    }

    private long offer(final int length)
    {
        final long deadline = System.nanoTime() + config.sendTimeoutNs();
        while (true)
        {
            final long result = commands.offer(buffer, 0, length);
            if (result > 0)
            {
                idle.reset();
                return result;
            }
            if (result != Publication.BACK_PRESSURED && result != Publication.ADMIN_ACTION)
            {
                return NOT_CONNECTED;
            }
            if (System.nanoTime() - deadline >= 0)
            {
                return BACK_PRESSURED;
            }
            idle.idle();
        }
    }

    private void onFragment(final DirectBuffer frame, final int offset, final int length, final Header frameHeader)
    {
        final int template = dispatcher.dispatch(frame, offset, length, listener);
        if (template == CommandResponseDecoder.TEMPLATE_ID)
        {
            final CommandResponseDecoder response = dispatcher.response();
            if (response.correlationId() == awaitedCorrelationId && awaitedCorrelationId != 0)
            {
                awaitedArrived = true;
                awaitedReason = Codes.reason(response.reasonRaw());
                responseReasonCode = response.reasonRaw();
                responseSequence = response.sequence();
                responseFeedSequence = response.feedSequence();
            }
        }
        else if (template == LogonAcceptedDecoder.TEMPLATE_ID)
        {
            sessionId = dispatcher.logonAccepted().sessionId();
            role = Codes.role(dispatcher.logonAccepted().roleRaw());
        }
        else if (template == SessionClosedDecoder.TEMPLATE_ID)
        {
            closedByGateway = true;
        }
    }
}
