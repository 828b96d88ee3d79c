//! The whole command-line surface. The doc comments here are the help text,
//! and the completion scripts are generated from these types.

use std::ffi::OsStr;
use std::path::PathBuf;
use std::time::Duration;

use clap::builder::TypedValueParser;
use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;

pub mod help;
pub mod select;

use crate::config::endpoint::{self, Endpoint};
use crate::output::OutputFormat;

use help::{
    AFTER_HELP, CONFIGURE_HELP, LIST_EXAMPLES, RESUME_EXAMPLES, STATUS_EXAMPLES, SUSPEND_EXAMPLES,
    after_long_help,
};
use select::{AllArgs, ListArgs};

/// Pause, resume and inspect Alibaba Cloud DTS migration, synchronization and change-tracking jobs.
#[derive(Debug, Parser)]
#[command(
    name = "dts",
    version,
    after_help = AFTER_HELP,
    after_long_help = after_long_help()
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// Options accepted before or after the subcommand, shown under a
/// heading of their own after each command's own options.
#[derive(Debug, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Use this profile from the config file, ignoring credentials in the
    /// environment [env: ALIBABA_CLOUD_PROFILE] [default: default]
    #[arg(short = 'p', long, global = true, value_name = "NAME", value_parser = Unquoted(non_empty))]
    pub profile: Option<String>,

    /// The profile file [env: DTS_CONFIG] [default: <config dir>/dts/config.toml]
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Call this endpoint instead of the region's; a bare host means
    /// https://HOST; `emulator` runs the built-in DTS emulator (no account
    /// needed) [env: DTS_ENDPOINT]
    #[arg(long, global = true, value_name = "URL-or-HOST", value_parser = Unquoted(Endpoint::parse))]
    pub endpoint: Option<Endpoint>,

    /// Output format [env: DTS_OUTPUT] [default: table]
    #[arg(short = 'o', long, global = true, value_enum, ignore_case = true)]
    pub output: Option<OutputFormat>,

    /// Time limit for each attempt in seconds, fractions allowed
    /// [env: DTS_TIMEOUT] [default: 10]
    #[arg(
        long,
        global = true,
        value_name = "SECS",
        allow_negative_numbers = true,
        value_parser = Unquoted(crate::settings::values::parse_seconds)
    )]
    pub timeout: Option<Duration>,

    /// Retries after throttling, service or network errors; 0 for none
    /// [env: DTS_RETRIES] [default: 3]
    #[arg(
        long,
        global = true,
        value_name = "N",
        allow_negative_numbers = true,
        value_parser = Unquoted(crate::settings::values::parse_retries)
    )]
    pub retries: Option<u32>,

    /// Most DTS calls a second for the whole run; 0 for no limit; a
    /// throttled answer halves it for a while [env: DTS_RATE] [default: 10]
    #[arg(
        long,
        global = true,
        value_name = "N",
        allow_negative_numbers = true,
        value_parser = Unquoted(crate::settings::values::parse_rate)
    )]
    pub rate: Option<u32>,

    /// Print nothing on stdout; errors still go to stderr and the exit code
    /// is unchanged
    #[arg(short = 'q', long, global = true)]
    pub quiet: bool,

    /// Show on stderr where each setting came from and each attempt
    /// (secrets redacted)
    #[arg(short = 'v', long, global = true)]
    pub verbose: bool,

    /// Assume roles afresh instead of using keys cached from an earlier run
    /// [env: DTS_CREDENTIAL_CACHE=off]
    #[arg(long, global = true)]
    pub no_credential_cache: bool,

    /// Print the signed request that would be sent (SecurityToken shortened
    /// to 4 characters), send nothing, exit 0
    #[arg(long, global = true)]
    pub dry_run: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Pause a job (SuspendDtsJob)
    #[command(visible_alias = "pause", after_help = SUSPEND_EXAMPLES)]
    Suspend {
        #[command(flatten)]
        job: JobArgs,
        #[command(flatten)]
        wait: WaitArgs,
        #[command(flatten)]
        select: AllArgs,
    },

    /// Resume a paused job (StartDtsJob)
    #[command(visible_alias = "start", after_help = RESUME_EXAMPLES)]
    Resume {
        #[command(flatten)]
        job: JobArgs,
        #[command(flatten)]
        wait: WaitArgs,
        #[command(flatten)]
        select: AllArgs,
    },

    /// Show a job's status, delay, checkpoint and error (DescribeDtsJobDetail)
    #[command(after_help = STATUS_EXAMPLES)]
    Status {
        #[command(flatten)]
        job: JobArgs,
    },

    /// List jobs: id, name, type, status, delay, instance, source and
    /// destination (DescribeDtsJobs)
    #[command(after_help = LIST_EXAMPLES)]
    List {
        #[command(flatten)]
        list: ListArgs,
    },

    /// Write a profile to the config file, asking for each value
    #[command(after_help = CONFIGURE_HELP)]
    Configure {
        #[command(flatten)]
        role: RoleArgs,
    },

    /// Run the built-in DTS emulator until Ctrl-C, for scripts and SDKs to
    /// talk to (`--endpoint emulator` runs one inside dts instead)
    #[command(after_help = help::emulator_help())]
    Emulator {
        #[command(flatten)]
        args: EmulatorArgs,
    },

    /// Print a shell completion script on stdout
    #[command(
        after_help = "Example:\n  dts completions bash > ~/.local/share/bash-completion/completions/dts"
    )]
    Completions {
        /// The shell to complete for
        #[arg(value_enum)]
        shell: Shell,
    },
}

