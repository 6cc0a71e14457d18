//! Liquidate: permissionless below maintenance; the liquidator takes the position at the bankruptcy price and
//! pays the liquidation fee to the insurance fund.

mod harness;

use harness::fixture::*;
use harness::ixdata;
use harness::*;
use perp_risk_program::error::PerpError;
use perp_risk_program::events::tag;
use perp_risk_program::math::position::bankruptcy_price;
use perp_risk_program::state::position::{lifecycle, mode};

fn code(e: PerpError) -> u64 {
    e as u64
}

fn i64_at(event: &[u8], at: usize) -> i64 {
    i64::from_le_bytes(event[at..at + 8].try_into().expect("8 bytes"))
}

/// Victim: isolated long 1 BTC at 50,000, 10x (wallet 5,000). Liquidator: cross position account, 10,000 USDC.
fn isolated_setup() -> (World, User, User) {
    let mut world = World::new();
    let victim = world.funded_user(10_000);
    let liquidator = world.funded_user(10_000);
    world.create_position(&victim, BTC, mode::ISOLATED, 10).expect("victim position");
    world.create_position(&liquidator, BTC, mode::CROSS, 20).expect("liquidator position");
    world.trade(&victim, BTC, UNIT, 50_000 * PRICE).expect("victim long");
    (world, victim, liquidator)
}

#[test]
fn isolated_position_below_maintenance_is_taken_over_at_its_bankruptcy_price() {
    let (mut world, victim, liquidator) = isolated_setup();
    // At 45,200 equity 200 >= maintenance 180.8 (tier 1, 0.4%): not yet.
    world.set_mark(BTC, 45_200 * PRICE).expect("mark");
    assert_eq!(world.liquidate(&liquidator, &victim, BTC).err(), Some(code(PerpError::NotLiquidatable)));
    // At 45,100 equity 100 < 180.4.
    world.set_mark(BTC, 45_100 * PRICE).expect("mark");
    let victim_collateral = world.margin(&victim).collateral;
    let ok = world.liquidate(&liquidator, &victim, BTC).expect("liquidated");

    let bankruptcy = 45_000 * PRICE; // entry - wallet / size = 50,000 - 5,000
    let v = world.position(&victim, BTC);
    assert_eq!((v.size, v.state, v.isolated_margin, v.realized_pnl), (0, lifecycle::LIQUIDATED, 0, -5_000 * USDC));
    assert_eq!(world.margin(&victim).collateral, victim_collateral, "the wallet is used up, the collateral untouched");
    let l = world.position(&liquidator, BTC);
    assert_eq!((l.size, l.entry_price), (UNIT, bankruptcy));
    let fee = 225 * USDC; // 0.5% of 45,000
    assert_eq!(world.margin(&liquidator).collateral, 10_000 * USDC - fee);
    let market = world.market(BTC);
    assert_eq!((market.insurance_fund, market.open_interest_long, market.open_interest_short), (fee, UNIT, 0));

    assert_eq!(ok.events.len(), 3);
    assert_eq!((ok.events[0][0], ok.events[0][68]), (tag::POSITION_CHANGED, 8), "victim: LIQUIDATED change code");
    assert_eq!((ok.events[1][0], ok.events[1][68]), (tag::POSITION_CHANGED, 1), "liquidator: OPENED");
    let e = &ok.events[2];
    assert_eq!((e[0], e.len()), (tag::LIQUIDATED, 124));
    assert_eq!(&e[4..36], &victim.wallet);
    assert_eq!(&e[36..68], &liquidator.wallet);
    assert_eq!((i64_at(e, 68), i64_at(e, 76), i64_at(e, 84), i64_at(e, 92)), (UNIT, bankruptcy, 45_100 * PRICE, fee));
    assert_eq!(i64_at(e, 108), fee, "insurance fund after");
}

