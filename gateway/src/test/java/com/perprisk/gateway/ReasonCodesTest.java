package com.perprisk.gateway;

import com.perprisk.engine.command.CommandType;
import com.perprisk.engine.command.RejectReason;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schema's reason codes and command templates agree with the engine's (the wire carries the engine's codes). */
final class ReasonCodesTest
{
    @Test
    void everyEngineReasonIsInTheSchemaWithTheSameCode() throws IllegalAccessException
    {
        int count = 0;
        for (final Field field : RejectReason.class.getFields())
        {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class)
            {
                final int code = field.getInt(null);
                assertEquals(field.getName(), com.perprisk.protocol.sbe.RejectReason.get(code).name());
                assertEquals(field.getName(), RejectReason.name(code));
                count++;
            }
        }
        assertTrue(count >= 28, "engine reasons found: " + count);
    }

    @Test
    void everyEngineCommandHasATemplate()
    {
        for (byte type = CommandType.DEFINE_INSTRUMENT; type <= CommandType.SET_LIQUIDATOR; type++)
        {
            assertNotEquals(0, CommandTemplates.templateOf(type), CommandType.name(type));
        }
        assertEquals(0, CommandTemplates.templateOf((byte)99));
    }
}
