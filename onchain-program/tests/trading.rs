//! CreatePosition, Trade (open, increase, reduce, flip, close; cross and isolated), Add/RemoveIsolatedMargin.

mod harness;

use harness::fixture::*;
use harness::ixdata;
use harness::*;
use perp_risk_program::error::PerpError;
use perp_risk_program::events::tag;
use perp_risk_program::state::position::{lifecycle, mode};

fn code(e: PerpError) -> u64 {
    e as u64
}

fn i64_at(event: &[u8], at: usize) -> i64 {
    i64::from_le_bytes(event[at..at + 8].try_into().expect("8 bytes"))
}

/// Decoded PositionChanged event (layout in the README).
#[derive(Debug, PartialEq, Eq)]
struct Changed {
    change: u8,
    state: u8,
    quantity: i64,
    price: i64,
    fee: i64,
    funding: i64,
    realized: i64,
    size: i64,
    entry: i64,
    isolated: i64,
    collateral: i64,
    liquidation_price: i64,
}

fn changed(event: &[u8]) -> Changed {
    assert_eq!((event[0], event[1], event.len()), (tag::POSITION_CHANGED, 1, 166));
    Changed {
        change: event[68],
        state: event[69],
        quantity: i64_at(event, 70),
        price: i64_at(event, 78),
        fee: i64_at(event, 86),
        funding: i64_at(event, 94),
        realized: i64_at(event, 102),
        size: i64_at(event, 110),
        entry: i64_at(event, 118),
        isolated: i64_at(event, 126),
        collateral: i64_at(event, 134),
        liquidation_price: i64_at(event, 158),
    }
}

const BTC_50K: i64 = 50_000 * PRICE;

#[test]
fn create_position_sets_mode_leverage_and_funding_index() {
    let mut world = World::new();
    let user = world.funded_user(100);
    let ok = world.create_position(&user, BTC, mode::ISOLATED, 25).expect("created");
    let p = world.position(&user, BTC);
    assert_eq!((p.owner, p.market, p.market_id), (user.wallet, World::market_key(BTC), BTC));
    assert_eq!((p.state, p.margin_mode, p.leverage, p.size), (lifecycle::EMPTY, mode::ISOLATED, 25, 0));
    assert_eq!(ok.events[0][0], tag::POSITION_CREATED);
    assert_eq!(world.create_position(&user, BTC, mode::CROSS, 25).err(), Some(code(PerpError::AlreadyInitialized)));
    assert_eq!(world.create_position(&user, ETH, mode::CROSS, 0).err(), Some(code(PerpError::InvalidPositionSettings)));
    assert_eq!(world.create_position(&user, ETH, mode::CROSS, 1001).err(), Some(code(PerpError::InvalidPositionSettings)));
    assert_eq!(world.create_position(&user, ETH, 2, 10).err(), Some(code(PerpError::InvalidPositionSettings)));
    let other = world.funded_user(100);
    let metas = [ws(other.wallet), r(other.margin), r(World::market_key(ETH)), w(World::position_key(&user, ETH)), r(SYSTEM_PROGRAM), r(rent_id())];
    assert_eq!(world.bank.process(&ixdata::create_position(0, 10), &metas).err(), Some(code(PerpError::WrongProgramAddress)));
    let metas = [ws(other.wallet), r(user.margin), r(World::market_key(ETH)), w(World::position_key(&other, ETH)), r(SYSTEM_PROGRAM), r(rent_id())];
    assert_eq!(world.bank.process(&ixdata::create_position(0, 10), &metas).err(), Some(code(PerpError::Unauthorized)));
}

