//! `dts suspend` end to end against a mock gateway that verifies every
//! request: method, parameters, signature, timestamp, User-Agent.

use crate::support::*;

#[test]
fn success_prints_a_table_and_exits_0() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let mock = gw
        .answer(
            Expect::suspend(&[("DtsJobId", "l3m1213ye7l0001")]).absent(&[
                "DtsInstanceId",
                "SynchronizationDirection",
                "RegionId",
                "SecurityToken",
            ]),
            200,
            OK_BODY,
        )
        .expect(1);
    let r = run(home.dts_with_keys().args([
        "suspend",
        "--job-id",
        "l3m1213ye7l0001",
        "--endpoint",
        &gw.url(),
    ]));
    gw.assert_no_refusals();
    mock.assert();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "");
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", r.stdout);
    let header: Vec<&str> = lines[0]
        .split("  ")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    assert_eq!(header, ["JOB ID", "ACTION", "RESULT", "REQUEST ID"]);
    let row: Vec<&str> = lines[1].split_whitespace().collect();
    assert_eq!(
        row,
        [
            "l3m1213ye7l0001",
            "SuspendDtsJob",
            "accepted",
            "01B6F25-21E7-4484-99D5-3EF2625C0001"
        ]
    );
}

#[test]
fn success_in_json_prints_the_body_as_received() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let mock = gw.answer(Expect::suspend(&[("DtsJobId", "j1")]), 200, OK_BODY);
    let r = run(home.dts_with_keys().args([
        "-o",
        "json",
        "suspend",
        "-j",
        "j1",
        "--endpoint",
        &gw.url(),
    ]));
    gw.assert_no_refusals();
    mock.assert();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, format!("{OK_BODY}\n"));
    assert_eq!(r.stderr, "");
}

#[test]
fn every_operation_parameter_is_sent() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let mock = gw.answer(
        Expect::suspend(&[
            ("DtsJobId", "j1"),
            ("DtsInstanceId", "dtsj1"),
            ("SynchronizationDirection", "Reverse"),
            ("RegionId", "cn-hangzhou"),
        ]),
        200,
        OK_BODY,
    );
    // Global options after the subcommand, direction in any letter case.
    let r = run(home.dts_with_keys().args([
        "suspend",
        "-j",
        "j1",
        "-i",
        "dtsj1",
        "-d",
        "REVerse",
        "-r",
        "cn-hangzhou",
        "--endpoint",
        &gw.url(),
        "-o",
        "json",
    ]));
    gw.assert_no_refusals();
    mock.assert();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(one_json_object(&r.stdout)["Success"], true);
}

#[test]
fn forward_direction_is_sent_capitalised() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let mock = gw.answer(
        Expect::suspend(&[("SynchronizationDirection", "Forward")]),
        200,
        OK_BODY,
    );
    let r = run(home.dts_with_keys().args([
        "suspend",
        "-j",
        "j1",
        "-d",
        "forward",
        "--endpoint",
        &gw.url(),
    ]));
    gw.assert_no_refusals();
    mock.assert();
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn sts_credentials_send_a_signed_security_token() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let token = "CAIS+sts/token=value";
    let mock = gw.answer(
        Expect::suspend(&[("SecurityToken", token), ("DtsJobId", "j1")]),
        200,
        OK_BODY,
    );
    let r = run(home
        .dts_with_keys()
        .env("ALIBABA_CLOUD_SECURITY_TOKEN", token)
        .args(["suspend", "-j", "j1", "--endpoint", &gw.url()]));
    gw.assert_no_refusals();
    mock.assert();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stdout.contains(token) && !r.stderr.contains(token));
}

