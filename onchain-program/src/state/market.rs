//! A perpetual market (PDA `["market", market_id as u16 LE]`): the instrument configuration with its margin
//! tiers, the oracle mark and its slot, the cumulative funding index, open interest, insurance fund and fee pool.
//!
//! | offset | size | field |
//! |---|---|---|
//! | 0 | 8 | header (discriminator 2, version, bump) |
//! | 8 | 2 | market id (u16, the engine's instrument id) |
//! | 10 | 1 | price decimals (tick = 10^(8 - d) raw) |
//! | 11 | 1 | size decimals (lot = 10^(8 - d) raw) |
//! | 12 | 1 | tier count |
//! | 13 | 3 | reserved |
//! | 16 | 32 | oracle authority |
//! | 48 | 32 | fill authority |
//! | 80 | 8 | max price (i64, price scale) |
//! | 88 | 8 | max position size (i64, size scale) |
//! | 96 | 8 | liquidation fee rate (i64, rate scale) |
//! | 104 | 8 | taker fee rate |
//! | 112 | 8 | funding clamp rate |
//! | 120 | 8 | funding interest rate |
//! | 128 | 8 | funding premium band |
//! | 136 | 8 | oracle max confidence rate (0 = unchecked) |
//! | 144 | 8 | oracle max staleness (u64 slots, 0 = unchecked) |
//! | 152 | 256 | 8 tiers x 32: floor i64, max leverage u32, reserved u32, maintenance rate i64, maintenance amount i64 |
//! | 408 | 8 | mark price (i64, 0 = none yet) |
//! | 416 | 8 | mark slot (u64, the oracle's publish slot) |
//! | 424 | 8 | cumulative funding index (i64, 1e12) |
//! | 432 | 8 | last funding slot (u64) |
//! | 440 | 8 | open interest long (i64, size scale) |
//! | 448 | 8 | open interest short (i64, size scale, positive) |
//! | 456 | 8 | insurance fund (i64, quote scale) |
//! | 464 | 8 | fee pool (i64, quote scale) |

use super::bytes::{i64_at, key_at, put, u32_at, u64_at, u16_at};
use super::{discriminator, AccountLayout};
use crate::math::tiers::{TierSpec, TierTable, MAX_TIERS};

/// Offset of the tier table.
pub const TIERS_OFFSET: usize = 152;
/// Bytes per stored tier.
pub const TIER_LEN: usize = 32;

/// The configurable part of a market (instruction data of InitializeMarket and UpdateMarketParams).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MarketParams {
    /// Signs mark price and funding updates.
    pub oracle_authority: [u8; 32],
    /// Signs fills.
    pub fill_authority: [u8; 32],
    /// Price decimals on the tick grid, 0..=8.
    pub price_decimals: u8,
    /// Size decimals on the lot grid, 0..=8.
    pub size_decimals: u8,
    /// Highest accepted price.
    pub max_price: i64,
    /// Highest |position size|.
    pub max_position_size: i64,
    /// Liquidation fee on the taken-over notional, paid to the insurance fund.
    pub liquidation_fee_rate: i64,
    /// Fee on every fill's notional, paid to the fee pool.
    pub taker_fee_rate: i64,
    /// Max |funding rate| per update.
    pub funding_clamp_rate: i64,
    /// Interest rate of the premium formula.
    pub funding_interest_rate: i64,
    /// Band of the premium formula.
    pub funding_premium_band: i64,
    /// Max oracle confidence / price, 0 = unchecked.
    pub oracle_max_confidence_rate: i64,
    /// Max age of the mark in slots, 0 = unchecked.
    pub oracle_max_staleness_slots: u64,
}

/// Market state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Market {
    /// PDA bump.
    pub bump: u8,
    /// Market id (seed and the engine's instrument id).
    pub market_id: u16,
    /// Configuration.
    pub params: MarketParams,
    /// Margin tiers, validated and derived.
    pub tiers: TierTable,
    /// Current mark price (0 = none yet).
    pub mark_price: i64,
    /// Oracle publish slot of the mark.
    pub mark_slot: u64,
    /// Cumulative funding index (quote per unit of base, 1e12).
    pub funding_index: i64,
    /// Slot of the last funding update.
    pub funding_slot: u64,
    /// Sum of long sizes.
    pub open_interest_long: i64,
    /// Sum of |short sizes|.
    pub open_interest_short: i64,
    /// Insurance fund balance.
    pub insurance_fund: i64,
    /// Trading fees collected.
    pub fee_pool: i64,
}

impl AccountLayout for Market {
    const DISCRIMINATOR: u8 = discriminator::MARKET;
    const LEN: usize = 472;

