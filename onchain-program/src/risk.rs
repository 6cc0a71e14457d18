//! Margin evaluation of one position and of an account's cross part (the engine's `AccountEvaluator`), with
//! the cross set taken from the instruction's trailing accounts: pairs `(position, market)` naming exactly the
//! owner's open cross positions other than the one(s) the instruction already holds.

use crate::error::{checked, PerpError, Result};
use crate::math::position::{funding_effect, liquidation_price, notional, unrealized_pnl};
use crate::state::market::Market;
use crate::state::position::Position;
use crate::state::load;
use pinocchio::{AccountView, Address};

/// Mark-to-market risk of one open position.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PositionRisk {
    /// Absolute notional at the mark (rounded up).
    pub notional: i64,
    /// Unrealized PnL at the mark (rounded down).
    pub unrealized_pnl: i64,
    /// Unsettled funding as an equity effect (rounded down).
    pub funding: i64,
    /// Initial requirement at the position's leverage, tier-capped.
    pub initial: i64,
    /// Maintenance requirement of the notional's tier.
    pub maintenance: i64,
}

/// The mark of `market` if it exists and is not older than the market's staleness limit at `slot`.
pub fn fresh_mark(market: &Market, slot: u64) -> Result<i64> {
    if market.mark_price <= 0 {
        return Err(PerpError::NoMarkPrice.into());
    }
    let limit = market.params.oracle_max_staleness_slots;
    if limit > 0 && slot.saturating_sub(market.mark_slot) > limit {
        return Err(PerpError::StaleOracle.into());
    }
    Ok(market.mark_price)
}

/// Risk of `position` at the market's fresh mark (zero for a flat position).
pub fn position_risk(position: &Position, market: &Market, slot: u64) -> Result<PositionRisk> {
    if position.size == 0 {
        return Ok(PositionRisk::default());
    }
    let mark = fresh_mark(market, slot)?;
    let n = checked(notional(position.size, mark))?;
    Ok(PositionRisk {
        notional: n,
        unrealized_pnl: checked(unrealized_pnl(position.size, position.entry_price, mark))?,
        funding: checked(funding_effect(position.size, position.funding_index, market.funding_index))?,
        initial: checked(market.tiers.initial_margin(n, position.leverage))?,
        maintenance: checked(market.tiers.maintenance_margin(n))?,
    })
}

/// Sums over a set of cross positions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CrossTotals {
    /// Σ unrealized PnL + Σ unsettled funding.
    pub pnl_and_funding: i64,
    /// Σ initial requirements.
    pub initial: i64,
    /// Σ maintenance requirements.
    pub maintenance: i64,
    /// Number of positions summed.
    pub count: usize,
}

impl CrossTotals {
    /// Add one position's risk.
    pub fn add(&mut self, r: &PositionRisk) -> Result<()> {
        self.pnl_and_funding = checked(self.pnl_and_funding.checked_add(r.unrealized_pnl).and_then(|v| v.checked_add(r.funding)))?;
        self.initial = checked(self.initial.checked_add(r.initial))?;
        self.maintenance = checked(self.maintenance.checked_add(r.maintenance))?;
        self.count += 1;
        Ok(())
    }

    /// Cross equity with `collateral`.
    pub fn equity(&self, collateral: i64) -> Result<i64> {
        checked(collateral.checked_add(self.pnl_and_funding))
    }

    /// Refuse with [`PerpError::InsufficientMargin`] when positions exist and equity is below the initial
    /// requirement (the engine's free-collateral rule `equity - initial >= 0`).
    pub fn require_initial(&self, collateral: i64) -> Result<()> {
        if self.count > 0 && self.equity(collateral)? < self.initial {
            return Err(PerpError::InsufficientMargin.into());
        }
        Ok(())
    }
}

/// Sum the cross positions listed in `pairs` (position, market, position, market, ...), checking that they are
/// exactly `expected` distinct open cross positions of `owner`, none of them in `exclude`.
#[inline(never)]
pub fn load_cross_set(
    pairs: &[AccountView],
    owner: &[u8; 32],
    exclude: &[&Address],
    expected: usize,
    slot: u64,
    program_id: &Address,
) -> Result<CrossTotals> {
    if pairs.len() != 2 * expected {
        return Err(PerpError::CrossSetMismatch.into());
    }
    let mut totals = CrossTotals::default();
    for i in 0..expected {
        let position_account = &pairs[2 * i];
        let market_account = &pairs[2 * i + 1];
        let key = position_account.address();
        if exclude.contains(&key) || (0..i).any(|j| pairs[2 * j].address() == key) {
            return Err(PerpError::DuplicateAccount.into());
        }
        let position: Position = load(position_account, program_id)?;
        if &position.owner != owner || position.size == 0 || position.is_isolated() {
            return Err(PerpError::CrossSetMismatch.into());
        }
        if &position.market != market_account.address().as_array() {
            return Err(PerpError::WrongPosition.into());
        }
        let market: Market = load(market_account, program_id)?;
        totals.add(&position_risk(&position, &market, slot)?)?;
    }
    Ok(totals)
}

/// Liquidation price of an isolated position (the engine's `AccountEvaluator.liquidationPrice` for an isolated
/// position: backing = wallet + unsettled funding, current tier from the notional at the mark, or at the entry
/// before any mark). 0 for a cross or flat position, or when an intermediate overflows; otherwise as
/// [`crate::math::position::liquidation_price`] (which may return its saturations NO_PRICE, MIN_PRICE, MAX_PRICE).
pub fn isolated_liquidation_price(position: &Position, market: &Market) -> i64 {
    if position.size == 0 || !position.is_isolated() {
        return 0;
    }
    let price = if market.mark_price > 0 { market.mark_price } else { position.entry_price };
    let backing = funding_effect(position.size, position.funding_index, market.funding_index)
        .and_then(|f| position.isolated_margin.checked_add(f));
    let tier = notional(position.size, price).map(|n| market.tiers.tier_of(n));
    match (backing, tier) {
        (Some(b), Some(t)) => liquidation_price(&market.tiers, position.size, position.entry_price, b, t).unwrap_or(0),
        _ => 0,
    }
}
