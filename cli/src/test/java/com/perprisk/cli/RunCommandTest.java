package com.perprisk.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code perp-risk run}: help, clear errors on bad configuration, and a clean start and stop. */
final class RunCommandTest
{
    @Test
    void helpDescribesTheProcess()
    {
        final Cli cli = Cli.run("run", "--help");
        assertEquals(0, cli.exitCode, cli.toString());
        assertTrue(cli.out.contains("--api-keys") && cli.out.contains("--with-samples") && cli.out.contains("aeron-stat"), cli.out);
    }

    @Test
    void apiKeysAreRequiredWithoutTheSamples()
    {
        final Cli cli = Cli.run("run");
        assertEquals(2, cli.exitCode, cli.toString());
        assertTrue(cli.err.contains("--api-keys FILE is required"), cli.err);
    }

    @Test
    void badConfigurationIsReportedClearly(@org.junit.jupiter.api.io.TempDir final Path dir) throws IOException
    {
        final Path keys = dir.resolve("keys.properties");
        Files.writeString(keys, "secret-1 = TRADER 1\n");
        Cli cli = Cli.run("run", "--api-keys", keys.toString());
        assertEquals(2, cli.exitCode, cli.toString());
        assertTrue(cli.err.contains("role must be MARKET_MAKER, LIQUIDATOR or ADMIN"), cli.err);

        Files.writeString(keys, "secret-1 = MARKET_MAKER 1,2\n");
        cli = Cli.run("run", "--api-keys", keys.toString(), "--command-channel", "tcp://nowhere");
        assertEquals(2, cli.exitCode, cli.toString());
        assertTrue(cli.err.contains("command channel must be an Aeron URI"), cli.err);

        cli = Cli.run("run", "--api-keys", keys.toString(), "--term-length", "1000");
        assertEquals(2, cli.exitCode, cli.toString());
        assertTrue(cli.err.contains("term length must be a power of two"), cli.err);

        cli = Cli.run("run", "--api-keys", keys.toString(), "--idle", "lazy");
        assertEquals(2, cli.exitCode, cli.toString());
        assertTrue(cli.err.contains("--idle must be"), cli.err);
    }

    @Test
    void startsAndStopsCleanly(@org.junit.jupiter.api.io.TempDir final Path dir) throws IOException
    {
        final Path keys = dir.resolve("keys.properties");
        Files.writeString(keys, "secret-1 = MARKET_MAKER 1\nadmin-secret = ADMIN\n");
        final String journal = dir.resolve("journal").toString();
        final Cli cli = Cli.run("run", "--api-keys", keys.toString(), "--term-length", "65536", "--duration", "1", "--journal", journal,
            "--min-free-disk", "0");
        assertEquals(0, cli.exitCode, cli.toString());
        assertTrue(cli.out.contains("perp-risk running: aeron dir "), cli.out);
        assertTrue(cli.out.contains("journal " + journal + ": no records yet (a new journal)"), cli.out);
        assertTrue(cli.out.contains("perp-risk stopped"), cli.out);

        final Cli again = Cli.run("run", "--api-keys", keys.toString(), "--term-length", "65536", "--duration", "1", "--journal", journal,
            "--min-free-disk", "0");
        assertEquals(0, again.exitCode, again.toString());
        assertTrue(again.out.contains("journal " + journal + ": 3 records replayed through sequence 2"),
            "the startup instruments were journaled once and are recovered, not defined again: " + again.out);

        final Cli verify = Cli.run("journal", "verify", journal);
        assertEquals(0, verify.exitCode, verify.toString());
        assertTrue(verify.out.contains("DEFINE_INSTRUMENT                   3"), verify.out);
    }

    @Test
    void runsInMemoryOnRequest(@org.junit.jupiter.api.io.TempDir final Path dir) throws IOException
    {
        final Path keys = dir.resolve("keys.properties");
        Files.writeString(keys, "secret-1 = MARKET_MAKER 1\n");
        final Cli cli = Cli.run("run", "--api-keys", keys.toString(), "--term-length", "65536", "--duration", "1", "--no-journal");
        assertEquals(0, cli.exitCode, cli.toString());
        assertTrue(!cli.out.contains("records replayed"), cli.out);
        final Cli both = Cli.run("run", "--api-keys", keys.toString(), "--no-journal", "--journal", dir.toString());
        assertEquals(2, both.exitCode, both.toString());
        assertTrue(both.err.contains("exclude each other"), both.err);
    }
}
