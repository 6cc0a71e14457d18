//! Property tests of the fixed-point math against independent formulations (exact i128 Euclidean division,
//! algebraic bounds), over the engine's declared ranges.

use perp_risk_program::math::fixed::{self, mul_div, Rounding, MAX_PRICE, MAX_SIZE, NOTIONAL_DIVISOR, RATE_SCALE};
use perp_risk_program::math::position::{bankruptcy_price, funding_index_delta, liquidation_price, notional, unrealized_pnl, NO_PRICE};
use perp_risk_program::math::tiers::{TierSpec, TierTable, DERIVED};
use perp_risk_program::math::trade::{trade, Change};
use proptest::prelude::*;

fn reference(a: i64, b: i64, c: i64, rounding: Rounding) -> Option<i64> {
    if a == i64::MIN || b == i64::MIN || c <= 0 {
        return None;
    }
    let n = i128::from(a) * i128::from(b);
    let q = match rounding {
        Rounding::Floor => n.div_euclid(i128::from(c)),
        Rounding::Ceiling => -(-n).div_euclid(i128::from(c)),
    };
    if q > i128::from(i64::MIN) && q <= i128::from(i64::MAX) { Some(q as i64) } else { None }
}

fn size() -> impl Strategy<Value = i64> {
    prop_oneof![(1..=MAX_SIZE), (-MAX_SIZE..=-1), (1i64..1_000_000_000)]
}

/// Realistic position sizes: up to 10,000 units of base either way, non-zero.
fn position_size() -> impl Strategy<Value = i64> {
    prop_oneof![(1i64..1_000_000_000_000), (-1_000_000_000_000i64..=-1)]
}

fn price() -> impl Strategy<Value = i64> {
    prop_oneof![(1..=MAX_PRICE), (1i64..10_000_000_000_000)]
}

