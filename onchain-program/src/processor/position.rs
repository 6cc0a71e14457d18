//! Positions: create the account, apply fills (open, increase, reduce, close, flip), move isolated margin.

use super::collateral::{load_margin, positive_amount};
use crate::checks::{self, Reader};
use crate::cpi::create_program_account;
use crate::error::{checked, PerpError, Result};
use crate::events::{tag, Event};
use crate::math::fixed::{apply_rate, Rounding};
use crate::math::position::notional;
use crate::math::tiers::MAX_LEVERAGE;
use crate::pda;
use crate::risk::{isolated_liquidation_price, load_cross_set, position_risk, CrossTotals};
use crate::settle::{apply_fill, check_balances, settle_funding, FeeTo, Fill};
use crate::state::margin::MarginAccount;
use crate::state::market::Market;
use crate::state::position::{lifecycle, mode, Position};
use crate::state::{load, store, AccountLayout};
use pinocchio::cpi::Seed;
use pinocchio::{AccountView, Address};

/// `CreatePosition`: `margin_mode u8` (0 cross, 1 isolated), `leverage u32` (1..=1000, capped by the tier).
///
/// Accounts: 0 owner (signer, writable, pays rent), 1 owner's margin account, 2 market, 3 position PDA
/// `["position", owner, market]` (writable, uninitialized), 4 System Program, 5 Rent sysvar.
#[inline(never)]
pub fn create_position(program_id: &Address, accounts: &mut [AccountView], args: &[u8]) -> Result<()> {
    let mut r = Reader::new(args);
    let margin_mode = r.u8()?;
    let leverage = r.u32()?;
    r.finish()?;
    checks::count(accounts, 6)?;
    let [owner, margin_account, market_account, position_account, system, rent_account, ..] = accounts else {
        return Err(PerpError::NotEnoughAccounts.into());
    };
    checks::signer(owner)?;
    checks::writable(owner)?;
    checks::system_program(system)?;
    let rent = checks::rent(rent_account)?;
    load_margin(margin_account, owner.address(), program_id)?;
    let market = load_market(market_account, program_id)?;
    if (margin_mode != mode::CROSS && margin_mode != mode::ISOLATED) || leverage == 0 || leverage > MAX_LEVERAGE {
        return Err(PerpError::InvalidPositionSettings.into());
    }
    let owner_key = owner.address().to_bytes();
    let market_key = market_account.address().to_bytes();
    let bump = pda::expect_canonical(position_account.address(), &[pda::POSITION_SEED, &owner_key, &market_key], program_id)?;
    checks::uninitialized(position_account)?;
    let bump_seed = [bump];
    let seeds = [Seed::from(pda::POSITION_SEED), Seed::from(&owner_key), Seed::from(&market_key), Seed::from(&bump_seed)];
    create_program_account(owner, position_account, Position::LEN, &rent, &seeds, program_id)?;
    let position = Position {
        bump,
        owner: owner_key,
        market: market_key,
        market_id: market.market_id,
        state: lifecycle::EMPTY,
        margin_mode,
        leverage,
        size: 0,
        entry_price: 0,
        isolated_margin: 0,
        realized_pnl: 0,
        funding_index: market.funding_index,
        last_update_slot: 0,
    };
    store(position_account, &position)?;
    Event::new(tag::POSITION_CREATED)
        .key(position_account.address().as_array())
        .key(&owner_key)
        .u16(market.market_id)
        .u8(margin_mode)
        .u32(leverage)
        .emit();
    Ok(())
}

