//! TLS trusts the operating system's certificate store, loaded only when an
//! https request is made, beside the handshake rather than before it.
//! SSL_CERT_FILE (which the OS-store loader honours) points at a FIFO:
//! opening it for reading blocks until a writer comes, so a test can see
//! whether and when dts opens it, and can keep the loading from ever
//! finishing.

use std::fs::OpenOptions;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::fault_server::{Fault, FaultServer};
use crate::support::*;

fn fifo(home: &Home) -> std::path::PathBuf {
    let path = home.dir.path().join("certs.pem");
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    path
}

/// Whether a reader opens the FIFO `path` within 10 s: a non-blocking
/// open for writing succeeds only once one has it open.
fn reader_comes(path: &Path) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(10) {
        let writer = OpenOptions::new()
            .write(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(path);
        if writer.is_ok() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

/// The arguments of one suspend call to `endpoint`, with no retries.
pub fn one_call(endpoint: &str) -> [&str; 7] {
    [
        "--retries",
        "0",
        "suspend",
        "-j",
        "j1",
        "--endpoint",
        endpoint,
    ]
}

/// dts making one call to `endpoint` (at most 5 s) as a child, its trust
/// store the FIFO `certs`.
fn https_call(home: &Home, certs: &Path, endpoint: &str) -> std::process::Child {
    let args: Vec<&str> = ["--timeout", "5"]
        .into_iter()
        .chain(one_call(endpoint))
        .collect();
    home.spawn_with_keys(&args, &[("SSL_CERT_FILE", certs.as_os_str())])
}

/// A writer waiting on the FIFO `path`: its open returns when a reader
/// opens the FIFO, and says so on the channel.
fn waiting_writer(path: &Path) -> std::sync::mpsc::Receiver<()> {
    let (tx, rx) = std::sync::mpsc::channel();
    let path = path.to_path_buf();
    std::thread::spawn(move || {
        if let Ok(writer) = OpenOptions::new().write(true).open(&path) {
            let _ = tx.send(());
            // Hold it open a moment so a reader sees a writer, then close.
            std::thread::sleep(Duration::from_millis(200));
            drop(writer);
        }
    });
    rx
}

/// Whether anyone opened the FIFO for reading; lets the writer go.
fn was_opened(path: &Path, writer: &std::sync::mpsc::Receiver<()>) -> bool {
    std::thread::sleep(Duration::from_millis(50));
    let opened = writer.try_recv().is_ok();
    // Release a writer still waiting.
    let _ = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path);
    opened
}

#[test]
fn an_http_call_or_a_dry_run_opens_no_certificates() {
    let home = Home::new();
    let certs = fifo(&home);
    let mut gw = Gateway::new();
    let _m = gw.answer_any(200, OK_BODY);
    let url = gw.url();
    home.write_config(&format!(
        "[plain]\naccess_key_id = \"{KEY_ID}\"\naccess_key_secret = \"{SECRET}\"\nendpoint = \"{url}\"\n"
    ));
    let by_flag = ["suspend", "-j", "j1", "--endpoint", url.as_str()];
    let by_profile = ["-p", "plain", "suspend", "-j", "j1"];
    let dry_run = ["suspend", "-j", "j1", "-r", "cn-hangzhou", "--dry-run"];
    let cases: [(&[&str], Option<&str>); 4] = [
        (&by_flag, None),
        (&["suspend", "-j", "j1"], Some(url.as_str())),
        (&by_profile, None),
        (&dry_run, None),
    ];
    for (args, dts_endpoint) in cases {
        let writer = waiting_writer(&certs);
        let mut cmd = home.dts_with_keys();
        cmd.env("SSL_CERT_FILE", &certs)
            .timeout(Duration::from_secs(20))
            .args(args);
        if let Some(endpoint) = dts_endpoint {
            cmd.env("DTS_ENDPOINT", endpoint);
        }
        let r = run(&mut cmd);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        assert!(
            !was_opened(&certs, &writer),
            "{args:?} {dts_endpoint:?}: dts opened the certificate store"
        );
    }
    // The control: an https call opens it.
    let writer = waiting_writer(&certs);
    let server = FaultServer::start(vec![Fault::Stall]);
    let endpoint = format!("https://{}", server.addr);
    let mut child = https_call(&home, &certs, &endpoint);
    let opened = writer.recv_timeout(Duration::from_secs(10)).is_ok();
    let _ = child.kill();
    let _ = child.wait();
    assert!(opened, "an https call never opened the certificate store");
}

/// A loopback listener that records the first bytes of its first
/// connection and never answers.
fn silent_listener() -> (u16, std::sync::mpsc::Receiver<Vec<u8>>) {
    use std::io::Read;
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        if let Ok((mut stream, _)) = listener.accept() {
            let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
            let mut first = vec![0u8; 6];
            if stream.read_exact(&mut first).is_ok() {
                let _ = tx.send(first);
            }
            std::thread::sleep(Duration::from_secs(10));
        }
    });
    (port, rx)
}

