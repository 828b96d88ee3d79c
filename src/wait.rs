//! `--wait`: poll DescribeDtsJobDetail until the job shows an awaited
//! status, a failure status, or the time runs out.

use std::time::Duration;

use crate::actions::status::{self, STATUS};
use crate::actions::{self, Attempt};
use crate::ambient::Ambient;
use crate::client::Transport;
use crate::error::Error;
use crate::job_status::{self, FAILED};
use crate::request::Operation;
use crate::response::Success;
use crate::settings::Settings;

/// How long to wait and how often to look.
#[derive(Debug, Clone, Copy)]
pub struct Wait {
    pub timeout: Duration,
    pub interval: Duration,
}

/// What a wait reports as it goes.
#[derive(Debug, Clone, PartialEq)]
pub enum Progress<'a> {
    /// A poll answered with this status.
    Status(&'a str),
    /// Time passes (about every 100 ms) between polls: for a spinner.
    Tick(Duration),
}

/// The smallest slice a wait sleeps, so a spinner can turn.
const TICK: Duration = Duration::from_millis(100);

/// Polls until the job's `Status` is in `awaited` (ignoring case): returns
/// that DescribeDtsJobDetail answer. A failure status ends with
/// [`Error::JobFailed`], the time limit with [`Error::WaitTimeout`], and a
/// failed poll (after its own retries) with its error.
#[allow(clippy::too_many_arguments)]
pub fn until(
    transport: &dyn Transport,
    ambient: &dyn Ambient,
    settings: &Settings,
    job_id: &str,
    describe: &Operation,
    awaited: &[&str],
    wait: Wait,
    progress: &mut dyn FnMut(Progress<'_>),
    observe: &mut dyn FnMut(&Attempt),
) -> Result<Success, Error> {
    let start = ambient.monotonic();
    loop {
        let success = actions::call(
            transport,
            ambient,
            settings,
            STATUS.action,
            describe,
            observe,
        )
        .result?;
        let status = status::status_of(&success.body).to_string();
        progress(Progress::Status(&status));
        if job_status::is_in(&status, awaited) {
            return Ok(success);
        }
        if job_status::is_in(&status, FAILED) {
            let reason = success
                .body
                .get("ErrorMessage")
                .and_then(|v| v.as_str())
                .filter(|m| !m.is_empty())
                .map_or_else(String::new, |m| format!(": {m}"));
            return Err(Error::JobFailed {
                message: format!("job {job_id} is {status}{reason}"),
            });
        }
        let waited = ambient.monotonic().saturating_sub(start);
        if waited >= wait.timeout {
            let shown = if status.is_empty() {
                "(no status)"
            } else {
                &status
            };
            return Err(Error::WaitTimeout {
                message: format!(
                    "job {job_id} is still {shown} after {} s, not {} (--wait-timeout)",
                    wait.timeout.as_secs_f64(),
                    awaited.join(" or ")
                ),
            });
        }
        // Sleep until the next poll, but not past the time limit.
        let mut left = wait.interval.min(wait.timeout - waited);
        while !left.is_zero() {
            let step = left.min(TICK);
            ambient.sleep(step);
            left -= step;
            progress(Progress::Tick(ambient.monotonic().saturating_sub(start)));
        }
    }
}

#[cfg(test)]
#[path = "wait_tests.rs"]
mod tests;
