//! The client side, written from the README's documented layouts (as the chain bridge would): instruction
//! builders, account decoders, and a ready exchange ([`World`]) in a bank.

use crate::*;
use solana_program_pack::Pack;
use spl_token_interface::instruction as token_ix;

/// 1.0 USDC in quote raw units.
pub const USDC: i64 = 1_000_000;
/// 1.0 of price in raw units.
pub const PRICE: i64 = 100_000_000;
/// 1.0 unit of base in raw units.
pub const UNIT: i64 = 100_000_000;
/// BTC market id.
pub const BTC: u16 = 1;
/// Oracle staleness limit of the test market (slots).
pub const STALENESS: u64 = 50;
/// A tier field derived by the program.
pub const DERIVED: i64 = -1;

/// Instruction tags.
pub mod tag {
    pub const INITIALIZE_EXCHANGE: u8 = 0;
    pub const INITIALIZE_MARKET: u8 = 1;
    pub const UPDATE_MARKET_PARAMS: u8 = 2;
    pub const CREATE_MARGIN_ACCOUNT: u8 = 3;
    pub const DEPOSIT: u8 = 4;
    pub const WITHDRAW: u8 = 5;
    pub const CREATE_POSITION: u8 = 6;
    pub const TRADE: u8 = 7;
    pub const ADD_ISOLATED_MARGIN: u8 = 8;
    pub const REMOVE_ISOLATED_MARGIN: u8 = 9;
    pub const UPDATE_MARK_PRICE: u8 = 10;
    pub const UPDATE_FUNDING: u8 = 11;
    pub const LIQUIDATE: u8 = 12;
}

/// Error codes used by the tests (README "Error codes").
pub mod err {
    pub const MISSING_SIGNATURE: u32 = 3;
    pub const WRONG_ACCOUNT_OWNER: u32 = 5;
    pub const WRONG_PROGRAM_ADDRESS: u32 = 9;
    pub const UNAUTHORIZED: u32 = 11;
    pub const WRONG_VAULT: u32 = 13;
    pub const STALE_ORACLE: u32 = 24;
    pub const INSUFFICIENT_COLLATERAL: u32 = 28;
    pub const INSUFFICIENT_MARGIN: u32 = 29;
    pub const NOT_LIQUIDATABLE: u32 = 30;
    pub const SELF_LIQUIDATION: u32 = 37;
}

/// Event tags.
pub mod event {
    pub const EXCHANGE_INITIALIZED: u8 = 1;
    pub const MARKET_INITIALIZED: u8 = 2;
    pub const MARGIN_ACCOUNT_CREATED: u8 = 4;
    pub const COLLATERAL_DEPOSITED: u8 = 5;
    pub const COLLATERAL_WITHDRAWN: u8 = 6;
    pub const POSITION_CREATED: u8 = 7;
    pub const POSITION_CHANGED: u8 = 8;
    pub const ISOLATED_MARGIN_CHANGED: u8 = 9;
    pub const MARK_PRICE_UPDATED: u8 = 10;
    pub const FUNDING_UPDATED: u8 = 11;
    pub const LIQUIDATED: u8 = 12;
}

/// Position margin modes and lifecycle states.
pub mod position {
    pub const CROSS: u8 = 0;
    pub const ISOLATED: u8 = 1;
    pub const OPEN: u8 = 2;
    pub const CLOSED: u8 = 5;
    pub const LIQUIDATED: u8 = 7;
}

/// Market parameters (InitializeMarket / UpdateMarketParams).
#[derive(Clone, Debug)]
pub struct Params {
    pub oracle_authority: Pubkey,
    pub fill_authority: Pubkey,
    pub price_decimals: u8,
    pub size_decimals: u8,
    pub max_price: i64,
    pub max_position_size: i64,
    pub liquidation_fee_rate: i64,
    pub taker_fee_rate: i64,
    pub funding_clamp_rate: i64,
    pub funding_interest_rate: i64,
    pub funding_premium_band: i64,
    pub oracle_max_confidence_rate: i64,
    pub oracle_max_staleness_slots: u64,
    /// (floor, max leverage, mmr or DERIVED, amount or DERIVED)
    pub tiers: Vec<(i64, u32, i64, i64)>,
}

