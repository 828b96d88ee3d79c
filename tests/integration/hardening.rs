//! Regression tests for the defects an adversarial review and a newcomer's
//! first hour found (issue 9), one test named after each defect, all
//! through the binary.

use crate::support::*;

const TOKEN: &str = "CAIStokenSENTINEL+/=";

fn with_token(home: &Home) -> assert_cmd::Command {
    let mut cmd = home.dts_with_keys();
    cmd.env("ALIBABA_CLOUD_SECURITY_TOKEN", TOKEN);
    cmd
}

/// The token's tail, which no output may show in any form.
fn assert_no_token(r: &Run) {
    for text in [&r.stdout, &r.stderr] {
        let lower = text.to_ascii_lowercase();
        assert!(!lower.contains("tokensentinel"), "token shown: {text}");
    }
}

#[test]
fn a_token_echoed_as_a_json_key_is_masked() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let body = format!(
        r#"{{"RequestId":"R","Success":false,"ErrCode":"InvalidParameter","ErrMessage":"x","Echo":{{"{TOKEN}":"{TOKEN}"}}}}"#
    );
    let _m = gw.answer_any(400, &body);
    let r =
        run(with_token(&home).args(["-o", "json", "suspend", "-j", "j1", "--endpoint", &gw.url()]));
    assert_eq!(r.code, 5, "{}", r.stderr);
    assert_no_token(&r);
    let object = one_json_object(&r.stdout);
    assert_eq!(
        object["Echo"],
        serde_json::json!({"CAIS***": "CAIS***"}),
        "{}",
        r.stdout
    );
}

#[test]
fn a_token_encoded_three_times_or_in_lower_case_hex_is_masked() {
    let home = Home::new();
    let thrice = TOKEN
        .replace('+', "%25252B")
        .replace('/', "%25252F")
        .replace('=', "%25253D");
    let lower = TOKEN
        .replace('+', "%2b")
        .replace('/', "%2f")
        .replace('=', "%3d");
    let mut gw = Gateway::new();
    let body = format!(
        r#"{{"RequestId":"R","Code":"SignatureDoesNotMatch","Message":"server string to sign: {lower}","Recommend":"https://api.aliyun.com/troubleshoot?q={thrice}"}}"#
    );
    let _m = gw.answer_any(400, &body);
    for mode in [&["-o", "json"][..], &["-v"][..]] {
        let r = run(with_token(&home).args(mode).args([
            "suspend",
            "-j",
            "j1",
            "--endpoint",
            &gw.url(),
        ]));
        assert_eq!(r.code, 4, "{}", r.stderr);
        assert_no_token(&r);
    }
}

#[test]
fn a_token_shorter_than_eight_characters_is_masked() {
    let home = Home::new();
    let short = "Sh0rt+";
    let mut gw = Gateway::new();
    let body = format!(
        r#"{{"RequestId":"R","Code":"InvalidSecurityToken.Expired","Message":"token {short} and Sh0rt%2B expired"}}"#
    );
    let _m = gw.answer_any(403, &body);
    let r = run(home
        .dts_with_keys()
        .env("ALIBABA_CLOUD_SECURITY_TOKEN", short)
        .args(["-o", "json", "suspend", "-j", "j1", "--endpoint", &gw.url()]));
    assert_eq!(r.code, 4, "{}", r.stderr);
    for text in [&r.stdout, &r.stderr] {
        assert!(!text.contains("Sh0rt"), "{text}");
        assert!(text.contains("Sh0***"), "{text}");
    }
}

#[test]
fn a_redirect_with_a_json_body_is_exit_9_not_5() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let _m = gw.answer_any(302, r#"{"Code":"Found","Message":"elsewhere"}"#);
    let r = run(home
        .dts_with_keys()
        .args(["suspend", "-j", "j1", "--endpoint", &gw.url()]));
    assert_eq!(r.code, 9, "{}", r.stderr);
    assert!(r.stderr.contains("HTTP 302, a redirect"), "{}", r.stderr);
}

