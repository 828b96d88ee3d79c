//! No secret is ever printed: every output mode against every outcome,
//! configuration errors included, with sentinel values for the
//! AccessKeySecret and the SecurityToken.

use crate::support::*;

const S_SECRET: &str = "SENTINELsecretQ7x9Zk2";
const S_TOKEN: &str = "SENTINELtokenW4v8Yh3+/=";

/// Parts of the sentinels that must never appear (the token's first four
/// characters may, as its preview).
const FORBIDDEN: &[&str] = &[
    "secretQ7x9Zk2",
    "tokenW4v8Yh3",
    "tokenW4v8Yh3%2B",
    "tokenW4v8Yh3%252B",
];

fn assert_clean(what: &str, r: &Run) {
    for f in FORBIDDEN {
        assert!(
            !r.stdout.contains(f),
            "{what}: stdout shows {f}: {}",
            r.stdout
        );
        assert!(
            !r.stderr.contains(f),
            "{what}: stderr shows {f}: {}",
            r.stderr
        );
    }
}

/// Gateway answers that quote the token back, as real ones may.
fn answers() -> Vec<(&'static str, usize, String)> {
    let twice = S_TOKEN
        .replace('+', "%252B")
        .replace('/', "%252F")
        .replace('=', "%253D");
    vec![
        ("success", 200, OK_BODY.to_string()),
        (
            "signature mismatch",
            400,
            format!(
                r#"{{"RequestId":"R","Code":"SignatureDoesNotMatch","Message":"Specified signature is not matched with our calculation. server string to sign is:POST&%2F&AccessKeyId%3D{KEY_ID}%26SecurityToken%3D{twice}"}}"#
            ),
        ),
        (
            "expired token",
            403,
            format!(
                r#"{{"RequestId":"R","Code":"InvalidSecurityToken.Expired","Message":"Specified SecurityToken {S_TOKEN} is expired."}}"#
            ),
        ),
        (
            "rejected",
            400,
            r#"{"RequestId":"R","Success":false,"ErrCode":"InvalidParameter","ErrMessage":"%s","DynamicMessage":"DtsJobId"}"#
                .into(),
        ),
        ("throttled", 400, r#"{"Code":"Throttling.User","Message":"x"}"#.into()),
        ("html 502", 502, "<html>bad gateway</html>".into()),
        ("html 200", 200, "<html>ok</html>".into()),
    ]
}

fn modes() -> [&'static [&'static str]; 3] {
    [&["-o", "table"], &["-o", "json"], &["-q", "-o", "json"]]
}

