//! `dts emulator`, the standalone server: what it prints, dts against it,
//! Ctrl-C, and a client written from the documented algorithm (support's
//! `expected_signature`, not dts's signer) that sends signed GET and POST
//! requests over a bare TCP stream: signature failures, nonce replay, the
//! time window, STS tokens, throttling, listings, unknown actions.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, ChildStderr};

use crate::emulator::{DEMO_KEY_ID, DEMO_KEY_SECRET};
use crate::support::*;

/// A running `dts emulator` and the address it printed.
struct Server {
    child: Option<Child>,
    stderr: BufReader<ChildStderr>,
    addr: String,
    exports: Vec<(String, String)>,
    _home: Home,
}

impl Server {
    fn start(extra: &[&str]) -> Server {
        let home = Home::new();
        let state = home.dir.path().join("jobs.json");
        let mut child = std::process::Command::new(home.dts().get_program())
            .env_clear()
            .envs(home.hermetic_env())
            .args(["emulator", "--listen", "127.0.0.1:0", "--state"])
            .arg(&state)
            .args(extra)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut stderr = BufReader::new(child.stderr.take().unwrap());
        let mut line = String::new();
        while !line.starts_with("export ") {
            line.clear();
            assert!(stderr.read_line(&mut line).unwrap() > 0, "no export line");
        }
        let exports: Vec<(String, String)> = line["export ".len()..]
            .split_whitespace()
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let endpoint = &exports.iter().find(|(k, _)| k == "DTS_ENDPOINT").unwrap().1;
        let addr = endpoint.trim_start_matches("http://").to_string();
        Server {
            child: Some(child),
            stderr,
            addr,
            exports,
            _home: home,
        }
    }

    /// dts with nothing but the pasted `export` line.
    fn dts(&self, args: &[&str]) -> Run {
        let home = Home::new();
        let mut cmd = home.dts();
        cmd.envs(self.exports.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        run(cmd.args(args))
    }

    /// Ctrl-C; the exit code and the rest of stderr.
    fn stop(mut self) -> (Option<i32>, String) {
        let out = interrupt(self.child.take().unwrap());
        let mut rest = String::new();
        let _ = self.stderr.read_to_string(&mut rest);
        (out.status.code(), rest)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// A request signed by the test's own signer.
struct Signed {
    params: BTreeMap<String, String>,
}

static NONCE: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl Signed {
    fn new(id: &str, action: &str, extra: &[(&str, &str)]) -> Signed {
        let now = time::OffsetDateTime::now_utc();
        let stamp = format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            now.year(),
            u8::from(now.month()),
            now.day(),
            now.hour(),
            now.minute(),
            now.second()
        );
        let n = NONCE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let nonce = format!("{}-{n}-{}", std::process::id(), now.unix_timestamp_nanos());
        let mut params: BTreeMap<String, String> = [
            ("Action", action),
            ("Format", "JSON"),
            ("Version", "2020-01-01"),
            ("AccessKeyId", id),
            ("SignatureMethod", "HMAC-SHA1"),
            ("SignatureVersion", "1.0"),
            ("SignatureNonce", nonce.as_str()),
            ("Timestamp", stamp.as_str()),
        ]
        .iter()
        .chain(extra)
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        params.retain(|_, v| !v.is_empty());
        Signed { params }
    }

    /// The query (or form body) with `Signature` for `method` and `secret`.
    fn query(&self, method: &str, secret: &str) -> String {
        let mut all = self.params.clone();
        all.insert(
            "Signature".into(),
            expected_signature(method, &self.params, secret),
        );
        all.iter()
            .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }
}

/// Sends one HTTP/1.1 request; the status and the JSON body.
fn send(addr: &str, method: &str, query: &str) -> (u16, serde_json::Value) {
    let mut stream = TcpStream::connect(addr).unwrap();
    let request = if method == "GET" {
        format!("GET /?{query} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n")
    } else {
        format!(
            "POST / HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{query}",
            query.len()
        )
    };
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let (head, body) = answer.split_once("\r\n\r\n").unwrap();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    let json = serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"));
    (status, json)
}

fn code(v: &serde_json::Value) -> &str {
    v["Code"].as_str().unwrap_or_default()
}

#[test]
fn it_prints_the_lines_to_paste_serves_dts_and_stops_on_ctrl_c() {
    let server = Server::start(&[]);
    let keys: Vec<&str> = server.exports.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        keys,
        [
            "DTS_ENDPOINT",
            "ALIBABA_CLOUD_ACCESS_KEY_ID",
            "ALIBABA_CLOUD_ACCESS_KEY_SECRET"
        ]
    );
    assert!(server.addr.starts_with("127.0.0.1:"), "{}", server.addr);
    let paused = server.dts(&["suspend", "-j", "dtsjob-seed01"]);
    assert_eq!(paused.code, 0, "{}", paused.stderr);
    let status = server.dts(&["status", "-j", "dtsjob-seed01", "-o", "json"]);
    assert_eq!(one_json_object(&status.stdout)["Status"], "Suspending");
    let (code, rest) = server.stop();
    assert_eq!(code, Some(0), "{rest}");
}

#[test]
fn a_client_without_dts_signs_get_and_post_requests_it_accepts() {
    let server = Server::start(&[]);
    let job = [("DtsJobId", "dtsjob-seed02")];
    let get = Signed::new(DEMO_KEY_ID, "DescribeDtsJobDetail", &job);
    let (status, body) = send(&server.addr, "GET", &get.query("GET", DEMO_KEY_SECRET));
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["DtsJobName"], "payments-sync");
    assert_eq!(body["Status"], "Synchronizing");
    let post = Signed::new(DEMO_KEY_ID, "SuspendDtsJob", &job);
    let (status, body) = send(&server.addr, "POST", &post.query("POST", DEMO_KEY_SECRET));
    assert_eq!(
        (status, body["Success"].as_bool()),
        (200, Some(true)),
        "{body}"
    );
    // A GET signature is not a POST signature.
    let crossed = Signed::new(DEMO_KEY_ID, "DescribeDtsJobDetail", &job);
    let (status, body) = send(&server.addr, "POST", &crossed.query("GET", DEMO_KEY_SECRET));
    assert_eq!((status, code(&body)), (400, "SignatureDoesNotMatch"));
}

