package com.perprisk.benchmarks.jmh;

import org.openjdk.jmh.annotations.Fork;

/**
 * Base of every JMH benchmark here: each fork gets the JVM flags our dependencies need (Agrona reaches
 * {@code jdk.internal.misc.Unsafe}; Chronicle Queue its own list), the same list as the parent pom's {@code jvm.flags}
 * and {@code chronicle.flags} ({@code BenchmarkJvmTest} keeps the two equal), and a heap large enough for the
 * million-account books. JMH annotations are inherited, so a benchmark class extends this and says nothing more.
 */
@Fork(value = 1, jvmArgsAppend = {
    "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
    "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
    "--add-exports=java.base/jdk.internal.util=ALL-UNNAMED",
    "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
    "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
    "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED",
    "-Dchronicle.analytics.disable=true",
    "-Dchronicle.disk.monitor.disable=true",
    ProjectFork.HEAP_MIN,
    ProjectFork.HEAP_MAX})
public abstract class ProjectFork
{
    /** Initial heap of a fork: the million-account books are allocated up front. */
    public static final String HEAP_MIN = "-Xms4g";

    /** Heap limit of a fork. */
    public static final String HEAP_MAX = "-Xmx4g";
}