#[test]
fn the_handshake_starts_while_the_roots_are_still_loading() {
    // The store is a FIFO nobody writes: loading the roots never ends. The
    // ClientHello has gone out all the same: the roots load during the
    // handshake's first round trip, not before connecting.
    let home = Home::new();
    let certs = fifo(&home);
    let (port, first_bytes) = silent_listener();
    let endpoint = format!("https://127.0.0.1:{port}");
    let mut child = https_call(&home, &certs, &endpoint);
    let hello = first_bytes.recv_timeout(Duration::from_secs(10));
    // Then dts opens the store and waits on it.
    let loading = reader_comes(&certs);
    let _ = child.kill();
    let _ = child.wait();
    let hello = hello.expect("no ClientHello while the roots were loading");
    // A TLS handshake record (22) holding a ClientHello (1).
    assert_eq!((hello[0], hello[5]), (22, 1), "{hello:?}");
    assert!(loading, "dts was not loading the roots");
}

#[test]
fn an_https_call_reads_the_os_certificate_store() {
    let home = Home::new();
    let certs = fifo(&home);
    let server = FaultServer::start(vec![Fault::Stall]);
    let endpoint = format!("https://{}", server.addr);
    let mut child = https_call(&home, &certs, &endpoint);
    let opened = reader_comes(&certs);
    let _ = child.kill();
    let _ = child.wait();
    assert!(opened, "dts never read SSL_CERT_FILE for an https call");
}

/// A TLS server on loopback whose certificate for 127.0.0.1 is issued by a
/// private CA, as a TLS-inspecting corporate proxy's would be. Returns its
/// port and the CA in PEM.
pub fn tls_server_with_private_ca() -> (u16, String) {
    use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair};
    use std::io::{Read, Write};
    use std::sync::Arc;

    let ca_key = KeyPair::generate().unwrap();
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params
        .distinguished_name
        .push(DnType::CommonName, "dts test corporate root");
    let ca_cert = ca_params.self_signed(&ca_key).unwrap();
    let issuer = Issuer::new(ca_params, ca_key);
    let leaf_key = KeyPair::generate().unwrap();
    let leaf = CertificateParams::new(vec!["127.0.0.1".to_string()])
        .unwrap()
        .signed_by(&leaf_key, &issuer)
        .unwrap();

    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(
            vec![leaf.der().clone(), ca_cert.der().clone()],
            rustls::pki_types::PrivateKeyDer::Pkcs8(leaf_key.serialize_der().into()),
        )
        .unwrap();
    let config = Arc::new(config);
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        // A handful of connections, each bounded in time.
        for stream in listener.incoming().take(4).flatten() {
            let config = Arc::clone(&config);
            std::thread::spawn(move || {
                let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
                let conn = rustls::ServerConnection::new(config).unwrap();
                let mut tls = rustls::StreamOwned::new(conn, stream);
                let mut head = Vec::new();
                let mut byte = [0u8; 1];
                while !head.ends_with(b"\r\n\r\n") {
                    match tls.read(&mut byte) {
                        Ok(1) => head.push(byte[0]),
                        _ => return,
                    }
                }
                let answer = format!(
                    "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{OK_BODY}",
                    OK_BODY.len()
                );
                let _ = tls.write_all(answer.as_bytes());
                let _ = tls.flush();
                tls.conn.send_close_notify();
                let _ = tls.flush();
            });
        }
    });
    (port, ca_cert.pem())
}

