//! Account checks shared by the instructions: count, signer, writable, fixed addresses and sysvars, and the
//! instruction-data reader. Each failure is a specific [`PerpError`].

use crate::error::{PerpError, Result};
use crate::state::bytes::u64_at;
use pinocchio::sysvars::clock::CLOCK_ID;
use pinocchio::sysvars::rent::{Rent, RENT_ID};
use pinocchio::{AccountView, Address};

/// The System Program's address (all zeros).
pub const SYSTEM_PROGRAM_ID: Address = Address::new_from_array([0; 32]);

/// At least `n` accounts.
pub fn count(accounts: &[AccountView], n: usize) -> Result<()> {
    if accounts.len() < n {
        return Err(PerpError::NotEnoughAccounts.into());
    }
    Ok(())
}

/// The account signed the transaction.
pub fn signer(account: &AccountView) -> Result<()> {
    if !account.is_signer() {
        return Err(PerpError::MissingSignature.into());
    }
    Ok(())
}

/// The account is writable.
pub fn writable(account: &AccountView) -> Result<()> {
    if !account.is_writable() {
        return Err(PerpError::NotWritable.into());
    }
    Ok(())
}

/// The account signed and is the expected authority.
pub fn authority(account: &AccountView, expected: &[u8; 32]) -> Result<()> {
    signer(account)?;
    if account.address().as_array() != expected {
        return Err(PerpError::Unauthorized.into());
    }
    Ok(())
}

/// The account is the System Program.
pub fn system_program(account: &AccountView) -> Result<()> {
    if account.address() != &SYSTEM_PROGRAM_ID {
        return Err(PerpError::WrongSystemProgram.into());
    }
    Ok(())
}

/// The account is still uninitialized (no data, owned by the System Program): safe to create.
pub fn uninitialized(account: &AccountView) -> Result<()> {
    writable(account)?;
    if account.data_len() != 0 || !account.owned_by(&SYSTEM_PROGRAM_ID) {
        return Err(PerpError::AlreadyInitialized.into());
    }
    Ok(())
}

/// The current slot from the Clock sysvar account.
pub fn clock_slot(account: &AccountView) -> Result<u64> {
    if account.address() != &CLOCK_ID {
        return Err(PerpError::WrongSysvar.into());
    }
    let data = account.try_borrow()?;
    if data.len() < 8 {
        return Err(PerpError::WrongSysvar.into());
    }
    Ok(u64_at(&data, 0))
}

/// The Rent sysvar from its account.
pub fn rent(account: &AccountView) -> Result<Rent> {
    if account.address() != &RENT_ID {
        return Err(PerpError::WrongSysvar.into());
    }
    let data = account.try_borrow()?;
    Rent::from_bytes(&data).map_err(|_| PerpError::WrongSysvar.into())
}

/// Sequential little-endian reader over instruction data; any short read or trailing byte is
/// [`PerpError::InvalidInstruction`].
pub struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    /// Read from the start of `data`.
    pub fn new(data: &'a [u8]) -> Self {
        Reader { data, pos: 0 }
    }

    fn take<const N: usize>(&mut self) -> Result<[u8; N]> {
        let bytes = self.data.get(self.pos..self.pos + N).ok_or(PerpError::InvalidInstruction)?;
        self.pos += N;
        let mut out = [0u8; N];
        out.copy_from_slice(bytes);
        Ok(out)
    }

    /// Next u8.
    pub fn u8(&mut self) -> Result<u8> {
        Ok(self.take::<1>()?[0])
    }

    /// Next u16.
    pub fn u16(&mut self) -> Result<u16> {
        Ok(u16::from_le_bytes(self.take()?))
    }

    /// Next u32.
    pub fn u32(&mut self) -> Result<u32> {
        Ok(u32::from_le_bytes(self.take()?))
    }

    /// Next i64.
    pub fn i64(&mut self) -> Result<i64> {
        Ok(i64::from_le_bytes(self.take()?))
    }

    /// Next u64.
    pub fn u64(&mut self) -> Result<u64> {
        Ok(u64::from_le_bytes(self.take()?))
    }

    /// Next 32-byte address.
    pub fn key(&mut self) -> Result<[u8; 32]> {
        self.take()
    }

    /// All data consumed.
    pub fn finish(&self) -> Result<()> {
        if self.pos != self.data.len() {
            return Err(PerpError::InvalidInstruction.into());
        }
        Ok(())
    }
}
