package com.perprisk.gateway;

import com.perprisk.client.RiskClient;
import com.perprisk.client.RiskListener;
import com.perprisk.protocol.sbe.AdjustIsolatedMarginEncoder;
import com.perprisk.protocol.sbe.BooleanType;
import com.perprisk.protocol.sbe.DefineInstrumentEncoder;
import com.perprisk.protocol.sbe.DepositEncoder;
import com.perprisk.protocol.sbe.FillEncoder;
import com.perprisk.protocol.sbe.FundingRateEncoder;
import com.perprisk.protocol.sbe.FundingSource;
import com.perprisk.protocol.sbe.LiquidationFillEncoder;
import com.perprisk.protocol.sbe.MarginMode;
import com.perprisk.protocol.sbe.MarkPriceEncoder;
import com.perprisk.protocol.sbe.MessageHeaderEncoder;
import com.perprisk.protocol.sbe.PreTradeCheckEncoder;
import com.perprisk.protocol.sbe.QueryAccountEncoder;
import com.perprisk.protocol.sbe.RejectReason;
import com.perprisk.protocol.sbe.SetLeverageEncoder;
import com.perprisk.protocol.sbe.SetLiquidatorEncoder;
import com.perprisk.protocol.sbe.SetMarginModeEncoder;
import com.perprisk.protocol.sbe.WithdrawEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static com.perprisk.gateway.TestNode.ADMIN_KEY;
import static com.perprisk.gateway.TestNode.BTC;
import static com.perprisk.gateway.TestNode.MM_ACCOUNT;
import static com.perprisk.gateway.TestNode.MM_KEY;
import static com.perprisk.gateway.TestNode.NO_ACCOUNTS_KEY;
import static com.perprisk.gateway.TestNode.PRICE;
import static com.perprisk.gateway.TestNode.SIZE;
import static com.perprisk.gateway.TestNode.USDC;
import static com.perprisk.gateway.TestNode.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Throws random and mutated frames at a running gateway, from a session that is not logged on and from one whose key
 * owns no account: nothing may reach the engine (its checksum and the commands-to-engine counter are unchanged), the
 * gateway must count every frame and fail on none, and a well-formed client must still be served.
 */
final class FuzzTest
{
    private static final int FRAMES_PER_CLIENT = 10_000;
    private static final long SEED = 20_261_123L;

    @Test
    void randomAndMutatedFramesChangeNothingAndWellFormedClientsAreStillServed()
    {
        try (TestNode node = new TestNode();
            RiskClient good = node.logon(MM_KEY);
            RiskClient admin = node.logon(ADMIN_KEY);
            RiskClient keyless = node.logon(NO_ACCOUNTS_KEY);
            RiskClient anonymous = RiskClient.connect(node.clientConfig()))
        {
            expect(RejectReason.NONE, admin, admin.markPrice(BTC, 42_000 * PRICE, 0, 0));
            expect(RejectReason.NONE, good, good.deposit(MM_ACCOUNT, 10_000 * USDC));
            expect(RejectReason.NONE, good, good.fill(MM_ACCOUNT, BTC, SIZE / 2, 42_000 * PRICE, RiskClient.FEE_FROM_SCHEDULE));
            expect(RejectReason.NONE, good, good.queryAccount(MM_ACCOUNT));
            final long checksum = node.node.engine().checksum();
            final GatewayCounters counters = node.node.counters();
            final long toEngine = counters.commandsToEngine.get();
            final long framesBefore = counters.framesReceived.get();

            final Random random = new Random(SEED);
            final List<UnsafeBuffer> corpus = corpus();
            final UnsafeBuffer frame = new UnsafeBuffer(new byte[8192]);
            int sent = 0;
            for (final RiskClient fuzzer : new RiskClient[]{keyless, anonymous})
            {
                for (int i = 0; i < FRAMES_PER_CLIENT; i++)
                {
                    final int length = i % 2 == 0 ? randomFrame(random, frame) : mutatedFrame(random, corpus, frame);
                    long result;
                    do
                    {
                        result = fuzzer.sendRaw(frame, 0, length);
                    }
                    while (result == RiskClient.NOT_CONNECTED);
                    assertEquals(0, result, "frame " + i + " could not be sent");
                    sent++;
                    fuzzer.poll(RiskListener.NO_OP);
                }
            }
            while (counters.framesReceived.get() < framesBefore + sent)
            {
                Thread.onSpinWait();
            }

            expect(RejectReason.NONE, good, good.queryAccount(MM_ACCOUNT));
            assertEquals(checksum, node.node.engine().checksum(), "engine state changed");
            assertEquals(toEngine + 1, counters.commandsToEngine.get(), "only the well-formed query reached the engine");
            assertEquals(0, counters.errors.get(), "gateway failures");
            assertTrue(counters.rejects(RejectReason.MALFORMED).get() > 0);
            assertTrue(counters.rejects(RejectReason.UNKNOWN_TEMPLATE).get() > 0);
            assertTrue(counters.rejects(RejectReason.WRONG_SCHEMA).get() > 0);
            assertTrue(counters.rejects(RejectReason.UNSUPPORTED_VERSION).get() > 0);
            assertTrue(counters.rejects(RejectReason.NOT_PERMITTED).get() > 0);
            assertTrue(counters.rejects(RejectReason.NOT_LOGGED_ON).get() > 0);
            assertTrue(counters.rejects(RejectReason.TOO_LONG).get() > 0);
            expect(RejectReason.NONE, good, good.deposit(MM_ACCOUNT, USDC));
        }
    }

