//! Off-chain only (`cargo test`, native builds): the seams where the SBF runtime would act.
//!
//! * CPIs: pinocchio's off-chain `invoke` does nothing, so [`crate::cpi`] first hands each call to the emulator
//!   installed with [`set_cpi_emulator`] (none installed: the call is refused with `UnsupportedSysvar`, so a test
//!   can never pass by silently skipping a CPI). The emulator sees the call and the account views and may apply
//!   the effect the System Program or SPL Token would have.
//! * Events: `sol_log_data` does not exist off chain; [`crate::events`] appends each event here, and
//!   [`take_events`] returns them.

use pinocchio::cpi::Seed;
use pinocchio::error::ProgramError;
use pinocchio::AccountView;
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
    EVENTS.with(|e| e.borrow_mut().push(data.to_vec()));
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