#[test]
fn invalid_job_status_with_http_403_is_exit_5_not_4() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let _m = gw.answer_any(
        403,
        r#"{"RequestId":"R","Success":false,"ErrCode":"InvalidJobStatus","ErrMessage":"the job is not running"}"#,
    );
    let r = run(home.dts_with_keys().args([
        "--retries",
        "0",
        "suspend",
        "-j",
        "j1",
        "--endpoint",
        &gw.url(),
    ]));
    assert_eq!(r.code, 5, "{}", r.stderr);
    assert!(!r.stderr.contains("access key"), "{}", r.stderr);
}

#[test]
fn a_proxy_password_with_an_at_sign_is_never_shown() {
    let home = Home::new();
    let proxy = "http://alice:p@ssW0rd@127.0.0.1:3128";
    for args in [
        &["-v", "--dry-run", "suspend", "-j", "j1"][..],
        &["--retries", "0", "suspend", "-j", "j1"][..],
    ] {
        let r = run(home.dts_with_keys().env("HTTPS_PROXY", proxy).args(args));
        for text in [&r.stdout, &r.stderr] {
            assert!(!text.contains("ssW0rd"), "{args:?}: {text}");
        }
        assert!(r.stderr.contains("alice:***@"), "{args:?}: {}", r.stderr);
    }
}

#[test]
fn plain_http_to_a_host_that_is_not_loopback_warns() {
    let home = Home::new();
    let r = run(with_token(&home).args([
        "--dry-run",
        "suspend",
        "-j",
        "j1",
        "--endpoint",
        "http://dts.example.com",
    ]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("warning: the endpoint http://dts.example.com/ is plain http")
            && r.stderr.contains("SecurityToken travel in clear text"),
        "{}",
        r.stderr
    );
    for endpoint in ["http://127.0.0.1:9", "http://localhost:9", "http://[::1]:9"] {
        let r = run(home.dts_with_keys().args([
            "--dry-run",
            "suspend",
            "-j",
            "j1",
            "--endpoint",
            endpoint,
        ]));
        assert_eq!(r.stderr, "", "{endpoint}");
    }
}

/// A listener whose accept queue is full: a connection to it neither
/// succeeds nor is refused, it times out (all on loopback).
struct FullBacklog {
    listener: std::net::TcpListener,
    _filler: std::net::TcpStream,
}

impl FullBacklog {
    fn new() -> Self {
        use std::os::fd::AsRawFd;
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        // SAFETY: lowering the backlog of a socket we own.
        assert_eq!(unsafe { libc::listen(listener.as_raw_fd(), 0) }, 0);
        let filler = std::net::TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        FullBacklog {
            listener,
            _filler: filler,
        }
    }

    fn url(&self) -> String {
        format!("http://{}", self.listener.local_addr().unwrap())
    }
}

#[test]
fn a_connect_timeout_sends_nothing_so_no_outcome_check_runs() {
    let home = Home::new();
    let target = FullBacklog::new();
    let r = run(home.dts_with_keys().args([
        "-v",
        "--retries",
        "0",
        "--timeout",
        "1",
        "suspend",
        "-j",
        "j1",
        "--endpoint",
        &target.url(),
    ]));
    assert_eq!(r.code, 8, "{}", r.stderr);
    assert!(r.stderr.contains("within 1 s"), "{}", r.stderr);
    assert!(!r.stderr.contains("DescribeDtsJobDetail"), "{}", r.stderr);
    assert!(!r.stderr.contains("outcome"), "{}", r.stderr);
}

#[test]
fn an_unreachable_proxy_is_named_not_the_endpoint() {
    let home = Home::new();
    let proxy_port = closed_port();
    let r = run(home
        .dts_with_keys()
        .env(
            "HTTP_PROXY",
            format!("http://bob:pw@127.0.0.1:{proxy_port}"),
        )
        .args([
            "--retries",
            "0",
            "suspend",
            "-j",
            "j1",
            "--endpoint",
            "http://127.0.0.1:9",
        ]));
    assert_eq!(r.code, 8, "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!(
            "cannot connect to the proxy http://bob:***@127.0.0.1:{proxy_port}/ (for 127.0.0.1:9): connection refused"
        )),
        "{}",
        r.stderr
    );
}

