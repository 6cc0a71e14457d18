//! CreateMarginAccount, Deposit, Withdraw: vault transfers (emulated SPL Token CPI), checks and the initial
//! margin rule.

mod harness;

use harness::fixture::*;
use harness::ixdata;
use harness::*;
use perp_risk_program::error::PerpError;
use perp_risk_program::events::tag;
use perp_risk_program::native::CpiRequest;
use perp_risk_program::pda;
use perp_risk_program::state::position::mode;

fn code(e: PerpError) -> u64 {
    e as u64
}

#[test]
fn margin_account_is_the_owner_pda_and_cannot_be_created_twice() {
    let mut world = World::new();
    let user = world.user(0);
    let margin = world.margin(&user);
    assert_eq!(margin.owner, user.wallet);
    assert_eq!((margin.collateral, margin.open_positions), (0, 0));
    let again = [ws(user.wallet), w(user.margin), r(SYSTEM_PROGRAM), r(rent_id())];
    assert_eq!(world.bank.process(&ixdata::create_margin_account(), &again).err(), Some(code(PerpError::AlreadyInitialized)));
    let other = world.bank.wallet(1_000_000_000);
    let someone_elses = [ws(other), w(user.margin), r(SYSTEM_PROGRAM), r(rent_id())];
    assert_eq!(world.bank.process(&ixdata::create_margin_account(), &someone_elses).err(), Some(code(PerpError::WrongProgramAddress)));
    let poor = world.bank.wallet(10);
    let poor_margin = pda(&[pda::MARGIN_SEED, &poor]);
    let metas = [ws(poor), w(poor_margin), r(SYSTEM_PROGRAM), r(rent_id())];
    assert_eq!(world.bank.process(&ixdata::create_margin_account(), &metas).err(), Some(1), "System Program: not enough lamports for rent");
}

#[test]
fn deposit_moves_tokens_into_the_vault_and_credits_collateral() {
    let mut world = World::new();
    let user = world.user(5_000 * USDC as u64);
    let ok = world.deposit(&user, 1_200 * USDC as u64).expect("deposit");
    assert_eq!(world.bank.token_balance(&user.tokens), 3_800 * USDC as u64);
    assert_eq!(world.bank.token_balance(&world.vault), 1_200 * USDC as u64);
    assert_eq!(world.margin(&user).collateral, 1_200 * USDC);
    assert_eq!(
        ok.cpis,
        vec![CpiRequest::TokenTransfer { from: user.tokens, to: world.vault, authority: user.wallet, amount: 1_200 * USDC as u64, signer_seeds: vec![] }]
    );
    let mut event = vec![tag::COLLATERAL_DEPOSITED, 1];
    event.extend_from_slice(&user.wallet);
    event.extend_from_slice(&(1_200 * USDC as u64).to_le_bytes());
    event.extend_from_slice(&(1_200 * USDC).to_le_bytes());
    assert_eq!(ok.events, vec![event]);
}

#[test]
fn deposit_rejections() {
    let mut world = World::new();
    let user = world.user(100 * USDC as u64);
    let other = world.user(100 * USDC as u64);
    let base = [rs(user.wallet), w(user.margin), r(world.exchange), w(user.tokens), w(world.vault), r(token_program())];
    let amount = 10 * USDC as u64;
    let run = |world: &mut World, metas: &[Meta], amount: u64| world.bank.process(&ixdata::deposit(amount), metas).err();

    let mut m = base;
    m[0] = r(user.wallet);
    assert_eq!(run(&mut world, &m, amount), Some(code(PerpError::MissingSignature)));
    m = base;
    m[1] = w(other.margin);
    assert_eq!(run(&mut world, &m, amount), Some(code(PerpError::Unauthorized)), "someone else's margin account");
    let fake_vault = world.bank.token_account(world.mint, user.wallet, 0);
    m = base;
    m[4] = w(fake_vault);
    assert_eq!(run(&mut world, &m, amount), Some(code(PerpError::WrongVault)));
    let other_mint = world.bank.mint(6);
    let wrong_tokens = world.bank.token_account(other_mint, user.wallet, 1_000 * USDC as u64);
    m = base;
    m[3] = w(wrong_tokens);
    assert_eq!(run(&mut world, &m, amount), Some(code(PerpError::WrongMint)));
    m = base;
    m[5] = r(SYSTEM_PROGRAM);
    assert_eq!(run(&mut world, &m, amount), Some(code(PerpError::WrongTokenProgram)));
    assert_eq!(run(&mut world, &base, 0), Some(code(PerpError::InvalidAmount)));
    assert_eq!(run(&mut world, &base, u64::MAX), Some(code(PerpError::InvalidAmount)));
    assert_eq!(run(&mut world, &base, 101 * USDC as u64), Some(1), "SPL Token: insufficient funds");
    // Paying from another user's token account: the token program refuses the authority.
    m = base;
    m[3] = w(other.tokens);
    assert_eq!(run(&mut world, &m, amount), Some(4), "SPL Token: owner mismatch");
    assert_eq!(world.margin(&user).collateral, 0, "no rejected deposit changed anything");
    assert_eq!(world.bank.token_balance(&world.vault), 0);
}

