package com.perprisk.cli;

import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.command.CommandType;
import com.perprisk.engine.instrument.Instrument;
import com.perprisk.journal.InstrumentAttachmentCodec;
import com.perprisk.journal.Journal;
import com.perprisk.journal.JournalIndex;
import com.perprisk.journal.JournalReader;
import com.perprisk.journal.JournalRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code perp-risk journal dump}: print journal records as text, filtered. */
@Command(
    name = "dump",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Print journal records as text: sequence, index, time, command and fields in decimal.",
    sortOptions = false,
    description = {"Filters combine (all must match). A damaged record is reported and ends the dump (exit code 1)."},
    footer = {"", "Examples:", "  perp-risk journal dump journal-data --account 7",
        "  perp-risk journal dump journal-data --instrument BTC-PERP --from 1000 --to 2000"})
public final class JournalDumpCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Journal folder.")
    Path folder;

    @Option(names = {"-a", "--account"}, paramLabel = "ID", description = "Only records of this account (as owner or as liquidator).")
    Long account;

    @Option(names = {"-i", "--instrument"}, paramLabel = "SYMBOL|ID", description = "Only records of this instrument.")
    String instrument;

    @Option(names = "--from", paramLabel = "SEQ", description = "First sequence to print (inclusive).")
    long from = Long.MIN_VALUE;

    @Option(names = "--to", paramLabel = "SEQ", description = "Last sequence to print (inclusive).")
    long to = Long.MAX_VALUE;

    @Option(names = "--from-index", paramLabel = "INDEX", description = "Start reading at this Chronicle index (0x... or decimal).")
    String fromIndex;

    @Option(names = "--limit", paramLabel = "N", description = "Print at most N records.")
    long limit = Long.MAX_VALUE;

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final InstrumentRegistry instruments = new InstrumentRegistry();
        int exit = 0;
        try (Journal journal = JournalFolder.open(folder); JournalReader reader = journal.reader(InstrumentAttachmentCodec.INSTANCE))
        {
            if (fromIndex != null && !reader.moveTo(parseIndex(fromIndex)))
            {
                throw new CliException(CliException.USAGE_OR_INPUT, "the journal holds no record at index " + fromIndex);
            }
            final CommandEvent c = new CommandEvent();
            long printed = 0;
            for (int status = reader.next(c); status != JournalReader.END && printed < limit; status = reader.next(c))
            {
                if (status != JournalRecord.OK)
                {
                    spec.commandLine().getErr().println("perp-risk journal dump: record at index " + JournalIndex.format(reader.index())
                        + ": " + JournalRecord.describe(status) + "; stopping");
                    exit = 1;
                    break;
                }
                if (c.type() == CommandType.DEFINE_INSTRUMENT)
                {
                    instruments.register((Instrument)c.attachment());
                }
                if (c.sequence() > to)
                {
                    break;
                }
                if (c.sequence() >= from && matches(c, instruments))
                {
                    out.println(JournalRecordText.of(reader.index(), c, instruments));
                    printed++;
                }
            }
        }
        out.flush();
        return exit;
    }

    private boolean matches(final CommandEvent c, final InstrumentRegistry instruments)
    {
        if (account != null && c.accountId() != account && !(c.type() == CommandType.LIQUIDATION_FILL && c.aux() == account))
        {
            return false;
        }
        if (instrument != null)
        {
            final Instrument named = instruments.bySymbol(instrument);
            final int id = named != null ? named.id() : parseId(instrument);
            return c.instrumentId() == id && c.type() != CommandType.DEPOSIT && c.type() != CommandType.WITHDRAW
                && c.type() != CommandType.QUERY_ACCOUNT && c.type() != CommandType.SET_LIQUIDATOR;
        }
        return true;
    }

    private static int parseId(final String text)
    {
        try
        {
            return Integer.parseInt(text.trim());
        }
        catch (final NumberFormatException e)
        {
            return -1; // a symbol not defined (yet): matches nothing
        }
    }

    private static long parseIndex(final String text)
    {
        try
        {
            return JournalIndex.parse(text);
        }
        catch (final NumberFormatException e)
        {
            throw new CliException(CliException.USAGE_OR_INPUT, "--from-index: '" + text + "' is not an index (0x... or decimal)");
        }
    }
}
