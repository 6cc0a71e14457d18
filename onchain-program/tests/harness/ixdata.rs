//! Instruction data encoders (the client side of the layouts documented in the README).

use perp_risk_program::instruction as ix;

/// Market parameters as sent in InitializeMarket / UpdateMarketParams.
#[derive(Clone, Debug)]
pub struct Params {
    pub oracle_authority: [u8; 32],
    pub fill_authority: [u8; 32],
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
    /// (floor, max leverage, mmr or -1, amount or -1)
    pub tiers: Vec<(i64, u32, i64, i64)>,
}

impl Params {
    /// Encode the parameter block.
    pub fn encode(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.oracle_authority);
        out.extend_from_slice(&self.fill_authority);
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

pub fn initialize_exchange() -> Vec<u8> {
    vec![ix::INITIALIZE_EXCHANGE]
}

pub fn initialize_market(id: u16, params: &Params) -> Vec<u8> {
    let mut d = vec![ix::INITIALIZE_MARKET];
    d.extend_from_slice(&id.to_le_bytes());
    params.encode(&mut d);
    d
}

pub fn update_market_params(params: &Params) -> Vec<u8> {
    let mut d = vec![ix::UPDATE_MARKET_PARAMS];
    params.encode(&mut d);
    d
}

pub fn create_margin_account() -> Vec<u8> {
    vec![ix::CREATE_MARGIN_ACCOUNT]
}

fn with_u64(tag: u8, v: u64) -> Vec<u8> {
    let mut d = vec![tag];
    d.extend_from_slice(&v.to_le_bytes());
    d
}

pub fn deposit(amount: u64) -> Vec<u8> {
    with_u64(ix::DEPOSIT, amount)
}

pub fn withdraw(amount: u64) -> Vec<u8> {
    with_u64(ix::WITHDRAW, amount)
}

pub fn create_position(mode: u8, leverage: u32) -> Vec<u8> {
    let mut d = vec![ix::CREATE_POSITION, mode];
    d.extend_from_slice(&leverage.to_le_bytes());
    d
}

pub fn trade(quantity: i64, price: i64) -> Vec<u8> {
    let mut d = vec![ix::TRADE];
    d.extend_from_slice(&quantity.to_le_bytes());
    d.extend_from_slice(&price.to_le_bytes());
    d
}

pub fn add_isolated_margin(amount: u64) -> Vec<u8> {
    with_u64(ix::ADD_ISOLATED_MARGIN, amount)
}

pub fn remove_isolated_margin(amount: u64) -> Vec<u8> {
    with_u64(ix::REMOVE_ISOLATED_MARGIN, amount)
}

pub fn update_mark_price(price: i64, confidence: i64, publish_slot: u64) -> Vec<u8> {
    let mut d = vec![ix::UPDATE_MARK_PRICE];
    d.extend_from_slice(&price.to_le_bytes());
    d.extend_from_slice(&confidence.to_le_bytes());
    d.extend_from_slice(&publish_slot.to_le_bytes());
    d
}

pub fn update_funding(value: i64, mode: u8) -> Vec<u8> {
    let mut d = vec![ix::UPDATE_FUNDING];
    d.extend_from_slice(&value.to_le_bytes());
    d.push(mode);
    d
}

pub fn liquidate(liquidatee_pairs: u8) -> Vec<u8> {
    vec![ix::LIQUIDATE, liquidatee_pairs]
}
