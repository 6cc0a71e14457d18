//! UpdateMarkPrice (oracle authority, staleness, confidence, ordering) and UpdateFunding (clamp, premium
//! formula, bound, lazy settlement on the next fill).

mod harness;

use harness::fixture::*;
use harness::ixdata;
use harness::*;
use perp_risk_program::error::PerpError;
use perp_risk_program::events::tag;
use perp_risk_program::math::fixed::MAX_FUNDING_INDEX;
use perp_risk_program::state::position::mode;

fn code(e: PerpError) -> u64 {
    e as u64
}

fn mark(world: &mut World, signer: [u8; 32], price: i64, confidence: i64, publish: u64) -> Result<Success, u64> {
    let metas = [rs(signer), w(World::market_key(BTC)), r(clock_id())];
    world.bank.process(&ixdata::update_mark_price(price, confidence, publish), &metas)
}

fn funding(world: &mut World, value: i64, mode: u8) -> Result<Success, u64> {
    let metas = [rs(world.oracle), w(World::market_key(BTC)), r(clock_id())];
    world.bank.process(&ixdata::update_funding(value, mode), &metas)
}

#[test]
fn mark_price_update_and_event() {
    let mut world = World::new();
    world.advance(10);
    let oracle = world.oracle;
    let ok = mark(&mut world, oracle, 51_000 * PRICE, 500 * PRICE, 105).expect("mark");
    let market = world.market(BTC);
    assert_eq!((market.mark_price, market.mark_slot), (51_000 * PRICE, 105));
    let mut event = vec![tag::MARK_PRICE_UPDATED, 1];
    event.extend_from_slice(&BTC.to_le_bytes());
    for v in [51_000 * PRICE, 500 * PRICE, 105, 110] {
        event.extend_from_slice(&v.to_le_bytes());
    }
    assert_eq!(ok.events, vec![event]);
}

#[test]
fn mark_price_rejections() {
    let mut world = World::new();
    world.advance(100); // slot 200, mark published at 100
    let (oracle, filler) = (world.oracle, world.filler);
    let p = 50_000 * PRICE;
    assert_eq!(mark(&mut world, filler, p, 0, 200).err(), Some(code(PerpError::Unauthorized)));
    let unsigned = [r(oracle), w(World::market_key(BTC)), r(clock_id())];
    assert_eq!(world.bank.process(&ixdata::update_mark_price(p, 0, 200), &unsigned).err(), Some(code(PerpError::MissingSignature)));
    assert_eq!(mark(&mut world, oracle, 0, 0, 200).err(), Some(code(PerpError::InvalidPrice)));
    assert_eq!(mark(&mut world, oracle, 10_000_000 * PRICE + 1, 0, 200).err(), Some(code(PerpError::InvalidPrice)));
    assert_eq!(mark(&mut world, oracle, p, -1, 200).err(), Some(code(PerpError::InvalidAmount)));
    // Max confidence 1% of the price: 500.00 passes, 500.00000001 does not.
    assert_eq!(mark(&mut world, oracle, p, 500 * PRICE + 1, 200).err(), Some(code(PerpError::OracleConfidence)));
    assert_eq!(mark(&mut world, oracle, p, 0, 201).err(), Some(code(PerpError::OracleOutOfOrder)), "from the future");
    assert_eq!(mark(&mut world, oracle, p, 0, 99).err(), Some(code(PerpError::OracleOutOfOrder)), "older than the mark");
    assert_eq!(mark(&mut world, oracle, p, 0, 149).err(), Some(code(PerpError::StaleOracle)), "51 slots old");
    mark(&mut world, oracle, p, 500 * PRICE, 150).expect("50 slots old, confidence at the limit");
    assert_eq!(world.market(BTC).mark_slot, 150);
}

