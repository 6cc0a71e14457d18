package com.perprisk.engine.pipeline;

import com.perprisk.engine.command.CommandEvent;

/**
 * Records every input durably before the business logic applies it, so that no output exists for an
 * input a restart could not replay. The engine defines this contract; the journal module implements it
 * (Chronicle Queue), which keeps the engine free of I/O.
 *
 * <p>Threading: every method is called on the business-logic thread, in ring order.
 */
public interface InputJournal
{
    /** No journal: inputs are applied without being recorded (tests, scenarios, what-if tools). */
    InputJournal NONE = event -> true;

    /** Called once on the business-logic thread before the first append: acquire appenders here. */
    default void onStart()
    {
    }

    /**
     * Record one input, sequence and timestamp included.
     *
     * @param event the input, already stamped with its sequence.
     * @return true when the input is recorded; false when it could not be (the pipeline then refuses it and every later
     * input with {@code JOURNAL_UNAVAILABLE} and stops accepting). Must not throw.
     */
    boolean append(CommandEvent event);

    /** Called once on the business-logic thread when the pipeline stops: release appenders here. */
    default void onShutdown()
    {
    }
}
