package com.perprisk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.perprisk.engine.book.MarginMode;
import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.command.CommandType;
import com.perprisk.engine.command.RejectReason;
import com.perprisk.engine.instrument.Instrument;
import picocli.CommandLine.Help.Ansi;

import java.util.ArrayList;
import java.util.List;

import static com.perprisk.cli.Display.text;

/**
 * Tells what happened on each scenario line in plain words: one line per command with its result, then its key
 * events indented, liquidation candidates and margin alerts highlighted.
 */
final class DemoNarrator
{
    private static final String INDENT = "      ";

    private final InstrumentRegistry instruments;
    private final Ansi ansi;

    /**
     * @param instruments for symbols and display decimals.
     * @param ansi        colours on or off.
     */
    DemoNarrator(final InstrumentRegistry instruments, final Ansi ansi)
    {
        this.instruments = instruments;
        this.ansi = ansi;
    }

    /** @param outcome a line's outcome @return the narrative lines for it. */
    List<String> narrate(final LineOutcome outcome)
    {
        final List<String> lines = new ArrayList<>();
        if (outcome.error() != null)
        {
            lines.add(style("yellow", "#" + outcome.line() + " INVALID " + outcome.error().text()));
            return lines;
        }
        for (int i = 0; i < outcome.frames().size(); i++)
        {
            final CommandEvent command = outcome.commands().get(i);
            final ResultFrame frame = outcome.frames().get(i);
            final String verdict = frame.accepted() ? style("green", "ACCEPTED") :
                style("bold,red", "REJECTED (" + RejectReason.name(frame.reason()) + ")");
            lines.add("#" + outcome.line() + " " + CommandType.name(command.type()) + " " + describe(command) + " -> " + verdict);
            for (final ObjectNode event : frame.events())
            {
                lines.add(INDENT + event(event));
            }
        }
        return lines;
    }

    private String describe(final CommandEvent c)
    {
        final Instrument instrument = instruments.byId(c.instrumentId());
        final String symbol = instrument == null ? "instrument " + c.instrumentId() : instrument.symbol();
        switch (c.type())
        {
            case CommandType.DEFINE_INSTRUMENT:
                final Instrument defined = (Instrument)c.attachment();
                return defined.symbol() + " (id " + defined.id() + ", " + defined.tierCount() + " margin tiers, max leverage " + defined.maxLeverage() + "x)";
            case CommandType.DEPOSIT:
            case CommandType.WITHDRAW:
                return "acct " + c.accountId() + " " + Display.quote(c.amount()) + " USDC";
            case CommandType.FILL:
                return "acct " + c.accountId() + " " + symbol + " " + Display.size(c.size(), instrument) + " @ " + Display.price(c.price(), instrument) +
                    (c.amount() == CommandEvent.FEE_FROM_SCHEDULE ? " (taker fee)" : " fee " + Display.quote(c.amount()));
            case CommandType.ADJUST_ISOLATED_MARGIN:
                return "acct " + c.accountId() + " " + symbol + " " + Display.signedQuote(c.amount()) + " USDC";
            case CommandType.SET_LEVERAGE:
                return "acct " + c.accountId() + " " + symbol + " " + c.amount() + "x";
            case CommandType.SET_MARGIN_MODE:
                return "acct " + c.accountId() + " " + symbol + " " + MarginMode.name((byte)c.amount());
            case CommandType.MARK_PRICE:
                return symbol + " " + Display.price(c.price(), instrument) + (c.amount() == 0 ? "" : " +/- " + Display.price(c.amount(), instrument));
            case CommandType.FUNDING_RATE:
                return symbol + " rate " + Display.percent(c.amount(), 4);
            case CommandType.LIQUIDATION_FILL:
                return "acct " + c.accountId() + " " + symbol + " " + Display.size(c.size(), instrument) + " @ " + Display.price(c.price(), instrument) +
                    " by liquidator " + c.aux();
            case CommandType.PRE_TRADE_CHECK:
                return "acct " + c.accountId() + " " + symbol + " " + Display.size(c.size(), instrument) + " @ " + Display.price(c.price(), instrument);
            case CommandType.QUERY_ACCOUNT:
                return "acct " + c.accountId();
            case CommandType.SET_LIQUIDATOR:
                return "acct " + c.accountId() + (c.amount() == 1 ? " authorised" : " revoked");
            default:
                return c.toString();
        }
    }

