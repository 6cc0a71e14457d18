//! Random operation streams through the real entrypoint: after every instruction, accepted or rejected, the
//! program's books balance against the vault exactly, and open interest and position counts match the
//! positions (the engine's "money is conserved" invariant, with PnL from venue fills as the external flow).
//!
//! Σ collateral + Σ isolated wallets + Σ insurance funds + Σ fee pools
//!     == vault balance + Σ realized PnL − Σ funding paid

mod harness;

use harness::fixture::*;
use harness::*;
use perp_risk_program::state::position::mode;
use proptest::prelude::*;

#[derive(Clone, Debug)]
enum Op {
    Deposit(usize, u64),
    Withdraw(usize, u64),
    Trade(usize, u16, i64, i64),
    Mark(u16, i64),
    Advance(u64),
    Funding(u16, i64),
    AddMargin(usize, u64),
    RemoveMargin(usize, u64),
    Liquidate(usize, usize, u16),
}

const USERS: usize = 3;

fn market() -> impl Strategy<Value = u16> {
    prop_oneof![Just(BTC), Just(ETH)]
}

fn op() -> impl Strategy<Value = Op> {
    let user = 0..USERS;
    prop_oneof![
        1 => (user.clone(), 1u64..20_000).prop_map(|(u, a)| Op::Deposit(u, a * USDC as u64)),
        1 => (user.clone(), 1u64..20_000).prop_map(|(u, a)| Op::Withdraw(u, a * USDC as u64)),
        4 => (user.clone(), market(), -10_000i64..10_000, -200i64..200).prop_map(|(u, m, lots, ticks)| Op::Trade(u, m, lots, ticks)),
        4 => (market(), -800i64..800).prop_map(|(m, bp)| Op::Mark(m, bp)),
        1 => (0u64..30).prop_map(Op::Advance),
        1 => (market(), -100_000i64..100_000).prop_map(|(m, r)| Op::Funding(m, r)),
        1 => (user.clone(), 1u64..5_000).prop_map(|(u, a)| Op::AddMargin(u, a * USDC as u64)),
        1 => (user.clone(), 1u64..5_000).prop_map(|(u, a)| Op::RemoveMargin(u, a * USDC as u64)),
        4 => (user.clone(), user, market()).prop_map(|(l, v, m)| Op::Liquidate(l, v, m)),
    ]
}

fn check_books(world: &World, users: &[User]) {
    let mut held: i128 = 0;
    let mut external: i128 = i128::from(world.bank.token_balance(&world.vault));
    for u in users {
        let margin = world.margin(u);
        held += i128::from(margin.collateral);
        external += i128::from(margin.realized_pnl) - i128::from(margin.funding_paid);
        let mut open = 0;
        let mut open_cross = 0;
        for id in [BTC, ETH] {
            let p = world.position(u, id);
            held += i128::from(p.isolated_margin);
            if p.size != 0 {
                open += 1;
                open_cross += u16::from(!p.is_isolated());
            }
        }
        assert_eq!((margin.open_positions, margin.open_cross_positions), (open, open_cross), "position counts");
    }
    for id in [BTC, ETH] {
        let m = world.market(id);
        held += i128::from(m.insurance_fund) + i128::from(m.fee_pool);
        let long: i64 = users.iter().map(|u| world.position(u, id).size.max(0)).sum();
        let short: i64 = users.iter().map(|u| (-world.position(u, id).size).max(0)).sum();
        assert_eq!((m.open_interest_long, m.open_interest_short), (long, short), "open interest of market {id}");
    }
    assert_eq!(held, external, "books against the vault");
}

fn tick(world: &World, id: u16) -> i64 {
    world.market(id).tick_size()
}

fn apply(world: &mut World, users: &[User], op: &Op) -> Result<Success, u64> {
    match *op {
        Op::Deposit(u, a) => world.deposit(&users[u], a),
        Op::Withdraw(u, a) => world.withdraw(&users[u], a),
        Op::Trade(u, id, lots, ticks) => {
            let m = world.market(id);
            let price = (m.mark_price + ticks * tick(world, id) * 100).max(tick(world, id));
            world.trade(&users[u], id, lots * m.lot_size(), price)
        }
        Op::Mark(id, bp) => {
            let m = world.market(id);
            let t = tick(world, id);
            let price = ((m.mark_price + m.mark_price / 10_000 * bp) / t * t).max(t);
            world.set_mark(id, price)
        }
        Op::Advance(slots) => {
            world.advance(slots);
            Err(0)
        }
        Op::Funding(id, rate) => {
            let metas = [rs(world.oracle), w(World::market_key(id)), r(clock_id())];
            world.bank.process(&ixdata::update_funding(rate, 0), &metas)
        }
        Op::AddMargin(u, a) => world.add_isolated_margin(&users[u], ETH, a),
        Op::RemoveMargin(u, a) => world.remove_isolated_margin(&users[u], ETH, a),
        Op::Liquidate(l, v, id) => world.liquidate(&users[l], &users[v], id),
    }
}

use harness::ixdata;

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn books_balance_after_every_instruction(ops in proptest::collection::vec(op(), 1..80)) {
        let mut world = World::new();
        let users: Vec<User> = (0..USERS).map(|_| world.user(1_000_000 * USDC as u64)).collect();
        for (i, u) in users.iter().enumerate() {
            world.deposit(u, 20_000 * USDC as u64).expect("deposit");
            world.create_position(u, BTC, mode::CROSS, [5, 20, 50][i]).expect("btc");
            world.create_position(u, ETH, mode::ISOLATED, [3, 10, 25][i]).expect("eth");
        }
        let mut accepted = 0;
        for op in &ops {
            if apply(&mut world, &users, op).is_ok() {
                accepted += 1;
            }
            check_books(&world, &users);
        }
        prop_assert!(accepted <= ops.len());
    }
}

#[test]
fn a_liquidation_stream_keeps_the_books_balanced() {
    let mut world = World::new();
    let users: Vec<User> = (0..USERS).map(|_| world.user(1_000_000 * USDC as u64)).collect();
    for (i, u) in users.iter().enumerate() {
        // The liquidator (user 2) needs room for both take-overs and their fees.
        world.deposit(u, if i == 2 { 200_000 } else { 10_000 } * USDC as u64).expect("deposit");
        world.create_position(u, BTC, mode::CROSS, 50).expect("btc");
        world.create_position(u, ETH, mode::ISOLATED, 20).expect("eth");
    }
    world.trade(&users[0], BTC, UNIT * 8, 50_000 * PRICE).expect("0 long 8 BTC");
    world.trade(&users[1], ETH, UNIT * 60, 3_000 * PRICE).expect("1 long 60 ETH isolated");
    world.set_mark(BTC, 48_900 * PRICE).expect("drop");
    world.set_mark(ETH, 2_860 * PRICE).expect("drop");
    world.liquidate(&users[2], &users[0], BTC).expect("cross liquidation");
    world.liquidate(&users[2], &users[1], ETH).expect("isolated liquidation");
    check_books(&world, &users);
    assert!(world.market(BTC).insurance_fund > 0 && world.market(ETH).insurance_fund > 0);
}
