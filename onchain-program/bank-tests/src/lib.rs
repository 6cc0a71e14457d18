//! Bank harness: the perp-risk program inside a real `solana-program-test` bank, in native processor mode.
//!
//! * **The program** is the parent crate built as a native shared library (`build.rs`) and loaded with `dlopen`:
//!   it cannot be linked as a Rust dependency, because solana-program-test 4.2.2 and pinocchio 0.12 need
//!   incompatible `solana-address` versions in one lock file.
//! * **The adapter** ([`process`], registered with `processor!`) is a native processor. solana-program-test calls
//!   it with `AccountInfo`s that it has deserialized from the runtime's own serialization of the instruction
//!   (`serialize_parameters`, the ABI v1 loader input of agave's program runtime). The adapter hands the start
//!   of that very buffer to the program's exported `entrypoint`, so pinocchio's deserializer reads the runtime's
//!   bytes in the layout an SBF program is given (without the VM's memory regions), and every change the program makes (lamports, data) lands in the memory behind the
//!   `AccountInfo`s, which solana-program-test writes back into the bank.
//! * **CPIs**: pinocchio's off-chain `invoke_signed` is a no-op, so the program (off chain only) hands each CPI to
//!   the hook installed here ([`cpi_hook`]), which rebuilds the instruction and calls solana-program-test's
//!   `sol_invoke_signed` stub with the caller's `AccountInfo`s (the same memory): the bank then runs the **real**
//!   System Program (builtin) and the **real SPL Token program** (the SBF binary solana-program-test loads),
//!   with the runtime's signer/PDA privilege checks, and copies the results back into the caller's accounts.
//! * **Events** (`sol_log_data` on chain) arrive at [`log_hook`] and are written to the transaction's log as
//!   `Program log: perp-event <hex>`; [`World::send`] returns them.

use solana_account_info::AccountInfo;
use solana_program_error::{ProgramError, ProgramResult};
use solana_program_test::{processor, BanksClientError, ProgramTest, ProgramTestContext};
use solana_sdk::instruction::{AccountMeta, Instruction, InstructionError};
use solana_sdk::pubkey::Pubkey;
use solana_sdk::signature::Keypair;
use solana_sdk::signer::Signer;
use solana_transaction::{Transaction, TransactionError};
use std::cell::Cell;
use std::ffi::{CStr, CString};
use std::sync::OnceLock;

pub mod layout;
pub use layout::*;

/// The program id the tests deploy the program at (any id works: every PDA derives from it).
pub const PROGRAM_ID: Pubkey = Pubkey::new_from_array([
    0x50, 0x52, 0x4b, 0x31, 3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4, 6, 2, 6, 4, 3, 3, 8, 3,
]);

/// SPL Token's program id.
pub fn token_program() -> Pubkey {
    spl_token_interface::id()
}

/// The System Program's id.
pub fn system_program() -> Pubkey {
    Pubkey::default()
}

// ---------------------------------------------------------------------------------------------------------------
// Loading the program and its off-chain hooks (the C ABI of the program's `native` module).

/// Mirror of `perp_risk_program::native::HookAccountMeta`.
#[repr(C)]
pub struct HookAccountMeta {
    address: *const u8,
    is_signer: bool,
    is_writable: bool,
}

/// Mirror of `perp_risk_program::native::HookSlice`.
#[repr(C)]
pub struct HookSlice {
    ptr: *const u8,
    len: usize,
}

type CpiHook = unsafe extern "C" fn(*const u8, *const HookAccountMeta, usize, *const u8, usize, *const HookSlice, usize) -> u64;
type LogHook = unsafe extern "C" fn(*const u8, usize);
type SetHooks = unsafe extern "C" fn(Option<CpiHook>, Option<LogHook>);
type Entrypoint = unsafe extern "C" fn(*mut u8) -> u64;

struct Library {
    entrypoint: Entrypoint,
}

static LIBRARY: OnceLock<Library> = OnceLock::new();

