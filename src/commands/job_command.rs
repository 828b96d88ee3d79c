//! One command on jobs as parsed (what to do, to which jobs, how), and
//! what it runs on once the settings are resolved.

use crate::api::actions::JobAction;
use crate::api::request::Operation;
use crate::cli::{GlobalArgs, JobArgs};
use crate::commands::wait::Wait;
use crate::credentials::Credentials;
use crate::secret::Secret;
use crate::settings::{Flags, Settings};

/// One command on jobs, as parsed.
pub struct JobCommand<'a> {
    pub global: &'a GlobalArgs,
    pub job: &'a JobArgs,
    pub what: &'static JobAction,
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

    /// The settings the command line gives (already checked by clap).
    pub fn flags(&self) -> Flags {
        Flags {
            profile: self.global.profile.clone(),
            config: self.global.config.clone(),
            region: self.job.region.clone(),
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

/// What a job command runs on: the settings, the IDs, and the proxy.
pub struct Prepared {
    pub settings: Settings,
    /// The keys, obtained from the settings' provider.
    pub credentials: Credentials,
    pub targets: Vec<Target>,
    /// Several-job mode: several IDs, or `-j -`.
    pub several: bool,
    pub proxy: Option<Secret>,
}
