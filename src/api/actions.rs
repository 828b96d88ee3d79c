//! The DTS API actions dts calls on a job, and what each one's success
//! means: SuspendDtsJob and StartDtsJob (the same parameters and answer),
//! and DescribeDtsJobDetail (note its instance parameter's spelling on the
//! wire: `DtsInstanceID`).

use serde_json::{Map, Value};

use crate::api::job_status::{PAUSED, RUNNING};
use crate::api::request::Operation;

/// One API action on a job, and what its success means.
#[derive(Debug)]
pub struct JobAction {
    /// The API action.
    pub action: &'static str,
    /// How this action spells the instance parameter on the wire.
    pub instance_param: &'static str,
    /// The table's RESULT when the call succeeded.
    pub accepted: &'static str,
    /// The statuses that show the action took effect (for `--wait` and for
    /// checking an outcome in doubt); `None` for a read.
    pub awaited: Option<&'static [&'static str]>,
}

impl JobAction {
    /// The operation's parameters for one job; `region` is the resolved
    /// region.
    pub fn params(
        &self,
        job_id: &str,
        instance_id: Option<&str>,
        direction: Option<&str>,
        region: Option<&str>,
    ) -> Operation {
        vec![
            ("DtsJobId", Some(job_id.to_string())),
            (self.instance_param, instance_id.map(str::to_string)),
            ("SynchronizationDirection", direction.map(str::to_string)),
            ("RegionId", region.map(str::to_string)),
        ]
    }
}

/// `dts suspend`.
pub const SUSPEND: JobAction = JobAction {
    action: "SuspendDtsJob",
    instance_param: "DtsInstanceId",
    accepted: "accepted",
    awaited: Some(PAUSED),
};

/// `dts resume`.
pub const RESUME: JobAction = JobAction {
    action: "StartDtsJob",
    instance_param: "DtsInstanceId",
    accepted: "accepted",
    awaited: Some(RUNNING),
};

/// `dts status`, and the poll of `--wait` and of an outcome in doubt.
pub const STATUS: JobAction = JobAction {
    action: "DescribeDtsJobDetail",
    instance_param: "DtsInstanceID",
    accepted: "",
    awaited: None,
};

/// `Status` from a DescribeDtsJobDetail answer ("" when absent).
pub fn status_of(body: &Map<String, Value>) -> &str {
    body.get("Status").and_then(Value::as_str).unwrap_or("")
}
