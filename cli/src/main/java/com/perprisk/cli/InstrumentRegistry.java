package com.perprisk.cli;

import com.perprisk.engine.instrument.Instrument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The instruments the engine has accepted, as the runner's main thread knows them: resolves scenario symbols to
 * ids and gives display decimals. Only the main thread uses it; the engine's own registry is the truth and is
 * only ever read on the business-logic thread.
 */
public final class InstrumentRegistry
{
    private final Map<Integer, Instrument> byId = new LinkedHashMap<>();
    private final Map<String, Instrument> bySymbol = new LinkedHashMap<>();

    /** @param instrument an instrument the engine accepted. */
    public void register(final Instrument instrument)
    {
        byId.put(instrument.id(), instrument);
        bySymbol.put(instrument.symbol(), instrument);
    }

    /** @param id instrument id @return the instrument, or null. */
    public Instrument byId(final int id)
    {
        return byId.get(id);
    }

    /** @param symbol instrument symbol @return the instrument, or null. */
    public Instrument bySymbol(final String symbol)
    {
        return bySymbol.get(symbol);
    }

    /** @return symbols in definition order. */
    public List<String> symbols()
    {
        return new ArrayList<>(bySymbol.keySet());
    }

    /** @return instruments in definition order. */
    public List<Instrument> all()
    {
        return new ArrayList<>(byId.values());
    }
}
