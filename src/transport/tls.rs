//! TLS for https on Linux. The client configuration (the roots `trust`
//! finds, ring, TLS 1.2 and 1.3) is built once a process; `prefetch`
//! builds it on a thread of its own as soon as dts knows it will speak
//! https, so that reading, decoding and parsing the roots overlaps finding
//! credentials, signing, DNS and connect instead of following them. The
//! [`Tls`] connector wraps a connection in it once TCP (and any proxy
//! tunnel) is up, waiting for the configuration only then.
//!
//! ureq's own rustls connector would build the configuration after
//! connect, on the calling thread, and hash every root first.

use std::sync::{Arc, Mutex, OnceLock};
use std::thread::JoinHandle;

use rustls::pki_types::ServerName;
use rustls::{ClientConfig, ClientConnection, RootCertStore, StreamOwned};
use ureq::unversioned::transport::{
    Buffers, ConnectionDetails, Connector, Either, LazyBuffers, NextTimeout, Transport,
    TransportAdapter,
};

use super::trust;

/// The configuration, or why it could not be made.
type Built = Result<Arc<ClientConfig>, rustls::Error>;

static CONFIG: OnceLock<Built> = OnceLock::new();
static PENDING: Mutex<Option<JoinHandle<Built>>> = Mutex::new(None);

/// Starts building the configuration on a thread of its own (once a
/// process; nothing when it is built or being built, and nothing where
/// ureq's connector and the platform's verifier do TLS).
pub fn prefetch() {
    if !cfg!(target_os = "linux") || CONFIG.get().is_some() {
        return;
    }
    if let Ok(mut pending) = PENDING.lock()
        && pending.is_none()
    {
        *pending = std::thread::Builder::new()
            .name("tls".into())
            .spawn(build)
            .ok();
    }
}

/// The configuration: the prefetched one when a prefetch was started
/// (waiting for it if need be), else built now; one a process.
pub fn config() -> Built {
    CONFIG
        .get_or_init(|| {
            let started = PENDING.lock().ok().and_then(|mut p| p.take());
            started.and_then(|h| h.join().ok()).unwrap_or_else(build)
        })
        .clone()
}

/// Builds the configuration from the trusted roots.
fn build() -> Built {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    // The first key share makes ring detect the CPU's features (cpuid,
    // slow under a hypervisor) and pages its code in, here rather than in
    // the handshake.
    if let Some(group) = provider.kx_groups.first() {
        let _ = group.start();
    }
    let mut roots = RootCertStore::empty();
    roots.add_parsable_certificates(trust::load_here());
    Ok(Arc::new(
        ClientConfig::builder_with_provider(provider)
            .with_protocol_versions(rustls::ALL_VERSIONS)?
            .with_root_certificates(roots)
            .with_no_client_auth(),
    ))
}

/// The name the server's certificate must carry: the host of `uri`,
/// without the brackets of an IPv6 address.
pub fn server_name(uri: &ureq::http::Uri) -> Result<ServerName<'static>, ureq::Error> {
    let host = uri.host().unwrap_or_default();
    let bare = host
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host);
    ServerName::try_from(bare.to_string())
        .map_err(|_| ureq::Error::Tls("the host is not a valid name for TLS"))
}

/// The connector that speaks TLS to https endpoints.
#[derive(Debug, Default)]
pub struct Tls;

impl<In: Transport> Connector<In> for Tls {
    type Out = Either<In, TlsTransport>;

    fn connect(
        &self,
        details: &ConnectionDetails,
        chained: Option<In>,
    ) -> Result<Option<Self::Out>, ureq::Error> {
        let Some(transport) = chained else {
            return Ok(None);
        };
        if !details.needs_tls() || transport.is_tls() {
            return Ok(Some(Either::A(transport)));
        }
        let config = config().map_err(ureq::Error::Rustls)?;
        let mut conn = ClientConnection::new(config, server_name(details.uri)?)
            .map_err(ureq::Error::Rustls)?;
        let mut sock = TransportAdapter::new(transport.boxed(), details.current_time.clone());
        sock.set_timeout(details.timeout);
        conn.complete_io(&mut sock)?;
        let buffers = LazyBuffers::new(
            details.config.input_buffer_size(),
            details.config.output_buffer_size(),
        );
        Ok(Some(Either::B(TlsTransport {
            buffers,
            stream: StreamOwned { conn, sock },
        })))
    }
}

/// A connection inside TLS.
pub struct TlsTransport {
    buffers: LazyBuffers,
    stream: StreamOwned<ClientConnection, TransportAdapter>,
}

impl std::fmt::Debug for TlsTransport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TlsTransport").finish_non_exhaustive()
    }
}

impl Transport for TlsTransport {
    fn buffers(&mut self) -> &mut dyn Buffers {
        &mut self.buffers
    }

    fn transmit_output(&mut self, amount: usize, timeout: NextTimeout) -> Result<(), ureq::Error> {
        use std::io::Write;
        self.stream.get_mut().set_timeout(timeout);
        let output = &self.buffers.output()[..amount];
        self.stream.write_all(output)?;
        Ok(())
    }

    fn await_input(&mut self, timeout: NextTimeout) -> Result<bool, ureq::Error> {
        use std::io::Read;
        self.stream.get_mut().set_timeout(timeout);
        let input = self.buffers.input_append_buf();
        let amount = self.stream.read(input)?;
        self.buffers.input_appended(amount);
        Ok(amount > 0)
    }

    fn is_open(&mut self) -> bool {
        self.stream.get_mut().get_mut().is_open()
    }

    fn is_tls(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_server_name_is_the_host_without_brackets() {
        let name = |u: &str| server_name(&u.parse().unwrap()).map(|n| n.to_str().into_owned());
        assert_eq!(
            name("https://dts.aliyuncs.com/").unwrap(),
            "dts.aliyuncs.com"
        );
        assert_eq!(name("https://127.0.0.1:8443/").unwrap(), "127.0.0.1");
        assert_eq!(name("https://[::1]:8443/").unwrap(), "::1");
        assert!(name("https://a..b/").is_err());
    }

    #[test]
    fn the_configuration_is_built_once_a_process() {
        prefetch();
        let first = config().unwrap();
        prefetch();
        let second = config().unwrap();
        assert!(Arc::ptr_eq(&first, &second));
        assert_eq!(
            first.crypto_provider().kx_groups.len(),
            rustls::crypto::ring::default_provider().kx_groups.len()
        );
    }
}
