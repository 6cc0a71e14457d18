package com.perprisk.cli;

import com.perprisk.engine.instrument.Instrument;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/** The {@code --instruments} option shared by the scenario and query subcommands (a picocli mixin). */
public final class InstrumentOptions
{
    @Option(names = "--instruments", paramLabel = "CONFIG.json",
        description = "Instrument definitions to load before the scenario: a JSON array of instrument objects, or an " +
            "object with an \"instruments\" array (format in docs/SCENARIO-FORMAT.md). " +
            "Default: the bundled demo instruments BTC-PERP (id 1), ETH-PERP (id 2) and SOL-PERP (id 3).")
    Path config;

    /**
     * @return the configured instruments, or the bundled demo ones.
     * @throws CliException (exit code 2) if the config cannot be read or is invalid.
     */
    public List<Instrument> load()
    {
        return config == null ? InstrumentConfigLoader.loadResource(InstrumentConfigLoader.DEMO_RESOURCE) : InstrumentConfigLoader.load(config);
    }
}
