//! Links the unwinder into the binary on glibc Linux, so that
//! `libgcc_s.so.1` is not loaded: its start-up probes the CPU with a dozen
//! `cpuid` instructions, each a VM exit under a hypervisor (0.05 to 0.1 ms
//! a process on the development machine, for every command; README,
//! Performance). `--as-needed` (rustc's default) then drops the shared
//! library. When the C compiler has no `libgcc_eh.a`, nothing changes.

use std::path::PathBuf;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=CC");
    let target = |key: &str| std::env::var(key).unwrap_or_default();
    let static_crt = target("CARGO_CFG_TARGET_FEATURE")
        .split(',')
        .any(|f| f == "crt-static");
    if target("CARGO_CFG_TARGET_OS") != "linux"
        || target("CARGO_CFG_TARGET_ENV") != "gnu"
        || static_crt
    {
        return;
    }
    if let Some(dir) = gcc_eh_dir() {
        println!("cargo:rustc-link-search=native={}", dir.display());
        println!("cargo:rustc-link-lib=static:+whole-archive,-bundle=gcc_eh");
    }
}

/// The folder of the C compiler's `libgcc_eh.a`, when it has one.
fn gcc_eh_dir() -> Option<PathBuf> {
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".into());
    let out = Command::new(cc)
        .arg("-print-file-name=libgcc_eh.a")
        .output()
        .ok()?;
    let path = PathBuf::from(String::from_utf8(out.stdout).ok()?.trim());
    (out.status.success() && path.is_absolute() && path.is_file())
        .then(|| path.parent().map(PathBuf::from))
        .flatten()
}