impl Params {
    /// BTC-like: tick 0.01, lot 0.001, derived tiers, 0.5% liquidation fee, 0.05% taker fee.
    pub fn btc(oracle: Pubkey, filler: Pubkey) -> Params {
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

    fn encode(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(self.oracle_authority.as_ref());
        out.extend_from_slice(self.fill_authority.as_ref());
        out.push(self.price_decimals);
        out.push(self.size_decimals);
        for v in [
            self.max_price,
            self.max_position_size,
            self.liquidation_fee_rate,
            self.taker_fee_rate,
            self.funding_clamp_rate,
            self.funding_interest_rate,
            self.funding_premium_band,
            self.oracle_max_confidence_rate,
        ] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&self.oracle_max_staleness_slots.to_le_bytes());
        out.push(self.tiers.len() as u8);
        for (floor, lev, mmr, amount) in &self.tiers {
            out.extend_from_slice(&floor.to_le_bytes());
            out.extend_from_slice(&lev.to_le_bytes());
            out.extend_from_slice(&mmr.to_le_bytes());
            out.extend_from_slice(&amount.to_le_bytes());
        }
    }
}

fn ix(data: Vec<u8>, accounts: Vec<AccountMeta>) -> Instruction {
    Instruction { program_id: PROGRAM_ID, accounts, data }
}
fn with_u64(tag: u8, v: u64) -> Vec<u8> {
    let mut d = vec![tag];
    d.extend_from_slice(&v.to_le_bytes());
    d
}
/// Writable signer.
pub fn ws(k: Pubkey) -> AccountMeta {
    AccountMeta::new(k, true)
}
/// Read-only signer.
pub fn rs(k: Pubkey) -> AccountMeta {
    AccountMeta::new_readonly(k, true)
}
/// Writable.
pub fn w(k: Pubkey) -> AccountMeta {
    AccountMeta::new(k, false)
}
/// Read-only.
pub fn r(k: Pubkey) -> AccountMeta {
    AccountMeta::new_readonly(k, false)
}
/// The Clock sysvar.
pub fn clock_id() -> Pubkey {
    solana_sdk::sysvar::clock::id()
}
/// The Rent sysvar.
pub fn rent_id() -> Pubkey {
    solana_sdk::sysvar::rent::id()
}

fn i64_at(d: &[u8], at: usize) -> i64 {
    i64::from_le_bytes(d[at..at + 8].try_into().expect("8 bytes"))
}
fn u64_at(d: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(d[at..at + 8].try_into().expect("8 bytes"))
}
/// An i64 field of an event.
pub fn event_i64(e: &[u8], at: usize) -> i64 {
    i64_at(e, at)
}

/// MarginAccount (80 bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Margin {
    pub owner: Pubkey,
    pub collateral: i64,
    pub realized_pnl: i64,
    pub fees_paid: i64,
    pub funding_paid: i64,
    pub open_positions: u16,
    pub open_cross_positions: u16,
}

impl Margin {
    pub fn decode(d: &[u8]) -> Margin {
        assert_eq!((d.len(), d[0], d[1]), (80, 3, 1), "margin account header");
        Margin {
            owner: Pubkey::new_from_array(d[8..40].try_into().expect("32")),
            collateral: i64_at(d, 40),
            realized_pnl: i64_at(d, 48),
            fees_paid: i64_at(d, 56),
            funding_paid: i64_at(d, 64),
            open_positions: u16::from_le_bytes([d[72], d[73]]),
            open_cross_positions: u16::from_le_bytes([d[74], d[75]]),
        }
    }
}

/// Position (128 bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    pub owner: Pubkey,
    pub market: Pubkey,
    pub market_id: u16,
    pub state: u8,
    pub mode: u8,
    pub leverage: u32,
    pub size: i64,
    pub entry_price: i64,
    pub isolated_margin: i64,
    pub realized_pnl: i64,
    pub funding_index: i64,
    pub last_update_slot: u64,
}

