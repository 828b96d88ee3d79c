//! `--wait` after `--all`: one listing a poll for the whole selection
//! (DescribeDtsJobs pages, not one DescribeDtsJobDetail per job), until
//! every job that was accepted shows the awaited status, a failure status,
//! or the time runs out.

use std::collections::BTreeMap;
use std::io::Write;

use crate::api::client::Client;
use crate::api::job_status::{self, FAILED};
use crate::api::listing::{self, Job, Query};
use crate::commands::job_command::{JobCommand, Prepared};
use crate::commands::list;
use crate::error::Error;
use crate::output::report::{Done, Outcome, action_row};
use crate::output::sink::Sink;

/// Ends a job's wait when its listed status is the awaited one or a
/// failure; says whether it ended.
fn settle<O: Write, E: Write>(
    sink: &mut Sink<'_, O, E>,
    o: &mut Outcome,
    job: &Job,
    awaited: &[&str],
    what: &crate::api::actions::JobAction,
) -> bool {
    let status = listing::field(job, "Status");
    if job_status::is_in(status, awaited) {
        sink.note(&format!("job {}: {status}", o.job_id));
        let request_id = o.result.as_ref().map_or("-".to_string(), |d| {
            d.row.last().cloned().unwrap_or_default()
        });
        o.result = Ok(Done {
            row: action_row(&o.job_id, what, status, &request_id),
            body: job.clone(),
        });
        return true;
    }
    if job_status::is_in(status, FAILED) {
        o.result = Err(Error::JobFailed {
            message: format!("job {} is {status}", o.job_id),
        });
        return true;
    }
    false
}

/// The outcomes after the wait: accepted jobs end in their status reached,
/// a failure, or a time-out; the others are as they were.
pub fn until<O: Write, E: Write>(
    sink: &mut Sink<'_, O, E>,
    client: &Client<'_>,
    prepared: &Prepared,
    command: &JobCommand<'_>,
    query: &Query,
    mut outcomes: Vec<Outcome>,
) -> Vec<Outcome> {
    let (Some(awaited), Some(limits)) = (command.what.awaited, command.wait) else {
        return outcomes;
    };
    // Every status, not only the selection's: the jobs are about to change.
    let all = Query {
        statuses: Vec::new(),
        limit: None,
        ..query.clone()
    };
    let ambient = client.ambient();
    let start = ambient.monotonic();
    let mut waiting: Vec<usize> = (0..outcomes.len())
        .filter(|i| outcomes[*i].result.is_ok())
        .collect();
    while !waiting.is_empty() {
        let listed =
            match list::list_regions(sink, client, &prepared.session, &command.job.region, &all) {
                Ok(l) => l,
                Err(e) => {
                    for i in waiting.drain(..) {
                        outcomes[i].result = Err(e.clone());
                    }
                    break;
                }
            };
        let by_id: BTreeMap<&str, &Job> = listed
            .iter()
            .map(|(_, j)| (listing::field(j, "DtsJobId"), j))
            .collect();
        waiting.retain(|i| {
            let o = &mut outcomes[*i];
            match by_id.get(o.job_id.as_str()) {
                Some(job) => !settle(sink, o, job, awaited, command.what),
                None => true,
            }
        });
        let waited = ambient.monotonic().saturating_sub(start);
        if waiting.is_empty() {
            break;
        }
        if waited >= limits.timeout {
            for i in waiting.drain(..) {
                outcomes[i].result = Err(Error::WaitTimeout {
                    message: format!(
                        "job {} did not reach {} within {} s (--wait-timeout)",
                        outcomes[i].job_id,
                        awaited.join(" or "),
                        limits.timeout.as_secs_f64()
                    ),
                });
            }
            break;
        }
        ambient.sleep(limits.interval.min(limits.timeout - waited));
    }
    outcomes
}
