//! Usage errors (exit 2): clap's own message on stderr, nothing on stdout
//! (the arguments never parsed, so not even in json mode).

use crate::support::*;

fn usage_error(args: &[&str], says: &str) {
    let home = Home::new();
    let r = run(home.dts_with_keys().args(args));
    assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
    assert_eq!(r.stdout, "", "{args:?}");
    assert!(r.stderr.starts_with("error: "), "{args:?}: {}", r.stderr);
    assert!(r.stderr.contains(says), "{args:?}: {}", r.stderr);
}

#[test]
fn empty_job_id() {
    usage_error(
        &["-o", "json", "suspend", "--job-id", ""],
        "must not be empty",
    );
    usage_error(&["suspend", "-j", "  "], "must not be empty");
}

#[test]
fn missing_job_id() {
    // dts's own check (clap cannot: --all may stand for the ids).
    let home = Home::new();
    for (args, says) in [
        (
            &["suspend"][..],
            "give the job with --job-id ID (or every job a listing selects with --all)",
        ),
        (&["status"][..], "give the job with --job-id ID"),
        (
            &["suspend", "--all", "-j", "x"][..],
            "give --job-id or --all, not both",
        ),
        (
            &["suspend", "-j", "x", "--status", "running"][..],
            "--yes, --type, --status, --name, --tag and --limit need --all",
        ),
        (
            &[
                "suspend",
                "-j",
                "x",
                "-r",
                "cn-hangzhou",
                "-r",
                "cn-beijing",
            ][..],
            "several --region need --all",
        ),
    ] {
        let r = run(home
            .dts_with_keys()
            .env("DTS_ENDPOINT", "http://127.0.0.1:9")
            .args(args));
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert_eq!(r.stderr, format!("dts: error: {says}\n"), "{args:?}");
    }
}

#[test]
fn unknown_direction() {
    usage_error(
        &["suspend", "-j", "x", "-d", "sideways"],
        "possible values: forward, reverse",
    );
}

#[test]
fn malformed_region() {
    usage_error(
        &["suspend", "-j", "x", "-r", "CN-Hangzhou"],
        "is not a region id",
    );
    usage_error(
        &["suspend", "-j", "x", "-r", "cn_hangzhou"],
        "is not a region id",
    );
}

#[test]
fn malformed_endpoint() {
    usage_error(
        &["suspend", "-j", "x", "--endpoint", "ftp://host"],
        "not http or https",
    );
    usage_error(
        &["suspend", "-j", "x", "--endpoint", "https://host/api"],
        "the path must be /",
    );
}

#[test]
fn malformed_timeout_and_retries() {
    usage_error(
        &["suspend", "-j", "x", "--timeout", "-1"],
        "positive number of seconds",
    );
    usage_error(
        &["suspend", "-j", "x", "--timeout", "soon"],
        "not a number of seconds",
    );
    usage_error(&["suspend", "-j", "x", "--retries", "-1"], "--retries");
}

#[test]
fn malformed_output() {
    usage_error(
        &["-o", "xml", "suspend", "-j", "x"],
        "possible values: table, json",
    );
}
