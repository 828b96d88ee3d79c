//! Fakes shared by the unit tests: a transport that answers from a script
//! and records what it was sent, and a clock that moves only when dts
//! sleeps, with numbered nonces.

use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use crate::ambient::Ambient;
use crate::credentials::{CredentialSource, Credentials};
use crate::error::Error;
use crate::secret::Secret;
use crate::transport::{HttpRequest, HttpResponse, Transport};

/// A key pair from the environment, for unit tests.
pub fn credentials() -> Credentials {
    Credentials {
        access_key_id: "id".into(),
        access_key_secret: Secret::new("test-secret-value"),
        security_token: None,
        source: CredentialSource::Environment,
    }
}

/// Answers each request with the next scripted answer (the last one again
/// when the script runs out) and records every URL.
pub struct Scripted {
    answers: Mutex<Vec<Result<HttpResponse, Error>>>,
    pub urls: Mutex<Vec<String>>,
}

impl Scripted {
    pub fn new(answers: Vec<Result<HttpResponse, Error>>) -> Self {
        Scripted {
            answers: Mutex::new(answers),
            urls: Mutex::new(Vec::new()),
        }
    }

    /// The URLs sent so far.
    pub fn urls(&self) -> Vec<String> {
        self.urls.lock().unwrap().clone()
    }

    /// One query parameter of every request, in order.
    pub fn param(&self, name: &str) -> Vec<String> {
        let key = format!("{name}=");
        self.urls()
            .iter()
            .map(|u| {
                let at = u.find(&key).unwrap() + key.len();
                u[at..].split('&').next().unwrap().to_string()
            })
            .collect()
    }
}

impl Transport for Scripted {
    fn send(&self, request: &HttpRequest) -> Result<HttpResponse, Error> {
        self.urls.lock().unwrap().push(request.url.clone());
        let mut answers = self.answers.lock().unwrap();
        if answers.len() > 1 {
            answers.remove(0)
        } else {
            answers[0].clone()
        }
    }
}

/// An HTTP answer for a script.
pub fn answer(status: u16, body: &str, headers: &[(&str, &str)]) -> Result<HttpResponse, Error> {
    Ok(HttpResponse {
        status,
        headers: headers
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        body: body.as_bytes().to_vec(),
    })
}

/// A fixed timestamp, numbered nonces, full jitter, and a clock that
/// moves only by what dts sleeps.
#[derive(Default)]
pub struct FakeClock {
    nonces: Mutex<u32>,
    pub slept: Mutex<Vec<Duration>>,
}

impl FakeClock {
    /// Every sleep so far.
    pub fn sleeps(&self) -> Vec<Duration> {
        self.slept.lock().unwrap().clone()
    }
}

impl Ambient for FakeClock {
    fn timestamp(&self) -> String {
        "2024-05-06T07:08:09Z".into()
    }
    fn nonce(&self) -> Result<String, Error> {
        let mut n = self.nonces.lock().unwrap();
        *n += 1;
        Ok(format!("nonce{n}"))
    }
    fn jitter(&self) -> f64 {
        1.0
    }
    fn now(&self) -> SystemTime {
        SystemTime::UNIX_EPOCH
    }
    fn sleep(&self, d: Duration) {
        self.slept.lock().unwrap().push(d);
    }
    fn monotonic(&self) -> Duration {
        self.slept.lock().unwrap().iter().sum()
    }
}
