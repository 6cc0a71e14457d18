package com.perprisk.journal;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleReplayProgressTest
{
    @Test
    void theProgressLineSaysDoneOfTotalRateAndTimeLeft()
    {
        assertEquals("replay 1,200,000 / 5,000,000 events (24%), 1.20 M events/s, 3 s left",
            ConsoleReplayProgress.describe(1_200_000, 5_000_000, 1_000_000_000L));
        assertEquals("replay 0 / 10 events (0%), 0 events/s, time left unknown", ConsoleReplayProgress.describe(0, 10, 5));
    }

    @Test
    void aTerminalGetsOneSelfOverwritingLineAndAFinalSummary()
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final ConsoleReplayProgress progress = new ConsoleReplayProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        progress.update(65_536, 131_072, 10_000_000L);
        progress.finish(131_072, 20_000_000L);
        final String shown = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(shown.startsWith("\rreplay 65,536 / 131,072 events (50%)"), shown);
        assertTrue(shown.contains("\rreplayed 131,072 events in 0.02 s (6.55 M events/s)"), shown);
        assertTrue(shown.endsWith("\n"), shown);
    }
}
