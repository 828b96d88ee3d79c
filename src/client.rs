//! The HTTP transport: a trait the attempt loop calls, and its ureq
//! implementation with the time limits and the 1 MiB body cap.

use std::io;
use std::time::Duration;

use crate::error::{Error, NetworkKind};

/// The most of a response body dts reads.
pub const BODY_LIMIT: u64 = 1024 * 1024;

/// One HTTP exchange to make: a POST with every parameter in the URL's
/// query and an empty body (WIRE.md).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpRequest {
    /// The whole URL, query string included.
    pub url: String,
    /// Host (and port) for messages.
    pub authority: String,
}

/// One HTTP answer, its body already read (at most [`BODY_LIMIT`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpResponse {
    pub status: u16,
    /// The headers dts looks at (names lower-case).
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl HttpResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Sends one request and reads its answer.
pub trait Transport {
    fn send(&self, request: &HttpRequest) -> Result<HttpResponse, Error>;
}

/// Headers kept from a response.
const KEPT_HEADERS: &[&str] = &["retry-after", "x-acs-retry-after", "content-type"];

/// The real transport over ureq.
pub struct UreqTransport {
    agent: ureq::Agent,
    timeout: Duration,
}

impl UreqTransport {
    /// `timeout` bounds each whole attempt (connect, send, headers, body);
    /// `connect_timeout` bounds the connection alone. `proxy` is the proxy
    /// URL to go through, if any. TLS trusts the operating system's
    /// certificate store; it is set up only when an https request is made.
    pub fn new(
        timeout: Duration,
        connect_timeout: Duration,
        proxy: Option<&str>,
        user_agent: &str,
    ) -> Result<Self, Error> {
        let proxy = proxy
            .map(|p| {
                ureq::Proxy::new(p).map_err(|_| {
                    Error::config(format!(
                        "proxy '{}' from the environment is not a valid proxy URL",
                        crate::proxy::redact(p)
                    ))
                })
            })
            .transpose()?;
        let tls = ureq::tls::TlsConfig::builder()
            .root_certs(ureq::tls::RootCerts::PlatformVerifier)
            .build();
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_global(Some(timeout))
            .timeout_connect(Some(connect_timeout))
            .user_agent(user_agent)
            .proxy(proxy)
            .tls_config(tls)
            .build()
            .new_agent();
        Ok(UreqTransport { agent, timeout })
    }
}

impl Transport for UreqTransport {
    fn send(&self, request: &HttpRequest) -> Result<HttpResponse, Error> {
        let map = |e| map_error(e, &request.authority, self.timeout);
        let mut response = self.agent.post(&request.url).send_empty().map_err(map)?;
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .filter(|(n, _)| KEPT_HEADERS.contains(&n.as_str()))
            .filter_map(|(n, v)| Some((n.as_str().to_string(), v.to_str().ok()?.to_string())))
            .collect();
        let body = response
            .body_mut()
            .with_config()
            .limit(BODY_LIMIT)
            .read_to_vec()
            .map_err(map)?;
        Ok(HttpResponse {
            status,
            headers,
            body,
        })
    }
}

/// A network failure before the request could have been sent.
fn unsent(message: String) -> Error {
    Error::Network {
        kind: NetworkKind::Other,
        message,
        sent: false,
    }
}

/// A TLS handshake failure (nothing was sent).
fn tls(message: String) -> Error {
    Error::Network {
        kind: NetworkKind::Tls,
        message,
        sent: false,
    }
}

/// A network failure after the request may have reached the service.
fn lost(message: String) -> Error {
    Error::Network {
        kind: NetworkKind::Other,
        message,
        sent: true,
    }
}

/// Turns a ureq error into dts's classes, naming the host and never a URL
/// (the URL holds the signed query).
fn map_error(e: ureq::Error, host: &str, timeout: Duration) -> Error {
    use ureq::Error as U;
    let timed_out = |sent: bool| Error::Network {
        kind: NetworkKind::Timeout,
        message: format!(
            "no complete answer from {host} within {} s (the limit for one attempt; see --timeout)",
            timeout.as_secs_f64()
        ),
        sent,
    };
    match e {
        U::Timeout(ureq::Timeout::Resolve | ureq::Timeout::Connect) => timed_out(false),
        U::Timeout(_) => timed_out(true),
        U::HostNotFound => unsent(format!("cannot resolve host {host}")),
        U::ConnectionFailed => unsent(format!("cannot connect to {host}")),
        U::BodyExceedsLimit(_) => Error::BadResponse {
            message: format!("the answer from {host} is larger than 1 MiB"),
            http_status: None,
        },
        U::Tls(m) => tls(format!("TLS handshake with {host} failed: {m}")),
        U::Rustls(e) => tls(format!("TLS handshake with {host} failed: {e}")),
        U::Pem(e) => tls(format!("TLS set-up failed: {e}")),
        U::Io(e)
            if e.get_ref()
                .is_some_and(|inner| inner.downcast_ref::<rustls::Error>().is_some()) =>
        {
            tls(format!("TLS handshake with {host} failed: {e}"))
        }
        U::Io(e) => match e.kind() {
            io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => timed_out(true),
            io::ErrorKind::ConnectionRefused => unsent(format!("connection to {host} refused")),
            io::ErrorKind::ConnectionReset | io::ErrorKind::ConnectionAborted => {
                lost(format!("connection to {host} was reset"))
            }
            io::ErrorKind::UnexpectedEof => lost(format!(
                "{host} closed the connection before the whole answer arrived"
            )),
            // std's resolver reports a failed look-up as an uncategorised
            // I/O error with this text.
            _ if e.to_string().contains("lookup address") => {
                unsent(format!("cannot resolve host {host}"))
            }
            _ => lost(format!("network error talking to {host}: {e}")),
        },
        U::ConnectProxyFailed(why) => {
            unsent(format!("the proxy refused the tunnel to {host}: {why}"))
        }
        U::Protocol(e) => Error::BadResponse {
            message: format!("{host} sent an answer that is not valid HTTP: {e}"),
            http_status: None,
        },
        U::StatusCode(_)
        | U::TooManyRedirects
        | U::RedirectFailed
        | U::BadUri(_)
        | U::Http(_)
        | U::InvalidProxyUrl => Error::Internal(format!("HTTP client error: {e}")),
        other => lost(format!("request to {host} failed: {other}")),
    }
}
