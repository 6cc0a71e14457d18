package com.perprisk.journal;

import com.perprisk.engine.EngineConfig;
import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.event.CommandResult;
import com.perprisk.engine.event.RiskEventListener;
import com.perprisk.engine.instrument.Instrument;
import com.perprisk.engine.pipeline.WaitStrategyKind;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The engine process of {@link CrashRecoveryTest}: recovers from a journal folder, prints {@code R <last sequence>
 * <checksum> <snapshot sequence or -1>}, then applies commands read from stdin and acknowledges each one on stdout ({@code A <correlation>
 * <sequence> <reason>}) from the business-logic thread, i.e. only after the input is journaled and applied.
 * <pre>
 * I                          define BTC-PERP (id 1)
 * D corr account amount      deposit
 * F corr account size price  fill (fee from the schedule)
 * M corr price               mark price
 * </pre>
 */
public final class CrashTestNode
{
    private CrashTestNode()
    {
    }

    static Instrument btc()
    {
        return Instrument.builder(1, "BTC-PERP").priceDecimals(1).sizeDecimals(3)
            .tier(0, 50, Instrument.DERIVED, Instrument.DERIVED)
            .tier(1_000_000_000_000L, 20, Instrument.DERIVED, Instrument.DERIVED)
            .takerFeeRate(50_000).build();
    }

    /** @param args journal folder, snapshot interval in records */
    public static void main(final String[] args) throws Exception
    {
        final PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.US_ASCII);
        final RiskEventListener acks = new RiskEventListener()
        {
            @Override
            public void onCommandResult(final CommandResult result)
            {
                out.println("A " + result.correlationId() + " " + result.sequence() + " " + result.rejectReason());
                out.flush();
            }
        };
        final JournalSettings settings = new JournalSettings(Path.of(args[0])).minFreeBytes(0).snapshotEveryRecords(Long.parseLong(args[1]));
        try (DurableEngine engine = DurableEngine.start(settings, new EngineConfig(), e -> acks, 1024, WaitStrategyKind.BLOCKING,
            ReplayProgress.SILENT))
        {
            final SnapshotStore.Info snapshot = engine.recovery().snapshot();
            out.println("R " + engine.recovery().engine().lastSequence() + " " + Long.toHexString(engine.recovery().engine().checksum())
                + " " + (snapshot == null ? -1 : snapshot.sequence()));
            out.flush();
            final BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
            final CommandEvent c = new CommandEvent();
            for (String line = in.readLine(); line != null; line = in.readLine())
            {
                final String[] f = line.split(" ");
                switch (f[0])
                {
                    case "I": c.defineInstrument(0, -1, 1, btc()); break;
                    case "D": c.deposit(0, Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])); break;
                    case "F": c.fill(0, Long.parseLong(f[1]), Long.parseLong(f[2]), 1, Long.parseLong(f[3]), Long.parseLong(f[4]),
                        CommandEvent.FEE_FROM_SCHEDULE); break;
                    case "M": c.markPrice(0, Long.parseLong(f[1]), 1, Long.parseLong(f[2]), 0, 0); break;
                    default: throw new IllegalArgumentException("bad line: " + line);
                }
                engine.pipeline().publish(c);
            }
        }
    }
}
