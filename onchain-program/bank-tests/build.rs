//! Builds the program (the parent crate, with its own lock file) as a native shared library and tells the tests
//! where it is. The program cannot be a Rust dependency of this crate: see Cargo.toml.

use std::env;
use std::path::PathBuf;
use std::process::Command;

fn main() {
    let manifest_dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let program_dir = manifest_dir.parent().expect("program dir").to_path_buf();
    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("OUT_DIR"));
    let target_dir = out_dir.join("program-target");
    let cargo = env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let status = Command::new(cargo)
        .args(["build", "--locked", "--lib", "--manifest-path"])
        .arg(program_dir.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(&target_dir)
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_BUILD_RUSTFLAGS")
        .status()
        .expect("run cargo to build the program");
    assert!(status.success(), "building the program as a native shared library failed");
    let lib = target_dir.join("debug").join(format!("{}perp_risk_program{}", env::consts::DLL_PREFIX, env::consts::DLL_SUFFIX));
    assert!(lib.exists(), "missing {}", lib.display());
    println!("cargo:rustc-env=PERP_RISK_PROGRAM_LIB={}", lib.display());
    for path in ["src", "Cargo.toml", "Cargo.lock"] {
        println!("cargo:rerun-if-changed={}", program_dir.join(path).display());
    }
    println!("cargo:rerun-if-changed=build.rs");
}
