//! The fleet benchmark behind `bench/run`: 1,000 jobs paused with
//! `--parallel 16` by one dts process, beside the same work done by 1,000
//! separate dts processes (`xargs -P 16`), against the fake endpoint adding
//! 50 ms to each answer. It reports wall time, calls a second, connections,
//! threads and peak memory.
//!
//!     fleet_bench --dts PATH --fake PATH [--jobs N]

// The ban on the ambient clock (clippy.toml) guards dts's own code; the
// benchmark measures with the real one.
#![allow(clippy::disallowed_methods)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

struct Run {
    wall: Duration,
    cpu: Duration,
    max_rss_kib: i64,
    connections: usize,
    requests: usize,
    threads: usize,
}

fn main() {
    let mut dts = String::new();
    let mut fake = String::new();
    let mut jobs = 1000usize;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let v = args.next().unwrap_or_default();
        match flag.as_str() {
            "--dts" => dts = v,
            "--fake" => fake = v,
            "--jobs" => jobs = v.parse().expect("--jobs N"),
            _ => panic!("usage: fleet_bench --dts PATH --fake PATH [--jobs N]"),
        }
    }
    let mut server = Command::new(&fake)
        .args([
            "--seconds",
            "600",
            "--delay-ms",
            "50",
            "--max-requests",
            "100000",
        ])
        .stdout(Stdio::piped())
        .spawn()
        .expect("the fake endpoint starts");
    let mut url = String::new();
    BufReader::new(server.stdout.take().expect("stdout"))
        .read_line(&mut url)
        .expect("its URL");
    let url = url.trim().to_string();
    let ids: String = (0..jobs).map(|i| format!("job{i:04}\n")).collect();
    let env = [
        ("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIbenchmarkkeyid"),
        (
            "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
            "benchmark-secret-not-real",
        ),
        ("PATH", "/usr/local/bin:/usr/bin:/bin"),
        ("HOME", "/nonexistent"),
    ];
    let one = run(
        &url,
        &[
            dts.as_str(),
            "-q",
            "--rate",
            "0",
            "--endpoint",
            &url,
            "suspend",
            "-j",
            "-",
            "--parallel",
            "16",
        ],
        &env,
        &ids,
    );
    let many = run(
        &url,
        &[
            "xargs",
            "-P",
            "16",
            "-n",
            "1",
            dts.as_str(),
            "-q",
            "--rate",
            "0",
            "--endpoint",
            &url,
            "suspend",
            "-j",
        ],
        &env,
        &ids,
    );
    let _ = server.kill();
    let _ = server.wait();
    report(jobs, &one, &many);
}

/// Runs `command` with `ids` on stdin; measures it and counts what the
/// fake saw.
#[allow(clippy::zombie_processes)] // reaped by wait4 below
fn run(url: &str, command: &[&str], env: &[(&str, &str)], ids: &str) -> Run {
    let before = stats(url);
    let start = Instant::now();
    let mut child = Command::new(command[0])
        .args(&command[1..])
        .env_clear()
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("runs");
    let pid = child.id();
    let watcher = std::thread::spawn(move || most_threads(pid));
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(ids.as_bytes()).expect("ids written");
    drop(stdin);
    let mut status = 0;
    // SAFETY: rusage is plain data; the pid is our own unwaited child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::wait4(pid as libc::pid_t, &mut status, 0, &mut usage) };
    let wall = start.elapsed();
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "{command:?} failed"
    );
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    let after = stats(url);
    Run {
        wall,
        cpu: tv(usage.ru_utime) + tv(usage.ru_stime),
        max_rss_kib: usage.ru_maxrss,
        // The later stats request's own connection is not the tool's.
        connections: (after.0 - before.0).saturating_sub(1),
        requests: after.1 - before.1,
        threads: watcher.join().unwrap_or(0),
    }
}

/// The most threads `pid` had (sampled from /proc while it runs).
fn most_threads(pid: u32) -> usize {
    let mut most = 0;
    let status = format!("/proc/{pid}/status");
    while let Ok(text) = std::fs::read_to_string(&status) {
        let n = text
            .lines()
            .find_map(|l| l.strip_prefix("Threads:"))
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or(0);
        most = most.max(n);
        std::thread::sleep(Duration::from_millis(5));
    }
    most
}

/// The fake's connections and requests so far.
fn stats(url: &str) -> (usize, usize) {
    let mut s = TcpStream::connect(url.trim_start_matches("http://")).expect("the fake");
    let _ = write!(
        s,
        "GET /stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    );
    let mut text = String::new();
    let _ = s.read_to_string(&mut text);
    let number = |key: &str| -> usize {
        text.split(&format!("\"{key}\":"))
            .nth(1)
            .and_then(|r| r.split([',', '}']).next())
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or(0)
    };
    (number("connections"), number("requests"))
}

fn report(jobs: usize, one: &Run, many: &Run) {
    println!(
        "## Fleet: {jobs} jobs paused at --parallel 16, the fake adding 50 ms an answer (http)"
    );
    println!();
    println!("| | wall | calls/s | CPU | connections | threads (most) | peak RSS |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for (name, r) in [
        ("one dts process (`-j -`)", one),
        ("1,000 dts processes (`xargs -P 16`)", many),
    ] {
        println!(
            "| {name} | {:.2} s | {:.0} | {:.2} s | {} | {} | {:.1} MiB |",
            r.wall.as_secs_f64(),
            r.requests as f64 / r.wall.as_secs_f64(),
            r.cpu.as_secs_f64(),
            r.connections,
            r.threads,
            r.max_rss_kib as f64 / 1024.0
        );
    }
    println!();
    let rss = one.max_rss_kib as f64 / 1024.0;
    println!(
        "| target | measured | |\n|---|---:|---|\n| peak memory of one process ≤ 20 MiB | {rss:.1} MiB | {} |\n| connections ≤ 16 | {} | {} |\n| threads ≤ 18 | {} | {} |",
        if rss <= 20.0 { "met" } else { "MISSED" },
        one.connections,
        if one.connections <= 16 {
            "met"
        } else {
            "MISSED"
        },
        one.threads,
        if one.threads <= 18 { "met" } else { "MISSED" },
    );
}
