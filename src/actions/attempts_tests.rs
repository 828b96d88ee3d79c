//! The attempt loop over a scripted transport and a fixed ambient: attempt
//! counts, fresh nonces, waits, and which errors are retried, without
//! sockets or real sleeps.

use std::cell::{Cell, RefCell};
use std::time::{Duration, SystemTime};

use super::*;
use crate::client::HttpResponse;
use crate::error::NetworkKind;

struct Scripted {
    answers: RefCell<Vec<Result<HttpResponse, Error>>>,
    urls: RefCell<Vec<String>>,
}

impl Scripted {
    fn new(mut answers: Vec<Result<HttpResponse, Error>>) -> Self {
        answers.reverse();
        Scripted {
            answers: RefCell::new(answers),
            urls: RefCell::new(Vec::new()),
        }
    }

    fn nonces(&self) -> Vec<String> {
        self.urls
            .borrow()
            .iter()
            .map(|u| {
                let at = u.find("SignatureNonce=").unwrap() + "SignatureNonce=".len();
                u[at..].split('&').next().unwrap().to_string()
            })
            .collect()
    }
}

impl Transport for Scripted {
    fn send(&self, request: &HttpRequest) -> Result<HttpResponse, Error> {
        self.urls.borrow_mut().push(request.url.clone());
        self.answers
            .borrow_mut()
            .pop()
            .expect("more attempts than scripted answers")
    }
}

struct Fixed {
    counter: Cell<u32>,
    slept: RefCell<Vec<Duration>>,
}

impl Fixed {
    fn new() -> Self {
        Fixed {
            counter: Cell::new(0),
            slept: RefCell::new(Vec::new()),
        }
    }
}

impl Ambient for Fixed {
    fn timestamp(&self) -> String {
        "2024-05-06T07:08:09Z".into()
    }
    fn nonce(&self) -> Result<String, Error> {
        self.counter.set(self.counter.get() + 1);
        Ok(format!("nonce{}", self.counter.get()))
    }
    fn jitter(&self) -> f64 {
        1.0
    }
    fn now(&self) -> SystemTime {
        SystemTime::UNIX_EPOCH
    }
    fn sleep(&self, d: Duration) {
        self.slept.borrow_mut().push(d);
    }
    fn monotonic(&self) -> Duration {
        self.slept.borrow().iter().sum()
    }
}

fn settings(retries: u32) -> Settings {
    Settings::for_tests(retries)
}

fn answer(status: u16, body: &str, headers: &[(&str, &str)]) -> Result<HttpResponse, Error> {
    Ok(HttpResponse {
        status,
        headers: headers
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        body: body.as_bytes().to_vec(),
    })
}

fn reset() -> Result<HttpResponse, Error> {
    Err(Error::Network {
        kind: NetworkKind::Other,
        message: "reset".into(),
        sent: true,
    })
}

const OK: &str = r#"{"RequestId":"r","Success":true}"#;
const THROTTLED: &str = r#"{"Code":"Throttling.User","Message":"slow down"}"#;

fn run(transport: &Scripted, ambient: &Fixed, retries: u32) -> (Called, Vec<Attempt>) {
    let mut seen = Vec::new();
    let called = call(
        transport,
        ambient,
        &settings(retries),
        "SuspendDtsJob",
        &[("DtsJobId", Some("j".into()))],
        &mut |a| seen.push(a.clone()),
    );
    (called, seen)
}

#[test]
fn retries_throttling_service_and_network_errors_then_succeeds() {
    let t = Scripted::new(vec![
        answer(400, THROTTLED, &[]),
        answer(503, "<html>down</html>", &[]),
        reset(),
        answer(200, OK, &[]),
    ]);
    let a = Fixed::new();
    let (called, seen) = run(&t, &a, 3);
    assert!(called.result.is_ok());
    assert_eq!(called.attempts, 4);
    assert_eq!(
        *a.slept.borrow(),
        [
            Duration::from_millis(200),
            Duration::from_millis(400),
            Duration::from_millis(800)
        ]
    );
    assert_eq!(seen.len(), 4);
    assert_eq!(seen[0].status, Some(400));
    assert_eq!(seen[2].status, None);
    assert_eq!(seen[3].wait, None);
}

#[test]
fn every_attempt_is_signed_afresh() {
    let t = Scripted::new(vec![reset(), reset(), answer(200, OK, &[])]);
    let a = Fixed::new();
    run(&t, &a, 3);
    assert_eq!(t.nonces(), ["nonce1", "nonce2", "nonce3"]);
    let sigs: Vec<String> = t
        .urls
        .borrow()
        .iter()
        .map(|u| {
            u.split("Signature=")
                .nth(1)
                .unwrap()
                .split('&')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_ne!(sigs[0], sigs[1]);
    assert_ne!(sigs[1], sigs[2]);
}

#[test]
fn gives_up_after_the_retries_with_the_last_error() {
    let t = Scripted::new(vec![
        answer(400, THROTTLED, &[]),
        answer(400, THROTTLED, &[]),
        answer(400, THROTTLED, &[]),
    ]);
    let a = Fixed::new();
    let (called, _) = run(&t, &a, 2);
    assert_eq!(called.attempts, 3);
    assert_eq!(called.result.unwrap_err().exit_code(), 6);
    assert_eq!(a.slept.borrow().len(), 2);
}

#[test]
fn zero_retries_means_one_attempt() {
    let t = Scripted::new(vec![reset()]);
    let a = Fixed::new();
    let (called, _) = run(&t, &a, 0);
    assert_eq!(called.attempts, 1);
    assert_eq!(called.result.unwrap_err().exit_code(), 8);
    assert!(a.slept.borrow().is_empty());
}

#[test]
fn refusals_auth_and_bad_responses_are_not_retried() {
    for (status, body, code) in [
        (400, r#"{"Success":false,"ErrCode":"InvalidParameter"}"#, 5),
        (400, r#"{"Code":"SignatureDoesNotMatch"}"#, 4),
        (200, "<html>", 9),
        (200, r#"{"Success":false}"#, 5),
    ] {
        let t = Scripted::new(vec![answer(status, body, &[])]);
        let a = Fixed::new();
        let (called, _) = run(&t, &a, 3);
        assert_eq!(called.attempts, 1, "{body}");
        assert_eq!(called.result.unwrap_err().exit_code(), code, "{body}");
    }
}

#[test]
fn retry_after_headers_set_the_wait() {
    let t = Scripted::new(vec![
        answer(400, THROTTLED, &[("x-acs-retry-after", "1500")]),
        answer(503, "{}", &[("retry-after", "2.5")]),
        answer(503, "{}", &[("retry-after", "600")]),
        answer(200, OK, &[]),
    ]);
    let a = Fixed::new();
    let (called, seen) = run(&t, &a, 3);
    assert!(called.result.is_ok());
    assert_eq!(
        *a.slept.borrow(),
        [
            Duration::from_millis(1500),
            Duration::from_millis(2500),
            Duration::from_secs(60)
        ]
    );
    assert_eq!(seen[0].wait, Some(Duration::from_millis(1500)));
}
