//! InitializeExchange, InitializeMarket, UpdateMarketParams through the real account ABI.

mod harness;

use harness::fixture::*;
use harness::ixdata;
use harness::*;
use perp_risk_program::error::PerpError;
use perp_risk_program::events::tag;
use perp_risk_program::math::tiers::{TierSpec, TierTable, DERIVED};
use perp_risk_program::pda;
use perp_risk_program::state::exchange::Exchange;
use perp_risk_program::state::AccountLayout;

fn code(e: PerpError) -> u64 {
    e as u64
}

/// A bank with authorities, mint and vault, but no exchange yet.
fn bare() -> World {
    let mut bank = Bank::new();
    let admin = bank.wallet(1_000_000_000_000);
    let oracle = bank.wallet(1);
    let filler = bank.wallet(1);
    let mint = bank.mint(6);
    let vault_authority = pda(&[pda::VAULT_SEED]);
    let vault = bank.token_account(mint, vault_authority, 0);
    World { bank, admin, oracle, filler, mint, vault, vault_authority, exchange: pda(&[pda::EXCHANGE_SEED]), slot: 100 }
}

#[test]
fn initialize_exchange_creates_the_pda_funded_by_the_admin_and_logs_the_event() {
    let mut world = bare();
    let before = world.bank.accounts[&world.admin].lamports;
    let ok = world.initialize_exchange().expect("initialized");
    let account = &world.bank.accounts[&world.exchange];
    assert_eq!(account.owner, program_id());
    assert_eq!(account.data.len(), Exchange::LEN);
    let rent = (128 + Exchange::LEN as u64) * LAMPORTS_PER_BYTE;
    assert_eq!(account.lamports, rent);
    assert_eq!(world.bank.accounts[&world.admin].lamports, before - rent);
    let exchange = Exchange::decode(&account.data);
    assert_eq!((exchange.admin, exchange.collateral_mint, exchange.vault), (world.admin, world.mint, world.vault));
    assert_eq!(account.data[0..2], [1, 1], "discriminator and version");
    let mut expected = vec![tag::EXCHANGE_INITIALIZED, 1];
    expected.extend_from_slice(&world.admin);
    expected.extend_from_slice(&world.mint);
    expected.extend_from_slice(&world.vault);
    assert_eq!(ok.events, vec![expected]);
    assert!(matches!(&ok.cpis[..], [perp_risk_program::native::CpiRequest::CreateAccount { space: 112, .. }]));
}

#[test]
fn initialize_exchange_rejections() {
    let mut world = bare();
    let base = [ws(world.admin), w(world.exchange), r(world.mint), r(world.vault), r(SYSTEM_PROGRAM), r(rent_id())];
    let data = ixdata::initialize_exchange();
    let run = |world: &mut World, metas: &[Meta]| world.bank.process(&data, metas).err();

    let mut m = base;
    m[0] = w(world.admin);
    assert_eq!(run(&mut world, &m), Some(code(PerpError::MissingSignature)));
    let wrong = world.bank.new_key();
    m = base;
    m[1] = w(wrong);
    assert_eq!(run(&mut world, &m), Some(code(PerpError::WrongProgramAddress)));
    m = base;
    m[4] = r(world.mint);
    assert_eq!(run(&mut world, &m), Some(code(PerpError::WrongSystemProgram)));
    m = base;
    m[5] = r(clock_id());
    assert_eq!(run(&mut world, &m), Some(code(PerpError::WrongSysvar)));
    let mint9 = world.bank.mint(9);
    m = base;
    m[2] = r(mint9);
    assert_eq!(run(&mut world, &m), Some(code(PerpError::WrongMint)));
    let foreign_vault = world.bank.token_account(world.mint, world.admin, 0);
    m = base;
    m[3] = r(foreign_vault);
    assert_eq!(run(&mut world, &m), Some(code(PerpError::WrongVault)));
    let other_mint_vault = world.bank.token_account(mint9, world.vault_authority, 0);
    m = base;
    m[3] = r(other_mint_vault);
    assert_eq!(run(&mut world, &m), Some(code(PerpError::WrongMint)));
    assert_eq!(run(&mut world, &base[..5]), Some(code(PerpError::NotEnoughAccounts)));
    assert_eq!(world.bank.process(&[0, 9], &base).err(), Some(code(PerpError::InvalidInstruction)));
    assert!(!world.bank.accounts.contains_key(&world.exchange), "nothing created by a rejected instruction");

    world.initialize_exchange().expect("first");
    assert_eq!(world.initialize_exchange().err(), Some(code(PerpError::AlreadyInitialized)));
}

#[test]
fn initialize_market_stores_params_and_the_engine_derived_tiers() {
    let world = World::new();
    let market = world.market(BTC);
    let specs: Vec<TierSpec> = btc_params(world.oracle, world.filler)
        .tiers
        .iter()
        .map(|&(floor, max_leverage, maintenance_rate, maintenance_amount)| TierSpec { floor, max_leverage, maintenance_rate, maintenance_amount })
        .collect();
    assert_eq!(market.tiers, TierTable::derive(&specs).expect("valid"));
    // Binance-style cumulative amounts: tier 2 starts at 50,000 USDC with mmr 0.5% after 0.4%: 50 USDC.
    assert_eq!(market.tiers.maintenance_rate(0), Some(400_000));
    assert_eq!(market.tiers.maintenance_amount(1), Some(50 * USDC));
    assert_eq!(market.params.max_price, 10_000_000 * PRICE);
    assert_eq!((market.tick_size(), market.lot_size()), (1_000_000, 100_000));
    assert_eq!(market.market_id, BTC);
    assert_eq!(market.mark_price, 50_000 * PRICE);
}

