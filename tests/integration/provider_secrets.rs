//! The sweep: whatever provider gave the keys, no secret it handled (a
//! source secret, an OIDC token, a CloudSSO access token, the keys it
//! returned) is printed in any mode, even when DTS echoes them back.

use std::os::unix::fs::PermissionsExt;

use crate::support::*;

const ID: &str = "STS.sweepid";
const SECRET_: &str = "sweep-secret-SENTINEL";
const TOKEN: &str = "CAISsweepSENTINELtoken+/=";

fn in_an_hour() -> String {
    (time::OffsetDateTime::now_utc() + time::Duration::hours(1))
        .replace_nanosecond(0)
        .unwrap()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap()
}

fn keys() -> String {
    format!(
        r#"{{"AccessKeyId":"{ID}","AccessKeySecret":"{SECRET_}","SecurityToken":"{TOKEN}","Expiration":"{}"}}"#,
        in_an_hour()
    )
}

/// DTS refusing with the token and the secret quoted back.
fn echoing_dts() -> Gateway {
    let mut dts = Gateway::new();
    let thrice = TOKEN
        .replace('+', "%25252B")
        .replace('/', "%25252F")
        .replace('=', "%25253D");
    dts.answer_any(
        400,
        &format!(
            r#"{{"RequestId":"R","Code":"SignatureDoesNotMatch","Message":"{SECRET_} {thrice}","{TOKEN}":1}}"#
        ),
    );
    dts
}

fn assert_clean(what: &str, r: &Run) {
    for text in [&r.stdout, &r.stderr] {
        assert!(
            !text.to_ascii_lowercase().contains("sentinel"),
            "{what} shows a secret: {text}"
        );
    }
}

fn sweep(what: &str, home: &Home, env: &[(&str, String)], args: &[&str]) {
    let dts = echoing_dts();
    for mode in [&["-v"][..], &["-o", "json"][..], &["--dry-run", "-v"][..]] {
        let r = run(home
            .dts()
            .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
            .args(mode)
            .args(["--no-credential-cache", "--retries", "0"])
            .args(args)
            .args(["suspend", "-j", "j1", "--endpoint", &dts.url()]));
        assert!(r.code == 0 || r.code == 4, "{what} {mode:?}: {}", r.stderr);
        if mode[0] == "--dry-run" {
            // The provider's keys signed the request.
            assert_eq!(r.code, 0, "{what}: {}", r.stderr);
            assert!(r.stdout.contains(ID), "{what}: {}", r.stdout);
        }
        assert_clean(&format!("{what} {mode:?}"), &r);
    }
}

#[test]
fn no_provider_prints_a_secret_in_any_mode() {
    // A role, with a source secret.
    let home = Home::new();
    let mut sts = mockito::Server::new();
    let _sts = sts
        .mock("POST", mockito::Matcher::Any)
        .with_body(format!(r#"{{"RequestId":"R","Credentials":{}}}"#, keys()))
        .create();
    home.write_config("[ops]\ntype = \"ram_role_arn\"\nrole_arn = \"acs:ram::1:role/r\"\naccess_key_id = \"LTAIsrc\"\naccess_key_secret = \"source-SENTINEL\"\n");
    sweep(
        "role",
        &home,
        &[("ALIBABA_CLOUD_STS_ENDPOINT", sts.url())],
        &["-p", "ops"],
    );
    // OIDC, with a token.
    let token_file = home.dir.path().join("oidc");
    std::fs::write(&token_file, "eyJ-oidc-SENTINEL").unwrap();
    sweep(
        "oidc",
        &home,
        &[
            ("ALIBABA_CLOUD_STS_ENDPOINT", sts.url()),
            ("ALIBABA_CLOUD_ROLE_ARN", "acs:ram::1:role/r".into()),
            (
                "ALIBABA_CLOUD_OIDC_PROVIDER_ARN",
                "acs:ram::1:oidc-provider/p".into(),
            ),
            (
                "ALIBABA_CLOUD_OIDC_TOKEN_FILE",
                token_file.display().to_string(),
            ),
        ],
        &[],
    );
    // A credentials URI.
    let mut uri = mockito::Server::new();
    let _uri = uri.mock("GET", "/c").with_body(keys()).create();
    sweep(
        "uri",
        &Home::new(),
        &[("ALIBABA_CLOUD_CREDENTIALS_URI", format!("{}/c", uri.url()))],
        &[],
    );
    // A process.
    let home = Home::new();
    let script = home.dir.path().join("keys.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\necho '{{\"mode\":\"StsToken\",\"access_key_id\":\"{ID}\",\"access_key_secret\":\"{SECRET_}\",\"sts_token\":\"{TOKEN}\"}}'\n"
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    home.write_config(&format!(
        "[default]\ntype = \"process\"\nprocess_command = \"{}\"\n",
        script.display()
    ));
    sweep("process", &home, &[], &[]);
    // A CloudSSO login that fetches fresh keys with its access token.
    let home = Home::new();
    let mut sso = mockito::Server::new();
    let _sso = sso
        .mock("POST", "/cloud-credentials")
        .with_body(format!(r#"{{"CloudCredential":{}}}"#, keys()))
        .create();
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let dir = home.dir.path().join(".aliyun");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("config.json"),
        format!(
            r#"{{"current":"sso","profiles":[{{"name":"sso","mode":"CloudSSO","access_key_id":"STS.old","access_key_secret":"old-SENTINEL","sts_token":"CAISoldSENTINEL","sts_expiration":{},"cloud_sso_sign_in_url":"{}/login","access_token":"access-SENTINEL","cloud_sso_access_token_expire":{},"cloud_sso_account_id":"1","cloud_sso_access_config":"ac"}}]}}"#,
            now - 10,
            sso.url(),
            now + 3600
        ),
    )
    .unwrap();
    sweep("cloudsso", &home, &[], &[]);
    // The instance's RAM role, with a metadata session token.
    let mut imds = mockito::Server::new();
    let _t = imds
        .mock("PUT", "/latest/api/token")
        .with_body("metadata-token-SENTINEL")
        .create();
    let creds = keys().replacen('{', r#"{"Code":"Success","#, 1);
    let _c = imds
        .mock("GET", "/latest/meta-data/ram/security-credentials/r")
        .with_body(creds)
        .create();
    let home = Home::new();
    let mut cmd_env = vec![
        ("DTS_ECS_METADATA_ENDPOINT", imds.url()),
        ("ALIBABA_CLOUD_ECS_METADATA", "r".to_string()),
    ];
    cmd_env.push(("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "false".to_string()));
    sweep("instance", &home, &cmd_env, &[]);
}
