//! One unsigned exchange of a credential provider (an OIDC token for keys,
//! a CloudSSO login, a credentials URI), retried like DTS calls when the
//! failure is throttling, the service's or the network's.

use crate::api::retry;
use crate::error::{ApiClass, ApiError, Error};
use crate::obtain::Obtain;
use crate::transport::{HttpRequest, HttpResponse, Transport};

/// Sends `request` until an answer that is not worth retrying, or the
/// retries run out.
pub fn fetch(
    o: &mut Obtain<'_>,
    transport: &dyn Transport,
    request: &HttpRequest,
) -> Result<HttpResponse, Error> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        let result = transport
            .send(request)
            .and_then(|answer| match answer.status {
                429 | 500..=599 => Err(status_error(&answer)),
                _ => Ok(answer),
            });
        match result {
            Err(e) if retry::is_retryable(&e) && attempt <= o.retries => {
                let wait = retry::backoff(attempt, o.ambient.jitter());
                (o.verbose)(&format!(
                    "{} {}: attempt {attempt} failed: {e}; retrying in {:.1} s",
                    request_name(request),
                    request.authority,
                    wait.as_secs_f64()
                ));
                o.ambient.sleep(wait);
            }
            other => return other,
        }
    }
}

fn request_name(request: &HttpRequest) -> &'static str {
    match request.method {
        crate::transport::Method::Get => "GET",
        crate::transport::Method::Put => "PUT",
        crate::transport::Method::Post => "POST",
    }
}

/// The error an HTTP status alone means.
pub fn status_error(answer: &HttpResponse) -> Error {
    Error::Api(Box::new(ApiError {
        class: crate::api::response::class_of_status(answer.status),
        http_status: answer.status,
        code: None,
        message: Some(format!("HTTP {}", answer.status)),
        request_id: None,
        body: None,
    }))
}

/// A refusal with a message (exit 4 in a credential step).
pub fn refused(status: u16, message: String) -> Error {
    Error::Api(Box::new(ApiError {
        class: ApiClass::Auth,
        http_status: status,
        code: None,
        message: Some(message),
        request_id: None,
        body: None,
    }))
}
