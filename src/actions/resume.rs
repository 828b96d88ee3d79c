//! StartDtsJob: resume a paused task (same parameters and answer as
//! SuspendDtsJob).

use super::JobAction;
use crate::job_status::RUNNING;

/// `dts resume`.
pub const RESUME: JobAction = JobAction {
    action: "StartDtsJob",
    instance_param: "DtsInstanceId",
    accepted: "accepted",
    awaited: Some(RUNNING),
};