/// A role profile for `dts configure`.
#[derive(Debug, Clone, Default, Args)]
pub struct RoleArgs {
    /// Write a ram_role_arn profile that assumes this role (the key pair
    /// asked for is the source, unless --source-profile names one)
    #[arg(long, value_name = "ARN", value_parser = Unquoted(non_empty))]
    pub role_arn: Option<String>,

    /// With --role-arn: assume the role with the credentials of this
    /// profile instead of a key pair
    #[arg(long, value_name = "NAME", requires = "role_arn", value_parser = Unquoted(non_empty))]
    pub source_profile: Option<String>,

    /// With --role-arn: the role session name (default dts-<unix seconds>)
    #[arg(long, value_name = "NAME", requires = "role_arn", value_parser = Unquoted(non_empty))]
    pub role_session_name: Option<String>,
}

/// `dts emulator`'s options.
#[derive(Debug, Clone, Args)]
pub struct EmulatorArgs {
    /// The address to listen on (loopback unless you name another)
    #[arg(long, value_name = "ADDR", default_value = crate::emulator::DEFAULT_LISTEN)]
    pub listen: String,

    /// The file the emulated jobs are kept in
    /// [default: <data dir>/dts/emulator.json]
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,

    /// Start from the seeded fleet again
    #[arg(long)]
    pub reset: bool,

    /// Calls a second per key and action before Throttling.User; 0 for no
    /// limit
    #[arg(long, value_name = "N", default_value_t = crate::emulator::gateway::RATE)]
    pub rate_limit: usize,

    /// Accept this key too (with --access-key-secret)
    #[arg(long, value_name = "ID", requires = "access_key_secret", value_parser = Unquoted(non_empty))]
    pub access_key_id: Option<String>,

    /// The secret of --access-key-id
    #[arg(long, value_name = "SECRET", requires = "access_key_id", value_parser = Unquoted(non_empty))]
    pub access_key_secret: Option<String>,
}

/// Which jobs to act on.
#[derive(Debug, Clone, Args)]
pub struct JobArgs {
    /// The task ID (DtsJobId); repeat for several jobs, or give - to read
    /// one ID a line from stdin (blank lines and # comments skipped)
    #[arg(
        short = 'j',
        long = "job-id",
        value_name = "ID",
        value_parser = Unquoted(id)
    )]
    pub job_id: Vec<String>,

    /// The instance ID (DtsInstanceId)
    #[arg(short = 'i', long = "instance-id", value_name = "ID", value_parser = Unquoted(id))]
    pub instance_id: Option<String>,

    /// For two-way synchronization: which direction (any letter case)
    #[arg(short = 'd', long, value_enum, ignore_case = true)]
    pub direction: Option<Direction>,

    /// The region of the DTS instance, such as cn-hangzhou; with --all,
    /// repeat for several [env: ALIBABA_CLOUD_REGION_ID]
    #[arg(short = 'r', long, value_name = "REGION", value_parser = Unquoted(region))]
    pub region: Vec<String>,

    /// With several jobs: how many requests may be in flight at once
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub parallel: u16,
}

/// Waiting for the job to reach the state the command asked for.
#[derive(Debug, Clone, Args)]
pub struct WaitArgs {
    /// After the call succeeds, poll the job until it shows the awaited
    /// status (Suspending after suspend; a running status after resume)
    #[arg(short = 'w', long)]
    pub wait: bool,

    /// Give up waiting after this many seconds (exit 10)
    #[arg(long, value_name = "SECS", default_value = "600", value_parser = Unquoted(crate::settings::values::parse_seconds), allow_negative_numbers = true)]
    pub wait_timeout: Duration,

    /// Seconds between two polls while waiting
    #[arg(long, value_name = "SECS", default_value = "5", value_parser = Unquoted(crate::settings::values::parse_seconds), allow_negative_numbers = true)]
    pub poll_interval: Duration,
}

/// A synchronization direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Direction {
    Forward,
    Reverse,
}

impl Direction {
    /// The value sent as `SynchronizationDirection`.
    pub fn wire(self) -> &'static str {
        match self {
            Direction::Forward => "Forward",
            Direction::Reverse => "Reverse",
        }
    }
}

/// A value parser that never quotes a value too long to read: clap's own
/// error would print all of a 70 KB argument.
#[derive(Clone)]
pub struct Unquoted<T>(fn(&str) -> Result<T, String>);

impl<T: Clone + Send + Sync + 'static> TypedValueParser for Unquoted<T> {
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<T, clap::Error> {
        if value.len() <= crate::limits::MAX_QUOTED {
            return self.0.parse_ref(cmd, arg, value);
        }
        let name = arg.map_or_else(|| "the argument".to_string(), |a| format!("'{a}'"));
        let why = match value.to_str() {
            Some(text) => match (self.0)(text) {
                Ok(v) => return Ok(v),
                Err(why) => why,
            },
            None => "it is not valid UTF-8".to_string(),
        };
        let mut cmd = cmd.clone();
        Err(cmd.error(
            clap::error::ErrorKind::ValueValidation,
            format!("invalid value for {name}: {why}"),
        ))
    }
}

pub(crate) fn non_empty(s: &str) -> Result<String, String> {
    if s.trim().is_empty() {
        Err("must not be empty".into())
    } else {
        Ok(s.to_string())
    }
}

/// A job or instance id: not empty, not longer than the limit.
fn id(s: &str) -> Result<String, String> {
    let s = non_empty(s)?;
    crate::limits::check("the id", &s, crate::limits::MAX_ID)?;
    Ok(s)
}

pub(crate) fn region(s: &str) -> Result<String, String> {
    endpoint::validate_region(s).map(|()| s.to_string())
}
