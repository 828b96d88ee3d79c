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
            let text = table.to_string();
            for line in text.lines() {
                writeln!(out, "{}", line.trim_end())?;
            }
            Ok(())
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
) -> io::Result<()> {
    writeln!(err, "dts: error: {error}")?;
    if let Some(hint) = hint {
        writeln!(err, "dts: hint: {hint}")?;
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
    fn output_format_parses_any_case() {
        assert_eq!(OutputFormat::parse("JSON"), Ok(OutputFormat::Json));
        assert!(OutputFormat::parse("xml").is_err());
    }
}
