//! One job: the call, then `--wait`, or the check of an outcome in doubt
//! (an attempt's answer was lost, then a refusal or a failure: ask
//! DescribeDtsJobDetail once).

use crate::api::actions::{JobAction, STATUS, status_of};
use crate::api::client::{Attempt, Called, Client};
use crate::api::job_status;
use crate::api::request::Operation;
use crate::api::response::{self, Success};
use crate::api::retry;
use crate::commands::job_command::{JobCommand, Target};
use crate::commands::wait::{self, Poll};
use crate::credentials::Credentials;
use crate::error::Error;
use crate::output::progress::{Draw, Lines, Progress};
use crate::output::report::{self, Done, Outcome};
use crate::output::{hint, status, verbose};
use crate::settings::Settings;

/// Everything a job needs, shared by the workers.
pub struct Job<'a> {
    pub client: &'a Client<'a>,
    /// The keys the client signs with (for hints).
    pub credentials: &'a Credentials,
    pub settings: &'a Settings,
    pub command: &'a JobCommand<'a>,
    /// Draws on stderr (verbose, retries, progress).
    pub log: &'a (dyn Fn(&Draw) + Sync),
    /// Whether a spinner may be drawn (one job, stderr a terminal).
    pub spinner: bool,
    /// Prefix job lines with the job ID (several jobs).
    pub several: bool,
}

impl Job<'_> {
    /// The parameters of `action` for job `id`.
    fn params(&self, action: &JobAction, target: &Target) -> Operation {
        self.command
            .params(action, target, self.settings.region.as_deref())
    }

    /// Shows an attempt: the verbose line with `-v`, else a line when a
    /// retry is coming (a stalled endpoint is not silence) unless `-q`.
    fn observe(&self, id: &str, a: &Attempt) {
        let global = self.command.global;
        let line = if global.verbose {
            verbose::attempt_line(a, self.settings.retries)
        } else if a.wait.is_some() && !global.quiet {
            verbose::retry_line(a, self.settings.retries)
        } else {
            return;
        };
        let prefix = if global.verbose { "verbose: " } else { "" };
        (self.log)(&Draw::Line(format!(
            "dts: {prefix}{}{line}",
            self.job_prefix(id)
        )));
    }

    /// `job ID: ` in several-job mode.
    fn job_prefix(&self, id: &str) -> String {
        if self.several {
            format!("job {id}: ")
        } else {
            String::new()
        }
    }
}

/// One job, start to end.
pub fn run_one(job: &Job<'_>, target: &Target) -> Outcome {
    Outcome {
        region: target.region.clone(),
        ..outcome(job, target)
    }
}

/// The call, then `--wait` or the check.
fn outcome(job: &Job<'_>, target: &Target) -> Outcome {
    let id = target.id.as_str();
    let what = job.command.what;
    let mut last_signed = String::new();
    let called = job.client.call(
        what.action,
        &job.params(what, target),
        job.settings.retries,
        &mut |a| {
            last_signed.clone_from(&a.string_to_sign);
            job.observe(id, a);
        },
    );
    let result = match called.result {
        Ok(success) => return succeeded(job, target, success),
        Err(ref e) => e.clone(),
    };
    if job.command.global.verbose && response::is_signature_mismatch(&result) {
        (job.log)(&Draw::Line(format!(
            "dts: verbose: {}dts signed this string: {last_signed}",
            job.job_prefix(id)
        )));
    }
    failed(job, target, result, &called)
}

/// A call that succeeded: the row and body, after `--wait` if asked.
fn succeeded(job: &Job<'_>, target: &Target, success: Success) -> Outcome {
    let id = target.id.as_str();
    let what = job.command.what;
    let request_id = success.request_id().unwrap_or("-").to_string();
    let result = match (what.awaited, job.command.wait) {
        (None, _) => Ok(Done {
            row: status::row(id, &success.body),
            body: success.body,
        }),
        (Some(awaited), Some(limits)) => {
            let describe = job.params(&STATUS, target);
            let poll = Poll {
                job_id: id,
                describe: &describe,
                awaited,
                limits,
            };
            wait_for(job, &poll).map(|s| Done {
                row: report::action_row(id, what, status_of(&s.body), &request_id),
                body: s.body,
            })
        }
        (Some(_), None) => Ok(Done {
            row: report::action_row(id, what, what.accepted, &request_id),
            body: success.body,
        }),
    };
    Outcome::new(id, result)
}

/// A call that failed: its hint, and the check of an outcome in doubt.
fn failed(job: &Job<'_>, target: &Target, error: Error, called: &Called) -> Outcome {
    let id = target.id.as_str();
    let hint = hint::hint(
        &error,
        job.credentials,
        &job.settings.endpoint,
        called.attempts,
    );
    match job.command.what.awaited {
        Some(awaited)
            if called.in_doubt
                && (response::is_job_state_refusal(&error) || retry::is_retryable(&error)) =>
        {
            check_in_doubt(job, target, awaited, error)
        }
        _ => Outcome {
            hint,
            ..Outcome::new(id, Err(error))
        },
    }
}

/// Polls until the awaited status, drawing progress on stderr: a spinner
/// on a terminal, else a line a change and a line a minute.
fn wait_for(job: &Job<'_>, poll: &Poll<'_>) -> Result<Success, Error> {
    let mut lines = Lines::new(poll.job_id, job.spinner);
    let mut progress = |p: Progress<'_>| {
        if let Some(draw) = lines.on(p) {
            (job.log)(&draw);
        }
    };
    let result = wait::until(
        job.client,
        poll,
        job.settings.retries,
        &mut progress,
        &mut |a| job.observe(poll.job_id, a),
    );
    if job.spinner {
        (job.log)(&Draw::ClearSpinner);
    }
    result
}

/// After an attempt whose answer was lost, a refusal or a failure may hide
/// a request that took effect: ask DescribeDtsJobDetail once (one attempt,
/// no retries).
fn check_in_doubt(job: &Job<'_>, target: &Target, awaited: &[&str], original: Error) -> Outcome {
    let id = target.id.as_str();
    if job.command.global.verbose {
        (job.log)(&Draw::Line(format!(
            "dts: verbose: job {id}: an attempt's answer was lost; checking the outcome once with {}",
            STATUS.action
        )));
    }
    let describe = job.params(&STATUS, target);
    let checked = job
        .client
        .call(STATUS.action, &describe, 0, &mut |a| job.observe(id, a));
    let (hint, result) = match checked.result {
        Ok(s) if job_status::is_in(status_of(&s.body), awaited) => {
            let now = status_of(&s.body).to_string();
            let row = report::action_row(id, job.command.what, &now, s.request_id().unwrap_or("-"));
            return Outcome {
                notes: vec![format!(
                    "an earlier attempt took effect (its answer was lost): job {id} is {now}"
                )],
                ..Outcome::new(id, Ok(Done { row, body: s.body }))
            };
        }
        Ok(s) => {
            let now = status_of(&s.body);
            let shown = if now.is_empty() { "(no status)" } else { now };
            (
                format!(
                    "an attempt's answer was lost, so the outcome was checked: job {id} is {shown}, not {}",
                    awaited.join(" or ")
                ),
                Err(original),
            )
        }
        Err(e) => (
            format!("an attempt's answer was lost, and checking the outcome failed too: {e}"),
            Err(original),
        ),
    };
    Outcome {
        hint: Some(hint),
        ..Outcome::new(id, result)
    }
}
