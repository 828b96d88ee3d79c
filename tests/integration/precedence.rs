//! CONTRACT.md's precedence through the real binary: flag, then
//! environment, then profile, then default; and the credential order.

use crate::support::*;

fn profiles(gw: &Gateway) -> String {
    format!(
        "[default]\naccess_key_id = \"default-id\"\naccess_key_secret = \"default-secret\"\nregion = \"cn-beijing\"\nendpoint = \"{url}\"\n\n\
         [prod]\naccess_key_id = \"prod-id\"\naccess_key_secret = \"prod-secret\"\nregion = \"eu-central-1\"\nendpoint = \"{url}\"\n",
        url = gw.url()
    )
}

#[test]
fn the_default_profile_is_used_when_nothing_else_is_set() {
    let home = Home::new();
    let mut gw = Gateway::new();
    home.write_config(&profiles(&gw));
    let m = gw.answer(
        Expect::suspend(&[("RegionId", "cn-beijing")]).keys("default-id", "default-secret"),
        200,
        OK_BODY,
    );
    let r = run(home.dts().args(["suspend", "-j", "j1"]));
    gw.assert_no_refusals();
    m.assert();
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn environment_keys_beat_the_profile_but_its_settings_still_apply() {
    let home = Home::new();
    let mut gw = Gateway::new();
    home.write_config(&profiles(&gw));
    let m = gw.answer(Expect::suspend(&[("RegionId", "cn-beijing")]), 200, OK_BODY);
    let r = run(home.dts_with_keys().args(["suspend", "-j", "j1"]));
    gw.assert_no_refusals();
    m.assert();
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn an_explicit_profile_beats_environment_keys() {
    let home = Home::new();
    let mut gw = Gateway::new();
    home.write_config(&profiles(&gw));
    let m = gw.answer(
        Expect::suspend(&[("RegionId", "eu-central-1")])
            .keys("prod-id", "prod-secret")
            .absent(&["SecurityToken"]),
        200,
        OK_BODY,
    );
    let r = run(home
        .dts_with_keys()
        .env("ALIBABA_CLOUD_SECURITY_TOKEN", "env-token")
        .args(["suspend", "-j", "j1", "--profile", "prod"]));
    gw.assert_no_refusals();
    m.assert();
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn an_explicit_profile_ignores_half_a_pair_in_the_environment() {
    let home = Home::new();
    let mut gw = Gateway::new();
    home.write_config(&profiles(&gw));
    let m = gw.answer(
        Expect::suspend(&[]).keys("prod-id", "prod-secret"),
        200,
        OK_BODY,
    );
    let r = run(home
        .dts()
        .env("ALIBABA_CLOUD_ACCESS_KEY_ID", "lonely")
        .args(["-p", "prod", "suspend", "-j", "j1"]));
    gw.assert_no_refusals();
    m.assert();
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn the_profile_environment_variable_selects_a_profile() {
    let home = Home::new();
    let mut gw = Gateway::new();
    home.write_config(&profiles(&gw));
    let m = gw.answer(
        Expect::suspend(&[("RegionId", "eu-central-1")]).keys("prod-id", "prod-secret"),
        200,
        OK_BODY,
    );
    let r = run(home
        .dts()
        .env("ALIBABA_CLOUD_PROFILE", "prod")
        .args(["suspend", "-j", "j1"]));
    gw.assert_no_refusals();
    m.assert();
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn region_flag_beats_environment_beats_profile() {
    let home = Home::new();
    let mut gw = Gateway::new();
    home.write_config(&profiles(&gw));
    let m = gw.answer(
        Expect::suspend(&[("RegionId", "cn-shanghai")]),
        200,
        OK_BODY,
    );
    let r = run(home
        .dts_with_keys()
        .env("ALIBABA_CLOUD_REGION_ID", "cn-shanghai")
        .args(["suspend", "-j", "j1"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    m.assert();
    m.remove();
    let m = gw.answer(
        Expect::suspend(&[("RegionId", "cn-shenzhen")]),
        200,
        OK_BODY,
    );
    let r = run(home
        .dts_with_keys()
        .env("ALIBABA_CLOUD_REGION_ID", "cn-shanghai")
        .args(["suspend", "-j", "j1", "-r", "cn-shenzhen"]));
    gw.assert_no_refusals();
    m.assert();
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn endpoint_flag_beats_environment_beats_profile() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let dead = format!("http://127.0.0.1:{}", closed_port());
    home.write_config(&format!(
        "[default]\naccess_key_id = \"{KEY_ID}\"\naccess_key_secret = \"{SECRET}\"\nendpoint = \"{dead}\"\n"
    ));
    let _m = gw.answer(Expect::suspend(&[]), 200, OK_BODY);
    // Profile alone: the dead endpoint.
    assert_eq!(run(home.dts().args(["suspend", "-j", "j1"])).code, 8);
    // Environment beats the profile.
    let r = run(home
        .dts()
        .env("DTS_ENDPOINT", gw.url())
        .args(["suspend", "-j", "j1"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    // The flag beats the environment.
    let r = run(home.dts().env("DTS_ENDPOINT", &dead).args([
        "suspend",
        "-j",
        "j1",
        "--endpoint",
        &gw.url(),
    ]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    gw.assert_no_refusals();
}

#[test]
fn output_flag_beats_environment_beats_profile() {
    let home = Home::new();
    let mut gw = Gateway::new();
    home.write_config(&format!(
        "[default]\naccess_key_id = \"{KEY_ID}\"\naccess_key_secret = \"{SECRET}\"\nendpoint = \"{}\"\noutput = \"json\"\n",
        gw.url()
    ));
    let _m = gw.answer_any(200, OK_BODY);
    let r = run(home.dts().args(["suspend", "-j", "j1"]));
    assert_eq!(r.stdout, format!("{OK_BODY}\n"));
    let r = run(home
        .dts()
        .env("DTS_OUTPUT", "table")
        .args(["suspend", "-j", "j1"]));
    assert!(r.stdout.starts_with("JOB ID"), "{}", r.stdout);
    let r = run(home
        .dts()
        .env("DTS_OUTPUT", "table")
        .args(["suspend", "-j", "j1", "-o", "json"]));
    assert_eq!(r.stdout, format!("{OK_BODY}\n"));
}

#[test]
fn timeout_flag_is_usage_error_but_environment_is_config_error() {
    let home = Home::new();
    let r = run(home
        .dts_with_keys()
        .args(["--timeout", "0", "suspend", "-j", "j1"]));
    assert_eq!(r.code, 2, "{}", r.stderr);
    let r = run(home
        .dts_with_keys()
        .env("DTS_TIMEOUT", "0")
        .args(["suspend", "-j", "j1"]));
    assert_eq!(r.code, 3, "{}", r.stderr);
}