#[test]
fn https_trusts_a_private_ca_installed_in_the_os_store() {
    let (port, ca_pem) = tls_server_with_private_ca();
    let home = Home::new();
    let ca_file = home.dir.path().join("corporate-root.pem");
    std::fs::write(&ca_file, ca_pem).unwrap();
    let endpoint = format!("https://127.0.0.1:{port}");
    // The CA in the store (SSL_CERT_FILE stands for it here): the call works.
    let r = run(home
        .dts_with_keys()
        .env("SSL_CERT_FILE", &ca_file)
        .args(one_call(&endpoint)));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("JOB ID"), "{}", r.stdout);
    // A store with another root instead: the same server is refused, and
    // the message says TLS.
    let other_dir = home.dir.path().join("other-store");
    std::fs::create_dir(&other_dir).unwrap();
    let other = other_dir.join("other-root.pem");
    let other_key = rcgen::KeyPair::generate().unwrap();
    let mut other_params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    other_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    std::fs::write(&other, other_params.self_signed(&other_key).unwrap().pem()).unwrap();
    let r = run(home
        .dts_with_keys()
        .env("SSL_CERT_FILE", &other)
        .env("SSL_CERT_DIR", &other_dir)
        .args(one_call(&endpoint)));
    assert_eq!(r.code, 8, "{}", r.stderr);
    assert!(
        r.stderr.contains("TLS handshake with 127.0.0.1"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("UnknownIssuer"), "{}", r.stderr);
    assert!(
        r.stderr.contains("dts: hint: the server's certificate"),
        "{}",
        r.stderr
    );
}

/// A root certificate that issued nothing here, in PEM.
fn unrelated_root() -> String {
    let key = rcgen::KeyPair::generate().unwrap();
    let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    params.self_signed(&key).unwrap().pem()
}

/// Runs `dts ARGS` with no SSL_CERT_* variables in a private mount
/// namespace where /etc/ssl/certs is `dir`, and, when `bundle` is given,
/// /etc/ssl/certs/ca-certificates.crt is that file: the operating system's
/// store as dts finds it. `None` when this machine cannot make a mount
/// namespace (not root).
fn in_a_private_store(
    home: &Home,
    dir: &Path,
    bundle: Option<&Path>,
    args: &[&str],
) -> Option<Run> {
    let probe = std::process::Command::new("unshare")
        .args(["-m", "true"])
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: no mount namespace here (unshare -m needs root)");
        return None;
    }
    let mut script = format!(
        "mount --bind '{}' /etc/ssl/certs || exit 90\n",
        dir.display()
    );
    if let Some(bundle) = bundle {
        script += &format!(
            "mount --bind '{}' /etc/ssl/certs/ca-certificates.crt || exit 91\n",
            bundle.display()
        );
    }
    script += "exec \"$@\"\n";
    let cmd = home.dts_with_keys();
    let dts = cmd.get_program().to_os_string();
    let mut unshare = assert_cmd::Command::new("unshare");
    unshare
        .env_clear()
        .envs(
            cmd.get_envs()
                .filter_map(|(k, v)| Some((k.to_os_string(), v?.to_os_string()))),
        )
        .args(["-m", "sh", "-c", &script, "sh"])
        .arg(dts)
        .args(args);
    Some(run(&mut unshare))
}

