//! A fake DTS endpoint on loopback, for the benchmark (and for trying dts
//! without an account):
//!
//!     fake_dts [--port P] [--max-requests N] [--seconds S] [--delay-ms D] [--tls-ca FILE]
//!
//! It prints `http://127.0.0.1:<port>` on stdout once it listens, answers
//! every request as DTS would a successful call (DescribeDtsJobDetail with
//! a paused job, anything else with `Success: true`; and as STS would an
//! AssumeRole, with keys valid for an hour), and stops by itself
//! after `--max-requests` (default 10000) or `--seconds` (default 600).
//! It checks no signature: it stands for the network round trip only (the
//! benchmark's curl replays one signed request, which the emulator's nonce
//! check would refuse, and it suspends the same job again and again, which
//! the emulator's state machine would refuse); it reads requests and writes
//! answers with the
//! emulator's HTTP code (`dts::emulator::http`). It
//! keeps connections alive, waits `--delay-ms` before each answer (a
//! realistic 50 ms for the fleet benchmark), and answers `GET /stats` with
//! the connections and requests it has seen. With `--tls-ca FILE` it speaks
//! https with a certificate for 127.0.0.1 from a private CA, whose
//! certificate it writes to FILE (for `SSL_CERT_FILE`).

// The ban on ambient time in clippy.toml guards dts itself, not this tool.
#![allow(clippy::disallowed_methods)]

use std::io::{BufReader, Write};
use std::net::TcpListener;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use dts::emulator::http;

static CONNECTIONS: AtomicUsize = AtomicUsize::new(0);
static REQUESTS: AtomicUsize = AtomicUsize::new(0);
static DELAY_MS: AtomicU64 = AtomicU64::new(0);

/// A server TLS configuration for 127.0.0.1, its CA written to `ca_file`.
fn tls_config(ca_file: &str) -> std::sync::Arc<rustls::ServerConfig> {
    use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair};
    let ca_key = KeyPair::generate().expect("a CA key");
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).expect("CA params");
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params
        .distinguished_name
        .push(DnType::CommonName, "dts benchmark root");
    let ca_cert = ca_params.self_signed(&ca_key).expect("the CA");
    std::fs::write(ca_file, ca_cert.pem()).expect("the CA file");
    let issuer = Issuer::new(ca_params, ca_key);
    let leaf_key = KeyPair::generate().expect("a key");
    let leaf = CertificateParams::new(vec!["127.0.0.1".to_string()])
        .expect("params")
        .signed_by(&leaf_key, &issuer)
        .expect("the certificate");
    let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("TLS versions")
        .with_no_client_auth()
        .with_single_cert(
            vec![leaf.der().clone(), ca_cert.der().clone()],
            rustls::pki_types::PrivateKeyDer::Pkcs8(leaf_key.serialize_der().into()),
        )
        .expect("the TLS configuration");
    std::sync::Arc::new(config)
}

const OK: &str =
    r#"{"RequestId":"01B6F25-21E7-4484-99D5-3EF2625C0001","HttpStatusCode":200,"Success":true}"#;
const DETAIL: &str = r#"{"RequestId":"01B6F25-21E7-4484-99D5-3EF2625C0002","HttpStatusCode":200,"Success":true,"DtsJobId":"l3m1213ye7lb2c9","DtsJobName":"orders-sync","JobType":"SYNC","Status":"Suspending","Delay":0,"Checkpoint":1714979289,"ErrorMessage":""}"#;

fn main() {
    let mut port = 0u16;
    let mut max_requests = 10_000usize;
    let mut seconds = 600u64;
    let mut tls_ca: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().unwrap_or_default();
        let ok = match flag.as_str() {
            "--port" => value.parse().map(|v| port = v).is_ok(),
            "--max-requests" => value.parse().map(|v| max_requests = v).is_ok(),
            "--seconds" => value.parse().map(|v| seconds = v).is_ok(),
            "--delay-ms" => value
                .parse()
                .map(|v| DELAY_MS.store(v, Ordering::SeqCst))
                .is_ok(),
            "--tls-ca" => {
                tls_ca = Some(value);
                true
            }
            _ => false,
        };
        if !ok {
            eprintln!("usage: fake_dts [--port P] [--max-requests N] [--seconds S] [--delay-ms D]");
            std::process::exit(2);
        }
    }
    let listener = TcpListener::bind(("127.0.0.1", port)).unwrap_or_else(|e| {
        eprintln!("fake_dts: cannot listen on 127.0.0.1:{port}: {e}");
        std::process::exit(1);
    });
    let addr = listener.local_addr().expect("a bound address");
    let tls = tls_ca.as_deref().map(tls_config);
    let scheme = if tls.is_some() { "https" } else { "http" };
    println!("{scheme}://{addr}");
    let _ = std::io::stdout().flush();

    // Stop by itself after the time limit, even if nobody connects.
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_secs(seconds));
        std::process::exit(0);
    });
    let started = Instant::now();
    for stream in listener.incoming().take(max_requests) {
        if let Ok(stream) = stream {
            CONNECTIONS.fetch_add(1, Ordering::SeqCst);
            let _ = stream.set_nodelay(true);
            let tls = tls.clone();
            std::thread::spawn(move || match tls {
                Some(config) => {
                    let Ok(conn) = rustls::ServerConnection::new(config) else {
                        return;
                    };
                    let mut reader = BufReader::new(rustls::StreamOwned::new(conn, stream));
                    while serve(&mut reader) {}
                }
                None => {
                    let mut reader = BufReader::new(stream);
                    while serve(&mut reader) {}
                }
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

/// Reads one request (with the emulator's HTTP reader) and answers it;
/// `false` when the connection is done.
fn serve<S: std::io::Read + Write>(reader: &mut BufReader<S>) -> bool {
    let Some(request) = http::read(reader) else {
        return false;
    };
    if request.method == "GET" && request.path == "/stats" {
        let stats = format!(
            r#"{{"connections":{},"requests":{}}}"#,
            CONNECTIONS.load(Ordering::SeqCst),
            REQUESTS.load(Ordering::SeqCst)
        );
        return http::respond(reader.get_mut(), 200, &stats, stats.len(), false);
    }
    REQUESTS.fetch_add(1, Ordering::SeqCst);
    let delay = DELAY_MS.load(Ordering::SeqCst);
    if delay > 0 {
        std::thread::sleep(Duration::from_millis(delay));
    }
    let assumed = assume_role_answer();
    let body = match request.params.get("Action").map(String::as_str) {
        Some("DescribeDtsJobDetail") => DETAIL,
        Some("AssumeRole") => assumed.as_str(),
        _ => OK,
    };
    http::respond(reader.get_mut(), 200, body, body.len(), !request.close)
}
