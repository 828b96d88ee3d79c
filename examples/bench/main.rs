//! The benchmark behind `bench/run`: N sequential whole-process calls of
//! dts, curl and the official Python SDK against the same fake endpoint,
//! measuring each call's wall time, CPU time (user + system) and peak
//! resident memory with wait4, and printing a Markdown report.
//!
//!     bench --n N --dts PATH --fake PATH --python PATH --sdk-script PATH
//!
//! The tools take turns within each round, so a slow spell of the machine
//! hits all of them alike. A call that fails stops the benchmark: a
//! comparison with a failing tool means nothing.

// The ban on the ambient clock (clippy.toml) guards dts's own code; the
// benchmark measures with the real one.
#![allow(clippy::disallowed_methods)]

mod report;
mod rows;
mod trust;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rows::Tool;

struct Args {
    n: usize,
    dts: String,
    fake: String,
    python: String,
    sdk_script: String,
}

/// One call's cost.
#[derive(Clone, Copy)]
struct Sample {
    wall: Duration,
    cpu: Duration,
    max_rss_kib: i64,
}

fn main() {
    let args = parse_args();
    let scratch = std::env::temp_dir().join(format!("dts-bench-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).expect("a scratch folder");
    let (mut fake, endpoint) = start_fake(&args.fake, &[]);
    let ca = scratch.join("ca.pem");
    let (mut tls_fake, tls_endpoint) =
        start_fake(&args.fake, &["--tls-ca", &ca.display().to_string()]);
    let trust = trust::trust(&ca, &scratch);
    let host_port = endpoint.trim_start_matches("http://").to_string();
    let env: Vec<(&str, &str)> = vec![
        ("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIbenchmarkkeyid"),
        (
            "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
            "benchmark-secret-not-real",
        ),
        ("PATH", "/usr/local/bin:/usr/bin:/bin"),
        ("HOME", "/nonexistent"),
    ];
    let job = ["suspend", "-j", "l3m1213ye7lb2c9", "-r", "cn-hangzhou"];

    // curl sends the request dts would send, signed once by dts itself.
    let url = presigned_url(&args.dts, &job, &endpoint, &env);
    let tls_url = presigned_url(&args.dts, &job, &tls_endpoint, &env);

    let mut dts_cmd = vec![args.dts.clone()];
    dts_cmd.extend(job.iter().map(|s| s.to_string()));
    dts_cmd.extend(["--endpoint".to_string(), endpoint.clone()]);
    // A role call: a ram_role_arn profile whose keys are cached after the
    // warm-up, the fake answering AssumeRole too.
    let config = scratch.join("config.toml");
    std::fs::write(
        &config,
        "[role]\ntype = \"ram_role_arn\"\nrole_arn = \"acs:ram::1:role/bench\"\naccess_key_id = \"LTAIbenchmarkkeyid\"\naccess_key_secret = \"benchmark-secret-not-real\"\n\n[keys]\naccess_key_id = \"LTAIbenchmarkkeyid\"\naccess_key_secret = \"benchmark-secret-not-real\"\n",
    )
    .expect("the role profile");
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o600))
            .expect("a private profile file");
    }
    let mut role_cmd = vec![args.dts.clone(), "-p".into(), "role".into()];
    role_cmd.extend(dts_cmd[1..].iter().cloned());
    let mut keys_cmd = vec![args.dts.clone(), "-p".into(), "keys".into()];
    keys_cmd.extend(dts_cmd[1..].iter().cloned());
    let role_env = vec![
        ("DTS_CONFIG".to_string(), config.display().to_string()),
        ("XDG_CACHE_HOME".to_string(), scratch.display().to_string()),
        ("ALIBABA_CLOUD_STS_ENDPOINT".to_string(), endpoint.clone()),
    ];
    let mut tools = rows::tools(&rows::Setup {
        dts: &args.dts,
        dts_cmd: &dts_cmd,
        curl_url: &url,
        python: [args.python.clone(), args.sdk_script.clone(), host_port],
        role_cmd,
        keys_cmd,
        role_env,
        emulator_state: scratch.join("emulator.json").display().to_string(),
        tls_endpoint: &tls_endpoint,
        tls_url: &tls_url,
        trust: &trust,
        ca: ca.display().to_string(),
    });

    // Warm the page cache and the Python bytecode cache first.
    let env_of = |tool: &Tool| -> Vec<(String, String)> {
        env.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .chain(tool.env.iter().cloned())
            .collect()
    };
    for tool in &tools {
        for _ in 0..3 {
            measure(&tool.command, &env_of(tool));
        }
    }
    for round in 0..args.n {
        for tool in &mut tools {
            let tool_env = env_of(tool);
            tool.samples.push(measure(&tool.command, &tool_env));
        }
        if (round + 1) % 10 == 0 {
            eprintln!("bench: {} of {} rounds", round + 1, args.n);
        }
    }
    for child in [&mut fake, &mut tls_fake] {
        let _ = child.kill();
        let _ = child.wait();
    }
    let _ = std::fs::remove_dir_all(&scratch);
    report::report(&args, &tools, trust.describe());
}

