//! Margin tiers (mirror of the engine's `Instrument` tier rules): brackets by absolute notional, each with a
//! max leverage, a maintenance rate and a maintenance amount derived cumulatively as Binance and Hyperliquid do.

use super::fixed::{apply_rate, div, Rounding, MAX_NOTIONAL, RATE_SCALE};

/// Most tiers a market can hold (fixed account layout).
pub const MAX_TIERS: usize = 8;
/// Highest max leverage of a tier.
pub const MAX_LEVERAGE: u32 = 1000;
/// A tier field given as `DERIVED` is derived by the documented rule (the engine's `Instrument.DERIVED`).
pub const DERIVED: i64 = -1;

/// One tier as configured: a field may be [`DERIVED`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TierSpec {
    /// Notional floor (quote scale); the first tier's is 0.
    pub floor: i64,
    /// Max leverage in the tier, 1..=1000, not increasing with notional.
    pub max_leverage: u32,
    /// Maintenance rate (rate scale) or [`DERIVED`] = `ceil(1 / (2 * max_leverage))`.
    pub maintenance_rate: i64,
    /// Maintenance amount (quote scale) or [`DERIVED`] = `floor(floor * (mmr - prev mmr)) + prev amount`.
    pub maintenance_amount: i64,
}

/// Why a tier table was refused (the engine's builder checks, in its order).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TierError {
    /// No tier, or more than [`MAX_TIERS`].
    Count,
    /// First floor not 0, floors not increasing, or a floor above `MAX_NOTIONAL`.
    Floor,
    /// Max leverage outside 1..=1000 or increasing with notional.
    Leverage,
    /// Maintenance rate outside (0, 1), above the initial rate, or decreasing with notional.
    MaintenanceRate,
    /// Maintenance amount outside [0, MAX_NOTIONAL].
    MaintenanceAmount,
}

/// A validated tier table with every field resolved.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TierTable {
    count: usize,
    floor: [i64; MAX_TIERS],
    max_leverage: [u32; MAX_TIERS],
    mmr: [i64; MAX_TIERS],
    amount: [i64; MAX_TIERS],
}

impl TierTable {
    /// Validate `specs` and derive omitted fields exactly as the engine's `Instrument.Builder.build()`.
    pub fn derive(specs: &[TierSpec]) -> Result<TierTable, TierError> {
        if specs.is_empty() || specs.len() > MAX_TIERS {
            return Err(TierError::Count);
        }
        let mut table = TierTable { count: specs.len(), ..TierTable::default() };
        for (i, t) in specs.iter().enumerate() {
            let floor_ok = if i == 0 { t.floor == 0 } else { t.floor > specs[i - 1].floor };
            if !floor_ok || t.floor > MAX_NOTIONAL {
                return Err(TierError::Floor);
            }
            if t.max_leverage < 1 || t.max_leverage > MAX_LEVERAGE || (i > 0 && t.max_leverage > specs[i - 1].max_leverage) {
                return Err(TierError::Leverage);
            }
            let lev = i64::from(t.max_leverage);
            let mmr = if t.maintenance_rate == DERIVED {
                div(RATE_SCALE, 2 * lev, Rounding::Ceiling).ok_or(TierError::MaintenanceRate)?
            } else {
                t.maintenance_rate
            };
            let initial_rate = div(RATE_SCALE, lev, Rounding::Ceiling).ok_or(TierError::MaintenanceRate)?;
            if mmr <= 0 || mmr >= RATE_SCALE || mmr > initial_rate || (i > 0 && mmr < table.mmr[i - 1]) {
                return Err(TierError::MaintenanceRate);
            }
            let amount = if t.maintenance_amount != DERIVED {
                t.maintenance_amount
            } else if i == 0 {
                0
            } else {
                apply_rate(t.floor, mmr - table.mmr[i - 1], Rounding::Floor)
                    .and_then(|a| a.checked_add(table.amount[i - 1]))
                    .ok_or(TierError::MaintenanceAmount)?
            };
            if !(0..=MAX_NOTIONAL).contains(&amount) {
                return Err(TierError::MaintenanceAmount);
            }
            table.floor[i] = t.floor;
            table.max_leverage[i] = t.max_leverage;
            table.mmr[i] = mmr;
            table.amount[i] = amount;
        }
        Ok(table)
    }

    /// Number of tiers.
    pub fn len(&self) -> usize {
        self.count
    }

    /// Always false for a derived table (at least one tier).
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Notional floor of a tier.
    pub fn floor(&self, tier: usize) -> Option<i64> {
        self.check(tier).map(|t| self.floor[t])
    }

    /// Max leverage of a tier.
    pub fn max_leverage(&self, tier: usize) -> Option<u32> {
        self.check(tier).map(|t| self.max_leverage[t])
    }

    /// Maintenance rate of a tier (rate scale).
    pub fn maintenance_rate(&self, tier: usize) -> Option<i64> {
        self.check(tier).map(|t| self.mmr[t])
    }

    /// Maintenance amount of a tier (quote scale).
    pub fn maintenance_amount(&self, tier: usize) -> Option<i64> {
        self.check(tier).map(|t| self.amount[t])
    }

    /// Index of the tier an absolute notional falls in.
    pub fn tier_of(&self, notional: i64) -> usize {
        let mut tier = 0;
        for i in 1..self.count {
            if notional >= self.floor[i] {
                tier = i;
            } else {
                break;
            }
        }
        tier
    }

    /// Maintenance requirement `max(0, ceil(notional * mmr) - amount)` with the notional's tier.
    pub fn maintenance_margin(&self, notional: i64) -> Option<i64> {
        let tier = self.tier_of(notional);
        let mm = apply_rate(notional, self.mmr[tier], Rounding::Ceiling)?.checked_sub(self.amount[tier])?;
        Some(mm.max(0))
    }

    /// Initial requirement `ceil(notional / min(leverage, max leverage of the notional's tier))`.
    /// `None` when `leverage` is 0.
    pub fn initial_margin(&self, notional: i64, leverage: u32) -> Option<i64> {
        let lev = leverage.min(self.max_leverage[self.tier_of(notional)]);
        div(notional, i64::from(lev), Rounding::Ceiling)
    }

    fn check(&self, tier: usize) -> Option<usize> {
        if tier < self.count { Some(tier) } else { None }
    }
}
