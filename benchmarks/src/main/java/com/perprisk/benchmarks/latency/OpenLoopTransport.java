package com.perprisk.benchmarks.latency;

/**
 * What the {@link OpenLoopDriver} drives: something that takes numbered commands and answers each exactly once. The
 * engine ({@link EngineTransport}) and the bare Aeron echo ({@link PingPongTransport}) are the two; one driver serves
 * both, so the two sets of numbers are taken the same way.
 *
 * <p>Threading: every method is called by the one generator thread that runs the driver. Implementations allocate
 * nothing in {@link #trySend} and {@link #poll}.
 */
public interface OpenLoopTransport
{
    /** Receives the number of each answered command, on the generator thread, from inside {@link #poll}. */
    @FunctionalInterface
    interface ResponseSink
    {
        /** @param command the number {@link #trySend} was given */
        void onResponse(long command);
    }

    /**
     * A step starts: its commands are numbered from 0 again. Every command of an earlier step has been answered.
     */
    void beginStep();

    /**
     * Send command {@code command} now, without waiting. Commands are sent in order, each successfully exactly once: a
     * command that was refused is offered again later (with the same number).
     *
     * @param command the command's number within the step.
     * @return true if sent; false if the transport pushed back (back-pressure) and nothing was sent.
     * @throws IllegalStateException if the transport failed for good (not connected, closed).
     */
    boolean trySend(long command);

    /**
     * Deliver the answers that have arrived.
     *
     * @param sink receives the number of each answered command.
     * @return number of messages read (0 when nothing had arrived).
     * @throws IllegalStateException if the other side is gone (e.g. the gateway closed the session).
     */
    int poll(ResponseSink sink);
}