fn parse_args() -> Args {
    let mut a = Args {
        n: 40,
        dts: String::new(),
        fake: String::new(),
        python: String::new(),
        sdk_script: String::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let v = it.next().unwrap_or_else(|| usage());
        match flag.as_str() {
            "--n" => a.n = v.parse().unwrap_or_else(|_| usage()),
            "--dts" => a.dts = v,
            "--fake" => a.fake = v,
            "--python" => a.python = v,
            "--sdk-script" => a.sdk_script = v,
            _ => usage(),
        }
    }
    if a.n == 0
        || a.dts.is_empty()
        || a.fake.is_empty()
        || a.python.is_empty()
        || a.sdk_script.is_empty()
    {
        usage();
    }
    a
}

fn usage() -> ! {
    eprintln!("usage: bench --n N --dts PATH --fake PATH --python PATH --sdk-script PATH");
    std::process::exit(2);
}

fn start_fake(path: &str, extra: &[&str]) -> (std::process::Child, String) {
    let mut child = Command::new(path)
        .args(["--seconds", "3600"])
        .args(extra)
        .stdout(Stdio::piped())
        .spawn()
        .expect("the fake endpoint starts");
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stdout.take().expect("stdout")),
        &mut line,
    )
    .expect("the fake endpoint prints its URL");
    (child, line.trim().to_string())
}

/// `command` with its `--endpoint` value replaced.
fn with_endpoint(command: &[String], endpoint: &str) -> Vec<String> {
    let mut out = command.to_vec();
    if let Some(i) = out.iter().position(|a| a == "--endpoint") {
        out[i + 1] = endpoint.to_string();
    }
    out
}

/// The URL of the request dts would send, from its dry run.
fn presigned_url(dts: &str, job: &[&str], endpoint: &str, env: &[(&str, &str)]) -> String {
    let dry = output(
        Command::new(dts)
            .args(["--dry-run", "-o", "json"])
            .args(job)
            .args(["--endpoint", endpoint])
            .env_clear()
            .envs(env.iter().copied()),
    );
    dry.split("\"Url\":\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a Url in the dry run")
        .to_string()
}

/// `curl` sending a pre-signed POST to `url`, with `extra` flags.
fn curl(url: &str, extra: Vec<String>) -> Vec<String> {
    [
        "curl",
        "-sS",
        "-f",
        "-o",
        "/dev/null",
        "-X",
        "POST",
        "-H",
        "User-Agent: dts-bench",
    ]
    .iter()
    .map(|s| s.to_string())
    .chain(extra)
    .chain([url.to_string()])
    .collect()
}

fn output(cmd: &mut Command) -> String {
    let out = cmd.output().expect("runs");
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Runs one command to its end and measures it.
#[allow(clippy::zombie_processes)] // reaped by wait4 below
fn measure(command: &[String], env: &[(String, String)]) -> Sample {
    let start = Instant::now();
    let child = Command::new(&command[0])
        .args(&command[1..])
        .env_clear()
        .envs(env.iter().map(|(k, v)| (k, v)))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", command[0]));
    let mut status = 0;
    // SAFETY: rusage is plain data; the pid is our own unwaited child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    let wall = start.elapsed();
    assert_eq!(pid, child.id() as libc::pid_t, "wait4 failed");
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "{command:?} failed with status {status}"
    );
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    Sample {
        wall,
        cpu: tv(usage.ru_utime) + tv(usage.ru_stime),
        max_rss_kib: usage.ru_maxrss,
    }
}
