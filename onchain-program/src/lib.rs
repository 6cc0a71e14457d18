//! Perp risk on-chain program: canonical perpetual-futures position state on Solana, with the same fixed-point
//! math as the Java risk engine. See `README.md` for the account, instruction and event layouts.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod math;
