//! A fleet at once: workers, connections and threads for many jobs, the
//! rate limit, and (with `list` and `--all`) whole selections.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::support::*;

/// A server that keeps connections alive, answers every request with
/// `answer(request line)` after `delay`, and counts connections and
/// requests (with their arrival times).
pub struct KeepAlive {
    pub url: String,
    pub connections: Arc<AtomicUsize>,
    pub requests: Arc<Mutex<Vec<(Instant, String)>>>,
}

/// What the server answers to a request line.
pub type Answer = Arc<dyn Fn(&str) -> (u16, String) + Send + Sync>;

impl KeepAlive {
    pub fn start(delay: Duration, answer: fn(&str) -> (u16, String)) -> Self {
        Self::serve(delay, Arc::new(answer))
    }

    pub fn serve(delay: Duration, answer: Answer) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let connections = Arc::new(AtomicUsize::new(0));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let (c, r) = (Arc::clone(&connections), Arc::clone(&requests));
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                c.fetch_add(1, Ordering::SeqCst);
                let r = Arc::clone(&r);
                let answer = Arc::clone(&answer);
                std::thread::spawn(move || {
                    let mut reader = BufReader::new(stream.try_clone().unwrap());
                    let mut stream = stream;
                    loop {
                        let mut first = String::new();
                        if reader.read_line(&mut first).unwrap_or(0) == 0 {
                            return;
                        }
                        let mut length = 0;
                        loop {
                            let mut line = String::new();
                            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                                return;
                            }
                            if line == "\r\n" {
                                break;
                            }
                            if let Some((k, v)) = line.split_once(':')
                                && k.eq_ignore_ascii_case("content-length")
                            {
                                length = v.trim().parse().unwrap_or(0);
                            }
                        }
                        let mut body = vec![0; length];
                        let _ = std::io::Read::read_exact(&mut reader, &mut body);
                        r.lock().unwrap().push((Instant::now(), first.clone()));
                        std::thread::sleep(delay);
                        let (status, text) = answer(&first);
                        let _ = write!(
                            stream,
                            "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{text}",
                            text.len()
                        );
                    }
                });
            }
        });
        KeepAlive {
            url,
            connections,
            requests,
        }
    }
}

fn ok(_: &str) -> (u16, String) {
    (200, OK_BODY.to_string())
}

