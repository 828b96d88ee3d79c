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
    /// The parameters of `action` for job `id` in `region`.
    pub fn params(&self, action: &JobAction, id: &str, region: Option<&str>) -> Operation {
        action.params(
            id,
            self.job.instance_id.as_deref(),
            self.job.direction.map(|d| d.wire()),
            region,
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

/// What a job command runs on: the settings, the IDs, and the proxy.
pub struct Prepared {
    pub settings: Settings,
    /// The keys, obtained from the settings' provider.
    pub credentials: Credentials,
    pub ids: Vec<String>,
    /// Several-job mode: several IDs, or `-j -`.
    pub several: bool,
    pub proxy: Option<Secret>,
}