fn one_tier(leverage: u32) -> TierTable {
    TierTable::derive(&[TierSpec { floor: 0, max_leverage: leverage, maintenance_rate: DERIVED, maintenance_amount: DERIVED }]).expect("valid")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mul_div_is_the_exact_rounded_quotient(a in any::<i64>(), b in any::<i64>(), c in any::<i64>()) {
        for r in [Rounding::Floor, Rounding::Ceiling] {
            prop_assert_eq!(mul_div(a, b, c, r), reference(a, b, c, r));
        }
        if let (Some(f), Some(ce)) = (mul_div(a, b, c, Rounding::Floor), mul_div(a, b, c, Rounding::Ceiling)) {
            prop_assert!(ce - f == 0 || ce - f == 1);
        }
    }

    #[test]
    fn add_never_wraps(a in any::<i64>(), b in any::<i64>()) {
        let exact = i128::from(a) + i128::from(b);
        let valid = a != i64::MIN && b != i64::MIN && exact > i128::from(i64::MIN) && exact <= i128::from(i64::MAX);
        prop_assert_eq!(fixed::add(a, b), if valid { Some(exact as i64) } else { None });
    }

    #[test]
    fn notional_is_symmetric_and_pnl_has_the_sign_of_the_move(s in size(), entry in price(), mark in price()) {
        prop_assert_eq!(notional(s, entry), notional(-s, entry));
        if let Some(pnl) = unrealized_pnl(s, entry, mark) {
            let favourable = (s > 0) == (mark > entry);
            if mark == entry { prop_assert_eq!(pnl, 0); }
            else if favourable { prop_assert!(pnl >= 0); }
            else { prop_assert!(pnl < 0); }
        }
    }

    #[test]
    fn trade_conserves_size_and_averages_entry(s in position_size(), entry in price(), q in position_size(), p in price()) {
        let t = trade(s, entry, q, p).expect("in range");
        prop_assert_eq!(t.new_size, s + q);
        prop_assert_eq!(t.closed + t.opened, q.abs());
        match t.change {
            Change::Increased => prop_assert!(t.new_entry >= entry.min(p) && t.new_entry <= entry.max(p)),
            Change::Reduced => prop_assert_eq!(t.new_entry, entry),
            Change::Closed => prop_assert_eq!((t.new_size, t.new_entry), (0, 0)),
            Change::Flipped => prop_assert_eq!(t.new_entry, p),
            Change::Opened => unreachable!("size is non-zero"),
        }
        if t.closed > 0 {
            prop_assert_eq!(Some(t.realized_pnl), unrealized_pnl(if s > 0 { t.closed } else { -t.closed }, entry, p));
        }
    }

    /// At the bankruptcy price the position's equity is between 0 and one rounding step (|size| / 1e10 + 1 raw):
    /// never later than the exact price, and tight.
    #[test]
    fn bankruptcy_price_zeroes_equity_within_rounding(s in position_size(), entry in 1_000_000i64..100_000_000_000_000, k in 1i64..1_000) {
        let backing = notional(s, entry).expect("fits") / k;
        let b = bankruptcy_price(s, entry, backing);
        prop_assume!(b != NO_PRICE && b > 1 && b < MAX_PRICE);
        let equity = backing + unrealized_pnl(s, entry, b).expect("in range");
        prop_assert!(equity >= 0, "equity {} at {}", equity, b);
        prop_assert!(i128::from(equity) <= i128::from(s.abs()) / i128::from(NOTIONAL_DIVISOR) + 1, "equity {} at {}", equity, b);
    }

    /// With one tier (no maintenance amount) liquidation comes before bankruptcy: a long's liquidation price is at
    /// or above its bankruptcy price, a short's at or below.
    #[test]
    fn liquidation_precedes_bankruptcy(s in position_size(), entry in 1_000_000i64..100_000_000_000_000, k in 1i64..1_000, leverage in 1u32..=125) {
        let backing = notional(s, entry).expect("fits") / k;
        let tiers = one_tier(leverage);
        let liq = liquidation_price(&tiers, s, entry, backing, 0).expect("tier exists");
        let b = bankruptcy_price(s, entry, backing);
        prop_assume!(liq != NO_PRICE && b != NO_PRICE && b > 1 && b < MAX_PRICE);
        if s > 0 { prop_assert!(liq >= b, "long liq {} < bankruptcy {}", liq, b); }
        else { prop_assert!(liq <= b, "short liq {} > bankruptcy {}", liq, b); }
    }

    /// Derived maintenance amounts keep the maintenance requirement continuous at every tier floor (to one raw
    /// unit of rounding), as Binance's and Hyperliquid's cumulative rule intends.
    #[test]
    fn derived_tiers_are_continuous(floors in proptest::collection::btree_set(1i64..1_000_000_000_000_000, 1..7), top in 50u32..=1000) {
        let mut specs = vec![TierSpec { floor: 0, max_leverage: top, maintenance_rate: DERIVED, maintenance_amount: DERIVED }];
        let mut lev = top;
        for f in floors {
            lev = (lev * 2 / 3).max(1);
            specs.push(TierSpec { floor: f, max_leverage: lev, maintenance_rate: DERIVED, maintenance_amount: DERIVED });
        }
        let t = TierTable::derive(&specs).expect("valid table");
        for i in 1..t.len() {
            let floor = t.floor(i).expect("tier");
            let below = fixed::apply_rate(floor, t.maintenance_rate(i - 1).expect("tier"), Rounding::Ceiling).expect("fits") - t.maintenance_amount(i - 1).expect("tier");
            let at = t.maintenance_margin(floor).expect("fits");
            prop_assert!((at - below).abs() <= 1, "jump {} at tier {}", at - below, i);
        }
    }

    #[test]
    fn funding_delta_is_bounded_by_the_clamp(mark in price(), rate in -RATE_SCALE..=RATE_SCALE, clamp in 0i64..=RATE_SCALE / 10) {
        let delta = funding_index_delta(mark, rate, clamp).expect("fits");
        let bound = funding_index_delta(mark, clamp, clamp).expect("fits");
        prop_assert!(delta.abs() <= bound + 1);
        prop_assert_eq!(delta.signum() * rate.signum() >= 0, true);
    }
}