impl Position {
    pub fn decode(d: &[u8]) -> Position {
        assert_eq!((d.len(), d[0], d[1]), (128, 4, 1), "position header");
        Position {
            owner: Pubkey::new_from_array(d[8..40].try_into().expect("32")),
            market: Pubkey::new_from_array(d[40..72].try_into().expect("32")),
            market_id: u16::from_le_bytes([d[72], d[73]]),
            state: d[74],
            mode: d[75],
            leverage: u32::from_le_bytes(d[76..80].try_into().expect("4")),
            size: i64_at(d, 80),
            entry_price: i64_at(d, 88),
            isolated_margin: i64_at(d, 96),
            realized_pnl: i64_at(d, 104),
            funding_index: i64_at(d, 112),
            last_update_slot: u64_at(d, 120),
        }
    }
}

/// Market (472 bytes): the dynamic fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarketState {
    pub market_id: u16,
    pub mark_price: i64,
    pub mark_slot: u64,
    pub funding_index: i64,
    pub last_funding_slot: u64,
    pub open_interest_long: i64,
    pub open_interest_short: i64,
    pub insurance_fund: i64,
    pub fee_pool: i64,
}

impl MarketState {
    pub fn decode(d: &[u8]) -> MarketState {
        assert_eq!((d.len(), d[0], d[1]), (472, 2, 1), "market header");
        MarketState {
            market_id: u16::from_le_bytes([d[8], d[9]]),
            mark_price: i64_at(d, 408),
            mark_slot: u64_at(d, 416),
            funding_index: i64_at(d, 424),
            last_funding_slot: u64_at(d, 432),
            open_interest_long: i64_at(d, 440),
            open_interest_short: i64_at(d, 448),
            insurance_fund: i64_at(d, 456),
            fee_pool: i64_at(d, 464),
        }
    }
}

/// A user: wallet keypair, collateral token account, margin account PDA.
pub struct User {
    pub wallet: Keypair,
    pub tokens: Pubkey,
    pub margin: Pubkey,
}

/// The exchange in a bank: authorities, the collateral mint (created by the real SPL Token program), the vault
/// owned by the vault-authority PDA, and the BTC market.
pub struct World {
    pub ctx: ProgramTestContext,
    pub admin: Keypair,
    pub oracle: Keypair,
    pub filler: Keypair,
    pub mint_authority: Keypair,
    pub mint: Pubkey,
    pub vault: Pubkey,
    pub vault_authority: Pubkey,
    pub exchange: Pubkey,
}

impl World {
    /// A bank with the collateral mint and vault only (no program instruction sent yet).
    pub async fn bare() -> World {
        let mut ctx = program_test().start_with_context().await;
        let admin = Keypair::new();
        let oracle = Keypair::new();
        let filler = Keypair::new();
        let mint_authority = Keypair::new();
        for k in [&admin, &oracle, &filler] {
            fund(&mut ctx, &k.pubkey(), 100_000_000_000).await;
        }
        let mint = Keypair::new();
        let rent = ctx.banks_client.get_rent().await.expect("rent");
        let create = solana_system_interface::instruction::create_account(
            &ctx.payer.pubkey(),
            &mint.pubkey(),
            rent.minimum_balance(spl_token_interface::state::Mint::LEN),
            spl_token_interface::state::Mint::LEN as u64,
            &token_program(),
        );
        let init = token_ix::initialize_mint2(&token_program(), &mint.pubkey(), &mint_authority.pubkey(), None, 6).expect("mint ix");
        send(&mut ctx, &[create, init], &[&mint]).await.expect("mint");
        let vault_authority = pda(&[b"vault"]);
        let mut world = World {
            ctx,
            admin,
            oracle,
            filler,
            mint_authority,
            mint: mint.pubkey(),
            vault: Pubkey::default(),
            vault_authority,
            exchange: pda(&[b"exchange"]),
        };
        world.vault = world.token_account(&vault_authority, 0).await;
        world
    }

    /// Exchange initialized and the BTC market at a mark of 50,000.
    pub async fn new() -> World {
        let mut world = World::bare().await;
        world.initialize_exchange().await.expect("exchange");
        let params = Params::btc(world.oracle.pubkey(), world.filler.pubkey());
        world.initialize_market(BTC, &params).await.expect("market");
        world.set_mark(BTC, 50_000 * PRICE).await.expect("mark");
        world
    }

