//! The whole command-line surface. The doc comments here are the help text,
//! and the completion scripts are generated from these types.

use std::ffi::OsStr;
use std::path::PathBuf;
use std::time::Duration;

use clap::builder::TypedValueParser;
use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;

use crate::config::endpoint::{self, Endpoint};
use crate::output::OutputFormat;

const AFTER_HELP: &str = "\
Settings come from the flag, then the environment, then the profile, then the default.
'dts --help' also lists the environment variables and the exit codes.";

const SETTINGS_HELP: &str = "\
Settings come from the flag, then the environment, then the profile, then the default.
Credentials: --profile NAME alone if given; else ALIBABA_CLOUD_ACCESS_KEY_ID and
ALIBABA_CLOUD_ACCESS_KEY_SECRET (with ALIBABA_CLOUD_SECURITY_TOKEN for STS); else the profile
(ALIBABA_CLOUD_PROFILE or default) in dts's config file, then in ~/.aliyun/config.json.

Environment:
  ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET, ALIBABA_CLOUD_SECURITY_TOKEN
  ALIBABA_CLOUD_PROFILE, ALIBABA_CLOUD_REGION_ID
  DTS_CONFIG, DTS_ENDPOINT, DTS_OUTPUT, DTS_TIMEOUT, DTS_RETRIES
  HTTPS_PROXY, HTTP_PROXY, ALL_PROXY, NO_PROXY (also lower case); NO_COLOR

Exit codes:";

/// The long help's epilogue: settings, environment, and the exit codes
/// from their one definition.
fn after_long_help() -> String {
    format!("{SETTINGS_HELP}\n{}", crate::error::exit_code_table())
}

const SUSPEND_EXAMPLES: &str = "\
Examples:
  Pause a job:
    dts suspend --job-id l3m1213ye7lb2c9

  Pause the reverse direction of a two-way synchronization in Hangzhou:
    dts suspend -j l3m1213ye7lb2c9 -i dtsl3m1213ye7lb2c9 -d reverse -r cn-hangzhou

  Read the answer with jq:
    dts suspend -j l3m1213ye7lb2c9 -o json | jq -r .RequestId

  Pause and wait until DTS shows the job as paused (Suspending):
    dts suspend -j l3m1213ye7lb2c9 --wait

  Pause several jobs, four at a time, one ID a line from a file:
    dts suspend -j - < jobs.txt

  In a script:
    if dts -q suspend -j \"$JOB\"; then echo paused; else echo \"failed: exit $?\"; fi";

const RESUME_EXAMPLES: &str = "\
Examples:
  Resume a paused job:
    dts resume --job-id l3m1213ye7lb2c9

  Resume and wait until it runs again (Synchronizing, Migrating, Initializing or Normal):
    dts resume -j l3m1213ye7lb2c9 --wait --wait-timeout 300";

const STATUS_EXAMPLES: &str = "\
Examples:
  dts status -j l3m1213ye7lb2c9
  dts status -j l3m1213ye7lb2c9 -o json | jq -r .Status
  dts status -j job1 -j job2 -j job3";

const CONFIGURE_HELP: &str = "\
Asks for the access key id, the access key secret (not echoed), an optional STS token, the
region and an optional endpoint, then writes them to the profile named by --profile (default:
default) in the config file (--config, DTS_CONFIG, or <config dir>/dts/config.toml) with mode
0600. Other profiles and comments in the file are kept. Press Enter to keep a current value;
answer - to remove an optional one. When stdin is not a terminal, the answers are read from it,
one a line.

With --role-arn it writes a ram_role_arn profile: the key pair asked for is the source credentials,
or --source-profile names a profile to take them from (then no key is asked for).

Examples:
  printf '%s\\n' LTAI... \"$SECRET\" '' cn-hangzhou '' | dts configure --profile prod
  dts configure --profile ops --role-arn acs:ram::123456789:role/dts-operator --source-profile default";

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

/// Options accepted before or after the subcommand.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Use this profile from the config file, ignoring credentials in the
    /// environment [env: ALIBABA_CLOUD_PROFILE] [default: default]
    #[arg(short = 'p', long, global = true, value_name = "NAME", value_parser = Unquoted(non_empty))]
    pub profile: Option<String>,

    /// The profile file [env: DTS_CONFIG] [default: <config dir>/dts/config.toml]
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Call this endpoint instead of the region's; a bare host means
    /// https://HOST [env: DTS_ENDPOINT]
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
    },

    /// Resume a paused job (StartDtsJob)
    #[command(visible_alias = "start", after_help = RESUME_EXAMPLES)]
    Resume {
        #[command(flatten)]
        job: JobArgs,
        #[command(flatten)]
        wait: WaitArgs,
    },

    /// Show a job's status, delay, checkpoint and error (DescribeDtsJobDetail)
    #[command(after_help = STATUS_EXAMPLES)]
    Status {
        #[command(flatten)]
        job: JobArgs,
    },

    /// Write a profile to the config file, asking for each value
    #[command(after_help = CONFIGURE_HELP)]
    Configure {
        #[command(flatten)]
        role: RoleArgs,
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

/// Which jobs to act on.
#[derive(Debug, Clone, Args)]
pub struct JobArgs {
    /// The task ID (DtsJobId); repeat for several jobs, or give - to read
    /// one ID a line from stdin (blank lines and # comments skipped)
    #[arg(
        short = 'j',
        long = "job-id",
        value_name = "ID",
        required = true,
        value_parser = Unquoted(id)
    )]
    pub job_id: Vec<String>,

    /// The instance ID (DtsInstanceId)
    #[arg(short = 'i', long = "instance-id", value_name = "ID", value_parser = Unquoted(id))]
    pub instance_id: Option<String>,

    /// For two-way synchronization: which direction (any letter case)
    #[arg(short = 'd', long, value_enum, ignore_case = true)]
    pub direction: Option<Direction>,

    /// The region of the DTS instance, such as cn-hangzhou
    /// [env: ALIBABA_CLOUD_REGION_ID]
    #[arg(short = 'r', long, value_name = "REGION", value_parser = Unquoted(region))]
    pub region: Option<String>,

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

fn non_empty(s: &str) -> Result<String, String> {
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

fn region(s: &str) -> Result<String, String> {
    endpoint::validate_region(s).map(|()| s.to_string())
}
