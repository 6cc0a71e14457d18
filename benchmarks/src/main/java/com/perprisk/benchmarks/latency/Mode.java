package com.perprisk.benchmarks.latency;

/** What a set of steps measures: the bare Aeron round trip (the transport floor) or the engine, journal off or on. */
public enum Mode
{
    /** Bare Aeron ping-pong: publication, echo thread, publication back. */
    AERON("aeron", "bare Aeron ping-pong"),
    /** Client, gateway, business-logic thread, gateway, client; no journal. */
    ENGINE("engine", "engine, journal off"),
    /** The same with the Chronicle journal stage before the business logic (page-cache durability). */
    ENGINE_JOURNAL("engine-journal", "engine, journal on");

    private final String fileName;
    private final String title;

    Mode(final String fileName, final String title)
    {
        this.fileName = fileName;
        this.title = title;
    }

    /** @return the name used in file names */
    public String fileName()
    {
        return fileName;
    }

    /** @return a human title */
    public String title()
    {
        return title;
    }

    /** @return true for an engine mode */
    public boolean isEngine()
    {
        return this != AERON;
    }
}
