package com.perprisk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.perprisk.engine.command.RejectReason;
import com.perprisk.engine.instrument.Instrument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.perprisk.cli.Display.text;

/**
 * An account's positions and totals as the engine reported them to a QUERY_ACCOUNT command, as a human-readable
 * table or as one JSON object.
 */
public final class AccountReport
{
    private static final String[] HEADERS = {
        "Instrument", "State", "Mode", "Lev", "Size", "Entry", "Mark", "Unrealized PnL", "PnL %", "Initial", "Maint.", "Liq. price", "Liq. dist.", "Isolated"};

    private final long account;
    private final ObjectNode totals;
    private final List<ObjectNode> positions;

    /**
     * @param account   account id.
     * @param totals    the account's {@code account} event, or null if the engine sent none.
     * @param positions its {@code position} events, one per instrument.
     */
    public AccountReport(final long account, final ObjectNode totals, final List<ObjectNode> positions)
    {
        this.account = account;
        this.totals = totals;
        this.positions = List.copyOf(positions);
    }

    /**
     * @param account the queried account.
     * @param outcome the outcome of its QUERY_ACCOUNT command.
     * @return the report.
     * @throws CliException (exit code 1) if the engine rejected the query, e.g. an unknown account.
     */
    public static AccountReport from(final long account, final LineOutcome outcome)
    {
        if (!LineOutcome.ACCEPTED.equals(outcome.status()))
        {
            throw new CliException(CliException.FAILED, "query of account " + account + " was rejected: " + RejectReason.name(outcome.reason()));
        }
        ObjectNode totals = null;
        final Map<String, ObjectNode> byInstrument = new LinkedHashMap<>();
        for (final ObjectNode event : outcome.events())
        {
            if (event.path("account").asLong(Long.MIN_VALUE) != account)
            {
                continue;
            }
            switch (event.path("type").asText())
            {
                case "account" -> totals = event;
                case "position" -> byInstrument.put(event.path("instrument").asText(), event);
                default ->
                {
                }
            }
        }
        return new AccountReport(account, totals, new ArrayList<>(byInstrument.values()));
    }

    /** @return the account's positions, as the engine reported them. */
    public List<ObjectNode> positions()
    {
        return positions;
    }

    /** @return the account's totals, or null if the engine reported none. */
    public ObjectNode totals()
    {
        return totals;
    }

    /** @return {@code {"account":N, "positions":[...], "totals":{...}}} with the engine's exact numbers. */
    public ObjectNode toJson()
    {
        final ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("account", account);
        final ArrayNode array = n.putArray("positions");
        for (final ObjectNode position : positions)
        {
            array.add(withoutType(position));
        }
        if (totals == null)
        {
            n.putNull("totals");
        }
        else
        {
            n.set("totals", withoutType(totals));
        }
        return n;
    }

    /**
     * @param instruments for symbols' display decimals.
     * @return the positions table and the totals, rounded for reading.
     */
    public String toTable(final InstrumentRegistry instruments)
    {
        final StringBuilder out = new StringBuilder();
        out.append("Account ").append(account).append('\n');
        if (positions.isEmpty())
        {
            out.append("  no positions\n");
        }
        else
        {
            final List<String[]> rows = new ArrayList<>();
            rows.add(HEADERS);
            for (final ObjectNode p : positions)
            {
                final Instrument instrument = instruments.bySymbol(text(p, "instrument"));
                final boolean isolated = "ISOLATED".equals(text(p, "mode"));
                rows.add(new String[] {
                    text(p, "instrument"),
                    text(p, "state"),
                    text(p, "mode"),
                    text(p, "leverage") + "x",
                    Display.size(text(p, "size"), instrument),
                    Display.price(text(p, "entryPrice"), instrument),
                    Display.price(text(p, "markPrice"), instrument),
                    Display.quote(text(p, "unrealizedPnl")),
                    Display.percent(text(p, "returnOnEntry"), 2),
                    Display.quote(text(p, "initialMargin")),
                    Display.quote(text(p, "maintenanceMargin")),
                    Display.price(text(p, "liquidationPrice"), instrument),
                    Display.liquidationDistance(text(p, "liquidationPrice"), text(p, "markPrice")),
                    isolated ? Display.quote(text(p, "isolatedMargin")) : Display.NONE});
            }
            appendTable(out, rows);
        }
        out.append("Totals\n");
        if (totals == null)
        {
            out.append("  the engine reported no account risk\n");
            return out.toString();
        }
        final String[][] lines = {
            {"Collateral", Display.quote(text(totals, "collateral"))},
            {"Isolated margin", Display.quote(text(totals, "isolatedMargin"))},
            {"Notional (gross)", Display.quote(text(totals, "notional"))},
            {"Unrealized PnL (cross)", Display.quote(text(totals, "unrealizedPnl"))},
            {"Unsettled funding", Display.quote(text(totals, "unsettledFunding"))},
            {"Equity (cross)", Display.quote(text(totals, "equity"))},
            {"Initial margin", Display.quote(text(totals, "initialMargin"))},
            {"Maintenance margin", Display.quote(text(totals, "maintenanceMargin"))},
            {"Margin ratio", Display.percent(text(totals, "marginRatio"), 2)},
            {"Free collateral", Display.quote(text(totals, "freeCollateral"))},
            {"Realized PnL", Display.quote(text(totals, "realizedPnl"))},
            {"Fees paid", Display.quote(text(totals, "feesPaid"))},
            {"Funding paid", Display.quote(text(totals, "fundingPaid"))},
            {"Open positions", text(totals, "openPositions")},
            {"Liquidatable", totals.path("liquidatable").asBoolean() ? "YES" : "no"},
        };
        int labelWidth = 0;
        int valueWidth = 0;
        for (final String[] line : lines)
        {
            labelWidth = Math.max(labelWidth, line[0].length());
            valueWidth = Math.max(valueWidth, line[1].length());
        }
        for (final String[] line : lines)
        {
            out.append("  ").append(pad(line[0], labelWidth, false)).append("  ").append(pad(line[1], valueWidth, true)).append('\n');
        }
        return out.toString();
    }

    private static void appendTable(final StringBuilder out, final List<String[]> rows)
    {
        final int[] widths = new int[HEADERS.length];
        for (final String[] row : rows)
        {
            for (int c = 0; c < row.length; c++)
            {
                widths[c] = Math.max(widths[c], row[c] == null ? 1 : row[c].length());
            }
        }
        for (final String[] row : rows)
        {
            out.append(' ');
            for (int c = 0; c < row.length; c++)
            {
                // text columns (instrument, state, mode) left-aligned, numbers right-aligned
                out.append(' ').append(pad(row[c] == null ? Display.NONE : row[c], widths[c], c >= 3));
            }
            out.append('\n');
        }
    }

    private static String pad(final String s, final int width, final boolean right)
    {
        final String padding = " ".repeat(Math.max(0, width - s.length()));
        return right ? padding + s : s + padding;
    }

    private static ObjectNode withoutType(final ObjectNode event)
    {
        final ObjectNode copy = event.deepCopy();
        copy.remove("type");
        return copy;
    }
}
