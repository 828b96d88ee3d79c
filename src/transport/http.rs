//! The ureq transport: time limits, the 1 MiB body cap, no redirects, the
//! OS trust store, and whether a failed request was written.

use std::cell::Cell;
use std::io;
use std::time::Duration;

use ureq::unversioned::transport::{
    Buffers, ConnectionDetails, Connector, DefaultConnector, NextTimeout, Transport as UreqStream,
};

use super::{BODY_LIMIT, HttpRequest, HttpResponse, Transport};
use crate::error::{Error, NetworkKind};
use crate::secret::Secret;

/// Headers kept from a response.
const KEPT_HEADERS: &[&str] = &["retry-after", "x-acs-retry-after", "content-type"];

/// The real transport over ureq.
pub struct UreqTransport {
    agent: ureq::Agent,
    timeout: Duration,
    /// The proxy, password hidden, for messages.
    proxy_shown: Option<String>,
}

impl UreqTransport {
    /// `timeout` bounds each whole attempt (connect, send, headers, body);
    /// `connect_timeout` bounds the connection alone. `proxy` is the proxy
    /// URL to go through, if any. TLS trusts the operating system's
    /// certificate store; it is set up only when an https request is made.
    pub fn new(
        timeout: Duration,
        connect_timeout: Duration,
        proxy: Option<&Secret>,
        user_agent: &str,
    ) -> Result<Self, Error> {
        let proxy = proxy
            .map(|p| {
                ureq::Proxy::new(p.expose()).map_err(|_| {
                    Error::config(format!(
                        "proxy '{}' from the environment is not a valid proxy URL",
                        super::proxy::redact(p.expose())
                    ))
                })
            })
            .transpose()?;
        let proxy_shown = proxy
            .as_ref()
            .map(|p| crate::transport::proxy::redact(&p.uri().to_string()));
        let tls = ureq::tls::TlsConfig::builder()
            .root_certs(ureq::tls::RootCerts::PlatformVerifier)
            .build();
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_global(Some(timeout))
            .timeout_connect(Some(connect_timeout))
            .user_agent(user_agent)
            .proxy(proxy)
            .tls_config(tls)
            .build();
        let agent = ureq::Agent::with_parts(
            config,
            DefaultConnector::default().chain(WatchWrites),
            ureq::unversioned::resolver::DefaultResolver::default(),
        );
        Ok(UreqTransport {
            agent,
            timeout,
            proxy_shown,
        })
    }
}

