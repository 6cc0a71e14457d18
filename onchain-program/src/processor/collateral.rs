//! Margin accounts and collateral: create the account, deposit into the vault, withdraw from it.

use super::admin::load_exchange;
use crate::checks::{self, Reader};
use crate::cpi::{create_program_account, transfer_tokens};
use crate::error::{PerpError, Result};
use crate::events::{tag, Event};
use crate::math::fixed::MAX_BALANCE;
use crate::pda;
use crate::risk::load_cross_set;
use crate::state::margin::MarginAccount;
use crate::state::{load, store, AccountLayout};
use pinocchio::cpi::Seed;
use pinocchio::{AccountView, Address};

/// `CreateMarginAccount` (no arguments).
///
/// Accounts: 0 owner (signer, writable, pays rent), 1 margin account PDA `["margin", owner]` (writable,
/// uninitialized), 2 System Program, 3 Rent sysvar.
#[inline(never)]
pub fn create_margin_account(program_id: &Address, accounts: &mut [AccountView], args: &[u8]) -> Result<()> {
    Reader::new(args).finish()?;
    checks::count(accounts, 4)?;
    let [owner, margin_account, system, rent_account, ..] = accounts else {
        return Err(PerpError::NotEnoughAccounts.into());
    };
    checks::signer(owner)?;
    checks::writable(owner)?;
    checks::system_program(system)?;
    let rent = checks::rent(rent_account)?;
    let owner_key = owner.address().to_bytes();
    let bump = pda::expect_canonical(margin_account.address(), &[pda::MARGIN_SEED, &owner_key], program_id)?;
    checks::uninitialized(margin_account)?;
    let bump_seed = [bump];
    let seeds = [Seed::from(pda::MARGIN_SEED), Seed::from(&owner_key), Seed::from(&bump_seed)];
    create_program_account(owner, margin_account, MarginAccount::LEN, &rent, &seeds, program_id)?;
    let margin = MarginAccount {
        bump,
        owner: owner_key,
        collateral: 0,
        realized_pnl: 0,
        fees_paid: 0,
        funding_paid: 0,
        open_positions: 0,
        open_cross_positions: 0,
    };
    store(margin_account, &margin)?;
    Event::new(tag::MARGIN_ACCOUNT_CREATED).key(margin_account.address().as_array()).key(&owner_key).emit();
    Ok(())
}

/// `Deposit`: `amount u64` (token base units = quote raw units).
///
/// Accounts: 0 owner (signer), 1 margin account (writable), 2 exchange, 3 owner's token account (writable,
/// collateral mint), 4 vault (writable), 5 SPL Token program.
#[inline(never)]
pub fn deposit(program_id: &Address, accounts: &mut [AccountView], args: &[u8]) -> Result<()> {
    let mut r = Reader::new(args);
    let amount = r.u64()?;
    r.finish()?;
    checks::count(accounts, 6)?;
    let [owner, margin_account, exchange_account, owner_token, vault, token_program, ..] = accounts else {
        return Err(PerpError::NotEnoughAccounts.into());
    };
    checks::signer(owner)?;
    let mut margin = load_margin(margin_account, owner.address(), program_id)?;
    let exchange = load_exchange(exchange_account, program_id)?;
    check_exchange_vault(vault, &exchange.vault, owner_token)?;
    check_token_account_mint(owner_token, &exchange.collateral_mint)?;
    let amount_i = positive_amount(amount)?;
    margin.collateral = margin.collateral.checked_add(amount_i).filter(|c| *c <= MAX_BALANCE).ok_or(PerpError::LimitExceeded)?;
    transfer_tokens(token_program, owner_token, vault, owner, amount, None)?;
    store(margin_account, &margin)?;
    collateral_event(tag::COLLATERAL_DEPOSITED, &margin, amount).emit();
    Ok(())
}

