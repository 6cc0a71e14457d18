package com.perprisk.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens scenario inputs with operator-friendly errors. */
final class ScenarioFiles
{
    /** File name meaning standard input. */
    static final String STDIN = "-";

    private ScenarioFiles()
    {
    }

    /**
     * @param file a scenario path, or {@code -} for standard input.
     * @return a UTF-8 reader.
     * @throws CliException (exit code 2) if the file is missing, a directory or unreadable.
     */
    static BufferedReader open(final Path file)
    {
        if (STDIN.equals(file.toString()))
        {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        if (!Files.exists(file))
        {
            throw new CliException(CliException.USAGE_OR_INPUT, "cannot read scenario " + file + ": no such file");
        }
        if (Files.isDirectory(file))
        {
            throw new CliException(CliException.USAGE_OR_INPUT, "cannot read scenario " + file + ": is a directory");
        }
        try
        {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        }
        catch (final IOException e)
        {
            throw new CliException(CliException.USAGE_OR_INPUT, "cannot read scenario " + file + ": " + e.getMessage());
        }
    }

    /**
     * @param resource classpath resource, e.g. {@code /scenarios/demo.jsonl}.
     * @return a UTF-8 reader.
     * @throws CliException if the resource is missing.
     */
    static BufferedReader openResource(final String resource)
    {
        final InputStream in = ScenarioFiles.class.getResourceAsStream(resource);
        if (in == null)
        {
            throw new CliException(CliException.USAGE_OR_INPUT, "bundled scenario " + resource + " is missing from the jar");
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /**
     * @param file     what was being read.
     * @param e        the failure.
     * @return the exception to throw (exit code 2).
     */
    static CliException readFailure(final Object file, final IOException e)
    {
        return new CliException(CliException.USAGE_OR_INPUT, "cannot read scenario " + file + ": " + e);
    }
}