/// The most threads `pid` had while it ran (sampled from /proc).
fn watch_threads(pid: u32) -> std::thread::JoinHandle<usize> {
    std::thread::spawn(move || {
        let mut most = 0;
        let status = format!("/proc/{pid}/status");
        while let Ok(text) = std::fs::read_to_string(&status) {
            if let Some(n) = text
                .lines()
                .find_map(|l| l.strip_prefix("Threads:"))
                .and_then(|n| n.trim().parse().ok())
            {
                most = most.max(n);
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        most
    })
}

#[test]
fn many_jobs_use_n_workers_and_at_most_n_kept_alive_connections() {
    let server = KeepAlive::start(Duration::from_millis(5), ok);
    let home = Home::new();
    let ids: String = (0..300).map(|i| format!("job{i}\n")).collect();
    let mut child = std::process::Command::new(home.dts().get_program())
        .env_clear()
        .envs(home.hermetic_env())
        .env("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID)
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET)
        .args([
            "-o",
            "json",
            "--rate",
            "0",
            "suspend",
            "-j",
            "-",
            "--parallel",
            "8",
        ])
        .args(["--endpoint", &server.url])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let threads = watch_threads(child.id());
    child
        .stdin
        .take()
        .unwrap()
        .write_all(ids.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let most_threads = threads.join().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), 300);
    // In input order, streamed as JSON Lines.
    for (i, line) in lines.iter().enumerate() {
        assert!(
            line.contains(&format!("\"DtsJobId\":\"job{i}\"")),
            "{i}: {line}"
        );
    }
    assert_eq!(server.requests.lock().unwrap().len(), 300);
    let connections = server.connections.load(Ordering::SeqCst);
    assert!(
        connections <= 8,
        "{connections} connections for --parallel 8"
    );
    // The main thread, 8 workers and the signal thread.
    assert!(
        most_threads <= 10,
        "{most_threads} threads for --parallel 8"
    );
}

#[test]
fn the_rate_limit_spaces_the_calls_of_the_whole_run() {
    let server = KeepAlive::start(Duration::ZERO, ok);
    let home = Home::new();
    let ids: String = (0..21).map(|i| format!("job{i}\n")).collect();
    let r = run(home
        .dts_with_keys()
        .args([
            "-q",
            "--rate",
            "20",
            "suspend",
            "-j",
            "-",
            "--parallel",
            "8",
        ])
        .args(["--endpoint", &server.url])
        .write_stdin(ids));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let times: Vec<Instant> = server
        .requests
        .lock()
        .unwrap()
        .iter()
        .map(|(t, _)| *t)
        .collect();
    assert_eq!(times.len(), 21);
    // 20 calls/s: no more than 21 in any second; 21 calls span >= 1 s.
    let span = *times.iter().max().unwrap() - *times.iter().min().unwrap();
    assert!(
        span >= Duration::from_millis(950),
        "21 calls in {span:?} at 20 calls/s"
    );
}

/// Peak RSS in KiB of `dts ARGS` fed `ids` on stdin.
fn peak_rss(server: &KeepAlive, ids: usize) -> u64 {
    let home = Home::new();
    let input: String = (0..ids).map(|i| format!("job{i}\n")).collect();
    let mut cmd = home.dts_with_keys();
    let cmd = crate::faults::cmd_under(&mut cmd, &crate::faults::maxrss_program()).args([
        "-o",
        "json",
        "--rate",
        "0",
        "suspend",
        "-j",
        "-",
        "--parallel",
        "16",
        "--endpoint",
        &server.url,
    ]);
    let r = run(cmd.write_stdin(input));
    assert_eq!(
        r.code,
        0,
        "{}",
        &r.stderr[r.stderr.len().saturating_sub(300)..]
    );
    assert_eq!(r.stdout.lines().count(), ids);
    r.stderr
        .lines()
        .find_map(|l| l.strip_prefix("maxrss_kib="))
        .expect("maxrss figure")
        .parse()
        .unwrap()
}

#[test]
fn memory_stays_flat_as_the_fleet_grows() {
    let server = KeepAlive::start(Duration::ZERO, ok);
    let small = peak_rss(&server, 100);
    let large = peak_rss(&server, 1_000);
    eprintln!("peak RSS: 100 jobs {small} KiB, 1,000 jobs {large} KiB");
    // Results stream out: ten times the jobs, nearly the same memory (the
    // ids are held once, about 100 bytes a job; keeping every answer, as
    // dts once did, cost about 2.7 KB a job: 2.4 MB more here).
    assert!(
        large < small + 1536,
        "100 jobs {small} KiB, 1,000 jobs {large} KiB"
    );
}

#[test]
fn the_largest_request_the_limits_allow_goes_through() {
    let server = KeepAlive::start(Duration::ZERO, ok);
    let home = Home::new();
    let long = |c: &str, n: usize| c.repeat(n);
    let r = run(home
        .dts()
        .env("ALIBABA_CLOUD_ACCESS_KEY_ID", long("/", 1024))
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET)
        .env("ALIBABA_CLOUD_SECURITY_TOKEN", long("+", 16 * 1024))
        .args([
            "-q",
            "suspend",
            "-j",
            &long("%", 1024),
            "-i",
            &long("&", 1024),
        ])
        .args(["-r", &long("a", 1024), "--endpoint", &server.url]));
    assert_eq!(r.code, 0, "{}", &r.stderr[..r.stderr.len().min(300)]);
    let requests = server.requests.lock().unwrap();
    assert_eq!(requests.len(), 1);
    assert!(
        requests[0].1.len() > 59_000,
        "{} bytes",
        requests[0].1.len()
    );
}
