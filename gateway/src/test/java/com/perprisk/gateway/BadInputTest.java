package com.perprisk.gateway;

import com.perprisk.client.RiskClient;
import com.perprisk.client.RiskListener;
import com.perprisk.protocol.sbe.FillEncoder;
import com.perprisk.protocol.sbe.LogonEncoder;
import com.perprisk.protocol.sbe.MessageHeaderEncoder;
import com.perprisk.protocol.sbe.RejectReason;
import com.perprisk.protocol.sbe.SetMarginModeEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.perprisk.gateway.TestNode.BTC;
import static com.perprisk.gateway.TestNode.MM_ACCOUNT;
import static com.perprisk.gateway.TestNode.MM_KEY;
import static com.perprisk.gateway.TestNode.PRICE;
import static com.perprisk.gateway.TestNode.SIZE;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each kind of bad frame from a logged-on client gets a response with its reason, is counted, and never reaches the engine. */
final class BadInputTest
{
    private static final long CORRELATION_ID = 77;
    private static TestNode node;
    private static RiskClient client;

    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[4096]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();

    @BeforeAll
    static void start()
    {
        node = new TestNode();
        client = node.logon(MM_KEY);
    }

    @AfterAll
    static void stop()
    {
        client.close();
        node.close();
    }

    @Test
    void wrongSchemaId()
    {
        final int length = fill();
        header.wrap(frame, 0).schemaId(42);
        expectReject(RejectReason.WRONG_SCHEMA, length);
    }

    @Test
    void newerVersionThanTheGateway()
    {
        final int length = fill();
        header.wrap(frame, 0).version(MessageHeaderEncoder.SCHEMA_VERSION + 1);
        expectReject(RejectReason.UNSUPPORTED_VERSION, length);
    }

    @Test
    void unknownTemplate()
    {
        final int length = fill();
        header.wrap(frame, 0).templateId(99);
        expectReject(RejectReason.UNKNOWN_TEMPLATE, length);
    }

    @Test
    void responseTemplateIsNotACommand()
    {
        final int length = fill();
        header.wrap(frame, 0).templateId(50);
        expectReject(RejectReason.UNKNOWN_TEMPLATE, length);
    }

    @Test
    void frameShorterThanItsBlock()
    {
        expectReject(RejectReason.MALFORMED, fill() - 1);
    }

    @Test
    void frameLongerThanItsBlock()
    {
        expectReject(RejectReason.MALFORMED, fill() + 5);
    }

    @Test
    void blockLengthBelowTheSchema()
    {
        final int length = fill();
        header.wrap(frame, 0).blockLength(FillEncoder.BLOCK_LENGTH - 8);
        expectReject(RejectReason.MALFORMED, length - 8);
    }

    @Test
    void frameLongerThanTheGatewayAccepts()
    {
        fill();
        expectReject(RejectReason.TOO_LONG, 2049);
    }

    @Test
    void varDataRunningPastTheFrame()
    {
        final LogonEncoder logon = new LogonEncoder().wrapAndApplyHeader(frame, 0, header)
            .correlationId(CORRELATION_ID).responseStreamId(5).responseChannel("aeron:ipc").apiKey(MM_KEY);
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + logon.encodedLength();
        frame.putInt(MessageHeaderEncoder.ENCODED_LENGTH + LogonEncoder.BLOCK_LENGTH, 1_000_000);
        expectReject(RejectReason.MALFORMED, length);
    }

    @Test
    void enumValueOutOfRange()
    {
        new SetMarginModeEncoder().wrapAndApplyHeader(frame, 0, header).correlationId(CORRELATION_ID).accountId(MM_ACCOUNT).instrumentId(BTC);
        frame.putByte(MessageHeaderEncoder.ENCODED_LENGTH + SetMarginModeEncoder.marginModeEncodingOffset(), (byte)7);
        expectReject(RejectReason.VALUE_OUT_OF_RANGE, MessageHeaderEncoder.ENCODED_LENGTH + SetMarginModeEncoder.BLOCK_LENGTH);
    }

    @Test
    void accountOutOfRange()
    {
        final int length = fill();
        frame.putLong(MessageHeaderEncoder.ENCODED_LENGTH + FillEncoder.accountIdEncodingOffset(), -5);
        expectReject(RejectReason.VALUE_OUT_OF_RANGE, length);
    }

    private int fill()
    {
        return MessageHeaderEncoder.ENCODED_LENGTH + new FillEncoder().wrapAndApplyHeader(frame, 0, header)
            .correlationId(CORRELATION_ID).accountId(MM_ACCOUNT).instrumentId(BTC).size(SIZE).price(42_000 * PRICE).fee(0).encodedLength();
    }

    private void expectReject(final RejectReason reason, final int length)
    {
        final GatewayCounters counters = node.node.counters();
        final long before = counters.rejects(reason).get();
        final long toEngine = counters.commandsToEngine.get();
        assertEquals(0, client.sendRaw(frame, 0, length));
        assertEquals(reason, client.awaitResponse(CORRELATION_ID, RiskListener.NO_OP));
        assertEquals(-1, client.responseSequence(), "answered by the gateway, not the engine");
        assertEquals(before + 1, counters.rejects(reason).get());
        assertEquals(toEngine, counters.commandsToEngine.get());
    }
}
