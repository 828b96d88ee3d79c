//! Carrying one HTTP exchange: the trait the attempt loop calls, its
//! request and answer, the ureq implementation (`http`), and which proxy a
//! request goes through (`proxy`).

pub mod failure;
pub mod http;
pub mod proxy;

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

/// One HTTP exchange to make: a POST with every parameter in the URL's
/// query and an empty body (WIRE.md).
#[derive(Clone, PartialEq, Eq)]
pub struct HttpRequest {
    /// The whole URL, query string included.
    pub url: String,
    /// Host (and port) for messages.
    pub authority: String,
}

impl std::fmt::Debug for HttpRequest {
    /// The host only: the URL holds the SecurityToken.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HttpRequest")
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
