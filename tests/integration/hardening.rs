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

/// Runs `cmd` with a deadline, so that a hang fails the test instead of
/// stalling the suite.
fn run_within(cmd: &mut assert_cmd::Command, secs: u64) -> Run {
    use std::time::{Duration, Instant};
    let mut child = std::process::Command::new(cmd.get_program())
        .args(cmd.get_args())
        .env_clear()
        .envs(cmd.get_envs().filter_map(|(k, v)| Some((k, v?))))
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(secs);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("{:?} hung", cmd.get_args().collect::<Vec<_>>());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn mkfifo(path: &std::path::Path) {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid C string naming a path in our temporary folder.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

#[test]
fn config_files_that_are_not_regular_or_over_1_mib_are_refused_quickly() {
    let home = Home::new();
    let dir = home.dir.path();
    let fifo = dir.join("fifo.toml");
    mkfifo(&fifo);
    let zero_link = dir.join("zero.toml");
    std::os::unix::fs::symlink("/dev/zero", &zero_link).unwrap();
    let big = dir.join("big.toml");
    std::fs::write(&big, vec![b'#'; 1024 * 1024 + 1]).unwrap();
    for (path, says) in [
        (std::path::PathBuf::from("/dev/zero"), "not a regular file"),
        (zero_link, "not a regular file"),
        (fifo.clone(), "not a regular file"),
        (big, "over the limit of 1048576 bytes"),
    ] {
        for args in [&["suspend", "-j", "j1"][..], &["configure"][..]] {
            let r = run_within(
                home.dts()
                    .env("DTS_CONFIG", &path)
                    .env("DTS_ENDPOINT", "http://127.0.0.1:9")
                    .args(args),
                10,
            );
            assert_eq!(r.code, 3, "{path:?} {args:?}: {}", r.stderr);
            assert!(r.stderr.contains(says), "{path:?} {args:?}: {}", r.stderr);
        }
    }
    // The aliyun CLI's file as a FIFO.
    std::fs::create_dir_all(dir.join(".aliyun")).unwrap();
    mkfifo(&dir.join(".aliyun").join("config.json"));
    let r = run_within(
        home.dts()
            .env("DTS_ENDPOINT", "http://127.0.0.1:9")
            .args(["suspend", "-j", "j1"]),
        10,
    );
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(r.stderr.contains("aliyun CLI config"), "{}", r.stderr);
    assert!(r.stderr.contains("not a regular file"), "{}", r.stderr);
}

#[test]
fn configure_on_a_malformed_file_names_the_line() {
    let home = Home::new();
    let path = home.write_config("[default]\naccess_key_id = \"a\"\nregion = \n");
    let r = run(home
        .dts()
        .arg("configure")
        .write_stdin("id\nsecret\n\n\n\n"));
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!(
            "config file {} is not valid TOML at line 3, column",
            path.display()
        )),
        "{}",
        r.stderr
    );
}

