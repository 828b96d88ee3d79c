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
    print_targets(sink, ambient, prepared, &prepared.targets, command, style)
}

/// The signed request of each of `targets`.
fn print_targets(
    sink: &mut Sink<'_, impl Write, impl Write>,
    ambient: &(dyn Ambient + Sync),
    prepared: &Prepared,
    targets: &[crate::commands::job_command::Target],
    command: &JobCommand<'_>,
    style: Style,
) -> u8 {
    let settings = &prepared.session.settings;
    let credentials = &prepared.session.credentials;
    let client = Client::new(&Nowhere, ambient, credentials, &settings.endpoint);
    let mut text = Vec::new();
    for (i, target) in targets.iter().enumerate() {
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

/// `--all --dry-run`: the selection (as `dts list` shows it, on stdout) and
/// the first job's signed request; no action is sent.
pub fn selection(
    sink: &mut Sink<'_, impl Write, impl Write>,
    ambient: &(dyn Ambient + Sync),
    prepared: &Prepared,
    command: &JobCommand<'_>,
    selected: &[(Option<String>, crate::api::listing::Job)],
    style: Style,
) -> u8 {
    let mut text = Vec::new();
    match prepared.session.settings.output {
        OutputFormat::Json => {
            for (_, job) in selected {
                let _ = output::write_json(&mut text, job);
            }
        }
        OutputFormat::Table => {
            let rows: Vec<Vec<String>> = selected
                .iter()
                .map(|(_, j)| crate::commands::list::row(j))
                .collect();
            let _ = output::write_rows(&mut text, style, crate::commands::list::HEADER, &rows);
            text.push(b'\n');
        }
    }
    sink.stdout(&text);
    sink.note(&format!(
        "dry run: {} jobs selected; the first request follows; no action was sent",
        selected.len()
    ));
    print_targets(
        sink,
        ambient,
        prepared,
        &prepared.targets[..1],
        command,
        style,
    )
}
