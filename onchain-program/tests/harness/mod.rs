//! Native test harness: a small in-memory "bank" that runs the program through the real account ABI.
//!
//! For each instruction it builds the exact input buffer the SBF loader gives a program (the aligned ABI v1
//! layout of `serialize_parameters_for_abiv1` in agave's `solana-program-runtime` 4.2: account count; per
//! account a duplicate marker, or signer/writable/executable flags, 4 padding bytes, key, owner, lamports, data
//! length, data, 10 KiB of realloc padding, alignment to 8, rent epoch; then instruction data length, data and
//! program id), calls the program's exported `entrypoint` on it (pinocchio's deserializer builds the account
//! views over the buffer), and on success reads owner, lamports, data length and data back, as the runtime's
//! deserializer does. A failed instruction changes nothing (transaction atomicity), and a change to a
//! read-only account fails the instruction (the runtime's rule).
//!
//! CPIs are emulated (see `perp_risk_program::native`): System `CreateAccount` and SPL Token `Transfer` are
//! applied to the serialized accounts by the minimal emulators below, after checking the signer rules
//! (transaction signer, or PDA seeds of the calling program) and the token rules (owner, mint, balance).

#![allow(dead_code)]

pub mod fixture;
pub mod ixdata;

use perp_risk_program::native::{self, CpiRequest};
use pinocchio::account::RuntimeAccount;
use pinocchio::error::ProgramError;
use pinocchio::{AccountView, Address};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// The SBF loader's realloc padding after each account's data.
pub const MAX_PERMITTED_DATA_INCREASE: usize = 10 * 1024;
/// Marker of a non-duplicate account.
pub const NON_DUP_MARKER: u8 = u8::MAX;
/// Owner of sysvar accounts.
pub const SYSVAR_OWNER: [u8; 32] = Address::from_str_const("Sysvar1111111111111111111111111111111111111").to_bytes();
/// The System Program.
pub const SYSTEM_PROGRAM: [u8; 32] = [0; 32];
/// Lamports per byte of the harness's Rent sysvar (pinocchio's default, 6960).
pub const LAMPORTS_PER_BYTE: u64 = 6960;
/// Harness result code for an instruction that changed a read-only account (an `InstructionError` in the
/// runtime, which has no program return code).
pub const READONLY_DATA_MODIFIED: u64 = 0xDEAD_0001;
/// SPL Token account length.
pub const TOKEN_ACCOUNT_LEN: usize = 165;
/// SPL Token mint length.
pub const MINT_LEN: usize = 82;

/// The program under test's id.
pub fn program_id() -> [u8; 32] {
    [0x50, 0x52, 0x4b, 0x31, 3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4, 6, 2, 6, 4, 3, 3, 8, 3]
}

/// SPL Token's program id.
pub fn token_program() -> [u8; 32] {
    pinocchio_token::ID.to_bytes()
}

/// An account in the bank.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    /// Owning program.
    pub owner: [u8; 32],
    /// Balance.
    pub lamports: u64,
    /// Data.
    pub data: Vec<u8>,
    /// Executable flag.
    pub executable: bool,
}

impl Account {
    fn empty() -> Account {
        Account { owner: SYSTEM_PROGRAM, lamports: 0, data: Vec::new(), executable: false }
    }
}

/// One account of an instruction.
#[derive(Clone, Copy, Debug)]
pub struct Meta {
    /// Address.
    pub key: [u8; 32],
    /// Signed the transaction.
    pub signer: bool,
    /// Writable.
    pub writable: bool,
}

/// Writable, signer.
pub fn ws(key: [u8; 32]) -> Meta {
    Meta { key, signer: true, writable: true }
}
/// Read-only, signer.
pub fn rs(key: [u8; 32]) -> Meta {
    Meta { key, signer: true, writable: false }
}
/// Writable, not a signer.
pub fn w(key: [u8; 32]) -> Meta {
    Meta { key, signer: false, writable: true }
}
/// Read-only, not a signer.
pub fn r(key: [u8; 32]) -> Meta {
    Meta { key, signer: false, writable: false }
}

/// The in-memory bank.
pub struct Bank {
    /// Every account by address.
    pub accounts: HashMap<[u8; 32], Account>,
    /// CPIs of successful instructions, in order.
    pub cpis: Vec<CpiRequest>,
    next_key: u64,
}

/// Result of a successful instruction.
#[derive(Debug)]
pub struct Success {
    /// Events logged (`sol_log_data` payloads).
    pub events: Vec<Vec<u8>>,
    /// CPIs made.
    pub cpis: Vec<CpiRequest>,
}

