//! TLS for https on Linux. The handshake needs the trusted roots only
//! when the server's certificate arrives, so dts sends its ClientHello
//! first and reads, decodes and parses the roots (once a process) while
//! the server computes its answer and the network carries it: on any real
//! network that round trip is longer than the loading, which then adds
//! nothing to the call. The client configuration (ring, TLS 1.2 and 1.3)
//! is built once a process with a verifier that takes the roots at that
//! moment and verifies exactly as rustls's WebPKI verifier does. The
//! [`Tls`] connector wraps a connection in it once TCP (and any proxy
//! tunnel) is up.
//!
//! ureq's own rustls connector would load the roots before connecting,
//! hash every one of them, and build its configuration after connect. A
//! thread of our own that loaded the roots from the start of the process
//! was measured too: on two cores it cost more than it hid (README,
//! Performance).

use std::sync::{Arc, OnceLock};

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, WebPkiSupportedAlgorithms};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, ClientConnection, DigitallySignedStruct, RootCertStore, StreamOwned};
use ureq::unversioned::transport::{
    Buffers, ConnectionDetails, Connector, Either, LazyBuffers, NextTimeout, Transport,
    TransportAdapter,
};

use super::trust;

static ROOTS: OnceLock<Arc<RootCertStore>> = OnceLock::new();
static CONFIG: OnceLock<Result<Arc<ClientConfig>, rustls::Error>> = OnceLock::new();

/// The roots this machine trusts, loaded the first time they are asked
/// for; the same for the whole process.
pub fn roots() -> Arc<RootCertStore> {
    ROOTS.get_or_init(|| Arc::new(trust::load_here())).clone()
}

/// The cryptography: ring, as ureq's rustls feature has it.
fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// The client configuration, one a process.
pub fn config() -> Result<Arc<ClientConfig>, rustls::Error> {
    CONFIG
        .get_or_init(|| {
            let provider = provider();
            let verifier = Arc::new(Verifier {
                roots,
                algorithms: provider.signature_verification_algorithms,
                provider: Arc::clone(&provider),
                webpki: OnceLock::new(),
            });
            Ok(Arc::new(
                ClientConfig::builder_with_provider(provider)
                    .with_protocol_versions(rustls::ALL_VERSIONS)?
                    .dangerous()
                    .with_custom_certificate_verifier(verifier)
                    .with_no_client_auth(),
            ))
        })
        .clone()
}

/// rustls's WebPKI verifier over [`roots`], made when the first
/// certificate is to be verified. Signatures need no roots and are checked
/// at once, with the same functions.
#[derive(Debug)]
struct Verifier {
    /// Where the roots come from (waiting for them).
    roots: fn() -> Arc<RootCertStore>,
    algorithms: WebPkiSupportedAlgorithms,
    provider: Arc<CryptoProvider>,
    webpki: OnceLock<Option<Arc<WebPkiServerVerifier>>>,
}

impl ServerCertVerifier for Verifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let webpki = self.webpki.get_or_init(|| {
            WebPkiServerVerifier::builder_with_provider((self.roots)(), Arc::clone(&self.provider))
                .build()
                .ok()
        });
        match webpki {
            Some(v) => {
                v.verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
            }
            // No roots at all: no issuer can be trusted.
            None => Err(rustls::Error::InvalidCertificate(
                rustls::CertificateError::UnknownIssuer,
            )),
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.algorithms.supported_schemes()
    }
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
        // The ClientHello goes out; the roots load while the server answers.
        while conn.wants_write() && conn.write_tls(&mut sock)? > 0 {}
        roots();
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
    fn the_roots_and_the_configuration_are_made_once_a_process() {
        let roots_first = roots();
        assert!(Arc::ptr_eq(&roots_first, &roots()));
        let first = config().unwrap();
        assert!(Arc::ptr_eq(&first, &config().unwrap()));
    }

    /// A CA called `name` and a certificate for 127.0.0.1 it issued.
    fn ca_and_leaf(name: &str) -> (CertificateDer<'static>, CertificateDer<'static>) {
        use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair};
        let ca_key = KeyPair::generate().unwrap();
        let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.distinguished_name.push(DnType::CommonName, name);
        let ca = params.self_signed(&ca_key).unwrap();
        let issuer = Issuer::new(params, ca_key);
        let leaf = CertificateParams::new(vec!["127.0.0.1".to_string()])
            .unwrap()
            .signed_by(&KeyPair::generate().unwrap(), &issuer)
            .unwrap();
        (ca.der().clone(), leaf.der().clone())
    }

    fn verifier(roots: fn() -> Arc<RootCertStore>) -> Verifier {
        let provider = provider();
        Verifier {
            roots,
            algorithms: provider.signature_verification_algorithms,
            provider,
            webpki: OnceLock::new(),
        }
    }

    static TEST_CA: OnceLock<(CertificateDer<'static>, CertificateDer<'static>)> = OnceLock::new();

    fn test_roots() -> Arc<RootCertStore> {
        let mut store = RootCertStore::empty();
        store
            .add(
                TEST_CA
                    .get_or_init(|| ca_and_leaf("dts test root"))
                    .0
                    .clone(),
            )
            .unwrap();
        Arc::new(store)
    }

    #[test]
    fn the_deferred_verifier_verifies_as_webpki_does() {
        let leaf = TEST_CA
            .get_or_init(|| ca_and_leaf("dts test root"))
            .1
            .clone();
        let check = |v: &Verifier, name: &str| {
            let name = ServerName::try_from(name.to_string()).unwrap();
            v.verify_server_cert(&leaf, &[], &name, &[], UnixTime::now())
        };
        let trusting = verifier(test_roots);
        assert_eq!(check(&trusting, "127.0.0.1").map(|_| ()), Ok(()));
        assert!(matches!(
            check(&trusting, "127.0.0.2"),
            Err(rustls::Error::InvalidCertificate(_))
        ));
        let other = verifier(|| {
            let mut store = RootCertStore::empty();
            store.add(ca_and_leaf("another root").0).unwrap();
            Arc::new(store)
        });
        assert_eq!(
            check(&other, "127.0.0.1").unwrap_err(),
            rustls::Error::InvalidCertificate(rustls::CertificateError::UnknownIssuer)
        );
        let none = verifier(|| Arc::new(RootCertStore::empty()));
        assert_eq!(
            check(&none, "127.0.0.1").unwrap_err(),
            rustls::Error::InvalidCertificate(rustls::CertificateError::UnknownIssuer)
        );
        assert!(!trusting.supported_verify_schemes().is_empty());
    }
}
