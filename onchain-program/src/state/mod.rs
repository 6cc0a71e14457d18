//! Account layouts. Every account starts with an 8-byte header (discriminator, version, PDA bump, 5 reserved
//! zero bytes); all integers are little-endian at the fixed offsets documented on each type and in the README.
//! Accounts are read into plain structs and written back, so no alignment or aliasing assumptions are made.

pub mod bytes;
pub mod exchange;
pub mod margin;
pub mod market;
pub mod position;

use crate::error::{PerpError, Result};
use pinocchio::{AccountView, Address};

/// Layout version written into every account by this program version.
pub const VERSION: u8 = 1;
/// Length of the common header.
pub const HEADER_LEN: usize = 8;

/// Account type tags (header byte 0).
pub mod discriminator {
    /// [`super::exchange::Exchange`].
    pub const EXCHANGE: u8 = 1;
    /// [`super::market::Market`].
    pub const MARKET: u8 = 2;
    /// [`super::margin::MarginAccount`].
    pub const MARGIN: u8 = 3;
    /// [`super::position::Position`].
    pub const POSITION: u8 = 4;
}

/// A fixed-layout program account type.
pub trait AccountLayout: Sized {
    /// Header byte 0.
    const DISCRIMINATOR: u8;
    /// Exact data length.
    const LEN: usize;
    /// Decode the body (the header has been checked).
    fn decode(data: &[u8]) -> Self;
    /// Encode the body (the header is written separately).
    fn encode(&self, data: &mut [u8]);
    /// PDA bump stored in the header.
    fn bump(&self) -> u8;
}

/// Read an account of type `T` after checking its owner (this program), size, discriminator and version.
pub fn load<T: AccountLayout>(account: &AccountView, program_id: &Address) -> Result<T> {
    if !account.owned_by(program_id) {
        return Err(PerpError::WrongAccountOwner.into());
    }
    if account.data_len() != T::LEN {
        return Err(PerpError::WrongAccountSize.into());
    }
    let data = account.try_borrow()?;
    if data[0] != T::DISCRIMINATOR {
        return Err(PerpError::WrongAccountType.into());
    }
    if data[1] != VERSION {
        return Err(PerpError::UnsupportedVersion.into());
    }
    Ok(T::decode(&data))
}

/// Write `value` (header and body) into a writable account of this program with the right size.
pub fn store<T: AccountLayout>(account: &mut AccountView, value: &T) -> Result<()> {
    if !account.is_writable() {
        return Err(PerpError::NotWritable.into());
    }
    if account.data_len() != T::LEN {
        return Err(PerpError::WrongAccountSize.into());
    }
    let mut data = account.try_borrow_mut()?;
    data[0] = T::DISCRIMINATOR;
    data[1] = VERSION;
    data[2] = value.bump();
    data[3..HEADER_LEN].fill(0);
    value.encode(&mut data);
    Ok(())
}