impl Bank {
    /// A bank with the Clock (slot 100) and Rent sysvars, the System and SPL Token programs.
    pub fn new() -> Bank {
        let mut bank = Bank { accounts: HashMap::new(), cpis: Vec::new(), next_key: 1 };
        bank.set_slot(100);
        let mut rent = Vec::new();
        rent.extend_from_slice(&LAMPORTS_PER_BYTE.to_le_bytes());
        // SIMD-0194 layout, as pinocchio 0.12 reads it: lamports per byte, exemption threshold 1.0, burn percent.
        rent.extend_from_slice(&1.0f64.to_le_bytes());
        rent.push(50);
        bank.accounts.insert(rent_id(), Account { owner: SYSVAR_OWNER, lamports: 1, data: rent, executable: false });
        bank.accounts.insert(SYSTEM_PROGRAM, Account { owner: [0; 32], lamports: 1, data: Vec::new(), executable: true });
        bank.accounts.insert(token_program(), Account { owner: [2; 32], lamports: 1, data: Vec::new(), executable: true });
        bank
    }

    /// Set the Clock sysvar's slot.
    pub fn set_slot(&mut self, slot: u64) {
        let mut clock = vec![0u8; 40];
        clock[0..8].copy_from_slice(&slot.to_le_bytes());
        clock[32..40].copy_from_slice(&(1_700_000_000i64 + slot as i64 / 2).to_le_bytes());
        self.accounts.insert(clock_id(), Account { owner: SYSVAR_OWNER, lamports: 1, data: clock, executable: false });
    }

    /// A fresh address (distinct, deterministic).
    pub fn new_key(&mut self) -> [u8; 32] {
        self.next_key += 1;
        let mut k = [0u8; 32];
        k[0] = 0xAA;
        k[8..16].copy_from_slice(&self.next_key.to_le_bytes());
        k[24..32].copy_from_slice(&(self.next_key.wrapping_mul(0x9E37_79B9_7F4A_7C15)).to_le_bytes());
        k
    }

    /// A system-owned wallet with lamports.
    pub fn wallet(&mut self, lamports: u64) -> [u8; 32] {
        let key = self.new_key();
        self.accounts.insert(key, Account { owner: SYSTEM_PROGRAM, lamports, data: Vec::new(), executable: false });
        key
    }

    /// An SPL Token mint.
    pub fn mint(&mut self, decimals: u8) -> [u8; 32] {
        let key = self.new_key();
        let mut data = vec![0u8; MINT_LEN];
        data[44] = decimals;
        data[45] = 1;
        self.accounts.insert(key, Account { owner: token_program(), lamports: 1, data, executable: false });
        key
    }

    /// An SPL token account of `mint` owned by `owner` with `amount`.
    pub fn token_account(&mut self, mint: [u8; 32], owner: [u8; 32], amount: u64) -> [u8; 32] {
        let key = self.new_key();
        let mut data = vec![0u8; TOKEN_ACCOUNT_LEN];
        data[0..32].copy_from_slice(&mint);
        data[32..64].copy_from_slice(&owner);
        data[64..72].copy_from_slice(&amount.to_le_bytes());
        data[108] = 1;
        self.accounts.insert(key, Account { owner: token_program(), lamports: 1, data, executable: false });
        key
    }

    /// Token balance of a token account.
    pub fn token_balance(&self, key: &[u8; 32]) -> u64 {
        let data = &self.accounts[key].data;
        u64::from_le_bytes(data[64..72].try_into().expect("token account"))
    }

    /// Data of an account.
    pub fn data(&self, key: &[u8; 32]) -> &[u8] {
        &self.accounts[key].data
    }

    /// Run one instruction of the program. `Err` carries the program's return code (a custom error `n` is `n`).
    pub fn process(&mut self, data: &[u8], metas: &[Meta]) -> Result<Success, u64> {
        let program = program_id();
        let mut input = Input::serialize(&self.accounts, metas, data, &program);
        let recorded = Rc::new(RefCell::new(Vec::new()));
        let log = Rc::clone(&recorded);
        native::set_cpi_emulator(Box::new(move |request, views| {
            log.borrow_mut().push(request.clone());
            emulate(request, views, &program)
        }));
        native::take_events();
        // SAFETY: the buffer is a complete, 8-byte aligned loader input that outlives the call.
        let code = unsafe { perp_risk_program::entrypoint::entrypoint(input.as_mut_ptr()) };
        native::clear_cpi_emulator();
        let events = native::take_events();
        if code != 0 {
            return Err(code);
        }
        let updated = input.deserialize(metas)?;
        for (key, account) in updated {
            self.accounts.insert(key, account);
        }
        let cpis = recorded.borrow().clone();
        self.cpis.extend(cpis.iter().cloned());
        Ok(Success { events, cpis })
    }
}

