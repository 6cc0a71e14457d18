package com.perprisk.benchmarks.latency;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

final class UnitsTest
{
    @Test
    void ratesAndDurationsAsOperatorsWriteThem()
    {
        assertArrayEquals(new long[] {2_000, 50_000, 1_500_000, 3_000_000}, Units.parseRates("2000, 50k,1.5M,3m"));
        assertEquals(500_000_000L, Units.parseDuration("500ms"));
        assertEquals(5_000_000_000L, Units.parseDuration("5"));
        assertEquals(2_500_000_000L, Units.parseDuration("2.5s"));
        assertEquals("10k", Units.rate(10_000));
        assertEquals("1.5M", Units.rate(1_500_000));
        assertEquals("750", Units.rate(750));
        assertEquals("1250k", Units.rate(1_250_000));
        assertEquals("100.0k", Units.measuredRate(99_997));
        assertEquals("1.00M", Units.measuredRate(999_600));
        assertEquals("1.23M", Units.measuredRate(1_234_567));
        assertEquals("950", Units.measuredRate(950.2));
        assertEquals("0.62", Units.micros(620));
        assertEquals("12.3", Units.micros(12_345));
        assertEquals("1235", Units.micros(1_234_567));
    }

    @Test
    void badValuesAreRefusedWithTheReason()
    {
        assertEquals("rates must increase: 5k after 10k",
            assertThrows(IllegalArgumentException.class, () -> Units.parseRates("10k,5k")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Units.parseRate("fast"));
        assertThrows(IllegalArgumentException.class, () -> Units.parseRate("0"));
        assertThrows(IllegalArgumentException.class, () -> Units.parseRate("1.5"));
        assertThrows(IllegalArgumentException.class, () -> Units.parseRates("10k,"));
        assertThrows(IllegalArgumentException.class, () -> Units.parseDuration("-1s"));
        assertThrows(IllegalArgumentException.class, () -> Units.parseDuration("soon"));
    }
}
