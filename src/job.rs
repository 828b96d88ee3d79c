//! A command on one job (`suspend`): resolve the settings, then either
//! print the signed request (`--dry-run`) or make the call, and report.

use std::io::Write;

use crate::actions::{self, Attempt};
use crate::ambient::Ambient;
use crate::cli::{GlobalArgs, JobArgs};
use crate::client::{Transport, UreqTransport};
use crate::error::Error;
use crate::hint;
use crate::interrupt;
use crate::output::{self, OutputFormat, Row, Style};
use crate::request::Operation;
use crate::settings::{self, Env, Flags, Settings};
use crate::sink::Sink;

/// What a job command calls and how it reports success.
pub struct JobAction {
    /// The API action.
    pub action: &'static str,
    /// The table's RESULT on success.
    pub result: &'static str,
    /// The operation's parameters, given the job and the resolved region.
    pub params: fn(&JobArgs, Option<&str>) -> Operation,
}

/// `dts suspend`.
pub const SUSPEND: JobAction = JobAction {
    action: actions::suspend::ACTION,
    result: actions::suspend::RESULT,
    params: actions::suspend::params,
};

/// Runs `what` on `job` and returns the exit code.
pub fn run(
    sink: &mut Sink<'_, impl Write, impl Write>,
    global: &GlobalArgs,
    job: &JobArgs,
    what: &JobAction,
    env: Result<Env, Error>,
    ambient: &dyn Ambient,
    stdout_style: Style,
) -> u8 {
    let flags = Flags {
        profile: global.profile.clone(),
        config: global.config.clone(),
        region: job.region.clone(),
        endpoint: global.endpoint.clone(),
        output: global.output,
        timeout: global.timeout,
        retries: global.retries,
    };
    let env = match env {
        Ok(env) => env,
        Err(e) => return sink.fail(&e, flags.output.unwrap_or_default(), None),
    };
    let resolution = settings::resolve(&flags, &env, &settings::Paths::from_system());
    interrupt::json_owed(resolution.output == OutputFormat::Json && !global.quiet);
    let settings = match resolution.result {
        Ok(s) => s,
        Err(e) => return sink.fail(&e, resolution.output, None),
    };
    for w in &settings.warnings {
        sink.warn(w);
    }
    for origin in &settings.origins {
        sink.verbose(origin);
    }
    let params = (what.params)(job, settings.region.as_deref());

    if global.dry_run {
        return dry_run(sink, ambient, &settings, what, &params, stdout_style);
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
    call(
        sink,
        &transport,
        ambient,
        &settings,
        what,
        job,
        &params,
        stdout_style,
    )
}

fn dry_run(
    sink: &mut Sink<'_, impl Write, impl Write>,
    ambient: &dyn Ambient,
    settings: &Settings,
    what: &JobAction,
    params: &[(&str, Option<String>)],
    style: Style,
) -> u8 {
    let signed = match actions::sign(ambient, settings, what.action, params) {
        Ok(s) => s,
        Err(e) => return sink.fail(&e, settings.output, None),
    };
    let mut text = Vec::new();
    let _ = output::write_dry_run(
        &mut text,
        settings.output,
        style,
        signed.method,
        &signed.redacted_url(&settings.credentials),
        &signed.redacted_params(&settings.credentials),
    );
    sink.stdout(&text);
    sink.verbose("dry run: nothing was sent");
    0
}

#[allow(clippy::too_many_arguments)]
fn call(
    sink: &mut Sink<'_, impl Write, impl Write>,
    transport: &dyn Transport,
    ambient: &dyn Ambient,
    settings: &Settings,
    what: &JobAction,
    job: &JobArgs,
    params: &[(&str, Option<String>)],
    style: Style,
) -> u8 {
    sink.verbose(&format!(
        "{} {} ({})",
        crate::request::METHOD,
        settings.endpoint,
        what.action
    ));
    let mut last_string_to_sign = String::new();
    let called = actions::call(
        transport,
        ambient,
        settings,
        what.action,
        params,
        &mut |a| {
            sink.verbose(&describe(a, settings.retries));
            last_string_to_sign.clone_from(&a.string_to_sign);
        },
    );
    match called.result {
        Ok(success) => {
            let mut text = Vec::new();
            let row = Row {
                job_id: &job.job_id,
                action: what.action,
                result: what.result,
            };
            let _ = output::write_success(&mut text, settings.output, style, &row, &success);
            sink.stdout(&text);
            0
        }
        Err(e) => {
            if let Error::Api(api) = &e
                && api.code.as_deref() == Some("SignatureDoesNotMatch")
            {
                sink.verbose(&format!("dts signed this string: {last_string_to_sign}"));
            }
            let hint = hint::hint(&e, settings, called.attempts);
            sink.fail(&e, settings.output, hint.as_deref())
        }
    }
}

/// One line for `--verbose` about an attempt.
fn describe(a: &Attempt, retries: u32) -> String {
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
