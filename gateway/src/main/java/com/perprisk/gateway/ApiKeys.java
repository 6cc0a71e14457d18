package com.perprisk.gateway;

import com.perprisk.protocol.sbe.Role;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The API keys the gateway accepts, loaded from a properties file, one key per line:
 * <pre>
 * # secret = ROLE [account,account,...]
 * mm-alpha-secret = MARKET_MAKER 1,2
 * bot-secret      = LIQUIDATOR 900
 * admin-secret    = ADMIN
 * </pre>
 * Immutable once built; looked up by the gateway thread at logon only.
 */
public final class ApiKeys
{
    /** Longest API key accepted on the wire. */
    public static final int MAX_KEY_LENGTH = 128;

    private final Map<String, ApiKey> bySecret = new HashMap<>();

    /**
     * @param secret the key as the client sends it.
     * @param key    what it may do.
     * @return this.
     */
    public ApiKeys add(final String secret, final ApiKey key)
    {
        if (secret.isEmpty() || secret.length() > MAX_KEY_LENGTH)
        {
            throw new IllegalArgumentException("API key for " + key.name() + " must have 1.." + MAX_KEY_LENGTH + " characters");
        }
        bySecret.put(secret, key);
        return this;
    }

    /** @param secret the key sent at logon @return its permissions, or null if unknown */
    public ApiKey find(final String secret)
    {
        return bySecret.get(secret);
    }

    /** @return number of keys */
    public int size()
    {
        return bySecret.size();
    }

    /**
     * Load keys from a properties file (format in the class comment).
     *
     * @param file the file.
     * @return the keys.
     * @throws IOException if it cannot be read.
     * @throws IllegalArgumentException naming the line's key and the problem.
     */
    public static ApiKeys load(final Path file) throws IOException
    {
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            properties.load(reader);
        }
        final ApiKeys keys = new ApiKeys();
        int index = 0;
        for (final String secret : properties.stringPropertyNames())
        {
            keys.add(secret, parse("key#" + (++index) + "(" + mask(secret) + ")", properties.getProperty(secret)));
        }
        if (keys.size() == 0)
        {
            throw new IllegalArgumentException(file + ": no API keys");
        }
        return keys;
    }

    /**
     * @param name  name for logs.
     * @param value {@code ROLE [account,account,...]}.
     * @return the key.
     */
    static ApiKey parse(final String name, final String value)
    {
        final String[] parts = value.trim().split("\\s+", 2);
        final Role role;
        try
        {
            role = Role.valueOf(parts[0].toUpperCase(Locale.ROOT));
        }
        catch (final IllegalArgumentException e)
        {
            throw new IllegalArgumentException(name + ": role must be MARKET_MAKER, LIQUIDATOR or ADMIN, was '" + parts[0] + "'");
        }
        if (role == Role.NULL_VAL)
        {
            throw new IllegalArgumentException(name + ": role must be MARKET_MAKER, LIQUIDATOR or ADMIN");
        }
        final String[] accountTexts = parts.length > 1 ? parts[1].split("[,\\s]+") : new String[0];
        final long[] accounts = new long[accountTexts.length];
        for (int i = 0; i < accountTexts.length; i++)
        {
            try
            {
                accounts[i] = Long.parseLong(accountTexts[i]);
            }
            catch (final NumberFormatException e)
            {
                throw new IllegalArgumentException(name + ": account ids must be positive integers, was '" + accountTexts[i] + "'");
            }
            if (accounts[i] <= 0)
            {
                throw new IllegalArgumentException(name + ": account ids must be positive, was " + accounts[i]);
            }
        }
        if (role != Role.ADMIN && accounts.length == 0)
        {
            throw new IllegalArgumentException(name + ": a " + role + " key needs at least one account");
        }
        return new ApiKey(name, role, accounts);
    }

    private static String mask(final String secret)
    {
        return secret.length() <= 4 ? "****" : secret.substring(0, 4) + "****";
    }
}
