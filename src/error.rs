//! The one error type, and its exhaustive map to the contract's exit codes.

use std::fmt;

use serde_json::{Map, Value};

/// How the service refused a call; decided by [`crate::api::response`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiClass {
    /// Bad or unauthorised credentials (exit 4).
    Auth,
    /// Any other refusal: bad parameter, job state, `Success: false` (exit 5).
    Rejected,
    /// Flow control (exit 6).
    Throttled,
    /// 5xx and service-side failures (exit 7).
    Unavailable,
}

/// A refusal read from the service's answer.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    pub class: ApiClass,
    pub http_status: u16,
    /// `Code`, else `ErrCode`.
    pub code: Option<String>,
    /// `Message`, else `ErrMessage` with `%s` filled from `DynamicMessage`.
    pub message: Option<String>,
    pub request_id: Option<String>,
    /// The JSON object the service sent, SecurityToken masked; `None` when
    /// the body was not a JSON object (a proxy's HTML page, say).
    pub body: Option<Map<String, Value>>,
}

/// Whether a network failure was a time-out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetworkKind {
    Timeout,
    /// The TLS handshake failed (certificate, protocol).
    Tls,
    Other,
}

/// Everything that can end a dts command other than success.
#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// Bad flags or values found after clap's own checks (exit 2).
    Usage(String),
    /// A configuration problem: file, profile, environment (exit 3).
    Config {
        message: String,
        hint: Option<String>,
    },
    /// No credentials anywhere (exit 3).
    NoCredentials { message: String, hint: String },
    /// The service answered with a refusal (exit 4 to 7 by class).
    Api(Box<ApiError>),
    /// DNS, connect, TLS, reset, time-out (exit 8). `sent` is true when the
    /// request may have reached the service before the failure (a time-out
    /// or reset after the connection was made): its outcome is in doubt.
    Network {
        kind: NetworkKind,
        message: String,
        sent: bool,
    },
    /// The answer could not be understood (exit 9).
    BadResponse {
        message: String,
        http_status: Option<u16>,
    },
    /// A bug in dts (exit 1).
    Internal(String),
    /// The job reached a failure status while dts waited (exit 5).
    JobFailed { message: String },
    /// `--wait` gave up before the job reached the awaited status (exit 10).
    WaitTimeout { message: String },
    /// Ctrl-C, SIGTERM or SIGHUP (exit 128 + the signal's number).
    Interrupted(Signal),
    /// A step that obtains credentials (STS, the instance metadata
    /// service) failed: exit by the class of what happened, a refusal 4.
    Credential {
        /// Which step: the provider, the role, the host.
        step: String,
        cause: Box<Error>,
        hint: Option<String>,
    },
}

/// A signal that ends dts early, as Ctrl-C does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// SIGINT (Ctrl-C), exit 130.
    Int,
    /// SIGTERM (timeout(1), systemd, Kubernetes), exit 143.
    Term,
    /// SIGHUP (the terminal went away), exit 129.
    Hup,
}

impl Signal {
    /// The signal's number on Linux and the BSDs.
    pub fn number(self) -> u8 {
        match self {
            Signal::Hup => 1,
            Signal::Int => 2,
            Signal::Term => 15,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Signal::Hup => "SIGHUP",
            Signal::Int => "SIGINT",
            Signal::Term => "SIGTERM",
        }
    }
}

/// The exit code when several jobs ended differently (CONTRACT.md).
pub const EXIT_MIXED: u8 = 11;

