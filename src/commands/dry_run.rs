//! `--dry-run` on job commands: print each signed request, secrets
//! redacted, and send nothing.

use std::io::Write;

use crate::ambient::Ambient;
use crate::api::client::Client;
use crate::commands::job_command::{JobCommand, Prepared};
use crate::output::sink::Sink;
use crate::output::{self, OutputFormat, Style};
use crate::transport::{HttpRequest, HttpResponse, Transport};

/// A transport that is never used: a dry run only signs.
struct Nowhere;

impl Transport for Nowhere {
    fn send(&self, _: &HttpRequest) -> Result<HttpResponse, crate::error::Error> {
        Err(crate::error::Error::Internal(
            "a dry run tried to send a request".into(),
        ))
    }
}

/// Prints one signed request a job and returns the exit code.
pub fn print(
    sink: &mut Sink<'_, impl Write, impl Write>,
    ambient: &(dyn Ambient + Sync),
    prepared: &Prepared,
    command: &JobCommand<'_>,
    style: Style,
) -> u8 {
    let settings = &prepared.settings;
    let credentials = &prepared.credentials;
    let client = Client::new(&Nowhere, ambient, credentials, &settings.endpoint);
    let mut text = Vec::new();
    for (i, target) in prepared.targets.iter().enumerate() {
        let params = command.params(command.what, target, settings.region.as_deref());
        let signed = match client.sign(command.what.action, &params) {
            Ok(s) => s,
            Err(e) => return sink.fail(&e, settings.output, None),
        };
        if i > 0 && settings.output == OutputFormat::Table {
            text.push(b'\n');
        }
        let _ = output::write_dry_run(
            &mut text,
            settings.output,
            style,
            signed.method,
            &signed.redacted_url(credentials),
            &signed.redacted_params(credentials),
        );
    }
    sink.stdout(&text);
    sink.verbose("dry run: nothing was sent");
    0
}
