//! Fixed-point risk math, a bit-for-bit mirror of the Java engine (`com.perprisk.engine.fixed.FixedPoint`,
//! `risk.PositionMath`, `risk.TradeOutcome`, `instrument.Instrument`).
//!
//! Where the Java code returns the sentinel `FixedPoint.OVERFLOW` (`Long.MIN_VALUE`), these functions
//! return `None`; every other result is identical. All products use `i128` intermediates and every
//! addition is checked: nothing wraps silently. The shared vectors in `vectors/math-vectors.txt` are
//! checked against both implementations.

pub mod fixed;
pub mod position;
pub mod tiers;
pub mod trade;

pub use fixed::Rounding;