#[test]
fn the_system_bundle_is_trusted_and_the_directory_is_not_read_beside_it() {
    let home = Home::new();
    let store = home.dir.path().join("certs");
    std::fs::create_dir(&store).unwrap();
    let bundle = home.dir.path().join("bundle.crt");
    std::fs::write(store.join("ca-certificates.crt"), "").unwrap();
    // The private CA in the bundle, another root in the directory: trusted.
    let (port, ca_pem) = tls_server_with_private_ca();
    std::fs::write(&bundle, &ca_pem).unwrap();
    std::fs::write(store.join("other.pem"), unrelated_root()).unwrap();
    let endpoint = format!("https://127.0.0.1:{port}");
    let args = one_call(&endpoint);
    let Some(r) = in_a_private_store(&home, &store, Some(&bundle), &args) else {
        return;
    };
    assert_eq!(r.code, 0, "{}", r.stderr);
    // The CA only in the directory, another root in the bundle: the
    // directory is not read when there is a bundle.
    let (port, ca_pem) = tls_server_with_private_ca();
    std::fs::write(&bundle, unrelated_root()).unwrap();
    std::fs::write(store.join("corporate.pem"), &ca_pem).unwrap();
    let endpoint = format!("https://127.0.0.1:{port}");
    let args = one_call(&endpoint);
    let r = in_a_private_store(&home, &store, Some(&bundle), &args).unwrap();
    assert_eq!(r.code, 8, "{}", r.stderr);
    assert!(r.stderr.contains("UnknownIssuer"), "{}", r.stderr);
}

#[test]
fn without_a_bundle_the_directory_is_trusted() {
    let home = Home::new();
    let store = home.dir.path().join("certs");
    std::fs::create_dir(&store).unwrap();
    let (port, ca_pem) = tls_server_with_private_ca();
    std::fs::write(store.join("corporate.pem"), &ca_pem).unwrap();
    let endpoint = format!("https://127.0.0.1:{port}");
    let args = one_call(&endpoint);
    // This machine has no other documented bundle than the one hidden here.
    let others = [
        "/etc/pki/tls/certs/ca-bundle.crt",
        "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",
        "/etc/ssl/ca-bundle.pem",
        "/etc/pki/tls/cacert.pem",
        "/etc/ssl/cert.pem",
    ];
    if others.iter().any(|p| Path::new(p).exists()) {
        eprintln!("skipped: another bundle exists on this machine");
        return;
    }
    let Some(r) = in_a_private_store(&home, &store, None, &args) else {
        return;
    };
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn the_store_is_read_once_for_every_connection_of_a_run() {
    // The store is a FIFO written once: a second read would wait for a
    // writer that never comes, and the run would hang.
    let (port, ca_pem) = tls_server_with_private_ca();
    let home = Home::new();
    let certs = fifo(&home);
    let path = certs.clone();
    std::thread::spawn(move || {
        use std::io::Write;
        if let Ok(mut writer) = OpenOptions::new().write(true).open(&path) {
            let _ = writer.write_all(ca_pem.as_bytes());
        }
    });
    let endpoint = format!("https://127.0.0.1:{port}");
    let r = run(home
        .dts_with_keys()
        .env("SSL_CERT_FILE", &certs)
        .timeout(Duration::from_secs(20))
        .args([
            "--retries",
            "0",
            "-o",
            "json",
            "suspend",
            "-j",
            "j1",
            "-j",
            "j2",
            "-j",
            "j3",
            "--endpoint",
            &endpoint,
        ]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Three answers, each over a connection of its own (the server closes
    // each one), all trusted with the roots read once.
    assert_eq!(r.stdout.lines().count(), 3, "{}", r.stdout);
}

#[test]
fn a_store_file_that_never_ends_is_read_only_so_far() {
    // SSL_CERT_FILE=/dev/zero: 16 MiB are read, no root is found, and the
    // handshake says so instead of dts reading for ever.
    let (port, _) = tls_server_with_private_ca();
    let home = Home::new();
    let endpoint = format!("https://127.0.0.1:{port}");
    let r = run(home
        .dts_with_keys()
        .env("SSL_CERT_FILE", "/dev/zero")
        .timeout(Duration::from_secs(20))
        .args(one_call(&endpoint)));
    assert_eq!(r.code, 8, "{}", r.stderr);
    assert!(r.stderr.contains("UnknownIssuer"), "{}", r.stderr);
}
