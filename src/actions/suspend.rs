//! SuspendDtsJob: pause a migration, synchronization or change-tracking task.

use crate::cli::JobArgs;
use crate::request::Operation;

/// The API action.
pub const ACTION: &str = "SuspendDtsJob";

/// What the table says when the call succeeded.
pub const RESULT: &str = "accepted";

/// The operation's parameters; `region` is the resolved region.
pub fn params(job: &JobArgs, region: Option<&str>) -> Operation {
    vec![
        ("DtsJobId", Some(job.job_id.clone())),
        ("DtsInstanceId", job.instance_id.clone()),
        (
            "SynchronizationDirection",
            job.direction.map(|d| d.wire().to_string()),
        ),
        ("RegionId", region.map(str::to_string)),
    ]
}
