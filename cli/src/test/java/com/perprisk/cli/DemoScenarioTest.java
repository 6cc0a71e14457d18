package com.perprisk.cli;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled demo scenario must be valid against the bundled instruments and cover the story it tells. */
class DemoScenarioTest
{
    @Test
    void everyDemoLineParses() throws IOException
    {
        final InstrumentRegistry registry = new InstrumentRegistry();
        InstrumentConfigLoader.loadResource(InstrumentConfigLoader.DEMO_RESOURCE).forEach(registry::register);
        final ScenarioLineParser parser = new ScenarioLineParser(registry);
        final List<String> commands = new ArrayList<>();
        try (BufferedReader reader = ScenarioFiles.openResource(DemoCommand.SCENARIO_RESOURCE))
        {
            int line = 0;
            long lastTs = -1;
            for (String text = reader.readLine(); text != null; text = reader.readLine())
            {
                final ParsedLine parsed = parser.parse(++line, text);
                assertTrue(!(parsed instanceof ScenarioError), () -> ((ScenarioError)parsed).text());
                if (parsed instanceof ParsedLine.Commands)
                {
                    commands.add(((ParsedLine.Commands)parsed).cmd());
                    assertTrue(parser.lastTimestampMillis() > lastTs, "time moves forward at line " + line);
                    lastTs = parser.lastTimestampMillis();
                }
            }
        }
        for (final String cmd : new String[] {"deposit", "withdraw", "fill", "margin", "leverage", "mode", "mark", "funding",
            "liquidation", "pretrade", "query", "liquidator"})
        {
            assertTrue(commands.contains(cmd), "demo uses " + cmd);
        }
        assertEquals(2, commands.stream().filter("pretrade"::equals).count());
        assertEquals(2, commands.stream().filter("liquidation"::equals).count());
    }
}
