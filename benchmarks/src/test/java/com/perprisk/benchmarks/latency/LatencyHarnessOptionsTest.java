package com.perprisk.benchmarks.latency;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad options end with exit code 2 and a message naming the option, before anything starts. */
final class LatencyHarnessOptionsTest
{
    @Test
    void helpDescribesTheHarness()
    {
        final Run run = run("--help");
        assertEquals(0, run.code);
        assertTrue(run.out.contains("--transport=ipc|udp"), run.out);
        assertTrue(run.out.contains("--journal=on|off|both"), run.out);
        assertTrue(run.out.contains("no coordinated omission"), run.out);
        assertFalse(run.err.contains("WARN"), "picocli formats every text: " + run.err);
    }

    @Test
    void badOptionsAreNamed()
    {
        expectError("--transport: 'tcp' is not one of ipc, udp", "--transport", "tcp");
        expectError("--rates: rates must increase: 5k after 10k", "--rates", "10k,5k");
        expectError("--rates: 'lots' is not a rate", "--rates", "lots");
        expectError("--journal must be on, off or both, was 'maybe'", "--journal", "maybe");
        expectError("--kind: 'cancel' is not one of pretrade, fill, mixed", "--kind", "cancel");
        expectError("--gateway-idle must be backoff, sleeping, yielding or busy-spin, was 'nap'", "--gateway-idle", "nap");
        expectError("--engine-wait must be blocking, sleeping, yielding, busy-spin or caller-runs, was 'nap'", "--engine-wait", "nap");
        expectError("the UDP host must be a loopback address", "--transport", "udp", "--udp-host", "192.0.2.1");
        expectError("--term-length must be a power of two", "--term-length", "100000");
        expectError("--duration must be at least 1 ms", "--duration", "0");
        expectError("Unknown options: '--speed'", "--speed", "9");
    }

    private static void expectError(final String message, final String... args)
    {
        final Run run = run(args);
        assertEquals(2, run.code, run.err);
        assertTrue(run.err.contains(message), "expected '" + message + "' in:\n" + run.err);
    }

    private static Run run(final String... args)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CommandLine cli = new CommandLine(new LatencyHarness());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        final int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err)
    {
    }
}
