//! The two cross-program invocations the program makes: creating its PDA accounts (System Program) and moving
//! collateral (SPL Token `Transfer`). On chain they go through pinocchio's CPI; off chain (`cargo test`) the
//! CPI syscall is a no-op, so each call is first handed to [`crate::native`]'s emulator, which a test
//! harness installs to record the call and apply its effect to the serialized accounts, or, when a bank harness
//! has installed its hook, to the real callee inside a solana-program-test bank.

use crate::error::{PerpError, Result};
use pinocchio::cpi::{Seed, Signer};
use pinocchio::sysvars::rent::Rent;
use pinocchio::{AccountView, Address};
use pinocchio_token::instructions::Transfer;

/// Create `account` (a PDA of this program signed for by `seeds`, bump included) with `space` bytes, funded
/// rent-exempt by `payer`.
pub fn create_program_account(
    payer: &AccountView,
    account: &AccountView,
    space: usize,
    rent: &Rent,
    seeds: &[Seed],
    program_id: &Address,
) -> Result<()> {
    let lamports = rent.try_minimum_balance(space)?;
    let create = pinocchio_system::instructions::CreateAccount { from: payer, to: account, lamports, space: space as u64, owner: program_id };
    #[cfg(not(any(target_os = "solana", target_arch = "bpf")))]
    {
        // System Program `CreateAccount`: u32 discriminator 0, lamports, space, owner.
        let mut data = [0u8; 52];
        data[4..12].copy_from_slice(&lamports.to_le_bytes());
        data[12..20].copy_from_slice(&(space as u64).to_le_bytes());
        data[20..52].copy_from_slice(program_id.as_ref());
        if let Some(result) = crate::native::invoke_hook(&pinocchio_system::ID, &[(payer, true, true), (account, true, true)], &data, seeds) {
            return result;
        }
    }
    #[cfg(not(any(target_os = "solana", target_arch = "bpf")))]
    crate::native::emulate(
        &crate::native::CpiRequest::CreateAccount {
            payer: payer.address().to_bytes(),
            account: account.address().to_bytes(),
            lamports,
            space: space as u64,
            owner: program_id.to_bytes(),
            signer_seeds: crate::native::seeds_to_vec(seeds),
        },
        &mut [*payer, *account],
    )?;
    create.invoke_signed(&[Signer::from(seeds)])
}

/// Transfer `amount` collateral tokens from `from` to `to` with `authority` (a signer of the transaction, or the
/// vault authority PDA when `seeds` are given).
pub fn transfer_tokens(
    token_program: &AccountView,
    from: &AccountView,
    to: &AccountView,
    authority: &AccountView,
    amount: u64,
    seeds: Option<&[Seed]>,
) -> Result<()> {
    if token_program.address() != &pinocchio_token::ID {
        return Err(PerpError::WrongTokenProgram.into());
    }
    let transfer: Transfer<&AccountView> = Transfer::new(from, to, authority, amount);
    #[cfg(not(any(target_os = "solana", target_arch = "bpf")))]
    {
        // SPL Token `Transfer`: tag 3, amount; source and destination writable, authority signer.
        let mut data = [0u8; 9];
        data[0] = 3;
        data[1..9].copy_from_slice(&amount.to_le_bytes());
        let metas = [(from, false, true), (to, false, true), (authority, true, false)];
        if let Some(result) = crate::native::invoke_hook(&pinocchio_token::ID, &metas, &data, seeds.unwrap_or(&[])) {
            return result;
        }
    }
    #[cfg(not(any(target_os = "solana", target_arch = "bpf")))]
    crate::native::emulate(
        &crate::native::CpiRequest::TokenTransfer {
            from: from.address().to_bytes(),
            to: to.address().to_bytes(),
            authority: authority.address().to_bytes(),
            amount,
            signer_seeds: seeds.map(crate::native::seeds_to_vec).unwrap_or_default(),
        },
        &mut [*from, *to, *authority],
    )?;
    match seeds {
        Some(seeds) => transfer.invoke_signed(&[Signer::from(seeds)]),
        None => transfer.invoke(),
    }
}
