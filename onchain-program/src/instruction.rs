//! Instruction tags (byte 0 of the instruction data). Each instruction's data layout and accounts are
//! documented on its processor function and in the README.

/// Create the exchange (admin, collateral mint, vault).
pub const INITIALIZE_EXCHANGE: u8 = 0;
/// Create a market with its parameters and tiers (admin).
pub const INITIALIZE_MARKET: u8 = 1;
/// Replace a market's parameters and tiers (admin).
pub const UPDATE_MARKET_PARAMS: u8 = 2;
/// Create the caller's margin account.
pub const CREATE_MARGIN_ACCOUNT: u8 = 3;
/// Deposit collateral into the vault.
pub const DEPOSIT: u8 = 4;
/// Withdraw collateral from the vault (refused below initial margin).
pub const WITHDRAW: u8 = 5;
/// Create the caller's position account for a market (margin mode, leverage).
pub const CREATE_POSITION: u8 = 6;
/// Apply a fill signed by the market's fill authority: open, increase, reduce, close or flip.
pub const TRADE: u8 = 7;
/// Move collateral into an isolated position's wallet.
pub const ADD_ISOLATED_MARGIN: u8 = 8;
/// Move margin out of an isolated position's wallet (refused below its initial margin).
pub const REMOVE_ISOLATED_MARGIN: u8 = 9;
/// Set the mark price (oracle authority; staleness and confidence checks).
pub const UPDATE_MARK_PRICE: u8 = 10;
/// Apply a funding rate to the cumulative index (oracle authority).
pub const UPDATE_FUNDING: u8 = 11;
/// Take over a position below maintenance at its bankruptcy price (permissionless).
pub const LIQUIDATE: u8 = 12;