#[test]
fn a_wrong_secret_is_refused_quoting_the_string_to_sign() {
    let server = Server::start(&[]);
    let req = Signed::new(DEMO_KEY_ID, "SuspendDtsJob", &[("DtsJobId", "dtsjob-x")]);
    let (status, body) = send(&server.addr, "GET", &req.query("GET", "not-the-secret"));
    assert_eq!((status, code(&body)), (400, "SignatureDoesNotMatch"));
    let message = body["Message"].as_str().unwrap();
    assert!(message.contains("GET&%2F&AccessKeyId%3D"), "{message}");
    // Through dts: an authentication failure, exit 4.
    let home = Home::new();
    let r = run(home
        .dts()
        .env("DTS_ENDPOINT", format!("http://{}", server.addr))
        .env("ALIBABA_CLOUD_ACCESS_KEY_ID", DEMO_KEY_ID)
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "wrong")
        .args(["suspend", "-j", "dtsjob-x"]));
    assert_eq!(r.code, 4, "{}", r.stderr);
    assert!(r.stderr.contains("SignatureDoesNotMatch"), "{}", r.stderr);
    // An unknown key.
    let req = Signed::new("LTAInobody", "SuspendDtsJob", &[("DtsJobId", "dtsjob-x")]);
    let (status, body) = send(&server.addr, "GET", &req.query("GET", "x"));
    assert_eq!((status, code(&body)), (404, "InvalidAccessKeyId.NotFound"));
}

#[test]
fn a_nonce_used_twice_and_an_old_timestamp_are_refused() {
    let server = Server::start(&[]);
    let req = Signed::new(
        DEMO_KEY_ID,
        "DescribeDtsJobDetail",
        &[("DtsJobId", "dtsjob-seed01")],
    );
    let query = req.query("GET", DEMO_KEY_SECRET);
    assert_eq!(send(&server.addr, "GET", &query).0, 200);
    let (status, body) = send(&server.addr, "GET", &query);
    assert_eq!((status, code(&body)), (400, "SignatureNonceUsed"));
    let mut old = Signed::new(
        DEMO_KEY_ID,
        "DescribeDtsJobDetail",
        &[("DtsJobId", "dtsjob-seed01")],
    );
    old.params
        .insert("Timestamp".into(), "2020-01-01T00:00:00Z".into());
    let (status, body) = send(&server.addr, "GET", &old.query("GET", DEMO_KEY_SECRET));
    assert_eq!((status, code(&body)), (400, "InvalidTimeStamp.Expired"));
}

#[test]
fn sts_keys_need_their_security_token_and_extra_keys_are_accepted() {
    let server = Server::start(&[
        "--access-key-id",
        "LTAIextra",
        "--access-key-secret",
        "extra-s",
    ]);
    let (sts_id, sts_secret, token) = (
        "STS.EmulatorDemoKey",
        "emulator-demo-sts-secret",
        "CAISEmulatorDemoSecurityToken",
    );
    let job = ("DtsJobId", "dtsjob-seed01");
    let bare = Signed::new(sts_id, "DescribeDtsJobDetail", &[job]);
    let (status, body) = send(&server.addr, "GET", &bare.query("GET", sts_secret));
    assert_eq!(
        (status, code(&body)),
        (400, "InvalidSecurityToken.Mismatch")
    );
    let with = Signed::new(
        sts_id,
        "DescribeDtsJobDetail",
        &[job, ("SecurityToken", token)],
    );
    assert_eq!(
        send(&server.addr, "GET", &with.query("GET", sts_secret)).0,
        200
    );
    let extra = Signed::new("LTAIextra", "DescribeDtsJobDetail", &[job]);
    assert_eq!(
        send(&server.addr, "GET", &extra.query("GET", "extra-s")).0,
        200
    );
}