    /// Send instructions (payer + `signers`) in a fresh slot.
    pub async fn send(&mut self, ixs: &[Instruction], signers: &[&Keypair]) -> Result<Executed, Failed> {
        send(&mut self.ctx, ixs, signers).await
    }

    /// A new SPL token account of the collateral mint owned by `owner`, with `amount` minted into it.
    pub async fn token_account(&mut self, owner: &Pubkey, amount: u64) -> Pubkey {
        let account = Keypair::new();
        let rent = self.ctx.banks_client.get_rent().await.expect("rent");
        let len = spl_token_interface::state::Account::LEN;
        let mut ixs = vec![
            solana_system_interface::instruction::create_account(
                &self.ctx.payer.pubkey(),
                &account.pubkey(),
                rent.minimum_balance(len),
                len as u64,
                &token_program(),
            ),
            token_ix::initialize_account3(&token_program(), &account.pubkey(), &self.mint, owner).expect("init account"),
        ];
        if amount > 0 {
            ixs.push(
                token_ix::mint_to(&token_program(), &self.mint, &account.pubkey(), &self.mint_authority.pubkey(), &[], amount)
                    .expect("mint to"),
            );
        }
        let mint_authority = self.mint_authority.insecure_clone();
        self.send(&ixs, &[&account, &mint_authority]).await.expect("token account");
        account.pubkey()
    }

    /// Token balance of an SPL token account (read from the bank).
    pub async fn token_balance(&mut self, account: &Pubkey) -> u64 {
        let data = self.data(account).await;
        spl_token_interface::state::Account::unpack(&data).expect("token account").amount
    }

    /// Data of an account (panics if it does not exist).
    pub async fn data(&mut self, key: &Pubkey) -> Vec<u8> {
        self.ctx.banks_client.get_account(*key).await.expect("get account").unwrap_or_else(|| panic!("no account {key}")).data
    }

    /// Owner program of an account.
    pub async fn owner(&mut self, key: &Pubkey) -> Pubkey {
        self.ctx.banks_client.get_account(*key).await.expect("get account").expect("account").owner
    }

    /// Lamports of an account (0 if none).
    pub async fn lamports(&mut self, key: &Pubkey) -> u64 {
        self.ctx.banks_client.get_account(*key).await.expect("get account").map(|a| a.lamports).unwrap_or(0)
    }

    pub fn market_key(id: u16) -> Pubkey {
        pda(&[b"market", &id.to_le_bytes()])
    }

    pub fn position_key(user: &User, id: u16) -> Pubkey {
        pda(&[b"position", user.wallet.pubkey().as_ref(), Self::market_key(id).as_ref()])
    }

    pub async fn margin(&mut self, user: &User) -> Margin {
        Margin::decode(&self.data(&user.margin).await)
    }

    pub async fn position(&mut self, user: &User, id: u16) -> Position {
        Position::decode(&self.data(&Self::position_key(user, id)).await)
    }

    pub async fn market(&mut self, id: u16) -> MarketState {
        MarketState::decode(&self.data(&Self::market_key(id)).await)
    }

    pub fn initialize_exchange_ix(&self) -> Instruction {
        ix(
            vec![tag::INITIALIZE_EXCHANGE],
            vec![ws(self.admin.pubkey()), w(self.exchange), r(self.mint), r(self.vault), r(system_program()), r(rent_id())],
        )
    }

    pub async fn initialize_exchange(&mut self) -> Result<Executed, Failed> {
        let (ix, admin) = (self.initialize_exchange_ix(), self.admin.insecure_clone());
        self.send(&[ix], &[&admin]).await
    }

    pub async fn initialize_market(&mut self, id: u16, params: &Params) -> Result<Executed, Failed> {
        let mut d = vec![tag::INITIALIZE_MARKET];
        d.extend_from_slice(&id.to_le_bytes());
        params.encode(&mut d);
        let ix = ix(
            d,
            vec![ws(self.admin.pubkey()), r(self.exchange), w(Self::market_key(id)), r(system_program()), r(rent_id())],
        );
        let admin = self.admin.insecure_clone();
        self.send(&[ix], &[&admin]).await
    }

