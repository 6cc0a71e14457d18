package com.perprisk.cli;

import com.perprisk.engine.RiskEngine;
import com.perprisk.journal.InstrumentAttachmentCodec;
import com.perprisk.journal.Journal;
import com.perprisk.journal.JournalReader;
import com.perprisk.journal.ReplayOutcome;
import com.perprisk.journal.Replayer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code perp-risk journal replay-rate}: replay a whole journal several times in one JVM and print each round's rate. */
@Command(
    name = "replay-rate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Measure the replay rate: replay the whole journal into a fresh engine several times, print each round's rate.",
    sortOptions = false,
    description = {"Every round reads, checks and applies every record exactly as recovery does (outputs go nowhere). The first "
        + "round includes JIT warm-up and reading the files into the page cache; later rounds show the steady rate. Rates are given "
        + "by wall-clock time and by the replaying thread's CPU time (a 2-core VM stalls on its own). Every round must end with the "
        + "same state checksum.",
        "Exit code 0 when all rounds agree, 1 when the journal cannot be replayed or rounds disagree."},
    footer = {"", "Example:", "  perp-risk journal generate /tmp/bench-journal --events 5000000 && perp-risk journal replay-rate /tmp/bench-journal"})
public final class JournalReplayRateCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Journal folder (replayed from its first record; it must start at sequence 0).")
    Path folder;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "5", description = "Number of replays. Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call()
    {
        if (rounds < 1)
        {
            throw new CliException(CliException.USAGE_OR_INPUT, "--rounds must be at least 1");
        }
        final PrintWriter out = spec.commandLine().getOut();
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long checksum = 0;
        try (Journal journal = JournalFolder.open(folder))
        {
            for (int round = 1; round <= rounds; round++)
            {
                try (JournalReader reader = journal.reader(InstrumentAttachmentCodec.INSTANCE))
                {
                    final RiskEngine engine = new RiskEngine(engineOptions.config());
                    final long cpuStart = threads.getCurrentThreadCpuTime();
                    final ReplayOutcome outcome = new Replayer().replay(reader, engine, -1);
                    final long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
                    if (!outcome.clean())
                    {
                        throw new CliException(CliException.FAILED, outcome.describe());
                    }
                    if (round > 1 && engine.checksum() != checksum)
                    {
                        throw new CliException(CliException.FAILED, "round " + round + " ended with another checksum: replay is not deterministic");
                    }
                    checksum = engine.checksum();
                    out.printf("round %d: %,d records in %.3f s: %s records/s (wall), %s records/s (thread CPU); checksum %s%n", round,
                        outcome.applied(), outcome.elapsedNanos() / 1e9, millions(outcome.applied(), outcome.elapsedNanos()),
                        millions(outcome.applied(), cpu), JournalVerifyCommand.hex(checksum));
                    out.flush();
                }
            }
        }
        return 0;
    }

    private static String millions(final long records, final long nanos)
    {
        return nanos <= 0 ? "-" : String.format("%.2f M", records * 1e3 / nanos);
    }
}