#[test]
fn cross_lifecycle_open_increase_reduce_flip_close() {
    let mut world = World::new();
    let user = world.funded_user(10_000);
    world.create_position(&user, BTC, mode::CROSS, 20).expect("position");

    let e = world.trade(&user, BTC, 50_000_000, BTC_50K).expect("open 0.5 @ 50,000");
    let c = changed(&e.events[0]);
    assert_eq!((c.change, c.state, c.size, c.entry, c.fee, c.realized), (1, lifecycle::OPEN, 50_000_000, BTC_50K, 12_500_000, 0));
    assert_eq!(c.liquidation_price, 0, "cross positions carry no isolated liquidation price");
    assert_eq!(world.market(BTC).open_interest_long, 50_000_000);
    assert_eq!(world.margin(&user).open_cross_positions, 1);

    world.set_mark(BTC, 52_000 * PRICE).expect("mark");
    let c = changed(&world.trade(&user, BTC, 50_000_000, 52_000 * PRICE).expect("increase").events[0]);
    assert_eq!((c.change, c.size, c.entry, c.fee), (2, 100_000_000, 51_000 * PRICE, 13 * USDC), "size-weighted entry");

    let c = changed(&world.trade(&user, BTC, -40_000_000, 53_000 * PRICE).expect("reduce").events[0]);
    assert_eq!((c.change, c.size, c.entry, c.realized, c.fee), (3, 60_000_000, 51_000 * PRICE, 800 * USDC, 10_600_000));

    let c = changed(&world.trade(&user, BTC, -100_000_000, BTC_50K).expect("flip").events[0]);
    assert_eq!((c.change, c.size, c.entry, c.realized, c.fee), (5, -40_000_000, BTC_50K, -600 * USDC, 25 * USDC));
    let market = world.market(BTC);
    assert_eq!((market.open_interest_long, market.open_interest_short), (0, 40_000_000));

    let c = changed(&world.trade(&user, BTC, 40_000_000, 49_000 * PRICE).expect("close").events[0]);
    assert_eq!((c.change, c.state, c.size, c.entry, c.realized, c.fee), (4, lifecycle::CLOSED, 0, 0, 400 * USDC, 9_800_000));

    let margin = world.margin(&user);
    let fees = 12_500_000 + 13 * USDC + 10_600_000 + 25 * USDC + 9_800_000;
    assert_eq!(margin.collateral, 10_000 * USDC + 600 * USDC - fees);
    assert_eq!((margin.realized_pnl, margin.fees_paid, margin.open_positions, margin.open_cross_positions), (600 * USDC, fees, 0, 0));
    assert_eq!(world.market(BTC).fee_pool, fees);
    assert_eq!(world.position(&user, BTC).realized_pnl, 600 * USDC);
}

#[test]
fn isolated_open_moves_initial_margin_and_reductions_release_the_closed_share() {
    let mut world = World::new();
    let user = world.funded_user(10_000);
    world.create_position(&user, BTC, mode::ISOLATED, 10).expect("position");
    let c = changed(&world.trade(&user, BTC, 100_000_000, BTC_50K).expect("open 1 @ 50,000").events[0]);
    assert_eq!((c.isolated, c.collateral), (5_000 * USDC, 10_000 * USDC - 25 * USDC - 5_000 * USDC));
    // Liquidation price: tier 2 (0.5%, amount 50) gives 44,950 / 0.995 = 45,175.88, whose notional falls in tier 1;
    // tier 1 (0.4%, amount 0) gives 45,000 / 0.996 = 45,180.7228915662..., rounded up at 1e-8.
    assert_eq!(c.liquidation_price, 4_518_072_289_157);
    assert_eq!(world.margin(&user).open_cross_positions, 0);

    world.set_mark(BTC, 51_000 * PRICE).expect("mark");
    let c = changed(&world.trade(&user, BTC, -50_000_000, 51_000 * PRICE).expect("reduce").events[0]);
    // Closed half: its share of the wallet (2,500) plus the realized 500 goes back to the collateral.
    assert_eq!((c.realized, c.isolated), (500 * USDC, 2_500 * USDC));
    assert_eq!(c.collateral, 4_975 * USDC + 3_000 * USDC - 12_750_000);

    let c = changed(&world.trade(&user, BTC, -50_000_000, 49_000 * PRICE).expect("close").events[0]);
    assert_eq!((c.realized, c.isolated, c.size), (-500 * USDC, 0, 0));
    assert_eq!(c.collateral, 4_975 * USDC + 3_000 * USDC - 12_750_000 + 2_000 * USDC - 12_250_000);
}

#[test]
fn risk_adding_fills_need_initial_margin_and_reductions_do_not() {
    let mut world = World::new();
    let poor = world.funded_user(100);
    world.create_position(&poor, BTC, mode::CROSS, 20).expect("cross");
    // 0.1 BTC = 5,000 notional at 20x needs 250.
    assert_eq!(world.trade(&poor, BTC, 10_000_000, BTC_50K).err(), Some(code(PerpError::InsufficientMargin)));
    world.trade(&poor, BTC, 3_000_000, BTC_50K).expect("0.03 BTC needs 75");
    let isolated = world.funded_user(100);
    world.create_position(&isolated, BTC, mode::ISOLATED, 10).expect("isolated");
    assert_eq!(world.trade(&isolated, BTC, 10_000_000, BTC_50K).err(), Some(code(PerpError::InsufficientCollateral)));

    // A stale mark blocks opening but not reducing.
    world.advance(STALENESS + 1);
    assert_eq!(world.trade(&poor, BTC, 100_000, BTC_50K).err(), Some(code(PerpError::StaleOracle)));
    world.trade(&poor, BTC, -1_000_000, BTC_50K).expect("reduce without a fresh mark");
    assert_eq!(world.position(&poor, BTC).size, 2_000_000);
}

