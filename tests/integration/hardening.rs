//! Regression tests for the defects an adversarial review and a newcomer's
//! first hour found (issue 9), one test named after each defect, all
//! through the binary.

use crate::support::*;

const TOKEN: &str = "CAIStokenSENTINEL+/=";

fn with_token(home: &Home) -> assert_cmd::Command {
    let mut cmd = home.dts_with_keys();
    cmd.env("ALIBABA_CLOUD_SECURITY_TOKEN", TOKEN);
    cmd
}

/// The token's tail, which no output may show in any form.
fn assert_no_token(r: &Run) {
    for text in [&r.stdout, &r.stderr] {
        let lower = text.to_ascii_lowercase();
        assert!(!lower.contains("tokensentinel"), "token shown: {text}");
    }
}

#[test]
fn a_token_echoed_as_a_json_key_is_masked() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let body = format!(
        r#"{{"RequestId":"R","Success":false,"ErrCode":"InvalidParameter","ErrMessage":"x","Echo":{{"{TOKEN}":"{TOKEN}"}}}}"#
    );
    let _m = gw.answer_any(400, &body);
    let r =
        run(with_token(&home).args(["-o", "json", "suspend", "-j", "j1", "--endpoint", &gw.url()]));
    assert_eq!(r.code, 5, "{}", r.stderr);
    assert_no_token(&r);
    let object = one_json_object(&r.stdout);
    assert_eq!(
        object["Echo"],
        serde_json::json!({"CAIS***": "CAIS***"}),
        "{}",
        r.stdout
    );
}

#[test]
fn a_token_encoded_three_times_or_in_lower_case_hex_is_masked() {
    let home = Home::new();
    let thrice = TOKEN
        .replace('+', "%25252B")
        .replace('/', "%25252F")
        .replace('=', "%25253D");
    let lower = TOKEN
        .replace('+', "%2b")
        .replace('/', "%2f")
        .replace('=', "%3d");
    let mut gw = Gateway::new();
    let body = format!(
        r#"{{"RequestId":"R","Code":"SignatureDoesNotMatch","Message":"server string to sign: {lower}","Recommend":"https://api.aliyun.com/troubleshoot?q={thrice}"}}"#
    );
    let _m = gw.answer_any(400, &body);
    for mode in [&["-o", "json"][..], &["-v"][..]] {
        let r = run(with_token(&home).args(mode).args([
            "suspend",
            "-j",
            "j1",
            "--endpoint",
            &gw.url(),
        ]));
        assert_eq!(r.code, 4, "{}", r.stderr);
        assert_no_token(&r);
    }
}

#[test]
fn a_token_shorter_than_eight_characters_is_masked() {
    let home = Home::new();
    let short = "Sh0rt+";
    let mut gw = Gateway::new();
    let body = format!(
        r#"{{"RequestId":"R","Code":"InvalidSecurityToken.Expired","Message":"token {short} and Sh0rt%2B expired"}}"#
    );
    let _m = gw.answer_any(403, &body);
    let r = run(home
        .dts_with_keys()
        .env("ALIBABA_CLOUD_SECURITY_TOKEN", short)
        .args(["-o", "json", "suspend", "-j", "j1", "--endpoint", &gw.url()]));
    assert_eq!(r.code, 4, "{}", r.stderr);
    for text in [&r.stdout, &r.stderr] {
        assert!(!text.contains("Sh0rt"), "{text}");
        assert!(text.contains("Sh0***"), "{text}");
    }
}

#[test]
fn a_redirect_with_a_json_body_is_exit_9_not_5() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let _m = gw.answer_any(302, r#"{"Code":"Found","Message":"elsewhere"}"#);
    let r = run(home
        .dts_with_keys()
        .args(["suspend", "-j", "j1", "--endpoint", &gw.url()]));
    assert_eq!(r.code, 9, "{}", r.stderr);
    assert!(r.stderr.contains("HTTP 302, a redirect"), "{}", r.stderr);
}

#[test]
fn invalid_job_status_with_http_403_is_exit_5_not_4() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let _m = gw.answer_any(
        403,
        r#"{"RequestId":"R","Success":false,"ErrCode":"InvalidJobStatus","ErrMessage":"the job is not running"}"#,
    );
    let r = run(home.dts_with_keys().args([
        "--retries",
        "0",
        "suspend",
        "-j",
        "j1",
        "--endpoint",
        &gw.url(),
    ]));
    assert_eq!(r.code, 5, "{}", r.stderr);
    assert!(!r.stderr.contains("access key"), "{}", r.stderr);
}