    pub fn mark_ix(&self, id: u16, price: i64, confidence: i64, publish_slot: u64) -> Instruction {
        let mut d = vec![tag::UPDATE_MARK_PRICE];
        d.extend_from_slice(&price.to_le_bytes());
        d.extend_from_slice(&confidence.to_le_bytes());
        d.extend_from_slice(&publish_slot.to_le_bytes());
        ix(d, vec![rs(self.oracle.pubkey()), w(Self::market_key(id)), r(clock_id())])
    }

    /// Publish a mark at the (new) current slot, confidence 0.
    pub async fn set_mark(&mut self, id: u16, price: i64) -> Result<Executed, Failed> {
        let slot = advance(&mut self.ctx, 1).await;
        let (ix, oracle) = (self.mark_ix(id, price, 0, slot), self.oracle.insecure_clone());
        send_in_current_slot(&mut self.ctx, &[ix], &[&oracle]).await
    }

    pub async fn update_funding(&mut self, id: u16, value: i64, mode: u8) -> Result<Executed, Failed> {
        let mut d = vec![tag::UPDATE_FUNDING];
        d.extend_from_slice(&value.to_le_bytes());
        d.push(mode);
        let ix = ix(d, vec![rs(self.oracle.pubkey()), w(Self::market_key(id)), r(clock_id())]);
        let oracle = self.oracle.insecure_clone();
        self.send(&[ix], &[&oracle]).await
    }

    /// A user with `tokens` collateral tokens in a token account and a margin account.
    pub async fn user(&mut self, tokens: u64) -> User {
        let wallet = Keypair::new();
        fund(&mut self.ctx, &wallet.pubkey(), 10_000_000_000).await;
        let token_account = self.token_account(&wallet.pubkey(), tokens).await;
        let margin = pda(&[b"margin", wallet.pubkey().as_ref()]);
        let user = User { wallet, tokens: token_account, margin };
        let ix = ix(
            vec![tag::CREATE_MARGIN_ACCOUNT],
            vec![ws(user.wallet.pubkey()), w(margin), r(system_program()), r(rent_id())],
        );
        self.send(&[ix], &[&user.wallet]).await.expect("margin account");
        user
    }

    /// A user who deposited `usdc` whole USDC.
    pub async fn funded_user(&mut self, usdc: i64) -> User {
        let amount = (usdc * USDC) as u64;
        let user = self.user(amount).await;
        self.deposit(&user, amount).await.expect("deposit");
        user
    }

    pub fn deposit_ix(&self, user: &User, amount: u64) -> Instruction {
        ix(
            with_u64(tag::DEPOSIT, amount),
            vec![
                rs(user.wallet.pubkey()),
                w(user.margin),
                r(self.exchange),
                w(user.tokens),
                w(self.vault),
                r(token_program()),
            ],
        )
    }

    pub async fn deposit(&mut self, user: &User, amount: u64) -> Result<Executed, Failed> {
        let ix = self.deposit_ix(user, amount);
        self.send(&[ix], &[&user.wallet]).await
    }

    pub async fn withdraw_ix(&mut self, user: &User, amount: u64) -> Instruction {
        let mut metas = vec![
            rs(user.wallet.pubkey()),
            w(user.margin),
            r(self.exchange),
            w(self.vault),
            w(user.tokens),
            r(self.vault_authority),
            r(token_program()),
            r(clock_id()),
        ];
        metas.extend(self.cross_pairs(user, None).await);
        ix(with_u64(tag::WITHDRAW, amount), metas)
    }

    pub async fn withdraw(&mut self, user: &User, amount: u64) -> Result<Executed, Failed> {
        let ix = self.withdraw_ix(user, amount).await;
        self.send(&[ix], &[&user.wallet]).await
    }

    pub fn create_position_ix(&self, user: &User, id: u16, mode: u8, leverage: u32) -> Instruction {
        let mut d = vec![tag::CREATE_POSITION, mode];
        d.extend_from_slice(&leverage.to_le_bytes());
        ix(
            d,
            vec![
                ws(user.wallet.pubkey()),
                r(user.margin),
                r(Self::market_key(id)),
                w(Self::position_key(user, id)),
                r(system_program()),
                r(rent_id()),
            ],
        )
    }

