//! The attempt loop over a scripted transport and a fake clock: attempt
//! counts, fresh nonces, waits, and which errors are retried, without
//! sockets or real sleeps.

use std::time::Duration;

use super::*;
use crate::error::NetworkKind;
use crate::settings::Settings;
use crate::testing::{FakeClock, Scripted, answer};

fn reset() -> Result<HttpResponse, Error> {
    Err(Error::Network {
        kind: NetworkKind::Other,
        message: "reset".into(),
        sent: true,
    })
}

const OK: &str = r#"{"RequestId":"r","Success":true}"#;
const THROTTLED: &str = r#"{"Code":"Throttling.User","Message":"slow down"}"#;

fn run(transport: &Scripted, ambient: &FakeClock, retries: u32) -> (Called, Vec<Attempt>) {
    let settings = Settings::for_tests(retries);
    let client = Client::new(transport, ambient, settings.keys(), &settings.endpoint);
    let mut seen = Vec::new();
    let called = client.call(
        "SuspendDtsJob",
        &[("DtsJobId", Some("j".into()))],
        retries,
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
    let a = FakeClock::default();
    let (called, seen) = run(&t, &a, 3);
    assert!(called.result.is_ok());
    assert_eq!(called.attempts, 4);
    assert_eq!(
        a.sleeps(),
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
    let a = FakeClock::default();
    run(&t, &a, 3);
    assert_eq!(t.param("SignatureNonce"), ["nonce1", "nonce2", "nonce3"]);
    let sigs = t.param("Signature");
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
    let a = FakeClock::default();
    let (called, _) = run(&t, &a, 2);
    assert_eq!(called.attempts, 3);
    assert_eq!(called.result.unwrap_err().exit_code(), 6);
    assert_eq!(a.sleeps().len(), 2);
}

#[test]
fn zero_retries_means_one_attempt() {
    let t = Scripted::new(vec![reset()]);
    let a = FakeClock::default();
    let (called, _) = run(&t, &a, 0);
    assert_eq!(called.attempts, 1);
    assert_eq!(called.result.unwrap_err().exit_code(), 8);
    assert!(a.sleeps().is_empty());
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
        let a = FakeClock::default();
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
    let a = FakeClock::default();
    let (called, seen) = run(&t, &a, 3);
    assert!(called.result.is_ok());
    assert_eq!(
        a.sleeps(),
        [
            Duration::from_millis(1500),
            Duration::from_millis(2500),
            Duration::from_secs(60)
        ]
    );
    assert_eq!(seen[0].wait, Some(Duration::from_millis(1500)));
}
