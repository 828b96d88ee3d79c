//! The other providers through the binary: OIDC (RRSA) at a fake STS, a
//! credentials URI, an external process, and the CloudSSO and OAuth logins
//! of the aliyun CLI.

use std::os::unix::fs::PermissionsExt;

use mockito::Matcher;

use crate::support::*;

const ROLE: &str = "acs:ram::123456789:role/pod-role";
const PROVIDER: &str = "acs:ram::123456789:oidc-provider/ack-rrsa";
const ID: &str = "STS.providedid";
const SECRET_: &str = "provided-secret-SENTINEL";
const TOKEN: &str = "CAISprovidedTOKEN";

fn in_an_hour() -> String {
    (time::OffsetDateTime::now_utc() + time::Duration::hours(1))
        .replace_nanosecond(0)
        .unwrap()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap()
}

fn keys_json() -> String {
    format!(
        r#"{{"AccessKeyId":"{ID}","AccessKeySecret":"{SECRET_}","SecurityToken":"{TOKEN}","Expiration":"{}"}}"#,
        in_an_hour()
    )
}

/// The DTS gateway, expecting the provided keys and token.
fn dts_with_provided_keys(gw: &mut Gateway) -> mockito::Mock {
    gw.answer(
        Expect::suspend(&[("SecurityToken", TOKEN)]).keys(ID, SECRET_),
        200,
        OK_BODY,
    )
}

#[test]
fn oidc_in_the_environment_assumes_the_role_unsigned_with_the_token_read_afresh() {
    let home = Home::new();
    let token_file = home.dir.path().join("token");
    let mut sts = mockito::Server::new();
    let mut dts = Gateway::new();
    let called = dts_with_provided_keys(&mut dts).expect(2);
    for oidc_token in ["eyJ-first-token", "eyJ-second-token"] {
        std::fs::write(&token_file, format!("{oidc_token}\n")).unwrap();
        let m = sts
            .mock("POST", "/")
            .match_query(Matcher::AllOf(vec![
                Matcher::UrlEncoded("Action".into(), "AssumeRoleWithOIDC".into()),
                Matcher::UrlEncoded("Version".into(), "2015-04-01".into()),
            ]))
            .match_body(Matcher::AllOf(vec![
                Matcher::UrlEncoded("OIDCToken".into(), oidc_token.into()),
                Matcher::UrlEncoded("RoleArn".into(), ROLE.into()),
                Matcher::UrlEncoded("OIDCProviderArn".into(), PROVIDER.into()),
            ]))
            .match_request(|r| {
                let q = r.path_and_query();
                !q.contains("Signature") && !q.contains("AccessKeyId")
            })
            .with_body(format!(
                r#"{{"RequestId":"R","Credentials":{}}}"#,
                keys_json()
            ))
            .create();
        let r = run(home
            .dts()
            .env("ALIBABA_CLOUD_STS_ENDPOINT", sts.url())
            .env("ALIBABA_CLOUD_ROLE_ARN", ROLE)
            .env("ALIBABA_CLOUD_OIDC_PROVIDER_ARN", PROVIDER)
            .env("ALIBABA_CLOUD_OIDC_TOKEN_FILE", &token_file)
            .args([
                "--no-credential-cache",
                "suspend",
                "-j",
                "j1",
                "--endpoint",
                &dts.url(),
            ]));
        assert_eq!(r.code, 0, "{}", r.stderr);
        m.assert();
    }
    called.assert();
}

#[test]
fn half_the_oidc_trio_names_what_is_missing() {
    let home = Home::new();
    let r = run(home.dts().env("ALIBABA_CLOUD_ROLE_ARN", ROLE).args([
        "suspend",
        "-j",
        "j1",
        "--endpoint",
        "http://127.0.0.1:9",
    ]));
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("ALIBABA_CLOUD_OIDC_PROVIDER_ARN and ALIBABA_CLOUD_OIDC_TOKEN_FILE not set"),
        "{}",
        r.stderr
    );
}

