//! Shared helpers: a hermetic `dts` command, and a mock DTS gateway that
//! checks each request's signature with an encoder of the test's own.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use assert_cmd::Command;
use base64::Engine as _;
use hmac::{Hmac, Mac};
use mockito::{Matcher, Mock, Server, ServerGuard};
use sha1::Sha1;
use tempfile::TempDir;

pub const KEY_ID: &str = "LTAItestkeyid";
pub const SECRET: &str = "test-secret-do-not-print";

pub const OK_BODY: &str =
    r#"{"RequestId":"01B6F25-21E7-4484-99D5-3EF2625C0001","HttpStatusCode":200,"Success":true}"#;

/// A temporary HOME with an empty config directory.
pub struct Home {
    pub dir: TempDir,
}

impl Home {
    pub fn new() -> Self {
        Home {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// `<HOME>/.config`, which `dirs::config_dir` returns on Linux here.
    pub fn config_dir(&self) -> PathBuf {
        self.dir.path().join(".config")
    }

    /// `<HOME>/.local/share`, where the embedded emulator keeps its jobs.
    pub fn data_dir(&self) -> PathBuf {
        self.dir.path().join(".local").join("share")
    }

    /// The default profile file path.
    pub fn config_path(&self) -> PathBuf {
        self.config_dir().join("dts").join("config.toml")
    }

    /// Writes the default profile file.
    pub fn write_config(&self, text: &str) -> PathBuf {
        let path = self.config_path();
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        set_mode(&path, 0o600);
        path
    }

    /// The variables every test gives dts: HOME, the config and cache
    /// directories in this temporary folder, and every real address dts
    /// knows (STS, the instance metadata service) pointed at a loopback port
    /// where nothing listens, the instance role off, so that no packet
    /// leaves the machine even when a test fails.
    pub fn hermetic_env(&self) -> Vec<(&'static str, String)> {
        let nowhere = format!("http://127.0.0.1:{}", closed_port());
        vec![
            ("HOME", path_str(self.dir.path())),
            ("XDG_CONFIG_HOME", path_str(&self.config_dir())),
            ("XDG_CACHE_HOME", path_str(&self.dir.path().join(".cache"))),
            ("XDG_DATA_HOME", path_str(&self.data_dir())),
            ("ALIBABA_CLOUD_STS_ENDPOINT", nowhere.clone()),
            ("DTS_ECS_METADATA_ENDPOINT", nowhere),
            ("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true".into()),
        ]
    }

    /// `dts` with nothing from the outside environment but PATH and the
    /// hermetic variables.
    pub fn dts(&self) -> Command {
        let mut cmd = Command::cargo_bin("dts").unwrap();
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .envs(self.hermetic_env())
            .env("NO_COLOR", "1");
        cmd
    }

    /// `dts` started as a child (stdout and stderr piped) with the same
    /// hermetic environment and the test key pair, for tests that signal
    /// it or close its pipes.
    pub fn spawn_with_keys(
        &self,
        args: &[&str],
        extra_env: &[(&str, &std::ffi::OsStr)],
    ) -> std::process::Child {
        std::process::Command::new(self.dts().get_program())
            .env_clear()
            .envs(self.hermetic_env())
            .env("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID)
            .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET)
            .envs(extra_env.iter().copied())
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    }

    /// Runs `dts ARGS` under a pseudo-terminal made by script(1), with the
    /// hermetic environment (and the test keys when `keys`); returns the
    /// exit code and everything it printed.
    pub fn on_a_terminal(&self, args: &str, keys: bool, no_color: bool) -> (Option<i32>, String) {
        let dts = self.dts().get_program().to_string_lossy().into_owned();
        let mut cmd = std::process::Command::new("script");
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .envs(self.hermetic_env())
            .env("TERM", "xterm")
            .args(["-qec", &format!("{dts} {args}"), "/dev/null"]);
        if keys {
            cmd.env("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID)
                .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET);
        }
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
        let out = cmd.output().expect("script(1) runs");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    }

    /// `dts` with the test key pair in the environment.
    pub fn dts_with_keys(&self) -> Command {
        let mut cmd = self.dts();
        cmd.env("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID)
            .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET);
        cmd
    }
}

/// Sends Ctrl-C (SIGINT) to a child and returns its output.
pub fn interrupt(child: std::process::Child) -> std::process::Output {
    signal(child, libc::SIGINT)
}

/// Sends `sig` to a child and returns its output.
pub fn signal(child: std::process::Child, sig: libc::c_int) -> std::process::Output {
    // SAFETY: sending a signal to our own child.
    unsafe { libc::kill(child.id() as libc::pid_t, sig) };
    child.wait_with_output().unwrap()
}

/// Sets a file's permission bits.
pub fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// RFC 3986 encoding written independently of dts's encoder.
pub fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.' || b == b'~' {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Percent-decoding; `+` is not a space here.
pub fn decode(s: &str) -> Result<String, String> {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3).ok_or("truncated escape")?;
            out.push(u8::from_str_radix(hex, 16).map_err(|_| format!("bad escape %{hex}"))?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| "not UTF-8".to_string())
}

/// Parses a query string into decoded pairs, refusing duplicates.
pub fn parse_query(query: &str) -> Result<BTreeMap<String, String>, String> {
    let mut map = BTreeMap::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').ok_or(format!("no '=' in {pair}"))?;
        if map.insert(decode(k)?, decode(v)?).is_some() {
            return Err(format!("parameter {k} sent twice"));
        }
    }
    Ok(map)
}

