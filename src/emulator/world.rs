//! The emulated jobs: a seeded fleet, jobs that spring into being for any
//! `dtsjob-` id, the state machine (suspend pauses a running job; resume
//! passes through Initializing to a running state; change tracking cannot
//! be paused), test ids that force each outcome, and the state file that
//! lets separate commands see one world.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::emulator::gateway::{Shape, refuse};
use crate::emulator::http::Answer;
use crate::emulator::job::{
    DETAIL_ACTION, Job, LIST_ACTION, RESUME_ACTION, SUSPEND_ACTION, is_running, listed, seed_job,
};
use crate::emulator::listing;
pub use crate::emulator::test_ids::TEST_IDS;
use crate::emulator::test_ids::{self, forced};

/// The largest state file the emulator reads (tens of thousands of jobs).
pub const MAX_STATE: u64 = 64 * 1024 * 1024;

/// Every job, by id.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct World {
    pub jobs: BTreeMap<String, Job>,
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

    /// The world in `file`; a seeded one, written there, when the file
    /// does not exist yet. A file that cannot be read or written, is not a
    /// regular file or is over [`MAX_STATE`], or is not a world, is an
    /// error saying which and why.
    pub fn load(file: &Path) -> Result<Self, String> {
        use crate::config::textfile::{self, ReadError};
        let shown = file.display();
        match textfile::read_at_most(file, MAX_STATE) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| {
                format!("the emulator's state file {shown} is not one the emulator wrote ({e})")
            }),
            Err(ReadError::Missing) => {
                let world = World::seeded();
                world.save(file)?;
                Ok(world)
            }
            Err(ReadError::Bad(why)) => Err(format!(
                "cannot read the emulator's state file {shown}: {why}"
            )),
        }
    }

    /// Keeps the world in `file` (a temporary file renamed into place).
    pub fn save(&self, file: &Path) -> Result<(), String> {
        let cannot = |e: std::io::Error| {
            format!(
                "cannot keep the emulator's state in {}: {}",
                file.display(),
                crate::error::io_reason(&e)
            )
        };
        let text = serde_json::to_vec(self).map_err(|e| e.to_string())?;
        if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(cannot)?;
        }
        let tmp = PathBuf::from(format!("{}.tmp{}", file.display(), std::process::id()));
        std::fs::write(&tmp, text).map_err(cannot)?;
        std::fs::rename(&tmp, file).map_err(cannot)
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
            SUSPEND_ACTION | RESUME_ACTION | DETAIL_ACTION => {
                let Some(id) = get("DtsJobId") else {
                    return (
                        refuse(
                            400,
                            "MissingParameter",
                            "DtsJobId is mandatory for this action.",
                            Shape::Dts,
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
                            Shape::Dts,
                        ),
                        false,
                    );
                };
                job_action(job, action)
            }
            LIST_ACTION => (listing::list(&self.jobs, p), false),
            _ => (
                refuse(
                    404,
                    "InvalidAction.NotFound",
                    &format!(
                        "Specified api is not found, please check your url and method: {action}"
                    ),
                    Shape::Gateway,
                ),
                false,
            ),
        }
    }
}

/// An action on one job: what a test id forces, else the state machine
/// (and what a test id does after it).
fn job_action(job: &mut Job, action: &str) -> (Answer, bool) {
    job.calls = job.calls.wrapping_add(1);
    if let Some(forced) = forced(job, action) {
        return forced;
    }
    let outcome = transition(job, action);
    test_ids::after(job, action, outcome)
}

/// The state machine: the answer to `action`, and whether the job changed.
fn transition(job: &mut Job, action: &str) -> (Answer, bool) {
    let ok = |job: &Job| ok(job, action);
    match action {
        DETAIL_ACTION => {
            let answer = ok(job);
            // Resuming passes through Initializing (dtsjob-test-fails
            // through Prechecking) once someone has looked.
            let next = match job.status.as_str() {
                "Initializing" => "Synchronizing",
                "Prechecking" => "Failed",
                _ => return (answer, false),
            };
            job.status = next.into();
            (answer, true)
        }
        SUSPEND_ACTION if job.kind == "SUBSCRIBE" => (
            refuse(
                400,
                "InvalidJobStatus",
                "Change tracking tasks cannot be paused.",
                Shape::Dts,
            ),
            false,
        ),
        SUSPEND_ACTION if is_running(&job.status) => {
            job.status = "Suspending".into();
            (ok(job), true)
        }
        RESUME_ACTION if job.status == "Suspending" || job.status == "Failed" => {
            job.status = "Initializing".into();
            (ok(job), true)
        }
        _ => (
            refuse(
                400,
                "InvalidJobStatus",
                &format!("The job is {}: it cannot do {action} now.", job.status),
                Shape::Dts,
            ),
            false,
        ),
    }
}

/// A success: DescribeDtsJobDetail's body, or the action's.
fn ok(job: &Job, action: &str) -> Answer {
    let body = if action == DETAIL_ACTION {
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
