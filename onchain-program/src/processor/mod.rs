//! Instruction dispatch.

mod admin;
mod collateral;
mod liquidate;
mod oracle;
mod position;

use crate::error::{PerpError, Result};
use crate::instruction as ix;
use pinocchio::{AccountView, Address};

/// Process one instruction: `data[0]` is the tag, the rest its arguments.
pub fn process_instruction(program_id: &Address, accounts: &mut [AccountView], data: &[u8]) -> Result<()> {
    let (tag, args) = data.split_first().ok_or(PerpError::InvalidInstruction)?;
    match *tag {
        ix::INITIALIZE_EXCHANGE => admin::initialize_exchange(program_id, accounts, args),
        ix::INITIALIZE_MARKET => admin::initialize_market(program_id, accounts, args),
        ix::UPDATE_MARKET_PARAMS => admin::update_market_params(program_id, accounts, args),
        ix::CREATE_MARGIN_ACCOUNT => collateral::create_margin_account(program_id, accounts, args),
        ix::DEPOSIT => collateral::deposit(program_id, accounts, args),
        ix::WITHDRAW => collateral::withdraw(program_id, accounts, args),
        ix::CREATE_POSITION => position::create_position(program_id, accounts, args),
        ix::TRADE => position::trade(program_id, accounts, args),
        ix::ADD_ISOLATED_MARGIN => position::add_isolated_margin(program_id, accounts, args),
        ix::REMOVE_ISOLATED_MARGIN => position::remove_isolated_margin(program_id, accounts, args),
        ix::UPDATE_MARK_PRICE => oracle::update_mark_price(program_id, accounts, args),
        ix::UPDATE_FUNDING => oracle::update_funding(program_id, accounts, args),
        ix::LIQUIDATE => liquidate::liquidate(program_id, accounts, args),
        _ => Err(PerpError::InvalidInstruction.into()),
    }
}
