package com.perprisk.engine;

/** How a mark or funding tick finds the accounts to re-evaluate. */
public enum LiquidationDetection
{
    /**
     * Only positions whose trigger band was crossed, accounts in margin alert whose recovery key a mark crossed, and
     * accounts below maintenance (on every tick until liquidated): cost grows with what fires, not with holders.
     */
    INDEXED,
    /** Every holder of the instrument: the reference that INDEXED is proven against, and the baseline in benchmarks. */
    FULL_SCAN
}