/// `Withdraw`: `amount u64`. Refused if the collateral left would not cover the cross positions' initial margin.
///
/// Accounts: 0 owner (signer), 1 margin account (writable), 2 exchange, 3 vault (writable), 4 owner's token
/// account (writable), 5 vault authority PDA `["vault"]`, 6 SPL Token program, 7 Clock sysvar, then one
/// (position, market) pair per open cross position of the owner.
#[inline(never)]
pub fn withdraw(program_id: &Address, accounts: &mut [AccountView], args: &[u8]) -> Result<()> {
    let mut r = Reader::new(args);
    let amount = r.u64()?;
    r.finish()?;
    checks::count(accounts, 8)?;
    let (fixed, pairs) = accounts.split_at_mut(8);
    let [owner, margin_account, exchange_account, vault, owner_token, vault_authority, token_program, clock] = fixed else {
        return Err(PerpError::NotEnoughAccounts.into());
    };
    checks::signer(owner)?;
    let mut margin = load_margin(margin_account, owner.address(), program_id)?;
    let exchange = load_exchange(exchange_account, program_id)?;
    check_exchange_vault(vault, &exchange.vault, owner_token)?;
    check_token_account_mint(owner_token, &exchange.collateral_mint)?;
    pda::expect_with_bump(vault_authority.address(), &[pda::VAULT_SEED], exchange.vault_authority_bump, program_id)
        .map_err(|_| PerpError::WrongVault)?;
    let slot = checks::clock_slot(clock)?;
    let amount_i = positive_amount(amount)?;
    if margin.collateral < amount_i {
        return Err(PerpError::InsufficientCollateral.into());
    }
    margin.collateral -= amount_i;
    let cross = load_cross_set(pairs, &margin.owner, &[], usize::from(margin.open_cross_positions), slot, program_id)?;
    cross.require_initial(margin.collateral)?;
    let bump_seed = [exchange.vault_authority_bump];
    let seeds = [Seed::from(pda::VAULT_SEED), Seed::from(&bump_seed)];
    transfer_tokens(token_program, vault, owner_token, vault_authority, amount, Some(&seeds))?;
    store(margin_account, &margin)?;
    collateral_event(tag::COLLATERAL_WITHDRAWN, &margin, amount).emit();
    Ok(())
}

/// Load a margin account, checking its owner is `owner` and its address the PDA `["margin", owner]`.
pub fn load_margin(account: &AccountView, owner: &Address, program_id: &Address) -> Result<MarginAccount> {
    let margin: MarginAccount = load(account, program_id)?;
    if &margin.owner != owner.as_array() {
        return Err(PerpError::Unauthorized.into());
    }
    pda::expect_with_bump(account.address(), &[pda::MARGIN_SEED, &margin.owner], margin.bump, program_id)?;
    Ok(margin)
}

/// An amount in (0, MAX_BALANCE].
pub fn positive_amount(amount: u64) -> Result<i64> {
    match i64::try_from(amount) {
        Ok(a) if a > 0 && a <= MAX_BALANCE => Ok(a),
        _ => Err(PerpError::InvalidAmount.into()),
    }
}

/// The vault is the exchange's, and the owner's token account is a different account.
fn check_exchange_vault(vault: &AccountView, expected: &[u8; 32], owner_token: &AccountView) -> Result<()> {
    if vault.address().as_array() != expected {
        return Err(PerpError::WrongVault.into());
    }
    if owner_token.address() == vault.address() {
        return Err(PerpError::DuplicateAccount.into());
    }
    Ok(())
}

fn check_token_account_mint(account: &AccountView, mint: &[u8; 32]) -> Result<()> {
    let token = pinocchio_token::state::Account::from_account_view(account).map_err(|_| PerpError::WrongAccountOwner)?;
    if token.mint().as_array() != mint {
        return Err(PerpError::WrongMint.into());
    }
    Ok(())
}

/// Collateral event layout: margin owner, amount u64, collateral after i64.
fn collateral_event(event_tag: u8, margin: &MarginAccount, amount: u64) -> Event {
    let mut e = Event::new(event_tag);
    e.key(&margin.owner).u64(amount).i64(margin.collateral);
    e
}
