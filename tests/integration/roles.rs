//! Credentials through providers: assuming a RAM role at a fake STS (its
//! requests' signatures checked with the test's own encoder), chains of
//! source profiles, the cache, the ECS instance role from a fake metadata
//! service, and every failure class of a credential step.

use crate::support::*;

const ROLE: &str = "acs:ram::123456789:role/dts-operator";
const SOURCE_ID: &str = "LTAIsourceid";
const SOURCE_SECRET: &str = "source-secret-SENTINEL";
const STS_ID: &str = "STS.assumedid";
const STS_SECRET: &str = "sts-secret-SENTINEL";
const STS_TOKEN: &str = "CAISstsTOKENsentinel+/=";

/// An hour from now, as STS writes times.
fn in_an_hour() -> String {
    (time::OffsetDateTime::now_utc() + time::Duration::hours(1))
        .replace_nanosecond(0)
        .unwrap()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap()
}

/// An STS answer whose keys expire in an hour.
fn sts_answer() -> String {
    let expiration = in_an_hour();
    format!(
        r#"{{"RequestId":"STS-R","AssumedRoleUser":{{"Arn":"{ROLE}/s","AssumedRoleId":"1:s"}},"Credentials":{{"AccessKeyId":"{STS_ID}","AccessKeySecret":"{STS_SECRET}","SecurityToken":"{STS_TOKEN}","Expiration":"{expiration}"}}}}"#
    )
}

/// A dts profile file with a role profile `ops` using the inline keys.
fn role_profile(home: &Home, dts_endpoint: &str) {
    home.write_config(&format!(
        "[ops]\ntype = \"ram_role_arn\"\nrole_arn = \"{ROLE}\"\naccess_key_id = \"{SOURCE_ID}\"\naccess_key_secret = \"{SOURCE_SECRET}\"\nendpoint = \"{dts_endpoint}\"\n"
    ));
}

/// The DTS gateway, expecting the assumed role's keys and token.
fn dts_with_sts_keys(gw: &mut Gateway) -> mockito::Mock {
    gw.answer(
        Expect::suspend(&[("SecurityToken", STS_TOKEN)]).keys(STS_ID, STS_SECRET),
        200,
        OK_BODY,
    )
}

