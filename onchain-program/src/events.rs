//! Structured events for the chain bridge's indexer, logged with `sol_log_data` (one data field per event).
//! Every event is `[tag u8][version u8 = 1]` followed by its fields, little-endian, in the order documented on
//! each constructor and in the README.

/// Event tags (byte 0).
pub mod tag {
    /// Exchange initialized.
    pub const EXCHANGE_INITIALIZED: u8 = 1;
    /// Market initialized.
    pub const MARKET_INITIALIZED: u8 = 2;
    /// Market parameters updated.
    pub const MARKET_PARAMS_UPDATED: u8 = 3;
    /// Margin account created.
    pub const MARGIN_ACCOUNT_CREATED: u8 = 4;
    /// Collateral deposited.
    pub const COLLATERAL_DEPOSITED: u8 = 5;
    /// Collateral withdrawn.
    pub const COLLATERAL_WITHDRAWN: u8 = 6;
    /// Position account created.
    pub const POSITION_CREATED: u8 = 7;
    /// Position changed by a fill.
    pub const POSITION_CHANGED: u8 = 8;
    /// Isolated margin added or removed.
    pub const ISOLATED_MARGIN_CHANGED: u8 = 9;
    /// Mark price updated.
    pub const MARK_PRICE_UPDATED: u8 = 10;
    /// Funding index updated.
    pub const FUNDING_UPDATED: u8 = 11;
    /// Position liquidated (taken over by a liquidator).
    pub const LIQUIDATED: u8 = 12;
}

/// Event layout version (byte 1).
pub const EVENT_VERSION: u8 = 1;
const CAPACITY: usize = 256;

/// A fixed-capacity little-endian event encoder (no heap).
pub struct Event {
    buf: [u8; CAPACITY],
    len: usize,
}

impl Event {
    /// Start an event with its tag and version.
    pub fn new(tag: u8) -> Event {
        let mut e = Event { buf: [0; CAPACITY], len: 0 };
        e.bytes(&[tag, EVENT_VERSION]);
        e
    }

    /// Append raw bytes (silently bounded by the capacity, which every documented event fits in).
    pub fn bytes(&mut self, b: &[u8]) -> &mut Self {
        let end = (self.len + b.len()).min(CAPACITY);
        let n = end - self.len;
        self.buf[self.len..end].copy_from_slice(&b[..n]);
        self.len = end;
        self
    }

    /// Append a u8.
    pub fn u8(&mut self, v: u8) -> &mut Self {
        self.bytes(&[v])
    }

    /// Append a u16.
    pub fn u16(&mut self, v: u16) -> &mut Self {
        self.bytes(&v.to_le_bytes())
    }

    /// Append a u32.
    pub fn u32(&mut self, v: u32) -> &mut Self {
        self.bytes(&v.to_le_bytes())
    }

    /// Append an i64.
    pub fn i64(&mut self, v: i64) -> &mut Self {
        self.bytes(&v.to_le_bytes())
    }

    /// Append a u64.
    pub fn u64(&mut self, v: u64) -> &mut Self {
        self.bytes(&v.to_le_bytes())
    }

    /// Append a 32-byte address.
    pub fn key(&mut self, k: &[u8; 32]) -> &mut Self {
        self.bytes(k)
    }

    /// The encoded bytes.
    pub fn as_slice(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    /// Log the event (`sol_log_data` on chain; the native event buffer off chain).
    pub fn emit(&self) {
        let data = self.as_slice();
        #[cfg(any(target_os = "solana", target_arch = "bpf"))]
        {
            let fields: [&[u8]; 1] = [data];
            // SAFETY: the syscall reads `1` slice descriptor (pointer, length) from `fields`, which outlives the call.
            unsafe { solana_define_syscall::definitions::sol_log_data(fields.as_ptr() as *const u8, 1) };
        }
        #[cfg(not(any(target_os = "solana", target_arch = "bpf")))]
        crate::native::log_event(data);
    }
}
