//! Proxies from the environment, checked with a recording proxy on
//! loopback: the scheme picks the variable, NO_PROXY bypasses it. ureq
//! tunnels every request through CONNECT, for http endpoints too; SOCKS5
//! proxies (`socks5://`, `socks5h://`) tunnel too. Relaying proxies carry
//! https end to end, TLS inside the tunnel.

use crate::fault_server::{Fault, FaultServer};
use crate::relay::{Kind, Relay};
use crate::support::*;

const OK_JSON: &[u8] = br#"{"RequestId":"R","Success":true}"#;

/// A proxy that opens the tunnel and answers the request inside it.
fn tunnel() -> Fault {
    let Fault::Raw(answer) = Fault::answer(200, &[], OK_JSON) else {
        unreachable!()
    };
    Fault::Tunnel(answer)
}

#[test]
fn http_proxy_carries_http_requests() {
    for var in ["HTTP_PROXY", "http_proxy", "ALL_PROXY"] {
        let proxy = FaultServer::start(vec![tunnel()]);
        let home = Home::new();
        let r = run(home.dts_with_keys().env(var, proxy.url()).args([
            "suspend",
            "-j",
            "j1",
            "--endpoint",
            "http://dts.example.test:8080",
        ]));
        assert_eq!(r.code, 0, "{var}: {}", r.stderr);
        let requests = proxy.requests();
        assert_eq!(requests.len(), 2, "{var}: {requests:?}");
        assert_eq!(
            requests[0], "CONNECT dts.example.test:8080 HTTP/1.1",
            "{var}"
        );
        assert!(requests[1].starts_with("POST /?"), "{var}: {}", requests[1]);
        assert!(
            requests[1].contains("Action=SuspendDtsJob"),
            "{}",
            requests[1]
        );
    }
}

#[test]
fn https_proxy_gets_a_connect_for_https_endpoints() {
    let proxy = FaultServer::start(vec![Fault::answer(403, &[], b"")]);
    let home = Home::new();
    let r = run(home
        .dts_with_keys()
        .env("HTTPS_PROXY", proxy.url())
        // Not used for an https endpoint.
        .env("HTTP_PROXY", "http://127.0.0.1:9")
        .args(["--retries", "0", "suspend", "-j", "j1", "-r", "cn-hangzhou"]));
    // The proxy refuses the tunnel, so the call fails; what matters is
    // that the CONNECT went to the proxy, for the region's endpoint.
    assert_eq!(r.code, 8, "{}", r.stderr);
    assert_eq!(proxy.requests(), ["CONNECT dts.aliyuncs.com:443 HTTP/1.1"]);
}

#[test]
fn no_proxy_bypasses_the_proxy() {
    let proxy = FaultServer::start(vec![Fault::answer(500, &[], b"proxy")]);
    let mut gw = Gateway::new();
    let m = gw.answer(Expect::suspend(&[]), 200, OK_BODY);
    let home = Home::new();
    for no_proxy in ["127.0.0.1", "localhost,127.0.0.1:1234", "*"] {
        let r = run(home
            .dts_with_keys()
            .env("HTTP_PROXY", proxy.url())
            .env("NO_PROXY", no_proxy)
            .args(["suspend", "-j", "j1", "--endpoint", &gw.url()]));
        assert_eq!(r.code, 0, "{no_proxy}: {}", r.stderr);
    }
    gw.assert_no_refusals();
    m.expect(3).assert();
    assert_eq!(proxy.connections(), 0);
}