    fn decode(d: &[u8]) -> Self {
        let count = usize::from(d[12]).min(MAX_TIERS);
        let mut specs = [TierSpec::default(); MAX_TIERS];
        for (i, spec) in specs.iter_mut().enumerate().take(count) {
            let at = TIERS_OFFSET + i * TIER_LEN;
            *spec = TierSpec {
                floor: i64_at(d, at),
                max_leverage: u32_at(d, at + 8),
                maintenance_rate: i64_at(d, at + 16),
                maintenance_amount: i64_at(d, at + 24),
            };
        }
        // Stored tiers were validated when written and every field is explicit; a table that no longer validates
        // (impossible unless the account was corrupted) decodes as empty, and every margin check then fails.
        let tiers = TierTable::derive(&specs[..count]).unwrap_or_default();
        Market {
            bump: d[2],
            market_id: u16_at(d, 8),
            params: MarketParams {
                oracle_authority: key_at(d, 16),
                fill_authority: key_at(d, 48),
                price_decimals: d[10],
                size_decimals: d[11],
                max_price: i64_at(d, 80),
                max_position_size: i64_at(d, 88),
                liquidation_fee_rate: i64_at(d, 96),
                taker_fee_rate: i64_at(d, 104),
                funding_clamp_rate: i64_at(d, 112),
                funding_interest_rate: i64_at(d, 120),
                funding_premium_band: i64_at(d, 128),
                oracle_max_confidence_rate: i64_at(d, 136),
                oracle_max_staleness_slots: u64_at(d, 144),
            },
            tiers,
            mark_price: i64_at(d, 408),
            mark_slot: u64_at(d, 416),
            funding_index: i64_at(d, 424),
            funding_slot: u64_at(d, 432),
            open_interest_long: i64_at(d, 440),
            open_interest_short: i64_at(d, 448),
            insurance_fund: i64_at(d, 456),
            fee_pool: i64_at(d, 464),
        }
    }

    fn encode(&self, d: &mut [u8]) {
        let p = &self.params;
        put(d, 8, &self.market_id.to_le_bytes());
        put(d, 10, &[p.price_decimals, p.size_decimals, self.tiers.len() as u8, 0, 0, 0]);
        put(d, 16, &p.oracle_authority);
        put(d, 48, &p.fill_authority);
        put(d, 80, &p.max_price.to_le_bytes());
        put(d, 88, &p.max_position_size.to_le_bytes());
        put(d, 96, &p.liquidation_fee_rate.to_le_bytes());
        put(d, 104, &p.taker_fee_rate.to_le_bytes());
        put(d, 112, &p.funding_clamp_rate.to_le_bytes());
        put(d, 120, &p.funding_interest_rate.to_le_bytes());
        put(d, 128, &p.funding_premium_band.to_le_bytes());
        put(d, 136, &p.oracle_max_confidence_rate.to_le_bytes());
        put(d, 144, &p.oracle_max_staleness_slots.to_le_bytes());
        for i in 0..MAX_TIERS {
            let at = TIERS_OFFSET + i * TIER_LEN;
            let mut tier = [0u8; TIER_LEN];
            if i < self.tiers.len() {
                tier[0..8].copy_from_slice(&self.tiers.floor(i).unwrap_or(0).to_le_bytes());
                tier[8..12].copy_from_slice(&self.tiers.max_leverage(i).unwrap_or(0).to_le_bytes());
                tier[16..24].copy_from_slice(&self.tiers.maintenance_rate(i).unwrap_or(0).to_le_bytes());
                tier[24..32].copy_from_slice(&self.tiers.maintenance_amount(i).unwrap_or(0).to_le_bytes());
            }
            put(d, at, &tier);
        }
        put(d, 408, &self.mark_price.to_le_bytes());
        put(d, 416, &self.mark_slot.to_le_bytes());
        put(d, 424, &self.funding_index.to_le_bytes());
        put(d, 432, &self.funding_slot.to_le_bytes());
        put(d, 440, &self.open_interest_long.to_le_bytes());
        put(d, 448, &self.open_interest_short.to_le_bytes());
        put(d, 456, &self.insurance_fund.to_le_bytes());
        put(d, 464, &self.fee_pool.to_le_bytes());
    }

    fn bump(&self) -> u8 {
        self.bump
    }
}

impl Market {
    /// Tick size in raw price units.
    pub fn tick_size(&self) -> i64 {
        pow10(8 - i64::from(self.params.price_decimals.min(8)))
    }

    /// Lot size in raw size units.
    pub fn lot_size(&self) -> i64 {
        pow10(8 - i64::from(self.params.size_decimals.min(8)))
    }

    /// Positive, at most the max price, on the tick grid (the engine's `Instrument.isValidPrice`).
    pub fn is_valid_price(&self, price: i64) -> bool {
        price > 0 && price <= self.params.max_price && price % self.tick_size() == 0
    }

    /// Non-zero and on the lot grid (the position limit is checked on the resulting size).
    pub fn is_valid_quantity(&self, quantity: i64) -> bool {
        quantity != 0 && quantity != i64::MIN && quantity % self.lot_size() == 0
    }
}

fn pow10(n: i64) -> i64 {
    (0..n).fold(1, |v, _| v * 10)
}
