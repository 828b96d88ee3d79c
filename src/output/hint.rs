//! The hint line after an error, where one helps.

use crate::api::response::{AuthReason, auth_reason};
use crate::config::endpoint::Endpoint;
use crate::credentials::Credentials;
use crate::error::{ApiClass, Error, NetworkKind};

/// A hint for `error`, given the credentials used, the endpoint called and
/// how many attempts were made.
pub fn hint(
    error: &Error,
    credentials: &Credentials,
    endpoint: &Endpoint,
    attempts: u32,
) -> Option<String> {
    let source = &credentials.source;
    match error {
        Error::Api(api) => match api.class {
            ApiClass::Auth => Some(match auth_reason(api.code.as_deref().unwrap_or("")) {
                AuthReason::Token if credentials.security_token.is_none() => format!(
                    "DTS wants an STS token, and the credentials from {source} have none; set ALIBABA_CLOUD_SECURITY_TOKEN or use a long-term access key"
                ),
                AuthReason::Token => format!(
                    "the STS token from {} is missing, expired or wrong; get a fresh one",
                    source.token_origin()
                ),
                AuthReason::Clock => {
                    "the system clock is off by more than 15 minutes; fix it and try again".into()
                }
                AuthReason::Signature => format!(
                    "check the access key secret from {source}; --verbose shows the string dts signed"
                ),
                AuthReason::Key => {
                    format!("check the access key from {source}, and its permissions")
                }
            }),
            ApiClass::Throttled => Some(format!(
                "DTS is limiting the request rate ({}); wait a little and try again",
                attempts_made(attempts)
            )),
            ApiClass::Unavailable | ApiClass::Rejected => None,
        },
        Error::Network {
            kind: NetworkKind::Tls,
            ..
        } => Some(
            "the server's certificate is not trusted or TLS failed: behind a TLS-inspecting proxy, install its root certificate in the system's store (on Linux, SSL_CERT_FILE or SSL_CERT_DIR can point at it)".into(),
        ),
        Error::Network { .. } => Some(format!(
            "check the endpoint {} and the network ({}); --timeout sets the limit for one attempt",
            endpoint,
            attempts_made(attempts)
        )),
        Error::Usage(_)
        | Error::Config { .. }
        | Error::NoCredentials { .. }
        | Error::BadResponse { .. }
        | Error::Internal(_)
        | Error::JobFailed { .. }
        | Error::WaitTimeout { .. }
        | Error::Interrupted(_)
        | Error::Credential { .. } => None,
    }
}

/// "1 attempt made", "4 attempts made".
pub fn attempts_made(n: u32) -> String {
    if n == 1 {
        "1 attempt made".into()
    } else {
        format!("{n} attempts made")
    }
}