#[test]
fn an_expired_token_hint_names_the_token_variable() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let _m = gw.answer_any(
        403,
        r#"{"RequestId":"R","Code":"InvalidSecurityToken.Expired","Message":"expired"}"#,
    );
    let r = run(with_token(&home).args(["suspend", "-j", "j1", "--endpoint", &gw.url()]));
    assert_eq!(r.code, 4, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "hint: the STS token from ALIBABA_CLOUD_SECURITY_TOKEN is missing, expired or wrong"
        ),
        "{}",
        r.stderr
    );
    assert!(
        !r.stderr.contains("ALIBABA_CLOUD_ACCESS_KEY_ID"),
        "{}",
        r.stderr
    );
}

#[test]
fn values_too_long_for_a_url_are_bad_input_naming_the_limit() {
    let home = Home::new();
    let long = "j".repeat(70_000);
    type Case = (
        Vec<(&'static str, String)>,
        Vec<String>,
        Option<String>,
        i32,
        &'static str,
    );
    let cases: Vec<Case> = vec![
        (
            vec![],
            vec!["-j".into(), long.clone()],
            None,
            2,
            "the id is 70000 bytes long",
        ),
        (
            vec![],
            vec!["-j".into(), "-".into()],
            Some(format!("j1\n{}\n", "k".repeat(1 << 20))),
            2,
            "1048576 bytes long",
        ),
        (
            vec![("ALIBABA_CLOUD_SECURITY_TOKEN", "t".repeat(80_000))],
            vec!["-j".into(), "j1".into()],
            None,
            3,
            "the SecurityToken from ALIBABA_CLOUD_SECURITY_TOKEN is 80000 bytes long, over the limit of 16384 bytes",
        ),
        (
            vec![("DTS_ENDPOINT", "e".repeat(80_000))],
            vec!["-j".into(), "j1".into()],
            None,
            3,
            "DTS_ENDPOINT: the endpoint is 80000 bytes long, over the limit of 1024 bytes",
        ),
        (
            vec![],
            vec![
                "-j".into(),
                "j1".into(),
                "--endpoint".into(),
                "e".repeat(80_000),
            ],
            None,
            2,
            "the endpoint is 80000 bytes long",
        ),
    ];
    for (env, args, stdin, code, says) in cases {
        let mut cmd = home.dts_with_keys();
        // Loopback unless the case sets DTS_ENDPOINT itself.
        cmd.env("DTS_ENDPOINT", "http://127.0.0.1:9")
            .envs(env.iter().map(|(k, v)| (k, v)))
            .args(["--retries", "0", "suspend"])
            .args(&args);
        if let Some(input) = stdin {
            cmd.write_stdin(input);
        }
        let r = run(&mut cmd);
        assert_eq!(
            r.code,
            code,
            "{says}: {}",
            &r.stderr[..r.stderr.len().min(500)]
        );
        assert!(
            r.stderr.contains(says),
            "{says}: {}",
            &r.stderr[..r.stderr.len().min(500)]
        );
        assert!(
            r.stderr.len() < 2000,
            "the value is not quoted: {} bytes",
            r.stderr.len()
        );
        assert!(!r.stderr.contains("internal error"), "{}", r.stderr);
    }
}

#[test]
fn a_missing_default_profile_names_the_profiles_that_exist() {
    let home = Home::new();
    let path = home.write_config("[prod]\naccess_key_id = \"a\"\naccess_key_secret = \"b\"\n\n[staging]\naccess_key_id = \"c\"\naccess_key_secret = \"d\"\n");
    let r = run(home.dts().args(["suspend", "-j", "j1"]));
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!(
            "hint: profiles in {}: prod, staging; choose one with -p NAME",
            path.display()
        )),
        "{}",
        r.stderr
    );
}

