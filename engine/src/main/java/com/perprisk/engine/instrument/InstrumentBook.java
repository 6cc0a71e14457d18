package com.perprisk.engine.instrument;

import com.perprisk.engine.state.StateImage;
import com.perprisk.engine.state.StateReader;
import com.perprisk.engine.state.StateWriter;

import java.util.HashMap;
import java.util.Map;

/**
 * The defined instruments and their market state: mark price, its time, and the cumulative funding
 * index. Indexed by instrument id in plain arrays; the symbol map is used only at the edges.
 *
 * <p>Threading: mutated only by the business-logic thread.
 */
public final class InstrumentBook
{
    private static final int SECTION = 0x54534E49;   // "INST"
    private static final int MIN_IMAGE_BYTES = 137;   // an instrument with a one-character symbol and one tier (113), its market state (24)

    private final Instrument[] byId = new Instrument[Instrument.MAX_ID + 1];
    private final long[] mark = new long[Instrument.MAX_ID + 1];
    private final long[] markTime = new long[Instrument.MAX_ID + 1];
    private final long[] fundingIndex = new long[Instrument.MAX_ID + 1];
    private final Map<String, Instrument> bySymbol = new HashMap<>();
    private int count;

    /** @param id instrument id (any int) @return the instrument or null */
    public Instrument get(final int id)
    {
        return id >= 1 && id <= Instrument.MAX_ID ? byId[id] : null;
    }

    /** @param symbol symbol @return the instrument or null (edge use only: hashes a String) */
    public Instrument bySymbol(final String symbol)
    {
        return bySymbol.get(symbol);
    }

    /** @param instrument a validated instrument whose id and symbol are not yet defined */
    public void add(final Instrument instrument)
    {
        byId[instrument.id()] = instrument;
        bySymbol.put(instrument.symbol(), instrument);
        count++;
    }

    /** @return number of instruments defined */
    public int count()
    {
        return count;
    }

    /** @param id instrument @return mark price (price scale), 0 before the first mark or fill */
    public long mark(final int id)
    {
        return mark[id];
    }

    /** @param id instrument @return time of the mark (ns since epoch) */
    public long markTime(final int id)
    {
        return markTime[id];
    }

    /** @param id instrument @param price mark @param time its time (ns) */
    public void mark(final int id, final long price, final long time)
    {
        mark[id] = price;
        markTime[id] = time;
    }

    /** @param id instrument @return cumulative funding index (funding index scale) */
    public long fundingIndex(final int id)
    {
        return fundingIndex[id];
    }

    /** @param id instrument @param index new cumulative funding index */
    public void fundingIndex(final int id, final long index)
    {
        fundingIndex[id] = index;
    }

    /**
     * Write the instruments (in id order) and their market state into an engine image.
     *
     * @param writer destination.
     */
    public void writeTo(final StateWriter writer)
    {
        StateImage.writeSection(writer, SECTION);
        writer.writeInt(count);
        for (int id = 1; id <= Instrument.MAX_ID; id++)
        {
            if (byId[id] != null)
            {
                InstrumentCodec.write(byId[id], writer);
                writer.writeLong(mark[id]);
                writer.writeLong(markTime[id]);
                writer.writeLong(fundingIndex[id]);
            }
        }
    }

    /**
     * Read what {@link #writeTo} wrote into this empty book; the symbol map is rebuilt.
     *
     * @param reader source.
     * @throws IllegalStateException if the book is not empty or the image is malformed.
     */
    public void readFrom(final StateReader reader)
    {
        StateImage.require(count == 0, "instruments can only be restored into an empty book");
        StateImage.readSection(reader, SECTION, "instrument book");
        final int n = StateImage.readCount(reader, MIN_IMAGE_BYTES, "instruments");
        int previousId = 0;
        for (int k = 0; k < n; k++)
        {
            final Instrument instrument = InstrumentCodec.read(reader);
            final int id = instrument.id();
            if (id <= previousId || bySymbol(instrument.symbol()) != null)
            {
                throw StateImage.malformed("instrument " + id + " " + instrument.symbol() + " out of order or defined twice");
            }
            add(instrument);
            mark[id] = reader.readLong();
            markTime[id] = reader.readLong();
            fundingIndex[id] = reader.readLong();
            previousId = id;
        }
    }
}
