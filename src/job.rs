//! Commands on jobs (`suspend`, `resume`, `status`): resolve the settings
//! once, read the job IDs, then for each job either print the signed
//! request (`--dry-run`) or call, wait, and check an outcome in doubt.
//! One job is reported as CONTRACT.md says for one call; several as one
//! row or one JSON line a job, in input order, with a shared exit code.

use std::io::{BufRead, Write};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::actions::status::{self, STATUS};
use crate::actions::{self, Attempt, JobAction};
use crate::ambient::Ambient;
use crate::cli::{GlobalArgs, JobArgs};
use crate::client::{Transport, UreqTransport};
use crate::error::Error;
use crate::hint;
use crate::interrupt;
use crate::job_status;
use crate::output::{self, OutputFormat, Style};
use crate::progress::{Draw, Lines};
use crate::report::{self, Done, Outcome};
use crate::response;
use crate::retry;
use crate::settings::{self, Env, Flags, Settings};
use crate::sink::Sink;
use crate::wait::{self, Progress, Wait};

/// One command on jobs, as parsed.
pub struct Command<'a> {
    pub global: &'a GlobalArgs,
    pub job: &'a JobArgs,
    pub what: &'static JobAction,
    /// `--wait` and its limits, for suspend and resume.
    pub wait: Option<Wait>,
}

/// Everything a job needs, shared by the workers.
struct Context<'a> {
    transport: &'a (dyn Transport + Sync),
    ambient: &'a (dyn Ambient + Sync),
    settings: &'a Settings,
    command: &'a Command<'a>,
    /// Draws on stderr (verbose, retries, progress).
    log: &'a (dyn Fn(&Draw) + Sync),
    /// Whether a spinner may be drawn (one job, stderr a terminal).
    spinner: bool,
    /// Prefix job lines with the job ID (several jobs).
    several: bool,
}

/// Runs the command and returns the exit code.
pub fn run<O: Write + Send, E: Write + Send>(
    sink: &mut Sink<'_, O, E>,
    command: &Command<'_>,
    env: Result<Env, Error>,
    ambient: &(dyn Ambient + Sync),
    stdout_style: Style,
    stderr_is_terminal: bool,
) -> u8 {
    let global = command.global;
    let flags = Flags {
        profile: global.profile.clone(),
        config: global.config.clone(),
        region: command.job.region.clone(),
        endpoint: global.endpoint.clone(),
        output: global.output,
        timeout: global.timeout,
        retries: global.retries,
    };
    let env = match env {
        Ok(env) => env,
        Err(e) => return sink.fail(&e, flags.output.unwrap_or_default(), None),
    };
    // Only commands that may wait on the network need a Ctrl-C handler;
    // --help and completions start faster without its thread.
    interrupt::install();
    let resolution = settings::resolve(&flags, &env, &settings::Paths::from_system());
    interrupt::json_owed(resolution.output == OutputFormat::Json && !global.quiet);
    // Shows how a bug would be reported (README: "When dts has a bug").
    if std::env::var_os("DTS_DEBUG_PANIC").is_some() {
        panic!("DTS_DEBUG_PANIC is set");
    }
    let settings = match resolution.result {
        Ok(s) => s,
        Err(e) => return sink.fail(&e, resolution.output, None),
    };
    let (ids, several) = match job_ids(&command.job.job_id, &mut std::io::stdin().lock()) {
        Ok(ids) => ids,
        Err(e) => return sink.fail(&e, settings.output, None),
    };
    for w in &settings.warnings {
        sink.warn(w);
    }
    for origin in &settings.origins {
        sink.verbose(origin);
    }
    if global.dry_run {
        return dry_run(sink, ambient, &settings, command, &ids, stdout_style);
    }
    let transport = match UreqTransport::new(
        settings.timeout,
        settings.connect_timeout,
        settings.proxy.as_deref(),
        &crate::user_agent(),
    ) {
        Ok(t) => t,
        Err(e) => return sink.fail(&e, settings.output, None),
    };
    sink.verbose(&format!(
        "{} {} ({})",
        crate::request::METHOD,
        settings.endpoint,
        command.what.action
    ));

    let outcomes = {
        let shared = Mutex::new(&mut *sink);
        let log = |draw: &Draw| {
            if let Ok(mut s) = shared.lock() {
                s.draw(draw);
            }
        };
        let context = Context {
            transport: &transport,
            ambient,
            settings: &settings,
            command,
            log: &log,
            spinner: stderr_is_terminal && !several,
            several,
        };
        run_all(&context, &ids, usize::from(command.job.parallel))
    };
    report::report(sink, &settings, command, several, outcomes, stdout_style)
}

