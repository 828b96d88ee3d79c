//! Carrying one HTTP exchange: the trait the attempt loop calls, its
//! request and answer, the ureq implementation (`http`), which proxy a
//! request goes through (`proxy`), and TLS (`tls`, with the roots `trust`
//! finds).

pub mod failure;
pub mod http;
pub mod proxy;
pub mod resolve;
pub mod tls;
pub mod trust;

use crate::secret::Secret;

/// The User-Agent dts sends: `dts/<version> (<os>; <arch>)`.
pub fn user_agent() -> String {
    format!(
        "dts/{} ({}; {})",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::OS,
        std::env::consts::ARCH
    )
}

/// The most of a response body dts reads.
pub const BODY_LIMIT: u64 = 1024 * 1024;

/// The methods dts uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Put,
    Post,
}

/// One HTTP exchange to make. DTS calls are a POST with every parameter in
/// the URL's query and an empty body (WIRE.md); credential providers also
/// GET, PUT, and POST a body, some with headers that hold secrets.
#[derive(Clone, PartialEq, Eq)]
pub struct HttpRequest {
    pub method: Method,
    /// The whole URL, query string included.
    pub url: String,
    /// Host (and port) for messages.
    pub authority: String,
    /// Request headers (values may be secrets: never shown).
    pub headers: Vec<(&'static str, Secret)>,
    /// A body and its content type.
    pub body: Option<(&'static str, Vec<u8>)>,
}

impl HttpRequest {
    /// A POST with an empty body, as every DTS call is.
    pub fn post(url: String, authority: String) -> Self {
        HttpRequest {
            method: Method::Post,
            url,
            authority,
            headers: Vec::new(),
            body: None,
        }
    }
}

impl std::fmt::Debug for HttpRequest {
    /// The method and host only: the URL, headers and body hold secrets.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HttpRequest")
            .field("method", &self.method)
            .field("authority", &self.authority)
            .finish_non_exhaustive()
    }
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
    fn send(&self, request: &HttpRequest) -> Result<HttpResponse, crate::error::Error>;
}