#[test]
fn a_role_profile_assumes_the_role_then_calls_dts_with_its_keys() {
    let home = Home::new();
    let mut sts = Gateway::new();
    let mut dts = Gateway::new();
    role_profile(&home, &dts.url());
    let assumed = sts
        .answer(
            Expect::assume_role(ROLE, SOURCE_ID, SOURCE_SECRET)
                .with(&[("DurationSeconds", "3600")]),
            200,
            &sts_answer(),
        )
        .expect(1);
    let called = dts_with_sts_keys(&mut dts).expect(2);
    let r = run(home
        .dts()
        .env("ALIBABA_CLOUD_STS_ENDPOINT", sts.url())
        .args(["-v", "-p", "ops", "suspend", "-j", "j1"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!(
            "dts: verbose: credentials: assumed role {ROLE} at 127.0.0.1 (cached until "
        )),
        "{}",
        r.stderr
    );
    // A second run through the same role makes no STS call.
    let r = run(home
        .dts()
        .env("ALIBABA_CLOUD_STS_ENDPOINT", sts.url())
        .args(["-v", "-p", "ops", "suspend", "-j", "j1"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!(
            "credentials: assumed role {ROLE} at 127.0.0.1 from the cache (cached until"
        )),
        "{}",
        r.stderr
    );
    sts.assert_no_refusals();
    dts.assert_no_refusals();
    assumed.assert();
    called.assert();
    // The session name is generated, not part of the cache's identity.
    let cached: Vec<_> = std::fs::read_dir(home.dir.path().join(".cache/dts/credentials"))
        .unwrap()
        .map(|e| e.unwrap())
        .collect();
    assert_eq!(cached.len(), 1);
    let name = cached[0].file_name().to_string_lossy().into_owned();
    assert!(name.len() == 69 && name.ends_with(".json"), "{name}");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        cached[0].metadata().unwrap().permissions().mode() & 0o777,
        0o600
    );
}

#[test]
fn the_cache_can_be_turned_off() {
    let home = Home::new();
    let mut sts = Gateway::new();
    let mut dts = Gateway::new();
    role_profile(&home, &dts.url());
    let assumed = sts
        .answer(
            Expect::assume_role(ROLE, SOURCE_ID, SOURCE_SECRET),
            200,
            &sts_answer(),
        )
        .expect(2);
    let _called = dts_with_sts_keys(&mut dts);
    for off in [&["--no-credential-cache"][..], &[][..]] {
        let mut cmd = home.dts();
        cmd.env("ALIBABA_CLOUD_STS_ENDPOINT", sts.url());
        if off.is_empty() {
            cmd.env("DTS_CREDENTIAL_CACHE", "off");
        }
        let r = run(cmd.args(off).args(["-p", "ops", "suspend", "-j", "j1"]));
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
    assumed.assert();
    assert!(!home.dir.path().join(".cache/dts/credentials").exists());
}

#[test]
fn source_profiles_chain_and_a_loop_is_refused() {
    let home = Home::new();
    let mut sts = Gateway::new();
    let mut dts = Gateway::new();
    let first = "acs:ram::1:role/first";
    home.write_config(&format!(
        "[ops]\ntype = \"ram_role_arn\"\nrole_arn = \"{ROLE}\"\nsource_profile = \"hop\"\nrole_session_name = \"nightly\"\nendpoint = \"{}\"\n\n\
         [hop]\ntype = \"ram_role_arn\"\nrole_arn = \"{first}\"\nsource_profile = \"base\"\n\n\
         [base]\naccess_key_id = \"{SOURCE_ID}\"\naccess_key_secret = \"{SOURCE_SECRET}\"\n\n\
         [a]\ntype = \"ram_role_arn\"\nrole_arn = \"{ROLE}\"\nsource_profile = \"b\"\n\n\
         [b]\ntype = \"ram_role_arn\"\nrole_arn = \"{ROLE}\"\nsource_profile = \"a\"\n",
        dts.url()
    ));
    let hop_keys = sts_answer()
        .replace(STS_ID, "STS.hopid")
        .replace(STS_SECRET, "hop-secret-SENTINEL")
        .replace(STS_TOKEN, "CAIShopTOKEN");
    let m1 = sts.answer(
        Expect::assume_role(first, SOURCE_ID, SOURCE_SECRET),
        200,
        &hop_keys,
    );
    let m2 = sts.answer(
        Expect::assume_role(ROLE, "STS.hopid", "hop-secret-SENTINEL").with(&[
            ("SecurityToken", "CAIShopTOKEN"),
            ("RoleSessionName", "nightly"),
        ]),
        200,
        &sts_answer(),
    );
    let called = dts_with_sts_keys(&mut dts);
    let r = run(home
        .dts()
        .env("ALIBABA_CLOUD_STS_ENDPOINT", sts.url())
        .args(["-p", "ops", "suspend", "-j", "j1"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Each mock refuses the other's request, so only the matches count.
    m1.assert();
    m2.assert();
    called.assert();
    let r = run(home
        .dts()
        .env("DTS_ENDPOINT", "http://127.0.0.1:9")
        .args(["-p", "a", "suspend", "-j", "j1"]));
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("source profiles form a loop: a -> b -> a"),
        "{}",
        r.stderr
    );
}

#[test]
fn an_aliyun_cli_ram_role_arn_profile_assumes_its_role() {
    let home = Home::new();
    let mut sts = Gateway::new();
    let mut dts = Gateway::new();
    let dir = home.dir.path().join(".aliyun");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("config.json"),
        format!(
            r#"{{"current":"role","profiles":[{{"name":"role","mode":"ramrolearn","access_key_id":"{SOURCE_ID}","access_key_secret":"{SOURCE_SECRET}","ram_role_arn":"{ROLE}","ram_session_name":"ops-laptop","expired_seconds":0,"region_id":"cn-hangzhou"}}]}}"#
        ),
    )
    .unwrap();
    let assumed = sts.answer(
        Expect::assume_role(ROLE, SOURCE_ID, SOURCE_SECRET).with(&[
            ("RoleSessionName", "ops-laptop"),
            ("DurationSeconds", "3600"),
        ]),
        200,
        &sts_answer(),
    );
    let called = dts_with_sts_keys(&mut dts);
    let r = run(home
        .dts()
        .env("ALIBABA_CLOUD_STS_ENDPOINT", sts.url())
        .args(["suspend", "-j", "j1", "--endpoint", &dts.url()]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    sts.assert_no_refusals();
    assumed.assert();
    called.assert();
}

#[test]
fn a_failed_role_step_says_which_step_and_takes_the_class_of_the_failure() {
    let cases: Vec<(usize, String, i32, &str)> = vec![
        (
            404,
            r#"{"RequestId":"R","Code":"EntityNotExist.Role","Message":"The role not exists"}"#
                .into(),
            4,
            "STS does not know the role",
        ),
        (
            400,
            r#"{"RequestId":"R","Code":"InvalidParameter.RoleSessionName","Message":"bad"}"#.into(),
            4,
            "may assume",
        ),
        (
            400,
            r#"{"Code":"Throttling.User","Message":"slow"}"#.into(),
            6,
            "Throttling.User",
        ),
        (503, "<html>down</html>".into(), 7, "HTTP 503"),
        (200, r#"{"RequestId":"R"}"#.into(), 9, "lacks Credentials"),
    ];
    for (status, body, code, says) in cases {
        let home = Home::new();
        let mut sts = Gateway::new();
        role_profile(&home, "http://127.0.0.1:9");
        let _m = sts.answer_any(status, &body);
        let r = run(home
            .dts()
            .env("ALIBABA_CLOUD_STS_ENDPOINT", sts.url())
            .args([
                "--retries",
                "0",
                "-o",
                "json",
                "-p",
                "ops",
                "suspend",
                "-j",
                "j1",
            ]));
        assert_eq!(r.code, code, "{body}: {}", r.stderr);
        assert!(
            r.stderr
                .starts_with(&format!("dts: error: assuming role {ROLE} at 127.0.0.1: ")),
            "{body}: {}",
            r.stderr
        );
        assert!(r.stderr.contains(says), "{body}: {}", r.stderr);
        let object = one_json_object(&r.stdout);
        assert_eq!(object["Success"], false, "{}", r.stdout);
    }
    // STS unreachable: a network failure (8).
    let home = Home::new();
    role_profile(&home, "http://127.0.0.1:9");
    let r = run(home
        .dts()
        .args(["--retries", "0", "-p", "ops", "suspend", "-j", "j1"]));
    assert_eq!(r.code, 8, "{}", r.stderr);
}

#[test]
fn no_secret_of_a_role_is_ever_printed() {
    let home = Home::new();
    let mut sts = Gateway::new();
    let mut dts = Gateway::new();
    role_profile(&home, &dts.url());
    let _a = sts.answer(
        Expect::assume_role(ROLE, SOURCE_ID, SOURCE_SECRET),
        200,
        &sts_answer(),
    );
    let echo = format!(
        r#"{{"RequestId":"R","Code":"SignatureDoesNotMatch","Message":"string to sign: SecurityToken%3D{}"}}"#,
        STS_TOKEN
            .replace('+', "%252B")
            .replace('/', "%252F")
            .replace('=', "%253D")
    );
    let _d = dts.answer_any(400, &echo);
    for mode in [&["-v"][..], &["-o", "json"][..], &["--dry-run", "-v"][..]] {
        let r = run(home
            .dts()
            .env("ALIBABA_CLOUD_STS_ENDPOINT", sts.url())
            .args(mode)
            .args(["--no-credential-cache", "-p", "ops", "suspend", "-j", "j1"]));
        for text in [&r.stdout, &r.stderr] {
            for secret in ["SENTINEL", "sentinel", "TOKENsentinel"] {
                assert!(!text.contains(secret), "{mode:?} shows {secret}: {text}");
            }
        }
    }
}

/// A fake metadata service with a role `ops-role`.
fn metadata(with_token: bool) -> (mockito::ServerGuard, Vec<mockito::Mock>) {
    let mut server = mockito::Server::new();
    let creds = format!(
        r#"{{"Code":"Success","LastUpdated":"x","AccessKeyId":"{STS_ID}","AccessKeySecret":"{STS_SECRET}","SecurityToken":"{STS_TOKEN}","Expiration":"{}"}}"#,
        in_an_hour()
    );
    let mut mocks = Vec::new();
    if with_token {
        mocks.push(
            server
                .mock("PUT", "/latest/api/token")
                .match_header("x-aliyun-ecs-metadata-token-ttl-seconds", "21600")
                .with_body("the-token")
                .create(),
        );
    }
    let role = server
        .mock("GET", "/latest/meta-data/ram/security-credentials/ops-role")
        .with_body(creds);
    let role = if with_token {
        role.match_header("x-aliyun-ecs-metadata-token", "the-token")
    } else {
        role
    };
    mocks.push(role.create());
    mocks.push(
        server
            .mock("GET", "/latest/meta-data/ram/security-credentials/")
            .with_body("ops-role\n")
            .create(),
    );
    // As the real service does for a role that is not attached.
    server
        .mock(
            "GET",
            "/latest/meta-data/ram/security-credentials/other-role",
        )
        .with_status(404)
        .create();
    (server, mocks)
}

#[test]
fn the_instance_role_comes_from_the_metadata_service_never_through_a_proxy() {
    for (with_token, named) in [(true, true), (true, false), (false, true)] {
        let home = Home::new();
        let (imds, mocks) = metadata(with_token);
        let mut cmd = home.dts();
        cmd.env_remove("ALIBABA_CLOUD_ECS_METADATA_DISABLED")
            .env("DTS_ECS_METADATA_ENDPOINT", imds.url())
            .env("HTTP_PROXY", format!("http://127.0.0.1:{}", closed_port()))
            .env("NO_PROXY", "127.0.0.2");
        if named {
            cmd.env("ALIBABA_CLOUD_ECS_METADATA", "ops-role");
        } else {
            home.write_config("[default]\ntype = \"ecs_ram_role\"\n");
        }
        let r = run(cmd.args([
            "-v",
            "--retries",
            "0",
            "suspend",
            "-j",
            "j1",
            "--endpoint",
            "http://127.0.0.1:9",
        ]));
        // The DTS call itself goes through the (closed) proxy and fails;
        // the keys came from the metadata service without it.
        assert_eq!(r.code, 8, "{}", r.stderr);
        assert!(
            r.stderr.contains("cannot connect to the proxy"),
            "{}",
            r.stderr
        );
        assert!(
            r.stderr
                .contains("credentials: the ECS instance's RAM role 'ops-role'"),
            "{with_token} {named}: {}",
            r.stderr
        );
        for m in &mocks[..mocks.len() - usize::from(named)] {
            m.assert();
        }
    }
}

#[test]
fn a_role_not_attached_to_the_instance_is_named_in_a_hint() {
    let home = Home::new();
    let (imds, _mocks) = metadata(true);
    let r = run(home
        .dts()
        .env_remove("ALIBABA_CLOUD_ECS_METADATA_DISABLED")
        .env("DTS_ECS_METADATA_ENDPOINT", imds.url())
        .env("ALIBABA_CLOUD_ECS_METADATA", "other-role")
        .args(["suspend", "-j", "j1", "--endpoint", "http://127.0.0.1:9"]));
    assert_eq!(r.code, 4, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("hint: the RAM role 'other-role' is not attached to this instance"),
        "{}",
        r.stderr
    );
    // Without IMDSv1, a refused token request is a refusal too.
    let mut plain = mockito::Server::new();
    let _refused = plain
        .mock("PUT", "/latest/api/token")
        .with_status(403)
        .create();
    let r = run(home
        .dts()
        .env_remove("ALIBABA_CLOUD_ECS_METADATA_DISABLED")
        .env("DTS_ECS_METADATA_ENDPOINT", plain.url())
        .env("ALIBABA_CLOUD_ECS_METADATA", "ops-role")
        .env("ALIBABA_CLOUD_IMDSV1_DISABLED", "true")
        .args(["suspend", "-j", "j1", "--endpoint", "http://127.0.0.1:9"]));
    assert_eq!(r.code, 4, "{}", r.stderr);
    assert!(r.stderr.contains("getting a session token"), "{}", r.stderr);
}

#[test]
fn configure_writes_a_role_profile_that_suspend_then_uses() {
    let home = Home::new();
    home.write_config(&format!(
        "# keys\n[base]\naccess_key_id = \"{SOURCE_ID}\"\naccess_key_secret = \"{SOURCE_SECRET}\"\n"
    ));
    let mut sts = Gateway::new();
    let mut dts = Gateway::new();
    let r = run(home
        .dts()
        .args([
            "configure",
            "--profile",
            "ops",
            "--role-arn",
            ROLE,
            "--source-profile",
            "base",
            "--role-session-name",
            "cron",
        ])
        .write_stdin(format!("cn-hangzhou\n{}\n", dts.url())));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = std::fs::read_to_string(home.config_path()).unwrap();
    assert!(text.starts_with("# keys\n[base]\n"), "{text}");
    assert!(
        text.contains(&format!(
            "[ops]\ntype = \"ram_role_arn\"\nrole_arn = \"{ROLE}\"\nsource_profile = \"base\"\nrole_session_name = \"cron\"\nregion = \"cn-hangzhou\"\nendpoint = \"{}\"\n",
            dts.url()
        )),
        "{text}"
    );
    let assumed = sts.answer(
        Expect::assume_role(ROLE, SOURCE_ID, SOURCE_SECRET).with(&[("RoleSessionName", "cron")]),
        200,
        &sts_answer(),
    );
    let called = dts_with_sts_keys(&mut dts);
    let r = run(home
        .dts()
        .env("ALIBABA_CLOUD_STS_ENDPOINT", sts.url())
        .args(["-p", "ops", "suspend", "-j", "j1"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assumed.assert();
    called.assert();
}

#[test]
fn sts_goes_through_the_proxy_like_dts_calls() {
    use crate::fault_server::{Fault, FaultServer};
    let home = Home::new();
    role_profile(&home, "http://127.0.0.1:9");
    let Fault::Raw(answer) = Fault::answer(200, &[], sts_answer().as_bytes()) else {
        unreachable!()
    };
    let proxy = FaultServer::start(vec![Fault::Tunnel(answer)]);
    // The STS host is a name that resolves nowhere: only the proxy can
    // reach it, and the DTS call after it fails at its closed port.
    let r = run(home
        .dts()
        .env("ALIBABA_CLOUD_STS_ENDPOINT", "http://sts.example.test:8080")
        .env("HTTP_PROXY", proxy.url())
        .env("NO_PROXY", "127.0.0.1")
        .args(["--retries", "0", "-p", "ops", "suspend", "-j", "j1"]));
    let requests = proxy.requests();
    assert_eq!(
        requests[0], "CONNECT sts.example.test:8080 HTTP/1.1",
        "{requests:?}"
    );
    assert!(requests[1].contains("Action=AssumeRole"), "{}", requests[1]);
    assert_eq!(
        r.code, 8,
        "the keys came; DTS itself is closed: {}",
        r.stderr
    );
}

#[test]
fn an_unsafe_cache_file_is_ignored_and_replaced() {
    use std::os::unix::fs::PermissionsExt;
    let home = Home::new();
    let mut sts = Gateway::new();
    let mut dts = Gateway::new();
    role_profile(&home, &dts.url());
    let assumed = sts
        .answer(
            Expect::assume_role(ROLE, SOURCE_ID, SOURCE_SECRET),
            200,
            &sts_answer(),
        )
        .expect(3);
    let _called = dts_with_sts_keys(&mut dts);
    let suspend = || {
        run(home
            .dts()
            .env("ALIBABA_CLOUD_STS_ENDPOINT", sts.url())
            .args(["-p", "ops", "suspend", "-j", "j1"]))
    };
    assert_eq!(suspend().code, 0);
    let dir = home.dir.path().join(".cache/dts/credentials");
    let file = std::fs::read_dir(&dir)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    // Readable by others: not trusted, assumed afresh and rewritten 0600.
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert_eq!(suspend().code, 0);
    assert_eq!(
        std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    // Corrupt: the same.
    std::fs::write(&file, "{\"AccessKeyId\":").unwrap();
    assert_eq!(suspend().code, 0);
    assert_eq!(suspend().code, 0, "then the cache serves again");
    assumed.assert();
}
