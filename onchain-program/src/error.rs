//! The program's error codes: every rejection returns `ProgramError::Custom(code)` with one of these
//! (documented in the README); the numbering is part of the program's interface.

use pinocchio::error::ProgramError;

/// A specific reason for rejecting an instruction. Codes start at 1 (0 is success on the wire).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub enum PerpError {
    /// Unknown instruction tag or instruction data of the wrong length.
    InvalidInstruction = 1,
    /// Fewer accounts than the instruction needs.
    NotEnoughAccounts = 2,
    /// An account that must sign did not.
    MissingSignature = 3,
    /// An account that must be writable is not.
    NotWritable = 4,
    /// An account is not owned by the program it must belong to.
    WrongAccountOwner = 5,
    /// An account's data length is not its type's length.
    WrongAccountSize = 6,
    /// An account's discriminator is not the expected account type.
    WrongAccountType = 7,
    /// An account's layout version is not supported.
    UnsupportedVersion = 8,
    /// An account's address is not the program address derived from its seeds.
    WrongProgramAddress = 9,
    /// The account to initialize already holds data or lamports.
    AlreadyInitialized = 10,
    /// The signer is not the authority this instruction requires (admin, oracle, fill authority, owner).
    Unauthorized = 11,
    /// A token account or mint is not the exchange's collateral mint.
    WrongMint = 12,
    /// The vault is not the exchange's vault, or not owned by the vault authority.
    WrongVault = 13,
    /// The token program account is not SPL Token.
    WrongTokenProgram = 14,
    /// The system program account is not the system program.
    WrongSystemProgram = 15,
    /// A sysvar account (clock, rent) is not that sysvar.
    WrongSysvar = 16,
    /// Market parameters out of range (decimals, max price, max position, rates, staleness).
    InvalidMarketParams = 17,
    /// Margin tier table refused (count, floors, leverage, maintenance rate or amount).
    InvalidTiers = 18,
    /// An amount is zero, negative or above the balance limit.
    InvalidAmount = 19,
    /// A price is not positive, above the market's max price or off the tick grid.
    InvalidPrice = 20,
    /// A size or quantity is zero or off the lot grid.
    InvalidSize = 21,
    /// The position would exceed the market's max position size.
    PositionLimit = 22,
    /// The market has no mark price yet.
    NoMarkPrice = 23,
    /// The mark price (or the offered oracle update) is older than the market's staleness limit.
    StaleOracle = 24,
    /// The oracle's confidence interval is wider than the market allows.
    OracleConfidence = 25,
    /// The oracle update is older than the current mark or from a future slot.
    OracleOutOfOrder = 26,
    /// A funding rate (or premium) outside [-1, 1], or an unknown funding mode.
    InvalidRate = 27,
    /// Not enough collateral for the amount asked.
    InsufficientCollateral = 28,
    /// The operation would leave the account (or isolated position) below its initial margin.
    InsufficientMargin = 29,
    /// The position's margin unit is not below maintenance.
    NotLiquidatable = 30,
    /// There is no open position.
    NoPosition = 31,
    /// The position's margin mode does not allow this (e.g. isolated margin on a cross position).
    WrongMarginMode = 32,
    /// The accounts after the fixed ones are not exactly the owner's other open cross positions and their markets.
    CrossSetMismatch = 33,
    /// The same account was passed twice where distinct accounts are required.
    DuplicateAccount = 34,
    /// An intermediate result left the 64-bit range (inputs beyond the documented limits).
    MathOverflow = 35,
    /// A balance would exceed the documented limit (`MAX_BALANCE`), or a funding index its bound.
    LimitExceeded = 36,
    /// A liquidator cannot liquidate its own account.
    SelfLiquidation = 37,
    /// A position does not belong to the given market or owner.
    WrongPosition = 38,
    /// No bankruptcy price exists within (0, max price]: the position cannot be taken over.
    NoBankruptcyPrice = 39,
    /// Leverage outside 1..=1000 or margin mode not 0 (cross) or 1 (isolated).
    InvalidPositionSettings = 40,
}

impl From<PerpError> for ProgramError {
    fn from(e: PerpError) -> Self {
        ProgramError::Custom(e as u32)
    }
}

/// Shorthand for a result whose error is a [`PerpError`] or another `ProgramError`.
pub type Result<T> = core::result::Result<T, ProgramError>;

/// Turn an overflowed (`None`) math result into [`PerpError::MathOverflow`].
pub fn checked<T>(value: Option<T>) -> Result<T> {
    value.ok_or_else(|| PerpError::MathOverflow.into())
}
