package com.perprisk.engine.event;

import com.perprisk.engine.command.CommandEvent;

/**
 * Receives the engine's output events. Called on the business-logic thread, in the order the
 * events are produced; every argument is a reused flyweight valid only during the call.
 * Implementations must not block and should not allocate (copy into their own buffers).
 *
 * <p>For each input the engine emits, in order: {@link #onCommandStart(CommandEvent)}, zero or more position updates, account risks,
 * margin alerts, liquidation candidates, funding and insurance events, then exactly one
 * {@link #onCommandResult(CommandResult)} last.
 */
public interface RiskEventListener
{
    /** A listener that ignores everything. */
    RiskEventListener NO_OP = new RiskEventListener()
    {
        @Override
        public boolean wantsRiskEvents()
        {
            return false;
        }
    };

    /**
     * Asked once per input, before it is applied. A listener that only reads results (a replay, a verifier) answers
     * false, and the engine then skips computing the payloads of position updates, account risk, margin alerts and
     * liquidation candidates and does not call those methods; the state it reaches is the same.
     *
     * @return true (the default) to receive every event.
     */
    default boolean wantsRiskEvents()
    {
        return true;
    }

    /**
     * The engine is about to apply this input; every event until its {@link #onCommandResult} belongs to it.
     *
     * @param command the input, valid only until its result (read its type and origin to route the events).
     */
    default void onCommandStart(final CommandEvent command)
    {
    }

    /** @param result the one result of an input; always the last event of that input. */
    default void onCommandResult(final CommandResult result)
    {
    }

    /** @param update a position changed or was queried. */
    default void onPositionUpdate(final PositionUpdate update)
    {
    }

    /** @param risk an account was (re-)evaluated. */
    default void onAccountRisk(final AccountRisk risk)
    {
    }

    /** @param alert a margin ratio crossed the alert threshold. */
    default void onMarginAlert(final MarginAlert alert)
    {
    }

    /** @param candidate a position to liquidate. */
    default void onLiquidationCandidate(final LiquidationCandidate candidate)
    {
    }

    /** @param funding funding applied to an instrument. */
    default void onFundingApplied(final FundingApplied funding)
    {
    }

    /** @param update the insurance fund moved. */
    default void onInsuranceFundUpdate(final InsuranceFundUpdate update)
    {
    }
}
