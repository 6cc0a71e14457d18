package com.perprisk.engine.state;

import com.perprisk.engine.EngineConfig;
import com.perprisk.engine.EngineFixture;
import com.perprisk.engine.LiquidationDetection;
import com.perprisk.engine.RandomCommandStream;
import com.perprisk.engine.RecordingListener;
import com.perprisk.engine.RiskEngine;
import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.fixed.FixedPoint;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Engine images: an engine restored from an image taken at any point of a random command stream behaves exactly like
 * the original from then on (same events in the same order, same checksum after every command), images are
 * canonical, and a damaged image or a contradicting config is refused.
 */
class EngineImageTest
{
    private static final int COMMANDS = 2000;

    /** An engine, the command stream that drives it and the events of its last command. */
    private static final class Run
    {
        final RiskEngine engine;
        final RecordingListener events = new RecordingListener();
        final RandomCommandStream stream;
        final CommandEvent command = new CommandEvent();
        long sequence;
        long[] candidate;

        Run(final EngineConfig config, final long seed, final int accounts)
        {
            engine = new RiskEngine(config);
            stream = new RandomCommandStream(seed, accounts);
            stream.setUp(command, null, c ->
            {
                c.sequence(sequence++);
                engine.apply(c, events);
            });
        }

        /** Apply the next command of the stream (liquidation fills follow this engine's last candidate). */
        CommandEvent step()
        {
            stream.next(command, candidate);
            command.sequence(sequence++);
            events.clear();
            engine.apply(command, events);
            candidate = events.hasCandidate ? events.lastCandidate.clone() : null;
            return command;
        }
    }

    @Provide
    Arbitrary<Long> alertRatios()
    {
        return Arbitraries.of(EngineConfig.MIN_MARGIN_ALERT_RATIO, 80_000_000L, FixedPoint.RATE_SCALE);
    }

    @Property(tries = 100)
    void aRestoredEngineBehavesExactlyLikeTheOriginal(
        @ForAll final long seed,
        @ForAll final LiquidationDetection detection,
        @ForAll("alertRatios") final long alertRatio,
        @ForAll @IntRange(min = 2, max = 40) final int accounts,
        @ForAll @IntRange(min = 0, max = COMMANDS) final int cut)
    {
        final Run original = new Run(new EngineConfig().detection(detection).marginAlertRatio(alertRatio), seed, accounts);
        for (int n = 0; n < cut; n++)
        {
            original.step();
        }

        final byte[] image = image(original.engine);
        // Tiny capacities: the restored books must size themselves from the image and grow like the original's.
        final EngineConfig small = new EngineConfig().detection(detection).marginAlertRatio(alertRatio).initialAccounts(1).initialPositions(1);
        final RiskEngine restored = RiskEngine.restore(small, reader(image, seed));
        assertEquals(original.engine.checksum(), restored.checksum());
        assertEquals(original.engine.lastSequence(), restored.lastSequence());
        assertEquals(original.engine.insuranceFund(), restored.insuranceFund());
        assertArrayEquals(image, image(restored), "the image of the restored engine is the same image");
        EngineFixture.assertOpenIsolatedMarginSums(restored);

        final RecordingListener restoredEvents = new RecordingListener();
        for (int n = cut; n < COMMANDS; n++)
        {
            final CommandEvent command = original.step();
            restoredEvents.clear();
            restored.apply(command, restoredEvents);
            assertEquals(original.events.events, restoredEvents.events, () -> "same events, same order, for " + command);
            assertEquals(original.engine.checksum(), restored.checksum(), () -> "same state after " + command);
        }
        assertArrayEquals(image(original.engine), image(restored), "the same image at the end of the stream");
    }

    @Test
    void anImageOfAnImageIsTheSameImage()
    {
        for (final LiquidationDetection detection : LiquidationDetection.values())
        {
            final Run run = new Run(new EngineConfig().detection(detection), 42, 30);
            for (int n = 0; n < 3 * COMMANDS; n++)
            {
                run.step();
            }
            assertTrue(run.engine.positions().count() > 0, "the stream opened positions");
            final byte[] image = image(run.engine);
            final RiskEngine restored = RiskEngine.restore(new EngineConfig().detection(detection), reader(image, 1));
            assertArrayEquals(image, image(restored));
            assertArrayEquals(image, image(RiskEngine.restore(new EngineConfig().detection(detection), reader(image(restored), 2))));
        }
    }

    @Test
    void anEmptyEngineRoundTripsAndThenBehavesLikeAFreshOne()
    {
        final RiskEngine empty = new RiskEngine(new EngineConfig());
        final byte[] image = image(empty);
        final RiskEngine restored = RiskEngine.restore(new EngineConfig(), reader(image, 0));
        assertEquals(empty.checksum(), restored.checksum());
        assertEquals(-1, restored.lastSequence());
        assertEquals(0, restored.instruments().count());
        assertEquals(0, restored.accounts().count());
        assertArrayEquals(image, image(restored));

        final Run fresh = new Run(new EngineConfig(), 7, 10);
        final RecordingListener restoredEvents = new RecordingListener();
        final CommandEvent setUp = new CommandEvent();
        final long[] sequence = {0};
        new RandomCommandStream(7, 10).setUp(setUp, null, c ->
        {
            c.sequence(sequence[0]++);
            restored.apply(c, restoredEvents);
        });
        assertEquals(fresh.engine.checksum(), restored.checksum());
        for (int n = 0; n < COMMANDS; n++)
        {
            final CommandEvent command = fresh.step();
            restoredEvents.clear();
            restored.apply(command, restoredEvents);
            assertEquals(fresh.events.events, restoredEvents.events, () -> "same events for " + command);
        }
        assertEquals(fresh.engine.checksum(), restored.checksum());
    }