#[test]
fn an_oidc_token_file_that_is_a_device_is_refused_at_once() {
    let home = Home::new();
    let r = run(home
        .dts()
        .env("ALIBABA_CLOUD_ROLE_ARN", ROLE)
        .env(
            "ALIBABA_CLOUD_OIDC_PROVIDER_ARN",
            "acs:ram::1:oidc-provider/ack",
        )
        .env("ALIBABA_CLOUD_OIDC_TOKEN_FILE", "/dev/zero")
        .timeout(std::time::Duration::from_secs(10))
        .args(["suspend", "-j", "j1", "--endpoint", "http://127.0.0.1:9"]));
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("cannot read the OIDC token file /dev/zero"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("not a regular file"), "{}", r.stderr);
}

#[test]
fn a_credentials_uri_gives_keys_and_its_refusals_are_exit_4() {
    let home = Home::new();
    let mut uri = mockito::Server::new();
    let mut dts = Gateway::new();
    let called = dts_with_provided_keys(&mut dts);
    let _ok = uri.mock("GET", "/creds").with_body(keys_json()).create();
    let _no = uri
        .mock("GET", "/refused")
        .with_body(r#"{"Code":"Denied","Message":"no"}"#)
        .create();
    let r = run(home
        .dts()
        .env(
            "ALIBABA_CLOUD_CREDENTIALS_URI",
            format!("{}/creds", uri.url()),
        )
        .args(["suspend", "-j", "j1", "--endpoint", &dts.url()]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    called.assert();
    let r = run(home
        .dts()
        .env(
            "ALIBABA_CLOUD_CREDENTIALS_URI",
            format!("{}/refused", uri.url()),
        )
        .args(["suspend", "-j", "j1", "--endpoint", &dts.url()]));
    assert_eq!(r.code, 4, "{}", r.stderr);
    assert!(r.stderr.contains("credentials URI"), "{}", r.stderr);
    let r = run(home
        .dts()
        .env(
            "ALIBABA_CLOUD_CREDENTIALS_URI",
            format!("{}/creds", uri.url()),
        )
        .env("ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS", "true")
        .args(["suspend", "-j", "j1", "--endpoint", &dts.url()]));
    assert_eq!(r.code, 3, "{}", r.stderr);
}

#[test]
fn an_external_process_gives_keys_without_a_shell() {
    let home = Home::new();
    let script = home.dir.path().join("get keys.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\n[ \"$1\" = 'two words' ] || exit 7\necho '{{\"mode\":\"StsToken\",\"access_key_id\":\"{ID}\",\"access_key_secret\":\"{SECRET_}\",\"sts_token\":\"{TOKEN}\",\"expiration\":\"{}\"}}'\n",
            in_an_hour()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let failing = home.dir.path().join("fail.sh");
    std::fs::write(
        &failing,
        "#!/bin/sh\necho '{\"access_key_secret\":\"LEAKED-SENTINEL\"}'\nexit 1\n",
    )
    .unwrap();
    std::fs::set_permissions(&failing, std::fs::Permissions::from_mode(0o755)).unwrap();
    home.write_config(&format!(
        "[default]\ntype = \"process\"\nprocess_command = \"'{}' 'two words'\"\n\n[broken]\ntype = \"process\"\nprocess_command = \"{}\"\n",
        script.display(),
        failing.display()
    ));
    let mut dts = Gateway::new();
    let called = dts_with_provided_keys(&mut dts);
    let r = run(home
        .dts()
        .args(["suspend", "-j", "j1", "--endpoint", &dts.url()]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    called.assert();
    let r = run(home.dts().args([
        "-p",
        "broken",
        "suspend",
        "-j",
        "j1",
        "--endpoint",
        &dts.url(),
    ]));
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(r.stderr.contains("failed (exit status: 1)"), "{}", r.stderr);
    assert!(!r.stderr.contains("LEAKED"), "{}", r.stderr);
}

fn sso_config(home: &Home, sts_expiration: i64, token_expire: i64, sign_in: &str) {
    let dir = home.dir.path().join(".aliyun");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("config.json"),
        format!(
            r#"{{"current":"sso","profiles":[{{"name":"sso","mode":"CloudSSO","access_key_id":"STS.cachedid","access_key_secret":"cached-secret-SENTINEL","sts_token":"CAIScached","sts_expiration":{sts_expiration},"cloud_sso_sign_in_url":"{sign_in}/device/login","access_token":"sso-access-token-SENTINEL","cloud_sso_access_token_expire":{token_expire},"cloud_sso_account_id":"123456789","cloud_sso_access_config":"ac-ops","region_id":"cn-hangzhou"}}]}}"#
        ),
    )
    .unwrap();
}

#[test]
fn a_cloudsso_login_uses_its_cached_keys_then_fetches_fresh_ones() {
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let home = Home::new();
    let mut sso = mockito::Server::new();
    let mut dts = Gateway::new();
    // Fresh cached keys: used as they are.
    sso_config(&home, now + 3600, now + 3600, &sso.url());
    let cached = dts.answer(
        Expect::suspend(&[("SecurityToken", "CAIScached")])
            .keys("STS.cachedid", "cached-secret-SENTINEL"),
        200,
        OK_BODY,
    );
    let r = run(home
        .dts()
        .args(["suspend", "-j", "j1", "--endpoint", &dts.url()]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    cached.assert();
    // Stale keys, a live access token: fresh keys from /cloud-credentials.
    sso_config(&home, now + 60, now + 3600, &sso.url());
    let fetched = sso
        .mock("POST", "/cloud-credentials")
        .match_header("authorization", "Bearer sso-access-token-SENTINEL")
        .match_body(Matcher::Json(serde_json::json!({
            "AccountId": "123456789",
            "AccessConfigurationId": "ac-ops"
        })))
        .with_body(format!(r#"{{"CloudCredential":{}}}"#, keys_json()))
        .create();
    let provided = dts_with_provided_keys(&mut dts);
    let r = run(home
        .dts()
        .args(["-v", "suspend", "-j", "j1", "--endpoint", &dts.url()]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    fetched.assert();
    provided.assert();
    assert!(!r.stderr.contains("SENTINEL"), "{}", r.stderr);
    // Both expired: log in again.
    sso_config(&home, now + 60, now - 60, &sso.url());
    let r = run(home.dts().args([
        "--no-credential-cache",
        "suspend",
        "-j",
        "j1",
        "--endpoint",
        &dts.url(),
    ]));
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("hint: log in again: aliyun configure --profile sso"),
        "{}",
        r.stderr
    );
}

#[test]
fn the_credentials_ini_file_comes_after_the_aliyun_cli_file() {
    let home = Home::new();
    let dir = home.dir.path().join(".alibabacloud");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("credentials"),
        format!(
            "[default]\ntype = access_key\naccess_key_id = {KEY_ID}\naccess_key_secret = {SECRET}\n"
        ),
    )
    .unwrap();
    let mut dts = Gateway::new();
    let m = dts.answer(Expect::suspend(&[]), 200, OK_BODY);
    let r = run(home
        .dts()
        .args(["-v", "suspend", "-j", "j1", "--endpoint", &dts.url()]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains(".alibabacloud/credentials"),
        "{}",
        r.stderr
    );
    m.assert();
    // ALIBABA_CLOUD_CREDENTIALS_FILE names another file.
    let other = home.dir.path().join("creds.ini");
    std::fs::write(&other, "[default]\ntype = nonsense\n").unwrap();
    let r = run(home
        .dts()
        .env("ALIBABA_CLOUD_CREDENTIALS_FILE", &other)
        .args(["suspend", "-j", "j1", "--endpoint", &dts.url()]));
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(r.stderr.contains("unknown type 'nonsense'"), "{}", r.stderr);
}
