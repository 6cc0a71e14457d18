package com.perprisk.engine.state;

import com.perprisk.engine.EngineFixture;
import com.perprisk.engine.RandomCommandStream;
import com.perprisk.engine.fixed.FixedPoint;
import com.perprisk.engine.instrument.Instrument;
import com.perprisk.engine.instrument.InstrumentCodec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static com.perprisk.engine.EngineFixture.price;
import static com.perprisk.engine.EngineFixture.quote;
import static com.perprisk.engine.EngineFixture.rate;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstrumentCodecTest
{
    @Test
    void demoInstrumentsRoundTrip()
    {
        final List<Instrument> demo = new ArrayList<>(Arrays.asList(RandomCommandStream.instruments()));
        demo.add(EngineFixture.binanceBtc(7));
        demo.add(EngineFixture.binanceEth(8));
        demo.add(EngineFixture.singleTier(9, "DYDX-EX", 20, "0.03"));
        demo.add(Instrument.builder(4095, "ORACLE").priceDecimals(8).sizeDecimals(0)
            .tier(0, 10, Instrument.DERIVED, Instrument.DERIVED)
            .priceBandRate(rate("0.05")).oracleStalenessNanos(5_000_000_000L).oracleMaxConfidenceRate(rate("0.01"))
            .fundingInterestRate(rate("0.0003")).fundingPremiumBand(rate("0.001")).maxPositionSize(12345)
            .maxPrice(price("500")).build());
        for (final Instrument instrument : demo)
        {
            assertRoundTrip(instrument);
        }
    }

    @Property(tries = 500)
    void randomInstrumentsRoundTrip(@ForAll final long seed)
    {
        assertRoundTrip(randomInstrument(new Random(seed)));
    }

    @Test
    void encodingIsCompact()
    {
        final Instrument btc = EngineFixture.binanceBtc(1);
        assertEquals(86 + "BTCUSDT".length() + 26 * btc.tierCount(), encode(btc).length);
    }

    @Test
    void bytesThatDescribeNoValidInstrumentAreRefused()
    {
        final byte[] bytes = encode(EngineFixture.singleTier(3, "SOL", 20, "0.03"));
        final int leverageOffset = 2 + 1 + 3 + 2 + 1 + 8;   // id, symbol, decimals, tier count, floor
        bytes[leverageOffset] = 0;   // leverage 0
        final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> decode(bytes, bytes.length));
        assertTrue(ex.getMessage().contains("malformed instrument image") && ex.getMessage().contains("max leverage"), ex.getMessage());

        final byte[] good = encode(EngineFixture.singleTier(3, "SOL", 20, "0.03"));
        for (int length = 0; length < good.length; length++)
        {
            final int truncated = length;
            assertThrows(IllegalStateException.class, () -> decode(good, truncated), "truncated at " + truncated);
        }
    }

    @Test
    void symbolsAndTierCountsTheBinaryFormCannotHoldAreRefusedByTheBuilder()
    {
        assertThrows(IllegalArgumentException.class,
            () -> Instrument.builder(1, "S".repeat(256)).tier(0, 10, Instrument.DERIVED, Instrument.DERIVED).build());
        assertThrows(IllegalArgumentException.class,
            () -> Instrument.builder(1, "BTC-€").tier(0, 10, Instrument.DERIVED, Instrument.DERIVED).build());
        final Instrument.Builder many = Instrument.builder(1, "MANY");
        for (int i = 0; i <= Instrument.MAX_TIERS; i++)
        {
            many.tier(i * 1000L, 1, Instrument.DERIVED, Instrument.DERIVED);
        }
        assertThrows(IllegalArgumentException.class, many::build);
    }

    private static void assertRoundTrip(final Instrument original)
    {
        final byte[] bytes = encode(original);
        final Instrument copy = decode(bytes, bytes.length);
        assertSameInstrument(original, copy);
        assertArrayEquals(bytes, encode(copy), "re-encoding gives the same bytes");
    }

    static byte[] encode(final Instrument instrument)
    {
        final BufferStateWriter writer = new BufferStateWriter(new ExpandableArrayBuffer(32));
        InstrumentCodec.write(instrument, writer);
        final byte[] bytes = new byte[writer.length()];
        writer.buffer().getBytes(0, bytes);
        return bytes;
    }

    private static Instrument decode(final byte[] bytes, final int length)
    {
        final BufferStateReader reader = new BufferStateReader(new org.agrona.concurrent.UnsafeBuffer(bytes), 0, length);
        final Instrument instrument = InstrumentCodec.read(reader);
        assertEquals(0, reader.remaining(), "the whole encoding is read");
        return instrument;
    }

    /** Every observable value, including the derived ones. */
    static void assertSameInstrument(final Instrument expected, final Instrument actual)
    {
        assertEquals(expected.id(), actual.id());
        assertEquals(expected.symbol(), actual.symbol());
        assertEquals(expected.priceDecimals(), actual.priceDecimals());
        assertEquals(expected.sizeDecimals(), actual.sizeDecimals());
        assertEquals(expected.tickSize(), actual.tickSize());
        assertEquals(expected.lotSize(), actual.lotSize());
        assertEquals(expected.tierCount(), actual.tierCount());
        for (int i = 0; i < expected.tierCount(); i++)
        {
            assertEquals(expected.tierFloor(i), actual.tierFloor(i), "floor of tier " + i);
            assertEquals(expected.tierMaxLeverage(i), actual.tierMaxLeverage(i), "leverage of tier " + i);
            assertEquals(expected.tierMaintenanceRate(i), actual.tierMaintenanceRate(i), "mmr of tier " + i);
            assertEquals(expected.tierMaintenanceAmount(i), actual.tierMaintenanceAmount(i), "amount of tier " + i);
        }
        assertEquals(expected.maxLeverage(), actual.maxLeverage());
        assertEquals(expected.liquidationFeeRate(), actual.liquidationFeeRate());
        assertEquals(expected.takerFeeRate(), actual.takerFeeRate());
        assertEquals(expected.fundingClampRate(), actual.fundingClampRate());
        assertEquals(expected.fundingInterestRate(), actual.fundingInterestRate());
        assertEquals(expected.fundingPremiumBand(), actual.fundingPremiumBand());
        assertEquals(expected.maxPrice(), actual.maxPrice());
        assertEquals(expected.maxPositionSize(), actual.maxPositionSize());
        assertEquals(expected.priceBandRate(), actual.priceBandRate());
        assertEquals(expected.oracleStalenessNanos(), actual.oracleStalenessNanos());
        assertEquals(expected.oracleMaxConfidenceRate(), actual.oracleMaxConfidenceRate());
        assertEquals(expected.maxFundingIndex(), actual.maxFundingIndex());
        assertEquals(expected.maxMaintenanceRate(), actual.maxMaintenanceRate());
        assertEquals(expected.maintenanceJumpTotal(), actual.maintenanceJumpTotal());
        assertArrayEquals(expected.tierFloors(), actual.tierFloors());
        assertEquals(expected.toString(), actual.toString());
    }

    /**
     * A valid instrument with random decimals, limits, rates and oracle settings, and 1 to 8 tiers whose maintenance
     * rates and amounts are each derived or explicit (explicit amounts make discontinuous tiers).
     */
    static Instrument randomInstrument(final Random random)
    {
        final StringBuilder symbol = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(20); i < n; i++)
        {
            symbol.append((char)(33 + random.nextInt(94)));
        }
        final Instrument.Builder builder = Instrument.builder(1 + random.nextInt(Instrument.MAX_ID), symbol.toString())
            .priceDecimals(random.nextInt(FixedPoint.PRICE_DECIMALS + 1))
            .sizeDecimals(random.nextInt(FixedPoint.SIZE_DECIMALS + 1))
            .liquidationFeeRate(randomRate(random))
            .takerFeeRate(randomRate(random))
            .fundingClampRate(randomRate(random))
            .fundingInterestRate(randomRate(random))
            .fundingPremiumBand(randomRate(random))
            .priceBandRate(random.nextBoolean() ? 0 : randomRate(random))
            .oracleStalenessNanos(random.nextBoolean() ? 0 : random.nextLong() & Long.MAX_VALUE)
            .oracleMaxConfidenceRate(random.nextBoolean() ? 0 : randomRate(random))
            .maxPrice(1 + (random.nextLong() & Long.MAX_VALUE) % FixedPoint.MAX_PRICE);
        int leverage = 1 + random.nextInt(1000);
        long floor = 0;
        long previousMmr = 0;
        for (int i = 0, tiers = 1 + random.nextInt(8); i < tiers; i++)
        {
            final long initialRate = Math.min(FixedPoint.RATE_SCALE - 1, ceilDiv(FixedPoint.RATE_SCALE, leverage));
            final long derivedMmr = ceilDiv(FixedPoint.RATE_SCALE, 2L * leverage);
            final long mmr;
            if (derivedMmr >= previousMmr && random.nextBoolean())
            {
                mmr = Instrument.DERIVED;
                previousMmr = derivedMmr;
            }
            else
            {
                final long low = Math.max(1, previousMmr);
                mmr = low + (long)(random.nextDouble() * (initialRate - low));
                previousMmr = mmr;
            }
            final long amount = i == 0 || random.nextBoolean() ? Instrument.DERIVED : (random.nextLong() & Long.MAX_VALUE) % quote("1000000");
            builder.tier(floor, leverage, mmr, amount);
            floor += 1 + (random.nextLong() & Long.MAX_VALUE) % quote("10000000");
            leverage = Math.max(1, leverage - random.nextInt(leverage));
        }
        final long sizeCap = builder.build().maxPositionSize();
        if (random.nextBoolean())
        {
            builder.maxPositionSize(1 + (random.nextLong() & Long.MAX_VALUE) % sizeCap);
        }
        return builder.build();
    }

    private static long randomRate(final Random random)
    {
        return random.nextInt((int)FixedPoint.RATE_SCALE);
    }

    private static long ceilDiv(final long a, final long b)
    {
        return (a + b - 1) / b;
    }
}
