//! Scales, limits and exact rounded integer arithmetic (mirror of the engine's `FixedPoint`).

/// Raw units per 1.0 of price (8 decimals).
pub const PRICE_SCALE: i64 = 100_000_000;
/// Raw units per 1.0 unit of base (8 decimals).
pub const SIZE_SCALE: i64 = 100_000_000;
/// Raw units per 1.0 USDC (6 decimals).
pub const QUOTE_SCALE: i64 = 1_000_000;
/// Raw units per 1.0 of a rate or ratio (8 decimals).
pub const RATE_SCALE: i64 = 100_000_000;
/// Raw units per 1.0 of cumulative funding index, quote per unit of base (12 decimals).
pub const FUNDING_INDEX_SCALE: i64 = 1_000_000_000_000;
/// `price * size / NOTIONAL_DIVISOR = quote` (1e8 * 1e8 / 1e6).
pub const NOTIONAL_DIVISOR: i64 = 10_000_000_000;
/// `size * funding_index / FUNDING_DIVISOR = quote` (1e8 * 1e12 / 1e6).
pub const FUNDING_DIVISOR: i64 = 100_000_000_000_000;
/// `mark * rate / FUNDING_RATE_DIVISOR = funding index` (1e8 * 1e8 / 1e12).
pub const FUNDING_RATE_DIVISOR: i64 = 10_000;

/// Largest accepted raw price (10,000,000.0).
pub const MAX_PRICE: i64 = 1_000_000_000_000_000;
/// Largest accepted raw |size| (10,000,000.0 units of base).
pub const MAX_SIZE: i64 = 1_000_000_000_000_000;
/// Largest accepted raw |notional| of one position (10,000,000,000 USDC).
pub const MAX_NOTIONAL: i64 = 10_000_000_000_000_000;
/// Largest accepted raw |balance| (100,000,000,000 USDC).
pub const MAX_BALANCE: i64 = 100_000_000_000_000_000;
/// Largest accepted raw |cumulative funding index|.
pub const MAX_FUNDING_INDEX: i64 = 1_000_000_000_000_000_000;

/// Rounding direction of every division: requirements round up, payouts round down.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rounding {
    /// Toward negative infinity.
    Floor,
    /// Toward positive infinity.
    Ceiling,
}

/// Exact `a * b / c` rounded as asked, with a 128-bit product.
///
/// `None` (the engine's `OVERFLOW`) when `a` or `b` is `i64::MIN`, `c <= 0`, or the rounded quotient lies
/// outside `(i64::MIN, i64::MAX]`.
pub fn mul_div(a: i64, b: i64, c: i64, rounding: Rounding) -> Option<i64> {
    if a == i64::MIN || b == i64::MIN || c <= 0 {
        return None;
    }
    let product = i128::from(a) * i128::from(b);
    narrow(div_i128(product, i128::from(c), rounding))
}

/// `a / b` rounded as asked; `None` when `a == i64::MIN` or `b <= 0`.
pub fn div(a: i64, b: i64, rounding: Rounding) -> Option<i64> {
    if a == i64::MIN || b <= 0 {
        return None;
    }
    narrow(div_i128(i128::from(a), i128::from(b), rounding))
}

/// Checked `a + b`; `None` if either operand is `i64::MIN` or the sum leaves `(i64::MIN, i64::MAX]`.
pub fn add(a: i64, b: i64) -> Option<i64> {
    if a == i64::MIN || b == i64::MIN {
        return None;
    }
    a.checked_add(b).filter(|s| *s != i64::MIN)
}

/// Checked `a - b` with the same contract as [`add`].
pub fn sub(a: i64, b: i64) -> Option<i64> {
    if a == i64::MIN || b == i64::MIN {
        return None;
    }
    a.checked_sub(b).filter(|s| *s != i64::MIN)
}

/// Signed notional `price * size / NOTIONAL_DIVISOR` (engine `FixedPoint.notional`).
pub fn notional(price: i64, size: i64, rounding: Rounding) -> Option<i64> {
    mul_div(price, size, NOTIONAL_DIVISOR, rounding)
}

/// `amount * rate / RATE_SCALE` at the scale of `amount` (engine `FixedPoint.applyRate`).
pub fn apply_rate(amount: i64, rate: i64, rounding: Rounding) -> Option<i64> {
    mul_div(amount, rate, RATE_SCALE, rounding)
}

/// `|value| <= limit` and `value` is not the overflow sentinel (engine `FixedPoint.within`).
pub fn within(value: i64, limit: i64) -> bool {
    value != i64::MIN && value.abs() <= limit
}

/// `part / whole > rate` in rate scale, with the ratio rounded up (the engine's oracle confidence and price
/// band test); an unrepresentable ratio counts as exceeding.
pub fn exceeds_rate(part: i64, whole: i64, rate: i64) -> bool {
    match mul_div(part, RATE_SCALE, whole, Rounding::Ceiling) {
        Some(ratio) => ratio > rate,
        None => true,
    }
}

fn div_i128(n: i128, d: i128, rounding: Rounding) -> i128 {
    // d > 0 and |n| < 2^126, so neither the division nor the adjustment can overflow.
    let q = n / d;
    let r = n % d;
    match rounding {
        Rounding::Floor if r < 0 => q - 1,
        Rounding::Ceiling if r > 0 => q + 1,
        _ => q,
    }
}

fn narrow(v: i128) -> Option<i64> {
    if v > i128::from(i64::MIN) && v <= i128::from(i64::MAX) {
        Some(v as i64)
    } else {
        None
    }
}