/// The signature a correct signer gives for `params` (without Signature).
pub fn expected_signature(method: &str, params: &BTreeMap<String, String>, secret: &str) -> String {
    let canonical: Vec<String> = params
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect();
    let to_sign = format!("{method}&%2F&{}", encode(&canonical.join("&")));
    let mut mac = Hmac::<Sha1>::new_from_slice(format!("{secret}&").as_bytes()).unwrap();
    mac.update(to_sign.as_bytes());
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

/// Seconds between now and an API timestamp.
pub fn seconds_from_now(timestamp: &str) -> Result<i64, String> {
    let format =
        time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    let t = time::PrimitiveDateTime::parse(timestamp, format)
        .map_err(|e| format!("Timestamp {timestamp:?}: {e}"))?
        .assume_utc();
    Ok((t - time::OffsetDateTime::now_utc()).whole_seconds().abs())
}

/// What the mock gateway demands of each request.
#[derive(Clone)]
pub struct Expect {
    pub action: String,
    pub version: String,
    pub key_id: String,
    pub secret: String,
    /// Parameters that must be present with these values.
    pub params: Vec<(String, String)>,
    /// Parameters that must not be sent.
    pub absent: Vec<String>,
}

impl Expect {
    pub fn suspend(params: &[(&str, &str)]) -> Self {
        Expect {
            action: "SuspendDtsJob".into(),
            version: "2020-01-01".into(),
            key_id: KEY_ID.into(),
            secret: SECRET.into(),
            params: params
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            absent: vec![],
        }
    }

    /// An STS AssumeRole call of `role_arn`, signed with `id` and `secret`.
    pub fn assume_role(role_arn: &str, id: &str, secret: &str) -> Self {
        Expect {
            action: "AssumeRole".into(),
            version: "2015-04-01".into(),
            key_id: id.into(),
            secret: secret.into(),
            params: vec![("RoleArn".into(), role_arn.into())],
            absent: vec![],
        }
    }

    /// Demands these parameters too.
    pub fn with(mut self, params: &[(&str, &str)]) -> Self {
        self.params
            .extend(params.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        self
    }

    pub fn absent(mut self, names: &[&str]) -> Self {
        self.absent = names.iter().map(|s| s.to_string()).collect();
        self
    }

    pub fn keys(mut self, id: &str, secret: &str) -> Self {
        self.key_id = id.into();
        self.secret = secret.into();
        self
    }

    /// Checks one request as the real gateway would, and more.
    pub fn check(&self, req: &mockito::Request) -> Result<(), String> {
        if req.method() != "POST" {
            return Err(format!("method {}", req.method()));
        }
        if req.path() != "/" {
            return Err(format!("path {}", req.path()));
        }
        if !req.body().map(|b| b.is_empty()).unwrap_or(false) {
            return Err("body is not empty".into());
        }
        let ua = req
            .header("user-agent")
            .first()
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        let want_ua = format!(
            "dts/{} ({}; {})",
            env!("CARGO_PKG_VERSION"),
            std::env::consts::OS,
            std::env::consts::ARCH
        );
        if ua != want_ua {
            return Err(format!("User-Agent {ua:?}, want {want_ua:?}"));
        }
        let query = req.path_and_query().split_once('?').map_or("", |(_, q)| q);
        let mut params = parse_query(query)?;
        let signature = params.remove("Signature").ok_or("no Signature")?;
        let want = expected_signature("POST", &params, &self.secret);
        if signature != want {
            return Err(format!("Signature {signature}, want {want}"));
        }
        let fixed = [
            ("Action", self.action.as_str()),
            ("Version", self.version.as_str()),
            ("Format", "JSON"),
            ("SignatureMethod", "HMAC-SHA1"),
            ("SignatureVersion", "1.0"),
            ("AccessKeyId", self.key_id.as_str()),
        ];
        for (k, v) in fixed {
            if params.get(k).map(String::as_str) != Some(v) {
                return Err(format!("{k} = {:?}, want {v:?}", params.get(k)));
            }
        }
        let nonce = params.get("SignatureNonce").ok_or("no SignatureNonce")?;
        if nonce.len() < 16 {
            return Err(format!("SignatureNonce {nonce:?} is too short"));
        }
        let ts = params.get("Timestamp").ok_or("no Timestamp")?;
        let off = seconds_from_now(ts)?;
        if off > 60 {
            return Err(format!("Timestamp {ts} is {off} s from now"));
        }
        for (k, v) in &self.params {
            if params.get(k) != Some(v) {
                return Err(format!("{k} = {:?}, want {v:?}", params.get(k)));
            }
        }
        for k in &self.absent {
            if params.contains_key(k) {
                return Err(format!("{k} was sent"));
            }
        }
        Ok(())
    }
}

/// A mock gateway and the reasons it refused requests.
pub struct Gateway {
    pub server: ServerGuard,
    pub refusals: Arc<Mutex<Vec<String>>>,
}

impl Gateway {
    pub fn new() -> Self {
        Gateway {
            server: Server::new(),
            refusals: Arc::new(Mutex::new(Vec::new())),
        }
    }

    pub fn url(&self) -> String {
        self.server.url()
    }

    /// Answers requests that pass `expect` with `status` and `body`, and
    /// records why others failed (they get mockito's 501).
    pub fn answer(&mut self, expect: Expect, status: usize, body: &str) -> Mock {
        let refusals = Arc::clone(&self.refusals);
        self.server
            .mock("POST", Matcher::Any)
            .match_request(move |req| match expect.check(req) {
                Ok(()) => true,
                Err(why) => {
                    refusals.lock().unwrap().push(why);
                    false
                }
            })
            .with_status(status)
            .with_header("content-type", "application/json")
            .with_body(body)
            .create()
    }

    /// Answers any request with `status` and `body`.
    pub fn answer_any(&mut self, status: usize, body: &str) -> Mock {
        self.server
            .mock("POST", Matcher::Any)
            .with_status(status)
            .with_body(body)
            .create()
    }

    /// Panics with the recorded reasons if any request was refused.
    pub fn assert_no_refusals(&self) {
        let refusals = self.refusals.lock().unwrap();
        assert!(refusals.is_empty(), "mock gateway refused: {refusals:?}");
    }
}

/// The output of a finished command.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn run(cmd: &mut Command) -> Run {
    let out = cmd.output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Parses stdout as exactly one JSON object on one line.
pub fn one_json_object(stdout: &str) -> serde_json::Map<String, serde_json::Value> {
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1, "want one line of JSON, got {stdout:?}");
    match serde_json::from_str(lines[0]) {
        Ok(serde_json::Value::Object(o)) => o,
        other => panic!("not a JSON object: {stdout:?} ({other:?})"),
    }
}

/// A port on loopback where nothing listens.
pub fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

pub fn path_str(p: &Path) -> String {
    p.display().to_string()
}

/// stderr without the lines that announce a retry ("dts: attempt N of at
/// most M failed: ...; retrying in S s"), whose waits are random.
pub fn without_retry_notes(stderr: &str) -> String {
    stderr
        .lines()
        .filter(|l| !(l.starts_with("dts: attempt ") && l.contains("; retrying in ")))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// dts running under a pseudo-terminal made by script(1), driven like a
/// person at a keyboard: wait for text, then type.
pub struct Pty {
    child: std::process::Child,
    stdin: Option<std::process::ChildStdin>,
    output: std::sync::mpsc::Receiver<Vec<u8>>,
    pub seen: Vec<u8>,
}

impl Pty {
    /// Starts `dts ARGS` (a shell command line after `dts`) with the
    /// hermetic environment and the test keys.
    pub fn start(home: &Home, args: &str) -> Pty {
        use std::io::Read;
        let dts = home.dts().get_program().to_string_lossy().into_owned();
        let mut child = std::process::Command::new("script")
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .envs(home.hermetic_env())
            .env("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID)
            .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET)
            .env("TERM", "xterm")
            .env("NO_COLOR", "1")
            .args(["-qec", &format!("{dts} {args}; echo rc=$?"), "/dev/null"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take();
        let mut stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = stdout.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Pty {
            child,
            stdin,
            output: rx,
            seen: Vec::new(),
        }
    }

    /// Waits (10 s at most) until the screen shows `want`; returns it all.
    pub fn wait_for(&mut self, want: &str) -> String {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while !String::from_utf8_lossy(&self.seen).contains(want) {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.output.recv_timeout(left) {
                Ok(bytes) => self.seen.extend(bytes),
                Err(_) => panic!("no {want:?} in {:?}", String::from_utf8_lossy(&self.seen)),
            }
        }
        String::from_utf8_lossy(&self.seen).into_owned()
    }

    /// Types `text`.
    pub fn send(&mut self, text: &str) {
        use std::io::Write;
        if let Some(stdin) = self.stdin.as_mut() {
            stdin.write_all(text.as_bytes()).unwrap();
            stdin.flush().unwrap();
        }
    }

    /// Waits for dts to end; returns everything the screen showed.
    pub fn finish(mut self) -> String {
        let screen = self.wait_for("rc=");
        drop(self.stdin.take());
        let _ = self.child.wait();
        screen
    }
}
