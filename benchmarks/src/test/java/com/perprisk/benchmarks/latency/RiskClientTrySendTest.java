package com.perprisk.benchmarks.latency;

import com.perprisk.client.ClientConfig;
import com.perprisk.client.RiskClient;
import com.perprisk.protocol.sbe.FillDecoder;
import com.perprisk.protocol.sbe.MessageHeaderDecoder;
import com.perprisk.protocol.sbe.PreTradeCheckDecoder;
import io.aeron.Aeron;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client's try-sends, which the open-loop sender relies on: against a command stream nobody drains, they fill the
 * publication's window and then answer BACK_PRESSURED at once, using no correlation id; once drained, the next one goes
 * out with the id the refused one would have had, so ids stay contiguous.
 */
final class RiskClientTrySendTest
{
    private static final int STREAM = 4242;

    @Test
    void aBackPressuredTrySendUsesNoCorrelationId()
    {
        try (MediaDriver driver = MediaDriver.launchEmbedded(new MediaDriver.Context()
                .threadingMode(ThreadingMode.SHARED).sharedIdleStrategy(new BackoffIdleStrategy())
                .dirDeleteOnStart(true).dirDeleteOnShutdown(true).ipcTermBufferLength(64 * 1024));
            Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
            Subscription gatewaySide = aeron.addSubscription("aeron:ipc", STREAM);
            RiskClient client = RiskClient.connect(new ClientConfig().aeronDirectoryName(driver.aeronDirectoryName())
                .commandStreamId(STREAM).responseStreamId(STREAM + 1), aeron))
        {
            long result = RiskClient.NOT_CONNECTED;
            for (int i = 0; i < 10_000_000 && result == RiskClient.NOT_CONNECTED; i++)
            {
                result = client.tryPreTradeCheck(1, 1, 100, 4_200);
            }
            assertEquals(1, result, "the first command once the stream is connected");
            long sent = 1;
            while ((result = (sent & 1) == 0 ? client.tryPreTradeCheck(1, 1, 100, 4_200) : client.tryFill(1, 1, 100, 4_200, 0)) > 0)
            {
                assertEquals(++sent, result);
                assertTrue(sent < 100_000, "a 64 KiB term must fill up");
            }
            assertEquals(RiskClient.BACK_PRESSURED, result);
            assertEquals(sent + 1, client.nextCorrelationId(), "the refused send used no id");
            assertEquals(RiskClient.BACK_PRESSURED, client.tryFill(1, 1, 100, 4_200, 0));
            assertEquals(sent + 1, client.nextCorrelationId());

            final List<Long> received = new ArrayList<>();
            final MessageHeaderDecoder header = new MessageHeaderDecoder();
            final PreTradeCheckDecoder check = new PreTradeCheckDecoder();
            final FillDecoder fill = new FillDecoder();
            final io.aeron.logbuffer.FragmentHandler handler = (buffer, offset, length, h) ->
            {
                header.wrap(buffer, offset);
                if (header.templateId() == PreTradeCheckDecoder.TEMPLATE_ID)
                {
                    received.add(check.wrapAndApplyHeader(buffer, offset, header).correlationId());
                }
                else
                {
                    received.add(fill.wrapAndApplyHeader(buffer, offset, header).correlationId());
                }
            };
            while (received.size() < sent)
            {
                gatewaySide.poll(handler, 100);
            }
            for (int i = 0; i < received.size(); i++)
            {
                assertEquals(i + 1, received.get(i), "ids arrive contiguous, in order");
            }
            long next = RiskClient.BACK_PRESSURED;
            for (int i = 0; i < 10_000_000 && next == RiskClient.BACK_PRESSURED; i++)
            {
                next = client.tryPreTradeCheck(1, 1, 100, 4_200);
            }
            assertEquals(sent + 1, next, "after draining, the next command gets the id the refused one would have had");
        }
    }
}
