package com.perprisk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.command.RejectReason;

import java.util.ArrayList;
import java.util.List;

/**
 * The complete outcome of one scenario line: the commands it published and what the engine answered to each,
 * or the error that kept it from the engine.
 *
 * @param line     1-based line number.
 * @param cmd      scenario command name, null for an invalid line.
 * @param commands the commands published for the line, in order (empty for an invalid line).
 * @param frames   the engine's answer to each command, same order.
 * @param error    why the line is invalid, or null.
 */
public record LineOutcome(int line, String cmd, List<CommandEvent> commands, List<ResultFrame> frames, ScenarioError error)
{
    /** Status of a line whose (last) command was accepted. */
    public static final String ACCEPTED = "ACCEPTED";
    /** Status of a line whose (last) command was rejected. */
    public static final String REJECTED = "REJECTED";
    /** Status of a line that never reached the engine. */
    public static final String INVALID = "INVALID";

    /** @param error the parse error @return the outcome of an invalid line. */
    public static LineOutcome invalid(final ScenarioError error)
    {
        return new LineOutcome(error.line(), null, List.of(), List.of(), error);
    }

    /** @return ACCEPTED or REJECTED by the last command's result, or INVALID. */
    public String status()
    {
        if (error != null)
        {
            return INVALID;
        }
        return last().accepted() ? ACCEPTED : REJECTED;
    }

    /** @return reject reason code of the last command, {@code RejectReason.NONE} if accepted or invalid. */
    public int reason()
    {
        return error != null ? RejectReason.NONE : last().reason();
    }

    /** @return every event of every command of the line, in engine order. */
    public List<ObjectNode> events()
    {
        final List<ObjectNode> all = new ArrayList<>();
        for (final ResultFrame frame : frames)
        {
            all.addAll(frame.events());
        }
        return all;
    }

    /** @return the output line as JSON: {@code line, cmd, status, [reason], results, events} or {@code line, status, error}. */
    public ObjectNode toJson()
    {
        final ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("line", line);
        if (error != null)
        {
            n.put("status", INVALID);
            n.put("error", error.text());
            return n;
        }
        n.put("cmd", cmd);
        n.put("status", status());
        if (!last().accepted())
        {
            n.put("reason", RejectReason.name(last().reason()));
        }
        final ArrayNode results = n.putArray("results");
        frames.forEach(frame -> results.add(frame.result()));
        final ArrayNode events = n.putArray("events");
        events().forEach(events::add);
        return n;
    }

    private ResultFrame last()
    {
        return frames.get(frames.size() - 1);
    }
}