/// Every exit code dts uses: its number, its class, and what it means.
/// `dts --help` prints this list and a test holds the README's table to
/// it, so help, README and code cannot drift.
pub const EXIT_CODES: &[(u8, &str, &str)] = &[
    (0, "success", "DTS answered \"Success\": true"),
    (
        1,
        "internal",
        "a bug in dts (the message says so), or stdout could not be written",
    ),
    (2, "usage", "bad flags or values"),
    (
        3,
        "config",
        "no credentials, bad or missing file, unknown profile",
    ),
    (4, "auth", "bad key, signature, token or permission"),
    (
        5,
        "rejected",
        "bad parameter, job not found, job state; a job that failed during --wait",
    ),
    (6, "throttled", "still throttled after the retries"),
    (
        7,
        "service",
        "HTTP 5xx or a service error, still after the retries",
    ),
    (
        8,
        "network",
        "DNS, connect, TLS, reset, time-out, still after the retries",
    ),
    (
        9,
        "bad response",
        "not JSON, not an object, cut short, over 1 MiB, or a redirect",
    ),
    (
        10,
        "wait timeout",
        "--wait gave up before the job reached the awaited status",
    ),
    (
        11,
        "mixed",
        "several jobs ended differently; each job's own result says which",
    ),
    (129, "hung up", "SIGHUP"),
    (130, "interrupted", "Ctrl-C (SIGINT)"),
    (
        143,
        "terminated",
        "SIGTERM (timeout(1), systemd, Kubernetes)",
    ),
];

/// The exit-code table as `dts --help` prints it.
pub fn exit_code_table() -> String {
    EXIT_CODES
        .iter()
        .map(|(code, class, meaning)| format!("  {code:>3}  {class}: {meaning}"))
        .collect::<Vec<_>>()
        .join("\n")
}

impl Error {
    pub fn config(message: impl Into<String>) -> Self {
        Error::Config {
            message: message.into(),
            hint: None,
        }
    }

    /// The process exit code CONTRACT.md gives this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Internal(_) => 1,
            Error::Usage(_) => 2,
            Error::Config { .. } => 3,
            Error::NoCredentials { .. } => 3,
            Error::Api(api) => match api.class {
                ApiClass::Auth => 4,
                ApiClass::Rejected => 5,
                ApiClass::Throttled => 6,
                ApiClass::Unavailable => 7,
            },
            Error::Network { .. } => 8,
            Error::BadResponse { .. } => 9,
            Error::JobFailed { .. } => 5,
            Error::WaitTimeout { .. } => 10,
            Error::Interrupted(signal) => 128 + signal.number(),
            Error::Credential { cause, .. } if cause.is_refusal() => 4,
            Error::Credential { cause, .. } => cause.exit_code(),
        }
    }

    /// The `ErrCode` of the JSON object dts makes when the service sent none.
    pub fn cli_code(&self) -> &'static str {
        match self {
            Error::Internal(_) => "Cli.Internal",
            Error::Usage(_) => "Cli.Usage",
            Error::Config { .. } => "Cli.Config",
            Error::NoCredentials { .. } => "Cli.NoCredentials",
            Error::Api(api) => match api.class {
                ApiClass::Auth => "Cli.Auth",
                ApiClass::Rejected => "Cli.Rejected",
                ApiClass::Throttled => "Cli.Throttled",
                ApiClass::Unavailable => "Cli.ServiceUnavailable",
            },
            Error::Network {
                kind: NetworkKind::Timeout,
                ..
            } => "Cli.Timeout",
            Error::Network {
                kind: NetworkKind::Other | NetworkKind::Tls,
                ..
            } => "Cli.Network",
            Error::BadResponse { .. } => "Cli.InvalidResponse",
            Error::JobFailed { .. } => "Cli.JobFailed",
            Error::WaitTimeout { .. } => "Cli.WaitTimeout",
            Error::Interrupted(_) => "Cli.Interrupted",
            Error::Credential { cause, .. } if cause.is_refusal() => "Cli.Auth",
            Error::Credential { cause, .. } => cause.cli_code(),
        }
    }

    /// The request id the service gave, when there is one.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Error::Api(api) => api.request_id.as_deref(),
            Error::Credential { cause, .. } => cause.request_id(),
            _ => None,
        }
    }

    /// Whether the service refused (an auth failure or any other refusal).
    fn is_refusal(&self) -> bool {
        matches!(self, Error::Api(api) if matches!(api.class, ApiClass::Auth | ApiClass::Rejected))
    }
}

