//! Off-chain only (`cargo test`, native builds): the seams where the SBF runtime would act.
//!
//! * CPIs: pinocchio's off-chain `invoke` does nothing, so [`crate::cpi`] first hands each call to the emulator
//!   installed with [`set_cpi_emulator`] (none installed: the call is refused with `UnsupportedSysvar`, so a test
//!   can never pass by silently skipping a CPI). The emulator sees the call and the account views and may apply
//!   the effect the System Program or SPL Token would have.
//!   A bank harness (`bank-tests/`, solana-program-test) instead installs a C-ABI hook with
//!   [`perp_risk_set_native_hooks`]: every CPI is then handed to it as the real instruction (program id, account
//!   metas, data, PDA signer seeds), and it runs the real callee inside the bank. The hook is exported from the
//!   native `cdylib` because the bank harness loads the program as a shared library (it cannot link it: see
//!   `bank-tests/Cargo.toml`).
//! * Events: `sol_log_data` does not exist off chain; [`crate::events`] appends each event here, and
//!   [`take_events`] returns them (or hands them to the installed log hook).

use pinocchio::cpi::Seed;
use pinocchio::error::ProgramError;
use pinocchio::{AccountView, Address};
use std::cell::RefCell;
use std::vec::Vec;

/// A cross-program invocation the program made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CpiRequest {
    /// System Program `CreateAccount`.
    CreateAccount {
        /// Funding account.
        payer: [u8; 32],
        /// New account.
        account: [u8; 32],
        /// Lamports moved.
        lamports: u64,
        /// Data length.
        space: u64,
        /// New owner (this program).
        owner: [u8; 32],
        /// Seeds the program signed with (bump included).
        signer_seeds: Vec<Vec<u8>>,
    },
    /// SPL Token `Transfer`.
    TokenTransfer {
        /// Source token account.
        from: [u8; 32],
        /// Destination token account.
        to: [u8; 32],
        /// Authority of the source.
        authority: [u8; 32],
        /// Amount in token base units.
        amount: u64,
        /// Seeds the program signed with (empty when the authority signed the transaction).
        signer_seeds: Vec<Vec<u8>>,
    },
}

/// Emulates a CPI: receives the call and the views of the accounts it names (in the order of the request's
/// fields), returns the callee's result.
pub type CpiEmulator = Box<dyn FnMut(&CpiRequest, &mut [AccountView]) -> Result<(), ProgramError>>;

thread_local! {
    static EMULATOR: RefCell<Option<CpiEmulator>> = RefCell::new(None);
    static EVENTS: RefCell<Vec<Vec<u8>>> = const { RefCell::new(Vec::new()) };
}

/// Install the CPI emulator of this thread (replacing any previous one).
pub fn set_cpi_emulator(emulator: CpiEmulator) {
    EMULATOR.with(|e| *e.borrow_mut() = Some(emulator));
}

/// Remove this thread's CPI emulator.
pub fn clear_cpi_emulator() {
    EMULATOR.with(|e| *e.borrow_mut() = None);
}

/// Take the events logged on this thread since the last call.
pub fn take_events() -> Vec<Vec<u8>> {
    EVENTS.with(|e| core::mem::take(&mut *e.borrow_mut()))
}

pub(crate) fn log_event(data: &[u8]) {
    if let Some(log) = hooks().1 {
        // SAFETY: `data` is valid for `data.len()` bytes during the call; the hook only reads it.
        unsafe { log(data.as_ptr(), data.len()) };
        return;
    }
    EVENTS.with(|e| e.borrow_mut().push(data.to_vec()));
}

/// One account of a CPI instruction, for [`CpiHook`].
#[repr(C)]
pub struct HookAccountMeta {
    /// The account's address (32 bytes).
    pub address: *const u8,
    /// Signer in the CPI.
    pub is_signer: bool,
    /// Writable in the CPI.
    pub is_writable: bool,
}

/// A byte slice across the C ABI.
#[repr(C)]
pub struct HookSlice {
    /// First byte.
    pub ptr: *const u8,
    /// Length.
    pub len: usize,
}

/// Runs a CPI: the callee's program id (32 bytes), its account metas, its instruction data, and the seeds (bump
/// included) of the one PDA the calling program signs for (none when `seeds_len` is 0). Returns 0 or the
/// callee's error as a program return code (`ProgramError` as u64). The accounts are found by the hook among the
/// calling instruction's accounts, as the runtime does.
pub type CpiHook = unsafe extern "C" fn(
    program_id: *const u8,
    metas: *const HookAccountMeta,
    metas_len: usize,
    data: *const u8,
    data_len: usize,
    seeds: *const HookSlice,
    seeds_len: usize,
) -> u64;

/// Receives one event (`sol_log_data` payload).
pub type LogHook = unsafe extern "C" fn(data: *const u8, len: usize);

static HOOKS: std::sync::Mutex<(Option<CpiHook>, Option<LogHook>)> = std::sync::Mutex::new((None, None));

fn hooks() -> (Option<CpiHook>, Option<LogHook>) {
    match HOOKS.lock() {
        Ok(h) => *h,
        Err(poisoned) => *poisoned.into_inner(),
    }
}

/// Install (or with `None`, remove) the process-wide CPI and event hooks of a bank harness. Exported unmangled
/// from the native shared library; never compiled for the chain.
#[no_mangle]
pub extern "C" fn perp_risk_set_native_hooks(cpi: Option<CpiHook>, log: Option<LogHook>) {
    match HOOKS.lock() {
        Ok(mut h) => *h = (cpi, log),
        Err(poisoned) => *poisoned.into_inner() = (cpi, log),
    }
}

/// Hand a CPI to the installed bank hook. `None` when no hook is installed (the emulator path applies).
pub(crate) fn invoke_hook(
    program_id: &Address,
    accounts: &[(&AccountView, bool, bool)],
    data: &[u8],
    seeds: &[Seed],
) -> Option<Result<(), ProgramError>> {
    let hook = hooks().0?;
    let metas: Vec<HookAccountMeta> = accounts
        .iter()
        .map(|(view, is_signer, is_writable)| HookAccountMeta {
            address: view.address().as_ref().as_ptr(),
            is_signer: *is_signer,
            is_writable: *is_writable,
        })
        .collect();
    let seeds: Vec<HookSlice> = seeds.iter().map(|s| HookSlice { ptr: s.as_ptr(), len: s.len() }).collect();
    // SAFETY: every pointer is valid for its length for the duration of the call; the hook only reads them.
    let code = unsafe {
        hook(program_id.as_ref().as_ptr(), metas.as_ptr(), metas.len(), data.as_ptr(), data.len(), seeds.as_ptr(), seeds.len())
    };
    Some(if code == 0 { Ok(()) } else { Err(ProgramError::from(code)) })
}

pub(crate) fn emulate(request: &CpiRequest, accounts: &mut [AccountView]) -> Result<(), ProgramError> {
    EMULATOR.with(|e| match e.borrow_mut().as_mut() {
        Some(emulator) => emulator(request, accounts),
        None => Err(ProgramError::UnsupportedSysvar),
    })
}

pub(crate) fn seeds_to_vec(seeds: &[Seed]) -> Vec<Vec<u8>> {
    seeds.iter().map(|s| s.to_vec()).collect()
}