/// `Trade`: `quantity i64` (signed, size scale), `price i64` (price scale). The fill comes from the venue and is
/// signed by the market's fill authority. A fill that adds risk (opens any quantity) must leave the cross part
/// at or above its initial margin and an isolated position at or above its own; reductions are always allowed.
///
/// Accounts: 0 fill authority (signer), 1 owner's margin account (writable), 2 market (writable), 3 position
/// (writable), 4 Clock sysvar, then one (position, market) pair per other open cross position of the owner
/// (needed only when the fill opens quantity).
#[inline(never)]
pub fn trade(program_id: &Address, accounts: &mut [AccountView], args: &[u8]) -> Result<()> {
    let mut r = Reader::new(args);
    let quantity = r.i64()?;
    let price = r.i64()?;
    r.finish()?;
    checks::count(accounts, 5)?;
    let (fixed, pairs) = accounts.split_at_mut(5);
    let [fill_authority, margin_account, market_account, position_account, clock] = fixed else {
        return Err(PerpError::NotEnoughAccounts.into());
    };
    let mut market = load_market(market_account, program_id)?;
    checks::authority(fill_authority, &market.params.fill_authority)?;
    let mut position = load_position(position_account, market_account.address(), program_id)?;
    let mut margin = load_margin(margin_account, &Address::new_from_array(position.owner), program_id)?;
    let slot = checks::clock_slot(clock)?;
    if !market.is_valid_price(price) {
        return Err(PerpError::InvalidPrice.into());
    }
    if !market.is_valid_quantity(quantity) {
        return Err(PerpError::InvalidSize.into());
    }
    let new_abs_size = position.size.checked_add(quantity).and_then(i64::checked_abs).ok_or(PerpError::PositionLimit)?;
    if new_abs_size > market.params.max_position_size {
        return Err(PerpError::PositionLimit.into());
    }
    let fee = checked(notional(quantity, price).and_then(|n| apply_rate(n, market.params.taker_fee_rate, Rounding::Ceiling)))?;
    let others_expected = other_cross_count(&margin, &position)?;
    let fill = apply_fill(&mut margin, &mut position, &mut market, quantity, price, fee, FeeTo::FeePool, false, slot)?;
    if fill.outcome.opened > 0 {
        let others = load_cross_set(pairs, &margin.owner, &[position_account.address()], others_expected, slot, program_id)?;
        require_initial_after(&margin, &position, &market, others, slot)?;
    }
    store(margin_account, &margin)?;
    store(market_account, &market)?;
    store(position_account, &position)?;
    emit_position_changed(position_account.address(), &position, &market, &margin, &fill, fill.outcome.change as u8, quantity, price, slot);
    Ok(())
}

/// `AddIsolatedMargin`: `amount u64`. Moves collateral into an open isolated position's wallet; the collateral
/// left must still cover the cross positions' initial margin.
///
/// Accounts: 0 owner (signer), 1 margin account (writable), 2 market, 3 position (writable), 4 Clock sysvar, then
/// one (position, market) pair per open cross position of the owner.
#[inline(never)]
pub fn add_isolated_margin(program_id: &Address, accounts: &mut [AccountView], args: &[u8]) -> Result<()> {
    let amount = single_amount(args)?;
    checks::count(accounts, 5)?;
    let (fixed, pairs) = accounts.split_at_mut(5);
    let [owner, margin_account, market_account, position_account, clock] = fixed else {
        return Err(PerpError::NotEnoughAccounts.into());
    };
    checks::signer(owner)?;
    let mut margin = load_margin(margin_account, owner.address(), program_id)?;
    let market = load_market(market_account, program_id)?;
    let mut position = load_open_isolated(position_account, market_account.address(), owner.address(), program_id)?;
    let slot = checks::clock_slot(clock)?;
    if margin.collateral < amount {
        return Err(PerpError::InsufficientCollateral.into());
    }
    margin.collateral -= amount;
    position.isolated_margin = checked(position.isolated_margin.checked_add(amount))?;
    check_balances(&margin, &position, &market)?;
    let cross = load_cross_set(pairs, &margin.owner, &[], usize::from(margin.open_cross_positions), slot, program_id)?;
    cross.require_initial(margin.collateral)?;
    position.last_update_slot = slot;
    store(margin_account, &margin)?;
    store(position_account, &position)?;
    emit_margin_changed(position_account.address(), &position, &market, &margin, amount);
    Ok(())
}

/// `RemoveIsolatedMargin`: `amount u64`. Settles the position's funding, then moves margin from its wallet to
/// the collateral; the wallet must still cover the position's initial margin at the (fresh) mark.
///
/// Accounts: 0 owner (signer), 1 margin account (writable), 2 market, 3 position (writable), 4 Clock sysvar.
#[inline(never)]
pub fn remove_isolated_margin(program_id: &Address, accounts: &mut [AccountView], args: &[u8]) -> Result<()> {
    let amount = single_amount(args)?;
    checks::count(accounts, 5)?;
    let [owner, margin_account, market_account, position_account, clock, ..] = accounts else {
        return Err(PerpError::NotEnoughAccounts.into());
    };
    checks::signer(owner)?;
    let mut margin = load_margin(margin_account, owner.address(), program_id)?;
    let market = load_market(market_account, program_id)?;
    let mut position = load_open_isolated(position_account, market_account.address(), owner.address(), program_id)?;
    let slot = checks::clock_slot(clock)?;
    settle_funding(&mut margin, &mut position, &market)?;
    if position.isolated_margin < amount {
        return Err(PerpError::InsufficientCollateral.into());
    }
    position.isolated_margin -= amount;
    margin.collateral = checked(margin.collateral.checked_add(amount))?;
    check_balances(&margin, &position, &market)?;
    require_isolated_initial(&position, &market, slot)?;
    position.last_update_slot = slot;
    store(margin_account, &margin)?;
    store(position_account, &position)?;
    emit_margin_changed(position_account.address(), &position, &market, &margin, -amount);
    Ok(())
}