#[test]
fn withdraw_pays_out_through_the_vault_authority_pda() {
    let mut world = World::new();
    let user = world.funded_user(1_000);
    let ok = world.withdraw(&user, 400 * USDC as u64).expect("withdraw");
    assert_eq!(world.margin(&user).collateral, 600 * USDC);
    assert_eq!(world.bank.token_balance(&user.tokens), 400 * USDC as u64);
    assert_eq!(world.bank.token_balance(&world.vault), 600 * USDC as u64);
    match &ok.cpis[..] {
        [CpiRequest::TokenTransfer { from, to, authority, amount, signer_seeds }] => {
            assert_eq!((from, to, authority, *amount), (&world.vault, &user.tokens, &world.vault_authority, 400 * USDC as u64));
            assert_eq!(signer_seeds[0], b"vault".to_vec());
        }
        other => panic!("unexpected CPIs {other:?}"),
    }
    assert_eq!(ok.events[0][0], tag::COLLATERAL_WITHDRAWN);
}

#[test]
fn withdraw_is_refused_when_it_would_breach_initial_margin() {
    let mut world = World::new();
    let user = world.funded_user(1_000);
    world.create_position(&user, BTC, mode::CROSS, 10).expect("position");
    // 0.1 BTC at 50,000 = 5,000 notional; initial margin at 10x = 500; fee 2.5.
    world.trade(&user, BTC, 10_000_000, 50_000 * PRICE).expect("open");
    let collateral = world.margin(&user).collateral;
    assert_eq!(collateral, 1_000 * USDC - 2_500_000);
    let free = collateral - 500 * USDC;
    assert_eq!(world.withdraw(&user, free as u64 + 1).err(), Some(code(PerpError::InsufficientMargin)));
    world.withdraw(&user, free as u64).expect("exactly the free collateral");
    assert_eq!(world.margin(&user).collateral, 500 * USDC);
    assert_eq!(world.withdraw(&user, 1).err(), Some(code(PerpError::InsufficientMargin)));
}

#[test]
fn withdraw_rejections() {
    let mut world = World::new();
    let user = world.funded_user(1_000);
    assert_eq!(world.withdraw(&user, 1_000 * USDC as u64 + 1).err(), Some(code(PerpError::InsufficientCollateral)));
    let base = world.withdraw_metas(&user);
    let amount = ixdata::withdraw(USDC as u64);
    let mut m = base.clone();
    m[5] = r(user.wallet);
    assert_eq!(world.bank.process(&amount, &m).err(), Some(code(PerpError::WrongVault)), "wrong vault authority");
    m = base.clone();
    m[7] = r(rent_id());
    assert_eq!(world.bank.process(&amount, &m).err(), Some(code(PerpError::WrongSysvar)));
    m = base.clone();
    m[0] = r(user.wallet);
    assert_eq!(world.bank.process(&amount, &m).err(), Some(code(PerpError::MissingSignature)));

    // With an open cross position the position must be listed, and its mark must be fresh.
    world.create_position(&user, BTC, mode::CROSS, 10).expect("position");
    world.trade(&user, BTC, 1_000_000, 50_000 * PRICE).expect("open");
    let without_pairs = world.withdraw_metas(&user)[..8].to_vec();
    assert_eq!(world.bank.process(&amount, &without_pairs).err(), Some(code(PerpError::CrossSetMismatch)));
    let mut doubled = world.withdraw_metas(&user);
    doubled.extend(world.cross_pairs(&user, None));
    assert_eq!(world.bank.process(&amount, &doubled).err(), Some(code(PerpError::CrossSetMismatch)));
    let mut wrong_market = world.withdraw_metas(&user);
    wrong_market[9] = r(World::market_key(ETH));
    assert_eq!(world.bank.process(&amount, &wrong_market).err(), Some(code(PerpError::WrongPosition)));
    world.withdraw(&user, USDC as u64).expect("fresh mark");
    world.advance(STALENESS + 1);
    assert_eq!(world.withdraw(&user, USDC as u64).err(), Some(code(PerpError::StaleOracle)));
}

#[test]
fn balances_beyond_the_documented_limit_are_refused_not_wrapped() {
    let mut world = World::new();
    let max = perp_risk_program::math::fixed::MAX_BALANCE as u64;
    let whale = world.user(max + 10);
    world.deposit(&whale, max).expect("exactly MAX_BALANCE");
    assert_eq!(world.deposit(&whale, 1).err(), Some(code(PerpError::LimitExceeded)));
    assert_eq!(world.margin(&whale).collateral, max as i64);
    assert_eq!(world.bank.token_balance(&whale.tokens), 10);
}
