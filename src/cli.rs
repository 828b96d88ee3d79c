//! The whole command-line surface. The doc comments here are the help text,
//! and the completion scripts are generated from these types.

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;

use crate::endpoint::{self, Endpoint};
use crate::output::OutputFormat;
use crate::settings;

const AFTER_HELP: &str = "\
Settings come from the flag, then the environment, then the profile, then the default.
Environment: ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET,
ALIBABA_CLOUD_SECURITY_TOKEN, ALIBABA_CLOUD_PROFILE, ALIBABA_CLOUD_REGION_ID, DTS_CONFIG,
DTS_ENDPOINT, DTS_OUTPUT, DTS_TIMEOUT, DTS_RETRIES.

Exit codes: 0 success, 1 internal error, 2 usage, 3 configuration, 4 authentication,
5 rejected by DTS, 6 throttled, 7 service error, 8 network, 9 bad response.";

const SUSPEND_EXAMPLES: &str = "\
Examples:
  Pause a job:
    dts suspend --job-id l3m1213ye7lb2c9

  Pause the reverse direction of a two-way synchronization in Hangzhou:
    dts suspend -j l3m1213ye7lb2c9 -i dtsl3m1213ye7lb2c9 -d reverse -r cn-hangzhou

  Read the answer with jq:
    dts suspend -j l3m1213ye7lb2c9 -o json | jq -r .RequestId

  In a script:
    if dts -q suspend -j \"$JOB\"; then echo paused; else echo \"failed: exit $?\"; fi";

/// Pause Alibaba Cloud DTS migration, synchronization and change-tracking jobs.
#[derive(Debug, Parser)]
#[command(name = "dts", version, after_help = AFTER_HELP)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// Options accepted before or after the subcommand.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Use this profile from the config file, ignoring credentials in the
    /// environment [env: ALIBABA_CLOUD_PROFILE] [default: default]
    #[arg(short = 'p', long, global = true, value_name = "NAME", value_parser = non_empty)]
    pub profile: Option<String>,

    /// The profile file [env: DTS_CONFIG] [default: <config dir>/dts/config.toml]
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Call this endpoint instead of the region's; a bare host means
    /// https://HOST [env: DTS_ENDPOINT]
    #[arg(long, global = true, value_name = "URL-or-HOST", value_parser = Endpoint::parse)]
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
        value_parser = settings::parse_seconds
    )]
    pub timeout: Option<Duration>,

    /// Retries after throttling, service or network errors; 0 for none
    /// [env: DTS_RETRIES] [default: 3]
    #[arg(
        long,
        global = true,
        value_name = "N",
        allow_negative_numbers = true,
        value_parser = settings::parse_retries
    )]
    pub retries: Option<u32>,

    /// Print nothing on stdout; errors still go to stderr and the exit code
    /// is unchanged
    #[arg(short = 'q', long, global = true)]
    pub quiet: bool,

    /// Show on stderr where each setting came from and each attempt
    /// (secrets redacted)
    #[arg(short = 'v', long, global = true)]
    pub verbose: bool,

    /// Print the signed request that would be sent (SecurityToken shortened
    /// to 4 characters), send nothing, exit 0
    #[arg(long, global = true)]
    pub dry_run: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Pause a job (SuspendDtsJob)
    #[command(after_help = SUSPEND_EXAMPLES)]
    Suspend(JobArgs),

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

/// Which job to act on.
#[derive(Debug, Clone, Args)]
pub struct JobArgs {
    /// The task ID (DtsJobId)
    #[arg(short = 'j', long = "job-id", value_name = "ID", value_parser = non_empty)]
    pub job_id: String,

    /// The instance ID (DtsInstanceId)
    #[arg(short = 'i', long = "instance-id", value_name = "ID", value_parser = non_empty)]
    pub instance_id: Option<String>,

    /// For two-way synchronization: which direction (any letter case)
    #[arg(short = 'd', long, value_enum, ignore_case = true)]
    pub direction: Option<Direction>,

    /// The region of the DTS instance, such as cn-hangzhou
    /// [env: ALIBABA_CLOUD_REGION_ID]
    #[arg(short = 'r', long, value_name = "REGION", value_parser = region)]
    pub region: Option<String>,
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

fn non_empty(s: &str) -> Result<String, String> {
    if s.trim().is_empty() {
        Err("must not be empty".into())
    } else {
        Ok(s.to_string())
    }
}

fn region(s: &str) -> Result<String, String> {
    endpoint::validate_region(s).map(|()| s.to_string())
}
