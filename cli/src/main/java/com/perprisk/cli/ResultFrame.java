package com.perprisk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.perprisk.engine.command.RejectReason;

import java.util.List;

/**
 * Everything the engine produced for one published command, copied off the business-logic thread: the result
 * and the events before it, already as JSON.
 *
 * @param commandType command code, see {@code CommandType}.
 * @param reason      reject reason code, {@code RejectReason.NONE} when accepted.
 * @param result      the result as JSON ({@code command}, {@code reason}, ...).
 * @param events      the events in engine order, as JSON objects with a {@code type} field.
 */
public record ResultFrame(byte commandType, int reason, ObjectNode result, List<ObjectNode> events)
{
    /** @return true when the engine accepted the command. */
    public boolean accepted()
    {
        return reason == RejectReason.NONE;
    }
}
