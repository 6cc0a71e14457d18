//! Little-endian field access at fixed offsets. Offsets are compile-time constants inside the account's
//! length (checked before decoding), so slicing cannot fail for a correctly sized buffer.

/// Read an `i64` at `at`.
pub fn i64_at(data: &[u8], at: usize) -> i64 {
    i64::from_le_bytes(array(data, at))
}

/// Read a `u64` at `at`.
pub fn u64_at(data: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(array(data, at))
}

/// Read a `u32` at `at`.
pub fn u32_at(data: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(array(data, at))
}

/// Read a `u16` at `at`.
pub fn u16_at(data: &[u8], at: usize) -> u16 {
    u16::from_le_bytes(array(data, at))
}

/// Read 32 bytes (an address) at `at`.
pub fn key_at(data: &[u8], at: usize) -> [u8; 32] {
    array(data, at)
}

/// Copy `N` bytes from `at` (zeros past the end: unreachable for sized accounts, and never a panic).
pub fn array<const N: usize>(data: &[u8], at: usize) -> [u8; N] {
    let mut out = [0u8; N];
    if let Some(src) = data.get(at..at + N) {
        out.copy_from_slice(src);
    }
    out
}

/// Write `bytes` at `at` (ignored past the end, which sized accounts never reach).
pub fn put(data: &mut [u8], at: usize, bytes: &[u8]) {
    if let Some(dst) = data.get_mut(at..at + bytes.len()) {
        dst.copy_from_slice(bytes);
    }
}
