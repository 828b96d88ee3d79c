//! Hostile networks and answers through the real binary, using the fault
//! server: resets, stalls, trickles, oversized and garbage bodies, DNS and
//! TLS failures, retries, and Ctrl-C. dts must end with the right code and
//! a clear message, never a panic, and never exit 0 without
//! `"Success": true`.

use std::time::{Duration, Instant};

use crate::fault_server::{Fault, FaultServer};
use crate::support::*;

const OK_JSON: &[u8] = br#"{"RequestId":"R","Success":true}"#;

/// Runs `dts -o json suspend` against `url` with extra global args, and
/// checks the shared rules: no panic, one JSON object, the expected code.
fn expect(url: &str, extra: &[&str], code: i32) -> Run {
    let home = Home::new();
    let mut args = vec!["-o", "json"];
    args.extend_from_slice(extra);
    args.extend(["suspend", "-j", "j1", "--endpoint", url]);
    let r = run(home.dts_with_keys().args(&args));
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    assert_eq!(r.code, code, "stderr: {}", r.stderr);
    one_json_object(&r.stdout);
    // Any retry notes, then the error.
    let first = r
        .stderr
        .lines()
        .find(|l| !(l.starts_with("dts: attempt ") && l.contains("; retrying in ")));
    assert!(
        first.is_some_and(|l| l.starts_with("dts: error: ")),
        "{}",
        r.stderr
    );
    r
}

#[test]
fn reset_before_the_headers_is_a_network_error_and_is_retried() {
    let s = FaultServer::start(vec![Fault::ResetBeforeHeaders]);
    let r = expect(&s.url(), &["--retries", "1"], 8);
    assert!(
        r.stderr.contains("reset") || r.stderr.contains("closed"),
        "{}",
        r.stderr
    );
    // Two attempts, then (their answers lost) one check of the outcome,
    // which fails too.
    assert_eq!(s.connections(), 3);
    assert!(
        r.stderr
            .contains("an attempt's answer was lost, and checking the outcome failed too"),
        "{}",
        r.stderr
    );
}

#[test]
fn reset_after_the_headers_is_a_network_error() {
    let s = FaultServer::start(vec![Fault::ResetAfterHeaders]);
    expect(&s.url(), &["--retries", "0"], 8);
}