    @Test
    void aDamagedImageIsRefusedWithAClearMessage()
    {
        final Run run = new Run(new EngineConfig(), 99, 12);
        for (int n = 0; n < COMMANDS; n++)
        {
            run.step();
        }
        final byte[] image = image(run.engine);

        for (int i = image.length - Long.BYTES; i < image.length; i++)
        {
            final byte[] flipped = image.clone();
            flipped[i] ^= 0x10;
            assertRefused(flipped, flipped.length, "checksum mismatch");
        }

        final byte[] magic = image.clone();
        magic[0] ^= 1;
        assertRefused(magic, magic.length, "not an engine image");

        final byte[] version = image.clone();
        version[4] = (byte)(RiskEngine.IMAGE_VERSION + 1);
        assertRefused(version, version.length, "engine image version " + (RiskEngine.IMAGE_VERSION + 1) + " is not supported");

        final int accounts = indexOf(image, "ACCT") + 8;   // after the section tag and the account count
        final byte[] collateral = image.clone();
        final int collateralOfFirstAccount = accounts + run.engine.accounts().count() * Long.BYTES;
        collateral[collateralOfFirstAccount] ^= 1;
        assertRefused(collateral, collateral.length, "checksum mismatch");

        final byte[] duplicateId = image.clone();
        System.arraycopy(image, accounts, duplicateId, accounts + Long.BYTES, Long.BYTES);
        assertRefused(duplicateId, duplicateId.length, "twice");

        final byte[] section = image.clone();
        section[indexOf(image, "PSNS")] = 'X';
        assertRefused(section, section.length, "expected the position book section");

        for (int length = 0; length < image.length; length++)
        {
            assertRefused(image, length, "image");
        }
    }

    @Test
    void anImageIsRefusedByAnEngineConfiguredDifferently()
    {
        final Run run = new Run(new EngineConfig().marginAlertRatio(80_000_000L), 5, 8);
        for (int n = 0; n < 500; n++)
        {
            run.step();
        }
        final byte[] image = image(run.engine);
        final IllegalStateException ratio = assertThrows(IllegalStateException.class,
            () -> RiskEngine.restore(new EngineConfig().marginAlertRatio(90_000_000L), reader(image, 0)));
        assertTrue(ratio.getMessage().contains("margin alert ratio 0.8, the config says 0.9"), ratio.getMessage());
        final IllegalStateException detection = assertThrows(IllegalStateException.class,
            () -> RiskEngine.restore(new EngineConfig().detection(LiquidationDetection.FULL_SCAN), reader(image, 0)));
        assertTrue(detection.getMessage().contains("detection INDEXED"), detection.getMessage());
        assertNotEquals(0, RiskEngine.restore(new EngineConfig().initialAccounts(3), reader(image, 0)).accounts().count(),
            "capacities may differ");
    }

    private static void assertRefused(final byte[] image, final int length, final String expected)
    {
        final IllegalStateException ex = assertThrows(IllegalStateException.class,
            () -> RiskEngine.restore(new EngineConfig(), new BufferStateReader(new UnsafeBuffer(image), 0, length)),
            () -> "image of " + length + " bytes, expected to be refused with: " + expected);
        assertTrue(ex.getMessage() != null && ex.getMessage().contains(expected), () -> "message '" + ex.getMessage() + "' names " + expected);
    }

    static byte[] image(final RiskEngine engine)
    {
        final BufferStateWriter writer = new BufferStateWriter(new ExpandableDirectByteBuffer(64));
        engine.writeState(writer);
        final byte[] bytes = new byte[writer.length()];
        writer.buffer().getBytes(0, bytes);
        return bytes;
    }

    /** The image in a heap buffer at an odd offset, or in a direct buffer, depending on {@code variant}. */
    private static StateReader reader(final byte[] image, final long variant)
    {
        final DirectBuffer buffer;
        final int offset;
        if ((variant & 1) == 0)
        {
            final byte[] padded = new byte[image.length + 10];
            System.arraycopy(image, 0, padded, 7, image.length);
            buffer = new UnsafeBuffer(padded);
            offset = 7;
        }
        else
        {
            final ByteBuffer direct = ByteBuffer.allocateDirect(image.length).order(ByteOrder.LITTLE_ENDIAN);
            direct.put(image).flip();
            buffer = new UnsafeBuffer(direct);
            offset = 0;
        }
        return new BufferStateReader(buffer, offset, image.length);
    }

    private static int indexOf(final byte[] image, final String tag)
    {
        outer:
        for (int i = 0; i + tag.length() <= image.length; i++)
        {
            for (int k = 0; k < tag.length(); k++)
            {
                if (image[i + k] != tag.charAt(k))
                {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("no section " + tag);
    }
}