impl Default for Bank {
    fn default() -> Self {
        Bank::new()
    }
}

/// The Clock sysvar's address.
pub fn clock_id() -> [u8; 32] {
    pinocchio::sysvars::clock::CLOCK_ID.to_bytes()
}

/// The Rent sysvar's address.
pub fn rent_id() -> [u8; 32] {
    pinocchio::sysvars::rent::RENT_ID.to_bytes()
}

/// PDA with the canonical bump.
pub fn pda(seeds: &[&[u8]]) -> [u8; 32] {
    Address::find_program_address(seeds, &Address::new_from_array(program_id())).0.to_bytes()
}

/// A serialized loader input and where each account's header sits in it.
struct Input {
    words: Vec<u64>,
    len: usize,
    /// Byte offset of each non-duplicate account's header, by instruction account index.
    offsets: Vec<Option<usize>>,
    pre: Vec<Option<Account>>,
}

impl Input {
    fn serialize(bank: &HashMap<[u8; 32], Account>, metas: &[Meta], data: &[u8], program: &[u8; 32]) -> Input {
        let mut b: Vec<u8> = Vec::new();
        let mut offsets = Vec::new();
        let mut pre = Vec::new();
        b.extend_from_slice(&(metas.len() as u64).to_le_bytes());
        for (i, meta) in metas.iter().enumerate() {
            if let Some(first) = metas[..i].iter().position(|m| m.key == meta.key) {
                b.push(first as u8);
                b.extend_from_slice(&[0; 7]);
                offsets.push(None);
                pre.push(None);
                continue;
            }
            let account = bank.get(&meta.key).cloned().unwrap_or_else(Account::empty);
            // The runtime gives a duplicated account the union of its flags.
            let signer = metas.iter().any(|m| m.key == meta.key && m.signer);
            let writable = metas.iter().any(|m| m.key == meta.key && m.writable);
            offsets.push(Some(b.len()));
            b.push(NON_DUP_MARKER);
            b.push(signer as u8);
            b.push(writable as u8);
            b.push(account.executable as u8);
            b.extend_from_slice(&[0; 4]);
            b.extend_from_slice(&meta.key);
            b.extend_from_slice(&account.owner);
            b.extend_from_slice(&account.lamports.to_le_bytes());
            b.extend_from_slice(&(account.data.len() as u64).to_le_bytes());
            b.extend_from_slice(&account.data);
            let align = (8 - account.data.len() % 8) % 8;
            b.extend(std::iter::repeat_n(0u8, MAX_PERMITTED_DATA_INCREASE + align));
            b.extend_from_slice(&u64::MAX.to_le_bytes());
            pre.push(Some(account));
        }
        b.extend_from_slice(&(data.len() as u64).to_le_bytes());
        b.extend_from_slice(data);
        b.extend_from_slice(program);
        let len = b.len();
        let mut words = vec![0u64; len.div_ceil(8)];
        // SAFETY: `words` has at least `len` bytes.
        unsafe { std::ptr::copy_nonoverlapping(b.as_ptr(), words.as_mut_ptr() as *mut u8, len) };
        Input { words, len, offsets, pre }
    }

    fn as_mut_ptr(&mut self) -> *mut u8 {
        self.words.as_mut_ptr() as *mut u8
    }

    fn bytes(&self) -> &[u8] {
        // SAFETY: `words` holds `len` initialized bytes.
        unsafe { std::slice::from_raw_parts(self.words.as_ptr() as *const u8, self.len) }
    }

    /// Read accounts back; a read-only account that changed fails the instruction (the runtime's
    /// `ReadonlyDataModified`), reported as [`READONLY_DATA_MODIFIED`].
    fn deserialize(&self, metas: &[Meta]) -> Result<Vec<([u8; 32], Account)>, u64> {
        let b = self.bytes();
        let mut out = Vec::new();
        for (i, meta) in metas.iter().enumerate() {
            let Some(at) = self.offsets[i] else { continue };
            let owner: [u8; 32] = b[at + 40..at + 72].try_into().expect("owner");
            let lamports = u64::from_le_bytes(b[at + 72..at + 80].try_into().expect("lamports"));
            let len = u64::from_le_bytes(b[at + 80..at + 88].try_into().expect("len")) as usize;
            let pre = self.pre[i].clone().expect("non-duplicate");
            assert!(len <= pre.data.len() + MAX_PERMITTED_DATA_INCREASE, "account grew beyond the realloc padding");
            let post = Account { owner, lamports, data: b[at + 88..at + 88 + len].to_vec(), executable: pre.executable };
            let writable = metas.iter().any(|m| m.key == meta.key && m.writable);
            if !writable && post != pre {
                return Err(READONLY_DATA_MODIFIED);
            }
            out.push((meta.key, post));
        }
        Ok(out)
    }
}

