//! The README shows what dts really prints: each sample marked
//! `<!-- sample: NAME -->` is compared with the binary's output.

use std::path::Path;

use crate::fault_server::{Fault, FaultServer};
use crate::support::*;

/// The indented block after `<!-- sample: NAME -->`, unindented.
pub fn sample(name: &str) -> String {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let marker = format!("<!-- sample: {name} -->\n");
    let after = readme
        .split_once(&marker)
        .unwrap_or_else(|| panic!("no sample {name} in README.md"))
        .1;
    let mut lines: Vec<&str> = Vec::new();
    for line in after.lines() {
        match line.strip_prefix("    ") {
            Some(rest) => lines.push(rest),
            None if line.is_empty() => lines.push(""),
            None => break,
        }
    }
    while lines.last() == Some(&"") {
        lines.pop();
    }
    lines.iter().map(|l| format!("{l}\n")).collect()
}

#[test]
fn the_no_credentials_sample_is_what_dts_prints() {
    let home = Home::new();
    let r = run(home.dts().env("DTS_ENDPOINT", "http://127.0.0.1:9").args([
        "suspend",
        "--job-id",
        "l3m1213ye7lb2c9",
    ]));
    assert_eq!(r.code, 3);
    let shown = r.stderr.replace(&path_str(home.dir.path()), "/home/you");
    assert_eq!(shown, sample("no-credentials"));
}

/// `text` with the values that change every run replaced by names.
fn steady(text: &str) -> String {
    let mut out = text.to_string();
    for key in ["Signature", "SignatureNonce", "Timestamp"] {
        let value = text
            .lines()
            .find_map(|l| {
                let mut cells = l.split_whitespace();
                (cells.next() == Some(key)).then(|| cells.next().unwrap().to_string())
            })
            .unwrap_or_else(|| panic!("no {key} in {text}"));
        let placeholder = format!("<{key}:{}>", value.len());
        out = out
            .replace(&encode(&value), &placeholder)
            .replace(&value, &placeholder);
    }
    out
}

#[test]
fn the_dry_run_sample_is_what_dts_prints() {
    let home = Home::new();
    let r = run(home
        .dts()
        .env("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tExampleKeyId")
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET)
        .args([
            "--dry-run",
            "suspend",
            "--job-id",
            "l3m1213ye7lb2c9",
            "--region",
            "cn-hangzhou",
        ]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(steady(&r.stdout), steady(&sample("dry-run")));
}

#[test]
fn the_attempts_sample_is_what_dts_prints() {
    let s = FaultServer::start(vec![Fault::answer(
        400,
        &[("Retry-After", "0.1")],
        br#"{"RequestId":"R6","Code":"Throttling.User","Message":"Request was denied due to user flow control."}"#,
    )]);
    let home = Home::new();
    let r = run(home.dts_with_keys().args([
        "--retries",
        "2",
        "suspend",
        "-j",
        "j1",
        "--endpoint",
        &s.url(),
    ]));
    assert_eq!(r.code, 6);
    assert_eq!(r.stderr, sample("attempts"));
}