#[test]
fn no_proxy_for_another_host_still_uses_the_proxy() {
    let proxy = FaultServer::start(vec![tunnel()]);
    let home = Home::new();
    let r = run(home
        .dts_with_keys()
        .env("http_proxy", proxy.url())
        .env("no_proxy", "example.com,.internal")
        .args([
            "suspend",
            "-j",
            "j1",
            "--endpoint",
            "http://dts.example.test",
        ]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(proxy.connections(), 1);
    assert_eq!(proxy.requests()[0], "CONNECT dts.example.test:80 HTTP/1.1");
}

/// A call to the private-CA TLS server of `tls_trust` through `proxy`
/// (named in `var`), trusting the CA; the result and the endpoint.
fn https_through(var: &str, proxy: &str, port: u16, home: &Home) -> (Run, String) {
    let ca_file = home.dir.path().join("corporate-root.pem");
    let endpoint = format!("https://127.0.0.1:{port}");
    let r = run(home
        .dts_with_keys()
        .env("SSL_CERT_FILE", &ca_file)
        .env(var, proxy)
        .args(crate::tls_trust::one_call(&endpoint)));
    (r, endpoint)
}

#[test]
fn https_through_a_connect_proxy_is_tls_end_to_end() {
    let (port, ca_pem) = crate::tls_trust::tls_server_with_private_ca();
    let relay = Relay::start(Kind::Connect, port, 1);
    let home = Home::new();
    std::fs::write(home.dir.path().join("corporate-root.pem"), ca_pem).unwrap();
    let proxy = format!("http://127.0.0.1:{}", relay.port);
    let (r, _) = https_through("HTTPS_PROXY", &proxy, port, &home);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("JOB ID"), "{}", r.stdout);
    assert_eq!(
        relay.targets(),
        [format!("CONNECT 127.0.0.1:{port} HTTP/1.1")]
    );
}

#[test]
fn a_socks5_proxy_carries_https_and_http() {
    // https: TLS inside the SOCKS tunnel.
    let (port, ca_pem) = crate::tls_trust::tls_server_with_private_ca();
    let relay = Relay::start(Kind::Socks5, port, 1);
    let home = Home::new();
    std::fs::write(home.dir.path().join("corporate-root.pem"), ca_pem).unwrap();
    let proxy = format!("socks5://127.0.0.1:{}", relay.port);
    let (r, _) = https_through("HTTPS_PROXY", &proxy, port, &home);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(relay.targets(), [format!("127.0.0.1:{port}")]);

    // http, the name resolved by the proxy (socks5h), from ALL_PROXY.
    let mut gw = Gateway::new();
    let m = gw.answer(Expect::suspend(&[]), 200, OK_BODY);
    let gw_port: u16 = gw.url().rsplit(':').next().unwrap().parse().unwrap();
    let relay = Relay::start(Kind::Socks5, gw_port, 1);
    let r = run(home
        .dts_with_keys()
        .env("ALL_PROXY", format!("socks5h://127.0.0.1:{}", relay.port))
        .args([
            "--retries",
            "0",
            "suspend",
            "-j",
            "j1",
            "--endpoint",
            &format!("http://dts.example.test:{gw_port}"),
        ]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    m.assert();
    assert_eq!(relay.targets(), [format!("dts.example.test:{gw_port}")]);
}

#[test]
fn a_socks_proxy_that_is_not_listening_is_named() {
    let home = Home::new();
    let closed = closed_port();
    let r = run(home
        .dts_with_keys()
        .env("HTTPS_PROXY", format!("socks5://127.0.0.1:{closed}"))
        .args([
            "--retries",
            "0",
            "suspend",
            "-j",
            "j1",
            "--endpoint",
            "https://127.0.0.1:9",
        ]));
    assert_eq!(r.code, 8, "{}", r.stderr);
    assert!(!r.stderr.contains("internal error"), "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!("127.0.0.1:{closed}")),
        "{}",
        r.stderr
    );
}

#[test]
fn a_tunnel_that_closes_during_the_handshake_sent_nothing() {
    // The proxy grants the tunnel, then cannot reach the endpoint and
    // hangs up: the CONNECT request was written, the DTS request never
    // was, so there is no outcome to check.
    let relay = Relay::start(Kind::Connect, closed_port(), 1);
    let home = Home::new();
    let r = run(home
        .dts_with_keys()
        .env("HTTPS_PROXY", format!("http://127.0.0.1:{}", relay.port))
        .args([
            "-v",
            "--retries",
            "0",
            "suspend",
            "-j",
            "j1",
            "--endpoint",
            "https://127.0.0.1:9",
        ]));
    assert_eq!(r.code, 8, "{}", r.stderr);
    assert_eq!(relay.targets(), ["CONNECT 127.0.0.1:9 HTTP/1.1"]);
    assert!(
        r.stderr
            .contains("the connection to 127.0.0.1:9 closed before the request was sent"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("DescribeDtsJobDetail"), "{}", r.stderr);
    assert!(!r.stderr.contains("outcome"), "{}", r.stderr);
}