impl Transport for UreqTransport {
    fn send(&self, request: &HttpRequest) -> Result<HttpResponse, Error> {
        WRITTEN.with(|w| w.set(false));
        let map = |e| {
            let written = WRITTEN.with(Cell::get);
            map_error(
                e,
                &request.authority,
                self.timeout,
                self.proxy_shown.as_deref(),
                written,
            )
        };
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

thread_local! {
    /// Whether the request being sent on this thread was written to the
    /// connection: only then may a failure hide a call that took effect.
    /// ureq sends on the calling thread, so one flag a thread is one a
    /// request.
    static WRITTEN: Cell<bool> = const { Cell::new(false) };
}

/// The last link of ureq's connector chain: wraps the connection (after
/// TCP, any proxy tunnel and TLS are set up) to note when the request is
/// written. ureq's `unversioned` API; Cargo.lock pins the version.
#[derive(Debug)]
struct WatchWrites;

impl<In: UreqStream> Connector<In> for WatchWrites {
    type Out = Watched<In>;

    fn connect(
        &self,
        _: &ConnectionDetails,
        chained: Option<In>,
    ) -> Result<Option<Self::Out>, ureq::Error> {
        Ok(chained.map(Watched))
    }
}

/// A connection that notes in [`WRITTEN`] when it has sent bytes.
#[derive(Debug)]
struct Watched<T>(T);

impl<T: UreqStream> UreqStream for Watched<T> {
    fn buffers(&mut self) -> &mut dyn Buffers {
        self.0.buffers()
    }

    fn transmit_output(&mut self, amount: usize, timeout: NextTimeout) -> Result<(), ureq::Error> {
        let result = self.0.transmit_output(amount, timeout);
        if result.is_ok() {
            WRITTEN.with(|w| w.set(true));
        }
        result
    }

    fn maybe_await_input(&mut self, timeout: NextTimeout) -> Result<bool, ureq::Error> {
        self.0.maybe_await_input(timeout)
    }

    fn await_input(&mut self, timeout: NextTimeout) -> Result<bool, ureq::Error> {
        self.0.await_input(timeout)
    }

    fn is_open(&mut self) -> bool {
        self.0.is_open()
    }

    fn is_tls(&self) -> bool {
        self.0.is_tls()
    }
}

/// What a failed name look-up is called.
const RESOLVE: &str = "cannot resolve its host";

/// A TLS handshake failure (nothing was sent).
fn tls(message: String) -> Error {
    Error::Network {
        kind: NetworkKind::Tls,
        message,
        sent: false,
    }
}

/// Turns a ureq error into dts's classes, naming the host (or the proxy,
/// when connecting to it failed) and never a URL (the URL holds the signed
/// query). `written` tells whether the request reached the connection: a
/// failure before that cannot have taken effect.
fn map_error(
    e: ureq::Error,
    host: &str,
    timeout: Duration,
    proxy: Option<&str>,
    written: bool,
) -> Error {
    use ureq::Error as U;
    let network = |kind, message| Error::Network {
        kind,
        message,
        sent: written,
    };
    // Before anything is written through a proxy, every connection failure
    // is the proxy's.
    let failed = |what: &str| match proxy {
        Some(p) if !written => network(
            NetworkKind::Other,
            format!("cannot connect to the proxy {p} (for {host}): {what}"),
        ),
        _ if what == RESOLVE => network(NetworkKind::Other, format!("cannot resolve host {host}")),
        _ => network(
            NetworkKind::Other,
            format!("cannot connect to {host}: {what}"),
        ),
    };
    match e {
        U::Timeout(_) => network(
            NetworkKind::Timeout,
            format!(
                "no complete answer from {host} within {} s (the limit for one attempt; see --timeout){}",
                timeout.as_secs_f64(),
                match proxy {
                    Some(p) if !written => format!(" through the proxy {p}"),
                    _ => String::new(),
                }
            ),
        ),
        U::HostNotFound => failed(RESOLVE),
        U::ConnectionFailed => failed("connection failed"),
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
            io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => network(
                NetworkKind::Timeout,
                format!(
                    "no complete answer from {host} within {} s (the limit for one attempt; see --timeout)",
                    timeout.as_secs_f64()
                ),
            ),
            io::ErrorKind::ConnectionRefused => failed("connection refused"),
            io::ErrorKind::HostUnreachable => failed("no route to host"),
            io::ErrorKind::NetworkUnreachable => failed("network unreachable"),
            io::ErrorKind::AddrNotAvailable => failed("address not available"),
            io::ErrorKind::ConnectionReset | io::ErrorKind::ConnectionAborted => network(
                NetworkKind::Other,
                format!("connection to {host} was reset"),
            ),
            io::ErrorKind::UnexpectedEof => network(
                NetworkKind::Other,
                format!("{host} closed the connection before the whole answer arrived"),
            ),
            // std's resolver reports a failed look-up as an uncategorised
            // I/O error with this text.
            _ if e.to_string().contains("lookup address") => failed(RESOLVE),
            _ => network(
                NetworkKind::Other,
                format!(
                    "network error talking to {host}: {}",
                    crate::error::io_reason(&e)
                ),
            ),
        },
        U::ConnectProxyFailed(why) => Error::Network {
            kind: NetworkKind::Other,
            message: format!(
                "the proxy {} refused the tunnel to {host}: {why}",
                proxy.unwrap_or("(unknown)")
            ),
            sent: false,
        },
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
        other => network(
            NetworkKind::Other,
            format!("request to {host} failed: {other}"),
        ),
    }
}
