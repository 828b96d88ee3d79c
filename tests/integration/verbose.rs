//! `--verbose`: where each setting came from and each attempt, on stderr,
//! redacted; stdout unchanged.

use crate::fault_server::{Fault, FaultServer};
use crate::support::*;

#[test]
fn verbose_names_each_source_and_each_attempt() {
    let home = Home::new();
    let path = home.write_config("[default]\nregion = \"cn-beijing\"\ntimeout = 4\n");
    let s = FaultServer::start(vec![
        Fault::answer(
            503,
            &[("Retry-After", "0.01")],
            br#"{"Code":"ServiceUnavailable","Message":"x"}"#,
        ),
        Fault::answer(200, &[], OK_BODY.as_bytes()),
    ]);
    let r = run(home
        .dts_with_keys()
        .env("ALIBABA_CLOUD_SECURITY_TOKEN", "CAISverboseTOKEN")
        .env("DTS_RETRIES", "2")
        .args(["-v", "suspend", "-j", "j1", "--endpoint", &s.url()]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("JOB ID"), "{}", r.stdout);
    let p = path.display();
    let want = [
        format!("dts: verbose: config file {p}"),
        format!(
            "dts: verbose: credentials from the environment (ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET): AccessKeyId {KEY_ID}, SecurityToken CAIS***"
        ),
        format!("dts: verbose: region cn-beijing (from profile 'default' in {p})"),
        format!("dts: verbose: endpoint {}/ (from --endpoint)", s.url()),
        format!("dts: verbose: timeout 4 s (from profile 'default' in {p})"),
        "dts: verbose: retries 2 (from DTS_RETRIES)".to_string(),
        "dts: verbose: rate 10 calls/s (default)".to_string(),
        "dts: verbose: output table (from default)".to_string(),
        format!("dts: verbose: POST {}/ (SuspendDtsJob)", s.url()),
    ];
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(&lines[..want.len()], want, "{}", r.stderr);
    let rest = &lines[want.len()..];
    assert_eq!(rest.len(), 2, "{}", r.stderr);
    assert!(
        rest[0].starts_with(
            "dts: verbose: attempt 1 of at most 3: HTTP 503: ServiceUnavailable: x in "
        ),
        "{}",
        rest[0]
    );
    assert!(rest[0].ends_with("; retrying in 0.01 s"), "{}", rest[0]);
    assert!(
        rest[1].starts_with("dts: verbose: attempt 2 of at most 3: HTTP 200 in "),
        "{}",
        rest[1]
    );
    assert!(!r.stderr.contains("verboseTOKEN") && !r.stderr.contains(SECRET));
}

#[test]
fn verbose_shows_the_signed_string_after_a_signature_mismatch_without_the_token() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let _m = gw.answer_any(
        400,
        r#"{"RequestId":"R","Code":"SignatureDoesNotMatch","Message":"Specified signature is not matched with our calculation."}"#,
    );
    let r = run(home
        .dts_with_keys()
        .env("ALIBABA_CLOUD_SECURITY_TOKEN", "CAIS+verbose/TOKEN")
        .args(["-v", "suspend", "-j", "j1", "--endpoint", &gw.url()]));
    assert_eq!(r.code, 4);
    let line = r
        .stderr
        .lines()
        .find(|l| l.starts_with("dts: verbose: dts signed this string: POST&%2F&AccessKeyId%3D"))
        .unwrap_or_else(|| panic!("{}", r.stderr));
    assert!(line.contains("SecurityToken%3DCAIS***%26"), "{line}");
    assert!(
        !r.stderr.contains("verbose%252FTOKEN") && !r.stderr.contains("TOKEN"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("--verbose shows the string dts signed"));
}

#[test]
fn without_verbose_stderr_stays_empty_on_success() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let _m = gw.answer_any(200, OK_BODY);
    let r = run(home
        .dts_with_keys()
        .args(["suspend", "-j", "j1", "--endpoint", &gw.url()]));
    assert_eq!(r.code, 0);
    assert_eq!(r.stderr, "");
}
