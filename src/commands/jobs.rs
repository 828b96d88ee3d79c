//! Commands on jobs (`suspend`, `resume`, `status`): resolve the settings
//! once, read the job IDs, then either print the signed requests
//! (`--dry-run`) or run every job through the client, at most `--parallel`
//! at once, and report. One job is reported as CONTRACT.md says for one
//! call; several as one row or one JSON line a job, in input order, with a
//! shared exit code.

use std::io::Write;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::api::client::Client;
use crate::api::rate::RateLimit;
use crate::commands::job_command::{JobCommand, Prepared};
use crate::commands::one::{self, Job};
use crate::commands::{World, dry_run, ids};
use crate::config::Env;
use crate::credentials::Credentials;
use crate::error::Error;
use crate::obtain::Obtain;
use crate::output::interrupt;
use crate::output::progress::Draw;
use crate::output::report::{self, Outcome};
use crate::output::sink::Sink;
use crate::output::{OutputFormat, verbose};
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
    let transport = match UreqTransport::new(
        settings.timeout,
        settings.connect_timeout,
        prepared.proxy.as_ref(),
        &crate::transport::user_agent(),
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
    let outcomes = run_all(sink, &client, &prepared, command, spinner);
    report::report(
        sink,
        settings.output,
        command.what,
        prepared.several,
        outcomes,
        style,
    )
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
        ids,
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

/// Runs every job, at most `--parallel` at once, drawing on stderr as they
/// go, and returns the outcomes in input order.
fn run_all<O: Write + Send, E: Write + Send>(
    sink: &mut Sink<'_, O, E>,
    client: &Client<'_>,
    prepared: &Prepared,
    command: &JobCommand<'_>,
    spinner: bool,
) -> Vec<Outcome> {
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
    let ids = &prepared.ids;
    if ids.len() == 1 {
        return vec![one::run_one(&job, &ids[0])];
    }
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<Outcome>>> = ids.iter().map(|_| Mutex::new(None)).collect();
    let parallel = usize::from(command.job.parallel).min(ids.len());
    std::thread::scope(|scope| {
        for _ in 0..parallel {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some(id) = ids.get(i) else { break };
                    let outcome = one::run_one(&job, id);
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
