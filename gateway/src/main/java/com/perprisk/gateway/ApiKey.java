package com.perprisk.gateway;

import com.perprisk.protocol.sbe.Role;
import org.agrona.collections.LongHashSet;

/**
 * What one API key may do: its role and the accounts it owns. Immutable after construction; read by the gateway thread.
 *
 * <p>Rules: an admin may do everything. A market maker may deposit, withdraw, trade, check, query and change settings on
 * its own accounts only. A liquidator may do the same on its own accounts, submit liquidation fills as one of its own
 * (engine-authorised) liquidator accounts against any account, and query any account (to rebuild the state it follows).
 */
public final class ApiKey
{
    private final String name;
    private final Role role;
    private final LongHashSet accounts = new LongHashSet();

    /**
     * @param name     a name for logs (never the secret).
     * @param role     the role.
     * @param accounts accounts the key owns.
     */
    public ApiKey(final String name, final Role role, final long... accounts)
    {
        this.name = name;
        this.role = role;
        for (final long account : accounts)
        {
            this.accounts.add(account);
        }
    }

    /** @return the name for logs */
    public String name()
    {
        return name;
    }

    /** @return the role */
    public Role role()
    {
        return role;
    }

    /** @param account an account @return true if the key owns it (an admin owns every account) */
    public boolean owns(final long account)
    {
        return role == Role.ADMIN || accounts.contains(account);
    }

    /** @param account an account @return true if the key may read it (admins and liquidators read every account) */
    public boolean mayRead(final long account)
    {
        return role != Role.MARKET_MAKER || accounts.contains(account);
    }

    /** @param liquidatorAccount the submitting liquidator account @return true if the key may submit liquidation fills as it */
    public boolean mayLiquidateAs(final long liquidatorAccount)
    {
        return role == Role.ADMIN || (role == Role.LIQUIDATOR && accounts.contains(liquidatorAccount));
    }

    /** @return true for the admin role (instruments, marks, funding, liquidator rights) */
    public boolean isAdmin()
    {
        return role == Role.ADMIN;
    }

    @Override
    public String toString()
    {
        return name + "(" + role + " " + accounts + ")";
    }
}
