//! The ureq transport: time limits, the 1 MiB body cap, no redirects, the
//! OS trust store, and whether a failed request was written.

use std::cell::Cell;
use std::time::Duration;

use ureq::unversioned::transport::{
    Buffers, ConnectionDetails, Connector, NextTimeout, Transport as UreqStream,
};

use super::failure::Failure;
use super::{BODY_LIMIT, HttpRequest, HttpResponse, Method, Transport};
use crate::error::Error;
use crate::secret::Secret;

/// Headers kept from a response.
const KEPT_HEADERS: &[&str] = &["retry-after", "x-acs-retry-after", "content-type"];

/// The real transport over ureq: one agent for http and https. TLS is
/// set up only when an https request is made, so an http call loads no
/// certificates.
pub struct UreqTransport {
    agent: ureq::Agent,
    timeout: Duration,
    /// The proxy, password hidden, for messages.
    proxy_shown: Option<String>,
}

/// What the agent is made with.
struct Setup {
    timeout: Duration,
    connect_timeout: Duration,
    proxy: Option<ureq::Proxy>,
    user_agent: String,
    connections: usize,
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
        Self::with_connections(timeout, connect_timeout, proxy, user_agent, 1)
    }

    /// The same, keeping up to `connections` connections alive for reuse
    /// (one a worker).
    pub fn with_connections(
        timeout: Duration,
        connect_timeout: Duration,
        proxy: Option<&Secret>,
        user_agent: &str,
        connections: usize,
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
        let setup = Setup {
            timeout,
            connect_timeout,
            proxy,
            user_agent: user_agent.to_string(),
            connections: connections.max(1),
        };
        Ok(UreqTransport {
            agent: agent(&setup),
            timeout,
            proxy_shown,
        })
    }
}

/// The connections an agent makes: through a SOCKS or HTTP proxy when
/// there is one, TCP, then TLS for https. On Linux, TLS is dts's own
/// connector (`tls`: the roots loaded while the server answers the
/// ClientHello); elsewhere ureq's, with the platform's verifier. The last
/// link notes when a request is written.
#[cfg(target_os = "linux")]
fn connector(watch: WatchWrites) -> impl Connector<Out = impl UreqStream> {
    use ureq::unversioned::transport::{ConnectProxyConnector, SocksConnector, TcpConnector};
    ().chain(SocksConnector::default())
        .chain(ConnectProxyConnector::default())
        .chain(TcpConnector::default())
        .chain(super::tls::Tls)
        .chain(watch)
}

#[cfg(not(target_os = "linux"))]
fn connector(watch: WatchWrites) -> impl Connector<Out = impl UreqStream> {
    ureq::unversioned::transport::DefaultConnector::default().chain(watch)
}

/// The settings of ureq's TLS connector: unused on Linux, where dts has
/// its own.
#[cfg(target_os = "linux")]
fn tls_config() -> ureq::tls::TlsConfig {
    ureq::tls::TlsConfig::default()
}

#[cfg(not(target_os = "linux"))]
fn tls_config() -> ureq::tls::TlsConfig {
    ureq::tls::TlsConfig::builder()
        .root_certs(ureq::tls::RootCerts::PlatformVerifier)
        .build()
}

/// An agent: no redirects, statuses as answers, the time limits, the
/// proxy, small buffers, keep-alive for the workers, DNS resolved once.
fn agent(setup: &Setup) -> ureq::Agent {
    let config = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .timeout_global(Some(setup.timeout))
        .timeout_connect(Some(setup.connect_timeout))
        .user_agent(setup.user_agent.as_str())
        .proxy(setup.proxy.clone())
        .tls_config(tls_config())
        // ureq zeroes 128 KiB for each buffer of each connection by
        // default; the largest request dts can make (limits.rs) fits
        // in 72 KiB, and answers are read through 16 KiB.
        .input_buffer_size(16 * 1024)
        .output_buffer_size(72 * 1024)
        .max_idle_connections(setup.connections)
        .max_idle_connections_per_host(setup.connections)
        .build();
    let watch = WatchWrites {
        proxy: setup.proxy.as_ref().map(|p| p.uri().clone()),
    };
    ureq::Agent::with_parts(
        config,
        connector(watch),
        super::resolve::ResolveOnce::default(),
    )
}

impl Transport for UreqTransport {
    fn send(&self, request: &HttpRequest) -> Result<HttpResponse, Error> {
        WRITTEN.with(|w| w.set(false));
        let map = |e| {
            Failure {
                host: &request.authority,
                timeout: self.timeout,
                proxy: self.proxy_shown.as_deref(),
                written: WRITTEN.with(Cell::get),
            }
            .classify(e)
        };
        let mut response = self.exchange(request).map_err(map)?;
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

impl UreqTransport {
    /// Sends `request` with its method, headers and body.
    fn exchange(
        &self,
        request: &HttpRequest,
    ) -> Result<ureq::http::Response<ureq::Body>, ureq::Error> {
        let url = request.url.as_str();
        let agent = &self.agent;
        match request.method {
            Method::Get => {
                let mut builder = agent.get(url);
                for (name, value) in &request.headers {
                    builder = builder.header(*name, value.expose());
                }
                builder.call()
            }
            Method::Put | Method::Post => {
                let mut builder = match request.method {
                    Method::Put => agent.put(url),
                    _ => agent.post(url),
                };
                for (name, value) in &request.headers {
                    builder = builder.header(*name, value.expose());
                }
                match &request.body {
                    Some((content_type, bytes)) => builder
                        .header("content-type", *content_type)
                        .send(&bytes[..]),
                    None => builder.send_empty(),
                }
            }
        }
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
/// written. ureq runs the chain for the connection to a CONNECT proxy too;
/// the CONNECT request written there is not the request, so that
/// connection is not watched. ureq's `unversioned` API; Cargo.lock pins
/// the version.
#[derive(Debug)]
struct WatchWrites {
    /// The proxy's URL, when there is one.
    proxy: Option<ureq::http::Uri>,
}

impl<In: UreqStream> Connector<In> for WatchWrites {
    type Out = Watched<In>;

    fn connect(
        &self,
        details: &ConnectionDetails,
        chained: Option<In>,
    ) -> Result<Option<Self::Out>, ureq::Error> {
        let watch = self.proxy.as_ref() != Some(details.uri);
        Ok(chained.map(|inner| Watched { inner, watch }))
    }
}

/// A connection that notes in [`WRITTEN`] when it has sent bytes (when
/// `watch`).
#[derive(Debug)]
struct Watched<T> {
    inner: T,
    watch: bool,
}

impl<T: UreqStream> UreqStream for Watched<T> {
    fn buffers(&mut self) -> &mut dyn Buffers {
        self.inner.buffers()
    }

    fn transmit_output(&mut self, amount: usize, timeout: NextTimeout) -> Result<(), ureq::Error> {
        let result = self.inner.transmit_output(amount, timeout);
        if result.is_ok() && self.watch {
            WRITTEN.with(|w| w.set(true));
        }
        result
    }

    fn maybe_await_input(&mut self, timeout: NextTimeout) -> Result<bool, ureq::Error> {
        self.inner.maybe_await_input(timeout)
    }

    fn await_input(&mut self, timeout: NextTimeout) -> Result<bool, ureq::Error> {
        self.inner.await_input(timeout)
    }

    fn is_open(&mut self) -> bool {
        self.inner.is_open()
    }

    fn is_tls(&self) -> bool {
        self.inner.is_tls()
    }
}
