//! What dts prints: the table and JSON writers for stdout and the one
//! human error message for stderr, all over `impl Write`.

use std::io::{self, Write};

use clap::ValueEnum;
use comfy_table::{CellAlignment, Table, presets};
use serde_json::{Map, Value, json};

use crate::error::Error;
use crate::response::Success;

/// The format of stdout.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// A small table for people
    #[default]
    Table,
    /// The service's JSON answer, one object
    Json,
}

impl OutputFormat {
    /// The name users type.
    pub fn name(self) -> &'static str {
        match self {
            OutputFormat::Table => "table",
            OutputFormat::Json => "json",
        }
    }

    /// Parses a value from the environment or a profile, any letter case.
    pub fn parse(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "table" => Ok(OutputFormat::Table),
            "json" => Ok(OutputFormat::Json),
            _ => Err(format!("'{s}' is not an output format (table or json)")),
        }
    }
}

/// Whether a stream gets ANSI colour: only on a terminal, never with
/// `NO_COLOR`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
}

impl Style {
    pub const RED: &str = "1;31";
    pub const YELLOW: &str = "1;33";
    pub const BOLD: &str = "1";

    /// `text` in the SGR `code` when colour is on.
    pub fn label(self, text: &str, code: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

/// One row of the success table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row<'a> {
    pub job_id: &'a str,
    pub action: &'a str,
    pub result: &'a str,
}

/// Writes a successful call's answer.
pub fn write_success(
    out: &mut impl Write,
    format: OutputFormat,
    style: Style,
    row: &Row<'_>,
    success: &Success,
) -> io::Result<()> {
    match format {
        OutputFormat::Json => write_json(out, &success.body),
        OutputFormat::Table => {
            let mut table = Table::new();
            table.load_preset(presets::NOTHING);
            table.set_header(["JOB ID", "ACTION", "RESULT", "REQUEST ID"]);
            table.add_row([
                row.job_id,
                row.action,
                row.result,
                success.request_id().unwrap_or("-"),
            ]);
            for column in table.column_iter_mut() {
                column.set_padding((0, 2));
                column.set_cell_alignment(CellAlignment::Left);
            }
            write_table(out, &table, style)
        }
    }
}

/// Writes a comfy-table without trailing blanks, its header bold when
/// colour is on.
fn write_table(out: &mut impl Write, table: &Table, style: Style) -> io::Result<()> {
    let text = table.to_string();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if i == 0 {
            writeln!(out, "{}", style.label(line, Style::BOLD))?;
        } else {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

/// Writes the request `--dry-run` would send: in table mode the method and
/// URL, then one parameter a line; in json mode one object. `params` and
/// `url` must already be redacted.
pub fn write_dry_run(
    out: &mut impl Write,
    format: OutputFormat,
    style: Style,
    method: &str,
    url: &str,
    params: &[(String, String)],
) -> io::Result<()> {
    match format {
        OutputFormat::Json => {
            let mut p = Map::new();
            for (k, v) in params {
                p.insert(k.clone(), json!(v));
            }
            let mut o = Map::new();
            o.insert("DryRun".into(), json!(true));
            o.insert("Method".into(), json!(method));
            o.insert("Url".into(), json!(url));
            o.insert("Params".into(), Value::Object(p));
            write_json(out, &o)
        }
        OutputFormat::Table => {
            writeln!(out, "{method} {url}")?;
            writeln!(out)?;
            let mut table = Table::new();
            table.load_preset(presets::NOTHING);
            table.set_header(["PARAMETER", "VALUE"]);
            for (k, v) in params {
                table.add_row([k.as_str(), v.as_str()]);
            }
            for column in table.column_iter_mut() {
                column.set_padding((0, 2));
            }
            write_table(out, &table, style)
        }
    }
}

/// Writes the JSON object for a failure: the service's own body when it
/// sent one, otherwise one dts makes with the same field names.
pub fn write_error_json(out: &mut impl Write, error: &Error) -> io::Result<()> {
    if let Error::Api(api) = error
        && let Some(body) = &api.body
    {
        return write_json(out, body);
    }
    let mut made = Map::new();
    made.insert("Success".into(), json!(false));
    made.insert("ErrCode".into(), json!(error.cli_code()));
    made.insert("ErrMessage".into(), json!(error.to_string()));
    made.insert("RequestId".into(), Value::Null);
    let status = match error {
        Error::Api(api) => Some(api.http_status),
        Error::BadResponse { http_status, .. } => *http_status,
        _ => None,
    };
    if let Some(status) = status {
        made.insert("HttpStatusCode".into(), json!(status));
    }
    write_json(out, &made)
}

fn write_json(out: &mut impl Write, object: &Map<String, Value>) -> io::Result<()> {
    serde_json::to_writer(&mut *out, object)?;
    out.write_all(b"\n")
}

/// Writes the human message for a failure, then a hint line if any.
pub fn write_error_human(
    err: &mut impl Write,
    error: &Error,
    hint: Option<&str>,
    style: Style,
) -> io::Result<()> {
    writeln!(err, "dts: {} {error}", style.label("error:", Style::RED))?;
    if let Some(hint) = hint {
        writeln!(err, "dts: {} {hint}", style.label("hint:", Style::BOLD))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::NetworkKind;

    #[test]
    fn table_has_a_header_and_one_row() {
        let mut body = Map::new();
        body.insert("RequestId".into(), json!("RID-1"));
        body.insert("Success".into(), json!(true));
        let mut out = Vec::new();
        write_success(
            &mut out,
            OutputFormat::Table,
            Style::default(),
            &Row {
                job_id: "job1",
                action: "SuspendDtsJob",
                result: "accepted",
            },
            &Success { body },
        )
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2, "{text}");
        assert!(lines[0].starts_with("JOB ID"), "{text}");
        assert!(lines[1].starts_with("job1"), "{text}");
        assert!(lines[1].contains("RID-1"), "{text}");
    }

    #[test]
    fn made_json_has_the_service_field_names() {
        let mut out = Vec::new();
        let e = Error::Network {
            kind: NetworkKind::Timeout,
            message: "slow".into(),
        };
        write_error_json(&mut out, &e).unwrap();
        let v: Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(
            v,
            json!({"Success": false, "ErrCode": "Cli.Timeout", "ErrMessage": "slow", "RequestId": null})
        );
    }

    #[test]
    fn colour_only_when_asked() {
        let mut plain = Vec::new();
        let e = Error::Interrupted;
        write_error_human(&mut plain, &e, Some("h"), Style { color: false }).unwrap();
        assert_eq!(
            String::from_utf8(plain).unwrap(),
            "dts: error: interrupted\ndts: hint: h\n"
        );
        let mut coloured = Vec::new();
        write_error_human(&mut coloured, &e, None, Style { color: true }).unwrap();
        assert_eq!(
            String::from_utf8(coloured).unwrap(),
            "dts: \x1b[1;31merror:\x1b[0m interrupted\n"
        );
    }

    #[test]
    fn output_format_parses_any_case() {
        assert_eq!(OutputFormat::parse("JSON"), Ok(OutputFormat::Json));
        assert!(OutputFormat::parse("xml").is_err());
    }
}
