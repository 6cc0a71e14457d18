package com.perprisk.gateway;

import com.perprisk.protocol.sbe.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API keys file and what each role may touch. */
final class ApiKeysTest
{
    @Test
    void loadsRolesAndAccounts(@TempDir final Path dir) throws IOException
    {
        final Path file = dir.resolve("keys.properties");
        Files.writeString(file, "# comment\nmm-secret = MARKET_MAKER 1,2\nbot-secret = liquidator 900\nadmin-secret = ADMIN\n");
        final ApiKeys keys = ApiKeys.load(file);
        assertEquals(3, keys.size());
        assertNull(keys.find("nope"));

        final ApiKey mm = keys.find("mm-secret");
        assertEquals(Role.MARKET_MAKER, mm.role());
        assertTrue(mm.owns(1) && mm.owns(2) && !mm.owns(3));
        assertTrue(mm.mayRead(2) && !mm.mayRead(3));
        assertFalse(mm.mayLiquidateAs(1) || mm.isAdmin());
        assertFalse(mm.toString().contains("secret"), "logs never show the secret");

        final ApiKey bot = keys.find("bot-secret");
        assertTrue(bot.mayLiquidateAs(900) && !bot.mayLiquidateAs(1));
        assertTrue(bot.mayRead(12345) && !bot.owns(12345));

        final ApiKey admin = keys.find("admin-secret");
        assertTrue(admin.isAdmin() && admin.owns(42) && admin.mayLiquidateAs(42));
    }

    @Test
    void badLinesAreNamed(@TempDir final Path dir) throws IOException
    {
        final Path file = dir.resolve("keys.properties");
        Files.writeString(file, "a-secret = MARKET_MAKER\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ApiKeys.load(file)).getMessage().contains("needs at least one account"));
        Files.writeString(file, "a-secret = MARKET_MAKER 1,x\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ApiKeys.load(file)).getMessage().contains("'x'"));
        Files.writeString(file, "a-secret = MARKET_MAKER -3\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ApiKeys.load(file)).getMessage().contains("positive"));
        Files.writeString(file, "# nothing\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ApiKeys.load(file)).getMessage().contains("no API keys"));
    }
}
