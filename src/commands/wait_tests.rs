//! The wait loop over a scripted transport and a clock that moves only
//! when it sleeps.

use std::time::Duration;

use super::*;
use crate::ambient::Ambient;
use crate::api::job_status::{PAUSED, RUNNING};
use crate::settings::Settings;
use crate::testing::{FakeClock, Scripted, answer};

fn statuses(list: &[&str]) -> Scripted {
    Scripted::new(
        list.iter()
            .map(|s| {
                answer(
                    200,
                    &format!(r#"{{"Success":true,"Status":"{s}","ErrorMessage":"disk full"}}"#),
                    &[],
                )
            })
            .collect(),
    )
}

fn wait_for(
    statuses_list: Vec<&'static str>,
    awaited: &[&str],
    timeout: u64,
) -> (Result<Success, Error>, Vec<String>, Duration, usize) {
    let t = statuses(&statuses_list);
    let clock = FakeClock::default();
    let settings = Settings::for_tests(0);
    let client = Client::new(&t, &clock, settings.keys(), &settings.endpoint);
    let mut seen = Vec::new();
    let describe = STATUS.params("j1", Some("dtsj1"), None, None);
    let poll = Poll {
        job_id: "j1",
        describe: &describe,
        awaited,
        limits: Wait {
            timeout: Duration::from_secs(timeout),
            interval: Duration::from_secs(5),
        },
    };
    let result = until(
        &client,
        &poll,
        0,
        &mut |p| {
            if let Progress::Status(s) = p {
                seen.push(s.to_string());
            }
        },
        &mut |_| {},
    );
    let urls = t.urls();
    assert!(urls
        .iter()
        .all(|u| u.contains("Action=DescribeDtsJobDetail") && u.contains("DtsInstanceID=dtsj1")));
    (result, seen, clock.monotonic(), urls.len())
}

#[test]
fn returns_when_the_awaited_status_shows_in_any_case() {
    let (result, seen, slept, polls) = wait_for(vec!["Synchronizing", "suspending"], PAUSED, 600);
    assert_eq!(status_of(&result.unwrap().body), "suspending");
    assert_eq!(seen, ["Synchronizing", "suspending"]);
    assert_eq!(slept, Duration::from_secs(5));
    assert_eq!(polls, 2);
}

#[test]
fn a_failure_status_ends_the_wait_with_exit_5() {
    let (result, _, _, _) = wait_for(vec!["Suspending", "Failed"], RUNNING, 600);
    let e = result.unwrap_err();
    assert_eq!(e.exit_code(), 5);
    assert_eq!(e.to_string(), "job j1 is Failed: disk full");
}

#[test]
fn the_time_limit_ends_the_wait_with_exit_10() {
    let (result, seen, slept, polls) = wait_for(vec!["Synchronizing"], PAUSED, 12);
    let e = result.unwrap_err();
    assert_eq!(e.exit_code(), 10);
    assert_eq!(
        e.to_string(),
        "job j1 is still Synchronizing after 12 s, not Suspending (--wait-timeout)"
    );
    // Polls at 0, 5, 10 and 12 s: never sleeping past the limit.
    assert_eq!(polls, 4);
    assert_eq!(seen.len(), 4);
    assert_eq!(slept, Duration::from_secs(12));
}
