package com.perprisk.benchmarks.footprint;

import com.perprisk.benchmarks.jmh.BlackholeListener;
import com.perprisk.benchmarks.jmh.HolderBooks;
import com.perprisk.engine.LiquidationDetection;
import com.perprisk.engine.RiskEngine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code bin/benchmarks footprint}: bytes per open position of the engine's books, measured with JOL on the books of
 * the mark-tick benchmark (every account with one open position). The position book's per-position arrays are the
 * book state the 64-byte target is about; its key map and holder lists, the liquidation index and the account book
 * are listed beside it so the whole cost is visible.
 */
@Command(name = "footprint", mixinStandardHelpOptions = true,
    description = "Heap bytes per open position of the engine's books (JOL), field by field.")
public final class FootprintReport implements Callable<Integer>
{
    /** Fields of the position book that are per-position records (the rest are indexes over them). */
    static final List<String> POSITION_RECORD_FIELDS = List.of(
        "account", "nextOfAccount", "instrument", "leverage", "state", "mode", "size", "entryPrice", "isolatedMargin",
        "realizedPnl", "fundingIndex", "holderIndex");

    @Option(names = "--positions", paramLabel = "N", defaultValue = "1000000",
        description = "Accounts, each with one open position (default: ${DEFAULT-VALUE}).")
    int positions;

    private final PrintStream out;

    FootprintReport(final PrintStream out)
    {
        this.out = out;
    }

    /** @param args command line */
    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new FootprintReport(System.out)).execute(args));
    }

    @Override
    public Integer call()
    {
        if (positions < 1)
        {
            throw new CommandLine.ParameterException(new CommandLine(this), "--positions must be at least 1, was " + positions);
        }
        final RiskEngine engine = new HolderBooks(positions, 1000, LiquidationDetection.INDEXED, new BlackholeListener(null)).engine();
        final int open = engine.positions().count();
        final BookFootprint positionBook = BookFootprint.of("position book", engine.positions());
        long record = 0;
        for (final BookFootprint.Part part : positionBook.parts())
        {
            record += POSITION_RECORD_FIELDS.contains(part.field()) ? part.bytes() : 0;
        }
        out.printf(Locale.ROOT, "%,d open positions (one per account)%n%n", open);
        out.printf(Locale.ROOT, "position record (book state): %6.1f bytes per open position%n%n", (double)record / open);
        for (final BookFootprint footprint : List.of(
            positionBook,
            BookFootprint.of("liquidation index", engine.liquidationIndex()),
            BookFootprint.of("account book", engine.accounts())))
        {
            print(footprint, open);
        }
        return 0;
    }

    private void print(final BookFootprint footprint, final int open)
    {
        out.printf(Locale.ROOT, "%-28s %8.1f bytes per open position%n", footprint.name(), (double)footprint.total() / open);
        for (final BookFootprint.Part part : footprint.parts())
        {
            out.printf(Locale.ROOT, "  %-26s %8.1f%s%n", part.field(), (double)part.bytes() / open,
                POSITION_RECORD_FIELDS.contains(part.field()) && "position book".equals(footprint.name()) ? "  (record)" : "");
        }
        out.println();
    }
}
