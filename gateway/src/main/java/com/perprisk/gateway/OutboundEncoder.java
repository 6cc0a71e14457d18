package com.perprisk.gateway;

import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.event.AccountRisk;
import com.perprisk.engine.event.CommandResult;
import com.perprisk.engine.event.FundingApplied;
import com.perprisk.engine.event.InsuranceFundUpdate;
import com.perprisk.engine.event.LiquidationCandidate;
import com.perprisk.engine.event.MarginAlert;
import com.perprisk.engine.event.PositionUpdate;
import com.perprisk.engine.event.RiskEventListener;
import com.perprisk.protocol.sbe.AccountRiskEncoder;
import com.perprisk.protocol.sbe.BooleanType;
import com.perprisk.protocol.sbe.FundingAppliedEncoder;
import com.perprisk.protocol.sbe.InsuranceFundUpdateEncoder;
import com.perprisk.protocol.sbe.LiquidationCandidateEncoder;
import com.perprisk.protocol.sbe.MarginAlertEncoder;
import com.perprisk.protocol.sbe.MarginMode;
import com.perprisk.protocol.sbe.MessageHeaderEncoder;
import com.perprisk.protocol.sbe.PositionChange;
import com.perprisk.protocol.sbe.PositionState;
import com.perprisk.protocol.sbe.PositionUpdateEncoder;
import com.perprisk.protocol.sbe.RejectReason;
import io.aeron.Counter;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ringbuffer.RingBuffer;

/**
 * The engine's listener: encodes each output event as an SBE message straight into the pre-allocated hand-off ring
 * that the gateway thread drains, tagged with where it goes (the risk feed, the originating session, or both), and
 * numbers the risk feed. Runs on the business-logic thread and never touches Aeron, so a slow client can never block
 * it; if the ring is full it waits only for the gateway thread, which never waits for a client (it disconnects slow
 * ones). Allocation-free.
 *
 * <p>Routing: every input's {@code CommandResponse} goes to its session; its risk events go to the feed unless it is a
 * pre-trade check or a query, and also to its session unless it is an admin's market-wide command (see
 * {@link CommandTemplates}).
 */
final class OutboundEncoder implements RiskEventListener
{
    private final RingBuffer ring;
    private final Counter waits;
    private final Counter processed;
    private final Counter internalRejects;
    private final IdleStrategy idle;
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final Responses responses = new Responses();
    private final PositionUpdateEncoder positionUpdate = new PositionUpdateEncoder();
    private final AccountRiskEncoder accountRisk = new AccountRiskEncoder();
    private final MarginAlertEncoder marginAlert = new MarginAlertEncoder();
    private final LiquidationCandidateEncoder candidate = new LiquidationCandidateEncoder();
    private final FundingAppliedEncoder funding = new FundingAppliedEncoder();
    private final InsuranceFundUpdateEncoder insurance = new InsuranceFundUpdateEncoder();

    private long feedSequence;
    private int origin;
    private boolean toFeed;
    private boolean eventsToOrigin;
    private int claimedIndex;

    /**
     * @param ring  the hand-off to the gateway thread (this is its only producer).
     * @param counters metrics: waits on a full ring, inputs processed, rejected commands without a session.
     * @param idle     how to wait while the ring is full.
     */
    OutboundEncoder(final RingBuffer ring, final GatewayCounters counters, final IdleStrategy idle)
    {
        this.ring = ring;
        this.waits = counters.outboundWaits;
        this.processed = counters.engineInputs;
        this.internalRejects = counters.internalRejects;
        this.idle = idle;
    }

    /** Message type in the hand-off: bit 0 = to the feed, the rest = session id (0 = none). */
    static int destination(final int sessionId, final boolean feed)
    {
        return (sessionId << 1) | (feed ? 1 : 0);
    }

    static boolean isForFeed(final int destination)
    {
        return (destination & 1) != 0;
    }

    static int sessionOf(final int destination)
    {
        return destination >>> 1;
    }

    @Override
    public void onCommandStart(final CommandEvent command)
    {
        origin = (int)command.origin();
        toFeed = CommandTemplates.publishesToFeed(command.type());
        eventsToOrigin = origin != 0 && CommandTemplates.echoesEventsToOrigin(command.type());
    }

    @Override
    public void onCommandResult(final CommandResult result)
    {
        if (origin != 0)
        {
            final MutableDirectBuffer buffer = claim(destination(origin, false), Responses.LENGTH);
            responses.encode(buffer, claimedIndex, result.correlationId(), CommandTemplates.templateOf(result.commandType()),
                RejectReason.get(result.rejectReason()), result.sequence(), feedSequence, result.accountId(), result.instrumentId());
            ring.commit(claimedIndex);
        }
        else if (result.rejectReason() != com.perprisk.engine.command.RejectReason.NONE) // SBE's RejectReason is imported
        {
            internalRejects.increment();
        }
        origin = 0;
        processed.setRelease(result.sequence() + 1);
    }