    pub async fn create_position(&mut self, user: &User, id: u16, mode: u8, leverage: u32) -> Result<Executed, Failed> {
        let ix = self.create_position_ix(user, id, mode, leverage);
        self.send(&[ix], &[&user.wallet]).await
    }

    /// A fill signed by `fill_signer` (the market's fill authority unless a test substitutes another key).
    pub async fn trade_ix(&mut self, user: &User, id: u16, quantity: i64, price: i64, fill_signer: Pubkey) -> Instruction {
        let mut d = vec![tag::TRADE];
        d.extend_from_slice(&quantity.to_le_bytes());
        d.extend_from_slice(&price.to_le_bytes());
        let mut metas = vec![
            rs(fill_signer),
            w(user.margin),
            w(Self::market_key(id)),
            w(Self::position_key(user, id)),
            r(clock_id()),
        ];
        metas.extend(self.cross_pairs(user, Some(id)).await);
        ix(d, metas)
    }

    pub async fn trade(&mut self, user: &User, id: u16, quantity: i64, price: i64) -> Result<Executed, Failed> {
        let filler = self.filler.insecure_clone();
        let ix = self.trade_ix(user, id, quantity, price, filler.pubkey()).await;
        self.send(&[ix], &[&filler]).await
    }

    pub fn isolated_ix(&self, user: &User, id: u16, amount: u64, add: bool) -> Instruction {
        let t = if add { tag::ADD_ISOLATED_MARGIN } else { tag::REMOVE_ISOLATED_MARGIN };
        // The only market is `id`, so the cross set (other open cross positions) is empty.
        ix(
            with_u64(t, amount),
            vec![rs(user.wallet.pubkey()), w(user.margin), r(Self::market_key(id)), w(Self::position_key(user, id)), r(clock_id())],
        )
    }

    pub async fn add_isolated_margin(&mut self, user: &User, id: u16, amount: u64) -> Result<Executed, Failed> {
        let ix = self.isolated_ix(user, id, amount, true);
        self.send(&[ix], &[&user.wallet]).await
    }

    pub async fn remove_isolated_margin(&mut self, user: &User, id: u16, amount: u64) -> Result<Executed, Failed> {
        let ix = self.isolated_ix(user, id, amount, false);
        self.send(&[ix], &[&user.wallet]).await
    }

    /// Liquidate `victim`'s position in market `id` (the only market: no other cross positions to list).
    pub async fn liquidate(&mut self, liquidator: &User, victim: &User, id: u16) -> Result<Executed, Failed> {
        let ix = ix(
            vec![tag::LIQUIDATE, 0],
            vec![
                rs(liquidator.wallet.pubkey()),
                w(liquidator.margin),
                w(Self::position_key(liquidator, id)),
                w(victim.margin),
                w(Self::position_key(victim, id)),
                w(Self::market_key(id)),
                r(clock_id()),
            ],
        );
        self.send(&[ix], &[&liquidator.wallet]).await
    }

    /// (position, market) metas of the user's open cross positions (the BTC market only), except `skip`.
    pub async fn cross_pairs(&mut self, user: &User, skip: Option<u16>) -> Vec<AccountMeta> {
        let mut pairs = Vec::new();
        for id in [BTC] {
            if Some(id) == skip {
                continue;
            }
            let key = Self::position_key(user, id);
            if let Some(account) = self.ctx.banks_client.get_account(key).await.expect("get account") {
                if account.data.len() == 128 {
                    let p = Position::decode(&account.data);
                    if p.size != 0 && p.mode == position::CROSS {
                        pairs.push(r(key));
                        pairs.push(r(Self::market_key(id)));
                    }
                }
            }
        }
        pairs
    }
}

/// Give `to` lamports with a real System Program transfer from the payer.
pub async fn fund(ctx: &mut ProgramTestContext, to: &Pubkey, lamports: u64) {
    let ix = solana_system_interface::instruction::transfer(&ctx.payer.pubkey(), to, lamports);
    send(ctx, &[ix], &[]).await.expect("fund");
}
