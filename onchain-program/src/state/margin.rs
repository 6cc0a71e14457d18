//! A user's margin account (PDA `["margin", owner]`): cross collateral and running totals.
//!
//! | offset | size | field |
//! |---|---|---|
//! | 0 | 8 | header (discriminator 3, version, bump) |
//! | 8 | 32 | owner |
//! | 40 | 8 | collateral (i64, quote scale; cross positions' realized PnL and funding settle here) |
//! | 48 | 8 | realized PnL total (i64) |
//! | 56 | 8 | fees paid total (i64) |
//! | 64 | 8 | funding paid total (i64, positive = paid) |
//! | 72 | 2 | open positions (u16) |
//! | 74 | 2 | open cross positions (u16) |
//! | 76 | 4 | reserved |

use super::bytes::{i64_at, key_at, put, u16_at};
use super::{discriminator, AccountLayout};

/// Margin account state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MarginAccount {
    /// PDA bump.
    pub bump: u8,
    /// The wallet that owns it.
    pub owner: [u8; 32],
    /// Cross collateral.
    pub collateral: i64,
    /// Realized PnL, all positions.
    pub realized_pnl: i64,
    /// Trading and liquidation fees paid.
    pub fees_paid: i64,
    /// Funding paid (negative = received).
    pub funding_paid: i64,
    /// Number of positions with non-zero size.
    pub open_positions: u16,
    /// Number of cross positions with non-zero size.
    pub open_cross_positions: u16,
}

impl AccountLayout for MarginAccount {
    const DISCRIMINATOR: u8 = discriminator::MARGIN;
    const LEN: usize = 80;

    fn decode(d: &[u8]) -> Self {
        MarginAccount {
            bump: d[2],
            owner: key_at(d, 8),
            collateral: i64_at(d, 40),
            realized_pnl: i64_at(d, 48),
            fees_paid: i64_at(d, 56),
            funding_paid: i64_at(d, 64),
            open_positions: u16_at(d, 72),
            open_cross_positions: u16_at(d, 74),
        }
    }

    fn encode(&self, d: &mut [u8]) {
        put(d, 8, &self.owner);
        put(d, 40, &self.collateral.to_le_bytes());
        put(d, 48, &self.realized_pnl.to_le_bytes());
        put(d, 56, &self.fees_paid.to_le_bytes());
        put(d, 64, &self.funding_paid.to_le_bytes());
        put(d, 72, &self.open_positions.to_le_bytes());
        put(d, 74, &self.open_cross_positions.to_le_bytes());
        put(d, 76, &[0, 0, 0, 0]);
    }

    fn bump(&self) -> u8 {
        self.bump
    }
}
