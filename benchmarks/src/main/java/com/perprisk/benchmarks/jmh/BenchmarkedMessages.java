package com.perprisk.benchmarks.jmh;

import com.perprisk.protocol.sbe.AccountRiskDecoder;
import com.perprisk.protocol.sbe.AccountRiskEncoder;
import com.perprisk.protocol.sbe.BooleanType;
import com.perprisk.protocol.sbe.CommandResponseDecoder;
import com.perprisk.protocol.sbe.CommandResponseEncoder;
import com.perprisk.protocol.sbe.FillDecoder;
import com.perprisk.protocol.sbe.FillEncoder;
import com.perprisk.protocol.sbe.MarginMode;
import com.perprisk.protocol.sbe.MessageHeaderDecoder;
import com.perprisk.protocol.sbe.MessageHeaderEncoder;
import com.perprisk.protocol.sbe.PositionChange;
import com.perprisk.protocol.sbe.PositionState;
import com.perprisk.protocol.sbe.PositionUpdateDecoder;
import com.perprisk.protocol.sbe.PositionUpdateEncoder;
import com.perprisk.protocol.sbe.PreTradeCheckDecoder;
import com.perprisk.protocol.sbe.PreTradeCheckEncoder;
import com.perprisk.protocol.sbe.RejectReason;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.SplittableRandom;

/**
 * The messages {@code SbeCodecBenchmark} encodes and decodes, each as the project does it (see the gateway's
 * {@code CommandTranslator} and {@code OutboundEncoder} and the client's {@code MessageDispatcher}): encode with
 * {@code wrapAndApplyHeader}; decode by reading the header, checking schema and template, and wrapping with the
 * sender's block length and version. Field values travel as a row of longs in schema order (enums as their numeric
 * value); decoding returns a fold of every decoded field, equal to {@link #fold(long[])} of the row encoded, so no
 * field read is dead code and a test can check the round trip.
 *
 * <p>Threading: each codec owns reused flyweights; one thread per instance.
 */
final class BenchmarkedMessages
{
    /** Returned by a decode when the frame is not the codec's message. */
    static final long NOT_THIS_MESSAGE = Long.MIN_VALUE;

    private static final long FOLD_SEED = 17;

    private BenchmarkedMessages()
    {
    }

    /** @param row field values in schema order @return the fold a decode of them returns */
    static long fold(final long[] row)
    {
        long h = FOLD_SEED;
        for (final long value : row)
        {
            h = fold(h, value);
        }
        return h;
    }

    private static long fold(final long h, final long value)
    {
        return 31 * h + value;
    }

    /** The header handling every codec shares. */
    abstract static class Codec
    {
        final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
        final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();

        /** @param random source @return a row of plausible field values */
        abstract long[] sample(SplittableRandom random);

        /**
         * Wrap the header of a frame and check it is this schema's message {@code templateId}.
         *
         * @return true if the body can be decoded with the header's block length and version.
         */
        final boolean isMessage(final DirectBuffer buffer, final int offset, final int templateId)
        {
            headerDecoder.wrap(buffer, offset);
            return headerDecoder.schemaId() == MessageHeaderDecoder.SCHEMA_ID && headerDecoder.templateId() == templateId;
        }

        static int bodyOffset(final int offset)
        {
            return offset + MessageHeaderDecoder.ENCODED_LENGTH;
        }

        static long id(final SplittableRandom random)
        {
            return random.nextLong(1, 1L << 40);
        }

        static long amount(final SplittableRandom random)
        {
            return random.nextLong(-(1L << 50), 1L << 50);
        }

        static int instrument(final SplittableRandom random)
        {
            return 1 + random.nextInt(4095);
        }
    }

    /** Fill command: correlationId, accountId, instrumentId, size, price, fee. */
    static final class Fill extends Codec
    {
        private final FillEncoder encoder = new FillEncoder();
        private final FillDecoder decoder = new FillDecoder();

        @Override
        long[] sample(final SplittableRandom random)
        {
            return new long[] {id(random), id(random), instrument(random), amount(random), id(random), random.nextInt(10) == 0 ? FillEncoder.feeNullValue() : amount(random)};
        }

        int encode(final MutableDirectBuffer buffer, final int offset, final long[] row)
        {
            encoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                .correlationId(row[0])
                .accountId(row[1])
                .instrumentId((int)row[2])
                .size(row[3])
                .price(row[4])
                .fee(row[5]);
            return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
        }

        long decode(final DirectBuffer buffer, final int offset)
        {
            if (!isMessage(buffer, offset, FillDecoder.TEMPLATE_ID))
            {
                return NOT_THIS_MESSAGE;
            }
            decoder.wrap(buffer, bodyOffset(offset), headerDecoder.blockLength(), headerDecoder.version());
            long h = FOLD_SEED;
            h = fold(h, decoder.correlationId());
            h = fold(h, decoder.accountId());
            h = fold(h, decoder.instrumentId());
            h = fold(h, decoder.size());
            h = fold(h, decoder.price());
            return fold(h, decoder.fee());
        }
    }

