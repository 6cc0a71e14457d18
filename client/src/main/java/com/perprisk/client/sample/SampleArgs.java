package com.perprisk.client.sample;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} arguments of the samples (they depend on the client library only, so no CLI framework). */
final class SampleArgs
{
    private final Map<String, String> values = new HashMap<>();

    SampleArgs(final String[] args, final String usage)
    {
        for (int i = 0; i < args.length; i++)
        {
            if (args[i].equals("--help") || args[i].equals("-h"))
            {
                System.out.println(usage);
                System.exit(0);
            }
            if (!args[i].startsWith("--") || i + 1 == args.length)
            {
                System.err.println("unexpected argument '" + args[i] + "'\n" + usage);
                System.exit(2);
            }
            values.put(args[i].substring(2), args[++i]);
        }
    }

    String text(final String name, final String fallback)
    {
        return values.getOrDefault(name, fallback);
    }

    long number(final String name, final long fallback)
    {
        final String value = values.get(name);
        try
        {
            return value == null ? fallback : Long.parseLong(value);
        }
        catch (final NumberFormatException e)
        {
            System.err.println("--" + name + " must be an integer, was '" + value + "'");
            System.exit(2);
            return fallback;
        }
    }
}
