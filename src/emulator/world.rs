//! The emulated jobs: a seeded fleet, jobs that spring into being for any
//! `dtsjob-` id, the state machine (suspend pauses a running job; resume
//! passes through Initializing to a running state; change tracking cannot
//! be paused), test ids that force each outcome, and the state file that
//! lets separate commands see one world.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::emulator::gateway::{refuse, throttling};
use crate::emulator::http::Answer;

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

/// Every job, by id.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct World {
    pub jobs: BTreeMap<String, Job>,
}

/// The test ids, what each forces, and the exit code dts gives it.
pub const TEST_IDS: &[(&str, &str, u8)] = &[
    ("dtsjob-test-ok", "succeeds", 0),
    ("dtsjob-test-denied", "NoPermission (HTTP 403)", 4),
    (
        "dtsjob-test-rejected",
        "InvalidJobStatus: the job's state does not allow it",
        5,
    ),
    ("dtsjob-test-throttled", "Throttling.User on every call", 6),
    (
        "dtsjob-test-throttled-twice",
        "Throttling.User twice, then success",
        0,
    ),
    (
        "dtsjob-test-unavailable",
        "ServiceUnavailable (HTTP 503)",
        7,
    ),
    (
        "dtsjob-test-slow",
        "no answer for 120 s (past any --timeout)",
        8,
    ),
    (
        "dtsjob-test-cut-off",
        "a body shorter than its Content-Length",
        8,
    ),
    ("dtsjob-test-not-json", "an HTML page with HTTP 200", 9),
    (
        "dtsjob-test-lost",
        "applies the change, then drops the answer (dts checks: 0)",
        0,
    ),
    (
        "dtsjob-test-fails",
        "resume fails: --wait ends with the job Failed",
        5,
    ),
    (
        "dtsjob-test-stuck",
        "accepted but never changes: --wait runs out",
        10,
    ),
];

