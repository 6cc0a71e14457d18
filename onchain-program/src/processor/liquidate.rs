//! Liquidation: a position whose margin unit (its isolated wallet, or the owner's cross part) is below
//! maintenance at the mark is taken over by any liquidator at its bankruptcy price. The liquidated owner's
//! position closes at that price (its backing is used up; a deficit left by an isolated wallet, or by the last
//! cross position, is covered by the insurance fund); the liquidator's position for the market receives the
//! same size at the same price and pays the liquidation fee (`ceil(notional * liquidation fee rate)`) to the
//! insurance fund, and must then satisfy initial margin.

use super::collateral::load_margin;
use super::position::{emit_position_changed, load_market, load_position, other_cross_count, require_initial_after};
use crate::checks::{self, Reader};
use crate::error::{checked, PerpError, Result};
use crate::events::{tag, Event};
use crate::math::fixed::{apply_rate, Rounding};
use crate::math::position::{bankruptcy_price, notional, NO_PRICE};
use crate::risk::{fresh_mark, load_cross_set, position_risk, CrossTotals};
use crate::settle::{apply_fill, settle_funding, FeeTo};
use crate::state::position::lifecycle;
use crate::state::market::Market;
use crate::state::store;
use pinocchio::{AccountView, Address};

/// Change code of the liquidated position in its PositionChanged event (the engine's `PositionChange.LIQUIDATED`).
pub const CHANGE_LIQUIDATED: u8 = 8;

/// `Liquidate`: `liquidatee_cross_pairs u8` (number of (position, market) pairs listed for the liquidated owner).
///
/// Accounts: 0 liquidator (signer), 1 liquidator's margin account (writable), 2 liquidator's position for the
/// market (writable), 3 liquidated owner's margin account (writable), 4 liquidated position (writable), 5 market
/// (writable), 6 Clock sysvar, then the liquidated owner's other open cross positions as (position, market)
/// pairs (none for an isolated position), then the liquidator's other open cross positions as pairs.
#[inline(never)]
pub fn liquidate(program_id: &Address, accounts: &mut [AccountView], args: &[u8]) -> Result<()> {
    let mut r = Reader::new(args);
    let liquidatee_pairs = usize::from(r.u8()?);
    r.finish()?;
    checks::count(accounts, 7)?;
    let (fixed, pairs) = accounts.split_at_mut(7);
    let [liquidator, taker_margin_account, taker_position_account, margin_account, position_account, market_account, clock] = fixed else {
        return Err(PerpError::NotEnoughAccounts.into());
    };
    if pairs.len() < 2 * liquidatee_pairs {
        return Err(PerpError::CrossSetMismatch.into());
    }
    let (liquidatee_set, liquidator_set) = pairs.split_at(2 * liquidatee_pairs);
    checks::signer(liquidator)?;
    let mut market = load_market(market_account, program_id)?;
    let slot = checks::clock_slot(clock)?;
    let mut position = load_position(position_account, market_account.address(), program_id)?;
    if &position.owner == liquidator.address().as_array() {
        return Err(PerpError::SelfLiquidation.into());
    }
    let mut margin = load_margin(margin_account, &Address::new_from_array(position.owner), program_id)?;
    let mut taker_position = load_position(taker_position_account, market_account.address(), program_id)?;
    if &taker_position.owner != liquidator.address().as_array() {
        return Err(PerpError::WrongPosition.into());
    }
    let mut taker_margin = load_margin(taker_margin_account, liquidator.address(), program_id)?;
    if position.size == 0 {
        return Err(PerpError::NoPosition.into());
    }
    let mark = fresh_mark(&market, slot)?;

    // The liquidated unit: below maintenance at the mark, and the equity backing the position.
    let others_open = other_cross_count(&margin, &position)?;
    let (backing, others) = if position.is_isolated() {
        if liquidatee_pairs != 0 {
            return Err(PerpError::CrossSetMismatch.into());
        }
        settle_funding(&mut margin, &mut position, &market)?;
        let risk = position_risk(&position, &market, slot)?;
        let equity = checked(position.isolated_margin.checked_add(risk.unrealized_pnl))?;
        if equity >= risk.maintenance {
            return Err(PerpError::NotLiquidatable.into());
        }
        (position.isolated_margin, CrossTotals::default())
    } else {
        let others = load_cross_set(liquidatee_set, &margin.owner, &[position_account.address()], others_open, slot, program_id)?;
        settle_funding(&mut margin, &mut position, &market)?;
        let risk = position_risk(&position, &market, slot)?;
        let backing = others.equity(margin.collateral)?;
        let equity = checked(backing.checked_add(risk.unrealized_pnl))?;
        let maintenance = checked(others.maintenance.checked_add(risk.maintenance))?;
        if maintenance == 0 || equity >= maintenance {
            return Err(PerpError::NotLiquidatable.into());
        }
        (backing, others)
    };
    let size = position.size;
    let price = bankruptcy_price(size, position.entry_price, backing);
    if price == NO_PRICE {
        return Err(PerpError::NoBankruptcyPrice.into());
    }
    let taker_abs_size = checked(taker_position.size.checked_add(size).and_then(i64::checked_abs))?;
    if taker_abs_size > market.params.max_position_size {
        return Err(PerpError::PositionLimit.into());
    }

    let closed = apply_fill(&mut margin, &mut position, &mut market, -size, price, 0, FeeTo::InsuranceFund, others.count == 0, slot)?;
    position.state = lifecycle::LIQUIDATED;

    let taker_others_open = other_cross_count(&taker_margin, &taker_position)?;
    let fee = checked(notional(size, price).and_then(|n| apply_rate(n, market.params.liquidation_fee_rate, Rounding::Ceiling)))?;
    let taken = apply_fill(&mut taker_margin, &mut taker_position, &mut market, size, price, fee, FeeTo::InsuranceFund, false, slot)?;
    if taken.outcome.opened > 0 {
        let taker_others =
            load_cross_set(liquidator_set, &taker_margin.owner, &[taker_position_account.address()], taker_others_open, slot, program_id)?;
        require_initial_after(&taker_margin, &taker_position, &market, taker_others, slot)?;
    }

    store(margin_account, &margin)?;
    store(position_account, &position)?;
    store(taker_margin_account, &taker_margin)?;
    store(taker_position_account, &taker_position)?;
    store(market_account, &market)?;
    emit_position_changed(position_account.address(), &position, &market, &margin, &closed, CHANGE_LIQUIDATED, -size, price, slot);
    emit_position_changed(
        taker_position_account.address(),
        &taker_position,
        &market,
        &taker_margin,
        &taken,
        taken.outcome.change as u8,
        size,
        price,
        slot,
    );
    emit_liquidated(&market, &position.owner, &taker_position.owner, [size, price, mark, fee, closed.deficit_covered, market.insurance_fund], slot);
    Ok(())
}

/// Liquidated layout: market id u16, liquidated owner, liquidator, size i64, bankruptcy price i64, mark i64,
/// fee i64, deficit covered i64, insurance fund after i64, slot u64.
#[inline(never)]
fn emit_liquidated(market: &Market, owner: &[u8; 32], liquidator: &[u8; 32], values: [i64; 6], slot: u64) {
    let mut e = Event::new(tag::LIQUIDATED);
    e.u16(market.market_id).key(owner).key(liquidator);
    for v in values {
        e.i64(v);
    }
    e.u64(slot).emit();
}
