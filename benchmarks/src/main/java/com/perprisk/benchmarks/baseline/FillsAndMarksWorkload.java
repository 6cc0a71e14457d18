package com.perprisk.benchmarks.baseline;

import com.perprisk.engine.command.CommandEvent;
import com.perprisk.engine.command.CommandType;
import com.perprisk.engine.fixed.FixedPoint;
import com.perprisk.engine.fixed.Rounding;
import com.perprisk.engine.instrument.Instrument;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A seeded fills-and-marks workload over three instruments, generated once into primitive columns (engine raw units).
 * The set-up part defines the instruments, funds every account with one deposit, marks every instrument once and
 * opens one to three positions per account; the trading part is about 80% fills on random accounts and instruments
 * (taker fee from the instrument's schedule) and 20% mark ticks, the marks a bounded random walk (steps up to 0.2%
 * and one in twenty up to 2%) within a band around the first mark that the {@link Market} sets. Accounts lever their collateral 1x to 29x in all (a third per instrument, never beyond its max leverage;
 * fills that would take a position past it go the other way). There are no
 * liquidation fills: an account below maintenance stays a candidate, reported on every tick of its instruments, until
 * fills or marks bring it back. The same commands drive the engine ({@link #command}) and the baseline
 * ({@link DecimalWorkload}).
 *
 * <p>Threading: immutable after {@link #generate}; may be shared.
 */
public final class FillsAndMarksWorkload
{
    /** Instrument id of BTC-PERP. */
    public static final int BTC = 1;
    /** Instrument id of ETH-PERP. */
    public static final int ETH = 2;
    /** Instrument id of SOL-PERP. */
    public static final int SOL = 3;

    private static final long START_TIME = 1_000_000_000L;
    private static final long TIME_STEP = 1_000_000L;
    private static final int FILL_PERCENT = 80;
    /** The market the workload trades in. */
    public enum Market
    {
        /**
         * Marks within 1% of the start; every account keeps within its leverage appetite, a third of it per instrument
         * and within each bracket's max leverage: nobody comes near maintenance.
         */
        STEADY(1, true),
        /**
         * Marks within 30% of the start; accounts overextend (each fill either side, whatever the position): many
         * fall below maintenance and, with no liquidator in the workload, stay candidates.
         */
        STRESSED(30, false);

        final int walkPercent;
        final boolean withinAppetite;

        Market(final int walkPercent, final boolean withinAppetite)
        {
            this.walkPercent = walkPercent;
            this.withinAppetite = withinAppetite;
        }
    }
    private static final int STEP_BPS = 20;
    private static final int JUMP_BPS = 200;
    private static final int ONE_JUMP_IN = 20;

    private final Instrument[] instruments;
    private final int accounts;
    private final int setUpLength;
    private final byte[] type;
    private final long[] accountId;
    private final int[] instrumentId;
    private final long[] price;
    private final long[] size;
    private final long[] amount;

    private FillsAndMarksWorkload(final Instrument[] instruments, final int accounts, final int setUpLength, final Columns columns)
    {
        this.instruments = instruments;
        this.accounts = accounts;
        this.setUpLength = setUpLength;
        final int n = columns.length;
        type = Arrays.copyOf(columns.type, n);
        accountId = Arrays.copyOf(columns.accountId, n);
        instrumentId = Arrays.copyOf(columns.instrumentId, n);
        price = Arrays.copyOf(columns.price, n);
        size = Arrays.copyOf(columns.size, n);
        amount = Arrays.copyOf(columns.amount, n);
    }

    /**
     * @param seed             random seed: same seed and sizes, same commands.
     * @param accounts         accounts to fund and trade (ids 1..accounts).
     * @param tradingCommands  commands of the trading part.
     * @param market           the market the workload trades in.
     * @return the workload.
     */
    public static FillsAndMarksWorkload generate(final long seed, final int accounts, final int tradingCommands, final Market market)
    {
        if (accounts < 1 || tradingCommands < 0)
        {
            throw new IllegalArgumentException("accounts must be positive and trading commands non-negative");
        }
        final Instrument[] instruments = instruments();
        final Generator generator = new Generator(new SplittableRandom(seed), instruments, accounts, market,
            instruments.length * 3 + accounts * (1 + instruments.length) + tradingCommands);
        generator.setUp();
        final int setUpLength = generator.columns.length;
        generator.trade(tradingCommands);
        return new FillsAndMarksWorkload(instruments, accounts, setUpLength, generator.columns);
    }

    /** @return the workload's instruments, BTC, ETH and SOL, with tiers in the style of the venues' brackets */
    public static Instrument[] instruments()
    {
        return new Instrument[] {
            Instrument.builder(BTC, "BTC-PERP").priceDecimals(1).sizeDecimals(3)
                .tier(0, 50, Instrument.DERIVED, Instrument.DERIVED)
                .tier(quote(100_000), 20, Instrument.DERIVED, Instrument.DERIVED)
                .tier(quote(1_000_000), 10, Instrument.DERIVED, Instrument.DERIVED)
                .tier(quote(5_000_000), 5, Instrument.DERIVED, Instrument.DERIVED)
                .takerFeeRate(FixedPoint.RATE_SCALE / 2_000)     // 0.05%
                .liquidationFeeRate(FixedPoint.RATE_SCALE / 80)  // 1.25%
                .maxPrice(1_000_000 * FixedPoint.PRICE_SCALE).build(),
            Instrument.builder(ETH, "ETH-PERP").priceDecimals(2).sizeDecimals(2)
                .tier(0, 25, Instrument.DERIVED, Instrument.DERIVED)
                .tier(quote(50_000), 10, Instrument.DERIVED, Instrument.DERIVED)
                .tier(quote(500_000), 5, Instrument.DERIVED, Instrument.DERIVED)
                .takerFeeRate(7 * FixedPoint.RATE_SCALE / 10_000)  // 0.07%
                .liquidationFeeRate(15 * FixedPoint.RATE_SCALE / 1_000)
                .maxPrice(100_000 * FixedPoint.PRICE_SCALE).build(),
            Instrument.builder(SOL, "SOL-PERP").priceDecimals(3).sizeDecimals(1)
                .tier(0, 20, Instrument.DERIVED, Instrument.DERIVED)
                .tier(quote(20_000), 10, Instrument.DERIVED, Instrument.DERIVED)
                .tier(quote(200_000), 4, Instrument.DERIVED, Instrument.DERIVED)
                .takerFeeRate(FixedPoint.RATE_SCALE / 1_000)     // 0.1%
                .liquidationFeeRate(2 * FixedPoint.RATE_SCALE / 100)
                .maxPrice(10_000 * FixedPoint.PRICE_SCALE).build(),
        };
    }

    private static long quote(final long usdc)
    {
        return usdc * FixedPoint.QUOTE_SCALE;
    }

    /** @return number of commands */
    public int length()
    {
        return type.length;
    }

    /** @return number of commands of the set-up part (definitions, deposits, first marks, opening fills); trading follows */
    public int setUpLength()
    {
        return setUpLength;
    }

    /** @return number of accounts (ids 1..accounts) */
    public int accounts()
    {
        return accounts;
    }

    /** @param id instrument id @return its definition */
    public Instrument instrument(final int id)
    {
        return instruments[id - 1];
    }

    /** @return number of instruments (ids 1..n) */
    public int instrumentCount()
    {
        return instruments.length;
    }

    /** @param i command index @return its {@link CommandType} */
    public byte type(final int i)
    {
        return type[i];
    }

    /** @param i command index @return account id (deposits and fills), 0 otherwise */
    public long accountId(final int i)
    {
        return accountId[i];
    }

    /** @param i command index @return instrument id (definitions, fills and marks), 0 otherwise */
    public int instrumentId(final int i)
    {
        return instrumentId[i];
    }

    /** @param i command index @return fill or mark price (price raw), 0 otherwise */
    public long price(final int i)
    {
        return price[i];
    }

    /** @param i command index @return signed fill size (size raw), 0 otherwise */
    public long size(final int i)
    {
        return size[i];
    }

    /** @param i command index @return deposit amount (quote raw); {@link CommandEvent#FEE_FROM_SCHEDULE} for a fill */
    public long amount(final int i)
    {
        return amount[i];
    }

    /** @param i command index @return event time (ns): increasing with the index */
    public long timestamp(final int i)
    {
        return START_TIME + i * TIME_STEP;
    }

    /**
     * @param type a {@link CommandType}.
     * @param from first index (inclusive).
     * @param to   last index (exclusive).
     * @return number of commands of that type in the range.
     */
    public int count(final byte type, final int from, final int to)
    {
        int n = 0;
        for (int i = from; i < to; i++)
        {
            n += this.type[i] == type ? 1 : 0;
        }
        return n;
    }

    /**
     * Write command {@code i} into an engine input; its sequence is {@code i}.
     *
     * @param i    command index.
     * @param into the event to fill (reused by the caller).
     * @return {@code into}.
     */
    public CommandEvent command(final int i, final CommandEvent into)
    {
        final long time = timestamp(i);
        switch (type[i])
        {
            case CommandType.DEFINE_INSTRUMENT -> into.defineInstrument(time, i, instrumentId[i], instrument(instrumentId[i]));
            case CommandType.DEPOSIT -> into.deposit(time, i, accountId[i], amount[i]);
            case CommandType.FILL -> into.fill(time, i, accountId[i], instrumentId[i], size[i], price[i], amount[i]);
            case CommandType.MARK_PRICE -> into.markPrice(time, i, instrumentId[i], price[i], 0, 0);
            default -> throw new IllegalStateException("not a workload command type: " + type[i]);
        }
        into.sequence(i);
        return into;
    }

    /** Growing command columns during generation. */
    private static final class Columns
    {
        final byte[] type;
        final long[] accountId;
        final int[] instrumentId;
        final long[] price;
        final long[] size;
        final long[] amount;
        int length;

        Columns(final int capacity)
        {
            type = new byte[capacity];
            accountId = new long[capacity];
            instrumentId = new int[capacity];
            price = new long[capacity];
            size = new long[capacity];
            amount = new long[capacity];
        }

        void add(final byte type, final long accountId, final int instrumentId, final long price, final long size, final long amount)
        {
            final int i = length++;
            this.type[i] = type;
            this.accountId[i] = accountId;
            this.instrumentId[i] = instrumentId;
            this.price[i] = price;
            this.size[i] = size;
            this.amount[i] = amount;
        }
    }

    /** The random choices: account funding and leverage appetite, fill sizes and prices, the marks' walk. */
    private static final class Generator
    {
        final Columns columns;
        private final SplittableRandom random;
        private final Instrument[] instruments;
        private final int accounts;
        private final long[] collateral;
        private final int[] leverage;
        private final boolean withinAppetite;
        /** Size each account holds per instrument, as the fills so far leave it. */
        private final long[][] held;
        private final long[] mark;
        private final long[] low;
        private final long[] high;

        Generator(final SplittableRandom random, final Instrument[] instruments, final int accounts, final Market market, final int capacity)
        {
            this.withinAppetite = market.withinAppetite;
            final int walkPercent = market.walkPercent;
            this.random = random;
            this.instruments = instruments;
            this.accounts = accounts;
            columns = new Columns(capacity);
            collateral = new long[accounts + 1];
            leverage = new int[accounts + 1];
            held = new long[accounts + 1][instruments.length + 1];
            mark = new long[instruments.length + 1];
            low = new long[instruments.length + 1];
            high = new long[instruments.length + 1];
            final long[] first = {40_000 * FixedPoint.PRICE_SCALE, 2_000 * FixedPoint.PRICE_SCALE, 100 * FixedPoint.PRICE_SCALE};
            for (int id = 1; id <= instruments.length; id++)
            {
                mark[id] = first[id - 1];
                low[id] = first[id - 1] / 100 * (100 - walkPercent);
                high[id] = first[id - 1] / 100 * (100 + walkPercent);
            }
        }

        void setUp()
        {
            for (final Instrument instrument : instruments)
            {
                columns.add(CommandType.DEFINE_INSTRUMENT, 0, instrument.id(), 0, 0, 0);
            }
            for (int account = 1; account <= accounts; account++)
            {
                collateral[account] = quote(1_000 + random.nextInt(99_000));
                // Mostly prudent accounts, a quarter moderately levered, a few aggressive ones (capped per instrument).
                final int appetite = random.nextInt(100);
                leverage[account] = appetite < 70 ? 1 + random.nextInt(5) : appetite < 95 ? 5 + random.nextInt(10) : 15 + random.nextInt(15);
                columns.add(CommandType.DEPOSIT, account, 0, 0, 0, collateral[account]);
            }
            for (int id = 1; id <= instruments.length; id++)
            {
                columns.add(CommandType.MARK_PRICE, 0, id, mark[id], 0, 0);
            }
            for (int account = 1; account <= accounts; account++)
            {
                final int held = 1 + random.nextInt(instruments.length);
                final int firstId = 1 + random.nextInt(instruments.length);
                for (int k = 0; k < held; k++)
                {
                    final int id = 1 + (firstId - 1 + k) % instruments.length;
                    addFill(account, id, (30 + random.nextInt(71)) / held);
                }
            }
        }

        void trade(final int commands)
        {
            for (int k = 0; k < commands; k++)
            {
                final int id = 1 + random.nextInt(instruments.length);
                if (random.nextInt(100) < FILL_PERCENT)
                {
                    addFill(1 + random.nextInt(accounts), id, 2 + random.nextInt(39));
                }
                else
                {
                    columns.add(CommandType.MARK_PRICE, 0, id, nextMark(id), 0, 0);
                }
            }
        }

        /**
         * A fill of {@code percent}% of the account's collateral levered at its appetite (at most the instrument's max
         * leverage), either side unless that would take the position past the appetite, at the mark give or take 5 bps.
         */
        private void addFill(final int account, final int id, final int percent)
        {
            final Instrument instrument = instruments[id - 1];
            final long notional = collateral[account] / 100 * percent * Math.min(leverage[account], instrument.maxLeverage());
            final long offset = mark[id] / 10_000 * (random.nextInt(11) - 5);
            final long fillPrice = Math.max(instrument.tickSize(), roundDown(mark[id] + offset, instrument.tickSize()));
            final long quantity = Math.max(instrument.lotSize(),
                roundDown(FixedPoint.mulDiv(notional, FixedPoint.NOTIONAL_DIVISOR, fillPrice, Rounding.FLOOR), instrument.lotSize()));
            // Either side; within the appetite (a STEADY market) a fill past it goes the other way, or stops at it.
            final long cap = FixedPoint.mulDiv(appetite(account, instrument), FixedPoint.NOTIONAL_DIVISOR, fillPrice, Rounding.FLOOR);
            final long before = held[account][id];
            long signed = random.nextBoolean() ? quantity : -quantity;
            if (withinAppetite && Math.abs(before + signed) > cap)
            {
                signed = -signed;
            }
            if (withinAppetite && Math.abs(before + signed) > cap)
            {
                final long within = Math.max(-cap, Math.min(cap, before + signed));
                signed = within - before;
                signed -= signed % instrument.lotSize();
                signed = signed != 0 ? signed : before > 0 ? -instrument.lotSize() : instrument.lotSize();
            }
            held[account][id] = before + signed;
            columns.add(CommandType.FILL, account, id, fillPrice, signed, CommandEvent.FEE_FROM_SCHEDULE);
        }

        /** Next mark: a step of up to 0.2% (one step in twenty up to 2%), kept within the walk band, on the tick. */
        private long nextMark(final int id)
        {
            final int range = random.nextInt(ONE_JUMP_IN) == 0 ? JUMP_BPS : STEP_BPS;
            final long step = random.nextInt(2 * range + 1) - range;
            final long next = Math.max(low[id], Math.min(high[id], mark[id] + mark[id] / 10_000 * step));
            mark[id] = roundDown(next, instruments[id - 1].tickSize());
            return mark[id];
        }

        /**
         * The most notional the account holds in the instrument: its leverage appetite over a third of its collateral,
         * capped by the max leverage of the bracket that notional falls in.
         */
        private long appetite(final int account, final Instrument instrument)
        {
            int lev = Math.min(leverage[account], instrument.maxLeverage());
            long notional = collateral[account] / instruments.length * lev;
            while (instrument.tierMaxLeverage(instrument.tierOf(notional)) < lev)
            {
                lev = instrument.tierMaxLeverage(instrument.tierOf(notional));
                notional = collateral[account] / instruments.length * lev;
            }
            return notional;
        }

        private static long roundDown(final long value, final long unit)
        {
            return value - value % unit;
        }
    }
}