#[test]
fn configure_dry_run_writes_nothing_and_shows_the_profile_masked() {
    let home = Home::new();
    let r = run(home
        .dts()
        .args(["--dry-run", "configure", "--profile", "prod"])
        .write_stdin("LTAIid\nsentinel-secret\nCAIStoken-sentinel\ncn-hangzhou\n\n"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!home.config_path().exists(), "a dry run wrote the file");
    assert!(
        r.stdout
            .starts_with("dry run: would write profile 'prod' to "),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("access_key_secret = \"(redacted)\""),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("security_token = \"CAIS***\""),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("sentinel"), "{}", r.stdout);
}

#[test]
fn configure_honours_endpoint_timeout_and_retries_and_refuses_json() {
    let home = Home::new();
    let r = run(home
        .dts()
        .args([
            "configure",
            "--endpoint",
            "http://127.0.0.1:9",
            "--timeout",
            "2.5",
            "--retries",
            "1",
        ])
        .write_stdin("LTAIid\nsecret\n\ncn-hangzhou\n"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = std::fs::read_to_string(home.config_path()).unwrap();
    assert!(
        text.ends_with(
            "region = \"cn-hangzhou\"\nendpoint = \"http://127.0.0.1:9/\"\ntimeout = 2.5\nretries = 1\n"
        ),
        "{text}"
    );
    let r = run(home
        .dts()
        .args(["-o", "json", "configure"])
        .write_stdin("a\nb\n\n\n\n"));
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        "dts: error: configure has no JSON output; leave out -o json\n"
    );
}

#[test]
fn ctrl_c_at_the_secret_prompt_gives_the_terminal_its_echo_back() {
    use std::io::{Read, Write};
    use std::time::{Duration, Instant};
    let home = Home::new();
    let dts = home.dts().get_program().to_string_lossy().into_owned();
    let mut child = std::process::Command::new("script")
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .envs(home.hermetic_env())
        .env("TERM", "xterm")
        .env("NO_COLOR", "1")
        .args([
            "-qec",
            &format!("{dts} configure; echo rc=$?; stty -a | tr ' ' '\\n' | grep -x -- '-\\?echo'"),
            "/dev/null",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel::<Vec<u8>>();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = stdout.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut seen = Vec::new();
    let mut wait_for = |want: &str| {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !String::from_utf8_lossy(&seen).contains(want) {
            let left = deadline.saturating_duration_since(Instant::now());
            match rx.recv_timeout(left) {
                Ok(bytes) => seen.extend(bytes),
                Err(_) => panic!("no {want:?} in {:?}", String::from_utf8_lossy(&seen)),
            }
        }
        String::from_utf8_lossy(&seen).into_owned()
    };
    wait_for("Access key id");
    stdin.write_all(b"LTAIid\n").unwrap();
    wait_for("Access key secret");
    std::thread::sleep(Duration::from_millis(300));
    stdin.write_all(b"\x03").unwrap();
    let shown = wait_for("echo\r\n");
    drop(stdin);
    let _ = child.wait();
    assert!(shown.contains("rc=130"), "{shown:?}");
    assert!(
        shown.contains("\r\necho\r\n"),
        "the terminal's echo stayed off: {shown:?}"
    );
    assert!(!home.config_path().exists());
}

#[test]
fn bench_run_honours_cargo_target_dir_and_rewrites_nothing_tracked() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = std::process::Command::new("bash")
        .arg(root.join("bench").join("run"))
        .arg("--paths")
        .env("CARGO_TARGET_DIR", "/elsewhere/t")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "dts /elsewhere/t/release/dts\n\
         fake /elsewhere/t/release/examples/fake_dts\n\
         bench /elsewhere/t/release/examples/bench\n\
         report /elsewhere/t/bench/last-run.md\n"
    );
    let out = std::process::Command::new("bash")
        .arg(root.join("bench").join("run"))
        .arg("--paths")
        .env_remove("CARGO_TARGET_DIR")
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stdout).ends_with("report target/bench/last-run.md\n"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let out = std::process::Command::new("bash")
        .arg(root.join("bench").join("run"))
        .arg("many")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_verbose_line_of_an_outcome_check_names_describe_dts_job_detail() {
    use crate::fault_server::{Fault, FaultServer};
    let s = FaultServer::start(vec![
        Fault::ResetBeforeHeaders,
        Fault::answer(
            400,
            &[],
            br#"{"RequestId":"R2","Success":false,"ErrCode":"InvalidJobStatus","ErrMessage":"already paused"}"#,
        ),
        Fault::answer(
            200,
            &[],
            br#"{"RequestId":"RD","Success":true,"Status":"Suspending"}"#,
        ),
    ]);
    let home = Home::new();
    let r = run(home
        .dts_with_keys()
        .args(["-v", "suspend", "-j", "j1", "--endpoint", &s.url()]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "dts: verbose: job j1: an attempt's answer was lost; checking the outcome once with DescribeDtsJobDetail\n"
        ),
        "{}",
        r.stderr
    );
}
