//! dts: pause Alibaba Cloud DTS jobs from the command line.
//!
//! [`run`] is the whole program: it parses the arguments, resolves the
//! settings once, makes the call, and is the single path from any error to
//! its message, its JSON object and its exit code. `main` only calls it.

pub mod actions;
pub mod aliyun;
pub mod ambient;
pub mod cli;
pub mod client;
pub mod config;
pub mod credentials;
pub mod endpoint;
pub mod error;
pub mod interrupt;
pub mod output;
pub mod request;
pub mod response;
pub mod retry;
pub mod settings;
pub mod sign;

use std::ffi::OsString;
use std::io::{self, Write};

use clap::{CommandFactory, Parser};

use crate::ambient::Ambient;
use crate::cli::{Cli, Command, JobArgs};
use crate::client::{Transport, UreqTransport};
use crate::error::{ApiClass, Error};
use crate::output::{OutputFormat, Row};
use crate::settings::{Env, Flags, Settings};

/// The User-Agent dts sends: `dts/<version> (<os>; <arch>)`.
pub fn user_agent() -> String {
    format!(
        "dts/{} ({}; {})",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::OS,
        std::env::consts::ARCH
    )
}

/// Runs dts as a process: real arguments, environment, clock and network.
pub fn main_exit_code() -> u8 {
    interrupt::install();
    run(
        std::env::args_os(),
        Env::from_process(),
        &ambient::System,
        &mut io::stdout(),
        &mut io::stderr(),
    )
}

/// Runs dts with the given arguments and environment, writing to `out` and
/// `err`, and returns the exit code.
pub fn run(
    args: impl IntoIterator<Item = impl Into<OsString> + Clone>,
    env: Result<Env, Error>,
    ambient: &dyn Ambient,
    out: &mut impl Write,
    err: &mut impl Write,
) -> u8 {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return u8::try_from(e.exit_code()).unwrap_or(2);
        }
    };
    let mut sink = Sink {
        out,
        err,
        quiet: cli.global.quiet,
    };
    match &cli.command {
        Command::Completions { shell } => {
            let mut text = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "dts", &mut text);
            sink.stdout(&text);
            0
        }
        Command::Suspend(job) => {
            let flags = flags(&cli, job);
            let env = match env {
                Ok(env) => env,
                Err(e) => return sink.fail(&e, flags.output.unwrap_or_default(), None),
            };
            let resolution = settings::resolve(&flags, &env, &settings::Paths::from_system());
            interrupt::json_owed(resolution.output == OutputFormat::Json && !cli.global.quiet);
            let settings = match resolution.result {
                Ok(s) => s,
                Err(e) => return sink.fail(&e, resolution.output, None),
            };
            for w in &settings.warnings {
                sink.stderr(&format!("dts: warning: {w}\n"));
            }
            let transport = match UreqTransport::new(
                settings.timeout,
                settings.connect_timeout,
                settings.proxy.as_deref(),
                &user_agent(),
            ) {
                Ok(t) => t,
                Err(e) => return sink.fail(&e, settings.output, None),
            };
            suspend(&mut sink, &transport, ambient, &settings, job)
        }
    }
}

fn flags(cli: &Cli, job: &JobArgs) -> Flags {
    let g = &cli.global;
    Flags {
        profile: g.profile.clone(),
        config: g.config.clone(),
        region: job.region.clone(),
        endpoint: g.endpoint.clone(),
        output: g.output,
        timeout: g.timeout,
        retries: g.retries,
    }
}

fn suspend(
    sink: &mut Sink<'_, impl Write, impl Write>,
    transport: &dyn Transport,
    ambient: &dyn Ambient,
    settings: &Settings,
    job: &JobArgs,
) -> u8 {
    let params = actions::suspend::params(job, settings.region.as_deref());
    let called = actions::call(
        transport,
        ambient,
        settings,
        actions::suspend::ACTION,
        &params,
        &mut |_| {},
    );
    match called.result {
        Ok(success) => {
            let mut text = Vec::new();
            let row = Row {
                job_id: &job.job_id,
                action: actions::suspend::ACTION,
                result: actions::suspend::RESULT,
            };
            // Writing to a Vec cannot fail.
            let _ = output::write_success(&mut text, settings.output, &row, &success);
            sink.stdout(&text);
            0
        }
        Err(e) => {
            let hint = hint(&e, settings, called.attempts);
            sink.fail(&e, settings.output, hint.as_deref())
        }
    }
}

/// A hint line for an error, where one helps.
fn hint(error: &Error, settings: &Settings, attempts: u32) -> Option<String> {
    let source = &settings.credentials.source;
    match error {
        Error::Api(api) => match api.class {
            ApiClass::Auth => {
                let code = api.code.as_deref().unwrap_or("");
                Some(
                    if code.starts_with("InvalidSecurityToken") || code == "MissingSecurityToken" {
                        format!(
                            "the STS token from {source} is missing, expired or wrong; get a fresh one"
                        )
                    } else if code.starts_with("InvalidTimeStamp") {
                        "the system clock is off by more than 15 minutes; fix it and try again"
                            .into()
                    } else {
                        format!("check the access key from {source}, and its permissions")
                    },
                )
            }
            ApiClass::Throttled => Some(format!(
                "DTS is limiting the request rate ({}); wait a little and try again",
                attempts_made(attempts)
            )),
            ApiClass::Unavailable | ApiClass::Rejected => None,
        },
        Error::Network { .. } => Some(format!(
            "check the endpoint {} and the network ({}); --timeout sets the limit for one attempt",
            settings.endpoint,
            attempts_made(attempts)
        )),
        _ => None,
    }
}

fn attempts_made(n: u32) -> String {
    if n == 1 {
        "1 attempt made".into()
    } else {
        format!("{n} attempts made")
    }
}

/// Where output goes, honouring `--quiet` and a closed stdout.
struct Sink<'a, O: Write, E: Write> {
    out: &'a mut O,
    err: &'a mut E,
    quiet: bool,
}

impl<O: Write, E: Write> Sink<'_, O, E> {
    /// Writes to stdout unless quiet. A closed pipe is not an error; any
    /// other write failure is reported on stderr and does not change the
    /// exit code.
    fn stdout(&mut self, bytes: &[u8]) {
        if self.quiet {
            return;
        }
        interrupt::stdout_written();
        let result = self.out.write_all(bytes).and_then(|()| self.out.flush());
        if let Err(e) = result
            && e.kind() != io::ErrorKind::BrokenPipe
        {
            self.stderr(&format!("dts: warning: cannot write to stdout: {e}\n"));
        }
    }

    fn stderr(&mut self, text: &str) {
        let _ = self.err.write_all(text.as_bytes());
        let _ = self.err.flush();
    }

    /// Reports `error` (JSON on stdout in json mode, the human message on
    /// stderr) and returns its exit code.
    fn fail(&mut self, error: &Error, format: OutputFormat, hint: Option<&str>) -> u8 {
        let hint = hint.or(match error {
            Error::Config { hint, .. } => hint.as_deref(),
            Error::NoCredentials { hint, .. } => Some(hint.as_str()),
            _ => None,
        });
        if format == OutputFormat::Json {
            let mut text = Vec::new();
            let _ = output::write_error_json(&mut text, error);
            self.stdout(&text);
        }
        let mut text = Vec::new();
        let _ = output::write_error_human(&mut text, error, hint);
        let _ = self.err.write_all(&text);
        let _ = self.err.flush();
        error.exit_code()
    }
}
