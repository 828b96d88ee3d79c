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
use crate::api::rate::RateLimit;
use crate::commands::job_command::{JobCommand, Prepared, Target};
use crate::commands::one::{self, Job};
use crate::commands::{World, dry_run, ids};
use crate::config::Env;
use crate::credentials::Credentials;
use crate::error::Error;
use crate::obtain::Obtain;
use crate::output::interrupt;
use crate::output::progress::Draw;
use crate::output::report::{self, Outcome, Several};
use crate::output::sink::Sink;
use crate::output::{OutputFormat, Style, verbose};
use crate::settings::{self, Settings};
use crate::transport::http::UreqTransport;
use crate::transport::proxy;

/// Runs the command and returns the exit code.
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
    let settings = &prepared.settings;
    let transport = match UreqTransport::with_connections(
        settings.timeout,
        settings.connect_timeout,
        prepared.proxy.as_ref(),
        &crate::transport::user_agent(),
        usize::from(command.job.parallel),
    ) {
        Ok(t) => t,
        Err(e) => return sink.fail(&e, settings.output, None),
    };
    sink.verbose(&verbose::request_line(
        &settings.endpoint,
        command.what.action,
    ));
    let rate = RateLimit::new(settings.rate);
    let client = Client::new(
        &transport,
        world.ambient,
        &prepared.credentials,
        &settings.endpoint,
    )
    .with_rate(&rate);
    let spinner = world.terminals.stderr && !prepared.several;
    run_all(sink, &client, &prepared, command, spinner, style)
}

/// Resolves the settings and reads the IDs, or reports why not and gives
/// the exit code.
fn prepare<O: Write, E: Write>(
    sink: &mut Sink<'_, O, E>,
    command: &JobCommand<'_>,
    world: &mut World<'_>,
) -> Result<Prepared, u8> {
    let flags = command.flags();
    let env = match &world.env {
        Ok(env) => env,
        Err(e) => return Err(sink.fail(e, flags.output.unwrap_or_default(), None)),
    };
    // Only commands that may wait on the network need the signal handler;
    // --help and completions start faster without its thread.
    interrupt::install();
    let resolution = settings::resolve(&flags, env, &world.paths);
    interrupt::json_owed(resolution.output == OutputFormat::Json && !command.global.quiet);
    // Shows how a bug would be reported (README: "When dts has a bug").
    if env.get("DTS_DEBUG_PANIC").is_some() {
        panic!("DTS_DEBUG_PANIC is set");
    }
    let settings = resolution
        .result
        .map_err(|e| sink.fail(&e, resolution.output, None))?;
    let (ids, several) = ids::job_ids(&command.job.job_id, world.input.lines())
        .map_err(|e| sink.fail(&e, settings.output, None))?;
    let targets = ids.iter().map(|id| Target::named(id)).collect();
    for w in &settings.warnings {
        sink.warn(w);
    }
    for line in verbose::origins(&settings.origins) {
        sink.verbose(&line);
    }
    let proxy = proxy::proxy_for(&settings.endpoint, env);
    if let Some(p) = &proxy {
        sink.verbose(&format!("proxy {}", proxy::redact(p.expose())));
    }
    let credentials = obtain(sink, command, world, env, &settings)?;
    Ok(Prepared {
        settings,
        credentials,
        targets,
        several,
        proxy,
    })
}

/// The keys of the settings' provider (a role is assumed, the instance
/// metadata asked), or the exit code of the failure.
fn obtain<O: Write, E: Write>(
    sink: &mut Sink<'_, O, E>,
    command: &JobCommand<'_>,
    world: &World<'_>,
    env: &Env,
    settings: &Settings,
) -> Result<Credentials, u8> {
    let cache_off = command.global.no_credential_cache
        || env
            .get("DTS_CREDENTIAL_CACHE")
            .is_some_and(|v| v.eq_ignore_ascii_case("off"));
    let mut lines = Vec::new();
    let keys = Obtain {
        env,
        ambient: world.ambient,
        retries: settings.retries,
        cache: world.paths.cache.clone().filter(|_| !cache_off),
        verbose: &mut |line: &str| lines.push(line.to_string()),
    }
    .keys(&settings.provider);
    for line in &lines {
        sink.verbose(line);
    }
    keys.map_err(|e| sink.fail(&e, settings.output, None))
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
    let format = prepared.settings.output;
    let shared = Mutex::new(sink);
    let log = |draw: &Draw| {
        if let Ok(mut s) = shared.lock() {
            s.draw(draw);
        }
    };
    let job = Job {
        client,
        credentials: &prepared.credentials,
        settings: &prepared.settings,
        command,
        log: &log,
        spinner,
        several: prepared.several,
    };
    let ids = &prepared.targets;
    if !prepared.several {
        let outcome = one::run_one(&job, &ids[0]);
        let Ok(sink) = shared.into_inner() else {
            return 1;
        };
        return report::report_one(sink, format, command.what, outcome, style);
    }
    let mut several = Several::new(format, command.what, style);
    let first = one::run_one(&job, &ids[0]);
    if let Ok(mut s) = shared.lock() {
        several.add(&mut **s, first);
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
                several.add(&mut **s, outcome);
            }
        }
    });
    let Ok(sink) = shared.into_inner() else {
        return 1;
    };
    several.finish(sink)
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
