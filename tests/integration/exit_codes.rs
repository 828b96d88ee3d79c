//! One test per exit class the contract gives, through the real binary, in
//! both output formats: the code, stdout (one JSON object in json mode,
//! nothing in table mode) and the one human message on stderr.

use std::net::TcpListener;
use std::time::{Duration, Instant};

use crate::support::*;

/// Runs `dts suspend` against `endpoint` in both formats and checks the
/// common rules of a failure; returns the json run.
/// Retries are off: their own tests are in faults.rs, and here they
/// would only add backoff sleeps.
fn fail(home: &Home, endpoint: &str, code: i32) -> Run {
    let table = run(home.dts_with_keys().args([
        "--retries",
        "0",
        "suspend",
        "-j",
        "j1",
        "--endpoint",
        endpoint,
    ]));
    assert_eq!(table.code, code, "table: {}", table.stderr);
    assert_eq!(table.stdout, "", "table mode prints nothing on failure");
    assert!(table.stderr.starts_with("dts: error: "), "{}", table.stderr);
    let json = run(home.dts_with_keys().args([
        "--retries",
        "0",
        "-o",
        "json",
        "suspend",
        "-j",
        "j1",
        "--endpoint",
        endpoint,
    ]));
    assert_eq!(json.code, code, "json: {}", json.stderr);
    let object = one_json_object(&json.stdout);
    // The service's own body (a gateway error has no Success field) or one
    // dts makes; never a success.
    assert_ne!(object.get("Success"), Some(&serde_json::Value::Bool(true)));
    assert!(
        object.contains_key("Code") || object.contains_key("ErrCode"),
        "{}",
        json.stdout
    );
    assert_eq!(json.stderr, table.stderr);
    json
}

#[test]
fn exit_3_without_credentials() {
    let home = Home::new();
    for args in [
        vec!["suspend", "-j", "j1"],
        vec!["-o", "json", "suspend", "-j", "j1"],
    ] {
        let r = run(home.dts().args(&args));
        assert_eq!(r.code, 3);
        let config = crate::support::path_str(&home.config_path());
        let aliyun = home.dir.path().join(".aliyun/config.json");
        assert_eq!(
            r.stderr,
            format!(
                "dts: error: no credentials: ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET are not set, and there is no profile 'default' in {config}, nor in {} (nor a credentials INI file); this is not an ECS instance and ALIBABA_CLOUD_CREDENTIALS_URI is not set\n\
                 dts: hint: run 'dts configure', export ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or write a [default] profile with access_key_id and access_key_secret to {config}\n",
                aliyun.display()
            )
        );
        if args[0] == "-o" {
            let o = one_json_object(&r.stdout);
            assert_eq!(o["ErrCode"], "Cli.NoCredentials");
            assert_eq!(o["RequestId"], serde_json::Value::Null);
            assert!(
                o["ErrMessage"]
                    .as_str()
                    .unwrap()
                    .starts_with("no credentials")
            );
        } else {
            assert_eq!(r.stdout, "");
        }
    }
}

#[test]
fn exit_4_for_a_bad_access_key_with_a_hint_naming_its_source() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let body = r#"{"RequestId":"R-4","HostId":"dts.aliyuncs.com","Code":"InvalidAccessKeyId.NotFound","Message":"Specified access key is not found.","Recommend":"https://api.aliyun.com"}"#;
    let _m = gw.answer_any(404, body);
    let r = fail(&home, &gw.url(), 4);
    assert_eq!(r.stdout, format!("{body}\n"));
    assert_eq!(
        r.stderr,
        "dts: error: InvalidAccessKeyId.NotFound: Specified access key is not found. (request id R-4)\n\
         dts: hint: check the access key from the environment (ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET), and its permissions\n"
    );
}

#[test]
fn exit_4_hint_names_profile_and_file() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let path = home.write_config(&format!(
        "[prod]\naccess_key_id = \"a\"\naccess_key_secret = \"b\"\nendpoint = \"{}\"\n",
        gw.url()
    ));
    let _m = gw.answer_any(
        400,
        r#"{"RequestId":"R","Code":"SignatureDoesNotMatch","Message":"Specified signature is not matched with our calculation."}"#,
    );
    let r = run(home.dts().args(["-p", "prod", "suspend", "-j", "j1"]));
    assert_eq!(r.code, 4);
    assert!(
        r.stderr.ends_with(&format!(
            "dts: hint: check the access key secret from profile 'prod' in {}; --verbose shows the string dts signed\n",
            path.display()
        )),
        "{}",
        r.stderr
    );
}

#[test]
fn exit_4_for_403_without_a_code() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let _m = gw.answer_any(403, "<html>Forbidden</html>");
    let r = fail(&home, &gw.url(), 4);
    assert_eq!(one_json_object(&r.stdout)["ErrCode"], "Cli.Auth");
}

#[test]
fn exit_5_for_an_invalid_parameter_with_the_dynamic_message() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let body = r#"{"RequestId":"R-5","HttpStatusCode":400,"Success":false,"ErrCode":"InvalidParameter","ErrMessage":"The Value of Input Parameter %s is not valid.","DynamicMessage":"DtsJobId","DynamicCode":""}"#;
    let _m = gw.answer_any(400, body);
    let r = fail(&home, &gw.url(), 5);
    assert_eq!(r.stdout, format!("{body}\n"));
    assert_eq!(
        r.stderr,
        "dts: error: InvalidParameter: The Value of Input Parameter DtsJobId is not valid. (request id R-5)\n"
    );
}

