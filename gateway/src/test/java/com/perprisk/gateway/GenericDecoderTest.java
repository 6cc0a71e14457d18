package com.perprisk.gateway;

import com.perprisk.client.RiskClient;
import com.perprisk.protocol.sbe.RejectReason;
import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;
import uk.co.real_logic.sbe.ir.Ir;
import uk.co.real_logic.sbe.ir.IrDecoder;
import uk.co.real_logic.sbe.ir.Token;
import uk.co.real_logic.sbe.otf.AbstractTokenListener;
import uk.co.real_logic.sbe.otf.OtfHeaderDecoder;
import uk.co.real_logic.sbe.otf.OtfMessageDecoder;
import uk.co.real_logic.sbe.otf.Types;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.perprisk.gateway.TestNode.ADMIN_KEY;
import static com.perprisk.gateway.TestNode.BTC;
import static com.perprisk.gateway.TestNode.PRICE;
import static com.perprisk.gateway.TestNode.SIZE;
import static com.perprisk.gateway.TestNode.USDC;
import static com.perprisk.gateway.TestNode.VICTIM_ACCOUNT;
import static com.perprisk.gateway.TestNode.VICTIM_KEY;
import static com.perprisk.gateway.TestNode.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The schema is the whole contract: a consumer that knows only the schema's IR (generated at build time, shipped as
 * {@code sbe/perp-risk-schema.sbeir}) decodes the risk feed with SBE's generic on-the-fly decoder, no generated code.
 */
final class GenericDecoderTest
{
    @Test
    void riskFeedDecodesWithTheOnTheFlyDecoderFromTheSchemaIrAlone() throws IOException
    {
        final Ir ir = loadIr();
        final OtfHeaderDecoder headerDecoder = new OtfHeaderDecoder(ir.headerStructure());
        final List<Map<String, String>> messages = new ArrayList<>();
        final FragmentAssembler assembler = new FragmentAssembler((buffer, offset, length, header) ->
        {
            assertEquals(ir.id(), headerDecoder.getSchemaId(buffer, offset));
            final List<Token> tokens = ir.getMessage(headerDecoder.getTemplateId(buffer, offset));
            assertNotNull(tokens, "template in the IR");
            final FieldCollector collector = new FieldCollector();
            OtfMessageDecoder.decode(buffer, offset + headerDecoder.encodedLength(), headerDecoder.getSchemaVersion(buffer, offset),
                headerDecoder.getBlockLength(buffer, offset), tokens, collector);
            messages.add(collector.fields);
        });

        try (TestNode node = new TestNode();
            RiskClient admin = node.logon(ADMIN_KEY);
            RiskClient victim = node.logon(VICTIM_KEY);
            Subscription feed = admin.aeron().addSubscription(node.node.gatewayConfig().feedChannel(), node.node.gatewayConfig().feedStreamId()))
        {
            while (!feed.isConnected())
            {
                Thread.onSpinWait();
            }
            expect(RejectReason.NONE, admin, admin.markPrice(BTC, 42_000 * PRICE, 0, 0));
            expect(RejectReason.NONE, victim, victim.deposit(VICTIM_ACCOUNT, 1_000 * USDC));
            expect(RejectReason.NONE, victim, victim.fill(VICTIM_ACCOUNT, BTC, SIZE, 42_000 * PRICE, 0));
            expect(RejectReason.NONE, admin, admin.markPrice(BTC, 41_000 * PRICE, 0, 0));
            while (messages.stream().noneMatch(m -> "LiquidationCandidate".equals(m.get("message"))))
            {
                feed.poll(assembler, 10);
            }
        }

        for (int i = 0; i < messages.size(); i++)
        {
            assertEquals(String.valueOf(i + 1), messages.get(i).get("feedSequence"), "feed sequence without gaps");
        }
        final Map<String, String> opened = find(messages, "PositionUpdate", "change", "OPENED");
        assertEquals(String.valueOf(VICTIM_ACCOUNT), opened.get("accountId"));
        assertEquals(String.valueOf(SIZE), opened.get("size"));
        assertEquals(String.valueOf(42_000 * PRICE), opened.get("entryPrice"));
        assertEquals("CROSS", opened.get("marginMode"));
        final Map<String, String> alert = find(messages, "MarginAlert", "raised", "TRUE");
        assertEquals(String.valueOf(VICTIM_ACCOUNT), alert.get("accountId"));
        final Map<String, String> candidate = find(messages, "LiquidationCandidate", "accountId", String.valueOf(VICTIM_ACCOUNT));
        assertEquals(String.valueOf(BTC), candidate.get("instrumentId"));
        assertEquals(String.valueOf(41_000 * PRICE), candidate.get("markPrice"));
        assertTrue(Long.parseLong(candidate.get("sizeToClose")) > 0);
        assertTrue(Long.parseLong(candidate.get("shortfall")) > 0);
    }

    private static Map<String, String> find(final List<Map<String, String>> messages, final String name, final String field, final String value)
    {
        return messages.stream()
            .filter(m -> name.equals(m.get("message")) && value.equals(m.get(field)))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no " + name + " with " + field + "=" + value + " in " + messages));
    }

    private static Ir loadIr() throws IOException
    {
        try (InputStream in = GenericDecoderTest.class.getResourceAsStream("/sbe/perp-risk-schema.sbeir"))
        {
            assertNotNull(in, "the IR is on the class path");
            final byte[] bytes = in.readAllBytes();
            final ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length);
            buffer.put(bytes).flip();
            try (IrDecoder decoder = new IrDecoder(buffer))
            {
                return decoder.decode();
            }
        }
    }

    /** Collects a message's fields as name = value text, enums by name. */
    private static final class FieldCollector extends AbstractTokenListener
    {
        final Map<String, String> fields = new LinkedHashMap<>();

        @Override
        public void onBeginMessage(final Token token)
        {
            fields.put("message", token.name());
        }

        @Override
        public void onEncoding(final Token fieldToken, final DirectBuffer buffer, final int index, final Token typeToken, final int actingVersion)
        {
            fields.put(fieldToken.name(), String.valueOf(Types.getLong(buffer, index, typeToken.encoding())));
        }

        @Override
        public void onEnum(
            final Token fieldToken, final DirectBuffer buffer, final int bufferIndex, final List<Token> tokens,
            final int fromIndex, final int toIndex, final int actingVersion)
        {
            final Token typeToken = tokens.get(fromIndex + 1);
            final long raw = Types.getLong(buffer, bufferIndex, typeToken.encoding());
            String name = "UNKNOWN(" + raw + ")";
            for (int i = fromIndex + 1; i < toIndex; i++)
            {
                if (tokens.get(i).encoding().constValue().longValue() == raw)
                {
                    name = tokens.get(i).name();
                }
            }
            fields.put(fieldToken.name(), name);
        }
    }
}
