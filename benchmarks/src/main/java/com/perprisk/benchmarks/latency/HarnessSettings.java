package com.perprisk.benchmarks.latency;

import com.perprisk.engine.pipeline.WaitStrategyKind;
import com.perprisk.gateway.GatewayConfig;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything one run of the harness needs, checked by {@link LatencyHarness}. Immutable (the rates array is not
 * changed after construction).
 *
 * @param channels        IPC or UDP loopback channels.
 * @param rates           offered rates per second, rising.
 * @param warmupNs        unrecorded lead-in of each step.
 * @param durationNs      measured window of each step.
 * @param modes           what to measure, in order (bare Aeron first).
 * @param mix             which commands.
 * @param gatewayIdle     idle strategy of the gateway thread and of the echo thread.
 * @param engineWait      wait strategy of the business-logic thread.
 * @param clientIdle      idle strategy of the generator when a turn did nothing.
 * @param driverIdle      idle strategy of the media driver's shared thread.
 * @param outDir          where the .hgrm files, summary.md and the plot go.
 * @param keepStepping    run every rate even after a saturated step.
 * @param rule            saturation rule.
 * @param termLength      term length of the media driver's publications.
 * @param ringSize        engine input ring slots.
 * @param snapshotEvery   journal records between snapshots, 0 for none.
 * @param journalParent   folder in which the temporary journal folder is made.
 * @param drainTimeoutNs  how long answers may take after the last send of a step.
 */
public record HarnessSettings(
    Channels channels,
    long[] rates,
    long warmupNs,
    long durationNs,
    List<Mode> modes,
    CommandMix mix,
    GatewayConfig.IdleKind gatewayIdle,
    WaitStrategyKind engineWait,
    GatewayConfig.IdleKind clientIdle,
    GatewayConfig.IdleKind driverIdle,
    Path outDir,
    boolean keepStepping,
    SaturationRule rule,
    int termLength,
    int ringSize,
    long snapshotEvery,
    Path journalParent,
    long drainTimeoutNs)
{
}
