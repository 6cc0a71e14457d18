package com.perprisk.cli;

import com.perprisk.engine.command.CommandEvent;

import java.util.List;

/** What {@link ScenarioLineParser} made of one scenario line: nothing, engine commands, or an error. */
public sealed interface ParsedLine permits ParsedLine.Skip, ParsedLine.Commands, ScenarioError
{
    /** @return 1-based line number in the scenario. */
    int line();

    /**
     * A blank line or a comment ({@code #} or {@code //}).
     *
     * @param line    line number.
     * @param comment comment text without its marker, empty for a blank line.
     */
    record Skip(int line, String comment) implements ParsedLine
    {
    }

    /**
     * A valid line: the engine commands to publish for it, in order (one, or two for a {@code funding} line with a
     * {@code mark}). Each event is a fresh, filled template owned by the caller.
     *
     * @param line     line number.
     * @param cmd      scenario command name, e.g. {@code fill}.
     * @param commands commands to publish.
     */
    record Commands(int line, String cmd, List<CommandEvent> commands) implements ParsedLine
    {
        /** @param line line number @param cmd command name @param commands commands to publish */
        public Commands
        {
            commands = List.copyOf(commands);
        }
    }
}