    @Override
    public void onPositionUpdate(final PositionUpdate u)
    {
        final MutableDirectBuffer buffer = claimEvent(PositionUpdateEncoder.BLOCK_LENGTH);
        if (buffer != null)
        {
            positionUpdate.wrapAndApplyHeader(buffer, claimedIndex, header)
                .feedSequence(feedSequence)
                .sequence(u.sequence())
                .accountId(u.accountId())
                .instrumentId(u.instrumentId())
                .change(PositionChange.get(u.change()))
                .state(PositionState.get(u.state()))
                .marginMode(MarginMode.get(u.marginMode()))
                .leverage(u.leverage())
                .size(u.size())
                .entryPrice(u.entryPrice())
                .markPrice(u.markPrice())
                .notional(u.notional())
                .unrealizedPnl(u.unrealizedPnl())
                .returnOnEntry(u.returnOnEntry())
                .realizedPnl(u.realizedPnl())
                .realizedPnlDelta(u.realizedPnlDelta())
                .fee(u.fee())
                .fundingSettled(u.fundingSettled())
                .unsettledFunding(u.unsettledFunding())
                .isolatedMargin(u.isolatedMargin())
                .initialMargin(u.initialMargin())
                .maintenanceMargin(u.maintenanceMargin())
                .liquidationPrice(u.liquidationPrice());
            ring.commit(claimedIndex);
        }
    }

    @Override
    public void onAccountRisk(final AccountRisk r)
    {
        final MutableDirectBuffer buffer = claimEvent(AccountRiskEncoder.BLOCK_LENGTH);
        if (buffer != null)
        {
            accountRisk.wrapAndApplyHeader(buffer, claimedIndex, header)
                .feedSequence(feedSequence)
                .sequence(r.sequence())
                .accountId(r.accountId())
                .collateral(r.collateral())
                .isolatedMargin(r.isolatedMargin())
                .notional(r.notional())
                .unrealizedPnl(r.unrealizedPnl())
                .unsettledFunding(r.unsettledFunding())
                .equity(r.equity())
                .initialMargin(r.initialMargin())
                .maintenanceMargin(r.maintenanceMargin())
                .marginRatio(r.marginRatio())
                .freeCollateral(r.freeCollateral())
                .realizedPnl(r.realizedPnl())
                .feesPaid(r.feesPaid())
                .fundingPaid(r.fundingPaid())
                .openPositions(r.openPositions())
                .liquidatable(r.liquidatable() ? BooleanType.TRUE : BooleanType.FALSE);
            ring.commit(claimedIndex);
        }
    }

    @Override
    public void onMarginAlert(final MarginAlert a)
    {
        final MutableDirectBuffer buffer = claimEvent(MarginAlertEncoder.BLOCK_LENGTH);
        if (buffer != null)
        {
            marginAlert.wrapAndApplyHeader(buffer, claimedIndex, header)
                .feedSequence(feedSequence)
                .sequence(a.sequence())
                .accountId(a.accountId())
                .raised(a.raised() ? BooleanType.TRUE : BooleanType.FALSE)
                .marginRatio(a.marginRatio())
                .threshold(a.threshold());
            ring.commit(claimedIndex);
        }
    }

    @Override
    public void onLiquidationCandidate(final LiquidationCandidate c)
    {
        final MutableDirectBuffer buffer = claimEvent(LiquidationCandidateEncoder.BLOCK_LENGTH);
        if (buffer != null)
        {
            candidate.wrapAndApplyHeader(buffer, claimedIndex, header)
                .feedSequence(feedSequence)
                .sequence(c.sequence())
                .accountId(c.accountId())
                .instrumentId(c.instrumentId())
                .marginMode(MarginMode.get(c.marginMode()))
                .positionSize(c.positionSize())
                .sizeToClose(c.sizeToClose())
                .markPrice(c.markPrice())
                .bankruptcyPrice(c.bankruptcyPrice())
                .shortfall(c.shortfall())
                .equity(c.equity())
                .maintenanceMargin(c.maintenanceMargin());
            ring.commit(claimedIndex);
        }
    }

    @Override
    public void onFundingApplied(final FundingApplied f)
    {
        final MutableDirectBuffer buffer = claimEvent(FundingAppliedEncoder.BLOCK_LENGTH);
        if (buffer != null)
        {
            funding.wrapAndApplyHeader(buffer, claimedIndex, header)
                .feedSequence(feedSequence)
                .sequence(f.sequence())
                .instrumentId(f.instrumentId())
                .requestedRate(f.requestedRate())
                .appliedRate(f.appliedRate())
                .markPrice(f.markPrice())
                .fundingIndex(f.fundingIndex());
            ring.commit(claimedIndex);
        }
    }

    @Override
    public void onInsuranceFundUpdate(final InsuranceFundUpdate i)
    {
        final MutableDirectBuffer buffer = claimEvent(InsuranceFundUpdateEncoder.BLOCK_LENGTH);
        if (buffer != null)
        {
            insurance.wrapAndApplyHeader(buffer, claimedIndex, header)
                .feedSequence(feedSequence)
                .sequence(i.sequence())
                .accountId(i.accountId())
                .instrumentId(i.instrumentId())
                .delta(i.delta())
                .balance(i.balance());
            ring.commit(claimedIndex);
        }
    }

    /** Claim space for a risk event of the current input, numbering it on the feed; null if it goes nowhere. */
    private MutableDirectBuffer claimEvent(final int blockLength)
    {
        final int destination = destination(eventsToOrigin ? origin : 0, toFeed);
        if (destination == 0)
        {
            return null;
        }
        if (toFeed)
        {
            feedSequence++;
        }
        return claim(destination, MessageHeaderEncoder.ENCODED_LENGTH + blockLength);
    }

    private MutableDirectBuffer claim(final int destination, final int length)
    {
        int index;
        while ((index = ring.tryClaim(destination, length)) < 0)
        {
            waits.increment();
            idle.idle();
        }
        idle.reset();
        claimedIndex = index;
        return ring.buffer();
    }
}
