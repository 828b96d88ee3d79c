//! SuspendDtsJob: pause a migration, synchronization or change-tracking task.

use super::JobAction;
use crate::job_status::PAUSED;

/// `dts suspend`.
pub const SUSPEND: JobAction = JobAction {
    action: "SuspendDtsJob",
    instance_param: "DtsInstanceId",
    accepted: "accepted",
    awaited: Some(PAUSED),
};
