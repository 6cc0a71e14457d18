//! Money movements of a fill on one position (the engine's `TradeSettlement`): funding settles first; a cross
//! position's realized PnL and funding go to the collateral; an isolated position is its own wallet (a reduction
//! releases the closed share net of realized PnL, a close releases everything, a negative wallet on close is a
//! deficit the insurance fund covers); opening isolated size moves the initial margin of the added notional
//! from the collateral. Nothing here is stored: the instruction writes the accounts back only on success.

use crate::error::{checked, PerpError, Result};
use crate::math::fixed::{mul_div, Rounding, MAX_BALANCE};
use crate::math::position::{funding_effect, notional};
use crate::math::trade::{trade, TradeOutcome};
use crate::state::margin::MarginAccount;
use crate::state::market::Market;
use crate::state::position::{lifecycle, Position};

/// Where a fill's fee goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FeeTo {
    /// Trading fee: the market's fee pool.
    FeePool,
    /// Liquidation fee: the market's insurance fund.
    InsuranceFund,
}

/// What a fill did, for events and checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fill {
    /// The position change.
    pub outcome: TradeOutcome,
    /// Funding settled before the fill (equity effect).
    pub funding_settled: i64,
    /// Fee charged to the collateral.
    pub fee: i64,
    /// Deficit covered by the insurance fund.
    pub deficit_covered: i64,
}

/// Settle the position's accrued funding into its unit (collateral or isolated wallet).
pub fn settle_funding(margin: &mut MarginAccount, position: &mut Position, market: &Market) -> Result<i64> {
    let f = if position.size == 0 { 0 } else { checked(funding_effect(position.size, position.funding_index, market.funding_index))? };
    if position.is_isolated() {
        position.isolated_margin = checked(position.isolated_margin.checked_add(f))?;
    } else {
        margin.collateral = checked(margin.collateral.checked_add(f))?;
    }
    margin.funding_paid = checked(margin.funding_paid.checked_sub(f))?;
    position.funding_index = market.funding_index;
    Ok(f)
}

/// Apply a fill of signed `quantity` at `price` charging `fee`. `cover_cross_deficit` lets the insurance fund
/// take a negative collateral left by closing the account's last cross position (liquidations only).
#[allow(clippy::too_many_arguments)]
#[inline(never)]
pub fn apply_fill(
    margin: &mut MarginAccount,
    position: &mut Position,
    market: &mut Market,
    quantity: i64,
    price: i64,
    fee: i64,
    fee_to: FeeTo,
    cover_cross_deficit: bool,
    slot: u64,
) -> Result<Fill> {
    let funding_settled = settle_funding(margin, position, market)?;
    let old_size = position.size;
    let outcome = checked(trade(old_size, position.entry_price, quantity, price))?;
    let realized = outcome.realized_pnl;
    margin.collateral = checked(margin.collateral.checked_sub(fee))?;
    let mut deficit = 0i64;
    if position.is_isolated() {
        let wallet_settled = position.isolated_margin;
        let mut wallet = checked(wallet_settled.checked_add(realized))?;
        if outcome.closed > 0 {
            let release = if outcome.closed == old_size.abs() {
                deficit = (-wallet).max(0);
                wallet.max(0)
            } else {
                let share = if wallet_settled <= 0 { 0 } else { checked(mul_div(wallet_settled, outcome.closed, old_size.abs(), Rounding::Floor))? };
                checked(share.checked_add(realized))?.min(wallet.max(0)).max(0)
            };
            wallet = checked(wallet.checked_add(deficit).and_then(|v| v.checked_sub(release)))?;
            margin.collateral = checked(margin.collateral.checked_add(release))?;
        }
        if outcome.opened > 0 {
            let new_notional = checked(notional(outcome.new_size, price))?;
            let tier_leverage = checked(market.tiers.max_leverage(market.tiers.tier_of(new_notional)))?;
            let leverage = position.leverage.min(tier_leverage);
            let opened_notional = checked(notional(outcome.opened, price))?;
            let required = checked(crate::math::fixed::div(opened_notional, i64::from(leverage), Rounding::Ceiling))?;
            if margin.collateral < required {
                return Err(PerpError::InsufficientCollateral.into());
            }
            wallet = checked(wallet.checked_add(required))?;
            margin.collateral -= required;
        }
        position.isolated_margin = wallet;
    } else {
        margin.collateral = checked(margin.collateral.checked_add(realized))?;
        if cover_cross_deficit && outcome.new_size == 0 && margin.collateral < 0 {
            deficit = -margin.collateral;
            margin.collateral = 0;
        }
    }
    match fee_to {
        FeeTo::FeePool => market.fee_pool = checked(market.fee_pool.checked_add(fee))?,
        FeeTo::InsuranceFund => market.insurance_fund = checked(market.insurance_fund.checked_add(fee))?,
    }
    market.insurance_fund = checked(market.insurance_fund.checked_sub(deficit))?;
    update_open_interest(market, old_size, outcome.new_size)?;
    update_counts(margin, position, old_size, outcome.new_size)?;
    margin.realized_pnl = checked(margin.realized_pnl.checked_add(realized))?;
    margin.fees_paid = checked(margin.fees_paid.checked_add(fee))?;
    position.realized_pnl = checked(position.realized_pnl.checked_add(realized))?;
    position.size = outcome.new_size;
    position.entry_price = outcome.new_entry;
    position.state = if outcome.new_size == 0 { lifecycle::CLOSED } else { lifecycle::OPEN };
    position.last_update_slot = slot;
    check_balances(margin, position, market)?;
    Ok(Fill { outcome, funding_settled, fee, deficit_covered: deficit })
}

/// Collateral, wallet and market balances stay within ±`MAX_BALANCE` (the engine's limits).
pub fn check_balances(margin: &MarginAccount, position: &Position, market: &Market) -> Result<()> {
    let within = |v: i64| v.checked_abs().is_some_and(|a| a <= MAX_BALANCE);
    if !within(margin.collateral) || !within(position.isolated_margin) || !within(market.insurance_fund) || !within(market.fee_pool) {
        return Err(PerpError::LimitExceeded.into());
    }
    Ok(())
}

fn update_open_interest(market: &mut Market, old_size: i64, new_size: i64) -> Result<()> {
    let long = |s: i64| s.max(0);
    let short = |s: i64| (-s).max(0);
    market.open_interest_long = checked(market.open_interest_long.checked_sub(long(old_size)).and_then(|v| v.checked_add(long(new_size))))?;
    market.open_interest_short = checked(market.open_interest_short.checked_sub(short(old_size)).and_then(|v| v.checked_add(short(new_size))))?;
    Ok(())
}

fn update_counts(margin: &mut MarginAccount, position: &Position, old_size: i64, new_size: i64) -> Result<()> {
    let step = |count: u16| -> Result<u16> {
        match (old_size == 0, new_size == 0) {
            (true, false) => checked(count.checked_add(1)),
            (false, true) => checked(count.checked_sub(1)),
            _ => Ok(count),
        }
    };
    margin.open_positions = step(margin.open_positions)?;
    if !position.is_isolated() {
        margin.open_cross_positions = step(margin.open_cross_positions)?;
    }
    Ok(())
}
