#!/usr/bin/env bash
# All Rust tests of the on-chain program: the native loader-buffer tests and shared vectors (this workspace), then
# the bank tests (bank-tests/, its own workspace and lock file: see bank-tests/Cargo.toml).
set -euo pipefail
cd "$(dirname "$0")"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/perp-risk/cargo-target}"
cargo test --locked "$@"
cargo test --locked --manifest-path bank-tests/Cargo.toml "$@"