#[test]
fn control_characters_from_the_network_never_reach_the_terminal_raw() {
    let home = Home::new();
    let evil = r#"\u001b]0;owned\u0007\u001b[2J\u009b31m\nforged"#;
    let mut gw = Gateway::new();
    let _m = gw.answer_any(
        400,
        &format!(
            r#"{{"RequestId":"R\u001b[8m","Success":false,"ErrCode":"InvalidParameter","ErrMessage":"bad {evil}"}}"#
        ),
    );
    for args in [
        &["-v", "suspend", "-j", "j1"][..],
        &["suspend", "-j", "j1", "-j", "j2"][..],
    ] {
        let r = run(home
            .dts_with_keys()
            .args(args)
            .args(["--endpoint", &gw.url()]));
        assert_eq!(r.code, 5, "{}", r.stderr);
        for text in [&r.stdout, &r.stderr] {
            assert!(
                !text.contains(['\x1b', '\x07', '\u{9b}']),
                "{args:?}: {text:?}"
            );
        }
        assert!(
            r.stderr
                .contains(r"bad \x1b]0;owned\x07\x1b[2J\u{9b}31m\nforged"),
            "{args:?}: {}",
            r.stderr
        );
    }
    // The status table.
    let mut gw = Gateway::new();
    let _m = gw.answer_any(
        200,
        r#"{"RequestId":"R","Success":true,"DtsJobId":"j1","Status":"Running\u001b]0;owned\u0007","ErrorMessage":"\u001b[2J"}"#,
    );
    let r = run(home
        .dts_with_keys()
        .args(["status", "-j", "j1", "--endpoint", &gw.url()]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stdout.contains(['\x1b', '\x07']), "{:?}", r.stdout);
    assert!(
        r.stdout.contains(r"Running\x1b]0;owned\x07"),
        "{}",
        r.stdout
    );
}

#[test]
fn a_retry_is_announced_on_stderr_unless_quiet() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let _m = gw.answer_any(503, r#"{"Code":"ServiceUnavailable","Message":"busy"}"#);
    let r = run(home.dts_with_keys().args([
        "--retries",
        "1",
        "suspend",
        "-j",
        "j1",
        "--endpoint",
        &gw.url(),
    ]));
    assert_eq!(r.code, 7, "{}", r.stderr);
    let first = r.stderr.lines().next().unwrap_or_default();
    assert!(
        first.starts_with(
            "dts: attempt 1 of at most 2 failed: ServiceUnavailable: busy; retrying in "
        ),
        "{}",
        r.stderr
    );
    let r = run(home.dts_with_keys().args([
        "-q",
        "--retries",
        "1",
        "suspend",
        "-j",
        "j1",
        "--endpoint",
        &gw.url(),
    ]));
    assert_eq!(r.code, 7);
    assert!(r.stderr.starts_with("dts: error: "), "{}", r.stderr);
}

#[test]
fn a_byte_order_mark_on_stdin_is_not_part_of_the_first_job_id() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let m = gw.answer(Expect::suspend(&[("DtsJobId", "j1")]), 200, OK_BODY);
    let r = run(home
        .dts_with_keys()
        .args(["suspend", "-j", "-", "--endpoint", &gw.url()])
        .write_stdin("\u{feff}j1\n"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    gw.assert_no_refusals();
    m.assert();
}

#[test]
fn a_stdin_line_with_whitespace_inside_is_bad_input() {
    let home = Home::new();
    let r = run(home
        .dts_with_keys()
        .env("DTS_ENDPOINT", "http://127.0.0.1:9")
        .args(["suspend", "-j", "-"])
        .write_stdin("job1\njob2 prod\n"));
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        "dts: error: stdin line 2: 'job2 prod' has whitespace inside; give one job ID a line\n"
    );
}

#[test]
fn sigterm_and_sighup_end_dts_like_ctrl_c_with_the_json_owed() {
    use crate::fault_server::{Fault, FaultServer};
    use std::time::{Duration, Instant};
    let ok = |body: &str| Fault::answer(200, &[], body.as_bytes());
    let phases: Vec<(&str, Vec<Fault>, usize, Vec<&str>)> = vec![
        ("a request", vec![Fault::Stall], 1, vec![]),
        (
            "a retry wait",
            vec![Fault::answer(
                503,
                &[("Retry-After", "30")],
                br#"{"Code":"ServiceUnavailable","Message":"x"}"#,
            )],
            1,
            vec![],
        ),
        (
            "a --wait",
            vec![
                ok(r#"{"RequestId":"RS","Success":true}"#),
                ok(r#"{"RequestId":"RD","Success":true,"Status":"Synchronizing"}"#),
            ],
            2,
            vec!["--wait", "--poll-interval", "30"],
        ),
    ];
    let home = Home::new();
    for (sig, name, code) in [
        (libc::SIGTERM, "SIGTERM", 143),
        (libc::SIGHUP, "SIGHUP", 129),
    ] {
        for (phase, faults, seen, extra) in &phases {
            let s = FaultServer::start(faults.clone());
            let mut args = vec!["-o", "json", "suspend", "-j", "j1", "--endpoint"];
            let url = s.url();
            args.push(&url);
            args.extend(extra);
            let child = home.spawn_with_keys(&args, &[]);
            s.wait_for(*seen);
            std::thread::sleep(Duration::from_millis(200));
            let start = Instant::now();
            let out = signal(child, sig);
            assert_eq!(out.status.code(), Some(code), "{name} during {phase}");
            assert!(
                start.elapsed() < Duration::from_secs(5),
                "{name} during {phase}"
            );
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert_eq!(
                one_json_object(&stdout)["ErrCode"],
                "Cli.Interrupted",
                "{name} during {phase}"
            );
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(
                stderr.ends_with(&format!("dts: error: interrupted by {name}\n")),
                "{name} during {phase}: {stderr}"
            );
        }
    }
}

fn to_dev_full(cmd: &mut assert_cmd::Command) -> Run {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = std::process::Command::new(cmd.get_program())
        .args(cmd.get_args())
        .env_clear()
        .envs(cmd.get_envs().filter_map(|(k, v)| Some((k, v?))))
        .stdout(full)
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::new(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn a_full_disk_on_stdout_is_exit_1_for_every_command() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let _m = gw.answer_any(200, OK_BODY);
    let url = gw.url();
    let commands: Vec<Vec<&str>> = vec![
        vec!["--help"],
        vec!["suspend", "--help"],
        vec!["--version"],
        vec!["completions", "bash"],
        vec![
            "--dry-run",
            "suspend",
            "-j",
            "j1",
            "--endpoint",
            "http://127.0.0.1:9",
        ],
        vec!["suspend", "-j", "j1", "--endpoint", &url],
        vec!["-o", "json", "suspend", "-j", "j1", "--endpoint", &url],
    ];
    for args in commands {
        let r = to_dev_full(home.dts_with_keys().args(&args));
        assert_eq!(r.code, 1, "{args:?}: {}", r.stderr);
        assert!(
            r.stderr
                .ends_with("dts: error: cannot write to stdout: No space left on device\n"),
            "{args:?}: {}",
            r.stderr
        );
    }
}

#[test]
fn a_closed_pipe_after_help_is_not_an_error() {
    let home = Home::new();
    let mut child = std::process::Command::new(home.dts().get_program())
        .arg("--help")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}