#[test]
fn cross_account_below_maintenance_is_liquidated_with_its_other_positions_listed() {
    let mut world = World::new();
    let victim = world.funded_user(1_000);
    let liquidator = world.funded_user(10_000);
    world.create_position(&victim, BTC, mode::CROSS, 50).expect("btc");
    world.create_position(&victim, ETH, mode::CROSS, 50).expect("eth");
    world.create_position(&liquidator, BTC, mode::CROSS, 20).expect("liquidator");
    world.trade(&victim, BTC, UNIT / 2, 50_000 * PRICE).expect("0.5 BTC: IM 500");
    world.trade(&victim, ETH, UNIT, 3_000 * PRICE).expect("1 ETH: IM 60");
    world.set_mark(BTC, 48_000 * PRICE).expect("BTC falls");
    let margin = world.margin(&victim);
    // Backing of the BTC position: collateral + ETH's PnL (0 at its entry mark).
    let expected = bankruptcy_price(UNIT / 2, 50_000 * PRICE, margin.collateral);
    let (mut metas, n) = world.liquidate_metas(&liquidator, &victim, BTC);
    assert_eq!(n, 1);
    assert_eq!(world.bank.process(&ixdata::liquidate(0), &metas).err(), Some(code(PerpError::CrossSetMismatch)));
    metas.truncate(7);
    assert_eq!(world.bank.process(&ixdata::liquidate(1), &metas).err(), Some(code(PerpError::CrossSetMismatch)));
    world.liquidate(&liquidator, &victim, BTC).expect("liquidated");
    assert_eq!(world.position(&liquidator, BTC).entry_price, expected);
    let after = world.margin(&victim);
    assert_eq!((after.open_cross_positions, world.position(&victim, BTC).state), (1, lifecycle::LIQUIDATED));
    assert!(after.collateral.abs() <= 1, "the backing is used up to rounding: {}", after.collateral);
}

#[test]
fn liquidation_rejections() {
    let (mut world, victim, liquidator) = isolated_setup();
    world.set_mark(BTC, 45_100 * PRICE).expect("mark");
    assert_eq!(world.liquidate(&victim, &victim, BTC).err(), Some(code(PerpError::SelfLiquidation)));
    let (metas, n) = world.liquidate_metas(&liquidator, &victim, BTC);
    let data = ixdata::liquidate(n);
    let mut m = metas.clone();
    m[0] = r(liquidator.wallet);
    assert_eq!(world.bank.process(&data, &m).err(), Some(code(PerpError::MissingSignature)));
    let third = world.funded_user(10_000);
    world.create_position(&third, BTC, mode::CROSS, 20).expect("third");
    m = metas.clone();
    m[2] = w(World::position_key(&third, BTC));
    assert_eq!(world.bank.process(&data, &m).err(), Some(code(PerpError::WrongPosition)), "someone else's position");
    world.create_position(&liquidator, ETH, mode::CROSS, 20).expect("eth");
    m = metas.clone();
    m[2] = w(World::position_key(&liquidator, ETH));
    assert_eq!(world.bank.process(&data, &m).err(), Some(code(PerpError::WrongPosition)), "another market's position");
    m = metas.clone();
    m[5] = r(World::market_key(BTC));
    assert_eq!(world.bank.process(&data, &m).err(), Some(code(PerpError::NotWritable)));
    assert_eq!(world.bank.process(&ixdata::liquidate(1), &metas).err(), Some(code(PerpError::CrossSetMismatch)));

    // 1,000 - 225 fee + 100 PnL < 2,255 initial margin at 20x.
    let poor = world.funded_user(1_000);
    world.create_position(&poor, BTC, mode::CROSS, 20).expect("poor");
    assert_eq!(world.liquidate(&poor, &victim, BTC).err(), Some(code(PerpError::InsufficientMargin)));
    let poor_isolated = world.funded_user(100);
    world.create_position(&poor_isolated, BTC, mode::ISOLATED, 20).expect("poor isolated");
    assert_eq!(world.liquidate(&poor_isolated, &victim, BTC).err(), Some(code(PerpError::InsufficientCollateral)));

    world.advance(STALENESS + 1);
    assert_eq!(world.liquidate(&liquidator, &victim, BTC).err(), Some(code(PerpError::StaleOracle)));
    world.set_mark(BTC, 45_100 * PRICE).expect("fresh");
    world.liquidate(&liquidator, &victim, BTC).expect("now");
    assert_eq!(world.liquidate(&liquidator, &victim, BTC).err(), Some(code(PerpError::NoPosition)));
}
