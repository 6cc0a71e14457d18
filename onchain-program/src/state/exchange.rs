//! The exchange: one per program (PDA `["exchange"]`), naming the admin, the collateral mint and the vault.
//!
//! | offset | size | field |
//! |---|---|---|
//! | 0 | 8 | header (discriminator 1, version, bump) |
//! | 8 | 32 | admin |
//! | 40 | 32 | collateral mint |
//! | 72 | 32 | vault (SPL token account owned by the vault authority PDA `["vault"]`) |
//! | 104 | 1 | vault authority bump |
//! | 105 | 7 | reserved |

use super::bytes::{key_at, put};
use super::{discriminator, AccountLayout};

/// Exchange configuration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Exchange {
    /// PDA bump of this account.
    pub bump: u8,
    /// May initialize markets and update their parameters.
    pub admin: [u8; 32],
    /// The only accepted collateral (USDC, 6 decimals = the engine's quote scale).
    pub collateral_mint: [u8; 32],
    /// The token account holding all deposited collateral.
    pub vault: [u8; 32],
    /// Bump of the vault authority PDA `["vault"]`.
    pub vault_authority_bump: u8,
}

impl AccountLayout for Exchange {
    const DISCRIMINATOR: u8 = discriminator::EXCHANGE;
    const LEN: usize = 112;

    fn decode(d: &[u8]) -> Self {
        Exchange { bump: d[2], admin: key_at(d, 8), collateral_mint: key_at(d, 40), vault: key_at(d, 72), vault_authority_bump: d[104] }
    }

    fn encode(&self, d: &mut [u8]) {
        put(d, 8, &self.admin);
        put(d, 40, &self.collateral_mint);
        put(d, 72, &self.vault);
        put(d, 104, &[self.vault_authority_bump, 0, 0, 0, 0, 0, 0, 0]);
    }

    fn bump(&self) -> u8 {
        self.bump
    }
}