#[test]
fn funding_index_moves_by_mark_times_clamped_rate() {
    let mut world = World::new();
    let ok = funding(&mut world, 10_000, 0).expect("0.01%");
    // 50,000 * 0.0001 = 5 quote per unit of base, at 1e12.
    assert_eq!(world.market(BTC).funding_index, 5_000_000_000_000);
    assert_eq!((ok.events[0][0], ok.events[0].len()), (tag::FUNDING_UPDATED, 2 + 2 + 8 * 5));
    funding(&mut world, -10_000_000, 0).expect("-10% is clamped to -4%");
    assert_eq!(world.market(BTC).funding_index, 5_000_000_000_000 - 2_000_000_000_000_000);
    // Premium 0.1%: rate = P + clamp(I - P, -0.05%, 0.05%) = 0.05% -> 25 per unit.
    funding(&mut world, 100_000, 1).expect("premium");
    assert_eq!(world.market(BTC).funding_index, 5_000_000_000_000 - 2_000_000_000_000_000 + 25_000_000_000_000);
}

#[test]
fn funding_rejections_and_bound() {
    let mut world = World::new();
    assert_eq!(funding(&mut world, 100_000_001, 0).err(), Some(code(PerpError::InvalidRate)));
    assert_eq!(funding(&mut world, 1, 2).err(), Some(code(PerpError::InvalidRate)));
    let filler = world.filler;
    let metas = [rs(filler), w(World::market_key(BTC)), r(clock_id())];
    assert_eq!(world.bank.process(&ixdata::update_funding(1, 0), &metas).err(), Some(code(PerpError::Unauthorized)));
    world.advance(STALENESS + 1);
    assert_eq!(funding(&mut world, 1, 0).err(), Some(code(PerpError::StaleOracle)));
    let oracle = world.oracle;
    let slot = world.slot;
    mark(&mut world, oracle, 10_000_000 * PRICE, 0, slot).expect("max price");
    // Each +4% at the max price adds 4e17; |index| may reach MAX_FUNDING_INDEX (1e18) but not pass it.
    funding(&mut world, 4_000_000, 0).expect("1");
    funding(&mut world, 4_000_000, 0).expect("2");
    assert_eq!(funding(&mut world, 4_000_000, 0).err(), Some(code(PerpError::LimitExceeded)));
    funding(&mut world, 2_000_000, 0).expect("to exactly the bound");
    assert_eq!(world.market(BTC).funding_index, MAX_FUNDING_INDEX);

    let params = btc_params(world.oracle, world.filler);
    world.initialize_market(9, &params).expect("market without a mark");
    let metas = [rs(oracle), w(World::market_key(9)), r(clock_id())];
    assert_eq!(world.bank.process(&ixdata::update_funding(1, 0), &metas).err(), Some(code(PerpError::NoMarkPrice)));
}

#[test]
fn funding_settles_lazily_on_the_next_fill() {
    let mut world = World::new();
    let long = world.funded_user(10_000);
    let short = world.funded_user(10_000);
    world.create_position(&long, BTC, mode::CROSS, 10).expect("long");
    world.create_position(&short, BTC, mode::ISOLATED, 10).expect("short");
    world.trade(&long, BTC, UNIT, 50_000 * PRICE).expect("long 1");
    world.trade(&short, BTC, -UNIT, 50_000 * PRICE).expect("short 1");
    let long_before = world.margin(&long).collateral;
    let wallet_before = world.position(&short, BTC).isolated_margin;
    funding(&mut world, 10_000, 0).expect("longs pay 5 per BTC");
    assert_eq!(world.margin(&long).collateral, long_before, "nothing moves at the funding tick");

    let ok = world.trade(&long, BTC, -UNIT / 2, 50_000 * PRICE).expect("reduce");
    assert_eq!(i64::from_le_bytes(ok.events[0][94..102].try_into().expect("funding field")), -5 * USDC);
    assert_eq!(world.margin(&long).collateral, long_before - 5 * USDC - 12_500_000);
    assert_eq!(world.margin(&long).funding_paid, 5 * USDC);
    // The isolated short receives into its wallet when it next changes.
    world.add_isolated_margin(&short, BTC, USDC as u64).expect("add does not settle");
    world.remove_isolated_margin(&short, BTC, USDC as u64).expect("remove settles first");
    assert_eq!(world.position(&short, BTC).isolated_margin, wallet_before + 5 * USDC);
    assert_eq!(world.margin(&short).funding_paid, -5 * USDC);
    assert_eq!(world.position(&short, BTC).funding_index, world.market(BTC).funding_index);
}
