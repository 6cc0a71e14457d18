package com.perprisk.cli;

import com.perprisk.engine.EngineConfig;
import com.perprisk.engine.LiquidationDetection;
import com.perprisk.engine.fixed.FixedPoint;
import com.perprisk.engine.pipeline.WaitStrategyKind;
import com.perprisk.journal.JournalSettings;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** Engine and pipeline options shared by the subcommands (a picocli mixin). */
public final class EngineOptions
{
    @Option(names = "--detection", paramLabel = "MODE", defaultValue = "indexed",
        converter = DetectionConverter.class, completionCandidates = DetectionCandidates.class,
        description = "How the engine finds liquidation candidates after a mark tick: ${COMPLETION-CANDIDATES} " +
            "(default: ${DEFAULT-VALUE}). Both give the same results; full-scan re-evaluates every account.")
    LiquidationDetection detection;

    @Option(names = "--wait-strategy", paramLabel = "KIND", defaultValue = "blocking",
        converter = WaitConverter.class, completionCandidates = WaitCandidates.class,
        description = "How the business-logic thread waits for input: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). " +
            "busy-spin and yielding burn a core and only pay off on a dedicated machine; caller-runs has no business-logic " +
            "thread: the producer (the gateway thread of a node) applies each input itself.")
    WaitStrategyKind waitStrategy;

    @Option(names = "--ring-size", paramLabel = "SLOTS", defaultValue = "1024",
        description = "Slots of the input ring buffer, a power of two (default: ${DEFAULT-VALUE}).")
    int ringSize;

    @Option(names = "--margin-alert-ratio", paramLabel = "RATIO", defaultValue = "0.8",
        description = "Margin ratio (maintenance margin / equity) at which a margin alert is raised, as a decimal in [0.5, 1] " +
            "(default: ${DEFAULT-VALUE}, i.e. 80%%).")
    String marginAlertRatio;

    /**
     * @return a runner with a fresh engine built from these options, its pipeline started.
     * @throws CliException (exit code 2) for an invalid option value.
     */
    public ScenarioRunner startRunner()
    {
        return ScenarioRunner.start(config(), waitStrategy, ringSize());
    }

    /**
     * @param journal the journal folder to recover from and append to, or null for none.
     * @return a runner with an engine built from these options (recovered from the journal if given), its pipeline started.
     * @throws CliException (exit code 2) for an invalid option value or an unusable journal.
     */
    public ScenarioRunner startRunner(final JournalSettings journal)
    {
        return journal == null ? startRunner() : ScenarioRunner.journaled(journal, config(), waitStrategy, ringSize());
    }

    /** @return the wait strategy of the business-logic thread */
    public WaitStrategyKind waitStrategy()
    {
        return waitStrategy;
    }

    /**
     * @return the ring size, checked.
     * @throws CliException (exit code 2) if it is not a power of two.
     */
    public int ringSize()
    {
        if (ringSize < 1 || Integer.bitCount(ringSize) != 1)
        {
            throw new CliException(CliException.USAGE_OR_INPUT, "--ring-size must be a power of two, was " + ringSize);
        }
        return ringSize;
    }

    /**
     * @return the engine settings these options give.
     * @throws CliException (exit code 2) for an invalid option value.
     */
    public EngineConfig config()
    {
        final long ratio;
        try
        {
            ratio = FixedPoint.parse(marginAlertRatio.trim(), FixedPoint.RATE_DECIMALS);
        }
        catch (final IllegalArgumentException e)
        {
            throw new CliException(CliException.USAGE_OR_INPUT, "--margin-alert-ratio: " + e.getMessage());
        }
        try
        {
            return new EngineConfig().detection(detection).marginAlertRatio(ratio);
        }
        catch (final IllegalArgumentException e)
        {
            throw new CliException(CliException.USAGE_OR_INPUT, "--" + e.getMessage().replace("marginAlertRatio", "margin-alert-ratio"));
        }
    }

    /** @param constant an enum constant @return its command-line spelling, e.g. {@code full-scan}. */
    static String spelling(final Enum<?> constant)
    {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static <E extends Enum<E>> E parseEnum(final Class<E> type, final String value)
    {
        for (final E constant : type.getEnumConstants())
        {
            if (spelling(constant).equalsIgnoreCase(value.trim()) || constant.name().equalsIgnoreCase(value.trim()))
            {
                return constant;
            }
        }
        throw new TypeConversionException("'" + value + "' is not one of " + spellings(type));
    }

    private static <E extends Enum<E>> List<String> spellings(final Class<E> type)
    {
        final List<String> names = new ArrayList<>();
        for (final E constant : type.getEnumConstants())
        {
            names.add(spelling(constant));
        }
        return names;
    }

    /** Accepts {@code indexed} and {@code full-scan}. */
    static final class DetectionConverter implements ITypeConverter<LiquidationDetection>
    {
        @Override
        public LiquidationDetection convert(final String value)
        {
            return parseEnum(LiquidationDetection.class, value);
        }
    }

    /** Accepts {@code blocking}, {@code sleeping}, {@code yielding} and {@code busy-spin}. */
    static final class WaitConverter implements ITypeConverter<WaitStrategyKind>
    {
        @Override
        public WaitStrategyKind convert(final String value)
        {
            return parseEnum(WaitStrategyKind.class, value);
        }
    }

    /** Lists the detection spellings for help. */
    static final class DetectionCandidates implements Iterable<String>
    {
        @Override
        public Iterator<String> iterator()
        {
            return spellings(LiquidationDetection.class).iterator();
        }
    }

    /** Lists the wait strategy spellings for help. */
    static final class WaitCandidates implements Iterable<String>
    {
        @Override
        public Iterator<String> iterator()
        {
            return spellings(WaitStrategyKind.class).iterator();
        }
    }
}