#[test]
fn a_body_shorter_than_its_content_length_is_a_network_error() {
    let s = FaultServer::start(vec![Fault::cut_short(br#"{"RequestId":"R","Succ"#, 200)]);
    let r = expect(&s.url(), &["--retries", "0"], 8);
    assert!(r.stderr.contains("closed the connection"), "{}", r.stderr);
}

#[test]
fn a_complete_but_cut_off_json_body_is_a_bad_response() {
    let s = FaultServer::start(vec![Fault::answer(
        200,
        &[],
        br#"{"RequestId":"R","Success":tr"#,
    )]);
    let r = expect(&s.url(), &[], 9);
    assert!(r.stderr.contains("JSON cut short"), "{}", r.stderr);
    assert_eq!(s.connections(), 1, "bad responses are not retried");
}

#[test]
fn non_utf8_bytes_are_a_bad_response() {
    let s = FaultServer::start(vec![Fault::answer(200, &[], b"{\"Success\":\xff\xfe}")]);
    let r = expect(&s.url(), &[], 9);
    assert!(r.stderr.contains("not UTF-8"), "{}", r.stderr);
}

#[test]
fn garbage_instead_of_http_is_a_bad_response() {
    let s = FaultServer::start(vec![Fault::Raw(b"\x16\x03\x01garbage\r\n\r\n".to_vec())]);
    expect(&s.url(), &["--retries", "0"], 9);
}

#[test]
fn html_pages_with_502_and_with_200() {
    let s = FaultServer::start(vec![Fault::answer(
        502,
        &[],
        b"<html><h1>502 Bad Gateway</h1></html>",
    )]);
    let r = expect(&s.url(), &["--retries", "0"], 7);
    assert!(
        r.stderr
            .contains("HTTP 502 Bad Gateway with an HTML or XML page"),
        "{}",
        r.stderr
    );
    let s = FaultServer::start(vec![Fault::answer(200, &[], b"<html>maintenance</html>")]);
    expect(&s.url(), &[], 9);
}

#[test]
fn a_trickling_body_is_cut_off_by_the_timeout() {
    let s = FaultServer::start(vec![Fault::Trickle {
        body: OK_JSON.to_vec(),
        every: Duration::from_millis(300),
    }]);
    let start = Instant::now();
    let r = expect(&s.url(), &["--timeout", "1", "--retries", "0"], 8);
    assert!(r.stdout.contains("Cli.Timeout"), "{}", r.stdout);
    // The whole body would take ~10 s; the 1 s limit must cut it off long
    // before (a generous bound, not a timing measurement).
    assert!(
        start.elapsed() < Duration::from_secs(7),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn a_64_mib_body_ends_in_exit_9_with_little_memory() {
    for chunked in [false, true] {
        let s = FaultServer::start(vec![Fault::Oversized {
            size: 64 << 20,
            chunked,
        }]);
        let home = Home::new();
        // The same hermetic environment, run under examples/maxrss.rs.
        let mut cmd = home.dts_with_keys();
        let cmd = cmd_under(&mut cmd, &maxrss_program()).args([
            "-o",
            "json",
            "suspend",
            "-j",
            "j1",
            "--endpoint",
            &s.url(),
        ]);
        let r = run(cmd);
        assert_eq!(r.code, 9, "chunked={chunked}: {}", r.stderr);
        assert!(r.stdout.contains("Cli.InvalidResponse"), "{}", r.stdout);
        assert!(r.stderr.contains("larger than 1 MiB"), "{}", r.stderr);
        let kib: u64 = r
            .stderr
            .lines()
            .find_map(|l| l.strip_prefix("maxrss_kib="))
            .expect("maxrss figure")
            .parse()
            .unwrap();
        // The body is 64 MiB; dts reads at most 1 MiB of it. The figure
        // (under 10 MiB for a debug build here) shows with --nocapture.
        eprintln!("peak RSS with a 64 MiB body (chunked={chunked}): {kib} KiB");
        assert!(kib < 24 * 1024, "peak RSS {kib} KiB");
    }
}

/// `examples/maxrss`, which cargo builds for the tests.
pub fn maxrss_program() -> std::path::PathBuf {
    let exe = std::env::current_exe().unwrap();
    let target = exe.parent().unwrap().parent().unwrap();
    let path = target.join("examples").join("maxrss");
    assert!(
        path.exists(),
        "{} is missing: cargo test builds it",
        path.display()
    );
    path
}

/// Turns a prepared `dts` command into `wrapper dts ...`, keeping its
/// (cleared and set) environment.
pub fn cmd_under<'a>(
    cmd: &'a mut assert_cmd::Command,
    wrapper: &std::path::Path,
) -> &'a mut assert_cmd::Command {
    let dts = cmd.get_program().to_owned();
    let envs: Vec<(std::ffi::OsString, std::ffi::OsString)> = cmd
        .get_envs()
        .filter_map(|(k, v)| Some((k.to_owned(), v?.to_owned())))
        .collect();
    let mut wrapped = assert_cmd::Command::new(wrapper);
    wrapped.env_clear().envs(envs).arg(dts);
    *cmd = wrapped;
    cmd
}

#[test]
fn a_name_that_does_not_resolve_is_a_network_error() {
    // A 64-character label is refused by the resolver itself, so no
    // packet leaves the machine.
    let host = format!("https://{}.invalid", "a".repeat(64));
    let r = expect(&host, &["--retries", "0"], 8);
    assert!(r.stderr.contains("cannot resolve host"), "{}", r.stderr);
}

#[test]
fn a_tls_handshake_failure_says_tls() {
    let s = FaultServer::start(vec![Fault::Immediate(
        b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".to_vec(),
    )]);
    let url = format!("https://{}", s.addr);
    let r = expect(&url, &["--retries", "0"], 8);
    assert!(r.stderr.contains("TLS"), "{}", r.stderr);
}

#[test]
fn service_errors_are_retried_until_success() {
    let s = FaultServer::start(vec![
        Fault::answer(
            503,
            &[("Retry-After", "0.1")],
            br#"{"Code":"ServiceUnavailable","Message":"x"}"#,
        ),
        Fault::answer(
            400,
            &[("x-acs-retry-after", "0.1")],
            br#"{"Code":"Throttling.User","Message":"x"}"#,
        ),
        Fault::answer(200, &[], OK_JSON),
    ]);
    let home = Home::new();
    let start = Instant::now();
    let r = run(home
        .dts_with_keys()
        .args(["suspend", "-j", "j1", "--endpoint", &s.url()]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Each retry is announced (a slow endpoint is not silence).
    assert_eq!(
        r.stderr,
        "dts: attempt 1 of at most 4 failed: ServiceUnavailable: x; retrying in 0.1 s\n\
         dts: attempt 2 of at most 4 failed: Throttling.User: x; retrying in 0.1 s\n"
    );
    assert_eq!(s.connections(), 3);
    // Two waits of 0.1 s each were honoured (sleep never ends early).
    assert!(start.elapsed() >= Duration::from_millis(200));
    // Every attempt was signed afresh: three different nonces.
    let nonces: std::collections::BTreeSet<String> = s
        .requests()
        .iter()
        .map(|line| {
            let q = line.split(' ').nth(1).unwrap().split_once('?').unwrap().1;
            parse_query(q).unwrap()["SignatureNonce"].clone()
        })
        .collect();
    assert_eq!(nonces.len(), 3);
}

#[test]
fn throttling_that_persists_ends_in_exit_6_naming_the_attempts() {
    let s = FaultServer::start(vec![Fault::answer(
        400,
        &[("Retry-After", "0.05")],
        br#"{"RequestId":"R6","Code":"Throttling.User","Message":"Request was denied due to user flow control."}"#,
    )]);
    let r = expect(&s.url(), &["--retries", "2"], 6);
    assert_eq!(s.connections(), 3);
    assert!(r.stderr.contains("3 attempts made"), "{}", r.stderr);
}

#[test]
fn ctrl_c_during_a_retry_wait_exits_130_promptly() {
    let s = FaultServer::start(vec![Fault::answer(
        503,
        &[("Retry-After", "30")],
        br#"{"Code":"ServiceUnavailable","Message":"x"}"#,
    )]);
    let home = Home::new();
    let child = home.spawn_with_keys(
        &["-o", "json", "suspend", "-j", "j1", "--endpoint", &s.url()],
        &[],
    );
    s.wait_for(1);
    std::thread::sleep(Duration::from_millis(200));
    let start = Instant::now();
    let out = interrupt(child);
    assert_eq!(out.status.code(), Some(130));
    assert!(start.elapsed() < Duration::from_secs(10));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(one_json_object(&stdout)["ErrCode"], "Cli.Interrupted");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "dts: attempt 1 of at most 4 failed: ServiceUnavailable: x; retrying in 30.0 s\n\
         dts: error: interrupted\n"
    );
    assert_eq!(s.connections(), 1, "no retry after Ctrl-C");
}