/// Expands `-` into the IDs on `input` (one a line, blank lines and `#`
/// comments skipped, a UTF-8 byte-order mark ignored). Several IDs, or
/// `-`, mean several-job mode. A line with whitespace inside, or too long
/// for a request, is a usage error naming the line.
fn job_ids(given: &[String], input: &mut dyn BufRead) -> Result<(Vec<String>, bool), Error> {
    let mut ids = Vec::new();
    let from_stdin = given.iter().any(|g| g == "-");
    for g in given {
        if g != "-" {
            ids.push(g.clone());
            continue;
        }
        for (n, line) in input.lines().enumerate() {
            let line =
                line.map_err(|e| Error::Usage(format!("cannot read job IDs from stdin: {e}")))?;
            let line = if n == 0 {
                line.trim_start_matches('\u{feff}')
            } else {
                &line
            };
            if let Some(id) = stdin_id(line)
                .map_err(|why| Error::Usage(format!("stdin line {}: {why}", n + 1)))?
            {
                ids.push(id.to_string());
            }
        }
    }
    if ids.is_empty() {
        return Err(Error::Usage("no job IDs on stdin (--job-id -)".into()));
    }
    let several = from_stdin || ids.len() > 1;
    Ok((ids, several))
}

/// The job ID on one stdin line, `None` for a blank line or a comment.
fn stdin_id(line: &str) -> Result<Option<&str>, String> {
    let id = line.trim();
    if id.is_empty() || id.starts_with('#') {
        return Ok(None);
    }
    crate::limits::check("the job id", id, crate::limits::MAX_ID)?;
    if id.contains(char::is_whitespace) {
        return Err(format!(
            "'{}' has whitespace inside; give one job ID a line",
            crate::output::escape(id)
        ));
    }
    Ok(Some(id))
}

fn params_for(
    command: &Command<'_>,
    what: &JobAction,
    id: &str,
    settings: &Settings,
) -> crate::request::Operation {
    what.params(
        id,
        command.job.instance_id.as_deref(),
        command.job.direction.map(|d| d.wire()),
        settings.region.as_deref(),
    )
}

fn dry_run(
    sink: &mut Sink<'_, impl Write, impl Write>,
    ambient: &dyn Ambient,
    settings: &Settings,
    command: &Command<'_>,
    ids: &[String],
    style: Style,
) -> u8 {
    let mut text = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        let params = params_for(command, command.what, id, settings);
        let signed = match actions::sign(ambient, settings, command.what.action, &params) {
            Ok(s) => s,
            Err(e) => return sink.fail(&e, settings.output, None),
        };
        if i > 0 && settings.output == OutputFormat::Table {
            text.push(b'\n');
        }
        let _ = output::write_dry_run(
            &mut text,
            settings.output,
            style,
            signed.method,
            &signed.redacted_url(&settings.credentials),
            &signed.redacted_params(&settings.credentials),
        );
    }
    sink.stdout(&text);
    sink.verbose("dry run: nothing was sent");
    0
}

