//! Perp risk on-chain program: canonical perpetual-futures position state on Solana, with the same fixed-point
//! math as the Java risk engine. See `README.md` for the account, instruction, event and error layouts.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod checks;
pub mod cpi;
pub mod error;
pub mod events;
pub mod instruction;
pub mod math;
pub mod pda;
pub mod processor;
pub mod risk;
pub mod settle;
pub mod state;

#[cfg(not(any(target_os = "solana", target_arch = "bpf")))]
pub mod native;

pub use processor::process_instruction;

/// The program entrypoint (`entrypoint(input: *mut u8) -> u64`), which deserializes the loader's input with
/// pinocchio and calls [`process_instruction`]. Off chain the test harness calls it on a real serialized input.
#[cfg(not(feature = "no-entrypoint"))]
pub mod entrypoint {
    use pinocchio::{AccountView, Address, ProgramResult};

    pinocchio::entrypoint!(process);

    fn process(program_id: &Address, accounts: &mut [AccountView], data: &[u8]) -> ProgramResult {
        crate::process_instruction(program_id, accounts, data)
    }
}
