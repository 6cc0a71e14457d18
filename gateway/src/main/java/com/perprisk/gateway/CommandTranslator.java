package com.perprisk.gateway;

import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.instrument.Instrument;
import com.perprisk.protocol.sbe.AdjustIsolatedMarginDecoder;
import com.perprisk.protocol.sbe.BooleanType;
import com.perprisk.protocol.sbe.DefineInstrumentDecoder;
import com.perprisk.protocol.sbe.DepositDecoder;
import com.perprisk.protocol.sbe.FillDecoder;
import com.perprisk.protocol.sbe.FundingRateDecoder;
import com.perprisk.protocol.sbe.FundingSource;
import com.perprisk.protocol.sbe.LiquidationFillDecoder;
import com.perprisk.protocol.sbe.LogoffDecoder;
import com.perprisk.protocol.sbe.LogonDecoder;
import com.perprisk.protocol.sbe.MarginMode;
import com.perprisk.protocol.sbe.MarkPriceDecoder;
import com.perprisk.protocol.sbe.MessageHeaderDecoder;
import com.perprisk.protocol.sbe.PreTradeCheckDecoder;
import com.perprisk.protocol.sbe.QueryAccountDecoder;
import com.perprisk.protocol.sbe.RejectReason;
import com.perprisk.protocol.sbe.SetLeverageDecoder;
import com.perprisk.protocol.sbe.SetLiquidatorDecoder;
import com.perprisk.protocol.sbe.SetMarginModeDecoder;
import com.perprisk.protocol.sbe.WithdrawDecoder;
import org.agrona.DirectBuffer;

import static java.nio.ByteOrder.LITTLE_ENDIAN;

/**
 * Checks one command frame against the schema (header, schema id and version, template, exact length including groups
 * and var data, value ranges) and the session's permissions, and turns a good one into a {@link CommandEvent}. Never
 * throws on bad input: every outcome is a {@link RejectReason}. After {@link #check}, {@link #templateId()},
 * {@link #correlationId()}, {@link #accountId()} and {@link #instrumentId()} describe the frame as far as it could be
 * read, for the response. Owned by the gateway thread; allocation-free except for instrument definitions and logons.
 */
final class CommandTranslator
{
    /** Longest response channel accepted in a logon. */
    static final int MAX_CHANNEL_LENGTH = 256;
    /** Most margin tiers in an instrument definition. */
    static final int MAX_TIERS = 32;
    /** Longest instrument symbol. */
    static final int MAX_SYMBOL_LENGTH = 32;

    private static final int HEADER = MessageHeaderDecoder.ENCODED_LENGTH;
    private static final int VAR_LENGTH_FIELD = 4;
    private static final int GROUP_HEADER = 4;

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final LogonDecoder logon = new LogonDecoder();
    private final LogoffDecoder logoff = new LogoffDecoder();
    private final DepositDecoder deposit = new DepositDecoder();
    private final WithdrawDecoder withdraw = new WithdrawDecoder();
    private final FillDecoder fill = new FillDecoder();
    private final AdjustIsolatedMarginDecoder adjust = new AdjustIsolatedMarginDecoder();
    private final SetLeverageDecoder leverage = new SetLeverageDecoder();
    private final SetMarginModeDecoder marginMode = new SetMarginModeDecoder();
    private final MarkPriceDecoder mark = new MarkPriceDecoder();
    private final FundingRateDecoder funding = new FundingRateDecoder();
    private final LiquidationFillDecoder liquidation = new LiquidationFillDecoder();
    private final PreTradeCheckDecoder preTrade = new PreTradeCheckDecoder();
    private final QueryAccountDecoder query = new QueryAccountDecoder();
    private final SetLiquidatorDecoder setLiquidator = new SetLiquidatorDecoder();
    private final DefineInstrumentDecoder define = new DefineInstrumentDecoder();
    private final int maxLength;

    private int templateId;
    private int blockLength;
    private int version;
    private long correlationId;
    private long accountId;
    private int instrumentId;
    private String instrumentProblem;

    /** @param maxLength longest frame accepted. */
    CommandTranslator(final int maxLength)
    {
        this.maxLength = maxLength;
    }

    /** @return template id of the last frame, 0 if it could not be read */
    int templateId()
    {
        return templateId;
    }

    /** @return correlation id of the last frame, 0 if it could not be read */
    long correlationId()
    {
        return correlationId;
    }

    /** @return account of the last command, 0 if none */
    long accountId()
    {
        return accountId;
    }

