package com.perprisk.engine.vectors;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.math.RoundingMode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine reproduces every row of the vectors shared with the Rust on-chain program, and the mulDiv and div
 * rows also equal an independent BigInteger computation (so the file is not just the engine agreeing with itself).
 */
class SharedVectorsTest
{
    private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    @Test
    void engineReproducesEverySharedVector() throws Exception
    {
        final SharedVectors vectors = new SharedVectors();
        final List<SharedVectors.Row> rows = vectors.read(SharedVectors.FILE);
        final Set<String> kinds = new HashSet<>();
        for (final SharedVectors.Row row : rows)
        {
            assertEquals(row.outputs(), vectors.evaluate(row.kind(), row.inputs()), row::toString);
            kinds.add(row.kind());
        }
        assertTrue(rows.size() >= 5000, "expected thousands of rows, found " + rows.size());
        assertEquals(Set.of("tiers", "mul_div", "div", "add", "notional", "apply_rate", "position_notional", "unrealized_pnl",
            "funding_effect", "funding_delta", "funding_from_premium", "tier_of", "maintenance_margin", "initial_margin",
            "liq_price_in_tier", "liq_price", "bankruptcy_price", "trade"), kinds);
    }

    @Test
    void committedFileIsExactlyWhatTheGeneratorWrites() throws Exception
    {
        assertEquals(new SharedVectorsGenerator().generate(), Files.readAllLines(SharedVectors.FILE, StandardCharsets.UTF_8),
            "regenerate with: mvn -o -q -pl engine test -Dtest=SharedVectorsGenerator -Dvectors.write=true");
    }

    @Test
    void mulDivAndDivRowsMatchBigIntegerReference() throws Exception
    {
        int checked = 0;
        for (final SharedVectors.Row row : new SharedVectors().read(SharedVectors.FILE))
        {
            final String[] in = row.inputs();
            final String expected;
            if (row.kind().equals("mul_div"))
            {
                expected = reference(Long.parseLong(in[0]), Long.parseLong(in[1]), Long.parseLong(in[2]), in[3]);
            }
            else if (row.kind().equals("div"))
            {
                expected = reference(Long.parseLong(in[0]), 1, Long.parseLong(in[1]), in[2]);
            }
            else
            {
                continue;
            }
            assertEquals(expected, row.outputs().get(0), row::toString);
            checked++;
        }
        assertTrue(checked > 1000, "mulDiv/div rows checked: " + checked);
    }

    private static String reference(final long a, final long b, final long c, final String rounding)
    {
        if (a == Long.MIN_VALUE || b == Long.MIN_VALUE || c <= 0)
        {
            return "X";
        }
        final BigDecimal exact = new BigDecimal(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)));
        final BigInteger q = exact.divide(BigDecimal.valueOf(c), 0,
            rounding.equals("F") ? RoundingMode.FLOOR : RoundingMode.CEILING).toBigIntegerExact();
        return q.compareTo(MIN) <= 0 || q.compareTo(MAX) > 0 ? "X" : q.toString();
    }
}
