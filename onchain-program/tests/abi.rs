//! The account ABI itself: malformed instructions, duplicated and forged accounts, account type and version
//! checks, and random instruction data that must never make the program panic.

mod harness;

use harness::fixture::*;
use harness::ixdata;
use harness::*;
use perp_risk_program::error::PerpError;
use perp_risk_program::instruction as ix;
use perp_risk_program::state::position::mode;
use proptest::prelude::*;

fn code(e: PerpError) -> u64 {
    e as u64
}

#[test]
fn malformed_instructions() {
    let mut world = World::new();
    assert_eq!(world.bank.process(&[], &[]).err(), Some(code(PerpError::InvalidInstruction)), "no data");
    assert_eq!(world.bank.process(&[13], &[]).err(), Some(code(PerpError::InvalidInstruction)), "unknown tag");
    assert_eq!(world.bank.process(&[255, 1, 2], &[]).err(), Some(code(PerpError::InvalidInstruction)));
    for tag in [ix::UPDATE_MARKET_PARAMS, ix::DEPOSIT, ix::WITHDRAW, ix::TRADE, ix::UPDATE_MARK_PRICE, ix::UPDATE_FUNDING] {
        assert_eq!(world.bank.process(&[tag], &[]).err(), Some(code(PerpError::InvalidInstruction)), "tag {tag} without arguments");
    }
    let trade = ixdata::trade(100_000, 50_000 * PRICE);
    assert_eq!(world.bank.process(&trade, &[]).err(), Some(code(PerpError::NotEnoughAccounts)));
}

#[test]
fn forged_accounts_are_refused_by_owner_type_version_and_address() {
    let mut world = World::new();
    let user = world.funded_user(10_000);
    world.create_position(&user, BTC, mode::CROSS, 10).expect("position");
    let oracle = world.oracle;
    let update = |world: &mut World, market: [u8; 32]| {
        let metas = [rs(oracle), w(market), r(clock_id())];
        world.bank.process(&ixdata::update_mark_price(51_000 * PRICE, 0, 100), &metas).err()
    };
    let original = world.bank.accounts[&World::market_key(BTC)].clone();
    let forge = |world: &mut World, edit: &dyn Fn(&mut Account)| {
        let key = world.bank.new_key();
        let mut account = original.clone();
        edit(&mut account);
        world.bank.accounts.insert(key, account);
        key
    };
    let foreign = forge(&mut world, &|a| a.owner = [3; 32]);
    assert_eq!(update(&mut world, foreign), Some(code(PerpError::WrongAccountOwner)));
    let short = forge(&mut world, &|a| a.data.truncate(100));
    assert_eq!(update(&mut world, short), Some(code(PerpError::WrongAccountSize)));
    let retyped = forge(&mut world, &|a| a.data[0] = 3);
    assert_eq!(update(&mut world, retyped), Some(code(PerpError::WrongAccountType)));
    let future = forge(&mut world, &|a| a.data[1] = 2);
    assert_eq!(update(&mut world, future), Some(code(PerpError::UnsupportedVersion)));
    let copy = forge(&mut world, &|_| ());
    assert_eq!(update(&mut world, copy), Some(code(PerpError::WrongProgramAddress)), "a perfect copy at a non-PDA address");
    assert_eq!(update(&mut world, World::market_key(BTC)), None);
}

#[test]
fn duplicated_accounts() {
    let mut world = World::new();
    let user = world.funded_user(1_000);
    // Depositing from the vault into itself: refused before any CPI.
    let metas = [rs(user.wallet), w(user.margin), r(world.exchange), w(world.vault), w(world.vault), r(token_program())];
    assert_eq!(world.bank.process(&ixdata::deposit(1), &metas).err(), Some(code(PerpError::DuplicateAccount)));
    // The same account as margin account and position: the loader marks the duplicate and the type check refuses.
    world.create_position(&user, BTC, mode::CROSS, 10).expect("position");
    let mut trade = world.trade_metas(&user, BTC);
    trade[3] = w(user.margin);
    assert_eq!(world.bank.process(&ixdata::trade(100_000, 50_000 * PRICE), &trade).err(), Some(code(PerpError::WrongAccountSize)));
    // Liquidating with the victim's own accounts in the liquidator's slots.
    world.trade(&user, BTC, 100_000, 50_000 * PRICE).expect("open");
    let (mut liq, _) = world.liquidate_metas(&user, &user, BTC);
    liq[0] = rs(user.wallet);
    assert_eq!(world.bank.process(&ixdata::liquidate(0), &liq).err(), Some(code(PerpError::SelfLiquidation)));
    assert_eq!(world.margin(&user).collateral, 1_000 * USDC - 25_000, "only the 0.001 BTC fill's fee moved");
}

/// Builds each instruction's account list against the fixture, for the fuzzing property below.
fn metas_for(world: &World, user: &User, tag: u8) -> Vec<Meta> {
    match tag {
        ix::INITIALIZE_EXCHANGE => vec![ws(world.admin), w(world.exchange), r(world.mint), r(world.vault), r(SYSTEM_PROGRAM), r(rent_id())],
        ix::INITIALIZE_MARKET => vec![ws(world.admin), r(world.exchange), w(World::market_key(3)), r(SYSTEM_PROGRAM), r(rent_id())],
        ix::UPDATE_MARKET_PARAMS => vec![rs(world.admin), r(world.exchange), w(World::market_key(BTC))],
        ix::CREATE_MARGIN_ACCOUNT => vec![ws(user.wallet), w(user.margin), r(SYSTEM_PROGRAM), r(rent_id())],
        ix::DEPOSIT => vec![rs(user.wallet), w(user.margin), r(world.exchange), w(user.tokens), w(world.vault), r(token_program())],
        ix::WITHDRAW => world.withdraw_metas(user),
        ix::CREATE_POSITION => vec![ws(user.wallet), r(user.margin), r(World::market_key(ETH)), w(World::position_key(user, ETH)), r(SYSTEM_PROGRAM), r(rent_id())],
        ix::TRADE => world.trade_metas(user, BTC),
        ix::ADD_ISOLATED_MARGIN | ix::REMOVE_ISOLATED_MARGIN => world.isolated_metas(user, BTC, true),
        ix::UPDATE_MARK_PRICE | ix::UPDATE_FUNDING => vec![rs(world.oracle), w(World::market_key(BTC)), r(clock_id())],
        _ => world.liquidate_metas(user, user, BTC).0,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any instruction data against real accounts returns a result (success or a documented error) and never
    /// panics: a panic inside the exported `extern "C"` entrypoint would abort the test process.
    #[test]
    fn random_instruction_data_never_panics(tag in 0u8..14, body in proptest::collection::vec(any::<u8>(), 0..200)) {
        let mut world = World::new();
        let user = world.funded_user(10_000);
        world.create_position(&user, BTC, mode::ISOLATED, 10).expect("position");
        let metas = metas_for(&world, &user, tag);
        let mut data = vec![tag];
        data.extend_from_slice(&body);
        if let Err(code) = world.bank.process(&data, &metas) {
            // A documented program error, or a builtin ProgramError (upper 32 bits) such as the loader's.
            prop_assert!((1..=40).contains(&code) || code % (1 << 32) == 0, "unexpected code {code}");
        }
    }
}
