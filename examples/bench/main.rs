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

mod trust;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

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

struct Tool {
    name: &'static str,
    command: Vec<String>,
    /// Variables this tool runs with besides the shared ones.
    env: Vec<(String, String)>,
    samples: Vec<Sample>,
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
    let mut tools = vec![
        Tool {
            name: "dts suspend",
            command: dts_cmd.clone(),
            env: vec![],
            samples: vec![],
        },
        Tool {
            name: "curl (pre-signed)",
            command: curl(&url, vec![]),
            env: vec![],
            samples: vec![],
        },
        Tool {
            name: "Python SDK script",
            command: vec![args.python.clone(), args.sdk_script.clone(), host_port],
            env: vec![],
            samples: vec![],
        },
        Tool {
            name: "dts --help",
            command: vec![args.dts.clone(), "--help".into()],
            env: vec![],
            samples: vec![],
        },
        Tool {
            name: "dts completions bash",
            command: vec![args.dts.clone(), "completions".into(), "bash".into()],
            env: vec![],
            samples: vec![],
        },
        Tool {
            name: "true (starting any process)",
            command: vec!["true".into()],
            env: vec![],
            samples: vec![],
        },
        Tool {
            name: "dts suspend through a role (warm cache)",
            command: role_cmd,
            env: role_env.clone(),
            samples: vec![],
        },
        Tool {
            name: "dts suspend with a key-pair profile",
            command: keys_cmd,
            env: role_env,
            samples: vec![],
        },
        Tool {
            name: "dts suspend, embedded emulator (`--endpoint emulator`)",
            command: [
                args.dts.as_str(),
                "suspend",
                "-j",
                "dtsjob-test-ok",
                "--endpoint",
                "emulator",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect(),
            env: vec![(
                "DTS_EMULATOR_STATE".to_string(),
                scratch.join("emulator.json").display().to_string(),
            )],
            samples: vec![],
        },
        Tool {
            name: "dts suspend (https)",
            command: with_endpoint(&dts_cmd, &tls_endpoint),
            env: trust.dts_env(),
            samples: vec![],
        },
        Tool {
            name: "curl (https, pre-signed)",
            command: curl(&tls_url, trust.curl_flags()),
            env: vec![],
            samples: vec![],
        },
        Tool {
            name: "dts --version",
            command: vec![args.dts.clone(), "--version".into()],
            env: vec![],
            samples: vec![],
        },
        Tool {
            name: "dts suspend --dry-run",
            command: [&dts_cmd[..], &["--dry-run".to_string()]].concat(),
            env: vec![],
            samples: vec![],
        },
    ];

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
    report(&args, &tools, trust.describe());
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

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2
    }
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// The `q` quantile (0 to 1) of the wall times, nearest rank.
fn quantile(samples: &[Sample], q: f64) -> Duration {
    let mut v: Vec<Duration> = samples.iter().map(|s| s.wall).collect();
    v.sort();
    let i = ((v.len() as f64 - 1.0) * q).round() as usize;
    v.get(i).copied().unwrap_or_default()
}

fn report(args: &Args, tools: &[Tool], trust: &str) {
    let stats: Vec<(Duration, Duration, i64)> = tools
        .iter()
        .map(|t| {
            (
                median(t.samples.iter().map(|s| s.wall).collect()),
                median(t.samples.iter().map(|s| s.cpu).collect()),
                t.samples.iter().map(|s| s.max_rss_kib).max().unwrap_or(0),
            )
        })
        .collect();
    let (dts, curl, sdk) = (stats[0], stats[1], stats[2]);
    let size = std::fs::metadata(&args.dts).map(|m| m.len()).unwrap_or(0);
    let ratio = |a: Duration, b: Duration| a.as_secs_f64() / b.as_secs_f64().max(1e-9);

    println!(
        "## Benchmark: {} sequential calls of each, one whole process a call",
        args.n
    );
    println!();
    println!("Machine: {}", machine());
    println!();
    println!("https: {trust}.");
    println!();
    println!("| tool | median wall per call | p10 – p90 wall | median CPU per call | peak RSS |");
    println!("|---|---:|---:|---:|---:|");
    for (tool, (wall, cpu, rss)) in tools.iter().zip(&stats) {
        println!(
            "| {} | {} | {} – {} | {} | {:.1} MiB |",
            tool.name,
            ms(*wall),
            ms(quantile(&tool.samples, 0.1)),
            ms(quantile(&tool.samples, 0.9)),
            ms(*cpu),
            *rss as f64 / 1024.0
        );
    }
    println!();
    let check = |ok: bool| if ok { "met" } else { "MISSED" };
    let dts_curl_wall = ratio(dts.0, curl.0);
    let dts_curl_cpu = ratio(dts.1, curl.1);
    let sdk_dts = ratio(sdk.0, dts.0);
    let rss_mib = dts.2 as f64 / 1024.0;
    let size_mib = size as f64 / (1024.0 * 1024.0);
    let help_ratio = ratio(stats[3].0, dts.0);
    let completions_ratio = ratio(stats[4].0, dts.0);
    println!("| target | measured | |");
    println!("|---|---:|---|");
    println!(
        "| dts/curl wall time ≤ 1.0 | {dts_curl_wall:.2} | {} |",
        check(dts_curl_wall <= 1.0)
    );
    println!(
        "| dts/curl CPU time < 1.0 | {dts_curl_cpu:.2} | {} |",
        check(dts_curl_cpu < 1.0)
    );
    println!(
        "| SDK/dts wall time ≥ 50 | {sdk_dts:.0} | {} |",
        check(sdk_dts >= 50.0)
    );
    println!(
        "| dts peak RSS ≤ 8 MiB | {rss_mib:.1} MiB | {} |",
        check(rss_mib <= 8.0)
    );
    println!(
        "| stripped binary ≤ 4 MiB | {size_mib:.2} MiB | {} |",
        check(size_mib <= 4.0)
    );
    let floor = ratio(stats[5].0, dts.0);
    println!(
        "| `dts --help` well under one call (< 0.75 ×) | {help_ratio:.2} × a call (starting any process: {floor:.2} ×) | {} |",
        check(help_ratio < 0.75)
    );
    println!(
        "| `dts completions bash` well under one call (< 0.75 ×) | {completions_ratio:.2} × a call | {} |",
        check(completions_ratio < 0.75)
    );
    let role_ratio = ratio(stats[6].0, stats[7].0);
    println!(
        "| a role call with a warm cache costs no more than a key-pair call from the same profile file (≤ 1.1 ×) | {role_ratio:.2} × | {} |",
        check(role_ratio <= 1.1)
    );
    let embedded = stats[8].0.saturating_sub(dts.0);
    println!(
        "| the embedded emulator adds < 5 ms to a command (its own load, check, save) | {} | {} |",
        ms(embedded),
        check(embedded < Duration::from_millis(5))
    );
    let by = |name: &str| {
        tools
            .iter()
            .position(|t| t.name == name)
            .map_or((Duration::ZERO, Duration::ZERO, 0), |i| stats[i])
    };
    let https = by("dts suspend (https)");
    let https_http = ratio(https.0, dts.0);
    println!(
        "| an https call (default trust discovery) within 1.5 × an http call | {https_http:.2} × | {} |",
        check(https_http <= 1.5)
    );
    let dts_curl_https = ratio(https.0, by("curl (https, pre-signed)").0);
    println!(
        "| dts/curl wall time over https ≤ 1.0 | {dts_curl_https:.2} | {} |",
        check(dts_curl_https <= 1.0)
    );
    let http_true = ratio(dts.0, by("true (starting any process)").0);
    println!(
        "| an http call within 2.5 × starting `true` | {http_true:.2} × | {} |",
        check(http_true <= 2.5)
    );
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|s| s.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .map(|s| s.trim().to_string())
        .unwrap_or_default();
    format!("{cores} cores, {cpu}, Linux {kernel}")
}