impl fmt::Display for Error {
    /// The human message after `dts: error: `.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Internal(m) => write!(f, "internal error (a bug in dts, please report it): {m}"),
            Error::Usage(m) | Error::Config { message: m, .. } => f.write_str(m),
            Error::Interrupted(Signal::Int) => f.write_str("interrupted"),
            Error::Interrupted(signal) => write!(f, "interrupted by {}", signal.name()),
            Error::Credential { step, cause, .. } => write!(f, "{step}: {cause}"),
            Error::NoCredentials { message, .. } => f.write_str(message),
            Error::Network { message, .. }
            | Error::BadResponse { message, .. }
            | Error::JobFailed { message }
            | Error::WaitTimeout { message } => f.write_str(message),
            Error::Api(api) => {
                let code = api.code.as_deref().unwrap_or("(no error code)");
                write!(f, "{code}: ")?;
                match &api.message {
                    Some(m) => f.write_str(m)?,
                    None => write!(f, "the service refused the call (HTTP {})", api.http_status)?,
                }
                if let Some(id) = &api.request_id {
                    write!(f, " (request id {id})")?;
                }
                Ok(())
            }
        }
    }
}

/// An I/O error's reason in words, without the "(os error N)" noise.
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::IsADirectory => "it is a directory".into(),
        _ => {
            let text = e.to_string();
            match text.find(" (os error ") {
                Some(i) => text[..i].to_string(),
                None => text,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn api(class: ApiClass) -> Error {
        Error::Api(Box::new(ApiError {
            class,
            http_status: 400,
            code: Some("X".into()),
            message: None,
            request_id: None,
            body: None,
        }))
    }

    /// Pins every variant to the number CONTRACT.md gives it.
    #[test]
    fn every_variant_has_the_contract_exit_code() {
        let cases = [
            (Error::Internal("x".into()), 1),
            (Error::Usage("x".into()), 2),
            (Error::config("x"), 3),
            (
                Error::NoCredentials {
                    message: "x".into(),
                    hint: "y".into(),
                },
                3,
            ),
            (api(ApiClass::Auth), 4),
            (api(ApiClass::Rejected), 5),
            (api(ApiClass::Throttled), 6),
            (api(ApiClass::Unavailable), 7),
            (
                Error::Network {
                    kind: NetworkKind::Other,
                    message: "x".into(),
                    sent: false,
                },
                8,
            ),
            (
                Error::Network {
                    kind: NetworkKind::Timeout,
                    message: "x".into(),
                    sent: true,
                },
                8,
            ),
            (
                Error::JobFailed {
                    message: "x".into(),
                },
                5,
            ),
            (
                Error::WaitTimeout {
                    message: "x".into(),
                },
                10,
            ),
            (
                Error::BadResponse {
                    message: "x".into(),
                    http_status: None,
                },
                9,
            ),
            (Error::Interrupted(Signal::Int), 130),
            (
                Error::Credential {
                    step: "s".into(),
                    cause: Box::new(api(ApiClass::Rejected)),
                    hint: None,
                },
                4,
            ),
            (
                Error::Credential {
                    step: "s".into(),
                    cause: Box::new(api(ApiClass::Throttled)),
                    hint: None,
                },
                6,
            ),
            (Error::Interrupted(Signal::Term), 143),
            (Error::Interrupted(Signal::Hup), 129),
        ];
        for (error, code) in cases {
            assert_eq!(error.exit_code(), code, "{error:?}");
            assert!(
                EXIT_CODES.iter().any(|(c, _, _)| *c == code),
                "exit {code} is not in EXIT_CODES"
            );
        }
        assert!(EXIT_CODES.iter().any(|(c, _, _)| *c == EXIT_MIXED));
    }

    #[test]
    fn api_message_carries_code_and_request_id() {
        let e = Error::Api(Box::new(ApiError {
            class: ApiClass::Rejected,
            http_status: 400,
            code: Some("InvalidParameter".into()),
            message: Some("bad".into()),
            request_id: Some("RID".into()),
            body: None,
        }));
        assert_eq!(e.to_string(), "InvalidParameter: bad (request id RID)");
    }
}
