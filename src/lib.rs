//! dts: pause Alibaba Cloud DTS jobs from the command line.
//!
//! [`run`] is the whole program: it parses the arguments and hands the
//! command to its module with the [`World`] it runs in; every error reaches
//! the user through [`output::sink::Sink::fail`], the single path to its
//! message, its JSON object and its exit code. `main` only calls
//! [`main_exit_code`].
//!
//! The folders are the stages, lowest first: `sign`, `config`,
//! `credentials`, `settings`, `transport`, `api`, `output`, `commands`.

pub mod ambient;
pub mod api;
pub mod cli;
pub mod commands;
pub mod config;
pub mod credentials;
pub mod emulator;
pub mod error;
pub mod limits;
pub mod obtain;
pub mod output;
pub mod secret;
pub mod settings;
pub mod sign;
pub mod transport;

#[cfg(test)]
mod testing;

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};

use clap::{CommandFactory, Parser};

use crate::cli::{Cli, Command};
pub use crate::commands::{Input, ProcessInput, World};
use crate::config::{Env, Paths};
pub use crate::output::Terminals;
use crate::output::sink::Sink;
use crate::output::{OutputFormat, Style, interrupt};

/// Runs dts as a process: real arguments, environment, clock, terminals,
/// stdin and network.
pub fn main_exit_code() -> u8 {
    interrupt::install_panic_hook();
    let mut input = ProcessInput::default();
    let mut world = World {
        env: Env::from_process(),
        paths: Paths::from_system(),
        ambient: &ambient::System,
        terminals: Terminals {
            stdout: io::stdout().is_terminal(),
            stderr: io::stderr().is_terminal(),
            stdin: io::stdin().is_terminal(),
        },
        input: &mut input,
    };
    run(
        std::env::args_os(),
        &mut world,
        &mut io::stdout(),
        &mut io::stderr(),
    )
}

/// Runs dts with the given arguments in `world`, writing to `out` and
/// `err`, and returns the exit code.
pub fn run(
    args: impl IntoIterator<Item = impl Into<OsString> + Clone>,
    world: &mut World<'_>,
    out: &mut (impl Write + Send),
    err: &mut (impl Write + Send),
) -> u8 {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => return clap_exit(e, out, err),
    };
    let style = world.terminals.stderr_style(world.no_color());
    let mut sink = Sink::new(out, err, cli.global.quiet, cli.global.verbose, style);
    let code = dispatch(&cli, &mut sink, world);
    sink.finish(code)
}

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
    world: &mut World<'_>,
) -> u8 {
    use crate::api::actions::{RESUME, STATUS, SUSPEND};
    use crate::commands::{configure, jobs};
    let job = |job, what, wait: Option<&cli::WaitArgs>, select| commands::job_command::JobCommand {
        global: &cli.global,
        job,
        what,
        select,
        wait: wait.filter(|w| w.wait).map(|w| commands::wait::Wait {
            timeout: w.wait_timeout,
            interval: w.poll_interval,
        }),
    };
    let jobs_or_all = |sink: &mut Sink<'_, O, E>,
                       command: &commands::job_command::JobCommand<'_>,
                       world: &mut World<'_>| {
        if let Err(e) = command.check() {
            return sink.fail(&e, command.global.output.unwrap_or_default(), None);
        }
        if command.select.is_some_and(|s| s.all) {
            commands::select::run(sink, command, world)
        } else {
            jobs::run(sink, command, world)
        }
    };
    match &cli.command {
        Command::Completions { shell } => {
            let mut text = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "dts", &mut text);
            sink.stdout(&text);
            0
        }
        Command::Configure { role } => match configure::run(&cli.global, role, world) {
            Ok(said) => {
                sink.stdout(format!("{said}\n").as_bytes());
                0
            }
            Err(e) => sink.fail(&e, OutputFormat::Table, None),
        },
        Command::Suspend {
            job: j,
            wait,
            select,
        } => jobs_or_all(sink, &job(j, &SUSPEND, Some(wait), Some(select)), world),
        Command::Resume {
            job: j,
            wait,
            select,
        } => jobs_or_all(sink, &job(j, &RESUME, Some(wait), Some(select)), world),
        Command::Status { job: j } => jobs_or_all(sink, &job(j, &STATUS, None, None), world),
        Command::List { list } => commands::list::run(sink, &cli.global, list, world),
        Command::Emulator { args } => {
            match commands::emulator::run(args, &mut |t| sink.note_raw(t)) {
                Ok(()) => 0,
                Err(e) => sink.fail(&e, OutputFormat::Table, None),
            }
        }
    }
}
