package com.perprisk.benchmarks.jmh;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Fork;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class ProjectForkTest
{
    @Test
    void everyForkGetsTheFlagsThePomGivesEveryOtherJvm()
    {
        final String pomFlags = System.getProperty("perp-risk.jvm.flags");
        assertNotNull(pomFlags, "surefire passes the pom's jvm.flags and chronicle.flags");
        final List<String> forkFlags = new ArrayList<>(Arrays.asList(ProjectFork.class.getAnnotation(Fork.class).jvmArgsAppend()));
        forkFlags.remove(ProjectFork.HEAP_MIN);
        forkFlags.remove(ProjectFork.HEAP_MAX);
        assertEquals(Arrays.asList(pomFlags.trim().split("\\s+")), forkFlags);
    }

    @Test
    void benchmarksInheritTheFork()
    {
        for (final Class<?> benchmark : List.of(FixedPointBenchmark.class, BaselineComparisonBenchmark.class, SbeCodecBenchmark.class,
            JournalAppendBenchmark.class))
        {
            assertEquals(ProjectFork.class.getAnnotation(Fork.class), benchmark.getAnnotation(Fork.class), benchmark.getSimpleName());
        }
    }
}
