package com.perprisk.benchmarks.jmh;

import org.openjdk.jmh.infra.Blackhole;

/** A JMH {@link Blackhole} for tests that call a benchmark's set-up and one invocation directly, outside JMH. */
final class Blackholes
{
    private Blackholes()
    {
    }

    /** @return a new blackhole (JMH asks callers outside a run to acknowledge they know what they are doing) */
    static Blackhole create()
    {
        return new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    }
}
