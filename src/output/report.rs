//! How the end of a job command is shown: one job as CONTRACT.md says for
//! one call; several as one row or one JSON line a job, in input order,
//! with a shared exit code.

use std::io::Write;

use serde_json::{Map, Value};

use crate::api::actions::JobAction;
use crate::error::{EXIT_MIXED, Error};
use crate::output::sink::Sink;
use crate::output::{self, OutputFormat, Style, status};

/// The end of one job.
pub struct Outcome {
    pub job_id: String,
    /// The job's region, when a listing over several regions gave it.
    pub region: Option<String>,
    pub result: Result<Done, Error>,
    pub hint: Option<String>,
    /// Lines for stderr that are not errors (an earlier attempt took effect).
    pub notes: Vec<String>,
}

impl Outcome {
    /// The outcome of job `id`, with no hint and no notes.
    pub fn new(id: &str, result: Result<Done, Error>) -> Self {
        Outcome {
            job_id: id.to_string(),
            region: None,
            result,
            hint: None,
            notes: vec![],
        }
    }
}

/// A job that succeeded: what json mode prints, and its table row.
pub struct Done {
    pub body: Map<String, Value>,
    pub row: Vec<String>,
}

/// Prints the outcome of one job as CONTRACT.md says for one call and
/// returns the exit code.
pub fn report_one(
    sink: &mut Sink<'_, impl Write, impl Write>,
    format: OutputFormat,
    what: &JobAction,
    o: Outcome,
    style: Style,
) -> u8 {
    for n in &o.notes {
        sink.note(n);
    }
    match o.result {
        Ok(done) => {
            let mut text = Vec::new();
            let _ = match format {
                OutputFormat::Json => output::write_json(&mut text, &done.body),
                OutputFormat::Table => {
                    output::write_rows(&mut text, style, header(what), &[done.row])
                }
            };
            sink.stdout(&text);
            0
        }
        Err(e) => sink.fail(&e, format, o.hint.as_deref()),
    }
}

/// Several jobs, reported as their outcomes arrive in input order: a JSON
/// Line printed at once (memory stays flat), or a table row kept for the
/// table at the end; errors on stderr; then the shared exit code.
pub struct Several<'a> {
    /// Rows and lines carry the region.
    regions: bool,
    format: OutputFormat,
    what: &'a JobAction,
    style: Style,
    rows: Vec<Vec<String>>,
    codes: Vec<u8>,
}

impl<'a> Several<'a> {
    pub fn new(format: OutputFormat, what: &'a JobAction, style: Style, regions: bool) -> Self {
        Several {
            regions,
            format,
            what,
            style,
            rows: Vec::new(),
            codes: Vec::new(),
        }
    }

    /// The next outcome in input order.
    pub fn add(&mut self, sink: &mut Sink<'_, impl Write, impl Write>, o: Outcome) {
        for n in &o.notes {
            sink.note(&format!("job {}: {n}", o.job_id));
        }
        let (code, mut body, mut row) = match o.result {
            Ok(done) => (0, done.body, done.row),
            Err(e) => {
                sink.job_error(&o.job_id, &e, o.hint.as_deref());
                let row = failed_row(self.what, &o.job_id, &e);
                (e.exit_code(), output::error_object(&e), row)
            }
        };
        self.codes.push(code);
        if self.regions {
            let region = o.region.clone().unwrap_or_default();
            row.insert(1, region.clone());
            body.insert("Region".into(), Value::String(region));
        }
        match self.format {
            OutputFormat::Json => {
                let mut text = Vec::new();
                let _ = output::write_json(&mut text, &with_job_id(&body, &o.job_id));
                sink.stdout(&text);
            }
            OutputFormat::Table => self.rows.push(row),
        }
    }

    /// The table (in table mode) and the shared exit code.
    pub fn finish(self, sink: &mut Sink<'_, impl Write, impl Write>) -> u8 {
        if self.format == OutputFormat::Table && !self.rows.is_empty() {
            let mut head = header(self.what).to_vec();
            if self.regions {
                head.insert(1, "REGION");
            }
            let mut text = Vec::new();
            let _ = output::write_rows(&mut text, self.style, &head, &self.rows);
            sink.stdout(&text);
        }
        shared_code(&self.codes)
    }
}

/// The table row of a suspend or resume: the job, the action, its result
/// (accepted, or the status reached) and the request id.
pub fn action_row(id: &str, what: &JobAction, result: &str, request_id: &str) -> Vec<String> {
    vec![
        id.to_string(),
        what.action.to_string(),
        result.to_string(),
        request_id.to_string(),
    ]
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
