//! Per-position formulas (mirror of the engine's `PositionMath`): PnL, notional, funding, liquidation and
//! bankruptcy prices. Liquidation prices round towards the mark (a long's up, a short's down).

use super::fixed::{add, mul_div, Rounding, FUNDING_DIVISOR, MAX_PRICE, NOTIONAL_DIVISOR, RATE_SCALE};
use super::tiers::TierTable;

/// "No price within (0, MAX_PRICE]".
pub const NO_PRICE: i64 = 0;
/// The lowest price: a short's liquidation/bankruptcy price when it is reached at any price.
pub const MIN_PRICE: i64 = 1;

/// `floor(size * (mark - entry))` in quote scale.
pub fn unrealized_pnl(size: i64, entry: i64, mark: i64) -> Option<i64> {
    mul_div(size, mark.checked_sub(entry)?, NOTIONAL_DIVISOR, Rounding::Floor)
}

/// Absolute notional `ceil(|size| * price)` in quote scale.
pub fn notional(size: i64, price: i64) -> Option<i64> {
    mul_div(size.checked_abs()?, price, NOTIONAL_DIVISOR, Rounding::Ceiling)
}

/// Funding accrued since the last settlement as its effect on equity (longs pay when the index rises):
/// `floor(-size * (index - index_at_entry))` in quote scale.
pub fn funding_effect(size: i64, index_at_entry: i64, index: i64) -> Option<i64> {
    mul_div(size.checked_neg()?, index.checked_sub(index_at_entry)?, FUNDING_DIVISOR, Rounding::Floor)
}

/// The price at which `backing + size * (P - entry)` equals the maintenance requirement at P, with the tier
/// P's notional falls in; the position's current tier is tried first, then every other tier in order.
pub fn liquidation_price(tiers: &TierTable, size: i64, entry: i64, backing: i64, current_tier: usize) -> Option<i64> {
    let first = liquidation_price_in_tier(tiers, size, entry, backing, current_tier)?;
    if first == NO_PRICE || is_in_tier(tiers, size, first, current_tier)? {
        return Some(first);
    }
    for tier in 0..tiers.len() {
        if tier != current_tier {
            let price = liquidation_price_in_tier(tiers, size, entry, backing, tier)?;
            if price != NO_PRICE && is_in_tier(tiers, size, price, tier)? {
                return Some(price);
            }
        }
    }
    Some(first)
}

fn is_in_tier(tiers: &TierTable, size: i64, price: i64, tier: usize) -> Option<bool> {
    // The engine passes its OVERFLOW sentinel (Long.MIN_VALUE) on to tierOf, which places it in tier 0.
    Some(tiers.tier_of(notional(size, price).unwrap_or(i64::MIN)) == tier)
}

/// The liquidation price solved with one tier's rate and amount:
/// `P = (entry - (backing + amount) / size) / (1 - side * mmr)`.
///
/// `None` only for a tier index out of range. Saturations are returned as [`NO_PRICE`], `MAX_PRICE` or
/// [`MIN_PRICE`] exactly as the engine does, also for a size outside its contract (0 or `i64::MIN`, where the
/// engine's division by a non-positive size yields its overflow sentinel).
pub fn liquidation_price_in_tier(tiers: &TierTable, size: i64, entry: i64, backing: i64, tier: usize) -> Option<i64> {
    let cushion = match add(backing, tiers.maintenance_amount(tier)?) {
        Some(c) => c,
        None => return Some(NO_PRICE),
    };
    let mmr = tiers.maintenance_rate(tier)?;
    if size > 0 {
        let numerator = mul_div(cushion, NOTIONAL_DIVISOR, size, Rounding::Floor).and_then(|offset| add(entry, -offset));
        let numerator = match numerator {
            Some(n) => n,
            None => return Some(if cushion > 0 { NO_PRICE } else { MAX_PRICE }),
        };
        if numerator <= 0 {
            return Some(NO_PRICE);
        }
        return Some(match mul_div(numerator, RATE_SCALE, RATE_SCALE - mmr, Rounding::Ceiling) {
            Some(p) if p <= MAX_PRICE => p,
            _ => MAX_PRICE,
        });
    }
    let numerator = mul_div(cushion, NOTIONAL_DIVISOR, negate(size), Rounding::Floor).and_then(|offset| add(entry, offset));
    let numerator = match numerator {
        Some(n) => n,
        None => return Some(if cushion > 0 { NO_PRICE } else { MIN_PRICE }),
    };
    if numerator <= 0 {
        return Some(MIN_PRICE);
    }
    // numerator > 0 and the divisor exceeds RATE_SCALE, so the quotient always fits.
    let price = mul_div(numerator, RATE_SCALE, RATE_SCALE + mmr, Rounding::Floor)?;
    Some(if price > MAX_PRICE { NO_PRICE } else { price.max(MIN_PRICE) })
}

/// The price at which the equity backing the position is zero, `entry - backing / size`, rounded towards the
/// mark; saturates as the engine does (also for a size of 0 or `i64::MIN`, outside its contract).
pub fn bankruptcy_price(size: i64, entry: i64, backing: i64) -> i64 {
    if size > 0 {
        let price = mul_div(backing, NOTIONAL_DIVISOR, size, Rounding::Floor).and_then(|offset| add(entry, -offset));
        return match price {
            None => if backing > 0 { NO_PRICE } else { MAX_PRICE },
            Some(p) if p <= 0 => NO_PRICE,
            Some(p) => p.min(MAX_PRICE),
        };
    }
    let price = mul_div(backing, NOTIONAL_DIVISOR, negate(size), Rounding::Floor).and_then(|offset| add(entry, offset));
    match price {
        None => if backing > 0 { NO_PRICE } else { MIN_PRICE },
        Some(p) if p > MAX_PRICE => NO_PRICE,
        Some(p) => p.max(MIN_PRICE),
    }
}

/// `-size` with Java's wrapping semantics (`-i64::MIN == i64::MIN`), which the callers then treat as an
/// invalid (non-positive) divisor exactly as the engine does.
fn negate(size: i64) -> i64 {
    size.wrapping_neg()
}

/// The funding index increment of one funding update: the rate clamped to `±clamp`, times the mark,
/// `floor(mark * rate / FUNDING_RATE_DIVISOR)` in funding-index scale (the engine's `onFundingRate`).
pub fn funding_index_delta(mark: i64, rate: i64, clamp: i64) -> Option<i64> {
    let applied = rate.min(clamp).max(clamp.checked_neg()?);
    mul_div(mark, applied, super::fixed::FUNDING_RATE_DIVISOR, Rounding::Floor)
}

/// Funding rate from a premium index, Binance's formula `premium + clamp(interest - premium, -band, band)`,
/// before the market's cap (the engine's `Instrument.fundingRateFromPremium`).
pub fn funding_rate_from_premium(interest: i64, band: i64, premium: i64) -> Option<i64> {
    let gap = interest.checked_sub(premium)?;
    premium.checked_add(gap.min(band).max(band.checked_neg()?))
}
