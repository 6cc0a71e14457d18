package com.perprisk.benchmarks.jmh;

import com.perprisk.protocol.sbe.AccountRiskDecoder;
import com.perprisk.protocol.sbe.AccountRiskEncoder;
import com.perprisk.protocol.sbe.CommandResponseEncoder;
import com.perprisk.protocol.sbe.FillDecoder;
import com.perprisk.protocol.sbe.FillEncoder;
import com.perprisk.protocol.sbe.MessageHeaderDecoder;
import com.perprisk.protocol.sbe.MessageHeaderEncoder;
import com.perprisk.protocol.sbe.PositionUpdateDecoder;
import com.perprisk.protocol.sbe.PositionUpdateEncoder;
import com.perprisk.protocol.sbe.PreTradeCheckEncoder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The codec benchmark's frames hold the messages it claims, and every encode decodes back to the values encoded. */
class SbeCodecBenchmarkTest
{
    private static final int HEADER = MessageHeaderEncoder.ENCODED_LENGTH;

    private final SbeCodecBenchmark benchmark = new SbeCodecBenchmark();

    @BeforeEach
    void setUp()
    {
        benchmark.setUp();
    }

    @Test
    void eachDecodeBenchmarkReadsEveryFieldOfItsFirstSample()
    {
        assertEquals(BenchmarkedMessages.fold(benchmark.fills[0]), benchmark.decodeFill());
        assertEquals(BenchmarkedMessages.fold(benchmark.preTradeChecks[0]), benchmark.decodePreTradeCheck());
        assertEquals(BenchmarkedMessages.fold(benchmark.commandResponses[0]), benchmark.decodeCommandResponse());
        assertEquals(BenchmarkedMessages.fold(benchmark.positionUpdates[0]), benchmark.decodePositionUpdate());
        assertEquals(BenchmarkedMessages.fold(benchmark.accountRisks[0]), benchmark.decodeAccountRisk());
    }

    @Test
    void theFramesAreTheGeneratedCodecsMessagesWithTheSampleValues()
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(benchmark.fillFrame, 0);
        assertEquals(FillDecoder.TEMPLATE_ID, header.templateId());
        final FillDecoder fill = new FillDecoder().wrap(benchmark.fillFrame, HEADER, header.blockLength(), header.version());
        assertEquals(benchmark.fills[0][4], fill.price());
        assertEquals(benchmark.fills[0][5], fill.fee());

        header.wrap(benchmark.positionUpdateFrame, 0);
        assertEquals(PositionUpdateDecoder.TEMPLATE_ID, header.templateId());
        final PositionUpdateDecoder update =
            new PositionUpdateDecoder().wrap(benchmark.positionUpdateFrame, HEADER, header.blockLength(), header.version());
        assertEquals(benchmark.positionUpdates[0][4], update.change().value());
        assertEquals(benchmark.positionUpdates[0][22], update.liquidationPrice());

        header.wrap(benchmark.accountRiskFrame, 0);
        final AccountRiskDecoder risk = new AccountRiskDecoder().wrap(benchmark.accountRiskFrame, HEADER, header.blockLength(), header.version());
        assertEquals(benchmark.accountRisks[0][8], risk.equity());
        assertEquals(benchmark.accountRisks[0][17], risk.liquidatable().value());
    }

    @Test
    void eachEncodeBenchmarkWritesItsNextSampleWithTheHeader()
    {
        for (int k = 0; k < SbeCodecBenchmark.SAMPLES; k++)
        {
            benchmark.next = k;
            assertEquals(HEADER + FillEncoder.BLOCK_LENGTH, benchmark.encodeFill());
            assertEquals(BenchmarkedMessages.fold(benchmark.fills[k]), benchmark.fill.decode(benchmark.encoded, 0));
            benchmark.next = k;
            assertEquals(HEADER + PreTradeCheckEncoder.BLOCK_LENGTH, benchmark.encodePreTradeCheck());
            assertEquals(BenchmarkedMessages.fold(benchmark.preTradeChecks[k]), benchmark.preTradeCheck.decode(benchmark.encoded, 0));
            benchmark.next = k;
            assertEquals(HEADER + CommandResponseEncoder.BLOCK_LENGTH, benchmark.encodeCommandResponse());
            assertEquals(BenchmarkedMessages.fold(benchmark.commandResponses[k]), benchmark.commandResponse.decode(benchmark.encoded, 0));
            benchmark.next = k;
            assertEquals(HEADER + PositionUpdateEncoder.BLOCK_LENGTH, benchmark.encodePositionUpdate());
            assertEquals(BenchmarkedMessages.fold(benchmark.positionUpdates[k]), benchmark.positionUpdate.decode(benchmark.encoded, 0));
            benchmark.next = k;
            assertEquals(HEADER + AccountRiskEncoder.BLOCK_LENGTH, benchmark.encodeAccountRisk());
            assertEquals(BenchmarkedMessages.fold(benchmark.accountRisks[k]), benchmark.accountRisk.decode(benchmark.encoded, 0));
        }
    }

    @Test
    void aDecoderRefusesAnotherMessage()
    {
        assertEquals(BenchmarkedMessages.NOT_THIS_MESSAGE, benchmark.fill.decode(benchmark.preTradeCheckFrame, 0));
        assertNotEquals(BenchmarkedMessages.fold(benchmark.fills[0]), BenchmarkedMessages.fold(benchmark.fills[1]));
    }
}
