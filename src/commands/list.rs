//! `dts list`: DescribeDtsJobs over every region given (or the settings'),
//! every job type by default, as a table or as JSON Lines (one job a line,
//! as received).

use std::io::Write;

use serde_json::Value;

use crate::api::client::Client;
use crate::api::listing::{self, Job, Query};
use crate::cli::GlobalArgs;
use crate::cli::select::{Filters, ListArgs};
use crate::commands::World;
use crate::commands::session::{self, Session};
use crate::error::Error;
use crate::output::progress::Draw;
use crate::output::sink::Sink;
use crate::output::{OutputFormat, Style, escape, verbose};
use crate::settings::Flags;

/// The table's columns.
pub const HEADER: &[&str] = &[
    "JOB ID",
    "NAME",
    "TYPE",
    "STATUS",
    "DELAY",
    "INSTANCE",
    "SOURCE → DESTINATION",
];

/// Runs `dts list` and returns the exit code.
pub fn run<O: Write + Send, E: Write + Send>(
    sink: &mut Sink<'_, O, E>,
    global: &GlobalArgs,
    args: &ListArgs,
    world: &mut World<'_>,
) -> u8 {
    let flags = flags(global, args.region.first().cloned());
    let session = match session::open(sink, global, &flags, world) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let format = session.settings.output;
    let wire = match session.wire(1) {
        Ok(w) => w,
        Err(e) => return sink.fail(&e, format, None),
    };
    let client = wire.client(&session, world.ambient);
    let jobs = match list_regions(
        sink,
        &client,
        &session,
        &args.region,
        &query(&args.filters, args.instance_id.clone(), &[]),
    ) {
        Ok(jobs) => jobs,
        Err(e) => return sink.fail(&e, format, None),
    };
    if jobs.is_empty() {
        sink.note("no jobs match");
        return 0;
    }
    let style = world.terminals.stdout_style(world.no_color());
    print(sink, format, style, &jobs);
    0
}

/// The settings' flags of a listing command.
pub fn flags(global: &GlobalArgs, region: Option<String>) -> Flags {
    Flags {
        profile: global.profile.clone(),
        config: global.config.clone(),
        region,
        endpoint: global.endpoint.clone(),
        output: global.output,
        timeout: global.timeout,
        retries: global.retries,
        rate: global.rate,
    }
}

/// The query the filters make; `statuses` apply when `--status` is not
/// given.
pub fn query(filters: &Filters, instance: Option<String>, statuses: &[&str]) -> Query {
    Query {
        region: None,
        types: filters.job_type.unwrap_or_default().wire().to_vec(),
        statuses: if filters.status.is_empty() {
            statuses.iter().map(|s| s.to_string()).collect()
        } else {
            filters.status.clone()
        },
        name: filters.name.clone(),
        instance,
        tags: filters
            .tag
            .iter()
            .map(|t| (t.key.clone(), t.value.clone()))
            .collect(),
        limit: filters.limit.map(|l| l as usize),
    }
}

/// Every job of every region (the settings' region when none is given),
/// each with its `Region` known.
pub fn list_regions<O: Write, E: Write>(
    sink: &mut Sink<'_, O, E>,
    client: &Client<'_>,
    session: &Session,
    regions: &[String],
    query: &Query,
) -> Result<Vec<(Option<String>, Job)>, Error> {
    let settings = &session.settings;
    let regions: Vec<Option<String>> = if regions.is_empty() {
        vec![settings.region.clone()]
    } else {
        regions.iter().cloned().map(Some).collect()
    };
    let mut all = Vec::new();
    for region in regions {
        sink.verbose(&verbose::request_line(&settings.endpoint, listing::ACTION));
        let q = Query {
            region: region.clone(),
            ..query.clone()
        };
        let mut lines = Vec::new();
        let jobs = listing::list(client, &q, settings.retries, &mut |a| {
            lines.push(a.clone());
        });
        for a in &lines {
            if sink.verbose {
                sink.verbose(&verbose::attempt_line(a, settings.retries));
            } else if a.wait.is_some() && !sink.quiet {
                sink.draw(&Draw::Line(format!(
                    "dts: {}",
                    verbose::retry_line(a, settings.retries)
                )));
            }
        }
        all.extend(jobs?.into_iter().map(|j| (region.clone(), j)));
    }
    Ok(all)
}

/// The jobs as a table or as JSON Lines.
fn print<O: Write, E: Write>(
    sink: &mut Sink<'_, O, E>,
    format: OutputFormat,
    style: Style,
    jobs: &[(Option<String>, Job)],
) {
    let mut text = Vec::new();
    match format {
        OutputFormat::Json => {
            for (_, job) in jobs {
                let _ = crate::output::write_json(&mut text, job);
            }
        }
        OutputFormat::Table => {
            let rows: Vec<Vec<String>> = jobs.iter().map(|(_, j)| row(j)).collect();
            let _ = crate::output::write_rows(&mut text, style, HEADER, &rows);
        }
    }
    sink.stdout(&text);
}

/// One job's row.
pub fn row(job: &Job) -> Vec<String> {
    let text = |k: &str| {
        let v = listing::field(job, k);
        if v.is_empty() {
            "-".to_string()
        } else {
            v.to_string()
        }
    };
    vec![
        text("DtsJobId"),
        text("DtsJobName"),
        text("JobType"),
        text("Status"),
        job.get("Delay")
            .and_then(Value::as_f64)
            .map_or("-".into(), crate::output::status::delay),
        text("DtsInstanceID"),
        format!(
            "{} → {}",
            endpoint(job, "SourceEndpoint"),
            endpoint(job, "DestinationEndpoint")
        ),
    ]
}

/// A source or destination in a few words: engine and instance (or host).
fn endpoint(job: &Job, key: &str) -> String {
    let Some(e) = job.get(key).and_then(Value::as_object) else {
        return "-".into();
    };
    let get = |k: &str| e.get(k).and_then(Value::as_str).filter(|v| !v.is_empty());
    let engine = get("EngineName").unwrap_or("?");
    match get("InstanceID").or(get("Ip")) {
        Some(where_) => escape(&format!("{engine} {where_}")).into_owned(),
        None => escape(engine).into_owned(),
    }
}
