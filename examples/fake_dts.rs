//! A fake DTS endpoint on loopback, for the benchmark (and for trying dts
//! without an account):
//!
//!     fake_dts [--port P] [--max-requests N] [--seconds S]
//!
//! It prints `http://127.0.0.1:<port>` on stdout once it listens, answers
//! every request as DTS would a successful call (DescribeDtsJobDetail with
//! a paused job, anything else with `Success: true`; and as STS would an
//! AssumeRole, with keys valid for an hour), and stops by itself
//! after `--max-requests` (default 10000) or `--seconds` (default 600).
//! It checks no signature: it stands for the network round trip only.

// The ban on ambient time in clippy.toml guards dts itself, not this tool.
#![allow(clippy::disallowed_methods)]

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::time::{Duration, Instant};

const OK: &str =
    r#"{"RequestId":"01B6F25-21E7-4484-99D5-3EF2625C0001","HttpStatusCode":200,"Success":true}"#;
const DETAIL: &str = r#"{"RequestId":"01B6F25-21E7-4484-99D5-3EF2625C0002","HttpStatusCode":200,"Success":true,"DtsJobId":"l3m1213ye7lb2c9","DtsJobName":"orders-sync","JobType":"SYNC","Status":"Suspending","Delay":0,"Checkpoint":1714979289,"ErrorMessage":""}"#;

fn main() {
    let mut port = 0u16;
    let mut max_requests = 10_000usize;
    let mut seconds = 600u64;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().unwrap_or_default();
        let ok = match flag.as_str() {
            "--port" => value.parse().map(|v| port = v).is_ok(),
            "--max-requests" => value.parse().map(|v| max_requests = v).is_ok(),
            "--seconds" => value.parse().map(|v| seconds = v).is_ok(),
            _ => false,
        };
        if !ok {
            eprintln!("usage: fake_dts [--port P] [--max-requests N] [--seconds S]");
            std::process::exit(2);
        }
    }
    let listener = TcpListener::bind(("127.0.0.1", port)).unwrap_or_else(|e| {
        eprintln!("fake_dts: cannot listen on 127.0.0.1:{port}: {e}");
        std::process::exit(1);
    });
    let addr = listener.local_addr().expect("a bound address");
    println!("http://{addr}");
    let _ = std::io::stdout().flush();

    // Stop by itself after the time limit, even if nobody connects.
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_secs(seconds));
        std::process::exit(0);
    });
    let started = Instant::now();
    for stream in listener.incoming().take(max_requests) {
        if let Ok(stream) = stream {
            std::thread::spawn(move || {
                let _ = serve(stream);
            });
        }
        if started.elapsed() > Duration::from_secs(seconds) {
            break;
        }
    }
}

/// An STS AssumeRole answer whose keys are good for an hour.
fn assume_role_answer() -> String {
    let expiration = (time::OffsetDateTime::now_utc() + time::Duration::hours(1))
        .format(time::macros::format_description!(
            "[year]-[month]-[day]T[hour]:[minute]:[second]Z"
        ))
        .unwrap_or_default();
    format!(
        r#"{{"RequestId":"STS-R","Credentials":{{"AccessKeyId":"STS.benchmark","AccessKeySecret":"benchmark-sts-secret","SecurityToken":"CAISbenchmark","Expiration":"{expiration}"}}}}"#
    )
}

/// Reads one request head and answers it, then closes.
fn serve(stream: TcpStream) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut first = String::new();
    reader.read_line(&mut first)?;
    let mut length = 0usize;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().unwrap_or(0);
        }
    }
    // A body (the SDK may send its parameters as a form) is read and ignored.
    let mut body = vec![0u8; length.min(1 << 20)];
    std::io::Read::read_exact(&mut reader, &mut body)?;
    let text = String::from_utf8_lossy(&body);
    let assumed = assume_role_answer();
    let answer = if first.contains("DescribeDtsJobDetail") || text.contains("DescribeDtsJobDetail")
    {
        DETAIL
    } else if first.contains("Action=AssumeRole") {
        assumed.as_str()
    } else {
        OK
    };
    let mut stream = stream;
    write!(
        stream,
        "HTTP/1.1 200 OK\r\nContent-Type: application/json;charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{answer}",
        answer.len()
    )?;
    stream.flush()
}
