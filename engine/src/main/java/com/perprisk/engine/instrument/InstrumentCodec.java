package com.perprisk.engine.instrument;

import com.perprisk.engine.state.StateReader;
import com.perprisk.engine.state.StateWriter;

/**
 * Binary form of an {@link Instrument}: the builder's inputs with every derived tier value resolved (each tier's
 * maintenance rate and amount are written explicitly), so reading rebuilds, through {@link Instrument.Builder}, an
 * instrument equal in every observable value. Layout, little-endian: id (short), symbol (length byte + ASCII),
 * price decimals (byte), size decimals (byte), tier count (unsigned byte), per tier floor (long), max leverage
 * (short), maintenance rate (long), maintenance amount (long); then ten longs: liquidation fee, taker fee, funding
 * clamp, funding interest, funding premium band, max price, max position size, price band, oracle staleness (ns),
 * oracle max confidence. 86 + symbol length + 26 per tier bytes. The layout is part of the engine image version.
 *
 * <p>Threading: stateless; instruments are immutable.
 */
public final class InstrumentCodec
{
    private InstrumentCodec()
    {
    }

    /**
     * @param instrument instrument to write.
     * @param writer     destination.
     */
    public static void write(final Instrument instrument, final StateWriter writer)
    {
        writer.writeShort((short)instrument.id());
        writer.writeAscii(instrument.symbol());
        writer.writeByte((byte)instrument.priceDecimals());
        writer.writeByte((byte)instrument.sizeDecimals());
        final int tiers = instrument.tierCount();
        writer.writeByte((byte)tiers);
        for (int i = 0; i < tiers; i++)
        {
            writer.writeLong(instrument.tierFloor(i));
            writer.writeShort((short)instrument.tierMaxLeverage(i));
            writer.writeLong(instrument.tierMaintenanceRate(i));
            writer.writeLong(instrument.tierMaintenanceAmount(i));
        }
        writer.writeLong(instrument.liquidationFeeRate());
        writer.writeLong(instrument.takerFeeRate());
        writer.writeLong(instrument.fundingClampRate());
        writer.writeLong(instrument.fundingInterestRate());
        writer.writeLong(instrument.fundingPremiumBand());
        writer.writeLong(instrument.maxPrice());
        writer.writeLong(instrument.maxPositionSize());
        writer.writeLong(instrument.priceBandRate());
        writer.writeLong(instrument.oracleStalenessNanos());
        writer.writeLong(instrument.oracleMaxConfidenceRate());
    }

    /**
     * @param reader source positioned at an instrument written by {@link #write}.
     * @return the instrument, validated by its builder.
     * @throws IllegalStateException if the bytes do not describe a valid instrument (or end too early).
     */
    public static Instrument read(final StateReader reader)
    {
        final int id = reader.readShort();
        final String symbol = reader.readAscii();
        final Instrument.Builder builder = Instrument.builder(id, symbol)
            .priceDecimals(reader.readByte())
            .sizeDecimals(reader.readByte());
        final int tiers = reader.readByte() & 0xFF;
        for (int i = 0; i < tiers; i++)
        {
            builder.tier(reader.readLong(), reader.readShort(), reader.readLong(), reader.readLong());
        }
        builder
            .liquidationFeeRate(reader.readLong())
            .takerFeeRate(reader.readLong())
            .fundingClampRate(reader.readLong())
            .fundingInterestRate(reader.readLong())
            .fundingPremiumBand(reader.readLong())
            .maxPrice(reader.readLong())
            .maxPositionSize(reader.readLong())
            .priceBandRate(reader.readLong())
            .oracleStalenessNanos(reader.readLong())
            .oracleMaxConfidenceRate(reader.readLong());
        try
        {
            return builder.build();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalStateException("malformed instrument image (id " + id + ", " + symbol + "): " + ex.getMessage(), ex);
        }
    }
}
