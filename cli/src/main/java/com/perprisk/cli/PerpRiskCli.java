package com.perprisk.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

/** {@code perp-risk}: the operator command line of the perpetual-futures risk engine. */
@Command(
    name = "perp-risk",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Operator tools for the perpetual-futures risk engine: replay JSON Lines scenarios through the real " +
            "pipeline, inspect an account's positions and margin, watch the demo, run the engine behind its Aeron gateway, " +
            "or inspect and replay its journal."},
    subcommands = {ScenarioCommand.class, QueryCommand.class, DemoCommand.class, RunCommand.class, LatencyCommand.class,
        JournalCommand.class, ReplayCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Run 'perp-risk COMMAND --help' for a command's options.",
        "Exit codes: 0 success, 1 failed query, 2 usage error or unreadable input."})
public final class PerpRiskCli implements Runnable
{
    @Spec
    CommandSpec spec;

    @Override
    public void run()
    {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /** @return the configured command line (for main and for tests, which may set out and err). */
    public static CommandLine commandLine()
    {
        final CommandLine cli = new CommandLine(new PerpRiskCli());
        cli.setExecutionExceptionHandler(PerpRiskCli::handle);
        return cli;
    }

    /**
     * @param args command-line arguments.
     * @return the process exit code.
     */
    public static int execute(final String... args)
    {
        return commandLine().execute(args);
    }

    /** @param args command-line arguments. */
    public static void main(final String... args)
    {
        quietChronicle();
        System.exit(execute(args));
    }

    /** No analytics and no disk-monitor thread from Chronicle Queue (a thread we cannot afford on small machines), unless set. */
    static void quietChronicle()
    {
        for (final String property : new String[] {"chronicle.analytics.disable", "chronicle.disk.monitor.disable"})
        {
            if (System.getProperty(property) == null)
            {
                System.setProperty(property, "true");
            }
        }
    }

    private static int handle(final Exception e, final CommandLine cli, final CommandLine.ParseResult parseResult)
    {
        final PrintWriter err = cli.getErr();
        if (e instanceof CliException)
        {
            err.println("perp-risk " + cli.getCommandName() + ": " + e.getMessage());
            err.flush();
            return ((CliException)e).exitCode();
        }
        err.println("perp-risk " + cli.getCommandName() + ": internal error: " + e);
        e.printStackTrace(err);
        err.flush();
        return 1;
    }
}
