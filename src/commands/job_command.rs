//! One command on jobs as parsed (what to do, to which jobs, how), and
//! what it runs on once the settings are resolved.

use crate::api::actions::JobAction;
use crate::api::request::Operation;
use crate::cli::select::AllArgs;
use crate::cli::{GlobalArgs, JobArgs};
use crate::commands::session::Session;
use crate::commands::wait::Wait;
use crate::error::Error;
use crate::settings::Flags;

/// One command on jobs, as parsed.
pub struct JobCommand<'a> {
    pub global: &'a GlobalArgs,
    pub job: &'a JobArgs,
    pub what: &'static JobAction,
    /// `--all` and its filters (suspend and resume).
    pub select: Option<&'a AllArgs>,
    /// `--wait` and its limits, for suspend and resume.
    pub wait: Option<Wait>,
}

impl JobCommand<'_> {
    /// The parameters of `action` for `target`; `region` is the settings'.
    pub fn params(&self, action: &JobAction, target: &Target, region: Option<&str>) -> Operation {
        action.params(
            &target.id,
            target
                .instance
                .as_deref()
                .or(self.job.instance_id.as_deref()),
            self.job.direction.map(|d| d.wire()),
            target.region.as_deref().or(region),
        )
    }

    /// The checks clap cannot make: `-j` or `--all`, not both; filters,
    /// `--yes` and several regions only with `--all`.
    pub fn check(&self) -> Result<(), Error> {
        let all = self.select.is_some_and(|s| s.all);
        let usage = |m: &str| Err(Error::Usage(m.into()));
        if all && !self.job.job_id.is_empty() {
            return usage("give --job-id or --all, not both");
        }
        if !all && self.job.job_id.is_empty() {
            return usage(if self.select.is_some() {
                "give the job with --job-id ID (or every job a listing selects with --all)"
            } else {
                "give the job with --job-id ID"
            });
        }
        if !all && self.job.region.len() > 1 {
            return usage("several --region need --all");
        }
        if !all && self.select.is_some_and(|s| s.yes || s.filters.any()) {
            return usage("--yes, --type, --status, --name, --tag and --limit need --all");
        }
        Ok(())
    }

    /// The settings the command line gives (already checked by clap).
    pub fn flags(&self) -> Flags {
        Flags {
            profile: self.global.profile.clone(),
            config: self.global.config.clone(),
            region: self.job.region.first().cloned(),
            endpoint: self.global.endpoint.clone(),
            output: self.global.output,
            timeout: self.global.timeout,
            retries: self.global.retries,
            rate: self.global.rate,
        }
    }
}

/// One job to act on: its id, and (from a listing) its own instance and
/// region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub id: String,
    pub instance: Option<String>,
    pub region: Option<String>,
}

impl Target {
    /// A job named by `-j`.
    pub fn named(id: &str) -> Self {
        Target {
            id: id.to_string(),
            instance: None,
            region: None,
        }
    }
}

/// What a job command runs on: the session, the jobs, and how to report.
pub struct Prepared {
    pub session: Session,
    pub targets: Vec<Target>,
    /// Several-job mode: several IDs, `-j -`, or `--all`.
    pub several: bool,
    /// Rows and JSON Lines carry the region (`--all` over several regions).
    pub regions: bool,
}
