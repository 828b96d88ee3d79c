//! One emulated job: its fields, which states count as running, the seeded
//! fleet's rows, and the JSON shape DescribeDtsJobs and
//! DescribeDtsJobDetail give it.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::api::actions::{RESUME, STATUS, SUSPEND};
use crate::api::job_status::{RUNNING, is_in};

/// The actions the emulator answers, spelled by dts's own table so that
/// the two sides cannot drift apart.
pub const SUSPEND_ACTION: &str = SUSPEND.action;
pub const RESUME_ACTION: &str = RESUME.action;
pub const DETAIL_ACTION: &str = STATUS.action;
pub const LIST_ACTION: &str = crate::api::listing::ACTION;

/// One job.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Job {
    pub id: String,
    pub name: String,
    /// MIGRATION, SYNC or SUBSCRIBE.
    pub kind: String,
    pub status: String,
    pub region: String,
    pub instance: String,
    pub delay_ms: u64,
    pub source: String,
    pub destination: String,
    /// How many calls a test id has answered (for "throttled twice").
    #[serde(default)]
    pub calls: u32,
}

/// One of the seeded jobs.
pub fn seed_job(i: usize, kind: &str, status: &str, region: &str, name: &str) -> Job {
    Job {
        id: format!("dtsjob-seed{i:02}"),
        name: name.into(),
        kind: kind.into(),
        status: status.into(),
        region: region.into(),
        instance: format!("dtsi-seed{i:02}"),
        delay_ms: (i as u64 * 731) % 5000,
        source: "MySQL rm-bp1source".into(),
        destination: if kind == "SUBSCRIBE" {
            "-".into()
        } else {
            "PolarDB pc-bp1dest".into()
        },
        calls: 0,
    }
}

/// Whether a job in this state is moving data (and so can be paused).
pub fn is_running(status: &str) -> bool {
    is_in(status, RUNNING)
}

/// A job as DescribeDtsJobs and DescribeDtsJobDetail write it.
pub fn listed(job: &Job) -> serde_json::Map<String, Value> {
    let endpoint = |text: &str| {
        let (engine, instance) = text.split_once(' ').unwrap_or((text, ""));
        json!({"EngineName": engine, "InstanceID": instance, "Region": job.region})
    };
    let Value::Object(o) = json!({
        "DtsJobId": job.id, "DtsJobName": job.name, "JobType": job.kind, "Status": job.status,
        "DtsInstanceID": job.instance, "Delay": job.delay_ms, "Checkpoint": 1_714_979_289,
        "ErrorMessage": if job.status == "Failed" { "the destination refused the connection" } else { "" },
        "SourceEndpoint": endpoint(&job.source), "DestinationEndpoint": endpoint(&job.destination),
        "Region": job.region,
    }) else {
        return serde_json::Map::new();
    };
    o
}