    /** Pre-trade check: correlationId, accountId, instrumentId, size, price. */
    static final class PreTradeCheck extends Codec
    {
        private final PreTradeCheckEncoder encoder = new PreTradeCheckEncoder();
        private final PreTradeCheckDecoder decoder = new PreTradeCheckDecoder();

        @Override
        long[] sample(final SplittableRandom random)
        {
            return new long[] {id(random), id(random), instrument(random), amount(random), id(random)};
        }

        int encode(final MutableDirectBuffer buffer, final int offset, final long[] row)
        {
            encoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                .correlationId(row[0])
                .accountId(row[1])
                .instrumentId((int)row[2])
                .size(row[3])
                .price(row[4]);
            return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
        }

        long decode(final DirectBuffer buffer, final int offset)
        {
            if (!isMessage(buffer, offset, PreTradeCheckDecoder.TEMPLATE_ID))
            {
                return NOT_THIS_MESSAGE;
            }
            decoder.wrap(buffer, bodyOffset(offset), headerDecoder.blockLength(), headerDecoder.version());
            long h = FOLD_SEED;
            h = fold(h, decoder.correlationId());
            h = fold(h, decoder.accountId());
            h = fold(h, decoder.instrumentId());
            h = fold(h, decoder.size());
            return fold(h, decoder.price());
        }
    }

    /** Command response: correlationId, requestTemplateId, reason, sequence, feedSequence, accountId, instrumentId. */
    static final class CommandResponse extends Codec
    {
        private static final RejectReason[] REASONS = {RejectReason.NONE, RejectReason.INSUFFICIENT_MARGIN, RejectReason.PRICE_BAND};

        private final CommandResponseEncoder encoder = new CommandResponseEncoder();
        private final CommandResponseDecoder decoder = new CommandResponseDecoder();

        @Override
        long[] sample(final SplittableRandom random)
        {
            return new long[] {id(random), random.nextBoolean() ? FillEncoder.TEMPLATE_ID : PreTradeCheckEncoder.TEMPLATE_ID,
                REASONS[random.nextInt(REASONS.length)].value(), id(random), id(random), id(random), instrument(random)};
        }

        int encode(final MutableDirectBuffer buffer, final int offset, final long[] row)
        {
            encoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                .correlationId(row[0])
                .requestTemplateId((int)row[1])
                .reason(RejectReason.get((int)row[2]))
                .sequence(row[3])
                .feedSequence(row[4])
                .accountId(row[5])
                .instrumentId((int)row[6]);
            return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
        }

        long decode(final DirectBuffer buffer, final int offset)
        {
            if (!isMessage(buffer, offset, CommandResponseDecoder.TEMPLATE_ID))
            {
                return NOT_THIS_MESSAGE;
            }
            decoder.wrap(buffer, bodyOffset(offset), headerDecoder.blockLength(), headerDecoder.version());
            long h = FOLD_SEED;
            h = fold(h, decoder.correlationId());
            h = fold(h, decoder.requestTemplateId());
            h = fold(h, decoder.reason().value());
            h = fold(h, decoder.sequence());
            h = fold(h, decoder.feedSequence());
            h = fold(h, decoder.accountId());
            return fold(h, decoder.instrumentId());
        }
    }

    /** Position update (risk feed), its 23 fields in schema order. */
    static final class PositionUpdate extends Codec
    {
        private final PositionUpdateEncoder encoder = new PositionUpdateEncoder();
        private final PositionUpdateDecoder decoder = new PositionUpdateDecoder();

        @Override
        long[] sample(final SplittableRandom random)
        {
            final long[] row = new long[23];
            row[0] = id(random);
            row[1] = id(random);
            row[2] = id(random);
            row[3] = instrument(random);
            row[4] = PositionChange.values()[random.nextInt(PositionChange.values().length - 1)].value();   // NULL_VAL is last
            row[5] = PositionState.values()[random.nextInt(PositionState.values().length - 1)].value();
            row[6] = MarginMode.values()[random.nextInt(MarginMode.values().length - 1)].value();
            row[7] = 1 + random.nextInt(125);
            for (int i = 8; i < row.length; i++)
            {
                row[i] = amount(random);
            }
            return row;
        }

