//! The commands, and the world they run in: jobs (suspend, resume, status:
//! IDs, workers, one job's call, wait and outcome check, dry run) and
//! configure.

pub mod configure;
pub mod dry_run;
pub mod emulator;
pub mod fleet_wait;
pub mod ids;
pub mod job_command;
pub mod jobs;
pub mod list;
pub mod one;
pub mod select;
pub mod session;
pub mod wait;

use std::io::{self, BufRead, StdinLock};

use crate::ambient::Ambient;
use crate::commands::configure::Answers;
use crate::config::{Env, Paths};
use crate::error::Error;
use crate::output::Terminals;

/// Everything a command reads from outside besides its arguments, so that
/// tests can run the whole program with a world of their own.
pub struct World<'a> {
    /// The environment variables dts reads (an error when one is not UTF-8).
    pub env: Result<Env, Error>,
    /// Where the profile files are when nothing names them.
    pub paths: Paths,
    /// The clock and the random source.
    pub ambient: &'a (dyn Ambient + Sync),
    pub terminals: Terminals,
    /// Standard input: job IDs for `-j -`, answers for configure.
    pub input: &'a mut dyn Input,
}

impl World<'_> {
    /// Whether `NO_COLOR` is set.
    pub fn no_color(&self) -> bool {
        self.env.as_ref().is_ok_and(|e| e.get("NO_COLOR").is_some())
    }
}

/// Standard input, as lines or as answers to questions.
pub trait Input {
    /// Lines to read (job IDs).
    fn lines(&mut self) -> &mut dyn BufRead;
    /// Answers to configure's questions.
    fn answers(&mut self) -> &mut dyn Answers;
}

/// The process's own stdin, locked only when first read.
#[derive(Default)]
pub struct ProcessInput {
    lock: Option<StdinLock<'static>>,
    answers: configure::Stdin,
}

impl Input for ProcessInput {
    fn lines(&mut self) -> &mut dyn BufRead {
        self.lock.get_or_insert_with(|| io::stdin().lock())
    }

    fn answers(&mut self) -> &mut dyn Answers {
        &mut self.answers
    }
}
