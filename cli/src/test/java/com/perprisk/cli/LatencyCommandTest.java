package com.perprisk.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code perp-risk latency}: a short run prints its percentiles, with and without the journal; what it journaled replays. */
final class LatencyCommandTest
{
    @TempDir
    Path dir;

    @Test
    void aShortRunPrintsPercentilesAndJournalsWhenAsked()
    {
        final Cli memory = Cli.run("latency", "--messages", "200", "--warmup", "100");
        assertEquals(0, memory.exitCode, memory.toString());
        assertTrue(memory.out.contains("journal off") && memory.out.contains("p50 ") && memory.out.contains("p99.9 "), memory.out);

        final String journal = dir.resolve("journal").toString();
        final Cli journaled = Cli.run("latency", "--kind", "fill", "--messages", "200", "--warmup", "100", "--journal", journal,
            "--min-free-disk", "0");
        assertEquals(0, journaled.exitCode, journaled.toString());
        assertTrue(journaled.out.contains("journal on (page_cache)"), journaled.out);

        final Cli verify = Cli.run("journal", "verify", journal);
        assertEquals(0, verify.exitCode, verify.toString());
        assertTrue(verify.out.contains("FILL                              300"), verify.out);
    }
}