    private String event(final ObjectNode e)
    {
        final String type = text(e, "type");
        final Instrument instrument = text(e, "instrument") == null ? null : instruments.bySymbol(text(e, "instrument"));
        switch (type == null ? "" : type)
        {
            case "position":
                return position(e, instrument);
            case "account":
                return "account " + text(e, "account") + ": equity " + Display.quote(text(e, "equity")) +
                    ", collateral " + Display.quote(text(e, "collateral")) +
                    ", margin ratio " + Display.percent(text(e, "marginRatio"), 2) +
                    ", free " + Display.quote(text(e, "freeCollateral")) +
                    (e.path("liquidatable").asBoolean() ? style("bold,red", " LIQUIDATABLE") : "");
            case "alert":
                return e.path("raised").asBoolean() ?
                    style("bold,yellow", "!! MARGIN ALERT acct " + text(e, "account") + ": margin ratio " +
                        Display.percent(text(e, "marginRatio"), 2) + " >= " + Display.percent(text(e, "threshold"), 2)) :
                    "margin alert cleared acct " + text(e, "account") + ": margin ratio " + Display.percent(text(e, "marginRatio"), 2);
            case "liquidationCandidate":
                return style("bold,red", ">>> LIQUIDATION CANDIDATE acct " + text(e, "account") + " " + text(e, "instrument") + " " +
                    text(e, "mode") + ": size " + Display.size(text(e, "positionSize"), instrument) +
                    ", close " + Display.size(text(e, "sizeToClose"), instrument) +
                    ", mark " + Display.price(text(e, "markPrice"), instrument) +
                    ", bankruptcy " + Display.price(text(e, "bankruptcyPrice"), instrument) +
                    ", equity " + Display.quote(text(e, "equity")) + " < maintenance " + Display.quote(text(e, "maintenanceMargin")));
            case "funding":
                return "funding " + text(e, "instrument") + ": applied " + Display.percent(text(e, "appliedRate"), 4) +
                    " (requested " + Display.percent(text(e, "requestedRate"), 4) + ") at mark " +
                    Display.price(text(e, "markPrice"), instrument) + ", cumulative index " + text(e, "fundingIndex");
            case "insuranceFund":
                return style("cyan", "insurance fund " + Display.signedQuote(text(e, "delta")) + " from acct " + text(e, "account") +
                    " (" + text(e, "instrument") + "), balance " + Display.quote(text(e, "balance")));
            default:
                return e.toString();
        }
    }

    private String position(final ObjectNode e, final Instrument instrument)
    {
        final StringBuilder s = new StringBuilder()
            .append("position acct ").append(text(e, "account")).append(' ').append(text(e, "instrument"))
            .append(' ').append(text(e, "change")).append(" (").append(text(e, "mode")).append(' ').append(text(e, "leverage")).append("x)");
        if ("0".equals(text(e, "size")) && "0".equals(text(e, "realizedPnlDelta")) && "0".equals(text(e, "fee")))
        {
            return s.append(": flat").toString();
        }
        s.append(": size ").append(Display.size(text(e, "size"), instrument))
            .append(", entry ").append(Display.price(text(e, "entryPrice"), instrument))
            .append(", mark ").append(Display.price(text(e, "markPrice"), instrument))
            .append(", upnl ").append(Display.quote(text(e, "unrealizedPnl")))
            .append(", liq ").append(Display.price(text(e, "liquidationPrice"), instrument));
        if ("ISOLATED".equals(text(e, "mode")))
        {
            s.append(", isolated margin ").append(Display.quote(text(e, "isolatedMargin")));
        }
        appendIfNonZero(s, "realized", text(e, "realizedPnlDelta"), true);
        appendIfNonZero(s, "fee", text(e, "fee"), false);
        appendIfNonZero(s, "funding settled", text(e, "fundingSettled"), true);
        return s.toString();
    }

    private static void appendIfNonZero(final StringBuilder s, final String label, final String exact, final boolean signed)
    {
        if (exact != null && !"0".equals(exact))
        {
            s.append(", ").append(label).append(' ').append(signed ? Display.signedQuote(exact) : Display.quote(exact));
        }
    }

    private String style(final String styles, final String text)
    {
        return ansi.string("@|" + styles + " " + text + "|@");
    }
}
