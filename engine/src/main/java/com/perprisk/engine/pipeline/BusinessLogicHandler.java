package com.perprisk.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import com.perprisk.engine.RiskEngine;
import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.event.RiskEventListener;

/**
 * The one consumer of the ring: hands each event, in sequence order, to the {@link RiskEngine}.
 * Runs on the single business-logic thread; later stages (the journal) fuse in front of it.
 */
final class BusinessLogicHandler implements EventHandler<CommandEvent>
{
    private final RiskEngine engine;
    private final RiskEventListener listener;

    BusinessLogicHandler(final RiskEngine engine, final RiskEventListener listener)
    {
        this.engine = engine;
        this.listener = listener;
    }

    @Override
    public void onEvent(final CommandEvent event, final long sequence, final boolean endOfBatch)
    {
        engine.apply(event, listener);
    }
}
