//! Credentials from the official aliyun CLI's ~/.aliyun/config.json, in
//! CONTRACT.md's order: after the environment and dts's own file.

use crate::support::*;

/// A realistic config.json as `aliyun configure` writes it, with several
/// profiles and modes.
fn aliyun_config(current: &str) -> String {
    format!(
        r#"{{
	"current": "{current}",
	"profiles": [
		{{
			"name": "default",
			"mode": "AK",
			"access_key_id": "aliyun-default-id",
			"access_key_secret": "aliyun-default-secret",
			"sts_token": "",
			"ram_role_name": "",
			"ram_role_arn": "",
			"ram_session_name": "",
			"private_key": "",
			"key_pair_name": "",
			"expired_seconds": 0,
			"verified": "",
			"region_id": "cn-hangzhou",
			"output_format": "json",
			"language": "en",
			"site": "",
			"retry_timeout": 0,
			"connect_timeout": 0,
			"retry_count": 0,
			"process_command": "",
			"credentials_uri": ""
		}},
		{{
			"name": "sts",
			"mode": "StsToken",
			"access_key_id": "STS.aliyun-sts-id",
			"access_key_secret": "aliyun-sts-secret",
			"sts_token": "CAISaliyun+sts/token=",
			"region_id": "cn-shanghai",
			"output_format": "json",
			"language": "zh"
		}},
		{{
			"name": "role",
			"mode": "RamRoleArn",
			"access_key_id": "aliyun-role-id",
			"access_key_secret": "aliyun-role-secret",
			"ram_role_arn": "acs:ram::123456789:role/dts-operator",
			"ram_session_name": "dts",
			"region_id": "cn-beijing"
		}},
		{{
			"name": "rsa",
			"mode": "RsaKeyPair",
			"key_pair_name": "k",
			"region_id": "cn-beijing"
		}}
	],
	"meta_path": ""
}}"#
    )
}

fn write_aliyun(home: &Home, text: &str) -> std::path::PathBuf {
    let dir = home.dir.path().join(".aliyun");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("config.json");
    std::fs::write(&path, text).unwrap();
    set_mode(&path, 0o600);
    path
}

#[test]
fn the_current_profile_is_used_when_no_name_is_given() {
    let home = Home::new();
    write_aliyun(&home, &aliyun_config("sts"));
    let mut gw = Gateway::new();
    let m = gw.answer(
        Expect::suspend(&[
            ("RegionId", "cn-shanghai"),
            ("SecurityToken", "CAISaliyun+sts/token="),
        ])
        .keys("STS.aliyun-sts-id", "aliyun-sts-secret"),
        200,
        OK_BODY,
    );
    let r = run(home
        .dts()
        .args(["suspend", "-j", "j1", "--endpoint", &gw.url()]));
    gw.assert_no_refusals();
    m.assert();
    assert_eq!(r.code, 0, "{}", r.stderr);
    // The aliyun CLI's output_format does not change dts's output.
    assert!(r.stdout.starts_with("JOB ID"), "{}", r.stdout);
}

