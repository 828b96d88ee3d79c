//! `--dry-run` builds and signs the request, prints it, sends nothing.

use std::collections::BTreeMap;

use crate::support::*;

#[test]
fn table_mode_prints_method_url_and_every_parameter_and_sends_nothing() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let m = gw.answer_any(200, OK_BODY).expect(0);
    let r = run(home.dts_with_keys().args([
        "--dry-run",
        "suspend",
        "-j",
        "j 1",
        "-d",
        "reverse",
        "--endpoint",
        &gw.url(),
    ]));
    m.assert();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "");
    let lines: Vec<&str> = r.stdout.lines().collect();
    let url = lines[0].strip_prefix("POST ").expect("method first");
    assert!(url.starts_with(&format!("{}/?", gw.url())), "{url}");
    assert_eq!(lines[1], "");
    assert!(lines[2].starts_with("PARAMETER"), "{}", lines[2]);
    let params: BTreeMap<String, String> = lines[3..]
        .iter()
        .map(|l| {
            let (k, v) = l.split_once(' ').unwrap();
            (k.to_string(), v.trim_start().to_string())
        })
        .collect();
    assert_eq!(params["Action"], "SuspendDtsJob");
    assert_eq!(params["DtsJobId"], "j 1");
    assert_eq!(params["SynchronizationDirection"], "Reverse");
    // The URL's query and the listed parameters agree, and the Signature
    // is the one a correct signer gives.
    let mut from_url = parse_query(url.split_once('?').unwrap().1).unwrap();
    assert_eq!(from_url, params);
    let signature = from_url.remove("Signature").unwrap();
    assert_eq!(signature, expected_signature("POST", &from_url, SECRET));
}

#[test]
fn json_mode_prints_one_object_and_shortens_the_token() {
    let home = Home::new();
    let token = "CAISsentinelTOKENvalue";
    let r = run(home
        .dts_with_keys()
        .env("ALIBABA_CLOUD_SECURITY_TOKEN", token)
        .args([
            "-o",
            "json",
            "--dry-run",
            "suspend",
            "-j",
            "j1",
            "-r",
            "ap-northeast-1",
        ]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let o = one_json_object(&r.stdout);
    assert_eq!(o["DryRun"], true);
    assert_eq!(o["Method"], "POST");
    let url = o["Url"].as_str().unwrap();
    assert!(
        url.starts_with("https://dts.ap-northeast-1.aliyuncs.com/?"),
        "{url}"
    );
    let params = o["Params"].as_object().unwrap();
    assert_eq!(params["SecurityToken"], "CAIS***");
    assert_eq!(params["RegionId"], "ap-northeast-1");
    assert_eq!(params["AccessKeyId"], KEY_ID);
    for k in [
        "Signature",
        "SignatureNonce",
        "Timestamp",
        "Version",
        "Format",
    ] {
        assert!(params.contains_key(k), "{k}");
    }
    assert!(!r.stdout.contains("sentinelTOKEN") && !r.stderr.contains("sentinelTOKEN"));
    assert!(!r.stdout.contains(SECRET));
}

#[test]
fn dry_run_shows_the_regional_endpoint_for_a_near_miss_region() {
    let home = Home::new();
    let r =
        run(home
            .dts_with_keys()
            .args(["--dry-run", "suspend", "-j", "j1", "-r", "cn-hangzou"]));
    assert_eq!(r.code, 0);
    assert!(
        r.stdout
            .starts_with("POST https://dts.cn-hangzou.aliyuncs.com/?"),
        "{}",
        r.stdout
    );
    assert!(
        r.stderr.contains("did you mean 'cn-hangzhou'?"),
        "{}",
        r.stderr
    );
}

#[test]
fn dry_run_still_needs_credentials() {
    let home = Home::new();
    let r = run(home
        .dts()
        .args(["--dry-run", "-o", "json", "suspend", "-j", "j1"]));
    assert_eq!(r.code, 3);
    assert_eq!(one_json_object(&r.stdout)["ErrCode"], "Cli.NoCredentials");
}
