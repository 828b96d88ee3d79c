//! The test job ids: each forces one outcome, so that a script can be
//! tested against every branch (throttled, refused, lost, failed, ...).

use crate::emulator::gateway::{Shape, refuse, throttling};
use crate::emulator::http::Answer;
use crate::emulator::job::{Job, RESUME_ACTION, SUSPEND_ACTION};

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
        "Throttling.User twice, then success (needs --retries 2)",
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
        "applies the change, drops the answer; dts checks the job",
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

/// What a test id forces, if it forces anything now. Test ids behave the
/// same every time: before a suspend or a resume, a test job is put back in
/// the state that action starts from.
pub fn forced(job: &mut Job, action: &str) -> Option<(Answer, bool)> {
    if job.id.starts_with("dtsjob-test-") {
        match action {
            SUSPEND_ACTION => job.status = "Synchronizing".into(),
            RESUME_ACTION => job.status = "Suspending".into(),
            _ => {}
        }
    }
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
                Shape::Gateway,
            ),
            false,
        ),
        "dtsjob-test-rejected" => (
            refuse(
                400,
                "InvalidJobStatus",
                "The job's status does not allow this action.",
                Shape::Dts,
            ),
            false,
        ),
        "dtsjob-test-throttled" => (throttling(), false),
        "dtsjob-test-throttled-twice" if !job.calls.is_multiple_of(3) => (throttling(), true),
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
        _ => return None,
    })
}

/// What a test id changes after the state machine has acted: the lost
/// answer is dropped (the change stands), the stuck job stays running, the
/// failing job goes to Prechecking (then Failed) instead of Initializing.
pub fn after(job: &mut Job, action: &str, outcome: (Answer, bool)) -> (Answer, bool) {
    match (job.id.as_str(), action) {
        ("dtsjob-test-lost", SUSPEND_ACTION | RESUME_ACTION) => (Answer::Drop, outcome.1),
        ("dtsjob-test-stuck", SUSPEND_ACTION) => {
            job.status = "Synchronizing".into();
            outcome
        }
        ("dtsjob-test-fails", RESUME_ACTION) if job.status == "Initializing" => {
            job.status = "Prechecking".into();
            outcome
        }
        _ => outcome,
    }
}
