//! Oracle instructions: mark price and funding (the engine's `onMarkPrice` and `onFundingRate`).

use super::position::load_market;
use crate::checks::{self, Reader};
use crate::error::{checked, PerpError, Result};
use crate::events::{tag, Event};
use crate::math::fixed::{add, exceeds_rate, FUNDING_RATE_DIVISOR, MAX_FUNDING_INDEX, MAX_PRICE, RATE_SCALE};
use crate::math::position::{funding_index_delta, funding_rate_from_premium};
use crate::risk::fresh_mark;
use crate::state::store;
use pinocchio::{AccountView, Address};

/// Funding mode: the rate is given directly.
pub const FUNDING_RATE_DIRECT: u8 = 0;
/// Funding mode: the value is a premium index, turned into a rate by the market's interest/band formula.
pub const FUNDING_FROM_PREMIUM: u8 = 1;

/// `UpdateMarkPrice`: `price i64`, `confidence i64` (price scale), `publish_slot u64` (the oracle's slot).
/// Refused when the price is outside (0, max price], the confidence is wider than the market's max confidence
/// rate, the publish slot is older than the current mark's or in the future, or older than the staleness limit.
///
/// Accounts: 0 oracle authority (signer), 1 market (writable), 2 Clock sysvar.
#[inline(never)]
pub fn update_mark_price(program_id: &Address, accounts: &mut [AccountView], args: &[u8]) -> Result<()> {
    let mut r = Reader::new(args);
    let price = r.i64()?;
    let confidence = r.i64()?;
    let publish_slot = r.u64()?;
    r.finish()?;
    checks::count(accounts, 3)?;
    let [oracle, market_account, clock, ..] = accounts else {
        return Err(PerpError::NotEnoughAccounts.into());
    };
    let mut market = load_market(market_account, program_id)?;
    checks::authority(oracle, &market.params.oracle_authority)?;
    let slot = checks::clock_slot(clock)?;
    if price <= 0 || price > market.params.max_price {
        return Err(PerpError::InvalidPrice.into());
    }
    if !(0..=MAX_PRICE).contains(&confidence) {
        return Err(PerpError::InvalidAmount.into());
    }
    let max_confidence = market.params.oracle_max_confidence_rate;
    if max_confidence > 0 && exceeds_rate(confidence, price, max_confidence) {
        return Err(PerpError::OracleConfidence.into());
    }
    if publish_slot > slot || publish_slot < market.mark_slot {
        return Err(PerpError::OracleOutOfOrder.into());
    }
    let staleness = market.params.oracle_max_staleness_slots;
    if staleness > 0 && slot - publish_slot > staleness {
        return Err(PerpError::StaleOracle.into());
    }
    market.mark_price = price;
    market.mark_slot = publish_slot;
    store(market_account, &market)?;
    Event::new(tag::MARK_PRICE_UPDATED).u16(market.market_id).i64(price).i64(confidence).u64(publish_slot).u64(slot).emit();
    Ok(())
}

/// `UpdateFunding`: `rate i64` (rate scale, |rate| <= 1), `mode u8` (0 direct rate, 1 premium index). The rate is
/// capped at the market's funding clamp and applied to the cumulative index as `floor(mark * rate / 1e4)`.
///
/// Accounts: 0 oracle authority (signer), 1 market (writable), 2 Clock sysvar.
#[inline(never)]
pub fn update_funding(program_id: &Address, accounts: &mut [AccountView], args: &[u8]) -> Result<()> {
    let mut r = Reader::new(args);
    let value = r.i64()?;
    let funding_mode = r.u8()?;
    r.finish()?;
    checks::count(accounts, 3)?;
    let [oracle, market_account, clock, ..] = accounts else {
        return Err(PerpError::NotEnoughAccounts.into());
    };
    let mut market = load_market(market_account, program_id)?;
    checks::authority(oracle, &market.params.oracle_authority)?;
    let slot = checks::clock_slot(clock)?;
    let mark = fresh_mark(&market, slot)?;
    if !(-RATE_SCALE..=RATE_SCALE).contains(&value) {
        return Err(PerpError::InvalidRate.into());
    }
    let p = &market.params;
    let rate = match funding_mode {
        FUNDING_RATE_DIRECT => value,
        FUNDING_FROM_PREMIUM => checked(funding_rate_from_premium(p.funding_interest_rate, p.funding_premium_band, value))?,
        _ => return Err(PerpError::InvalidRate.into()),
    };
    let clamp = p.funding_clamp_rate;
    let applied = rate.min(clamp).max(-clamp);
    let delta = checked(funding_index_delta(mark, rate, clamp))?;
    let index = add(market.funding_index, delta).ok_or(PerpError::LimitExceeded)?;
    if index.abs() > max_funding_index(p.max_price) {
        return Err(PerpError::LimitExceeded.into());
    }
    market.funding_index = index;
    market.funding_slot = slot;
    store(market_account, &market)?;
    Event::new(tag::FUNDING_UPDATED).u16(market.market_id).i64(rate).i64(applied).i64(mark).i64(index).u64(slot).emit();
    Ok(())
}

/// The engine's bound on |funding index|: 10x the max price per unit of base, at most `MAX_FUNDING_INDEX`.
fn max_funding_index(max_price: i64) -> i64 {
    let per_unit = 10 * FUNDING_RATE_DIVISOR;
    if max_price > MAX_FUNDING_INDEX / per_unit {
        MAX_FUNDING_INDEX
    } else {
        max_price * per_unit
    }
}