fn library() -> &'static Library {
    LIBRARY.get_or_init(|| {
        let path = CString::new(env!("PERP_RISK_PROGRAM_LIB")).expect("library path");
        // SAFETY: loading the program's own native build; the symbols have the signatures declared above (the
        // program's `entrypoint!` and `native::perp_risk_set_native_hooks`).
        unsafe {
            let handle = libc::dlopen(path.as_ptr(), libc::RTLD_NOW | libc::RTLD_LOCAL);
            assert!(!handle.is_null(), "dlopen {:?}: {}", path, CStr::from_ptr(libc::dlerror()).to_string_lossy());
            let entrypoint = libc::dlsym(handle, c"entrypoint".as_ptr());
            let set_hooks = libc::dlsym(handle, c"perp_risk_set_native_hooks".as_ptr());
            assert!(!entrypoint.is_null() && !set_hooks.is_null(), "program symbols missing");
            let set_hooks: SetHooks = std::mem::transmute::<*mut libc::c_void, SetHooks>(set_hooks);
            set_hooks(Some(cpi_hook), Some(log_hook));
            Library { entrypoint: std::mem::transmute::<*mut libc::c_void, Entrypoint>(entrypoint) }
        }
    })
}

thread_local! {
    /// The `AccountInfo`s of the instruction the program is executing on this thread (for its CPIs).
    static CURRENT: Cell<(*const AccountInfo<'static>, usize)> = const { Cell::new((std::ptr::null(), 0)) };
}

/// The native processor registered with solana-program-test: runs the program's real `entrypoint` on the
/// runtime's serialized input (see the module docs).
pub fn process(program_id: &Pubkey, accounts: &[AccountInfo], data: &[u8]) -> ProgramResult {
    let library = library();
    let mut empty_input: Vec<u64>;
    let input: *mut u8 = match accounts.first() {
        // The first account is never a duplicate; its key sits 16 bytes into the buffer (account count u64, then
        // the duplicate marker, signer, writable and executable flags and 4 bytes of padding).
        Some(first) => (first.key as *const Pubkey as *mut u8).wrapping_sub(16),
        None => {
            // No accounts: count 0, data length, data, program id.
            empty_input = vec![0u64; 2 + data.len().div_ceil(8) + 4];
            let bytes = empty_input.as_mut_ptr() as *mut u8;
            // SAFETY: the buffer holds 16 + data (rounded up to 8) + 32 bytes.
            unsafe {
                bytes.add(8).cast::<u64>().write_unaligned(data.len() as u64);
                std::ptr::copy_nonoverlapping(data.as_ptr(), bytes.add(16), data.len());
                std::ptr::copy_nonoverlapping(program_id.as_ref().as_ptr(), bytes.add(16 + data.len()), 32);
            }
            bytes
        }
    };
    if !accounts.is_empty() {
        // The buffer must be the runtime's serialization: its account count, and the program id right after the
        // instruction data (which solana-program-test's deserializer also points into).
        // SAFETY: reads inside solana-program-test's parameter buffer.
        let (count, id_after_data) = unsafe {
            ((input as *const u64).read_unaligned(), std::ptr::read_unaligned(data.as_ptr().add(data.len()) as *const [u8; 32]))
        };
        assert_eq!(count as usize, accounts.len(), "not the runtime's parameter buffer");
        assert_eq!(&id_after_data, program_id.as_ref(), "not the runtime's parameter buffer");
    }
    CURRENT.with(|c| c.set((accounts.as_ptr().cast(), accounts.len())));
    // SAFETY: `input` is a complete ABI v1 input buffer that stays alive and unaliased by Rust borrows during the
    // call (solana-program-test holds no borrow of the `AccountInfo` cells while its processor runs).
    let code = unsafe { (library.entrypoint)(input) };
    CURRENT.with(|c| c.set((std::ptr::null(), 0)));
    if code == 0 {
        Ok(())
    } else {
        Err(ProgramError::from(code))
    }
}

/// The program's CPI hook: runs the instruction through solana-program-test's `sol_invoke_signed`, i.e. the real
/// callee inside the bank, with the calling instruction's `AccountInfo`s.
unsafe extern "C" fn cpi_hook(
    program_id: *const u8,
    metas: *const HookAccountMeta,
    metas_len: usize,
    data: *const u8,
    data_len: usize,
    seeds: *const HookSlice,
    seeds_len: usize,
) -> u64 {
    let result = std::panic::catch_unwind(|| {
        // SAFETY: the program passes pointers valid for the given lengths for the duration of the call.
        let (program_id, metas, data, seeds) = unsafe {
            (
                Pubkey::new_from_array(std::ptr::read(program_id as *const [u8; 32])),
                std::slice::from_raw_parts(metas, metas_len),
                std::slice::from_raw_parts(data, data_len),
                std::slice::from_raw_parts(seeds, seeds_len),
            )
        };
        let accounts = metas
            .iter()
            .map(|m| AccountMeta {
                // SAFETY: 32-byte address inside the program's input buffer.
                pubkey: Pubkey::new_from_array(unsafe { std::ptr::read(m.address as *const [u8; 32]) }),
                is_signer: m.is_signer,
                is_writable: m.is_writable,
            })
            .collect();
        let instruction = Instruction { program_id, accounts, data: data.to_vec() };
        // SAFETY: seed slices valid for the call.
        let seeds: Vec<&[u8]> = seeds.iter().map(|s| unsafe { std::slice::from_raw_parts(s.ptr, s.len) }).collect();
        let signers: Vec<&[&[u8]]> = if seeds.is_empty() { Vec::new() } else { vec![&seeds[..]] };
        let (infos, len) = CURRENT.with(|c| c.get());
        assert!(!infos.is_null(), "CPI outside of an instruction");
        // SAFETY: the slice of the instruction being processed on this thread (set by `process`).
        let infos = unsafe { std::slice::from_raw_parts(infos, len) };
        solana_sysvar::program_stubs::sol_invoke_signed(&instruction, infos, &signers)
    });
    match result {
        Ok(Ok(())) => 0,
        Ok(Err(e)) => u64::from(e),
        // solana-program-test's stub panics where the runtime would fail the CPI (e.g. privilege escalation).
        Err(_) => u64::from(ProgramError::InvalidArgument),
    }
}

/// Prefix of the log line carrying an event.
pub const EVENT_LOG_PREFIX: &str = "Program log: perp-event ";

unsafe extern "C" fn log_hook(data: *const u8, len: usize) {
    // SAFETY: valid for `len` bytes during the call.
    let data = unsafe { std::slice::from_raw_parts(data, len) };
    let hex: String = data.iter().map(|b| format!("{b:02x}")).collect();
    solana_sysvar::program_stubs::sol_log(&format!("perp-event {hex}"));
}

/// Events (`sol_log_data` payloads) in a transaction's log.
pub fn events_in(logs: &[String]) -> Vec<Vec<u8>> {
    logs.iter()
        .filter_map(|l| l.strip_prefix(EVENT_LOG_PREFIX))
        .map(|hex| (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex")).collect())
        .collect()
}

/// A solana-program-test with the program registered as a native processor (never the SBF build: we have none).
pub fn program_test() -> ProgramTest {
    // solana-program-test logs every instruction at debug level to stderr unless RUST_LOG says otherwise.
    static QUIET: std::sync::Once = std::sync::Once::new();
    QUIET.call_once(|| {
        if std::env::var_os("RUST_LOG").is_none() {
            std::env::set_var("RUST_LOG", "error");
        }
    });
    let mut pt = ProgramTest::default();
    pt.prefer_bpf(false);
    pt.add_program("perp_risk_program", PROGRAM_ID, processor!(process));
    pt
}

/// The PDA of `seeds` under the program.
pub fn pda(seeds: &[&[u8]]) -> Pubkey {
    Pubkey::find_program_address(seeds, &PROGRAM_ID).0
}

/// The custom error code of a failed transaction (`InstructionError::Custom(code)`), if it is one.
pub fn custom_code(err: &TransactionError) -> Option<u32> {
    match err {
        TransactionError::InstructionError(_, InstructionError::Custom(code)) => Some(*code),
        _ => None,
    }
}

/// Outcome of a transaction that executed.
#[derive(Debug)]
pub struct Executed {
    /// The transaction's log.
    pub logs: Vec<String>,
    /// The program's events, in order.
    pub events: Vec<Vec<u8>>,
}

/// Failure of a transaction.
#[derive(Debug)]
pub struct Failed {
    /// The transaction error.
    pub error: TransactionError,
    /// The log up to the failure.
    pub logs: Vec<String>,
}

impl Failed {
    /// The custom error code (panics if the error is not a custom program error).
    pub fn code(&self) -> u32 {
        custom_code(&self.error).unwrap_or_else(|| panic!("not a custom error: {:?}\n{:#?}", self.error, self.logs))
    }
}

/// Send `instructions` signed by the context's payer and `signers` in a fresh slot (so that every transaction has
/// a new blockhash and the clock moves one slot).
pub async fn send(ctx: &mut ProgramTestContext, instructions: &[Instruction], signers: &[&Keypair]) -> Result<Executed, Failed> {
    advance(ctx, 1).await;
    send_in_current_slot(ctx, instructions, signers).await
}

/// The bank's current slot (Clock sysvar).
pub async fn slot(ctx: &mut ProgramTestContext) -> u64 {
    ctx.banks_client.get_sysvar::<solana_sdk::clock::Clock>().await.expect("clock").slot
}

/// Warp the bank `slots` slots ahead; returns the new slot.
pub async fn advance(ctx: &mut ProgramTestContext, slots: u64) -> u64 {
    let target = slot(ctx).await + slots;
    ctx.warp_to_slot(target).expect("warp");
    target
}

/// Send without moving the clock (the caller has just warped: the blockhash is fresh).
pub async fn send_in_current_slot(
    ctx: &mut ProgramTestContext,
    instructions: &[Instruction],
    signers: &[&Keypair],
) -> Result<Executed, Failed> {
    let payer = ctx.payer.insecure_clone();
    let mut all: Vec<&Keypair> = vec![&payer];
    // Only the keys the message needs (a helper may hand over a key that this particular message does not use).
    let needed = |k: &Pubkey| instructions.iter().any(|ix| ix.accounts.iter().any(|m| m.is_signer && &m.pubkey == k));
    all.extend(signers.iter().copied().filter(|k| k.pubkey() != payer.pubkey() && needed(&k.pubkey())));
    let tx = Transaction::new_signed_with_payer(instructions, Some(&payer.pubkey()), &all, ctx.last_blockhash);
    send_transaction(ctx, tx).await
}

/// Execute a signed transaction in the working bank. `process_transaction` verifies its signatures and commits
/// it; the bank's `process_transaction_with_metadata` would skip signature verification, so the log (for the
/// events) comes from a simulation of the same transaction on the same bank just before, whose outcome must
/// agree.
pub async fn send_transaction(ctx: &mut ProgramTestContext, tx: Transaction) -> Result<Executed, Failed> {
    let simulated = ctx
        .banks_client
        .simulate_transaction_with_commitment(tx.clone(), solana_commitment_config::CommitmentLevel::Processed)
        .await
        .expect("simulate");
    let logs = simulated.simulation_details.map(|d| d.logs).unwrap_or_default();
    let simulated = simulated.result;
    match ctx.banks_client.process_transaction(tx).await {
        Ok(()) => {
            assert_eq!(simulated, Some(Ok(())), "committed but the simulation failed: {logs:#?}");
            Ok(Executed { events: events_in(&logs), logs })
        }
        Err(BanksClientError::TransactionError(error)) => Err(Failed { error, logs }),
        Err(BanksClientError::SimulationError { err, logs, .. }) => Err(Failed { error: err, logs }),
        Err(e) => panic!("banks client: {e:?}"),
    }
}
