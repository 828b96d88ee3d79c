//! How the end of a job command is shown: one job as CONTRACT.md says for
//! one call; several as one row or one JSON line a job, in input order,
//! with a shared exit code; and the `--verbose` line for an attempt.

use std::io::Write;

use serde_json::{Map, Value};

use crate::actions::status;
use crate::actions::{Attempt, JobAction};
use crate::error::{EXIT_MIXED, Error};
use crate::job::Command;
use crate::output::{self, OutputFormat, Style};
use crate::settings::Settings;
use crate::sink::Sink;

/// The end of one job.
pub struct Outcome {
    pub job_id: String,
    pub result: Result<Done, Error>,
    pub hint: Option<String>,
    /// Lines for stderr that are not errors (an earlier attempt took effect).
    pub notes: Vec<String>,
}

/// A job that succeeded: what json mode prints, and its table row.
pub struct Done {
    pub body: Map<String, Value>,
    pub row: Vec<String>,
}

/// Prints the outcomes and returns the exit code.
pub fn report(
    sink: &mut Sink<'_, impl Write, impl Write>,
    settings: &Settings,
    command: &Command<'_>,
    several: bool,
    outcomes: Vec<Outcome>,
    style: Style,
) -> u8 {
    let what = command.what;
    if !several {
        let Some(o) = outcomes.into_iter().next() else {
            return 1;
        };
        for n in &o.notes {
            sink.note(n);
        }
        return match o.result {
            Ok(done) => {
                let mut text = Vec::new();
                let _ = match settings.output {
                    OutputFormat::Json => output::write_json(&mut text, &done.body),
                    OutputFormat::Table => {
                        output::write_rows(&mut text, style, header(what), &[done.row])
                    }
                };
                sink.stdout(&text);
                0
            }
            Err(e) => sink.fail(&e, settings.output, o.hint.as_deref()),
        };
    }

    let mut text = Vec::new();
    let mut rows = Vec::new();
    let mut codes = Vec::new();
    for o in &outcomes {
        for n in &o.notes {
            sink.note(&format!("job {}: {n}", o.job_id));
        }
        match &o.result {
            Ok(done) => {
                codes.push(0);
                match settings.output {
                    OutputFormat::Json => {
                        let _ = output::write_json(&mut text, &with_job_id(&done.body, &o.job_id));
                    }
                    OutputFormat::Table => rows.push(done.row.clone()),
                }
            }
            Err(e) => {
                codes.push(e.exit_code());
                sink.job_error(&o.job_id, e, o.hint.as_deref());
                match settings.output {
                    OutputFormat::Json => {
                        let _ = output::write_json(
                            &mut text,
                            &with_job_id(&output::error_object(e), &o.job_id),
                        );
                    }
                    OutputFormat::Table => rows.push(failed_row(what, &o.job_id, e)),
                }
            }
        }
    }
    if settings.output == OutputFormat::Table {
        let _ = output::write_rows(&mut text, style, header(what), &rows);
    }
    sink.stdout(&text);
    shared_code(&codes)
}

/// 0 when every job succeeded, their code when all failed alike, else 11.
fn shared_code(codes: &[u8]) -> u8 {
    match codes.split_first() {
        Some((first, rest)) if rest.iter().all(|c| c == first) => *first,
        Some(_) => EXIT_MIXED,
        None => 0,
    }
}

fn header(what: &JobAction) -> &'static [&'static str] {
    if what.awaited.is_none() {
        status::HEADER
    } else {
        &["JOB ID", "ACTION", "RESULT", "REQUEST ID"]
    }
}

fn failed_row(what: &JobAction, id: &str, e: &Error) -> Vec<String> {
    let code = match e {
        Error::Api(api) => api.code.clone().unwrap_or_else(|| e.cli_code().to_string()),
        _ => e.cli_code().to_string(),
    };
    if what.awaited.is_none() {
        let mut row = vec![id.to_string(), "(failed)".to_string()];
        row.extend(std::iter::repeat_n(
            "-".to_string(),
            status::HEADER.len() - 3,
        ));
        row.push(format!("{code} (exit {})", e.exit_code()));
        row
    } else {
        vec![
            id.to_string(),
            what.action.to_string(),
            format!("failed: {code} (exit {})", e.exit_code()),
            e.request_id().unwrap_or("-").to_string(),
        ]
    }
}

fn with_job_id(body: &Map<String, Value>, id: &str) -> Map<String, Value> {
    let mut out = body.clone();
    if !out.contains_key("DtsJobId") {
        out.insert("DtsJobId".into(), Value::String(id.to_string()));
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_exit_code() {
        assert_eq!(shared_code(&[0, 0, 0]), 0);
        assert_eq!(shared_code(&[5, 5]), 5);
        assert_eq!(shared_code(&[0, 5]), 11);
        assert_eq!(shared_code(&[4, 5]), 11);
    }
}
