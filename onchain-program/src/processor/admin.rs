//! Admin instructions: initialize the exchange, initialize a market, update a market's parameters.

use crate::checks::{self, Reader};
use crate::cpi::create_program_account;
use crate::error::{PerpError, Result};
use crate::events::{tag, Event};
use crate::math::fixed::{mul_div, Rounding, MAX_NOTIONAL, MAX_PRICE, MAX_SIZE, NOTIONAL_DIVISOR, RATE_SCALE};
use crate::math::tiers::{TierSpec, TierTable, MAX_TIERS};
use crate::pda;
use crate::state::exchange::Exchange;
use crate::state::market::{Market, MarketParams};
use crate::state::{load, store, AccountLayout};
use pinocchio::cpi::Seed;
use pinocchio::{AccountView, Address};

/// Length of an SPL Token mint account.
const MINT_LEN: usize = 82;
/// Offset of `decimals` in an SPL Token mint.
const MINT_DECIMALS_OFFSET: usize = 44;
/// Collateral decimals: the engine's quote scale (USDC).
const COLLATERAL_DECIMALS: u8 = 6;

/// `InitializeExchange` (no arguments).
///
/// Accounts: 0 admin (signer, writable, pays rent), 1 exchange PDA `["exchange"]` (writable, uninitialized),
/// 2 collateral mint (SPL Token, 6 decimals), 3 vault (SPL token account of that mint owned by the vault
/// authority PDA `["vault"]`), 4 System Program, 5 Rent sysvar.
#[inline(never)]
pub fn initialize_exchange(program_id: &Address, accounts: &mut [AccountView], args: &[u8]) -> Result<()> {
    Reader::new(args).finish()?;
    checks::count(accounts, 6)?;
    let [admin, exchange_account, mint, vault, system, rent_account, ..] = accounts else {
        return Err(PerpError::NotEnoughAccounts.into());
    };
    checks::signer(admin)?;
    checks::writable(admin)?;
    checks::system_program(system)?;
    let rent = checks::rent(rent_account)?;
    let bump = pda::expect_canonical(exchange_account.address(), &[pda::EXCHANGE_SEED], program_id)?;
    checks::uninitialized(exchange_account)?;
    check_collateral_mint(mint)?;
    let (vault_authority, vault_authority_bump) = pda::find(&[pda::VAULT_SEED], program_id)?;
    check_vault(vault, mint.address(), &vault_authority)?;

    let bump_seed = [bump];
    let seeds = [Seed::from(pda::EXCHANGE_SEED), Seed::from(&bump_seed)];
    create_program_account(admin, exchange_account, Exchange::LEN, &rent, &seeds, program_id)?;
    let exchange = Exchange {
        bump,
        admin: admin.address().to_bytes(),
        collateral_mint: mint.address().to_bytes(),
        vault: vault.address().to_bytes(),
        vault_authority_bump,
    };
    store(exchange_account, &exchange)?;
    Event::new(tag::EXCHANGE_INITIALIZED).key(&exchange.admin).key(&exchange.collateral_mint).key(&exchange.vault).emit();
    Ok(())
}

/// `InitializeMarket`: `market_id u16`, then [`read_params`].
///
/// Accounts: 0 admin (signer, writable, pays rent), 1 exchange, 2 market PDA `["market", id u16 LE]`
/// (writable, uninitialized), 3 System Program, 4 Rent sysvar.
#[inline(never)]
pub fn initialize_market(program_id: &Address, accounts: &mut [AccountView], args: &[u8]) -> Result<()> {
    let mut r = Reader::new(args);
    let market_id = r.u16()?;
    let (params, tiers) = read_params(&mut r)?;
    r.finish()?;
    checks::count(accounts, 5)?;
    let [admin, exchange_account, market_account, system, rent_account, ..] = accounts else {
        return Err(PerpError::NotEnoughAccounts.into());
    };
    let exchange = load_exchange(exchange_account, program_id)?;
    checks::authority(admin, &exchange.admin)?;
    checks::writable(admin)?;
    checks::system_program(system)?;
    let rent = checks::rent(rent_account)?;
    let id_bytes = market_id.to_le_bytes();
    let bump = pda::expect_canonical(market_account.address(), &[pda::MARKET_SEED, &id_bytes], program_id)?;
    checks::uninitialized(market_account)?;

    let bump_seed = [bump];
    let seeds = [Seed::from(pda::MARKET_SEED), Seed::from(&id_bytes), Seed::from(&bump_seed)];
    create_program_account(admin, market_account, Market::LEN, &rent, &seeds, program_id)?;
    let market = Market {
        bump,
        market_id,
        params,
        tiers,
        mark_price: 0,
        mark_slot: 0,
        funding_index: 0,
        funding_slot: 0,
        open_interest_long: 0,
        open_interest_short: 0,
        insurance_fund: 0,
        fee_pool: 0,
    };
    store(market_account, &market)?;
    market_event(tag::MARKET_INITIALIZED, market_account.address(), &market).emit();
    Ok(())
}

