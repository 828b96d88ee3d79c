//! The fleet benchmark behind `bench/run`: 1,000 jobs paused with
//! `--parallel 16` by one dts process, beside the same work done by 1,000
//! separate dts processes (`xargs -P 16`), against the fake endpoint adding
//! 50 ms to each answer, over http and over https (a private CA trusted
//! through `SSL_CERT_FILE`, as a real endpoint's would be through the
//! system store). It reports wall time, calls a second, connections (over
//! https, TLS handshakes), threads and peak memory.
//!
//!     fleet_bench --dts PATH --fake PATH [--jobs N]

// The ban on the ambient clock (clippy.toml) guards dts's own code; the
// benchmark measures with the real one.
#![allow(clippy::disallowed_methods)]

use std::io::{BufRead, BufReader, Write};
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
    let ids: String = (0..jobs).map(|i| format!("job{i:04}\n")).collect();
    let scratch = std::env::temp_dir().join(format!("dts-fleet-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).expect("a scratch folder");
    let ca = scratch.join("ca.pem").display().to_string();
    for tls in [false, true] {
        let mut server = start(&fake, tls.then_some(ca.as_str()));
        let url = server.1.clone();
        let mut env = vec![
            ("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIbenchmarkkeyid"),
            (
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
                "benchmark-secret-not-real",
            ),
            ("PATH", "/usr/local/bin:/usr/bin:/bin"),
            ("HOME", "/nonexistent"),
        ];
        if tls {
            env.push(("SSL_CERT_FILE", ca.as_str()));
        }
        let stats_of = |url: &str| stats(url, tls.then_some(ca.as_str()));
        let one = run(
            &stats_of,
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
            &stats_of,
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
        let _ = server.0.kill();
        let _ = server.0.wait();
        report(jobs, if tls { "https" } else { "http" }, &one, &many);
    }
    let _ = std::fs::remove_dir_all(&scratch);
}

/// Starts the fake (over https with `tls_ca`); returns it and its URL.
fn start(fake: &str, tls_ca: Option<&str>) -> (std::process::Child, String) {
    let mut args = vec![
        "--seconds",
        "600",
        "--delay-ms",
        "50",
        "--max-requests",
        "100000",
    ];
    if let Some(ca) = tls_ca {
        args.extend(["--tls-ca", ca]);
    }
    let mut server = Command::new(fake)
        .args(&args)
        .stdout(Stdio::piped())
        .spawn()
        .expect("the fake endpoint starts");
    let mut url = String::new();
    BufReader::new(server.stdout.take().expect("stdout"))
        .read_line(&mut url)
        .expect("its URL");
    (server, url.trim().to_string())
}

/// Runs `command` with `ids` on stdin; measures it and counts what the
/// fake saw.
#[allow(clippy::zombie_processes)] // reaped by wait4 below
fn run(
    stats: &dyn Fn(&str) -> (usize, usize),
    url: &str,
    command: &[&str],
    env: &[(&str, &str)],
    ids: &str,
) -> Run {
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

/// The fake's connections and requests so far (over https with `ca`).
fn stats(url: &str, ca: Option<&str>) -> (usize, usize) {
    let mut tls = ureq::tls::TlsConfig::builder();
    if let Some(ca) = ca {
        let pem = std::fs::read(ca).expect("the CA");
        let cert = ureq::tls::Certificate::from_pem(&pem).expect("a PEM certificate");
        tls = tls.root_certs(ureq::tls::RootCerts::Specific(std::sync::Arc::new(vec![
            cert,
        ])));
    }
    let agent = ureq::Agent::config_builder()
        .tls_config(tls.build())
        .build()
        .new_agent();
    let text = agent
        .get(&format!("{url}/stats"))
        .header("Connection", "close")
        .call()
        .expect("the fake's stats")
        .body_mut()
        .read_to_string()
        .expect("its stats");
    let number = |key: &str| -> usize {
        text.split(&format!("\"{key}\":"))
            .nth(1)
            .and_then(|r| r.split([',', '}']).next())
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or(0)
    };
    (number("connections"), number("requests"))
}

fn report(jobs: usize, scheme: &str, one: &Run, many: &Run) {
    println!();
    println!(
        "## Fleet: {jobs} jobs paused at --parallel 16, the fake adding 50 ms an answer ({scheme})"
    );
    println!();
    let conns = if scheme == "https" {
        "connections (TLS handshakes)"
    } else {
        "connections"
    };
    println!("| | wall | calls/s | CPU | {conns} | threads (most) | peak RSS |");
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
