//! A ready exchange: admin, oracle and fill authorities, a 6-decimal collateral mint and its vault, markets,
//! and users with margin accounts, built through the program's own instructions.

use super::ixdata::{self, Params};
use super::*;
use perp_risk_program::math::tiers::DERIVED;
use perp_risk_program::pda;
use perp_risk_program::state::margin::MarginAccount;
use perp_risk_program::state::market::Market;
use perp_risk_program::state::position::Position;
use perp_risk_program::state::AccountLayout;

/// 1.0 USDC in quote raw units.
pub const USDC: i64 = 1_000_000;
/// 1.0 of price in raw units.
pub const PRICE: i64 = 100_000_000;
/// 1.0 unit of base in raw units.
pub const UNIT: i64 = 100_000_000;
/// BTC market id.
pub const BTC: u16 = 1;
/// ETH market id.
pub const ETH: u16 = 2;
/// Oracle staleness limit of the fixture's markets (slots).
pub const STALENESS: u64 = 50;

/// A user: wallet, collateral token account, margin account.
#[derive(Clone, Copy, Debug)]
pub struct User {
    pub wallet: [u8; 32],
    pub tokens: [u8; 32],
    pub margin: [u8; 32],
}

/// The exchange world.
pub struct World {
    pub bank: Bank,
    pub admin: [u8; 32],
    pub oracle: [u8; 32],
    pub filler: [u8; 32],
    pub mint: [u8; 32],
    pub vault: [u8; 32],
    pub vault_authority: [u8; 32],
    pub exchange: [u8; 32],
    pub slot: u64,
}

/// BTC-like parameters: tick 0.01, lot 0.001, Binance-like derived tiers, 0.5% liquidation fee, 0.05% taker fee.
pub fn btc_params(oracle: [u8; 32], filler: [u8; 32]) -> Params {
    Params {
        oracle_authority: oracle,
        fill_authority: filler,
        price_decimals: 2,
        size_decimals: 3,
        max_price: 10_000_000 * PRICE,
        max_position_size: 1_000 * UNIT,
        liquidation_fee_rate: 500_000,
        taker_fee_rate: 50_000,
        funding_clamp_rate: 4_000_000,
        funding_interest_rate: 10_000,
        funding_premium_band: 50_000,
        oracle_max_confidence_rate: 1_000_000,
        oracle_max_staleness_slots: STALENESS,
        tiers: vec![
            (0, 125, DERIVED, DERIVED),
            (50_000 * USDC, 100, DERIVED, DERIVED),
            (250_000 * USDC, 50, DERIVED, DERIVED),
            (1_000_000 * USDC, 20, DERIVED, DERIVED),
        ],
    }
}

impl World {
    /// Exchange, BTC market (id 1) at 50,000 and ETH market (id 2) at 3,000.
    pub fn new() -> World {
        let mut bank = Bank::new();
        let admin = bank.wallet(1_000_000_000_000);
        let oracle = bank.wallet(1_000_000);
        let filler = bank.wallet(1_000_000);
        let mint = bank.mint(6);
        let vault_authority = pda(&[pda::VAULT_SEED]);
        let vault = bank.token_account(mint, vault_authority, 0);
        let exchange = pda(&[pda::EXCHANGE_SEED]);
        let mut world = World { bank, admin, oracle, filler, mint, vault, vault_authority, exchange, slot: 100 };
        world.initialize_exchange().expect("exchange");
        world.initialize_market(BTC, &btc_params(oracle, filler)).expect("btc");
        let mut eth = btc_params(oracle, filler);
        eth.tiers = vec![(0, 50, 1_000_000, DERIVED), (1_000_000 * USDC, 20, 2_500_000, DERIVED)];
        world.initialize_market(ETH, &eth).expect("eth");
        world.set_mark(BTC, 50_000 * PRICE).expect("btc mark");
        world.set_mark(ETH, 3_000 * PRICE).expect("eth mark");
        world
    }

    pub fn initialize_exchange(&mut self) -> Result<Success, u64> {
        let metas = [ws(self.admin), w(self.exchange), r(self.mint), r(self.vault), r(SYSTEM_PROGRAM), r(rent_id())];
        self.bank.process(&ixdata::initialize_exchange(), &metas)
    }

    pub fn market_key(id: u16) -> [u8; 32] {
        pda(&[pda::MARKET_SEED, &id.to_le_bytes()])
    }

    pub fn initialize_market(&mut self, id: u16, params: &Params) -> Result<Success, u64> {
        let metas = [ws(self.admin), r(self.exchange), w(Self::market_key(id)), r(SYSTEM_PROGRAM), r(rent_id())];
        self.bank.process(&ixdata::initialize_market(id, params), &metas)
    }

    /// Advance the clock.
    pub fn advance(&mut self, slots: u64) {
        self.slot += slots;
        self.bank.set_slot(self.slot);
    }

    /// Publish a mark at the current slot (confidence 0).
    pub fn set_mark(&mut self, id: u16, price: i64) -> Result<Success, u64> {
        let metas = [rs(self.oracle), w(Self::market_key(id)), r(clock_id())];
        self.bank.process(&ixdata::update_mark_price(price, 0, self.slot), &metas)
    }

    /// A user with `tokens` collateral tokens in their wallet's token account and a margin account.
    pub fn user(&mut self, tokens: u64) -> User {
        let wallet = self.bank.wallet(10_000_000_000);
        let token_account = self.bank.token_account(self.mint, wallet, tokens);
        let margin = pda(&[pda::MARGIN_SEED, &wallet]);
        let user = User { wallet, tokens: token_account, margin };
        self.bank
            .process(&ixdata::create_margin_account(), &[ws(wallet), w(margin), r(SYSTEM_PROGRAM), r(rent_id())])
            .expect("margin account");
        user
    }

