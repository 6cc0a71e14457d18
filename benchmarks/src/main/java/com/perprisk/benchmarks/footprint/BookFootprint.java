package com.perprisk.benchmarks.footprint;

import org.openjdk.jol.info.GraphLayout;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap bytes of one engine structure, field by field, as JOL measures the object graph each field reaches
 * (array headers, alignment and a hash map's empty slots included).
 *
 * <p>Threading: built and read on one thread, with the structure not changing meanwhile.
 */
public final class BookFootprint
{
    /** One field of the structure and the bytes its graph holds. */
    public record Part(String field, long bytes)
    {
    }

    private final String name;
    private final List<Part> parts = new ArrayList<>();
    private final long total;

    private BookFootprint(final String name, final long total)
    {
        this.name = name;
        this.total = total;
    }

    /**
     * @param name      what the structure is, for the report.
     * @param structure the object to measure.
     * @return its footprint, one part per instance field (static fields excluded).
     */
    public static BookFootprint of(final String name, final Object structure)
    {
        final BookFootprint footprint = new BookFootprint(name, GraphLayout.parseInstance(structure).totalSize());
        for (final Field field : structure.getClass().getDeclaredFields())
        {
            if (Modifier.isStatic(field.getModifiers()))
            {
                continue;
            }
            field.setAccessible(true);
            final Object value;
            try
            {
                value = field.get(structure);
            }
            catch (final IllegalAccessException ex)
            {
                throw new IllegalStateException("cannot read " + field, ex);
            }
            if (value != null && !field.getType().isPrimitive())
            {
                footprint.parts.add(new Part(field.getName(), GraphLayout.parseInstance(value).totalSize()));
            }
        }
        return footprint;
    }

    /** @return what the structure is */
    public String name()
    {
        return name;
    }

    /** @return bytes of the whole graph (the object itself and everything it reaches) */
    public long total()
    {
        return total;
    }

    /** @return the object-valued fields and their graphs' bytes, in declaration order */
    public List<Part> parts()
    {
        return parts;
    }
}