    /** Random bytes, half of them behind a plausible header (our schema, a command template). */
    private static int randomFrame(final Random random, final UnsafeBuffer frame)
    {
        final int length = random.nextInt(10) == 0 ? 1024 + random.nextInt(3000) : random.nextInt(200);
        for (int i = 0; i < length; i++)
        {
            frame.putByte(i, (byte)random.nextInt());
        }
        if (length >= MessageHeaderEncoder.ENCODED_LENGTH && random.nextBoolean())
        {
            new MessageHeaderEncoder().wrap(frame, 0)
                .blockLength(random.nextInt(64))
                .templateId(random.nextInt(25))
                .schemaId(MessageHeaderEncoder.SCHEMA_ID)
                .version(random.nextInt(3));
        }
        return length;
    }

    /** A valid command with one to four mutations: bit flips, byte stores, header fields, truncation, extension. */
    private static int mutatedFrame(final Random random, final List<UnsafeBuffer> corpus, final UnsafeBuffer frame)
    {
        final UnsafeBuffer source = corpus.get(random.nextInt(corpus.size()));
        int length = source.capacity();
        frame.putBytes(0, source, 0, length);
        final int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations; m++)
        {
            switch (random.nextInt(6))
            {
                case 0:
                    final int bit = random.nextInt(length * 8);
                    frame.putByte(bit / 8, (byte)(frame.getByte(bit / 8) ^ (1 << (bit % 8))));
                    break;
                case 1:
                    frame.putByte(random.nextInt(length), (byte)random.nextInt());
                    break;
                case 2:
                    frame.putShort(2 * random.nextInt(4), (short)random.nextInt());
                    break;
                case 3:
                    length = random.nextInt(length + 1);
                    break;
                case 4:
                    final int extra = 1 + random.nextInt(64);
                    for (int i = 0; i < extra; i++)
                    {
                        frame.putByte(length + i, (byte)random.nextInt());
                    }
                    length += extra;
                    break;
                default:
                    if (length >= MessageHeaderEncoder.ENCODED_LENGTH + 8)
                    {
                        frame.putLong(MessageHeaderEncoder.ENCODED_LENGTH + 8 + random.nextInt(Math.max(1, length - MessageHeaderEncoder.ENCODED_LENGTH - 15)),
                            random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE);
                    }
                    break;
            }
            if (length == 0)
            {
                break;
            }
        }
        return length;
    }

    /** One well-formed frame of every command (the fuzzing session may send none of them successfully). */
    private static List<UnsafeBuffer> corpus()
    {
        final List<UnsafeBuffer> corpus = new ArrayList<>();
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1024]);
        corpus.add(copy(buffer, new DepositEncoder().wrapAndApplyHeader(buffer, 0, header).correlationId(1).accountId(MM_ACCOUNT).amount(USDC).encodedLength()));
        corpus.add(copy(buffer, new WithdrawEncoder().wrapAndApplyHeader(buffer, 0, header).correlationId(2).accountId(MM_ACCOUNT).amount(USDC).encodedLength()));
        corpus.add(copy(buffer, new FillEncoder().wrapAndApplyHeader(buffer, 0, header).correlationId(3).accountId(MM_ACCOUNT).instrumentId(BTC)
            .size(SIZE).price(42_000 * PRICE).fee(0).encodedLength()));
        corpus.add(copy(buffer, new AdjustIsolatedMarginEncoder().wrapAndApplyHeader(buffer, 0, header).correlationId(4).accountId(MM_ACCOUNT)
            .instrumentId(BTC).amount(USDC).encodedLength()));
        corpus.add(copy(buffer, new SetLeverageEncoder().wrapAndApplyHeader(buffer, 0, header).correlationId(5).accountId(MM_ACCOUNT)
            .instrumentId(BTC).leverage(5).encodedLength()));
        corpus.add(copy(buffer, new SetMarginModeEncoder().wrapAndApplyHeader(buffer, 0, header).correlationId(6).accountId(MM_ACCOUNT)
            .instrumentId(BTC).marginMode(MarginMode.ISOLATED).encodedLength()));
        corpus.add(copy(buffer, new MarkPriceEncoder().wrapAndApplyHeader(buffer, 0, header).correlationId(7).instrumentId(BTC)
            .price(41_000 * PRICE).confidence(0).publishTime(0).encodedLength()));
        corpus.add(copy(buffer, new FundingRateEncoder().wrapAndApplyHeader(buffer, 0, header).correlationId(8).instrumentId(BTC)
            .value(10_000).source(FundingSource.RATE).encodedLength()));
        corpus.add(copy(buffer, new LiquidationFillEncoder().wrapAndApplyHeader(buffer, 0, header).correlationId(9).liquidatorAccountId(900)
            .accountId(MM_ACCOUNT).instrumentId(BTC).size(-SIZE).price(41_000 * PRICE).encodedLength()));
        corpus.add(copy(buffer, new PreTradeCheckEncoder().wrapAndApplyHeader(buffer, 0, header).correlationId(10).accountId(MM_ACCOUNT)
            .instrumentId(BTC).size(SIZE).price(42_000 * PRICE).encodedLength()));
        corpus.add(copy(buffer, new QueryAccountEncoder().wrapAndApplyHeader(buffer, 0, header).correlationId(11).accountId(MM_ACCOUNT).encodedLength()));
        corpus.add(copy(buffer, new SetLiquidatorEncoder().wrapAndApplyHeader(buffer, 0, header).correlationId(12).accountId(MM_ACCOUNT)
            .authorised(BooleanType.TRUE).encodedLength()));
        final DefineInstrumentEncoder define = new DefineInstrumentEncoder().wrapAndApplyHeader(buffer, 0, header)
            .correlationId(13).instrumentId(9).priceDecimals((short)2).sizeDecimals((short)3).maxPrice(1_000_000 * PRICE).maxPositionSize(0)
            .liquidationFeeRate(1_000_000).takerFeeRate(50_000).fundingClampRate(4_000_000).fundingInterestRate(10_000)
            .fundingPremiumBand(50_000).priceBandRate(0).oracleStalenessNanos(0).oracleMaxConfidenceRate(0);
        final DefineInstrumentEncoder.TiersEncoder tiers = define.tiersCount(2);
        tiers.next().floor(0).maxLeverage(50).maintenanceRate(DefineInstrumentEncoder.TiersEncoder.maintenanceRateNullValue())
            .maintenanceAmount(DefineInstrumentEncoder.TiersEncoder.maintenanceAmountNullValue());
        tiers.next().floor(500_000 * USDC).maxLeverage(20).maintenanceRate(2_500_000)
            .maintenanceAmount(DefineInstrumentEncoder.TiersEncoder.maintenanceAmountNullValue());
        define.symbol("FUZZ-PERP");
        corpus.add(copy(buffer, define.encodedLength()));
        return corpus;
    }

    private static UnsafeBuffer copy(final UnsafeBuffer buffer, final int bodyLength)
    {
        final byte[] bytes = new byte[MessageHeaderEncoder.ENCODED_LENGTH + bodyLength];
        buffer.getBytes(0, bytes);
        return new UnsafeBuffer(bytes);
    }
}
