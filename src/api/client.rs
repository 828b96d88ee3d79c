//! The API client: one value holding what every call needs (transport,
//! clock, credentials, endpoint), and the attempt loop that carries a call
//! to the service: sign afresh, send, read, and retry throttling, service
//! and network errors with backoff. The rate limiter, credential refresh
//! and other signatures plug in here.

use std::time::Duration;

use crate::ambient::Ambient;
use crate::api::rate::RateLimit;
use crate::api::request::{self, SignedRequest};
use crate::api::response::{self, Success, SuccessRule};
use crate::api::retry;
use crate::config::endpoint::Endpoint;
use crate::credentials::Credentials;
use crate::error::Error;
use crate::transport::{HttpRequest, HttpResponse, Transport};

/// What one attempt did, for `--verbose` and hints.
#[derive(Debug, Clone, PartialEq)]
pub struct Attempt {
    /// 1 for the first attempt.
    pub number: u32,
    /// The HTTP status, when an answer arrived.
    pub status: Option<u16>,
    pub elapsed: Duration,
    /// The failure, when the attempt failed.
    pub error: Option<String>,
    /// The wait before the next attempt, when there will be one.
    pub wait: Option<Duration>,
    /// The string this attempt signed, SecurityToken masked.
    pub string_to_sign: String,
}

/// The end of a call: its result, how many attempts it took, and whether
/// an attempt may have reached the service with its answer lost.
#[derive(Debug)]
pub struct Called {
    pub result: Result<Success, Error>,
    pub attempts: u32,
    pub in_doubt: bool,
}

/// What one attempt yields besides its number and time.
struct Tried {
    status: Option<u16>,
    result: Result<Success, Error>,
    /// The wait the answer's headers ask for.
    wait_header: Option<Duration>,
    /// The string signed, SecurityToken masked.
    string_to_sign: String,
}

/// An API the client speaks: its version and what its success looks like.
#[derive(Debug)]
pub struct Api {
    pub version: &'static str,
    pub success: SuccessRule,
}

/// DTS (2020-01-01): success is `"Success": true`.
pub const DTS: Api = Api {
    version: request::API_VERSION,
    success: SuccessRule::SuccessField,
};

/// STS (2015-04-01): success is an answer without an error code.
pub const STS: Api = Api {
    version: request::STS_VERSION,
    success: SuccessRule::NoErrorCode,
};

/// Everything a call needs; shared by the workers of several jobs.
#[derive(Clone, Copy)]
pub struct Client<'a> {
    api: &'static Api,
    /// The process's rate limit, shared by every worker.
    rate: Option<&'a RateLimit>,
    transport: &'a (dyn Transport + Sync),
    ambient: &'a (dyn Ambient + Sync),
    credentials: &'a Credentials,
    endpoint: &'a Endpoint,
}

impl<'a> Client<'a> {
    /// A DTS client.
    pub fn new(
        transport: &'a (dyn Transport + Sync),
        ambient: &'a (dyn Ambient + Sync),
        credentials: &'a Credentials,
        endpoint: &'a Endpoint,
    ) -> Self {
        Self::for_api(&DTS, transport, ambient, credentials, endpoint)
    }

    /// A client of `api`.
    pub fn for_api(
        api: &'static Api,
        transport: &'a (dyn Transport + Sync),
        ambient: &'a (dyn Ambient + Sync),
        credentials: &'a Credentials,
        endpoint: &'a Endpoint,
    ) -> Self {
        Client {
            api,
            rate: None,
            transport,
            ambient,
            credentials,
            endpoint,
        }
    }

    /// The same client under the process's rate limit.
    pub fn with_rate(mut self, rate: &'a RateLimit) -> Self {
        self.rate = Some(rate);
        self
    }

    /// The clock and random source the client uses.
    pub fn ambient(&self) -> &'a (dyn Ambient + Sync) {
        self.ambient
    }

    /// Calls `action` with `operation` parameters, retrying up to
    /// `retries` times. Every attempt is signed afresh with a new nonce and
    /// timestamp. `observe` sees each attempt as it ends.
    pub fn call(
        &self,
        action: &str,
        operation: &[(&str, Option<String>)],
        retries: u32,
        observe: &mut dyn FnMut(&Attempt),
    ) -> Called {
        let mut number = 0;
        let mut in_doubt = false;
        loop {
            number += 1;
            if let Some(rate) = self.rate {
                rate.acquire(self.ambient);
            }
            let started = self.ambient.monotonic();
            let tried = self.attempt(action, operation);
            if let (Some(rate), Err(e)) = (self.rate, &tried.result)
                && matches!(e, Error::Api(api) if api.class == crate::error::ApiClass::Throttled)
            {
                rate.throttled(self.ambient);
            }
            in_doubt |= matches!(&tried.result, Err(Error::Network { sent: true, .. }));
            let retry = match &tried.result {
                Err(e) if retry::is_retryable(e) && number <= retries => Some(
                    tried
                        .wait_header
                        .unwrap_or_else(|| retry::backoff(number, self.ambient.jitter())),
                ),
                _ => None,
            };
            observe(&Attempt {
                number,
                status: tried.status,
                elapsed: self.ambient.monotonic().saturating_sub(started),
                error: tried.result.as_ref().err().map(Error::to_string),
                wait: retry,
                string_to_sign: tried.string_to_sign,
            });
            match retry {
                Some(wait) => self.ambient.sleep(wait),
                None => {
                    return Called {
                        result: tried.result,
                        attempts: number,
                        in_doubt,
                    };
                }
            }
        }
    }

    /// Signs a call of `action` with a fresh nonce and timestamp.
    pub fn sign(
        &self,
        action: &str,
        operation: &[(&str, Option<String>)],
    ) -> Result<SignedRequest, Error> {
        let nonce = self.ambient.nonce()?;
        Ok(request::build(
            self.api.version,
            action,
            operation,
            self.credentials,
            self.endpoint,
            &self.ambient.timestamp(),
            &nonce,
        ))
    }

    /// One signed attempt.
    fn attempt(&self, action: &str, operation: &[(&str, Option<String>)]) -> Tried {
        let signed = match self.sign(action, operation) {
            Ok(s) => s,
            Err(e) => {
                return Tried {
                    status: None,
                    result: Err(e),
                    wait_header: None,
                    string_to_sign: String::new(),
                };
            }
        };
        let string_to_sign = self.credentials.mask(&signed.string_to_sign);
        let http = HttpRequest::post(signed.url(), self.endpoint.authority.clone());
        match self.transport.send(&http) {
            Err(e) => Tried {
                status: None,
                result: Err(e),
                wait_header: None,
                string_to_sign,
            },
            Ok(answer) => self.read(&answer, string_to_sign),
        }
    }

    /// An answer read into its outcome, secrets masked.
    fn read(&self, answer: &HttpResponse, string_to_sign: String) -> Tried {
        let wait_header = retry::header_wait(
            answer.header("x-acs-retry-after"),
            answer.header("retry-after"),
            self.ambient.now(),
        );
        let mask = |s: &str| self.credentials.mask(s);
        Tried {
            status: Some(answer.status),
            result: response::interpret_with(self.api.success, answer.status, &answer.body, &mask),
            wait_header,
            string_to_sign,
        }
    }
}

#[cfg(test)]
#[path = "client_tests.rs"]
mod tests;
