package com.perprisk.benchmarks.latency;

import com.perprisk.protocol.sbe.FillEncoder;
import com.perprisk.protocol.sbe.MessageHeaderEncoder;
import com.perprisk.protocol.sbe.PreTradeCheckEncoder;

/**
 * Which command the load generator sends as command {@code k}, with the same size of order every time: a pre-trade
 * check (the fastest path: a check that changes nothing), a fill (a trade and its risk events), or a mix. Fills
 * alternate buy and sell so the position stays at 0 or one lot and every command is accepted. The bare Aeron echo sends
 * messages of the same length as the engine command it stands for.
 *
 * <p>Immutable; any thread.
 */
public enum CommandMix
{
    /** Every command a pre-trade check. */
    PRETRADE,
    /** Every command a fill. */
    FILL,
    /** Three pre-trade checks, then a fill (market makers check more often than they trade). */
    MIXED;

    private static final int PRETRADE_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + PreTradeCheckEncoder.BLOCK_LENGTH;
    private static final int FILL_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + FillEncoder.BLOCK_LENGTH;

    /** @param command command number @return true if it is a fill */
    public boolean isFill(final long command)
    {
        switch (this)
        {
            case FILL: return true;
            case MIXED: return (command & 3) == 3;
            default: return false;
        }
    }

    /** @param command command number @return +1 (buy) or -1 (sell): fills alternate, checks ask for a buy and a sell in turn */
    public long side(final long command)
    {
        final long n = this == MIXED && isFill(command) ? command >> 2 : command;
        return (n & 1) == 0 ? 1 : -1;
    }

    /** @param command command number @return encoded length of the engine command (SBE header and block) */
    public int messageLength(final long command)
    {
        return isFill(command) ? FILL_LENGTH : PRETRADE_LENGTH;
    }

    /** @param text pretrade, fill or mixed (any case) @return the mix @throws IllegalArgumentException otherwise */
    public static CommandMix parse(final String text)
    {
        for (final CommandMix mix : values())
        {
            if (mix.name().equalsIgnoreCase(text.trim()))
            {
                return mix;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not one of pretrade, fill, mixed");
    }
}
