//! `suspend --all` / `resume --all`: list (as `dts list`, same filters),
//! confirm, then act on every selected job with its own instance and
//! region, each reported exactly as for several jobs. By default suspend
//! selects the running jobs and resume the paused ones; change-tracking
//! jobs are never paused.

use std::io::Write;

use crate::api::listing::{self, Job};
use crate::cli::select::AllArgs;
use crate::commands::job_command::{JobCommand, Prepared, Target};
use crate::commands::{World, dry_run, fleet_wait, jobs, list, session};
use crate::error::Error;
use crate::output::report::Several;
use crate::output::sink::Sink;

/// What suspend selects without `--status`: the running jobs.
const RUNNING: &[&str] = &["Synchronizing", "Migrating", "Initializing"];
/// What resume selects without `--status`: the paused jobs.
const PAUSED: &[&str] = &["Suspending"];
/// The most jobs the confirmation shows.
const SHOWN: usize = 20;

/// Runs the command over the selection and returns the exit code.
pub fn run<O: Write + Send, E: Write + Send>(
    sink: &mut Sink<'_, O, E>,
    command: &JobCommand<'_>,
    world: &mut World<'_>,
) -> u8 {
    let Some(select) = command.select else {
        return 1;
    };
    let suspend = command.what.awaited == Some(crate::api::job_status::PAUSED);
    let session = match session::open(sink, command.global, &command.flags(), world) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let format = session.settings.output;
    let defaults = if suspend { RUNNING } else { PAUSED };
    let query = list::query(&select.filters, command.job.instance_id.clone(), defaults);
    let listed = match listing(sink, &session, command, world, &query) {
        Ok(jobs) => jobs,
        Err(e) => return sink.fail(&e, format, None),
    };
    // The service refuses to pause change tracking: never selected.
    let selected: Vec<(Option<String>, Job)> = listed
        .into_iter()
        .filter(|(_, j)| {
            !(suspend && listing::field(j, "JobType").eq_ignore_ascii_case("SUBSCRIBE"))
        })
        .collect();
    if selected.is_empty() {
        sink.note("no jobs match; nothing was sent");
        return 0;
    }
    let regions = command.job.region.len() > 1;
    let prepared = Prepared {
        session,
        targets: selected.iter().map(|(r, j)| target(r, j)).collect(),
        several: true,
        regions,
    };
    let style = world.terminals.stdout_style(world.no_color());
    if command.global.dry_run {
        return dry_run::selection(sink, world.ambient, &prepared, command, &selected, style);
    }
    if let Err(e) = confirm(sink, select, command, world, &selected) {
        return sink.fail(&e, format, None);
    }
    if command.wait.is_none() {
        return jobs::act(sink, &prepared, command, world, style);
    }
    // --wait: act, then one listing a poll for the whole selection.
    let acting = JobCommand {
        wait: None,
        ..*command
    };
    let wire = match prepared.session.wire(usize::from(command.job.parallel)) {
        Ok(w) => w,
        Err(e) => return sink.fail(&e, format, None),
    };
    let client = wire.client(&prepared.session, world.ambient);
    let mut outcomes = Vec::new();
    jobs::each(sink, &client, &prepared, &acting, false, &mut |_, o| {
        outcomes.push(o)
    });
    let outcomes = fleet_wait::until(sink, &client, &prepared, command, &query, outcomes);
    let mut several = Several::new(format, command.what, style, regions);
    for o in outcomes {
        several.add(sink, o);
    }
    several.finish(sink)
}

/// The listing of every region the command names.
fn listing<O: Write, E: Write>(
    sink: &mut Sink<'_, O, E>,
    session: &crate::commands::session::Session,
    command: &JobCommand<'_>,
    world: &World<'_>,
    query: &crate::api::listing::Query,
) -> Result<Vec<(Option<String>, Job)>, Error> {
    let wire = session.wire(1)?;
    let client = wire.client(session, world.ambient);
    list::list_regions(sink, &client, session, &command.job.region, query)
}

/// A listed job as a target: its own instance and region.
fn target(region: &Option<String>, job: &Job) -> Target {
    let text = |k: &str| Some(listing::field(job, k).to_string()).filter(|v| !v.is_empty());
    Target {
        id: listing::field(job, "DtsJobId").to_string(),
        instance: text("DtsInstanceID"),
        region: region.clone(),
    }
}

/// Asks before acting: on a terminal, the count and the first jobs and a
/// y/N question; without one, `--yes` is required. Nothing is sent before.
fn confirm<O: Write, E: Write>(
    sink: &mut Sink<'_, O, E>,
    select: &AllArgs,
    command: &JobCommand<'_>,
    world: &mut World<'_>,
    selected: &[(Option<String>, Job)],
) -> Result<(), Error> {
    if select.yes {
        return Ok(());
    }
    let n = selected.len();
    let verb = if command.what.awaited == Some(crate::api::job_status::PAUSED) {
        "Pause"
    } else {
        "Resume"
    };
    if !world.terminals.stdin {
        return Err(Error::Usage(format!(
            "--all selected {n} jobs; without a terminal to confirm on, add --yes (nothing was sent)"
        )));
    }
    sink.note(&format!("{n} jobs selected:"));
    for (_, j) in selected.iter().take(SHOWN) {
        sink.note(&format!(
            "  {}  {}  {}",
            listing::field(j, "DtsJobId"),
            listing::field(j, "DtsJobName"),
            listing::field(j, "Status")
        ));
    }
    if n > SHOWN {
        sink.note(&format!("  ... and {} more", n - SHOWN));
    }
    let answer = world
        .input
        .answers()
        .ask(&format!("{verb} {n} jobs? [y/N] "), false)
        .map_err(|e| Error::Usage(format!("cannot read the answer: {e}")))?
        .unwrap_or_default();
    match answer.trim().to_ascii_lowercase().as_str() {
        "y" | "yes" => Ok(()),
        _ => Err(Error::Usage("cancelled: nothing was sent".into())),
    }
}