/// `UpdateMarketParams`: [`read_params`]. Accounts: 0 admin (signer), 1 exchange, 2 market (writable).
#[inline(never)]
pub fn update_market_params(program_id: &Address, accounts: &mut [AccountView], args: &[u8]) -> Result<()> {
    let mut r = Reader::new(args);
    let (params, tiers) = read_params(&mut r)?;
    r.finish()?;
    checks::count(accounts, 3)?;
    let [admin, exchange_account, market_account, ..] = accounts else {
        return Err(PerpError::NotEnoughAccounts.into());
    };
    let exchange = load_exchange(exchange_account, program_id)?;
    checks::authority(admin, &exchange.admin)?;
    let mut market: Market = load(market_account, program_id)?;
    market.params = params;
    market.tiers = tiers;
    store(market_account, &market)?;
    market_event(tag::MARKET_PARAMS_UPDATED, market_account.address(), &market).emit();
    Ok(())
}

/// Load the exchange and check it is the PDA `["exchange"]`.
pub fn load_exchange(account: &AccountView, program_id: &Address) -> Result<Exchange> {
    let exchange: Exchange = load(account, program_id)?;
    pda::expect_with_bump(account.address(), &[pda::EXCHANGE_SEED], exchange.bump, program_id)?;
    Ok(exchange)
}

/// Market event layout: market address, market id u16, tier count u8, price decimals u8, size decimals u8,
/// max price i64, max position size i64, liquidation fee rate i64, taker fee rate i64, oracle authority,
/// fill authority.
fn market_event(event_tag: u8, address: &Address, market: &Market) -> Event {
    let p = &market.params;
    let mut e = Event::new(event_tag);
    e.key(address.as_array())
        .u16(market.market_id)
        .u8(market.tiers.len() as u8)
        .u8(p.price_decimals)
        .u8(p.size_decimals)
        .i64(p.max_price)
        .i64(p.max_position_size)
        .i64(p.liquidation_fee_rate)
        .i64(p.taker_fee_rate)
        .key(&p.oracle_authority)
        .key(&p.fill_authority);
    e
}

/// Market parameters in instruction data: oracle authority [32], fill authority [32], price decimals u8, size
/// decimals u8, max price i64, max position size i64, liquidation fee rate i64, taker fee rate i64, funding clamp
/// rate i64, funding interest rate i64, funding premium band i64, oracle max confidence rate i64, oracle max
/// staleness slots u64, tier count u8, then per tier: floor i64, max leverage u32, maintenance rate i64 (-1 =
/// derived), maintenance amount i64 (-1 = derived). Validated as the engine's `Instrument.Builder` does.
pub fn read_params(r: &mut Reader) -> Result<(MarketParams, TierTable)> {
    let params = MarketParams {
        oracle_authority: r.key()?,
        fill_authority: r.key()?,
        price_decimals: r.u8()?,
        size_decimals: r.u8()?,
        max_price: r.i64()?,
        max_position_size: r.i64()?,
        liquidation_fee_rate: r.i64()?,
        taker_fee_rate: r.i64()?,
        funding_clamp_rate: r.i64()?,
        funding_interest_rate: r.i64()?,
        funding_premium_band: r.i64()?,
        oracle_max_confidence_rate: r.i64()?,
        oracle_max_staleness_slots: r.u64()?,
    };
    let count = usize::from(r.u8()?);
    let mut specs = [TierSpec::default(); MAX_TIERS];
    if count == 0 || count > MAX_TIERS {
        return Err(PerpError::InvalidTiers.into());
    }
    for spec in specs.iter_mut().take(count) {
        *spec = TierSpec { floor: r.i64()?, max_leverage: r.u32()?, maintenance_rate: r.i64()?, maintenance_amount: r.i64()? };
    }
    validate_params(&params)?;
    let tiers = TierTable::derive(&specs[..count]).map_err(|_| PerpError::InvalidTiers)?;
    Ok((params, tiers))
}

fn validate_params(p: &MarketParams) -> Result<()> {
    let bad = PerpError::InvalidMarketParams;
    if p.price_decimals > 8 || p.size_decimals > 8 || p.max_price <= 0 || p.max_price > MAX_PRICE {
        return Err(bad.into());
    }
    let size_cap = match mul_div(MAX_NOTIONAL, NOTIONAL_DIVISOR, p.max_price, Rounding::Floor) {
        Some(cap) => cap.min(MAX_SIZE),
        None => MAX_SIZE,
    };
    if p.max_position_size <= 0 || p.max_position_size > size_cap {
        return Err(bad.into());
    }
    let rates = [
        p.liquidation_fee_rate,
        p.taker_fee_rate,
        p.funding_clamp_rate,
        p.funding_interest_rate,
        p.funding_premium_band,
        p.oracle_max_confidence_rate,
    ];
    if rates.iter().any(|r| *r < 0 || *r >= RATE_SCALE) {
        return Err(bad.into());
    }
    Ok(())
}

fn check_collateral_mint(mint: &AccountView) -> Result<()> {
    if !mint.owned_by(&pinocchio_token::ID) || mint.data_len() != MINT_LEN {
        return Err(PerpError::WrongMint.into());
    }
    let data = mint.try_borrow()?;
    if data[MINT_DECIMALS_OFFSET] != COLLATERAL_DECIMALS {
        return Err(PerpError::WrongMint.into());
    }
    Ok(())
}

/// The vault is a token account of `mint` owned by the vault authority.
pub fn check_vault(vault: &AccountView, mint: &Address, vault_authority: &Address) -> Result<()> {
    let account = pinocchio_token::state::Account::from_account_view(vault).map_err(|_| PerpError::WrongVault)?;
    if account.mint() != mint {
        return Err(PerpError::WrongMint.into());
    }
    if account.owner() != vault_authority {
        return Err(PerpError::WrongVault.into());
    }
    Ok(())
}