fn emulate(request: &CpiRequest, views: &mut [AccountView], program: &[u8; 32]) -> Result<(), ProgramError> {
    match request {
        CpiRequest::CreateAccount { lamports, space, owner, signer_seeds, .. } => {
            let [payer, account] = views else { return Err(ProgramError::NotEnoughAccountKeys) };
            let account_signed = account.is_signer() || signed_by_seeds(signer_seeds, program, account.address());
            if !payer.is_signer() || !payer.is_writable() || !account_signed || !account.is_writable() {
                return Err(ProgramError::MissingRequiredSignature);
            }
            if account.lamports() != 0 || account.data_len() != 0 || !account.owned_by(&Address::new_from_array(SYSTEM_PROGRAM)) {
                return Err(ProgramError::Custom(0)); // SystemError::AccountAlreadyInUse
            }
            if payer.lamports() < *lamports {
                return Err(ProgramError::Custom(1)); // SystemError::ResultWithNegativeLamports
            }
            if *space as usize > MAX_PERMITTED_DATA_INCREASE {
                return Err(ProgramError::InvalidRealloc);
            }
            payer.set_lamports(payer.lamports() - lamports);
            account.set_lamports(*lamports);
            // SAFETY: the view points into the serialized input, whose realloc padding holds `space` bytes.
            unsafe {
                let raw: *mut RuntimeAccount = account.account_mut_ptr();
                (*raw).owner = Address::new_from_array(*owner);
                (*raw).data_len = *space;
                account.borrow_unchecked_mut().fill(0);
            }
            Ok(())
        }
        CpiRequest::TokenTransfer { amount, signer_seeds, .. } => {
            let [from, to, authority] = views else { return Err(ProgramError::NotEnoughAccountKeys) };
            let token = Address::new_from_array(token_program());
            for a in [&*from, &*to] {
                if !a.owned_by(&token) || a.data_len() != TOKEN_ACCOUNT_LEN {
                    return Err(ProgramError::InvalidAccountData);
                }
                if !a.is_writable() {
                    return Err(ProgramError::InvalidArgument);
                }
            }
            // SPL Token's order: balance, mint, owner and signature are checked before a self-transfer is a no-op.
            let from_data = unsafe { from.borrow_unchecked() }.to_vec();
            let to_mint = unsafe { to.borrow_unchecked() }[0..32].to_vec();
            let balance = u64::from_le_bytes(from_data[64..72].try_into().map_err(|_| ProgramError::InvalidAccountData)?);
            if balance < *amount {
                return Err(ProgramError::Custom(1)); // TokenError::InsufficientFunds
            }
            if from_data[0..32] != to_mint[..] {
                return Err(ProgramError::Custom(3)); // TokenError::MintMismatch
            }
            if from_data[32..64] != authority.address().to_bytes() {
                return Err(ProgramError::Custom(4)); // TokenError::OwnerMismatch
            }
            if !authority.is_signer() && !signed_by_seeds(signer_seeds, program, authority.address()) {
                return Err(ProgramError::MissingRequiredSignature);
            }
            if from.address() == to.address() {
                return Ok(());
            }
            let (from_data, to_data) = unsafe { (from.borrow_unchecked_mut(), to.borrow_unchecked_mut()) };
            let to_balance = u64::from_le_bytes(to_data[64..72].try_into().map_err(|_| ProgramError::InvalidAccountData)?);
            from_data[64..72].copy_from_slice(&(balance - amount).to_le_bytes());
            to_data[64..72].copy_from_slice(&(to_balance + amount).to_le_bytes());
            Ok(())
        }
    }
}

fn signed_by_seeds(seeds: &[Vec<u8>], program: &[u8; 32], address: &Address) -> bool {
    if seeds.is_empty() {
        return false;
    }
    let refs: Vec<&[u8]> = seeds.iter().map(|s| s.as_slice()).collect();
    Address::create_program_address(&refs, &Address::new_from_array(*program)).is_ok_and(|a| &a == address)
}