    /** @return instrument of the last command, 0 if none */
    int instrumentId()
    {
        return instrumentId;
    }

    /** @return why the last instrument definition was refused, or null */
    String instrumentProblem()
    {
        return instrumentProblem;
    }

    /**
     * Check a frame's structure: header, schema, version, known template, exact length.
     *
     * @param buffer frame buffer.
     * @param offset frame start.
     * @param length frame length.
     * @return NONE if well-formed, otherwise the reason.
     */
    RejectReason check(final DirectBuffer buffer, final int offset, final int length)
    {
        templateId = 0;
        correlationId = 0;
        accountId = 0;
        instrumentId = 0;
        instrumentProblem = null;
        if (length >= HEADER + Long.BYTES)
        {
            correlationId = buffer.getLong(offset + HEADER, LITTLE_ENDIAN); // every command starts with it: answer even a bad frame
        }
        if (length > maxLength)
        {
            return RejectReason.TOO_LONG;
        }
        if (length < HEADER)
        {
            return RejectReason.MALFORMED;
        }
        header.wrap(buffer, offset);
        if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID)
        {
            return RejectReason.WRONG_SCHEMA;
        }
        version = header.version();
        if (version < 1 || version > MessageHeaderDecoder.SCHEMA_VERSION)
        {
            return RejectReason.UNSUPPORTED_VERSION;
        }
        final int template = header.templateId();
        final int minBlock = minBlockLength(template);
        if (minBlock < 0)
        {
            return RejectReason.UNKNOWN_TEMPLATE;
        }
        templateId = template;
        blockLength = header.blockLength();
        if (blockLength < minBlock || HEADER + blockLength > length)
        {
            return RejectReason.MALFORMED;
        }
        final int expected = expectedLength(buffer, offset, length);
        return expected == length ? RejectReason.NONE : RejectReason.MALFORMED;
    }

    /** @return true if the checked frame is a logon. */
    boolean isLogon()
    {
        return templateId == LogonDecoder.TEMPLATE_ID;
    }

    /** @return true if the checked frame is a logoff. */
    boolean isLogoff()
    {
        return templateId == LogoffDecoder.TEMPLATE_ID;
    }

    /**
     * Read a checked logon frame.
     *
     * @param buffer frame buffer.
     * @param offset frame start.
     * @param out    receives stream id, channel and key.
     * @return NONE, or VALUE_OUT_OF_RANGE for an empty or too long channel or key.
     */
    RejectReason readLogon(final DirectBuffer buffer, final int offset, final LogonRequest out)
    {
        logon.wrap(buffer, offset + HEADER, blockLength, version);
        out.responseStreamId = logon.responseStreamId();
        final int channelLength = logon.responseChannelLength();
        if (channelLength < 1 || channelLength > MAX_CHANNEL_LENGTH)
        {
            return RejectReason.VALUE_OUT_OF_RANGE;
        }
        out.responseChannel = logon.responseChannel();
        final int keyLength = logon.apiKeyLength();
        if (keyLength < 1 || keyLength > ApiKeys.MAX_KEY_LENGTH)
        {
            return RejectReason.VALUE_OUT_OF_RANGE;
        }
        out.apiKey = logon.apiKey();
        return RejectReason.NONE;
    }

    /**
     * Translate a checked command frame (not logon or logoff) into an engine command, checking value ranges and the key's
     * permissions.
     *
     * @param buffer    frame buffer.
     * @param offset    frame start.
     * @param key       the session's key.
     * @param timestamp event time (ns since epoch).
     * @param out       the event to fill.
     * @return NONE if {@code out} is ready for the engine, otherwise the reason.
     */
    RejectReason translate(final DirectBuffer buffer, final int offset, final ApiKey key, final long timestamp, final CommandEvent out)
    {
        final int at = offset + HEADER;
        switch (templateId)
        {
            case DepositDecoder.TEMPLATE_ID:
                deposit.wrap(buffer, at, blockLength, version);
                out.deposit(timestamp, correlationId, deposit.accountId(), deposit.amount());
                return owned(key, deposit.accountId(), 0);

            case WithdrawDecoder.TEMPLATE_ID:
                withdraw.wrap(buffer, at, blockLength, version);
                out.withdraw(timestamp, correlationId, withdraw.accountId(), withdraw.amount());
                return owned(key, withdraw.accountId(), 0);

            case FillDecoder.TEMPLATE_ID:
                fill.wrap(buffer, at, blockLength, version);
                out.fill(timestamp, correlationId, fill.accountId(), fill.instrumentId(), fill.size(), fill.price(),
                    fill.fee() == FillDecoder.feeNullValue() ? CommandEvent.FEE_FROM_SCHEDULE : fill.fee());
                return owned(key, fill.accountId(), fill.instrumentId());

            case AdjustIsolatedMarginDecoder.TEMPLATE_ID:
                adjust.wrap(buffer, at, blockLength, version);
                out.adjustIsolatedMargin(timestamp, correlationId, adjust.accountId(), adjust.instrumentId(), adjust.amount());
                return owned(key, adjust.accountId(), adjust.instrumentId());

            case SetLeverageDecoder.TEMPLATE_ID:
                leverage.wrap(buffer, at, blockLength, version);
                out.setLeverage(timestamp, correlationId, leverage.accountId(), leverage.instrumentId(), leverage.leverage());
                return owned(key, leverage.accountId(), leverage.instrumentId());

            case SetMarginModeDecoder.TEMPLATE_ID:
            {
                marginMode.wrap(buffer, at, blockLength, version);
                final short mode = marginMode.marginModeRaw();
                out.setMarginMode(timestamp, correlationId, marginMode.accountId(), marginMode.instrumentId(), mode);
                final RejectReason reason = owned(key, marginMode.accountId(), marginMode.instrumentId());
                return reason != RejectReason.NONE ? reason :
                    mode == MarginMode.CROSS.value() || mode == MarginMode.ISOLATED.value() ? RejectReason.NONE : RejectReason.VALUE_OUT_OF_RANGE;
            }

            case PreTradeCheckDecoder.TEMPLATE_ID:
                preTrade.wrap(buffer, at, blockLength, version);
                out.preTradeCheck(timestamp, correlationId, preTrade.accountId(), preTrade.instrumentId(), preTrade.size(), preTrade.price());
                return owned(key, preTrade.accountId(), preTrade.instrumentId());

            case QueryAccountDecoder.TEMPLATE_ID:
                query.wrap(buffer, at, blockLength, version);
                out.queryAccount(timestamp, correlationId, query.accountId());
                accountId = query.accountId();
                return accountId <= 0 ? RejectReason.VALUE_OUT_OF_RANGE : key.mayRead(accountId) ? RejectReason.NONE : RejectReason.NOT_PERMITTED;

            case LiquidationFillDecoder.TEMPLATE_ID:
            {
                liquidation.wrap(buffer, at, blockLength, version);
                out.liquidationFill(timestamp, correlationId, liquidation.liquidatorAccountId(), liquidation.accountId(),
                    liquidation.instrumentId(), liquidation.size(), liquidation.price());
                final RejectReason range = ranges(liquidation.accountId(), liquidation.instrumentId());
                return range != RejectReason.NONE ? range :
                    key.mayLiquidateAs(liquidation.liquidatorAccountId()) ? RejectReason.NONE : RejectReason.NOT_PERMITTED;
            }

            case MarkPriceDecoder.TEMPLATE_ID:
                mark.wrap(buffer, at, blockLength, version);
                out.markPrice(timestamp, correlationId, mark.instrumentId(), mark.price(), mark.confidence(), mark.publishTime());
                return admin(key, mark.instrumentId());

            case FundingRateDecoder.TEMPLATE_ID:
            {
                funding.wrap(buffer, at, blockLength, version);
                final short source = funding.sourceRaw();
                if (source == FundingSource.PREMIUM_INDEX.value())
                {
                    out.fundingFromPremium(timestamp, correlationId, funding.instrumentId(), funding.value());
                }
                else
                {
                    out.fundingRate(timestamp, correlationId, funding.instrumentId(), funding.value());
                }
                final RejectReason reason = admin(key, funding.instrumentId());
                return reason != RejectReason.NONE ? reason :
                    source == FundingSource.RATE.value() || source == FundingSource.PREMIUM_INDEX.value() ? RejectReason.NONE : RejectReason.VALUE_OUT_OF_RANGE;
            }

            case SetLiquidatorDecoder.TEMPLATE_ID:
            {
                setLiquidator.wrap(buffer, at, blockLength, version);
                final short authorised = setLiquidator.authorisedRaw();
                out.setLiquidator(timestamp, correlationId, setLiquidator.accountId(), authorised == BooleanType.TRUE.value());
                accountId = setLiquidator.accountId();
                if (!key.isAdmin())
                {
                    return RejectReason.NOT_PERMITTED;
                }
                return accountId > 0 && (authorised == BooleanType.TRUE.value() || authorised == BooleanType.FALSE.value()) ?
                    RejectReason.NONE : RejectReason.VALUE_OUT_OF_RANGE;
            }

            case DefineInstrumentDecoder.TEMPLATE_ID:
                return translateInstrument(buffer, at, key, timestamp, out);

            default:
                return RejectReason.UNKNOWN_TEMPLATE;
        }
    }

    private RejectReason translateInstrument(
        final DirectBuffer buffer, final int at, final ApiKey key, final long timestamp, final CommandEvent out)
    {
        define.wrap(buffer, at, blockLength, version);
        instrumentId = define.instrumentId();
        if (!key.isAdmin())
        {
            return RejectReason.NOT_PERMITTED;
        }
        if (instrumentId < 1 || instrumentId > Instrument.MAX_ID)
        {
            return RejectReason.VALUE_OUT_OF_RANGE;
        }
        final DefineInstrumentDecoder.TiersDecoder tiers = define.tiers();
        final int count = tiers.count();
        if (count < 1 || count > MAX_TIERS)
        {
            return RejectReason.VALUE_OUT_OF_RANGE;
        }
        final long[] tierFields = new long[count * 4];
        int i = 0;
        for (final DefineInstrumentDecoder.TiersDecoder tier : tiers)
        {
            tierFields[i++] = tier.floor();
            tierFields[i++] = tier.maxLeverage();
            tierFields[i++] = tier.maintenanceRate() == DefineInstrumentDecoder.TiersDecoder.maintenanceRateNullValue() ?
                Instrument.DERIVED : tier.maintenanceRate();
            tierFields[i++] = tier.maintenanceAmount() == DefineInstrumentDecoder.TiersDecoder.maintenanceAmountNullValue() ?
                Instrument.DERIVED : tier.maintenanceAmount();
        }
        final int symbolLength = define.symbolLength();
        final String symbol = define.symbol();
        if (symbolLength < 1 || symbolLength > MAX_SYMBOL_LENGTH || !isPrintable(symbol))
        {
            return RejectReason.VALUE_OUT_OF_RANGE;
        }
        final Instrument.Builder builder = Instrument.builder(instrumentId, symbol)
            .priceDecimals(define.priceDecimals())
            .sizeDecimals(define.sizeDecimals())
            .maxPrice(define.maxPrice())
            .liquidationFeeRate(define.liquidationFeeRate())
            .takerFeeRate(define.takerFeeRate())
            .fundingClampRate(define.fundingClampRate())
            .fundingInterestRate(define.fundingInterestRate())
            .fundingPremiumBand(define.fundingPremiumBand())
            .priceBandRate(define.priceBandRate())
            .oracleStalenessNanos(define.oracleStalenessNanos())
            .oracleMaxConfidenceRate(define.oracleMaxConfidenceRate());
        if (define.maxPositionSize() != 0)
        {
            builder.maxPositionSize(define.maxPositionSize());
        }
        for (int t = 0; t < tierFields.length; t += 4)
        {
            final long maxLeverage = tierFields[t + 1];
            if (maxLeverage < 1 || maxLeverage > Integer.MAX_VALUE)
            {
                return RejectReason.VALUE_OUT_OF_RANGE;
            }
            builder.tier(tierFields[t], (int)maxLeverage, tierFields[t + 2], tierFields[t + 3]);
        }
        try
        {
            final Instrument instrument = builder.build();
            out.defineInstrument(timestamp, correlationId, instrumentId, instrument);
            return RejectReason.NONE;
        }
        catch (final IllegalArgumentException ex)
        {
            instrumentProblem = ex.getMessage();
            return RejectReason.INVALID_INSTRUMENT;
        }
    }

    private static boolean isPrintable(final String text)
    {
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c <= ' ' || c > '~')
            {
                return false;
            }
        }
        return true;
    }

    private RejectReason owned(final ApiKey key, final long account, final int instrument)
    {
        final RejectReason range = ranges(account, instrument);
        if (range != RejectReason.NONE)
        {
            return range;
        }
        return key.owns(account) ? RejectReason.NONE : RejectReason.NOT_PERMITTED;
    }

    private RejectReason ranges(final long account, final int instrument)
    {
        accountId = account;
        instrumentId = instrument;
        if (account <= 0)
        {
            return RejectReason.VALUE_OUT_OF_RANGE;
        }
        return instrument == 0 || (instrument >= 1 && instrument <= Instrument.MAX_ID) ? RejectReason.NONE : RejectReason.VALUE_OUT_OF_RANGE;
    }

    private RejectReason admin(final ApiKey key, final int instrument)
    {
        instrumentId = instrument;
        if (!key.isAdmin())
        {
            return RejectReason.NOT_PERMITTED;
        }
        return instrument >= 1 && instrument <= Instrument.MAX_ID ? RejectReason.NONE : RejectReason.VALUE_OUT_OF_RANGE;
    }

    /** Root block length of each command at version 1 (the smallest acting block length accepted), -1 if not a command. */
    private static int minBlockLength(final int template)
    {
        switch (template)
        {
            case LogonDecoder.TEMPLATE_ID: return LogonDecoder.BLOCK_LENGTH;
            case LogoffDecoder.TEMPLATE_ID: return LogoffDecoder.BLOCK_LENGTH;
            case DepositDecoder.TEMPLATE_ID: return DepositDecoder.BLOCK_LENGTH;
            case WithdrawDecoder.TEMPLATE_ID: return WithdrawDecoder.BLOCK_LENGTH;
            case FillDecoder.TEMPLATE_ID: return FillDecoder.BLOCK_LENGTH;
            case AdjustIsolatedMarginDecoder.TEMPLATE_ID: return AdjustIsolatedMarginDecoder.BLOCK_LENGTH;
            case SetLeverageDecoder.TEMPLATE_ID: return SetLeverageDecoder.BLOCK_LENGTH;
            case SetMarginModeDecoder.TEMPLATE_ID: return SetMarginModeDecoder.BLOCK_LENGTH;
            case MarkPriceDecoder.TEMPLATE_ID: return MarkPriceDecoder.BLOCK_LENGTH;
            case FundingRateDecoder.TEMPLATE_ID: return FundingRateDecoder.BLOCK_LENGTH;
            case LiquidationFillDecoder.TEMPLATE_ID: return LiquidationFillDecoder.BLOCK_LENGTH;
            case PreTradeCheckDecoder.TEMPLATE_ID: return PreTradeCheckDecoder.BLOCK_LENGTH;
            case QueryAccountDecoder.TEMPLATE_ID: return QueryAccountDecoder.BLOCK_LENGTH;
            case SetLiquidatorDecoder.TEMPLATE_ID: return SetLiquidatorDecoder.BLOCK_LENGTH;
            case DefineInstrumentDecoder.TEMPLATE_ID: return DefineInstrumentDecoder.BLOCK_LENGTH;
            default: return -1;
        }
    }

    /** Length the frame must have given its header, groups and var-data lengths; -1 if they run past the frame. */
    private int expectedLength(final DirectBuffer buffer, final int offset, final int length)
    {
        final int limit = offset + length;
        int position = offset + HEADER + blockLength;
        if (templateId == LogonDecoder.TEMPLATE_ID)
        {
            position = skipVarData(buffer, position, limit);
            position = skipVarData(buffer, position, limit);
        }
        else if (templateId == DefineInstrumentDecoder.TEMPLATE_ID)
        {
            if (position + GROUP_HEADER > limit)
            {
                return -1;
            }
            final int entryLength = buffer.getShort(position, LITTLE_ENDIAN) & 0xFFFF;
            final int count = buffer.getShort(position + 2, LITTLE_ENDIAN) & 0xFFFF;
            if (entryLength < DefineInstrumentDecoder.TiersDecoder.sbeBlockLength())
            {
                return -1;
            }
            position += GROUP_HEADER + entryLength * count;
            position = position > limit ? -1 : skipVarData(buffer, position, limit);
        }
        return position < 0 ? -1 : position - offset;
    }

    private static int skipVarData(final DirectBuffer buffer, final int position, final int limit)
    {
        if (position < 0 || position + VAR_LENGTH_FIELD > limit)
        {
            return -1;
        }
        final long dataLength = buffer.getInt(position, LITTLE_ENDIAN) & 0xFFFF_FFFFL;
        final long end = position + VAR_LENGTH_FIELD + dataLength;
        return end > limit ? -1 : (int)end;
    }

    /** The fields of a logon, filled by {@link #readLogon}. */
    static final class LogonRequest
    {
        int responseStreamId;
        String responseChannel;
        String apiKey;
    }
}