#[test]
fn initialize_market_rejections() {
    let mut world = World::new();
    let params = btc_params(world.oracle, world.filler);
    let id = 7u16;
    let metas = [ws(world.admin), r(world.exchange), w(World::market_key(id)), r(SYSTEM_PROGRAM), r(rent_id())];
    let run = |world: &mut World, p: &ixdata::Params, metas: &[Meta]| world.bank.process(&ixdata::initialize_market(id, p), metas).err();

    let impostor = world.bank.wallet(1_000_000_000);
    let mut m = metas;
    m[0] = ws(impostor);
    assert_eq!(run(&mut world, &params, &m), Some(code(PerpError::Unauthorized)));
    m = metas;
    m[2] = w(World::market_key(8));
    assert_eq!(run(&mut world, &params, &m), Some(code(PerpError::WrongProgramAddress)));
    let mut bad = params.clone();
    bad.max_price = 0;
    assert_eq!(run(&mut world, &bad, &metas), Some(code(PerpError::InvalidMarketParams)));
    bad = params.clone();
    bad.taker_fee_rate = 100_000_000;
    assert_eq!(run(&mut world, &bad, &metas), Some(code(PerpError::InvalidMarketParams)));
    bad = params.clone();
    bad.max_position_size = 1_000_000_000 * UNIT; // notional at max price beyond MAX_NOTIONAL
    assert_eq!(run(&mut world, &bad, &metas), Some(code(PerpError::InvalidMarketParams)));
    bad = params.clone();
    bad.tiers = vec![(1, 10, DERIVED, DERIVED)];
    assert_eq!(run(&mut world, &bad, &metas), Some(code(PerpError::InvalidTiers)));
    bad.tiers = vec![(0, 10, DERIVED, DERIVED), (100, 20, DERIVED, DERIVED)];
    assert_eq!(run(&mut world, &bad, &metas), Some(code(PerpError::InvalidTiers)), "leverage must not increase");
    bad.tiers = vec![(0, 10, 20_000_000, DERIVED)];
    assert_eq!(run(&mut world, &bad, &metas), Some(code(PerpError::InvalidTiers)), "mmr above 1/leverage");
    bad.tiers = vec![];
    assert_eq!(run(&mut world, &bad, &metas), Some(code(PerpError::InvalidTiers)));
    bad.tiers = vec![(0, 10, DERIVED, DERIVED); 9];
    assert_eq!(run(&mut world, &bad, &metas), Some(code(PerpError::InvalidTiers)));
    let mut truncated = ixdata::initialize_market(id, &params);
    truncated.pop();
    assert_eq!(world.bank.process(&truncated, &metas).err(), Some(code(PerpError::InvalidInstruction)));
    assert_eq!(world.initialize_market(BTC, &params).err(), Some(code(PerpError::AlreadyInitialized)));
    world.bank.process(&ixdata::initialize_market(id, &params), &metas).expect("valid market");
}

#[test]
fn update_market_params_by_admin_only() {
    let mut world = World::new();
    let mut params = btc_params(world.oracle, world.filler);
    params.taker_fee_rate = 70_000;
    params.tiers = vec![(0, 20, DERIVED, DERIVED)];
    let metas = [rs(world.admin), r(world.exchange), w(World::market_key(BTC))];
    let ok = world.bank.process(&ixdata::update_market_params(&params), &metas).expect("updated");
    let market = world.market(BTC);
    assert_eq!(market.params.taker_fee_rate, 70_000);
    assert_eq!(market.tiers.len(), 1);
    assert_eq!(market.mark_price, 50_000 * PRICE, "state is kept");
    assert_eq!(ok.events[0][0], tag::MARKET_PARAMS_UPDATED);

    let impostor = world.bank.wallet(1);
    let bad = [rs(impostor), r(world.exchange), w(World::market_key(BTC))];
    assert_eq!(world.bank.process(&ixdata::update_market_params(&params), &bad).err(), Some(code(PerpError::Unauthorized)));
    let unsigned = [r(world.admin), r(world.exchange), w(World::market_key(BTC))];
    assert_eq!(world.bank.process(&ixdata::update_market_params(&params), &unsigned).err(), Some(code(PerpError::MissingSignature)));
    let readonly = [rs(world.admin), r(world.exchange), r(World::market_key(BTC))];
    assert_eq!(world.bank.process(&ixdata::update_market_params(&params), &readonly).err(), Some(code(PerpError::NotWritable)));
    // An exchange-shaped account owned by another program, and the market in the exchange's slot.
    let fake = world.bank.new_key();
    let mut copy = world.bank.accounts[&world.exchange].clone();
    copy.owner = [9; 32];
    world.bank.accounts.insert(fake, copy);
    let forged = [rs(world.admin), r(fake), w(World::market_key(BTC))];
    assert_eq!(world.bank.process(&ixdata::update_market_params(&params), &forged).err(), Some(code(PerpError::WrongAccountOwner)));
    let swapped = [rs(world.admin), r(World::market_key(BTC)), w(World::market_key(BTC))];
    assert_eq!(world.bank.process(&ixdata::update_market_params(&params), &swapped).err(), Some(code(PerpError::WrongAccountSize)));
}
