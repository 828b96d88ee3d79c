//! What dts prints: the table and JSON writers for stdout and the one
//! human error message for stderr, all over `impl Write`.

pub mod hint;
pub mod interrupt;
pub mod progress;
pub mod report;
pub mod sink;
pub mod status;
pub mod verbose;

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};

use comfy_table::{CellAlignment, Table, presets};
use serde_json::{Map, Value, json};

use crate::error::Error;
pub use crate::settings::format::OutputFormat;

/// Which of stdout and stderr are terminals (colour and spinners need one).
#[derive(Debug, Clone, Copy, Default)]
pub struct Terminals {
    pub stdout: bool,
    pub stderr: bool,
    /// stdin, for questions (the confirmation of `--all`).
    pub stdin: bool,
}

impl Terminals {
    /// How stdout looks: colour on a terminal unless `NO_COLOR`.
    pub fn stdout_style(self, no_color: bool) -> Style {
        Style {
            color: self.stdout && !no_color,
        }
    }

    /// How stderr looks: colour on a terminal unless `NO_COLOR`.
    pub fn stderr_style(self, no_color: bool) -> Style {
        Style {
            color: self.stderr && !no_color,
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

/// `text` with every control character (C0, DEL, C1: newlines, tabs and
/// ESC included) shown as an escape such as `\x1b` or `\u{9b}`, so that
/// text from the network cannot move the cursor, set the title, clear the
/// screen or forge a line.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() && (c as u32) < 0x80 => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Writes a table: a header and one row a job, columns padded by two
/// spaces, no borders (easy to read and to `awk`).
pub fn write_rows(
    out: &mut impl Write,
    style: Style,
    header: &[&str],
    rows: &[Vec<String>],
) -> io::Result<()> {
    let mut table = Table::new();
    table.load_preset(presets::NOTHING);
    table.set_header(header.to_vec());
    for row in rows {
        table.add_row(row.iter().map(|cell| escape(cell).into_owned()));
    }
    for column in table.column_iter_mut() {
        column.set_padding((0, 2));
        column.set_cell_alignment(CellAlignment::Left);
    }
    write_table(out, &table, style)
}

/// Writes one JSON object on one line.
pub fn write_json(out: &mut impl Write, object: &Map<String, Value>) -> io::Result<()> {
    serde_json::to_writer(&mut *out, object)?;
    out.write_all(b"\n")
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
                table.add_row([escape(k), escape(v)]);
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
    write_json(out, &error_object(error))
}

/// The JSON object for a failure: the service's own body when it sent one,
/// otherwise one dts makes with the same field names.
pub fn error_object(error: &Error) -> Map<String, Value> {
    if let Error::Api(api) = error
        && let Some(body) = &api.body
    {
        return body.clone();
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
    made
}

/// Writes the human message for a failure, then a hint line if any.
pub fn write_error_human(
    err: &mut impl Write,
    error: &Error,
    hint: Option<&str>,
    style: Style,
) -> io::Result<()> {
    let message = error.to_string();
    writeln!(
        err,
        "dts: {} {}",
        style.label("error:", Style::RED),
        escape(&message)
    )?;
    if let Some(hint) = hint {
        writeln!(
            err,
            "dts: {} {}",
            style.label("hint:", Style::BOLD),
            escape(hint)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::NetworkKind;

    #[test]
    fn table_has_a_header_and_one_row_a_job() {
        let mut out = Vec::new();
        let rows = vec![
            vec!["job1".to_string(), "accepted".to_string()],
            vec!["job-two".to_string(), "failed".to_string()],
        ];
        write_rows(&mut out, Style::default(), &["JOB ID", "RESULT"], &rows).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "JOB ID   RESULT\njob1     accepted\njob-two  failed\n"
        );
    }

    #[test]
    fn made_json_has_the_service_field_names() {
        let mut out = Vec::new();
        let e = Error::Network {
            kind: NetworkKind::Timeout,
            message: "slow".into(),
            sent: true,
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
        let e = Error::Interrupted(crate::error::Signal::Int);
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
    fn escape_shows_control_characters() {
        assert_eq!(escape("plain ü"), "plain ü");
        assert_eq!(
            escape("a\x1b]0;owned\x07b\nc\u{9b}2J\x7f"),
            "a\\x1b]0;owned\\x07b\\nc\\u{9b}2J\\x7f"
        );
    }
}