        int encode(final MutableDirectBuffer buffer, final int offset, final long[] row)
        {
            encoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                .feedSequence(row[0])
                .sequence(row[1])
                .accountId(row[2])
                .instrumentId((int)row[3])
                .change(PositionChange.get((short)row[4]))
                .state(PositionState.get((short)row[5]))
                .marginMode(MarginMode.get((short)row[6]))
                .leverage((int)row[7])
                .size(row[8])
                .entryPrice(row[9])
                .markPrice(row[10])
                .notional(row[11])
                .unrealizedPnl(row[12])
                .returnOnEntry(row[13])
                .realizedPnl(row[14])
                .realizedPnlDelta(row[15])
                .fee(row[16])
                .fundingSettled(row[17])
                .unsettledFunding(row[18])
                .isolatedMargin(row[19])
                .initialMargin(row[20])
                .maintenanceMargin(row[21])
                .liquidationPrice(row[22]);
            return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
        }

        long decode(final DirectBuffer buffer, final int offset)
        {
            if (!isMessage(buffer, offset, PositionUpdateDecoder.TEMPLATE_ID))
            {
                return NOT_THIS_MESSAGE;
            }
            final PositionUpdateDecoder d = decoder.wrap(buffer, bodyOffset(offset), headerDecoder.blockLength(), headerDecoder.version());
            long h = FOLD_SEED;
            h = fold(h, d.feedSequence());
            h = fold(h, d.sequence());
            h = fold(h, d.accountId());
            h = fold(h, d.instrumentId());
            h = fold(h, d.change().value());
            h = fold(h, d.state().value());
            h = fold(h, d.marginMode().value());
            h = fold(h, d.leverage());
            h = fold(h, d.size());
            h = fold(h, d.entryPrice());
            h = fold(h, d.markPrice());
            h = fold(h, d.notional());
            h = fold(h, d.unrealizedPnl());
            h = fold(h, d.returnOnEntry());
            h = fold(h, d.realizedPnl());
            h = fold(h, d.realizedPnlDelta());
            h = fold(h, d.fee());
            h = fold(h, d.fundingSettled());
            h = fold(h, d.unsettledFunding());
            h = fold(h, d.isolatedMargin());
            h = fold(h, d.initialMargin());
            h = fold(h, d.maintenanceMargin());
            return fold(h, d.liquidationPrice());
        }
    }

    /** Account risk (risk feed), its 18 fields in schema order. */
    static final class AccountRisk extends Codec
    {
        private final AccountRiskEncoder encoder = new AccountRiskEncoder();
        private final AccountRiskDecoder decoder = new AccountRiskDecoder();

        @Override
        long[] sample(final SplittableRandom random)
        {
            final long[] row = new long[18];
            row[0] = id(random);
            row[1] = id(random);
            row[2] = id(random);
            for (int i = 3; i < 16; i++)
            {
                row[i] = amount(random);
            }
            row[16] = random.nextInt(33);
            row[17] = random.nextBoolean() ? BooleanType.TRUE.value() : BooleanType.FALSE.value();
            return row;
        }

        int encode(final MutableDirectBuffer buffer, final int offset, final long[] row)
        {
            encoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                .feedSequence(row[0])
                .sequence(row[1])
                .accountId(row[2])
                .collateral(row[3])
                .isolatedMargin(row[4])
                .notional(row[5])
                .unrealizedPnl(row[6])
                .unsettledFunding(row[7])
                .equity(row[8])
                .initialMargin(row[9])
                .maintenanceMargin(row[10])
                .marginRatio(row[11])
                .freeCollateral(row[12])
                .realizedPnl(row[13])
                .feesPaid(row[14])
                .fundingPaid(row[15])
                .openPositions((int)row[16])
                .liquidatable(BooleanType.get((short)row[17]));
            return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
        }

        long decode(final DirectBuffer buffer, final int offset)
        {
            if (!isMessage(buffer, offset, AccountRiskDecoder.TEMPLATE_ID))
            {
                return NOT_THIS_MESSAGE;
            }
            final AccountRiskDecoder d = decoder.wrap(buffer, bodyOffset(offset), headerDecoder.blockLength(), headerDecoder.version());
            long h = FOLD_SEED;
            h = fold(h, d.feedSequence());
            h = fold(h, d.sequence());
            h = fold(h, d.accountId());
            h = fold(h, d.collateral());
            h = fold(h, d.isolatedMargin());
            h = fold(h, d.notional());
            h = fold(h, d.unrealizedPnl());
            h = fold(h, d.unsettledFunding());
            h = fold(h, d.equity());
            h = fold(h, d.initialMargin());
            h = fold(h, d.maintenanceMargin());
            h = fold(h, d.marginRatio());
            h = fold(h, d.freeCollateral());
            h = fold(h, d.realizedPnl());
            h = fold(h, d.feesPaid());
            h = fold(h, d.fundingPaid());
            h = fold(h, d.openPositions());
            return fold(h, d.liquidatable().value());
        }
    }
}