/// Load a market and check it is the PDA `["market", id]`.
pub fn load_market(account: &AccountView, program_id: &Address) -> Result<Market> {
    let market: Market = load(account, program_id)?;
    pda::expect_with_bump(account.address(), &[pda::MARKET_SEED, &market.market_id.to_le_bytes()], market.bump, program_id)?;
    Ok(market)
}

/// Load a position of the market at `market_key`, checking its address is its PDA.
pub fn load_position(account: &AccountView, market_key: &Address, program_id: &Address) -> Result<Position> {
    let position: Position = load(account, program_id)?;
    if &position.market != market_key.as_array() {
        return Err(PerpError::WrongPosition.into());
    }
    pda::expect_with_bump(account.address(), &[pda::POSITION_SEED, &position.owner, &position.market], position.bump, program_id)?;
    Ok(position)
}

fn load_open_isolated(account: &AccountView, market_key: &Address, owner: &Address, program_id: &Address) -> Result<Position> {
    let position = load_position(account, market_key, program_id)?;
    if &position.owner != owner.as_array() {
        return Err(PerpError::WrongPosition.into());
    }
    if !position.is_isolated() {
        return Err(PerpError::WrongMarginMode.into());
    }
    if position.size == 0 {
        return Err(PerpError::NoPosition.into());
    }
    Ok(position)
}

/// Number of the owner's open cross positions other than `position` (as stored before any change).
pub fn other_cross_count(margin: &MarginAccount, position: &Position) -> Result<usize> {
    let own = usize::from(position.size != 0 && !position.is_isolated());
    checked(usize::from(margin.open_cross_positions).checked_sub(own))
}

/// After a risk-adding change: collateral not negative, the cross part (the other cross positions plus this one
/// if cross) at or above initial margin, and an isolated position at or above its own.
pub fn require_initial_after(margin: &MarginAccount, position: &Position, market: &Market, mut cross: CrossTotals, slot: u64) -> Result<()> {
    if margin.collateral < 0 {
        return Err(PerpError::InsufficientCollateral.into());
    }
    if position.is_isolated() {
        require_isolated_initial(position, market, slot)?;
    } else if position.size != 0 {
        cross.add(&position_risk(position, market, slot)?)?;
    }
    cross.require_initial(margin.collateral)
}

/// An isolated position's equity (wallet + PnL + unsettled funding) covers its initial margin at the mark.
pub fn require_isolated_initial(position: &Position, market: &Market, slot: u64) -> Result<()> {
    let risk = position_risk(position, market, slot)?;
    let equity = checked(position.isolated_margin.checked_add(risk.unrealized_pnl).and_then(|e| e.checked_add(risk.funding)))?;
    if equity < risk.initial {
        return Err(PerpError::InsufficientMargin.into());
    }
    Ok(())
}

fn single_amount(args: &[u8]) -> Result<i64> {
    let mut r = Reader::new(args);
    let amount = r.u64()?;
    r.finish()?;
    positive_amount(amount)
}

/// PositionChanged layout: position, owner, market id u16, change u8, state u8, quantity i64, price i64, fee i64,
/// funding settled i64, realized PnL i64, size after i64, entry after i64, isolated margin after i64, collateral
/// after i64, deficit covered i64, slot u64, isolated liquidation price i64 (0 for cross or flat).
#[allow(clippy::too_many_arguments)]
#[inline(never)]
pub fn emit_position_changed(
    key: &Address,
    p: &Position,
    market: &Market,
    m: &MarginAccount,
    fill: &Fill,
    change: u8,
    quantity: i64,
    price: i64,
    slot: u64,
) {
    let mut e = Event::new(tag::POSITION_CHANGED);
    e.key(key.as_array())
        .key(&p.owner)
        .u16(p.market_id)
        .u8(change)
        .u8(p.state)
        .i64(quantity)
        .i64(price)
        .i64(fill.fee)
        .i64(fill.funding_settled)
        .i64(fill.outcome.realized_pnl)
        .i64(p.size)
        .i64(p.entry_price)
        .i64(p.isolated_margin)
        .i64(m.collateral)
        .i64(fill.deficit_covered)
        .u64(slot)
        .i64(isolated_liquidation_price(p, market));
    e.emit();
}

/// IsolatedMarginChanged layout: position, owner, market id u16, delta i64 (+ added, - removed), isolated margin
/// after i64, collateral after i64, liquidation price after i64.
#[inline(never)]
fn emit_margin_changed(key: &Address, p: &Position, market: &Market, m: &MarginAccount, delta: i64) {
    let mut e = Event::new(tag::ISOLATED_MARGIN_CHANGED);
    e.key(key.as_array())
        .key(&p.owner)
        .u16(p.market_id)
        .i64(delta)
        .i64(p.isolated_margin)
        .i64(m.collateral)
        .i64(isolated_liquidation_price(p, market));
    e.emit();
}
