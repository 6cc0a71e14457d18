//! What a trade does to a position (mirror of the engine's `TradeOutcome`): size-weighted entry on increases
//! (rounded against the holder), unchanged entry on reductions, trade price after a flip, and
//! `floor(closed * (price - entry))` realized.

use super::fixed::{mul_div, Rounding};
use super::position::unrealized_pnl;

/// The kind of change a trade makes (the engine's `PositionChange` codes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Change {
    /// From flat.
    Opened = 1,
    /// Same direction.
    Increased = 2,
    /// Opposite direction, smaller than the position.
    Reduced = 3,
    /// Opposite direction, exactly the position.
    Closed = 4,
    /// Opposite direction, larger than the position.
    Flipped = 5,
}

/// The outcome of one trade on one position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TradeOutcome {
    /// Signed size after the trade.
    pub new_size: i64,
    /// Entry price after the trade (0 when flat).
    pub new_entry: i64,
    /// Quantity of the old position closed (>= 0).
    pub closed: i64,
    /// Quantity opened in the new direction or added (>= 0).
    pub opened: i64,
    /// PnL realized on the closed quantity (quote scale).
    pub realized_pnl: i64,
    /// What changed.
    pub change: Change,
}

/// Apply a trade of signed `quantity` (non-zero) at `price` to a position of `size` at `entry`.
/// `None` when an intermediate leaves the i64 range (outside the engine's documented limits).
pub fn trade(size: i64, entry: i64, quantity: i64, price: i64) -> Option<TradeOutcome> {
    let new_size = size.checked_add(quantity)?;
    let abs_quantity = quantity.checked_abs()?;
    if size == 0 {
        return Some(TradeOutcome { new_size, new_entry: price, closed: 0, opened: abs_quantity, realized_pnl: 0, change: Change::Opened });
    }
    if (size > 0) == (quantity > 0) {
        let rounding = if size > 0 { Rounding::Ceiling } else { Rounding::Floor };
        let step = mul_div(price.checked_sub(entry)?, abs_quantity, new_size.checked_abs()?, rounding)?;
        return Some(TradeOutcome {
            new_size,
            new_entry: entry.checked_add(step)?,
            closed: 0,
            opened: abs_quantity,
            realized_pnl: 0,
            change: Change::Increased,
        });
    }
    let abs_size = size.checked_abs()?;
    let closed = abs_size.min(abs_quantity);
    let realized_pnl = unrealized_pnl(if size > 0 { closed } else { -closed }, entry, price)?;
    let (new_entry, change) = if abs_quantity < abs_size {
        (entry, Change::Reduced)
    } else if abs_quantity == abs_size {
        (0, Change::Closed)
    } else {
        (price, Change::Flipped)
    };
    Some(TradeOutcome { new_size, new_entry, closed, opened: abs_quantity - closed, realized_pnl, change })
}
