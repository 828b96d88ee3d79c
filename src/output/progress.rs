//! What `--wait` shows on stderr while it polls: a spinner on a terminal;
//! otherwise one line a status change, and a line at least every minute
//! even without one, so a log never goes silent for long.

use std::time::Duration;

/// What a wait reports as it goes.
#[derive(Debug, Clone, PartialEq)]
pub enum Progress<'a> {
    /// A poll answered with this status.
    Status(&'a str),
    /// Time passes (about every 100 ms) between polls: for a spinner.
    Tick(Duration),
}

/// The longest a wait goes without a line when there is no spinner.
pub const HEARTBEAT: Duration = Duration::from_secs(60);

const FRAMES: [char; 4] = ['|', '/', '-', '\\'];

/// One thing to draw on stderr.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Draw {
    /// A whole line (the sink adds the newline).
    Line(String),
    /// The spinner's line, redrawn in place.
    Spinner(String),
    /// Erase the spinner's line.
    ClearSpinner,
}

/// Turns a wait's progress into what stderr shows, for one job.
#[derive(Debug)]
pub struct Lines {
    job_id: String,
    spinner: bool,
    last: String,
    frame: usize,
    /// How long the wait had run at the last line printed.
    printed_at: Duration,
    /// How long the wait has run, as of the last tick.
    elapsed: Duration,
}

impl Lines {
    pub fn new(job_id: &str, spinner: bool) -> Self {
        Lines {
            job_id: job_id.to_string(),
            spinner,
            last: String::new(),
            frame: 0,
            printed_at: Duration::ZERO,
            elapsed: Duration::ZERO,
        }
    }

    /// What to draw for `p`, if anything.
    pub fn on(&mut self, p: Progress<'_>) -> Option<Draw> {
        let id = &self.job_id;
        match p {
            Progress::Status(s) => {
                let changed = s != self.last;
                self.last = s.to_string();
                if self.spinner {
                    let frame = FRAMES[self.frame % 4];
                    return Some(Draw::Spinner(format!("{frame} job {id}: {s}")));
                }
                changed.then(|| {
                    self.printed_at = self.elapsed;
                    Draw::Line(format!("dts: job {id}: {s}"))
                })
            }
            Progress::Tick(elapsed) => {
                self.elapsed = elapsed;
                if self.spinner {
                    self.frame += 1;
                    let frame = FRAMES[self.frame % 4];
                    let last = &self.last;
                    return Some(Draw::Spinner(format!(
                        "{frame} job {id}: {last} ({} s)",
                        elapsed.as_secs()
                    )));
                }
                (elapsed.saturating_sub(self.printed_at) >= HEARTBEAT).then(|| {
                    self.printed_at = elapsed;
                    Draw::Line(format!(
                        "dts: job {id}: still {} after {} s",
                        if self.last.is_empty() {
                            "(no status)"
                        } else {
                            &self.last
                        },
                        elapsed.as_secs()
                    ))
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(events: &[Progress<'_>]) -> Vec<Draw> {
        let mut l = Lines::new("j1", false);
        events.iter().filter_map(|p| l.on(p.clone())).collect()
    }

    #[test]
    fn a_line_a_change() {
        let s = |t| Progress::Status(t);
        assert_eq!(
            lines(&[s("Running"), s("Running"), s("Suspending")]),
            [
                Draw::Line("dts: job j1: Running".into()),
                Draw::Line("dts: job j1: Suspending".into())
            ]
        );
    }

    #[test]
    fn a_wait_without_a_terminal_prints_a_line_at_least_every_minute() {
        let tick = |s| Progress::Tick(Duration::from_secs(s));
        let events = [
            Progress::Status("Running"),
            tick(30),
            tick(59),
            tick(60),
            Progress::Status("Running"),
            tick(100),
            tick(120),
            Progress::Status("Suspending"),
            tick(179),
        ];
        assert_eq!(
            lines(&events),
            [
                Draw::Line("dts: job j1: Running".into()),
                Draw::Line("dts: job j1: still Running after 60 s".into()),
                Draw::Line("dts: job j1: still Running after 120 s".into()),
                Draw::Line("dts: job j1: Suspending".into()),
            ]
        );
    }

    #[test]
    fn a_terminal_gets_a_spinner() {
        let mut l = Lines::new("j1", true);
        assert_eq!(
            l.on(Progress::Status("Running")),
            Some(Draw::Spinner("| job j1: Running".into()))
        );
        assert_eq!(
            l.on(Progress::Tick(Duration::from_secs(3))),
            Some(Draw::Spinner("/ job j1: Running (3 s)".into()))
        );
    }
}
