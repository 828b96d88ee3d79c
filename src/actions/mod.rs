//! The DTS API actions dts calls, one file each, and the attempt loop that
//! carries one call to the service: sign afresh, send, read, and retry
//! throttling, service and network errors with backoff.

pub mod resume;
pub mod status;
pub mod suspend;

use std::time::{Duration, Instant};

use crate::ambient::Ambient;
use crate::client::{HttpRequest, Transport};
use crate::error::Error;
use crate::request::{self, Operation, SignedRequest};
use crate::response::{self, Success};
use crate::retry;
use crate::settings::Settings;

/// One API action on a job, and what its success means.
#[derive(Debug)]
pub struct JobAction {
    /// The API action.
    pub action: &'static str,
    /// How this action spells the instance parameter on the wire.
    pub instance_param: &'static str,
    /// The table's RESULT when the call succeeded.
    pub accepted: &'static str,
    /// The statuses that show the action took effect (for `--wait` and for
    /// checking an outcome in doubt); `None` for a read.
    pub awaited: Option<&'static [&'static str]>,
}

impl JobAction {
    /// The operation's parameters for one job; `region` is the resolved
    /// region.
    pub fn params(
        &self,
        job_id: &str,
        instance_id: Option<&str>,
        direction: Option<&str>,
        region: Option<&str>,
    ) -> Operation {
        vec![
            ("DtsJobId", Some(job_id.to_string())),
            (self.instance_param, instance_id.map(str::to_string)),
            ("SynchronizationDirection", direction.map(str::to_string)),
            ("RegionId", region.map(str::to_string)),
        ]
    }
}

/// What one attempt did, for `--verbose` and hints.
#[derive(Debug, Clone, PartialEq)]
pub struct Attempt {
    /// 1 for the first attempt.
    pub number: u32,
    /// The HTTP status, when an answer arrived.
    pub status: Option<u16>,
    pub elapsed: Duration,
    /// The failure, when the attempt failed.
    pub error: Option<String>,
    /// The wait before the next attempt, when there will be one.
    pub wait: Option<Duration>,
    /// The string this attempt signed, SecurityToken masked.
    pub string_to_sign: String,
}

/// The end of a call: its result, how many attempts it took, and whether
/// an attempt may have reached the service with its answer lost.
#[derive(Debug)]
pub struct Called {
    pub result: Result<Success, Error>,
    pub attempts: u32,
    pub in_doubt: bool,
}

/// Calls `action` with `operation` parameters, retrying as
/// `settings.retries` allows. Every attempt is signed afresh with a new
/// nonce and timestamp. `observe` sees each attempt as it ends.
pub fn call(
    transport: &dyn Transport,
    ambient: &dyn Ambient,
    settings: &Settings,
    action: &str,
    operation: &[(&str, Option<String>)],
    observe: &mut dyn FnMut(&Attempt),
) -> Called {
    let mut number = 0;
    let mut in_doubt = false;
    loop {
        number += 1;
        let started = Instant::now();
        let (status, result, wait_header, string_to_sign) =
            attempt(transport, ambient, settings, action, operation);
        in_doubt |= matches!(&result, Err(Error::Network { sent: true, .. }));
        let retry = match &result {
            Err(e) if retry::is_retryable(e) && number <= settings.retries => {
                Some(wait_header.unwrap_or_else(|| retry::backoff(number, ambient.jitter())))
            }
            _ => None,
        };
        observe(&Attempt {
            number,
            status,
            elapsed: started.elapsed(),
            error: result.as_ref().err().map(Error::to_string),
            wait: retry,
            string_to_sign,
        });
        match retry {
            Some(wait) => ambient.sleep(wait),
            None => {
                return Called {
                    result,
                    attempts: number,
                    in_doubt,
                };
            }
        }
    }
}

/// Signs a call of `action` with a fresh nonce and timestamp.
pub fn sign(
    ambient: &dyn Ambient,
    settings: &Settings,
    action: &str,
    operation: &[(&str, Option<String>)],
) -> Result<SignedRequest, Error> {
    let nonce = ambient.nonce()?;
    Ok(request::build(
        action,
        operation,
        &settings.credentials,
        &settings.endpoint,
        &ambient.timestamp(),
        &nonce,
    ))
}

/// What one attempt yields: the status if any, the outcome, the wait the
/// answer's headers ask for, and the masked string-to-sign.
type AttemptResult = (
    Option<u16>,
    Result<Success, Error>,
    Option<Duration>,
    String,
);

/// One signed attempt.
fn attempt(
    transport: &dyn Transport,
    ambient: &dyn Ambient,
    settings: &Settings,
    action: &str,
    operation: &[(&str, Option<String>)],
) -> AttemptResult {
    let signed = match sign(ambient, settings, action, operation) {
        Ok(s) => s,
        Err(e) => return (None, Err(e), None, String::new()),
    };
    let string_to_sign = settings.credentials.mask(&signed.string_to_sign);
    let http = HttpRequest {
        url: signed.url(),
        authority: settings.endpoint.authority.clone(),
    };
    match transport.send(&http) {
        Err(e) => (None, Err(e), None, string_to_sign),
        Ok(answer) => {
            let wait = retry::header_wait(
                answer.header("x-acs-retry-after"),
                answer.header("retry-after"),
                ambient.now(),
            );
            let result = response::interpret(answer.status, &answer.body, &|s| {
                settings.credentials.mask(s)
            });
            (Some(answer.status), result, wait, string_to_sign)
        }
    }
}

#[cfg(test)]
#[path = "attempts_tests.rs"]
mod tests;