#[test]
fn exit_5_for_success_false_on_http_200() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let body = r#"{"RequestId":"R-52","HttpStatusCode":200,"Success":false,"ErrCode":"InvalidJobStatus","ErrMessage":"The job status does not allow this operation."}"#;
    let _m = gw.answer_any(200, body);
    let r = fail(&home, &gw.url(), 5);
    assert_eq!(r.stdout, format!("{body}\n"));
    assert!(r.stderr.contains("InvalidJobStatus"), "{}", r.stderr);
}

#[test]
fn exit_5_for_a_job_that_does_not_exist() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let _m = gw.answer_any(
        403,
        r#"{"RequestId":"R","Success":false,"ErrCode":"Forbidden.InstanceNotFound","ErrMessage":"The specified instance is not found."}"#,
    );
    fail(&home, &gw.url(), 5);
}

#[test]
fn exit_6_for_throttling() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let _m = gw.answer_any(
        400,
        r#"{"RequestId":"R-6","Code":"Throttling.User","Message":"Request was denied due to user flow control."}"#,
    );
    let r = fail(&home, &gw.url(), 6);
    assert!(r.stderr.contains("Throttling.User"), "{}", r.stderr);
}

#[test]
fn exit_6_for_throttling_even_on_http_200() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let _m = gw.answer_any(
        200,
        r#"{"RequestId":"R","Code":"Throttling.Api","Message":"x"}"#,
    );
    fail(&home, &gw.url(), 6);
}

#[test]
fn exit_7_for_service_unavailable() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let _m = gw.answer_any(
        503,
        r#"{"RequestId":"R-7","Code":"ServiceUnavailable","Message":"The request has failed due to a temporary failure of the server."}"#,
    );
    fail(&home, &gw.url(), 7);
}

#[test]
fn exit_7_for_a_proxy_html_page_with_502() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let _m = gw.answer_any(502, "<html><body>502 Bad Gateway</body></html>");
    let r = fail(&home, &gw.url(), 7);
    let o = one_json_object(&r.stdout);
    assert_eq!(o["ErrCode"], "Cli.ServiceUnavailable");
    assert_eq!(o["HttpStatusCode"], 502);
    assert!(r.stderr.contains("HTTP 502"), "{}", r.stderr);
}

#[test]
fn exit_8_for_a_refused_connection() {
    let home = Home::new();
    let endpoint = format!("http://127.0.0.1:{}", closed_port());
    let r = fail(&home, &endpoint, 8);
    assert_eq!(one_json_object(&r.stdout)["ErrCode"], "Cli.Network");
    assert!(r.stderr.contains("refused"), "{}", r.stderr);
}

#[test]
fn exit_8_when_the_server_never_answers_within_the_timeout() {
    let home = Home::new();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let endpoint = format!("http://{}", listener.local_addr().unwrap());
    // Accept connections and hold them open without answering.
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming().flatten() {
            held.push(stream);
        }
    });
    let start = Instant::now();
    let r = run(home.dts_with_keys().args([
        "-o",
        "json",
        "--timeout",
        "0.5",
        "--retries",
        "0",
        "suspend",
        "-j",
        "j1",
        "--endpoint",
        &endpoint,
    ]));
    assert_eq!(r.code, 8, "{}", r.stderr);
    assert_eq!(one_json_object(&r.stdout)["ErrCode"], "Cli.Timeout");
    assert!(r.stderr.contains("within 0.5 s"), "{}", r.stderr);
    // Generous bound: the point is that 0.5 s, not the 10 s default, applied.
    assert!(start.elapsed() < Duration::from_secs(8));
}

#[test]
fn exit_9_for_html_on_http_200() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let _m = gw.answer_any(200, "<html>maintenance</html>");
    let r = fail(&home, &gw.url(), 9);
    assert_eq!(one_json_object(&r.stdout)["ErrCode"], "Cli.InvalidResponse");
}

#[test]
fn exit_9_for_json_that_is_not_an_object_or_lacks_success() {
    let home = Home::new();
    let mut gw = Gateway::new();
    for body in [
        "[1,2,3]",
        "\"ok\"",
        r#"{"RequestId":"R"}"#,
        r#"{"Success":"true"}"#,
        r#"{"Success":tr"#,
    ] {
        let m = gw.answer_any(200, body);
        fail(&home, &gw.url(), 9);
        m.remove();
    }
}

#[test]
fn exit_1_for_a_bug_with_one_line_and_no_backtrace() {
    let home = Home::new();
    for json in [false, true] {
        let mut cmd = home.dts_with_keys();
        cmd.env("DTS_DEBUG_PANIC", "1")
            .env("RUST_BACKTRACE", "1")
            .env("DTS_ENDPOINT", "http://127.0.0.1:9");
        if json {
            cmd.args(["-o", "json"]);
        }
        let r = run(cmd.args(["suspend", "-j", "j1"]));
        assert_eq!(r.code, 1, "{}", r.stderr);
        assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
        assert!(
            r.stderr.starts_with(
                "dts: error: internal error (a bug in dts, please report it): DTS_DEBUG_PANIC is set at src/"
            ),
            "{}",
            r.stderr
        );
        if json {
            assert_eq!(one_json_object(&r.stdout)["ErrCode"], "Cli.Internal");
        } else {
            assert_eq!(r.stdout, "");
        }
    }
}
