//! The wait loop over a scripted transport and a clock that moves only
//! when it sleeps.

use std::cell::{Cell, RefCell};
use std::time::{Duration, SystemTime};

use super::*;
use crate::client::{HttpRequest, HttpResponse};
use crate::job_status::{PAUSED, RUNNING};

struct Statuses(RefCell<Vec<&'static str>>, RefCell<Vec<String>>);

impl Transport for Statuses {
    fn send(&self, request: &HttpRequest) -> Result<HttpResponse, Error> {
        self.1.borrow_mut().push(request.url.clone());
        let mut list = self.0.borrow_mut();
        let status = if list.len() > 1 {
            list.remove(0)
        } else {
            list[0]
        };
        Ok(HttpResponse {
            status: 200,
            headers: vec![],
            body: format!(r#"{{"Success":true,"Status":"{status}","ErrorMessage":"disk full"}}"#)
                .into_bytes(),
        })
    }
}

struct Clock(Cell<Duration>);

impl Ambient for Clock {
    fn timestamp(&self) -> String {
        "2024-05-06T07:08:09Z".into()
    }
    fn nonce(&self) -> Result<String, Error> {
        Ok("n".into())
    }
    fn jitter(&self) -> f64 {
        0.0
    }
    fn now(&self) -> SystemTime {
        SystemTime::UNIX_EPOCH
    }
    fn sleep(&self, d: Duration) {
        self.0.set(self.0.get() + d);
    }
    fn monotonic(&self) -> Duration {
        self.0.get()
    }
}

fn settings() -> Settings {
    Settings::for_tests(0)
}

fn wait_for(
    statuses: Vec<&'static str>,
    awaited: &[&str],
    timeout: u64,
) -> (Result<Success, Error>, Vec<String>, Duration, usize) {
    let t = Statuses(RefCell::new(statuses), RefCell::new(vec![]));
    let clock = Clock(Cell::new(Duration::ZERO));
    let mut seen = Vec::new();
    let describe = STATUS.params("j1", Some("dtsj1"), None, None);
    let result = until(
        &t,
        &clock,
        &settings(),
        "j1",
        &describe,
        awaited,
        Wait {
            timeout: Duration::from_secs(timeout),
            interval: Duration::from_secs(5),
        },
        &mut |p| {
            if let Progress::Status(s) = p {
                seen.push(s.to_string());
            }
        },
        &mut |_| {},
    );
    let polls = t.1.borrow().len();
    assert!(t.1.borrow().iter().all(|u| u.contains("Action=DescribeDtsJobDetail")
        && u.contains("DtsInstanceID=dtsj1")));
    (result, seen, clock.0.get(), polls)
}

#[test]
fn returns_when_the_awaited_status_shows_in_any_case() {
    let (result, seen, slept, polls) = wait_for(vec!["Synchronizing", "suspending"], PAUSED, 600);
    assert_eq!(status::status_of(&result.unwrap().body), "suspending");
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