/// Runs every job, at most `parallel` at once, and returns the outcomes in
/// input order.
fn run_all(context: &Context<'_>, ids: &[String], parallel: usize) -> Vec<Outcome> {
    if ids.len() == 1 {
        return vec![run_one(context, &ids[0])];
    }
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<Outcome>>> = ids.iter().map(|_| Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..parallel.min(ids.len()) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some(id) = ids.get(i) else { break };
                    let outcome = run_one(context, id);
                    if let Ok(mut slot) = slots[i].lock() {
                        *slot = Some(outcome);
                    }
                }
            });
        }
    });
    slots
        .into_iter()
        .zip(ids)
        .map(|(slot, id)| {
            slot.into_inner().ok().flatten().unwrap_or_else(|| Outcome {
                job_id: id.clone(),
                result: Err(Error::Internal("a worker ended without a result".into())),
                hint: None,
                notes: vec![],
            })
        })
        .collect()
}

/// One job: the call, then `--wait`, or the check of an outcome in doubt.
fn run_one(cx: &Context<'_>, id: &str) -> Outcome {
    let what = cx.command.what;
    let settings = cx.settings;
    let prefix = if cx.several {
        format!("job {id}: ")
    } else {
        String::new()
    };
    let verbose = cx.command.global.verbose;
    let quiet = cx.command.global.quiet;
    let mut observe = |a: &Attempt| {
        if verbose {
            (cx.log)(&Draw::Line(format!(
                "dts: verbose: {prefix}{}",
                report::attempt_line(a, settings.retries)
            )));
        } else if a.wait.is_some() && !quiet {
            // Without this, a stalled endpoint means long silence.
            (cx.log)(&Draw::Line(format!(
                "dts: {prefix}{}",
                report::retry_line(a, settings.retries)
            )));
        }
    };
    let mut last_signed = String::new();
    let params = params_for(cx.command, what, id, settings);
    let called = actions::call(
        cx.transport,
        cx.ambient,
        settings,
        what.action,
        &params,
        &mut |a| {
            last_signed.clone_from(&a.string_to_sign);
            observe(a);
        },
    );
    let mut outcome = Outcome {
        job_id: id.to_string(),
        result: Err(Error::Internal("unset".into())),
        hint: None,
        notes: vec![],
    };
    match called.result {
        Ok(success) => {
            let request_id = success.request_id().unwrap_or("-").to_string();
            outcome.result = match (what.awaited, cx.command.wait) {
                (None, _) => Ok(Done {
                    row: status::row(id, &success.body),
                    body: success.body,
                }),
                (Some(awaited), Some(limits)) => {
                    let describe = params_for(cx.command, &STATUS, id, settings);
                    let waited = wait_for(cx, id, &describe, awaited, limits, &mut observe);
                    waited.map(|s| Done {
                        row: vec![
                            id.to_string(),
                            what.action.to_string(),
                            status::status_of(&s.body).to_string(),
                            request_id,
                        ],
                        body: s.body,
                    })
                }
                (Some(_), None) => Ok(Done {
                    row: vec![
                        id.to_string(),
                        what.action.to_string(),
                        what.accepted.into(),
                        request_id,
                    ],
                    body: success.body,
                }),
            };
        }
        Err(e) => {
            if verbose && response::is_signature_mismatch(&e) {
                (cx.log)(&Draw::Line(format!(
                    "dts: verbose: {prefix}dts signed this string: {last_signed}"
                )));
            }
            outcome.hint = hint::hint(&e, settings, called.attempts);
            match what.awaited {
                Some(awaited)
                    if called.in_doubt
                        && (response::is_job_state_refusal(&e) || retry::is_retryable(&e)) =>
                {
                    check_in_doubt(cx, id, awaited, e, &mut outcome, &mut observe);
                }
                _ => outcome.result = Err(e),
            }
        }
    }
    outcome
}

