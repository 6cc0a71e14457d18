package com.perprisk.benchmarks.jmh;

import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * SBE encode and decode, message header included, of the protocol's main messages: a fill command, a pre-trade check,
 * a command response, and the risk feed's position update and account risk. Encoding writes the next of
 * {@value #SAMPLES} pre-generated rows of field values into a pre-allocated off-heap buffer (so the JIT cannot fold
 * the values); decoding reads a frame encoded in set-up, checking its header, and returns a fold of every field.
 *
 * <p>Threading: one benchmark thread owns the buffers and the codecs' flyweights.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SbeCodecBenchmark extends ProjectFork
{
    static final int SAMPLES = 64;
    private static final int MASK = SAMPLES - 1;
    private static final int FRAME_CAPACITY = 256;
    private static final int CACHE_LINE = 64;

    final BenchmarkedMessages.Fill fill = new BenchmarkedMessages.Fill();
    final BenchmarkedMessages.PreTradeCheck preTradeCheck = new BenchmarkedMessages.PreTradeCheck();
    final BenchmarkedMessages.CommandResponse commandResponse = new BenchmarkedMessages.CommandResponse();
    final BenchmarkedMessages.PositionUpdate positionUpdate = new BenchmarkedMessages.PositionUpdate();
    final BenchmarkedMessages.AccountRisk accountRisk = new BenchmarkedMessages.AccountRisk();

    final UnsafeBuffer encoded = frame();
    final UnsafeBuffer fillFrame = frame();
    final UnsafeBuffer preTradeCheckFrame = frame();
    final UnsafeBuffer commandResponseFrame = frame();
    final UnsafeBuffer positionUpdateFrame = frame();
    final UnsafeBuffer accountRiskFrame = frame();

    final long[][] fills = new long[SAMPLES][];
    final long[][] preTradeChecks = new long[SAMPLES][];
    final long[][] commandResponses = new long[SAMPLES][];
    final long[][] positionUpdates = new long[SAMPLES][];
    final long[][] accountRisks = new long[SAMPLES][];
    int next;

    private static UnsafeBuffer frame()
    {
        return new UnsafeBuffer(BufferUtil.allocateDirectAligned(FRAME_CAPACITY, CACHE_LINE));
    }

    /** Generate the rows; encode the first row of each message into its decode frame. */
    @Setup
    public void setUp()
    {
        final SplittableRandom random = new SplittableRandom(42);
        for (int k = 0; k < SAMPLES; k++)
        {
            fills[k] = fill.sample(random);
            preTradeChecks[k] = preTradeCheck.sample(random);
            commandResponses[k] = commandResponse.sample(random);
            positionUpdates[k] = positionUpdate.sample(random);
            accountRisks[k] = accountRisk.sample(random);
        }
        fill.encode(fillFrame, 0, fills[0]);
        preTradeCheck.encode(preTradeCheckFrame, 0, preTradeChecks[0]);
        commandResponse.encode(commandResponseFrame, 0, commandResponses[0]);
        positionUpdate.encode(positionUpdateFrame, 0, positionUpdates[0]);
        accountRisk.encode(accountRiskFrame, 0, accountRisks[0]);
    }

    @Benchmark
    public int encodeFill()
    {
        return fill.encode(encoded, 0, fills[next++ & MASK]);
    }

    @Benchmark
    public long decodeFill()
    {
        return fill.decode(fillFrame, 0);
    }

    @Benchmark
    public int encodePreTradeCheck()
    {
        return preTradeCheck.encode(encoded, 0, preTradeChecks[next++ & MASK]);
    }

    @Benchmark
    public long decodePreTradeCheck()
    {
        return preTradeCheck.decode(preTradeCheckFrame, 0);
    }

    @Benchmark
    public int encodeCommandResponse()
    {
        return commandResponse.encode(encoded, 0, commandResponses[next++ & MASK]);
    }

    @Benchmark
    public long decodeCommandResponse()
    {
        return commandResponse.decode(commandResponseFrame, 0);
    }

    @Benchmark
    public int encodePositionUpdate()
    {
        return positionUpdate.encode(encoded, 0, positionUpdates[next++ & MASK]);
    }

    @Benchmark
    public long decodePositionUpdate()
    {
        return positionUpdate.decode(positionUpdateFrame, 0);
    }

    @Benchmark
    public int encodeAccountRisk()
    {
        return accountRisk.encode(encoded, 0, accountRisks[next++ & MASK]);
    }

    @Benchmark
    public long decodeAccountRisk()
    {
        return accountRisk.decode(accountRiskFrame, 0);
    }
}
