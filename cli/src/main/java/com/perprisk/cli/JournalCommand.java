package com.perprisk.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code perp-risk journal}: inspect, verify and snapshot a journal folder. */
@Command(
    name = "journal",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Inspect, verify and snapshot a journal folder (safe while the engine runs).",
    description = {
        "A journal folder holds a Chronicle Queue of every input (queue/) and snapshots of the engine state (snapshots/).",
        "Chronicle's own reader works on it too: see the README."},
    subcommands = {JournalDumpCommand.class, JournalVerifyCommand.class, JournalSnapshotCommand.class, JournalGenerateCommand.class,
        JournalReplayRateCommand.class,
        CommandLine.HelpCommand.class})
public final class JournalCommand implements Runnable
{
    @Spec
    CommandSpec spec;

    @Override
    public void run()
    {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand: dump, verify or snapshot");
    }
}
