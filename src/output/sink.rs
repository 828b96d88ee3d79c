//! Where output goes: stdout (honouring `--quiet` and a closed pipe) and
//! stderr (errors, hints, warnings, `--verbose`), with colour on a terminal.

use std::io::{self, Write};

use crate::error::Error;
use crate::output::interrupt;
use crate::output::progress::Draw;
use crate::output::{self, OutputFormat, Style};

/// The two output streams of one run.
pub struct Sink<'a, O: Write, E: Write> {
    out: &'a mut O,
    err: &'a mut E,
    /// The first failure to write stdout other than a closed pipe.
    stdout_failed: Option<io::Error>,
    pub quiet: bool,
    pub verbose: bool,
    /// How stderr's messages look (colour or not).
    pub style: Style,
}

impl<'a, O: Write, E: Write> Sink<'a, O, E> {
    pub fn new(out: &'a mut O, err: &'a mut E, quiet: bool, verbose: bool, style: Style) -> Self {
        Sink {
            out,
            err,
            stdout_failed: None,
            quiet,
            verbose,
            style,
        }
    }

    /// Writes to stdout unless quiet. A closed pipe is not an error; any
    /// other write failure is kept for [`Sink::finish`].
    pub fn stdout(&mut self, bytes: &[u8]) {
        if self.quiet || self.stdout_failed.is_some() {
            return;
        }
        interrupt::stdout_written();
        let result = self.out.write_all(bytes).and_then(|()| self.out.flush());
        if let Err(e) = result
            && e.kind() != io::ErrorKind::BrokenPipe
        {
            self.stdout_failed = Some(e);
        }
    }

    /// The exit code of the run: `code`, unless stdout could not be written
    /// (a full disk, say), which is an error of its own: exit 1 and a
    /// message, whatever the command did.
    pub fn finish(&mut self, code: u8) -> u8 {
        match self.stdout_failed.take() {
            None => code,
            Some(e) => {
                let message = format!(
                    "dts: {} cannot write to stdout: {}\n",
                    self.style.label("error:", Style::RED),
                    crate::error::io_reason(&e)
                );
                self.stderr(&message);
                1
            }
        }
    }

    /// Writes text to stderr as it is: only text dts made itself.
    fn stderr(&mut self, text: &str) {
        let _ = self.err.write_all(text.as_bytes());
        let _ = self.err.flush();
    }

    /// Draws a progress line or the spinner, control characters escaped.
    pub fn draw(&mut self, draw: &Draw) {
        match draw {
            Draw::Line(line) => self.stderr(&format!("{}\n", output::escape(line))),
            Draw::Spinner(text) => self.stderr(&format!("\r\x1b[2K{}", output::escape(text))),
            Draw::ClearSpinner => self.stderr("\r\x1b[2K"),
        }
    }

    /// `dts: warning: ...` on stderr.
    pub fn warn(&mut self, message: &str) {
        let line = format!(
            "{} {}\n",
            self.style.label("warning:", Style::YELLOW),
            output::escape(message)
        );
        self.stderr(&format!("dts: {line}"));
    }

    /// Text dts made itself, on stderr as it is.
    pub fn note_raw(&mut self, text: &str) {
        self.stderr(text);
    }

    /// `dts: note: ...` on stderr.
    pub fn note(&mut self, message: &str) {
        self.stderr(&format!("dts: note: {}\n", output::escape(message)));
    }

    /// The error of one job among several, on stderr only.
    pub fn job_error(&mut self, job_id: &str, error: &Error, hint: Option<&str>) {
        let mut text = Vec::new();
        let _ = writeln!(
            text,
            "dts: {} job {}: {}",
            self.style.label("error:", Style::RED),
            output::escape(job_id),
            output::escape(&error.to_string())
        );
        if let Some(hint) = hint {
            let _ = writeln!(
                text,
                "dts: {} job {}: {}",
                self.style.label("hint:", Style::BOLD),
                output::escape(job_id),
                output::escape(hint)
            );
        }
        let _ = self.err.write_all(&text);
        let _ = self.err.flush();
    }

    /// `dts: verbose: ...` on stderr, with `--verbose` only.
    pub fn verbose(&mut self, message: &str) {
        if self.verbose {
            self.stderr(&format!("dts: verbose: {}\n", output::escape(message)));
        }
    }

    /// Reports `error` (JSON on stdout in json mode, the human message and
    /// a hint on stderr) and returns its exit code.
    pub fn fail(&mut self, error: &Error, format: OutputFormat, hint: Option<&str>) -> u8 {
        let hint = hint.or(match error {
            Error::Config { hint, .. } => hint.as_deref(),
            Error::NoCredentials { hint, .. } => Some(hint.as_str()),
            Error::Credential { hint, .. } => hint.as_deref(),
            _ => None,
        });
        if format == OutputFormat::Json {
            let mut text = Vec::new();
            let _ = output::write_error_json(&mut text, error);
            self.stdout(&text);
        }
        let mut text = Vec::new();
        let _ = output::write_error_human(&mut text, error, hint, self.style);
        let _ = self.err.write_all(&text);
        let _ = self.err.flush();
        error.exit_code()
    }
}