#[test]
fn no_outcome_prints_secrets_with_environment_credentials() {
    let home = Home::new();
    for (what, status, body) in answers() {
        let mut gw = Gateway::new();
        let _m = gw.answer_any(status, &body);
        for mode in modes() {
            let r = run(home
                .dts()
                .env("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID)
                .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", S_SECRET)
                .env("ALIBABA_CLOUD_SECURITY_TOKEN", S_TOKEN)
                .args(mode)
                .args([
                    "--retries",
                    "0",
                    "suspend",
                    "-j",
                    "j1",
                    "--endpoint",
                    &gw.url(),
                ]));
            assert_clean(&format!("{what} {mode:?}"), &r);
        }
    }
    // The network failure, too.
    let r = run(home
        .dts()
        .env("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID)
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", S_SECRET)
        .env("ALIBABA_CLOUD_SECURITY_TOKEN", S_TOKEN)
        .args(["-o", "json", "--retries", "0", "suspend", "-j", "j1"])
        .args(["--endpoint", &format!("http://127.0.0.1:{}", closed_port())]));
    assert_eq!(r.code, 8);
    assert_clean("network", &r);
}

#[test]
fn the_token_quoted_back_is_masked_to_its_preview() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let (_, status, body) = answers().remove(2);
    let _m = gw.answer_any(status, &body);
    let r = run(home
        .dts()
        .env("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID)
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", S_SECRET)
        .env("ALIBABA_CLOUD_SECURITY_TOKEN", S_TOKEN)
        .args(["-o", "json", "suspend", "-j", "j1", "--endpoint", &gw.url()]));
    assert_eq!(r.code, 4);
    let o = one_json_object(&r.stdout);
    assert_eq!(o["Message"], "Specified SecurityToken SENT*** is expired.");
    assert!(
        r.stderr.contains("SecurityToken SENT*** is expired"),
        "{}",
        r.stderr
    );
}

#[test]
fn no_outcome_prints_secrets_with_profile_credentials() {
    for (what, status, body) in answers() {
        let home = Home::new();
        let mut gw = Gateway::new();
        home.write_config(&format!(
            "[default]\naccess_key_id = \"{KEY_ID}\"\naccess_key_secret = \"{S_SECRET}\"\nsecurity_token = \"{S_TOKEN}\"\nendpoint = \"{}\"\n",
            gw.url()
        ));
        let _m = gw.answer_any(status, &body);
        for mode in modes() {
            let r = run(home
                .dts()
                .args(mode)
                .args(["--retries", "0", "suspend", "-j", "j1"]));
            assert_clean(&format!("{what} {mode:?}"), &r);
        }
    }
}

#[test]
fn configuration_errors_never_print_secrets() {
    let files = [
        // A syntax error on the line holding the secret.
        format!("[default]\naccess_key_id = \"a\"\naccess_key_secret = \"{S_SECRET}\nregion = 1\n"),
        format!("[default]\naccess_key_secret = \"{S_SECRET}\" junk\n"),
        // Wrong types.
        format!("[default]\naccess_key_id = \"a\"\naccess_key_secret = [\"{S_SECRET}\"]\n"),
        format!(
            "[default]\naccess_key_id = \"a\"\naccess_key_secret = \"{S_SECRET}\"\nsecurity_token = {{ t = \"{S_TOKEN}\" }}\n"
        ),
        // Half a pair; a bad region beside the secrets.
        format!("[default]\naccess_key_secret = \"{S_SECRET}\"\nsecurity_token = \"{S_TOKEN}\"\n"),
        format!(
            "[default]\naccess_key_id = \"a\"\naccess_key_secret = \"{S_SECRET}\"\nregion = \"Bad Region\"\n"
        ),
    ];
    for (i, text) in files.iter().enumerate() {
        let home = Home::new();
        home.write_config(text);
        for mode in modes() {
            let r = run(home.dts().args(mode).args(["suspend", "-j", "j1"]));
            assert_eq!(r.code, 3, "file {i}: {}", r.stderr);
            assert_clean(&format!("file {i} {mode:?}"), &r);
        }
    }
    // Half a pair in the environment, with a token.
    let home = Home::new();
    let r = run(home
        .dts()
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", S_SECRET)
        .env("ALIBABA_CLOUD_SECURITY_TOKEN", S_TOKEN)
        .args(["-o", "json", "suspend", "-j", "j1"]));
    assert_eq!(r.code, 3);
    assert_clean("half pair", &r);
}

#[test]
fn resume_status_wait_and_several_jobs_never_print_secrets() {
    let home = Home::new();
    let echo = format!(
        r#"{{"RequestId":"R","Success":true,"Status":"Suspending","Note":"token {S_TOKEN} secret {S_SECRET}"}}"#
    );
    let mut gw = Gateway::new();
    let _m = gw.answer_any(200, &echo);
    let commands: [&[&str]; 5] = [
        &["resume", "-j", "j1"],
        &["status", "-j", "j1"],
        &["suspend", "-j", "j1", "--wait", "--poll-interval", "0.01"],
        &["suspend", "-j", "a", "-j", "b"],
        &["--dry-run", "status", "-j", "a", "-j", "b"],
    ];
    for command in commands {
        for mode in modes() {
            let r = run(home
                .dts()
                .env("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID)
                .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", S_SECRET)
                .env("ALIBABA_CLOUD_SECURITY_TOKEN", S_TOKEN)
                .args(mode)
                .args(["-v", "--endpoint", &gw.url()])
                .args(command));
            assert_eq!(r.code, 0, "{command:?} {mode:?}: {}", r.stderr);
            assert_clean(&format!("{command:?} {mode:?}"), &r);
        }
    }
}
