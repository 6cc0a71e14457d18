//! A position (PDA `["position", owner, market]`).
//!
//! | offset | size | field |
//! |---|---|---|
//! | 0 | 8 | header (discriminator 4, version, bump) |
//! | 8 | 32 | owner |
//! | 40 | 32 | market (account address) |
//! | 72 | 2 | market id (u16) |
//! | 74 | 1 | lifecycle state: 0 empty, 2 open, 5 closed, 7 liquidated (the engine's `PositionState` codes) |
//! | 75 | 1 | margin mode: 0 cross, 1 isolated |
//! | 76 | 4 | leverage (u32, 1..=1000; capped by the tier) |
//! | 80 | 8 | size (i64, signed, size scale) |
//! | 88 | 8 | entry price (i64, 0 when flat) |
//! | 96 | 8 | isolated margin (i64, quote scale; 0 for cross) |
//! | 104 | 8 | realized PnL (i64) |
//! | 112 | 8 | funding index at last settlement (i64, 1e12) |
//! | 120 | 8 | last update slot (u64) |

use super::bytes::{i64_at, key_at, put, u32_at, u64_at, u16_at};
use super::{discriminator, AccountLayout};

/// Lifecycle states. The engine's transitional states (OPENING, MODIFYING, CLOSING, LIQUIDATING) last only
/// inside one atomic instruction on chain, so they are reported in events (the change code), never stored.
pub mod lifecycle {
    /// Created, never traded (the engine's NONE).
    pub const EMPTY: u8 = 0;
    /// Non-zero size (the engine's OPEN).
    pub const OPEN: u8 = 2;
    /// Flat after a close (the engine's CLOSED).
    pub const CLOSED: u8 = 5;
    /// Flat after its owner was liquidated (program-specific: the engine's LIQUIDATING is transitional).
    pub const LIQUIDATED: u8 = 7;
}

/// Margin mode values.
pub mod mode {
    /// Shares the margin account's collateral.
    pub const CROSS: u8 = 0;
    /// Has its own margin wallet.
    pub const ISOLATED: u8 = 1;
}

/// Position state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// PDA bump.
    pub bump: u8,
    /// Owner wallet.
    pub owner: [u8; 32],
    /// Market account address.
    pub market: [u8; 32],
    /// Market id.
    pub market_id: u16,
    /// Lifecycle state ([`lifecycle`]).
    pub state: u8,
    /// Margin mode ([`mode`]).
    pub margin_mode: u8,
    /// Leverage setting.
    pub leverage: u32,
    /// Signed size.
    pub size: i64,
    /// Entry price.
    pub entry_price: i64,
    /// Isolated margin wallet.
    pub isolated_margin: i64,
    /// Realized PnL of this position.
    pub realized_pnl: i64,
    /// Funding index at the last settlement.
    pub funding_index: i64,
    /// Slot of the last change.
    pub last_update_slot: u64,
}

impl AccountLayout for Position {
    const DISCRIMINATOR: u8 = discriminator::POSITION;
    const LEN: usize = 128;

    fn decode(d: &[u8]) -> Self {
        Position {
            bump: d[2],
            owner: key_at(d, 8),
            market: key_at(d, 40),
            market_id: u16_at(d, 72),
            state: d[74],
            margin_mode: d[75],
            leverage: u32_at(d, 76),
            size: i64_at(d, 80),
            entry_price: i64_at(d, 88),
            isolated_margin: i64_at(d, 96),
            realized_pnl: i64_at(d, 104),
            funding_index: i64_at(d, 112),
            last_update_slot: u64_at(d, 120),
        }
    }

    fn encode(&self, d: &mut [u8]) {
        put(d, 8, &self.owner);
        put(d, 40, &self.market);
        put(d, 72, &self.market_id.to_le_bytes());
        put(d, 74, &[self.state, self.margin_mode]);
        put(d, 76, &self.leverage.to_le_bytes());
        put(d, 80, &self.size.to_le_bytes());
        put(d, 88, &self.entry_price.to_le_bytes());
        put(d, 96, &self.isolated_margin.to_le_bytes());
        put(d, 104, &self.realized_pnl.to_le_bytes());
        put(d, 112, &self.funding_index.to_le_bytes());
        put(d, 120, &self.last_update_slot.to_le_bytes());
    }

    fn bump(&self) -> u8 {
        self.bump
    }
}

impl Position {
    /// True for an isolated position.
    pub fn is_isolated(&self) -> bool {
        self.margin_mode == mode::ISOLATED
    }
}
