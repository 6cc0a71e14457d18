package com.perprisk.cli;

import com.perprisk.engine.book.MarginMode;
import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.command.CommandType;
import com.perprisk.engine.instrument.Instrument;
import com.perprisk.journal.JournalIndex;

import java.time.Instant;

import static com.perprisk.engine.fixed.FixedPoint.PRICE_DECIMALS;
import static com.perprisk.engine.fixed.FixedPoint.QUOTE_DECIMALS;
import static com.perprisk.engine.fixed.FixedPoint.RATE_DECIMALS;
import static com.perprisk.engine.fixed.FixedPoint.SIZE_DECIMALS;
import static com.perprisk.engine.fixed.FixedPoint.format;

/** One journal record as a line for people: sequence, index, time, command and its fields in decimal at the engine's scales. */
final class JournalRecordText
{
    private JournalRecordText()
    {
    }

    /**
     * @param index       the record's Chronicle index.
     * @param c           the decoded input.
     * @param instruments symbols of the instruments defined so far.
     * @return e.g. {@code seq=12 index=0x4f2a0000000c 2026-11-23T08:00:00Z corr=7 FILL account=1 BTC-PERP size=0.5 price=42000 fee=2.1}
     */
    static String of(final long index, final CommandEvent c, final InstrumentRegistry instruments)
    {
        final StringBuilder b = new StringBuilder(160);
        b.append("seq=").append(c.sequence()).append(" index=").append(JournalIndex.format(index)).append(' ')
            .append(Instant.ofEpochSecond(0, c.timestamp())).append(" corr=").append(c.correlationId()).append(' ')
            .append(CommandType.name(c.type()));
        switch (c.type())
        {
            case CommandType.DEFINE_INSTRUMENT:
                final Instrument i = (Instrument)c.attachment();
                b.append(" id=").append(c.instrumentId()).append(' ').append(i.symbol()).append(" tiers=").append(i.tierCount())
                    .append(" maxLeverage=").append(i.maxLeverage());
                break;
            case CommandType.DEPOSIT:
            case CommandType.WITHDRAW:
                account(b, c).append(" amount=").append(format(c.amount(), QUOTE_DECIMALS));
                break;
            case CommandType.FILL:
                instrument(account(b, c), c, instruments).append(" size=").append(format(c.size(), SIZE_DECIMALS))
                    .append(" price=").append(format(c.price(), PRICE_DECIMALS))
                    .append(" fee=").append(c.amount() == CommandEvent.FEE_FROM_SCHEDULE ? "schedule" : format(c.amount(), QUOTE_DECIMALS));
                break;
            case CommandType.ADJUST_ISOLATED_MARGIN:
                instrument(account(b, c), c, instruments).append(" amount=").append(format(c.amount(), QUOTE_DECIMALS));
                break;
            case CommandType.SET_LEVERAGE:
                instrument(account(b, c), c, instruments).append(" leverage=").append(c.amount());
                break;
            case CommandType.SET_MARGIN_MODE:
                instrument(account(b, c), c, instruments).append(" mode=").append(c.amount() == MarginMode.ISOLATED ? "ISOLATED" : "CROSS");
                break;
            case CommandType.MARK_PRICE:
                instrument(b, c, instruments).append(" price=").append(format(c.price(), PRICE_DECIMALS))
                    .append(" confidence=").append(format(c.amount(), PRICE_DECIMALS)).append(" publishTime=").append(c.aux());
                break;
            case CommandType.FUNDING_RATE:
                instrument(b, c, instruments).append(c.aux() == CommandEvent.FUNDING_FROM_PREMIUM ? " premium=" : " rate=")
                    .append(format(c.amount(), RATE_DECIMALS));
                break;
            case CommandType.LIQUIDATION_FILL:
                instrument(account(b, c), c, instruments).append(" size=").append(format(c.size(), SIZE_DECIMALS))
                    .append(" price=").append(format(c.price(), PRICE_DECIMALS)).append(" liquidator=").append(c.aux());
                break;
            case CommandType.PRE_TRADE_CHECK:
                instrument(account(b, c), c, instruments).append(" size=").append(format(c.size(), SIZE_DECIMALS))
                    .append(" price=").append(format(c.price(), PRICE_DECIMALS));
                break;
            case CommandType.QUERY_ACCOUNT:
                account(b, c);
                break;
            case CommandType.SET_LIQUIDATOR:
                account(b, c).append(c.amount() == 1 ? " authorise" : " revoke");
                break;
            default:
                break;
        }
        return b.toString();
    }

    private static StringBuilder account(final StringBuilder b, final CommandEvent c)
    {
        return b.append(" account=").append(c.accountId());
    }

    private static StringBuilder instrument(final StringBuilder b, final CommandEvent c, final InstrumentRegistry instruments)
    {
        final Instrument i = instruments.byId(c.instrumentId());
        return b.append(' ').append(i == null ? "instrument#" + c.instrumentId() : i.symbol());
    }
}