fn seed_job(i: usize, kind: &str, status: &str, region: &str, name: &str) -> Job {
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

impl World {
    /// A dozen jobs: migration, sync, two-way sync, change tracking, in
    /// cn-hangzhou and cn-shanghai.
    pub fn seeded() -> Self {
        let rows = [
            ("SYNC", "Synchronizing", "cn-hangzhou", "orders-sync"),
            ("SYNC", "Synchronizing", "cn-hangzhou", "payments-sync"),
            ("SYNC", "Suspending", "cn-hangzhou", "inventory-sync"),
            ("SYNC", "Synchronizing", "cn-shanghai", "orders-two-way"),
            ("MIGRATION", "Migrating", "cn-hangzhou", "legacy-migration"),
            ("MIGRATION", "Finished", "cn-shanghai", "archive-migration"),
            (
                "SUBSCRIBE",
                "Normal",
                "cn-hangzhou",
                "orders-change-tracking",
            ),
            ("SYNC", "Synchronizing", "cn-shanghai", "users-sync"),
            ("SYNC", "Suspending", "cn-shanghai", "reports-sync"),
            ("MIGRATION", "Migrating", "cn-shanghai", "billing-migration"),
            (
                "SUBSCRIBE",
                "Normal",
                "cn-shanghai",
                "audit-change-tracking",
            ),
            ("SYNC", "Synchronizing", "cn-hangzhou", "search-sync"),
        ];
        let jobs = rows
            .iter()
            .enumerate()
            .map(|(i, (k, s, r, n))| {
                let job = seed_job(i + 1, k, s, r, n);
                (job.id.clone(), job)
            })
            .collect();
        World { jobs }
    }

    /// The world in `file`, else a seeded one.
    pub fn load(file: &Path) -> Self {
        std::fs::read(file)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_else(World::seeded)
    }

    /// Keeps the world in `file` (a temporary file renamed into place).
    pub fn save(&self, file: &Path) {
        let Ok(text) = serde_json::to_vec(self) else {
            return;
        };
        if let Some(dir) = file.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let tmp = PathBuf::from(format!("{}.tmp{}", file.display(), std::process::id()));
        if std::fs::write(&tmp, text).is_ok() {
            let _ = std::fs::rename(&tmp, file);
        }
    }

    /// The job `id`, brought into being if it starts with `dtsjob-`.
    fn job(&mut self, id: &str, region: Option<&str>) -> Option<&mut Job> {
        if !self.jobs.contains_key(id) && id.starts_with("dtsjob-") {
            let mut job = seed_job(
                0,
                "SYNC",
                "Synchronizing",
                region.unwrap_or("cn-hangzhou"),
                id,
            );
            job.id = id.to_string();
            job.instance = format!("dtsi-{}", id.trim_start_matches("dtsjob-"));
            job.name = format!("{id} (created by the emulator)");
            self.jobs.insert(id.to_string(), job);
        }
        self.jobs.get_mut(id)
    }

    /// Runs `action`; the answer, and whether the world changed.
    pub fn act(&mut self, action: &str, p: &BTreeMap<String, String>) -> (Answer, bool) {
        let get = |k: &str| p.get(k).map(String::as_str);
        match action {
            "SuspendDtsJob" | "StartDtsJob" | "DescribeDtsJobDetail" => {
                let Some(id) = get("DtsJobId") else {
                    return (
                        refuse(
                            400,
                            "MissingParameter",
                            "DtsJobId is mandatory for this action.",
                            Some(""),
                        ),
                        false,
                    );
                };
                let region = get("RegionId");
                let Some(job) = self.job(id, region) else {
                    return (
                        refuse(
                            404,
                            "Forbidden.InstanceNotFound",
                            "The specified instance is not found.",
                            Some(""),
                        ),
                        false,
                    );
                };
                job_action(job, action)
            }
            "DescribeDtsJobs" => (list(self, p), false),
            _ => (
                refuse(
                    404,
                    "InvalidAction.NotFound",
                    &format!(
                        "Specified api is not found, please check your url and method: {action}"
                    ),
                    None,
                ),
                false,
            ),
        }
    }
}

/// An action on one job (test ids first).
fn job_action(job: &mut Job, action: &str) -> (Answer, bool) {
    job.calls += 1;
    if let Some(forced) = forced(job, action) {
        return forced;
    }
    let ok = |job: &Job| ok(job, action);
    match action {
        "DescribeDtsJobDetail" => {
            let answer = ok(job);
            // Resuming passes through Initializing.
            if job.status == "Initializing" && job.id != "dtsjob-test-fails" {
                job.status = "Synchronizing".into();
            } else if job.status == "Initializing" {
                job.status = "Failed".into();
            }
            (answer, true)
        }
        "SuspendDtsJob" if job.kind == "SUBSCRIBE" => (
            refuse(
                400,
                "InvalidJobStatus",
                "Change tracking tasks cannot be paused.",
                Some(""),
            ),
            false,
        ),
        "SuspendDtsJob" if is_running(&job.status) => {
            if job.id != "dtsjob-test-stuck" {
                job.status = "Suspending".into();
            }
            (ok(job), true)
        }
        "StartDtsJob" if job.status == "Suspending" || job.status == "Failed" => {
            job.status = "Initializing".into();
            (ok(job), true)
        }
        _ => (
            refuse(
                400,
                "InvalidJobStatus",
                &format!("The job is {}: it cannot do {action} now.", job.status),
                Some(""),
            ),
            false,
        ),
    }
}

fn is_running(status: &str) -> bool {
    matches!(
        status,
        "Synchronizing" | "Migrating" | "Initializing" | "Normal"
    )
}

/// What a test id forces, if it forces anything now.
fn forced(job: &mut Job, action: &str) -> Option<(Answer, bool)> {
    let body = |status: u16, body: &str| Answer::Body {
        status,
        body: body.to_string(),
    };
    Some(match job.id.as_str() {
        "dtsjob-test-denied" => (
            refuse(
                403,
                "NoPermission",
                "You are not authorized to do this action.",
                None,
            ),
            false,
        ),
        "dtsjob-test-rejected" => (
            refuse(
                400,
                "InvalidJobStatus",
                "The job's status does not allow this action.",
                Some(""),
            ),
            false,
        ),
        "dtsjob-test-throttled" => (throttling(), false),
        "dtsjob-test-throttled-twice" if job.calls <= 2 => (throttling(), true),
        "dtsjob-test-unavailable" => (
            body(
                503,
                r#"{"Code":"ServiceUnavailable","Message":"The request has failed due to a temporary failure of the server."}"#,
            ),
            false,
        ),
        "dtsjob-test-slow" => (Answer::Stall, false),
        "dtsjob-test-cut-off" => (
            Answer::CutOff {
                body: r#"{"RequestId":"EMU-CUT","Succ"#.into(),
                promised: 200,
            },
            false,
        ),
        "dtsjob-test-not-json" => (body(200, "<html><body>maintenance</body></html>"), false),
        "dtsjob-test-lost" if action != "DescribeDtsJobDetail" && job.calls == 1 => {
            let _ = job_action_plain(job, action);
            (Answer::Drop, true)
        }
        _ => return None,
    })
}

/// The state change of an action, without forcing (for "lost").
fn job_action_plain(job: &mut Job, action: &str) -> bool {
    match action {
        "SuspendDtsJob" if is_running(&job.status) => {
            job.status = "Suspending".into();
            true
        }
        "StartDtsJob" if job.status == "Suspending" => {
            job.status = "Synchronizing".into();
            true
        }
        _ => false,
    }
}

/// A success: DescribeDtsJobDetail's body, or the action's.
fn ok(job: &Job, action: &str) -> Answer {
    let body = if action == "DescribeDtsJobDetail" {
        let mut o = listed(job);
        o.insert("RequestId".into(), json!("EMU-DETAIL"));
        o.insert("Success".into(), json!(true));
        o.insert("HttpStatusCode".into(), json!(200));
        Value::Object(o)
    } else {
        json!({"RequestId": format!("EMU-{}", job.id), "HttpStatusCode": 200, "Success": true})
    };
    Answer::Body {
        status: 200,
        body: body.to_string(),
    }
}

/// A job as DescribeDtsJobs and DescribeDtsJobDetail write it.
fn listed(job: &Job) -> serde_json::Map<String, Value> {
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

/// DescribeDtsJobs: filters and pages as FLEET.md says.
fn list(world: &World, p: &BTreeMap<String, String>) -> Answer {
    let get = |k: &str| p.get(k).map(String::as_str);
    let size: usize = get("PageSize")
        .and_then(|s| s.parse().ok())
        .unwrap_or(20)
        .clamp(1, 100);
    let number: usize = get("PageNumber")
        .and_then(|s| s.parse().ok())
        .unwrap_or(1)
        .max(1);
    let selected: Vec<&Job> = world
        .jobs
        .values()
        .filter(|j| j.kind == get("JobType").unwrap_or("MIGRATION"))
        .filter(|j| {
            get("RegionId")
                .or(get("Region"))
                .is_none_or(|r| r == j.region)
        })
        .filter(|j| get("Status").is_none_or(|s| s.eq_ignore_ascii_case(&j.status)))
        .filter(|j| match (get("Type"), get("Params")) {
            (Some("name"), Some(text)) => j.name.contains(text),
            (Some("instance"), Some(id)) => j.instance == id,
            _ => true,
        })
        .collect();
    let page: Vec<Value> = selected
        .iter()
        .skip((number - 1) * size)
        .take(size)
        .map(|j| Value::Object(listed(j)))
        .collect();
    let body = json!({
        "RequestId": "EMU-LIST", "HttpStatusCode": 200, "Success": true,
        "TotalRecordCount": selected.len(), "PageNumber": number, "PageRecordCount": page.len(),
        "DtsJobList": page,
    });
    Answer::Body {
        status: 200,
        body: body.to_string(),
    }
}
