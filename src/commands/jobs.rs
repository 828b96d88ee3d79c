//! Commands on jobs (`suspend`, `resume`, `status`): resolve the settings
//! once, read the job IDs, then either print the signed requests
//! (`--dry-run`) or run every job through the client, at most `--parallel`
//! at once, and report. One job is reported as CONTRACT.md says for one
//! call; several as one row or one JSON line a job, in input order, with a
//! shared exit code.

use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};

use crate::api::client::Client;
use crate::commands::job_command::{JobCommand, Prepared, Target};
use crate::commands::one::{self, Job};
use crate::commands::{World, dry_run, ids, session};
use crate::error::Error;
use crate::output::progress::Draw;
use crate::output::report::{self, Outcome, Several};
use crate::output::sink::Sink;
use crate::output::{Style, verbose};

/// Runs the command on the jobs `-j` names and returns the exit code
/// (`--all` is `select::run`).
pub fn run<O: Write + Send, E: Write + Send>(
    sink: &mut Sink<'_, O, E>,
    command: &JobCommand<'_>,
    world: &mut World<'_>,
) -> u8 {
    let prepared = match prepare(sink, command, world) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let style = world.terminals.stdout_style(world.no_color());
    if command.global.dry_run {
        return dry_run::print(sink, world.ambient, &prepared, command, style);
    }
    act(sink, &prepared, command, world, style)
}

/// Sends the command's action for every target and reports.
pub fn act<O: Write + Send, E: Write + Send>(
    sink: &mut Sink<'_, O, E>,
    prepared: &Prepared,
    command: &JobCommand<'_>,
    world: &World<'_>,
    style: Style,
) -> u8 {
    let settings = &prepared.session.settings;
    let wire = match prepared.session.wire(usize::from(command.job.parallel)) {
        Ok(w) => w,
        Err(e) => return sink.fail(&e, settings.output, None),
    };
    sink.verbose(&verbose::request_line(
        &settings.endpoint,
        command.what.action,
    ));
    let client = wire.client(&prepared.session, world.ambient);
    let spinner = world.terminals.stderr && !prepared.several;
    run_all(sink, &client, prepared, command, spinner, style)
}

/// Resolves the settings, obtains the keys and reads the IDs, or reports
/// why not and gives the exit code.
fn prepare<O: Write, E: Write>(
    sink: &mut Sink<'_, O, E>,
    command: &JobCommand<'_>,
    world: &mut World<'_>,
) -> Result<Prepared, u8> {
    let session = session::open(sink, command.global, &command.flags(), world)?;
    let (ids, several) = ids::job_ids(&command.job.job_id, world.input.lines())
        .map_err(|e| sink.fail(&e, session.settings.output, None))?;
    Ok(Prepared {
        session,
        targets: ids.iter().map(|id| Target::named(id)).collect(),
        several,
        regions: false,
    })
}

/// Runs every job and reports it: one alone; several with `--parallel`
/// workers after the first job has warmed the connection (DNS, TLS set-up,
/// a kept-alive connection), their outcomes reported in input order as soon
/// as each is known.
fn run_all<O: Write + Send, E: Write + Send>(
    sink: &mut Sink<'_, O, E>,
    client: &Client<'_>,
    prepared: &Prepared,
    command: &JobCommand<'_>,
    spinner: bool,
    style: Style,
) -> u8 {
    let format = prepared.session.settings.output;
    if !prepared.several {
        let mut only = None;
        each(sink, client, prepared, command, spinner, &mut |_, o| {
            only = Some(o)
        });
        let outcome = only.unwrap_or_else(|| lost(&prepared.targets[0]));
        return report::report_one(sink, format, command.what, outcome, style);
    }
    let mut several = Several::new(format, command.what, style, prepared.regions);
    each(sink, client, prepared, command, spinner, &mut |s, o| {
        several.add(s, o)
    });
    several.finish(sink)
}

/// Runs every target, the first alone to warm the connection, the rest
/// with `--parallel` workers; hands each outcome to `consume` in input
/// order as soon as it is known.
pub fn each<O: Write + Send, E: Write + Send>(
    sink: &mut Sink<'_, O, E>,
    client: &Client<'_>,
    prepared: &Prepared,
    command: &JobCommand<'_>,
    spinner: bool,
    consume: &mut dyn FnMut(&mut Sink<'_, O, E>, Outcome),
) {
    let shared = Mutex::new(sink);
    let log = |draw: &Draw| {
        if let Ok(mut s) = shared.lock() {
            s.draw(draw);
        }
    };
    let job = Job {
        client,
        credentials: &prepared.session.credentials,
        settings: &prepared.session.settings,
        command,
        log: &log,
        spinner,
        several: prepared.several,
    };
    let ids = &prepared.targets;
    let first = one::run_one(&job, &ids[0]);
    if let Ok(mut s) = shared.lock() {
        consume(&mut **s, first);
    }
    let rest = Ordered::new(ids.len() - 1);
    let next = AtomicUsize::new(0);
    let workers = usize::from(command.job.parallel).min(ids.len() - 1);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some(id) = ids.get(i + 1) else { break };
                    rest.put(i, one::run_one(&job, id));
                }
            });
        }
        for (i, id) in ids[1..].iter().enumerate() {
            let outcome = rest.take(i).unwrap_or_else(|| lost(id));
            if let Ok(mut s) = shared.lock() {
                consume(&mut **s, outcome);
            }
        }
    });
}

/// The outcome of a job whose worker ended without one (a bug).
fn lost(target: &Target) -> Outcome {
    Outcome::new(
        &target.id,
        Err(Error::Internal("a worker ended without a result".into())),
    )
}

/// Outcomes handed from the workers to the reporter in input order: each
/// kept only until its turn comes.
struct Ordered {
    slots: Mutex<Vec<Option<Outcome>>>,
    ready: Condvar,
}

impl Ordered {
    fn new(n: usize) -> Self {
        Ordered {
            slots: Mutex::new((0..n).map(|_| None).collect()),
            ready: Condvar::new(),
        }
    }

    fn put(&self, i: usize, outcome: Outcome) {
        if let Ok(mut slots) = self.slots.lock() {
            slots[i] = Some(outcome);
            self.ready.notify_all();
        }
    }

    /// Waits for outcome `i` and takes it.
    fn take(&self, i: usize) -> Option<Outcome> {
        let mut slots = self.slots.lock().ok()?;
        loop {
            if let Some(o) = slots[i].take() {
                return Some(o);
            }
            slots = self.ready.wait(slots).ok()?;
        }
    }
}
