package com.perprisk.benchmarks.footprint;

import com.perprisk.engine.book.PositionBook;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FootprintReportTest
{
    @Test
    void theRecordFieldsAreExactlyThePositionBooksPerPositionArrays()
    {
        final List<String> arrays = new ArrayList<>();
        for (final Field field : PositionBook.class.getDeclaredFields())
        {
            if (!Modifier.isStatic(field.getModifiers()) && field.getType().isArray() && !field.getType().getComponentType().isArray() &&
                !"openIsolatedMargin".equals(field.getName()) && !"holderCount".equals(field.getName()))
            {
                arrays.add(field.getName());
            }
        }
        assertEquals(FootprintReport.POSITION_RECORD_FIELDS, arrays,
            "a new per-position field of the position book must be counted in the record (or named here as an index)");
    }

    @Test
    void aBookOfLongArraysMeasuresEightBytesPerElementPlusHeaders()
    {
        final BookFootprint footprint = BookFootprint.of("holder", new LongsHolder(1000));
        assertEquals(1, footprint.parts().size());
        final long bytes = footprint.parts().get(0).bytes();
        assertTrue(bytes >= 8_000 && bytes <= 8_000 + 24, "8 bytes per long plus an array header: " + bytes);
        assertTrue(footprint.total() > bytes, "the whole graph includes the holder itself");
    }

    private static final class LongsHolder
    {
        @SuppressWarnings("unused")
        private final long[] values;
        @SuppressWarnings("unused")
        private final int primitive = 1;

        LongsHolder(final int n)
        {
            values = new long[n];
        }
    }

    @Test
    void theReportPrintsTheRecordAndEveryBook()
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final int exit = new CommandLine(new FootprintReport(new PrintStream(bytes, true, StandardCharsets.UTF_8))).execute("--positions", "5000");
        final String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, out);
        assertTrue(out.contains("5,000 open positions"), out);
        assertTrue(out.contains("position record (book state):"), out);
        assertTrue(out.contains("liquidation index") && out.contains("account book") && out.contains("slotByKey"), out);
    }
}
