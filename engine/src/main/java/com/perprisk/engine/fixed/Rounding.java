package com.perprisk.engine.fixed;

/**
 * Explicit rounding direction for every fixed-point division. Requirements round up ({@link #CEILING}),
 * payouts round down ({@link #FLOOR}).
 */
public enum Rounding
{
    /** Toward negative infinity: the result is the largest integer not greater than the exact quotient. */
    FLOOR,
    /** Toward positive infinity: the result is the smallest integer not less than the exact quotient. */
    CEILING
}
