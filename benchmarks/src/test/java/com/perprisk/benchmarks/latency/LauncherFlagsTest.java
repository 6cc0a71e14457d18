package com.perprisk.benchmarks.latency;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bin/benchmarks latency} gives the harness's JVM every flag the pom gives every other JVM (Agrona and Chronicle). */
final class LauncherFlagsTest
{
    @Test
    void theLatencyBranchHasThePomsFlags() throws IOException
    {
        final String pomFlags = System.getProperty("perp-risk.jvm.flags");
        assertNotNull(pomFlags, "surefire passes the pom's jvm.flags and chronicle.flags");
        final String launcher = Files.readString(Path.of("..", "bin", "benchmarks"));
        final int start = launcher.indexOf("    latency)");
        final int end = launcher.indexOf(";;", start);
        assertTrue(start >= 0 && end > start, "bin/benchmarks has a latency branch");
        final String branch = launcher.substring(0, launcher.indexOf("case ")) + launcher.substring(start, end);
        for (final String flag : pomFlags.trim().split("\\s+"))
        {
            assertTrue(branch.contains(flag), "bin/benchmarks latency lacks " + flag);
        }
    }
}
