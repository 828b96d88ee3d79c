//! The text of `--verbose` and of the retry notes: where each setting came
//! from, the request, and each attempt.

use crate::api::client::Attempt;
use crate::config::endpoint::Endpoint;
use crate::settings::Origin;
use crate::settings::origin::From;

/// One line a setting: its value and where it came from.
pub fn origins(origins: &[Origin]) -> Vec<String> {
    origins.iter().map(origin_line).collect()
}

/// `region cn-hangzhou (from --region)`, `timeout 10 s (default)`.
pub fn origin_line(origin: &Origin) -> String {
    match &origin.from {
        From::Said(s) => format!("{} (from {s})", origin.what),
        From::Note(n) => format!("{} ({n})", origin.what),
        From::Bare => origin.what.clone(),
    }
}

/// The line that names the request about to be sent.
pub fn request_line(endpoint: &Endpoint, action: &str) -> String {
    format!("{} {endpoint} ({action})", crate::api::request::METHOD)
}

/// The line that says a failed attempt will be retried (without
/// `--verbose`, so that a slow endpoint does not mean silence).
pub fn retry_line(a: &Attempt, retries: u32) -> String {
    format!(
        "attempt {} of at most {} failed: {}; retrying in {:.1} s",
        a.number,
        retries + 1,
        a.error.as_deref().unwrap_or("no answer"),
        a.wait.unwrap_or_default().as_secs_f64()
    )
}

/// One line for `--verbose` about an attempt.
pub fn attempt_line(a: &Attempt, retries: u32) -> String {
    let outcome = match (a.status, &a.error) {
        (Some(status), None) => format!("HTTP {status}"),
        (Some(status), Some(e)) => format!("HTTP {status}: {e}"),
        (None, Some(e)) => e.clone(),
        (None, None) => "no answer".into(),
    };
    let next = match (a.wait, &a.error) {
        (Some(wait), _) => format!("; retrying in {:.2} s", wait.as_secs_f64()),
        (None, Some(_)) if a.number > retries => "; no retries left".into(),
        (None, Some(_)) => "; not retried".into(),
        (None, None) => String::new(),
    };
    format!(
        "attempt {} of at most {}: {outcome} in {} ms{next}",
        a.number,
        retries + 1,
        a.elapsed.as_millis()
    )
}
