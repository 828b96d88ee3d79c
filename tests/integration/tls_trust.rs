//! TLS trusts the operating system's certificate store, loaded only when an
//! https request is made. SSL_CERT_FILE (which the OS-store loader honours)
//! points at a FIFO: opening it for reading blocks until a writer comes,
//! so a read on an http call would hang, and the test can see the moment
//! an https call opens it.

use std::fs::OpenOptions;
use std::os::unix::fs::OpenOptionsExt;
use std::process::Stdio;
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

#[test]
fn an_http_call_loads_no_certificates() {
    let home = Home::new();
    let certs = fifo(&home);
    let mut gw = Gateway::new();
    let _m = gw.answer_any(200, OK_BODY);
    let r = run(home
        .dts_with_keys()
        .env("SSL_CERT_FILE", &certs)
        .timeout(Duration::from_secs(20))
        .args(["suspend", "-j", "j1", "--endpoint", &gw.url()]));
    assert_eq!(r.code, 0, "an http call blocked or failed: {}", r.stderr);
}

#[test]
fn an_https_call_reads_the_os_certificate_store() {
    let home = Home::new();
    let certs = fifo(&home);
    let server = FaultServer::start(vec![Fault::Stall]);
    let program = home.dts().get_program().to_owned();
    let mut child = std::process::Command::new(program)
        .env_clear()
        .env("HOME", home.dir.path())
        .env("XDG_CONFIG_HOME", home.config_dir())
        .env("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID)
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET)
        .env("SSL_CERT_FILE", &certs)
        .args(["--retries", "0", "--timeout", "5", "suspend", "-j", "j1"])
        .args(["--endpoint", &format!("https://{}", server.addr)])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // A non-blocking open for writing succeeds only once dts has the FIFO
    // open for reading.
    let start = Instant::now();
    let opened = loop {
        match OpenOptions::new()
            .write(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(&certs)
        {
            Ok(writer) => break Some(writer),
            Err(_) if start.elapsed() < Duration::from_secs(10) => {
                std::thread::sleep(Duration::from_millis(20))
            }
            Err(_) => break None,
        }
    };
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        opened.is_some(),
        "dts never read SSL_CERT_FILE for an https call"
    );
}