/// Polls until the awaited status, drawing progress on stderr: a spinner
/// on a terminal, else one line per status change.
fn wait_for(
    cx: &Context<'_>,
    id: &str,
    describe: &crate::request::Operation,
    awaited: &[&str],
    limits: Wait,
    observe: &mut dyn FnMut(&Attempt),
) -> Result<crate::response::Success, Error> {
    let mut lines = Lines::new(id, cx.spinner);
    let mut progress = |p: Progress<'_>| {
        if let Some(draw) = lines.on(p) {
            (cx.log)(&draw);
        }
    };
    let result = wait::until(
        cx.transport,
        cx.ambient,
        cx.settings,
        id,
        describe,
        awaited,
        limits,
        &mut progress,
        observe,
    );
    if cx.spinner {
        (cx.log)(&Draw::ClearSpinner);
    }
    result
}

/// After an attempt whose answer was lost, a refusal or a failure may hide
/// a request that took effect: ask DescribeDtsJobDetail once.
fn check_in_doubt(
    cx: &Context<'_>,
    id: &str,
    awaited: &[&str],
    original: Error,
    outcome: &mut Outcome,
    observe: &mut dyn FnMut(&Attempt),
) {
    let describe = params_for(cx.command, &STATUS, id, cx.settings);
    if cx.command.global.verbose {
        (cx.log)(&Draw::Line(format!(
            "dts: verbose: job {id}: an attempt's answer was lost; checking the outcome once with {}",
            STATUS.action
        )));
    }
    // Once: one attempt, no retries.
    let once = Settings {
        retries: 0,
        ..cx.settings.clone()
    };
    let checked = actions::call(
        cx.transport,
        cx.ambient,
        &once,
        STATUS.action,
        &describe,
        observe,
    );
    match checked.result {
        Ok(s) if job_status::is_in(status::status_of(&s.body), awaited) => {
            let now = status::status_of(&s.body).to_string();
            outcome.notes.push(format!(
                "an earlier attempt took effect (its answer was lost): job {id} is {now}"
            ));
            outcome.hint = None;
            outcome.result = Ok(Done {
                row: vec![
                    id.to_string(),
                    cx.command.what.action.to_string(),
                    now,
                    s.request_id().unwrap_or("-").to_string(),
                ],
                body: s.body,
            });
        }
        Ok(s) => {
            let now = status::status_of(&s.body);
            outcome.hint = Some(format!(
                "an attempt's answer was lost, so the outcome was checked: job {id} is {}, not {}",
                if now.is_empty() { "(no status)" } else { now },
                awaited.join(" or ")
            ));
            outcome.result = Err(original);
        }
        Err(e) => {
            outcome.hint = Some(format!(
                "an attempt's answer was lost, and checking the outcome failed too: {e}"
            ));
            outcome.result = Err(original);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_stdin_skip_blanks_and_comments() {
        let mut input = "# jobs\nj1\n\n  j2  \n#j3\n".as_bytes();
        let (ids, several) = job_ids(&["-".into()], &mut input).unwrap();
        assert_eq!(ids, ["j1", "j2"]);
        assert!(several);
        let (ids, several) = job_ids(&["a".into()], &mut "".as_bytes()).unwrap();
        assert_eq!(ids, ["a"]);
        assert!(!several);
        let (_, several) = job_ids(&["-".into()], &mut "only\n".as_bytes()).unwrap();
        assert!(several, "- means several-job mode even for one ID");
        assert_eq!(
            job_ids(&["-".into()], &mut "# none\n".as_bytes())
                .unwrap_err()
                .exit_code(),
            2
        );
    }

    #[test]
    fn stdin_ids_lose_a_byte_order_mark_and_refuse_inner_whitespace() {
        let (ids, _) = job_ids(&["-".into()], &mut "\u{feff}j1\nj2\n".as_bytes()).unwrap();
        assert_eq!(ids, ["j1", "j2"]);
        let e = job_ids(&["-".into()], &mut "j1\n\njob2 prod\n".as_bytes()).unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert_eq!(
            e.to_string(),
            "stdin line 3: 'job2 prod' has whitespace inside; give one job ID a line"
        );
    }
}