    /// A user with a deposit of `usdc` whole USDC.
    pub fn funded_user(&mut self, usdc: i64) -> User {
        let amount = (usdc * USDC) as u64;
        let user = self.user(amount);
        self.deposit(&user, amount).expect("deposit");
        user
    }

    pub fn position_key(user: &User, id: u16) -> [u8; 32] {
        pda(&[pda::POSITION_SEED, &user.wallet, &Self::market_key(id)])
    }

    pub fn deposit(&mut self, user: &User, amount: u64) -> Result<Success, u64> {
        let metas = [rs(user.wallet), w(user.margin), r(self.exchange), w(user.tokens), w(self.vault), r(token_program())];
        self.bank.process(&ixdata::deposit(amount), &metas)
    }

    pub fn withdraw_metas(&self, user: &User) -> Vec<Meta> {
        let mut metas = vec![
            rs(user.wallet),
            w(user.margin),
            r(self.exchange),
            w(self.vault),
            w(user.tokens),
            r(self.vault_authority),
            r(token_program()),
            r(clock_id()),
        ];
        metas.extend(self.cross_pairs(user, None));
        metas
    }

    pub fn withdraw(&mut self, user: &User, amount: u64) -> Result<Success, u64> {
        let metas = self.withdraw_metas(user);
        self.bank.process(&ixdata::withdraw(amount), &metas)
    }

    pub fn create_position(&mut self, user: &User, id: u16, mode: u8, leverage: u32) -> Result<Success, u64> {
        let metas = [
            ws(user.wallet),
            r(user.margin),
            r(Self::market_key(id)),
            w(Self::position_key(user, id)),
            r(SYSTEM_PROGRAM),
            r(rent_id()),
        ];
        self.bank.process(&ixdata::create_position(mode, leverage), &metas)
    }

    pub fn trade_metas(&self, user: &User, id: u16) -> Vec<Meta> {
        let mut metas = vec![rs(self.filler), w(user.margin), w(Self::market_key(id)), w(Self::position_key(user, id)), r(clock_id())];
        metas.extend(self.cross_pairs(user, Some(id)));
        metas
    }

    /// A fill of `quantity` at `price`, with the user's other open cross positions appended.
    pub fn trade(&mut self, user: &User, id: u16, quantity: i64, price: i64) -> Result<Success, u64> {
        let metas = self.trade_metas(user, id);
        self.bank.process(&ixdata::trade(quantity, price), &metas)
    }

    pub fn isolated_metas(&self, user: &User, id: u16, with_pairs: bool) -> Vec<Meta> {
        let mut metas = vec![rs(user.wallet), w(user.margin), r(Self::market_key(id)), w(Self::position_key(user, id)), r(clock_id())];
        if with_pairs {
            metas.extend(self.cross_pairs(user, None));
        }
        metas
    }

    pub fn add_isolated_margin(&mut self, user: &User, id: u16, amount: u64) -> Result<Success, u64> {
        let metas = self.isolated_metas(user, id, true);
        self.bank.process(&ixdata::add_isolated_margin(amount), &metas)
    }

    pub fn remove_isolated_margin(&mut self, user: &User, id: u16, amount: u64) -> Result<Success, u64> {
        let metas = self.isolated_metas(user, id, false);
        self.bank.process(&ixdata::remove_isolated_margin(amount), &metas)
    }

    pub fn liquidate_metas(&self, liquidator: &User, victim: &User, id: u16) -> (Vec<Meta>, u8) {
        let mut metas = vec![
            rs(liquidator.wallet),
            w(liquidator.margin),
            w(Self::position_key(liquidator, id)),
            w(victim.margin),
            w(Self::position_key(victim, id)),
            w(Self::market_key(id)),
            r(clock_id()),
        ];
        let victim_pairs = if self.position(victim, id).is_isolated() { Vec::new() } else { self.cross_pairs(victim, Some(id)) };
        let n = (victim_pairs.len() / 2) as u8;
        metas.extend(victim_pairs);
        metas.extend(self.cross_pairs(liquidator, Some(id)));
        (metas, n)
    }

    pub fn liquidate(&mut self, liquidator: &User, victim: &User, id: u16) -> Result<Success, u64> {
        let (metas, n) = self.liquidate_metas(liquidator, victim, id);
        self.bank.process(&ixdata::liquidate(n), &metas)
    }

    /// (position, market) metas of the user's open cross positions, except in market `skip`.
    pub fn cross_pairs(&self, user: &User, skip: Option<u16>) -> Vec<Meta> {
        let mut pairs = Vec::new();
        for id in [BTC, ETH] {
            if Some(id) == skip {
                continue;
            }
            let key = Self::position_key(user, id);
            if let Some(account) = self.bank.accounts.get(&key) {
                if account.data.len() == Position::LEN {
                    let p = Position::decode(&account.data);
                    if p.size != 0 && !p.is_isolated() {
                        pairs.push(r(key));
                        pairs.push(r(Self::market_key(id)));
                    }
                }
            }
        }
        pairs
    }

    pub fn margin(&self, user: &User) -> MarginAccount {
        MarginAccount::decode(self.bank.data(&user.margin))
    }

    pub fn position(&self, user: &User, id: u16) -> Position {
        Position::decode(self.bank.data(&Self::position_key(user, id)))
    }

    pub fn market(&self, id: u16) -> Market {
        Market::decode(self.bank.data(&Self::market_key(id)))
    }
}

impl Default for World {
    fn default() -> Self {
        World::new()
    }
}
