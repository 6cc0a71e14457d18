package com.perprisk.client;

import com.perprisk.protocol.sbe.RejectReason;
import com.perprisk.protocol.sbe.Role;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Exact formatting of raw fixed-point values, and enum lookups that survive codes from a newer schema. */
final class DecimalsAndCodesTest
{
    @Test
    void formatsExactlyAndTruncatesTowardsZero()
    {
        assertEquals("42000.5", Decimals.format(4_200_050_000_000L, Decimals.PRICE, 1));
        assertEquals("-0.050", Decimals.format(-5_000_000L, Decimals.SIZE, 3));
        assertEquals("9989.49", Decimals.format(9_989_499_999L, Decimals.QUOTE, 2));
        assertEquals("12", Decimals.format(12_999_999L, Decimals.QUOTE, 0));
        assertEquals("80.00%", Decimals.percent(80_000_000L));
        assertEquals("inf", Decimals.percent(Long.MAX_VALUE));
    }

    @Test
    void unknownCodesMapToNullInsteadOfThrowing()
    {
        assertEquals(RejectReason.NOT_PERMITTED, Codes.reason(101));
        assertEquals(RejectReason.NULL_VAL, Codes.reason(999));
        assertEquals(RejectReason.NULL_VAL, Codes.reason(-1));
        assertEquals(Role.LIQUIDATOR, Codes.role((short)2));
        assertEquals(Role.NULL_VAL, Codes.role((short)77));
    }
}
