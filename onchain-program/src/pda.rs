//! Program-derived addresses: seeds of every account type, canonical-bump search at creation and cheap
//! verification with the stored bump afterwards.

use crate::error::{PerpError, Result};
use pinocchio::Address;

/// Seed prefix of the exchange account.
pub const EXCHANGE_SEED: &[u8] = b"exchange";
/// Seed prefix of the vault authority (owner of the vault token account; signs withdrawals).
pub const VAULT_SEED: &[u8] = b"vault";
/// Seed prefix of a market (followed by the market id, u16 LE).
pub const MARKET_SEED: &[u8] = b"market";
/// Seed prefix of a margin account (followed by the owner).
pub const MARGIN_SEED: &[u8] = b"margin";
/// Seed prefix of a position (followed by the owner and the market account).
pub const POSITION_SEED: &[u8] = b"position";

/// Find the canonical (highest valid) bump for `seeds`, as the runtime's `find_program_address` does.
pub fn find(seeds: &[&[u8]], program_id: &Address) -> Result<(Address, u8)> {
    Address::try_find_program_address(seeds, program_id).ok_or_else(|| PerpError::WrongProgramAddress.into())
}

/// Check that `address` is the PDA of `seeds` with the canonical bump; returns the bump.
pub fn expect_canonical(address: &Address, seeds: &[&[u8]], program_id: &Address) -> Result<u8> {
    let (expected, bump) = find(seeds, program_id)?;
    if &expected != address {
        return Err(PerpError::WrongProgramAddress.into());
    }
    Ok(bump)
}

/// Check that `address` is the PDA of `seeds` with the stored `bump` (one hash, no curve check: the bump was
/// found canonical when the account was created).
pub fn expect_with_bump<const N: usize>(address: &Address, seeds: &[&[u8]; N], bump: u8, program_id: &Address) -> Result<()> {
    let derived = Address::try_derive_address(seeds, Some(bump), program_id).map_err(|_| PerpError::WrongProgramAddress)?;
    if &derived != address {
        return Err(PerpError::WrongProgramAddress.into());
    }
    Ok(())
}
