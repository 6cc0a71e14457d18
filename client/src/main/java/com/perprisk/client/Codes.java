package com.perprisk.client;

import com.perprisk.protocol.sbe.RejectReason;
import com.perprisk.protocol.sbe.Role;

/**
 * Enum lookups that never throw: a code added by a newer schema version maps to {@code NULL_VAL} (the generated
 * {@code get} methods throw on unknown values, which would break an older client). Stateless, allocation-free.
 */
public final class Codes
{
    private static final RejectReason[] REASONS = new RejectReason[1024];
    private static final Role[] ROLES = Role.values();

    static
    {
        for (final RejectReason reason : RejectReason.values())
        {
            if (reason != RejectReason.NULL_VAL)
            {
                REASONS[reason.value()] = reason;
            }
        }
    }

    private Codes()
    {
    }

    /** @param code a raw reject reason @return the reason, or NULL_VAL if this client's schema does not know it */
    public static RejectReason reason(final int code)
    {
        final RejectReason reason = code >= 0 && code < REASONS.length ? REASONS[code] : null;
        return reason == null ? RejectReason.NULL_VAL : reason;
    }

    /** @param code a raw role @return the role, or NULL_VAL if unknown */
    public static Role role(final short code)
    {
        for (final Role role : ROLES)
        {
            if (role.value() == code)
            {
                return role;
            }
        }
        return Role.NULL_VAL;
    }
}
