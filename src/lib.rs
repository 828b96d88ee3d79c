//! dts: pause Alibaba Cloud DTS jobs from the command line.
//!
//! [`run`] is the whole program: it parses the arguments, resolves the
//! settings once, and hands the command to its module; every error reaches
//! the user through [`sink::Sink::fail`], the single path to its message,
//! its JSON object and its exit code. `main` only calls [`main_exit_code`].

pub mod actions;
pub mod aliyun;
pub mod ambient;
pub mod cli;
pub mod client;
pub mod config;
pub mod configure;
pub mod credentials;
pub mod endpoint;
pub mod error;
pub mod hint;
pub mod interrupt;
pub mod job;
pub mod job_status;
pub mod limits;
pub mod output;
pub mod progress;
pub mod proxy;
pub mod report;
pub mod request;
pub mod response;
pub mod retry;
pub mod settings;
pub mod sign;
pub mod sink;
pub mod textfile;
pub mod wait;

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};

use clap::{CommandFactory, Parser};

use crate::ambient::Ambient;
use crate::cli::{Cli, Command};
use crate::error::Error;
use crate::output::{OutputFormat, Style};
use crate::settings::Env;
use crate::sink::Sink;

/// The User-Agent dts sends: `dts/<version> (<os>; <arch>)`.
pub fn user_agent() -> String {
    format!(
        "dts/{} ({}; {})",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::OS,
        std::env::consts::ARCH
    )
}

/// Which of stdout and stderr are terminals (colour and spinners need one).
#[derive(Debug, Clone, Copy, Default)]
pub struct Terminals {
    pub stdout: bool,
    pub stderr: bool,
}

/// Runs dts as a process: real arguments, environment, clock and network.
pub fn main_exit_code() -> u8 {
    interrupt::install_panic_hook();
    let terminals = Terminals {
        stdout: io::stdout().is_terminal(),
        stderr: io::stderr().is_terminal(),
    };
    run(
        std::env::args_os(),
        Env::from_process(),
        &ambient::System,
        terminals,
        &mut io::stdout(),
        &mut io::stderr(),
    )
}

/// Runs dts with the given arguments and environment, writing to `out` and
/// `err`, and returns the exit code.
pub fn run(
    args: impl IntoIterator<Item = impl Into<OsString> + Clone>,
    env: Result<Env, Error>,
    ambient: &(dyn Ambient + Sync),
    terminals: Terminals,
    out: &mut (impl Write + Send),
    err: &mut (impl Write + Send),
) -> u8 {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => return clap_exit(e, out, err),
    };
    let no_color = env.as_ref().is_ok_and(|e| e.get("NO_COLOR").is_some());
    let stderr_style = Style {
        color: terminals.stderr && !no_color,
    };
    let stdout_style = Style {
        color: terminals.stdout && !no_color,
    };
    let mut sink = Sink::new(out, err, cli.global.quiet, cli.global.verbose, stderr_style);
    let code = dispatch(&cli, &mut sink, env, ambient, stdout_style, terminals);
    sink.finish(code)
}

/// Prints clap's own message (help and version on stdout, errors on
/// stderr, with a tip for a job id given without -j) and returns its exit
/// code.
fn clap_exit(mut e: clap::Error, out: &mut impl Write, err: &mut impl Write) -> u8 {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if e.kind() == ErrorKind::UnknownArgument
        && let Some(ContextValue::String(arg)) = e.get(ContextKind::InvalidArg)
        && !arg.starts_with('-')
    {
        let tip = format!("to name a job, use '--job-id {arg}' (or '-j {arg}')");
        e.insert(
            ContextKind::Suggested,
            ContextValue::StyledStrs(vec![tip.into()]),
        );
    }
    let code = u8::try_from(e.exit_code()).unwrap_or(2);
    let text = e.render().to_string();
    if e.use_stderr() {
        let _ = err.write_all(text.as_bytes());
        return code;
    }
    let mut sink = Sink::new(out, err, false, false, Style::default());
    sink.stdout(text.as_bytes());
    sink.finish(code)
}

/// Runs the parsed command.
fn dispatch<O: Write + Send, E: Write + Send>(
    cli: &Cli,
    sink: &mut Sink<'_, O, E>,
    env: Result<Env, Error>,
    ambient: &(dyn Ambient + Sync),
    stdout_style: Style,
    terminals: Terminals,
) -> u8 {
    match &cli.command {
        Command::Completions { shell } => {
            let mut text = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "dts", &mut text);
            sink.stdout(&text);
            0
        }
        Command::Configure => match configure_command(cli, env) {
            Ok(said) => {
                sink.stdout(format!("{said}\n").as_bytes());
                0
            }
            Err(e) => sink.fail(&e, OutputFormat::Table, None),
        },
        Command::Suspend { job, wait } => job_command(
            sink,
            &cli.global,
            job,
            &actions::suspend::SUSPEND,
            Some(wait),
            env,
            ambient,
            stdout_style,
            terminals,
        ),
        Command::Resume { job, wait } => job_command(
            sink,
            &cli.global,
            job,
            &actions::resume::RESUME,
            Some(wait),
            env,
            ambient,
            stdout_style,
            terminals,
        ),
        Command::Status { job } => job_command(
            sink,
            &cli.global,
            job,
            &actions::status::STATUS,
            None,
            env,
            ambient,
            stdout_style,
            terminals,
        ),
    }
}

/// `dts configure`: every global flag is honoured or refused.
fn configure_command(cli: &Cli, env: Result<Env, Error>) -> Result<String, Error> {
    let global = &cli.global;
    if global.output == Some(OutputFormat::Json) {
        return Err(Error::Usage(
            "configure has no JSON output; leave out -o json".into(),
        ));
    }
    let env = env?;
    let target = configure::Target::resolve(
        global.config.as_deref(),
        global.profile.as_deref(),
        &env,
        config::default_path(),
    )?;
    let options = configure::Options {
        dry_run: global.dry_run,
        endpoint: global.endpoint.clone(),
        timeout: global.timeout,
        retries: global.retries,
    };
    interrupt::install();
    configure::configure(&target, &options, &mut configure::Stdin)
}

#[allow(clippy::too_many_arguments)]
fn job_command<O: Write + Send, E: Write + Send>(
    sink: &mut Sink<'_, O, E>,
    global: &cli::GlobalArgs,
    job: &cli::JobArgs,
    what: &'static actions::JobAction,
    wait: Option<&cli::WaitArgs>,
    env: Result<Env, Error>,
    ambient: &(dyn Ambient + Sync),
    stdout_style: Style,
    terminals: Terminals,
) -> u8 {
    let command = job::Command {
        global,
        job,
        what,
        wait: wait.filter(|w| w.wait).map(|w| wait::Wait {
            timeout: w.wait_timeout,
            interval: w.poll_interval,
        }),
    };
    job::run(sink, &command, env, ambient, stdout_style, terminals.stderr)
}
