package com.perprisk.engine.vectors;

import com.perprisk.engine.fixed.FixedPoint;
import com.perprisk.engine.fixed.Rounding;
import com.perprisk.engine.instrument.Instrument;
import com.perprisk.engine.risk.PositionMath;
import com.perprisk.engine.risk.TradeOutcome;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The math vectors shared with the Rust on-chain program ({@code onchain-program/vectors/math-vectors.txt}):
 * how a row is evaluated by the engine, and the file's format.
 *
 * <p>Format: UTF-8 text, one case per line, fields separated by single spaces; {@code #} starts a comment line.
 * A row is {@code kind input... => output...}. {@code X} as an output is the engine's {@link FixedPoint#OVERFLOW}
 * (the Rust side's {@code None}). Rounding inputs are {@code F} (FLOOR) and {@code C} (CEILING). An
 * {@code instrument NAME tier...} line declares a tier table ({@code floor:maxLeverage:mmr:amount}, {@code D} for a
 * derived field) that later rows name; its {@code tiers NAME => mmr:amount...} row holds the derived values.
 * The kinds and their engine methods are listed in {@link #evaluate}.
 */
public final class SharedVectors
{
    /** Path of the vector file relative to the engine module directory. */
    public static final Path FILE = Path.of("..", "onchain-program", "vectors", "math-vectors.txt");

    private final Map<String, Instrument> instruments = new LinkedHashMap<>();

    /**
     * Declare an instrument from its {@code instrument} line fields (name, then tiers).
     *
     * @param fields the line split on spaces, starting with {@code "instrument"}
     * @return the instrument built by the engine's builder
     */
    public Instrument declare(final String[] fields)
    {
        final Instrument.Builder b = Instrument.builder(instruments.size() + 1, fields[1]);
        for (int i = 2; i < fields.length; i++)
        {
            final String[] t = fields[i].split(":");
            b.tier(Long.parseLong(t[0]), Integer.parseInt(t[1]), derivedOr(t[2]), derivedOr(t[3]));
        }
        final Instrument instrument = b.build();
        instruments.put(fields[1], instrument);
        return instrument;
    }

    private static long derivedOr(final String field)
    {
        return field.equals("D") ? Instrument.DERIVED : Long.parseLong(field);
    }

    /**
     * Compute the outputs of a row with the engine.
     *
     * @param kind   the row's kind
     * @param in     its inputs (strings as in the file)
     * @return the outputs, as they are written in the file
     */
    public List<String> evaluate(final String kind, final String[] in)
    {
        switch (kind)
        {
            case "tiers":
            {
                final Instrument inst = instrument(in[0]);
                final List<String> out = new ArrayList<>();
                for (int t = 0; t < inst.tierCount(); t++)
                {
                    out.add(inst.tierMaintenanceRate(t) + ":" + inst.tierMaintenanceAmount(t));
                }
                return out;
            }
            case "mul_div":
                return one(FixedPoint.mulDiv(l(in[0]), l(in[1]), l(in[2]), rounding(in[3])));
            case "div":
                return one(FixedPoint.div(l(in[0]), l(in[1]), rounding(in[2])));
            case "add":
                return one(FixedPoint.add(l(in[0]), l(in[1])));
            case "notional":
                return one(FixedPoint.notional(l(in[0]), l(in[1]), rounding(in[2])));
            case "apply_rate":
                return one(FixedPoint.applyRate(l(in[0]), l(in[1]), rounding(in[2])));
            case "position_notional":
                return one(PositionMath.notional(l(in[0]), l(in[1])));
            case "unrealized_pnl":
                return one(PositionMath.unrealizedPnl(l(in[0]), l(in[1]), l(in[2])));
            case "funding_effect":
                return one(PositionMath.fundingEffect(l(in[0]), l(in[1]), l(in[2])));
            case "funding_delta":
            {
                // RiskEngine.onFundingRate: the requested rate clamped to the instrument's cap, times the mark.
                final long clamp = l(in[2]);
                final long applied = Math.max(-clamp, Math.min(clamp, l(in[1])));
                return one(FixedPoint.mulDiv(l(in[0]), applied, FixedPoint.FUNDING_RATE_DIVISOR, Rounding.FLOOR));
            }
            case "funding_from_premium":
            {
                final Instrument inst = Instrument.builder(1, "F").tier(0, 10, Instrument.DERIVED, Instrument.DERIVED)
                    .fundingInterestRate(l(in[0])).fundingPremiumBand(l(in[1])).build();
                return one(inst.fundingRateFromPremium(l(in[2])));
            }
            case "tier_of":
                return one(instrument(in[0]).tierOf(l(in[1])));
            case "maintenance_margin":
                return one(instrument(in[0]).maintenanceMargin(l(in[1])));
            case "initial_margin":
                return one(instrument(in[0]).initialMargin(l(in[1]), Integer.parseInt(in[2])));
            case "liq_price_in_tier":
                return one(PositionMath.liquidationPriceInTier(instrument(in[0]), l(in[1]), l(in[2]), l(in[3]), Integer.parseInt(in[4])));
            case "liq_price":
            {
                // AccountEvaluator.liquidationPrice: the current tier is the tier of the notional at the mark.
                final Instrument inst = instrument(in[0]);
                final long size = l(in[1]);
                final int tier = inst.tierOf(PositionMath.notional(size, l(in[3])));
                return one(PositionMath.liquidationPrice(inst, size, l(in[2]), l(in[4]), tier));
            }
            case "bankruptcy_price":
                return one(PositionMath.bankruptcyPrice(l(in[0]), l(in[1]), l(in[2])));
            case "trade":
            {
                final TradeOutcome t = new TradeOutcome().compute(l(in[0]), l(in[1]), l(in[2]), l(in[3]));
                final long[] values = {t.newSize(), t.newEntry(), t.closedQuantity(), t.openedQuantity(), t.realizedPnl()};
                for (final long v : values)
                {
                    if (v == FixedPoint.OVERFLOW)
                    {
                        return List.of("X");
                    }
                }
                final List<String> out = new ArrayList<>();
                for (final long v : values)
                {
                    out.add(Long.toString(v));
                }
                out.add(Byte.toString(t.change()));
                return out;
            }
            default:
                throw new IllegalArgumentException("unknown vector kind " + kind);
        }
    }

    private Instrument instrument(final String name)
    {
        final Instrument inst = instruments.get(name);
        if (inst == null)
        {
            throw new IllegalArgumentException("undeclared instrument " + name);
        }
        return inst;
    }

    private static List<String> one(final long value)
    {
        return List.of(value == FixedPoint.OVERFLOW ? "X" : Long.toString(value));
    }

    private static long l(final String s)
    {
        return Long.parseLong(s);
    }

    /**
     * @param s {@code F} or {@code C}
     * @return the rounding
     */
    public static Rounding rounding(final String s)
    {
        switch (s)
        {
            case "F":
                return Rounding.FLOOR;
            case "C":
                return Rounding.CEILING;
            default:
                throw new IllegalArgumentException("rounding must be F or C: " + s);
        }
    }

    /** One parsed row: kind, inputs, expected outputs. */
    public record Row(int line, String kind, String[] inputs, List<String> outputs)
    {
        @Override
        public String toString()
        {
            return "line " + line + ": " + kind + " " + String.join(" ", inputs) + " => " + String.join(" ", outputs);
        }
    }

    /**
     * Parse the file: declares its instruments in this object and returns every row (including the {@code tiers}
     * rows).
     *
     * @param file the vector file
     * @return the rows in file order
     * @throws IOException if it cannot be read
     */
    public List<Row> read(final Path file) throws IOException
    {
        final List<Row> rows = new ArrayList<>();
        final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++)
        {
            final String line = lines.get(i);
            if (line.isEmpty() || line.startsWith("#"))
            {
                continue;
            }
            final String[] fields = line.split(" ");
            if (fields[0].equals("instrument"))
            {
                declare(fields);
                continue;
            }
            final int arrow = Arrays.asList(fields).indexOf("=>");
            if (arrow < 1)
            {
                throw new IllegalArgumentException("line " + (i + 1) + " has no '=>': " + line);
            }
            rows.add(new Row(i + 1, fields[0], Arrays.copyOfRange(fields, 1, arrow),
                List.of(Arrays.copyOfRange(fields, arrow + 1, fields.length))));
        }
        return rows;
    }
}
