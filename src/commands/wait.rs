//! `--wait`: poll DescribeDtsJobDetail until the job shows an awaited
//! status, a failure status, or the time runs out.

use std::time::Duration;

use crate::api::actions::{STATUS, status_of};
use crate::api::client::{Attempt, Client};
use crate::api::job_status::{self, FAILED};
use crate::api::request::Operation;
use crate::api::response::Success;
use crate::error::Error;
use crate::output::progress::Progress;

/// How long to wait and how often to look.
#[derive(Debug, Clone, Copy)]
pub struct Wait {
    pub timeout: Duration,
    pub interval: Duration,
}

/// One job's wait: what to ask, what to wait for, and for how long.
#[derive(Debug, Clone, Copy)]
pub struct Poll<'a> {
    pub job_id: &'a str,
    /// DescribeDtsJobDetail's parameters for the job.
    pub describe: &'a Operation,
    pub awaited: &'a [&'a str],
    pub limits: Wait,
}

/// The smallest slice a wait sleeps, so a spinner can turn.
const TICK: Duration = Duration::from_millis(100);

/// Polls until the job's `Status` is in `awaited` (ignoring case): returns
/// that DescribeDtsJobDetail answer. A failure status ends with
/// [`Error::JobFailed`], the time limit with [`Error::WaitTimeout`], and a
/// failed poll (after its `retries`) with its error.
pub fn until(
    client: &Client<'_>,
    poll: &Poll<'_>,
    retries: u32,
    progress: &mut dyn FnMut(Progress<'_>),
    observe: &mut dyn FnMut(&Attempt),
) -> Result<Success, Error> {
    let ambient = client.ambient();
    let start = ambient.monotonic();
    loop {
        let success = client
            .call(STATUS.action, poll.describe, retries, observe)
            .result?;
        let status = status_of(&success.body).to_string();
        progress(Progress::Status(&status));
        if job_status::is_in(&status, poll.awaited) {
            return Ok(success);
        }
        if job_status::is_in(&status, FAILED) {
            return Err(failed(poll.job_id, &status, &success));
        }
        let waited = ambient.monotonic().saturating_sub(start);
        if waited >= poll.limits.timeout {
            return Err(timed_out(poll, &status));
        }
        // Sleep until the next poll, but not past the time limit.
        let mut left = poll.limits.interval.min(poll.limits.timeout - waited);
        while !left.is_zero() {
            let step = left.min(TICK);
            ambient.sleep(step);
            left -= step;
            progress(Progress::Tick(ambient.monotonic().saturating_sub(start)));
        }
    }
}

/// The job reached a failure status.
fn failed(job_id: &str, status: &str, answer: &Success) -> Error {
    let reason = answer
        .body
        .get("ErrorMessage")
        .and_then(|v| v.as_str())
        .filter(|m| !m.is_empty())
        .map_or_else(String::new, |m| format!(": {m}"));
    Error::JobFailed {
        message: format!("job {job_id} is {status}{reason}"),
    }
}

/// The time ran out with the job in `status`.
fn timed_out(poll: &Poll<'_>, status: &str) -> Error {
    let shown = if status.is_empty() {
        "(no status)"
    } else {
        status
    };
    Error::WaitTimeout {
        message: format!(
            "job {} is still {shown} after {} s, not {} (--wait-timeout)",
            poll.job_id,
            poll.limits.timeout.as_secs_f64(),
            poll.awaited.join(" or ")
        ),
    }
}

#[cfg(test)]
#[path = "wait_tests.rs"]
mod tests;