#[test]
fn beyond_twenty_calls_a_second_it_answers_throttling_user() {
    let server = Server::start(&[]);
    let job = [("DtsJobId", "dtsjob-seed01")];
    let answers: Vec<(u16, String)> = (0..60)
        .map(|_| {
            let req = Signed::new(DEMO_KEY_ID, "DescribeDtsJobDetail", &job);
            let (status, body) = send(&server.addr, "GET", &req.query("GET", DEMO_KEY_SECRET));
            (status, code(&body).to_string())
        })
        .collect();
    // Twenty always fit in a second; sixty on loopback never take one.
    assert!(answers[..20].iter().all(|(s, _)| *s == 200), "{answers:?}");
    assert!(
        answers.contains(&(400, "Throttling.User".to_string())),
        "{answers:?}"
    );
    // The limit is per action: another action still goes through.
    let other = Signed::new(DEMO_KEY_ID, "DescribeDtsJobs", &[("JobType", "SYNC")]);
    assert_eq!(
        send(&server.addr, "GET", &other.query("GET", DEMO_KEY_SECRET)).0,
        200
    );
}

#[test]
fn describe_dts_jobs_filters_and_pages_and_unknown_actions_are_not_found() {
    let server = Server::start(&[]);
    let list = |extra: &[(&str, &str)]| {
        let req = Signed::new(DEMO_KEY_ID, "DescribeDtsJobs", extra);
        send(&server.addr, "GET", &req.query("GET", DEMO_KEY_SECRET)).1
    };
    let sync = list(&[("JobType", "SYNC"), ("PageSize", "2")]);
    assert_eq!(sync["TotalRecordCount"], 7, "{sync}");
    assert_eq!(sync["DtsJobList"].as_array().unwrap().len(), 2);
    let last = list(&[("JobType", "SYNC"), ("PageSize", "2"), ("PageNumber", "4")]);
    assert_eq!(last["PageRecordCount"], 1, "{last}");
    let shanghai = list(&[("JobType", "MIGRATION"), ("RegionId", "cn-shanghai")]);
    assert_eq!(shanghai["TotalRecordCount"], 2, "{shanghai}");
    let paused = list(&[("JobType", "SYNC"), ("Status", "suspending")]);
    assert_eq!(paused["TotalRecordCount"], 2, "{paused}");
    let named = list(&[("JobType", "SYNC"), ("Type", "name"), ("Params", "orders")]);
    assert_eq!(named["TotalRecordCount"], 2, "{named}");
    // A job refusal comes in DTS's own shape, not the gateway's.
    let req = Signed::new(
        DEMO_KEY_ID,
        "SuspendDtsJob",
        &[("DtsJobId", "dtsjob-seed03")],
    );
    let (status, body) = send(&server.addr, "POST", &req.query("POST", DEMO_KEY_SECRET));
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["Success"], false, "{body}");
    assert_eq!(body["ErrCode"], "InvalidJobStatus", "{body}");
    let req = Signed::new(
        DEMO_KEY_ID,
        "DeleteDtsJob",
        &[("DtsJobId", "dtsjob-seed01")],
    );
    let (status, body) = send(&server.addr, "GET", &req.query("GET", DEMO_KEY_SECRET));
    assert_eq!((status, code(&body)), (404, "InvalidAction.NotFound"));
}

#[test]
fn an_address_it_cannot_listen_on_is_a_usage_error() {
    let home = Home::new();
    let r = run(home.dts().args(["emulator", "--listen", "not-an-address"]));
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr
            .starts_with("dts: error: cannot listen on not-an-address"),
        "{}",
        r.stderr
    );
}

#[test]
fn rate_limit_zero_lifts_the_limit() {
    let server = Server::start(&["--rate-limit", "0"]);
    let job = [("DtsJobId", "dtsjob-seed01")];
    for call in 0..60 {
        let req = Signed::new(DEMO_KEY_ID, "DescribeDtsJobDetail", &job);
        let (status, body) = send(&server.addr, "GET", &req.query("GET", DEMO_KEY_SECRET));
        assert_eq!(status, 200, "call {call}: {body}");
    }
}
