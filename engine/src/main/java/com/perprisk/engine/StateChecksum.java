package com.perprisk.engine;

import com.perprisk.engine.book.AccountBook;
import com.perprisk.engine.book.PositionBook;
import com.perprisk.engine.instrument.Instrument;
import com.perprisk.engine.instrument.InstrumentBook;

/**
 * A 64-bit checksum over the whole engine state, walked in a fixed order (instrument id, account
 * slot, position slot) so it depends only on the state, never on hash-map layout. The input
 * sequence is not part of it (a rejected command changes nothing, not even the checksum); the journal
 * records the sequence beside it. Used to prove
 * that replaying a journal rebuilds the same state bit for bit. Not cryptographic.
 */
final class StateChecksum
{
    private long hash = 0x6A09E667F3BCC909L;

    private StateChecksum()
    {
    }

    static long of(final RiskEngine engine)
    {
        final StateChecksum c = new StateChecksum();
        c.mix(engine.insuranceFund());
        c.mix(engine.feePool());
        c.mix(engine.externalSettlement());

        final InstrumentBook instruments = engine.instruments();
        for (int id = 1; id <= Instrument.MAX_ID; id++)
        {
            if (instruments.get(id) != null)
            {
                c.mix(id);
                c.mix(instruments.mark(id));
                c.mix(instruments.markTime(id));
                c.mix(instruments.fundingIndex(id));
            }
        }

        final AccountBook accounts = engine.accounts();
        c.mix(accounts.count());
        for (int slot = 0; slot < accounts.count(); slot++)
        {
            c.mix(accounts.accountId(slot));
            c.mix(accounts.collateral(slot));
            c.mix(accounts.realizedPnl(slot));
            c.mix(accounts.feesPaid(slot));
            c.mix(accounts.fundingPaid(slot));
            c.mix(accounts.totalDeposited(slot));
            c.mix(accounts.totalWithdrawn(slot));
            c.mix(accounts.openPositions(slot));
            c.mix(accounts.flags(slot));
        }

        final PositionBook positions = engine.positions();
        c.mix(positions.count());
        for (int p = 0; p < positions.count(); p++)
        {
            c.mix(positions.account(p));
            c.mix(positions.instrument(p));
            c.mix(positions.size(p));
            c.mix(positions.entryPrice(p));
            c.mix(positions.isolatedMargin(p));
            c.mix(positions.realizedPnl(p));
            c.mix(positions.fundingIndex(p));
            c.mix(positions.leverage(p));
            c.mix(((long)positions.state(p) << 8) | positions.mode(p));
        }
        return c.hash;
    }

    private void mix(final long value)
    {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        hash = Long.rotateLeft(hash ^ z, 23) * 0x9E3779B97F4A7C15L;
    }
}
