package com.perprisk.client;

import com.perprisk.protocol.sbe.AccountRiskDecoder;
import com.perprisk.protocol.sbe.CommandResponseDecoder;
import com.perprisk.protocol.sbe.FundingAppliedDecoder;
import com.perprisk.protocol.sbe.InsuranceFundUpdateDecoder;
import com.perprisk.protocol.sbe.LiquidationCandidateDecoder;
import com.perprisk.protocol.sbe.LogonAcceptedDecoder;
import com.perprisk.protocol.sbe.MarginAlertDecoder;
import com.perprisk.protocol.sbe.PositionUpdateDecoder;
import com.perprisk.protocol.sbe.SessionClosedDecoder;

/**
 * Receives decoded messages from a client's response stream or the risk feed. Called on the thread that polls; every
 * argument is a reused SBE flyweight valid only during the call. Implement what you need: the defaults ignore.
 */
public interface RiskListener
{
    /** A listener that ignores everything. */
    RiskListener NO_OP = new RiskListener()
    {
    };

    /** @param response the one response to a request */
    default void onCommandResponse(final CommandResponseDecoder response)
    {
    }

    /** @param accepted the logon was accepted */
    default void onLogonAccepted(final LogonAcceptedDecoder accepted)
    {
    }

    /** @param closed the gateway closed the session (logoff, slow consumer, shutdown) */
    default void onSessionClosed(final SessionClosedDecoder closed)
    {
    }

    /** @param update a position changed or was queried */
    default void onPositionUpdate(final PositionUpdateDecoder update)
    {
    }

    /** @param risk an account was (re-)evaluated or queried */
    default void onAccountRisk(final AccountRiskDecoder risk)
    {
    }

    /** @param alert a margin alert raised or recovered */
    default void onMarginAlert(final MarginAlertDecoder alert)
    {
    }

    /** @param candidate a position to liquidate */
    default void onLiquidationCandidate(final LiquidationCandidateDecoder candidate)
    {
    }

    /** @param funding funding applied to an instrument */
    default void onFundingApplied(final FundingAppliedDecoder funding)
    {
    }

    /** @param update the insurance fund moved */
    default void onInsuranceFundUpdate(final InsuranceFundUpdateDecoder update)
    {
    }

    /**
     * The feed skipped sequence numbers (a late join, or messages lost to a lagging subscriber). Typically: query the
     * accounts you follow and {@link RiskFeed#resyncFrom} the responses' feed sequence.
     *
     * @param expected the sequence that was expected.
     * @param received the sequence that arrived.
     */
    default void onFeedGap(final long expected, final long received)
    {
    }
}
