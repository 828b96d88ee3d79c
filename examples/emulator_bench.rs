//! The standalone emulator's cost per call, for `bench/run`: starts
//! `dts emulator` (no rate limit, a state file of its own), makes N calls
//! with `dts status` against it, and reports the emulator process's CPU
//! time (user + system, from /proc) divided by N.
//!
//!     emulator_bench --dts PATH [--calls N]

#![allow(clippy::disallowed_methods)]

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

fn main() {
    let mut dts = String::new();
    let mut calls = 300u32;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().unwrap_or_default();
        match flag.as_str() {
            "--dts" => dts = value,
            "--calls" => calls = value.parse().unwrap_or(0),
            _ => calls = 0,
        }
    }
    if dts.is_empty() || calls == 0 {
        eprintln!("usage: emulator_bench --dts PATH [--calls N]");
        std::process::exit(2);
    }
    let scratch = std::env::temp_dir().join(format!("dts-emulator-bench-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).expect("a scratch folder");
    let mut server = Command::new(&dts)
        .args([
            "emulator",
            "--listen",
            "127.0.0.1:0",
            "--rate-limit",
            "0",
            "--state",
        ])
        .arg(scratch.join("jobs.json"))
        .stderr(Stdio::piped())
        .spawn()
        .expect("dts emulator starts");
    let exports = export_line(&mut server);
    let before = cpu_of(server.id());
    for _ in 0..calls {
        let ok = Command::new(&dts)
            .args(["status", "-j", "dtsjob-seed01", "-q"])
            .env_clear()
            .env("HOME", &scratch)
            .envs(exports.iter().map(|(k, v)| (k, v)))
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "a call to the standalone emulator failed");
    }
    let spent = cpu_of(server.id()).saturating_sub(before);
    let _ = server.kill();
    let _ = server.wait();
    let _ = std::fs::remove_dir_all(&scratch);
    let per_call = spent / calls;
    println!("## The standalone emulator: {calls} calls of `dts status` against `dts emulator`");
    println!();
    println!("| target | measured | |");
    println!("|---|---:|---|");
    println!(
        "| a call costs the standalone emulator well under 1 ms of CPU ({calls} calls) | {:.3} ms | {} |",
        per_call.as_secs_f64() * 1000.0,
        if per_call < Duration::from_micros(500) {
            "met"
        } else {
            "MISSED"
        }
    );
}

/// The `export` line's variables, read from the emulator's stderr.
fn export_line(server: &mut std::process::Child) -> Vec<(String, String)> {
    let mut stderr = BufReader::new(server.stderr.take().expect("stderr"));
    let mut line = String::new();
    while !line.starts_with("export ") {
        line.clear();
        let n = stderr.read_line(&mut line).expect("the emulator's stderr");
        assert!(n > 0, "the emulator printed no export line");
    }
    // Keep draining stderr so the emulator never blocks on it.
    std::thread::spawn(move || std::io::copy(&mut stderr, &mut std::io::sink()));
    line["export ".len()..]
        .split_whitespace()
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// A process's CPU time so far (user + system), from /proc/PID/stat.
fn cpu_of(pid: u32) -> Duration {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("/proc/PID/stat");
    // Fields after the command name (which may hold spaces) start at 3.
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks: u64 =
        fields[11].parse::<u64>().unwrap_or(0) + fields[12].parse::<u64>().unwrap_or(0);
    // SAFETY: sysconf has no preconditions.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as u64;
    Duration::from_nanos(ticks * 1_000_000_000 / hz)
}