#[test]
fn cross_margin_counts_every_cross_position() {
    let mut world = World::new();
    let user = world.funded_user(1_000);
    world.create_position(&user, BTC, mode::CROSS, 20).expect("btc");
    world.create_position(&user, ETH, mode::CROSS, 20).expect("eth");
    // BTC 0.3 = 15,000 notional -> IM 750 (+7.5 fee).
    world.trade(&user, BTC, 30_000_000, BTC_50K).expect("btc");
    // ETH 2 = 6,000 notional -> IM 300: 750 + 300 > 1,000 - fees.
    assert_eq!(world.trade(&user, ETH, 200_000_000, 3_000 * PRICE).err(), Some(code(PerpError::InsufficientMargin)));
    world.trade(&user, ETH, 100_000_000, 3_000 * PRICE).expect("ETH 1 = 3,000 -> IM 150");
    assert_eq!(world.margin(&user).open_cross_positions, 2);

    // The other cross positions must be listed exactly.
    let data = ixdata::trade(100_000, BTC_50K);
    let mut missing = world.trade_metas(&user, BTC);
    missing.truncate(5);
    assert_eq!(world.bank.process(&data, &missing).err(), Some(code(PerpError::CrossSetMismatch)));
    let mut itself = world.trade_metas(&user, BTC);
    itself[5] = r(World::position_key(&user, BTC));
    itself[6] = r(World::market_key(BTC));
    assert_eq!(world.bank.process(&data, &itself).err(), Some(code(PerpError::DuplicateAccount)));
    let stranger = world.funded_user(1_000);
    world.create_position(&stranger, ETH, mode::CROSS, 20).expect("stranger");
    world.trade(&stranger, ETH, 100_000, 3_000 * PRICE).expect("stranger eth");
    let mut foreign = world.trade_metas(&user, BTC);
    foreign[5] = r(World::position_key(&stranger, ETH));
    assert_eq!(world.bank.process(&data, &foreign).err(), Some(code(PerpError::CrossSetMismatch)));
}

#[test]
fn trade_rejections() {
    let mut world = World::new();
    let user = world.funded_user(10_000);
    world.create_position(&user, BTC, mode::CROSS, 20).expect("position");
    world.create_position(&user, ETH, mode::CROSS, 20).expect("eth position");
    let base = world.trade_metas(&user, BTC);
    let ok_data = ixdata::trade(100_000, BTC_50K);
    let run = |world: &mut World, data: &[u8], metas: &[Meta]| world.bank.process(data, metas).err();

    let impostor = world.bank.wallet(1);
    let mut m = base.clone();
    m[0] = rs(impostor);
    assert_eq!(run(&mut world, &ok_data, &m), Some(code(PerpError::Unauthorized)));
    m = base.clone();
    m[0] = r(world.filler);
    assert_eq!(run(&mut world, &ok_data, &m), Some(code(PerpError::MissingSignature)));
    m = base.clone();
    m[3] = w(World::position_key(&user, ETH));
    assert_eq!(run(&mut world, &ok_data, &m), Some(code(PerpError::WrongPosition)));
    let other = world.funded_user(10);
    m = base.clone();
    m[1] = w(other.margin);
    assert_eq!(run(&mut world, &ok_data, &m), Some(code(PerpError::Unauthorized)));
    m = base.clone();
    m[2] = r(World::market_key(BTC));
    assert_eq!(run(&mut world, &ok_data, &m), Some(code(PerpError::NotWritable)));
    m = base.clone();
    m[4] = r(rent_id());
    assert_eq!(run(&mut world, &ok_data, &m), Some(code(PerpError::WrongSysvar)));
    m = base.clone();
    m[1] = w(World::market_key(BTC));
    assert_eq!(run(&mut world, &ok_data, &m), Some(code(PerpError::WrongAccountSize)), "market passed as margin account");

    assert_eq!(run(&mut world, &ixdata::trade(100_000, BTC_50K + 1), &base), Some(code(PerpError::InvalidPrice)), "off the tick");
    assert_eq!(run(&mut world, &ixdata::trade(100_000, 0), &base), Some(code(PerpError::InvalidPrice)));
    assert_eq!(run(&mut world, &ixdata::trade(100_000, 10_000_001 * PRICE), &base), Some(code(PerpError::InvalidPrice)));
    assert_eq!(run(&mut world, &ixdata::trade(1, BTC_50K), &base), Some(code(PerpError::InvalidSize)), "off the lot");
    assert_eq!(run(&mut world, &ixdata::trade(0, BTC_50K), &base), Some(code(PerpError::InvalidSize)));
    assert_eq!(run(&mut world, &ixdata::trade(1_001 * UNIT, BTC_50K), &base), Some(code(PerpError::PositionLimit)));
    assert_eq!(run(&mut world, &ixdata::trade(i64::MAX - 7, BTC_50K), &base), Some(code(PerpError::InvalidSize)));
    let mut long = ixdata::trade(100_000, BTC_50K);
    long.push(0);
    assert_eq!(run(&mut world, &long, &base), Some(code(PerpError::InvalidInstruction)));
    assert_eq!(world.position(&user, BTC).size, 0, "nothing changed");
    world.bank.process(&ok_data, &base).expect("the unmodified fill passes");
}