#[test]
fn sts_credentials_from_a_profile() {
    let home = Home::new();
    let mut gw = Gateway::new();
    home.write_config(&format!(
        "[default]\naccess_key_id = \"{KEY_ID}\"\naccess_key_secret = \"{SECRET}\"\nsecurity_token = \"profile-token\"\nendpoint = \"{}\"\n",
        gw.url()
    ));
    let mock = gw.answer(
        Expect::suspend(&[("SecurityToken", "profile-token")]),
        200,
        OK_BODY,
    );
    let r = run(home.dts().args(["suspend", "-j", "j1"]));
    gw.assert_no_refusals();
    mock.assert();
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn a_job_id_with_hostile_characters_arrives_intact() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let id = "a b&c=d+e*f~g/h%i 中文";
    let mock = gw.answer(Expect::suspend(&[("DtsJobId", id)]), 200, OK_BODY);
    let r = run(home.dts_with_keys().args([
        "suspend",
        "--job-id",
        id,
        "--endpoint",
        &gw.url(),
        "-o",
        "json",
    ]));
    gw.assert_no_refusals();
    mock.assert();
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn a_secret_with_hostile_characters_signs_correctly() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let secret = "s&e/c+r=e t中";
    let mock = gw.answer(Expect::suspend(&[]).keys("id+/=", secret), 200, OK_BODY);
    let r = run(home
        .dts()
        .env("ALIBABA_CLOUD_ACCESS_KEY_ID", "id+/=")
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", secret)
        .args(["suspend", "-j", "j1", "--endpoint", &gw.url()]));
    gw.assert_no_refusals();
    mock.assert();
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn each_call_gets_a_fresh_nonce() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let seen2 = std::sync::Arc::clone(&seen);
    let mock = gw
        .server
        .mock("POST", mockito::Matcher::Any)
        .match_request(move |req| {
            let q = req.path_and_query().split_once('?').unwrap().1;
            let p = parse_query(q).unwrap();
            seen2.lock().unwrap().push(p["SignatureNonce"].clone());
            true
        })
        .with_body(OK_BODY)
        .expect(2)
        .create();
    for _ in 0..2 {
        let r = run(home
            .dts_with_keys()
            .args(["suspend", "-j", "j1", "--endpoint", &gw.url()]));
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
    mock.assert();
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 2);
    assert_ne!(seen[0], seen[1]);
    assert!(
        seen.iter()
            .all(|n| n.len() == 32 && n.chars().all(|c| c.is_ascii_hexdigit()))
    );
}

#[test]
fn quiet_prints_nothing_on_stdout_in_either_format() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let _m = gw.answer_any(200, OK_BODY);
    for format in ["table", "json"] {
        let r = run(home.dts_with_keys().args([
            "-q",
            "-o",
            format,
            "suspend",
            "-j",
            "j1",
            "--endpoint",
            &gw.url(),
        ]));
        assert_eq!(r.code, 0);
        assert_eq!(r.stdout, "");
        assert_eq!(r.stderr, "");
    }
    let r = run(home.dts_with_keys().args([
        "-q",
        "-o",
        "json",
        "suspend",
        "-j",
        "j1",
        "--endpoint",
        &format!("http://127.0.0.1:{}", closed_port()),
    ]));
    assert_eq!(r.code, 8);
    assert_eq!(r.stdout, "");
    assert!(r.stderr.starts_with("dts: error: "), "{}", r.stderr);
}

#[test]
fn a_closed_stdout_is_not_an_error() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let _m = gw.answer_any(200, OK_BODY);
    let mut child = home.spawn_with_keys(&["suspend", "-j", "j1", "--endpoint", &gw.url()], &[]);
    // Close the read end before dts writes.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn a_near_miss_region_warns_and_still_calls_the_regional_endpoint() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let m = gw.answer(Expect::suspend(&[("RegionId", "cn-hangzou")]), 200, OK_BODY);
    let r = run(home.dts_with_keys().args([
        "suspend",
        "-j",
        "j1",
        "-r",
        "cn-hangzou",
        "--endpoint",
        &gw.url(),
    ]));
    gw.assert_no_refusals();
    m.assert();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        format!(
            "dts: warning: unknown region 'cn-hangzou'; did you mean 'cn-hangzhou'? calling {}/\n",
            gw.url()
        )
    );
    // Without --endpoint, the regional rule applies: shown by --dry-run.
}
