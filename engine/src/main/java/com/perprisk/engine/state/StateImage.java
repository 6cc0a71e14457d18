package com.perprisk.engine.state;

/**
 * Checks shared by the classes that read themselves back from an image: section markers, element counts and
 * structural invariants. Every failure is an {@link IllegalStateException} that says what was wrong, so a damaged
 * or foreign image is refused with a message rather than an index error later.
 *
 * <p>Threading: stateless.
 */
public final class StateImage
{
    private StateImage()
    {
    }

    /**
     * Write the marker that opens a class's section of an image.
     *
     * @param writer destination.
     * @param tag    the section's tag, four ASCII characters packed in an int.
     */
    public static void writeSection(final StateWriter writer, final int tag)
    {
        writer.writeInt(tag);
    }

    /**
     * Read the marker that opens a class's section of an image.
     *
     * @param reader source.
     * @param tag    the expected tag.
     * @param name   the section's name, for the message.
     */
    public static void readSection(final StateReader reader, final int tag, final String name)
    {
        final int found = reader.readInt();
        if (found != tag)
        {
            throw malformed("expected the " + name + " section, found tag 0x" + Integer.toHexString(found));
        }
    }

    /**
     * Read an element count, refusing a negative one or one whose elements cannot fit in what is left of the image
     * (before anything is allocated for it).
     *
     * @param reader          source.
     * @param bytesPerElement bytes the image holds per element, at least.
     * @param what            what is counted, for the message.
     * @return the count.
     */
    public static int readCount(final StateReader reader, final int bytesPerElement, final String what)
    {
        final int count = reader.readInt();
        if (count < 0)
        {
            throw malformed("negative " + what + " count " + count);
        }
        if ((long)count * bytesPerElement > reader.remaining())
        {
            throw malformed(count + " " + what + " cannot fit in the " + reader.remaining() + " bytes left");
        }
        return count;
    }

    /**
     * @param problem what is wrong with the image.
     * @return the exception to throw, its message prefixed with "malformed engine image: ".
     */
    public static IllegalStateException malformed(final String problem)
    {
        return new IllegalStateException("malformed engine image: " + problem);
    }

    /**
     * For checks outside loops (the message is built whether or not the check fails).
     *
     * @param condition an invariant of a well-formed image.
     * @param message   what is wrong when it does not hold.
     */
    public static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalStateException(message);
        }
    }
}