#[test]
fn isolated_margin_add_and_remove() {
    let mut world = World::new();
    let user = world.funded_user(10_000);
    world.create_position(&user, BTC, mode::ISOLATED, 10).expect("position");
    assert_eq!(world.add_isolated_margin(&user, BTC, USDC as u64).err(), Some(code(PerpError::NoPosition)));
    world.trade(&user, BTC, 100_000_000, BTC_50K).expect("open: wallet 5,000");
    let ok = world.add_isolated_margin(&user, BTC, 1_000 * USDC as u64).expect("add");
    assert_eq!(world.position(&user, BTC).isolated_margin, 6_000 * USDC);
    assert_eq!(world.margin(&user).collateral, 10_000 * USDC - 25 * USDC - 6_000 * USDC);
    assert_eq!((ok.events[0][0], ok.events[0].len(), i64_at(&ok.events[0], 68)), (tag::ISOLATED_MARGIN_CHANGED, 100, 1_000 * USDC));
    // 6,000 of backing: tier 1 gives 44,000 / 0.996 = 44,176.706827..., rounded up.
    assert_eq!(i64_at(&ok.events[0], 92), 4_417_670_682_731);
    assert_eq!(world.add_isolated_margin(&user, BTC, 4_000 * USDC as u64).err(), Some(code(PerpError::InsufficientCollateral)));

    // Initial margin at the mark is 5,000: 1,000 can come out, not a unit more.
    assert_eq!(world.remove_isolated_margin(&user, BTC, 1_000 * USDC as u64 + 1).err(), Some(code(PerpError::InsufficientMargin)));
    world.remove_isolated_margin(&user, BTC, 1_000 * USDC as u64).expect("remove to exactly initial margin");
    assert_eq!(world.position(&user, BTC).isolated_margin, 5_000 * USDC);
    // A profit counts: at 51,000 the position has +1,000.
    world.set_mark(BTC, 51_000 * PRICE).expect("mark");
    world.remove_isolated_margin(&user, BTC, 900 * USDC as u64).expect("profit backs the wallet");
    world.advance(STALENESS + 1);
    assert_eq!(world.remove_isolated_margin(&user, BTC, 1).err(), Some(code(PerpError::StaleOracle)));

    let cross_user = world.funded_user(1_000);
    world.set_mark(BTC, 51_000 * PRICE).expect("mark");
    world.create_position(&cross_user, BTC, mode::CROSS, 10).expect("cross");
    world.trade(&cross_user, BTC, 100_000, 51_000 * PRICE).expect("open");
    assert_eq!(world.add_isolated_margin(&cross_user, BTC, 1).err(), Some(code(PerpError::WrongMarginMode)));
    let thief = world.funded_user(1);
    let mut metas = world.isolated_metas(&user, BTC, false);
    metas[0] = rs(thief.wallet);
    assert_eq!(world.bank.process(&ixdata::remove_isolated_margin(1), &metas).err(), Some(code(PerpError::Unauthorized)));
    metas[1] = w(thief.margin);
    assert_eq!(world.bank.process(&ixdata::remove_isolated_margin(1), &metas).err(), Some(code(PerpError::WrongPosition)));
}