#[test]
fn a_named_profile_in_ak_mode() {
    let home = Home::new();
    write_aliyun(&home, &aliyun_config("sts"));
    let mut gw = Gateway::new();
    let m = gw.answer(
        Expect::suspend(&[("RegionId", "cn-hangzhou")])
            .keys("aliyun-default-id", "aliyun-default-secret")
            .absent(&["SecurityToken"]),
        200,
        OK_BODY,
    );
    let r = run(home.dts().args([
        "-p",
        "default",
        "suspend",
        "-j",
        "j1",
        "--endpoint",
        &gw.url(),
    ]));
    gw.assert_no_refusals();
    m.assert();
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn the_profile_environment_variable_names_an_aliyun_profile() {
    let home = Home::new();
    write_aliyun(&home, &aliyun_config("default"));
    let mut gw = Gateway::new();
    let m = gw.answer(
        Expect::suspend(&[]).keys("STS.aliyun-sts-id", "aliyun-sts-secret"),
        200,
        OK_BODY,
    );
    let r = run(home.dts().env("ALIBABA_CLOUD_PROFILE", "sts").args([
        "suspend",
        "-j",
        "j1",
        "--endpoint",
        &gw.url(),
    ]));
    gw.assert_no_refusals();
    m.assert();
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn dts_own_file_and_the_environment_come_first() {
    let home = Home::new();
    write_aliyun(&home, &aliyun_config("default"));
    let mut gw = Gateway::new();
    home.write_config(&format!(
        "[default]\naccess_key_id = \"dts-id\"\naccess_key_secret = \"dts-secret\"\nendpoint = \"{}\"\n",
        gw.url()
    ));
    let m = gw.answer(
        Expect::suspend(&[]).keys("dts-id", "dts-secret"),
        200,
        OK_BODY,
    );
    assert_eq!(run(home.dts().args(["suspend", "-j", "j1"])).code, 0);
    m.assert();
    m.remove();
    let m = gw.answer(Expect::suspend(&[]), 200, OK_BODY);
    assert_eq!(
        run(home.dts_with_keys().args(["suspend", "-j", "j1"])).code,
        0
    );
    gw.assert_no_refusals();
    m.assert();
}

#[test]
fn an_unsupported_mode_is_a_config_error_naming_it() {
    let home = Home::new();
    let path = write_aliyun(&home, &aliyun_config("rsa"));
    let r = run(home.dts().args(["-o", "json", "suspend", "-j", "j1"]));
    assert_eq!(r.code, 3);
    assert_eq!(one_json_object(&r.stdout)["ErrCode"], "Cli.Config");
    assert_eq!(
        r.stderr,
        format!(
            "dts: error: aliyun CLI profile 'rsa' in {} uses mode 'RsaKeyPair', which dts does not support\n\
             dts: hint: supported modes: AK, StsToken, RamRoleArn, ChainableRamRoleArn, EcsRamRole, OIDC, CredentialsURI, External, CloudSSO, OAuth; or set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET\n",
            path.display()
        )
    );
}

#[test]
fn an_unknown_profile_lists_both_files() {
    let home = Home::new();
    let aliyun = write_aliyun(&home, &aliyun_config("default"));
    let dts = home.write_config("[ops]\naccess_key_id = \"a\"\naccess_key_secret = \"b\"\n");
    let r = run(home.dts().args(["-p", "nope", "suspend", "-j", "j1"]));
    assert_eq!(r.code, 3);
    assert_eq!(
        r.stderr,
        format!(
            "dts: error: profile 'nope' (from --profile) not found in {d} or {a}\n\
             dts: hint: profiles in {d}: ops; aliyun CLI profiles in {a}: default, sts, role, rsa\n",
            d = dts.display(),
            a = aliyun.display()
        )
    );
}

#[test]
fn a_malformed_aliyun_file_is_a_config_error_that_quotes_nothing() {
    let home = Home::new();
    let path = write_aliyun(
        &home,
        "{\"current\": \"default\", \"profiles\": [{\"name\": \"default\", \"access_key_secret\": \"sentinel-secret\"",
    );
    let r = run(home.dts().args(["suspend", "-j", "j1"]));
    assert_eq!(r.code, 3);
    assert!(
        r.stderr.contains(&format!(
            "aliyun CLI config {} is malformed",
            path.display()
        )),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("line 1"), "{}", r.stderr);
    assert!(!r.stderr.contains("sentinel"), "{}", r.stderr);
}

#[test]
fn an_auth_failure_names_the_aliyun_profile() {
    let home = Home::new();
    let path = write_aliyun(&home, &aliyun_config("default"));
    let mut gw = Gateway::new();
    let _m = gw.answer_any(
        404,
        r#"{"RequestId":"R","Code":"InvalidAccessKeyId.NotFound","Message":"Specified access key is not found."}"#,
    );
    let r = run(home
        .dts()
        .args(["suspend", "-j", "j1", "--endpoint", &gw.url()]));
    assert_eq!(r.code, 4);
    assert!(
        r.stderr.ends_with(&format!(
            "dts: hint: check the access key from aliyun CLI profile 'default' in {}, and its permissions\n",
            path.display()
        )),
        "{}",
        r.stderr
    );
}
