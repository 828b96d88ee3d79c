//! A failed exchange in dts's classes: which failures are the network's
//! (and whether the request could have reached the service), which are a
//! bad answer, which are TLS. Messages name the host, or the proxy when
//! connecting to it failed, and never a URL (the URL holds the signed
//! query).

use std::io;
use std::time::Duration;

use crate::error::{Error, NetworkKind};

/// What a failed name look-up is called.
const RESOLVE: &str = "cannot resolve its host";

/// Where a failure happened.
pub struct Failure<'a> {
    /// Host (and port) of the endpoint.
    pub host: &'a str,
    /// The limit of one attempt.
    pub timeout: Duration,
    /// The proxy, password hidden, when there is one.
    pub proxy: Option<&'a str>,
    /// Whether the request was written to the connection: a failure before
    /// that cannot have taken effect.
    pub written: bool,
}

impl Failure<'_> {
    /// The error a ureq failure is.
    pub fn classify(&self, e: ureq::Error) -> Error {
        use ureq::Error as U;
        match e {
            U::Timeout(_) => self.timed_out(true),
            U::HostNotFound => self.failed(RESOLVE),
            U::ConnectionFailed => self.failed("connection failed"),
            U::BodyExceedsLimit(_) => Error::BadResponse {
                message: format!("the answer from {} is larger than 1 MiB", self.host),
                http_status: None,
            },
            U::Tls(m) => self.tls(m),
            U::Rustls(e) => self.tls(&e.to_string()),
            U::Pem(e) => tls(format!("TLS set-up failed: {e}")),
            U::Io(e) => self.io(&e),
            U::ConnectProxyFailed(why) => Error::Network {
                kind: NetworkKind::Other,
                message: format!(
                    "the proxy {} refused the tunnel to {}: {why}",
                    self.proxy.unwrap_or("(unknown)"),
                    self.host
                ),
                sent: false,
            },
            U::Protocol(e) => Error::BadResponse {
                message: format!("{} sent an answer that is not valid HTTP: {e}", self.host),
                http_status: None,
            },
            U::StatusCode(_)
            | U::TooManyRedirects
            | U::RedirectFailed
            | U::BadUri(_)
            | U::Http(_)
            | U::InvalidProxyUrl => Error::Internal(format!("HTTP client error: {e}")),
            other => self.network(
                NetworkKind::Other,
                format!("request to {} failed: {other}", self.host),
            ),
        }
    }

    /// An I/O error's class.
    fn io(&self, e: &io::Error) -> Error {
        if e.get_ref()
            .is_some_and(|inner| inner.downcast_ref::<rustls::Error>().is_some())
        {
            return self.tls(&e.to_string());
        }
        let host = self.host;
        match e.kind() {
            io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => self.timed_out(false),
            io::ErrorKind::ConnectionRefused => self.failed("connection refused"),
            io::ErrorKind::HostUnreachable => self.failed("no route to host"),
            io::ErrorKind::NetworkUnreachable => self.failed("network unreachable"),
            io::ErrorKind::AddrNotAvailable => self.failed("address not available"),
            io::ErrorKind::ConnectionReset | io::ErrorKind::ConnectionAborted => self.network(
                NetworkKind::Other,
                format!("connection to {host} was reset"),
            ),
            io::ErrorKind::UnexpectedEof if self.written => self.network(
                NetworkKind::Other,
                format!("{host} closed the connection before the whole answer arrived"),
            ),
            io::ErrorKind::UnexpectedEof => self.network(
                NetworkKind::Other,
                format!("the connection to {host} closed before the request was sent"),
            ),
            // std's resolver reports a failed look-up as an uncategorised
            // I/O error with this text.
            _ if e.to_string().contains("lookup address") => self.failed(RESOLVE),
            _ => self.network(
                NetworkKind::Other,
                format!(
                    "network error talking to {host}: {}",
                    crate::error::io_reason(e)
                ),
            ),
        }
    }

    /// A network failure; the request may have been sent if it was written.
    fn network(&self, kind: NetworkKind, message: String) -> Error {
        Error::Network {
            kind,
            message,
            sent: self.written,
        }
    }

    /// Connecting failed: before anything is written through a proxy,
    /// every connection failure is the proxy's.
    fn failed(&self, what: &str) -> Error {
        let host = self.host;
        let message = match self.proxy {
            Some(p) if !self.written => {
                format!("cannot connect to the proxy {p} (for {host}): {what}")
            }
            _ if what == RESOLVE => format!("cannot resolve host {host}"),
            _ => format!("cannot connect to {host}: {what}"),
        };
        self.network(NetworkKind::Other, message)
    }

    /// The attempt's time ran out; `through_proxy` names the proxy when
    /// nothing was written yet.
    fn timed_out(&self, through_proxy: bool) -> Error {
        let via = match self.proxy {
            Some(p) if through_proxy && !self.written => format!(" through the proxy {p}"),
            _ => String::new(),
        };
        self.network(
            NetworkKind::Timeout,
            format!(
                "no complete answer from {} within {} s (the limit for one attempt; see --timeout){via}",
                self.host,
                self.timeout.as_secs_f64()
            ),
        )
    }

    /// A TLS handshake failure.
    fn tls(&self, why: &str) -> Error {
        tls(format!("TLS handshake with {} failed: {why}", self.host))
    }
}

/// A TLS failure (nothing was sent).
fn tls(message: String) -> Error {
    Error::Network {
        kind: NetworkKind::Tls,
        message,
        sent: false,
    }
}
