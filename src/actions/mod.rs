//! The DTS API actions dts calls, one file each, and the attempt that
//! carries one call to the service.

pub mod suspend;

use crate::ambient::Ambient;
use crate::client::{HttpRequest, Transport};
use crate::error::Error;
use crate::request;
use crate::response::{self, Success};
use crate::settings::Settings;

/// Signs and sends one call of `action`, and reads its answer.
pub fn call(
    transport: &dyn Transport,
    ambient: &dyn Ambient,
    settings: &Settings,
    action: &str,
    operation: &[(&str, Option<String>)],
) -> Result<Success, Error> {
    let nonce = ambient.nonce()?;
    let signed = request::build(
        action,
        operation,
        &settings.credentials,
        &settings.endpoint,
        &ambient.timestamp(),
        &nonce,
    );
    let http = HttpRequest {
        method: signed.method,
        url: signed.url(),
        authority: settings.endpoint.authority.clone(),
    };
    let answer = transport.send(&http)?;
    response::interpret(answer.status, &answer.body, &|s| {
        settings.credentials.mask(s)
    })
}
