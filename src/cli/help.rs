//! The help text around the options: what settings and credentials come
//! from, the environment, the exit codes, and examples.

pub const AFTER_HELP: &str = "\
Settings come from the flag, then the environment, then the profile, then the default.
'dts --help' also lists the environment variables and the exit codes.";

pub const SETTINGS_HELP: &str = "\
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
pub fn after_long_help() -> String {
    format!("{SETTINGS_HELP}\n{}", crate::error::exit_code_table())
}

pub const SUSPEND_EXAMPLES: &str = "\
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
    if dts -q suspend -j \"$JOB\"; then echo paused; else echo \"failed: exit $?\"; fi

  Pause every running sync job whose name has \"orders\", after a confirmation:
    dts suspend --all --type sync --name orders -r cn-hangzhou

  Try it, or test a script's branches, against the built-in emulator (no account needed):
    dts suspend -j dtsjob-demo --endpoint emulator
    dts suspend -j dtsjob-test-throttled --endpoint emulator   # exit 6; see dts emulator --help";

pub const RESUME_EXAMPLES: &str = "\
Examples:
  Resume a paused job:
    dts resume --job-id l3m1213ye7lb2c9

  Resume and wait until it runs again (Synchronizing, Migrating, Initializing or Normal):
    dts resume -j l3m1213ye7lb2c9 --wait --wait-timeout 300";

pub const LIST_EXAMPLES: &str = "\
Examples:
  dts list -r cn-hangzhou
  dts list -r cn-hangzhou --status synchronizing --name orders -o json | jq -r .DtsJobId
  dts list -r cn-hangzhou -r cn-shanghai --type sync --tag team=payments";

/// `dts emulator --help`'s epilogue: the keys and the test job ids.
pub fn emulator_help() -> String {
    use crate::emulator::gateway::{
        DEMO_KEY_ID, DEMO_KEY_SECRET, DEMO_STS_ID, DEMO_STS_SECRET, DEMO_STS_TOKEN,
    };
    let ids: Vec<String> = crate::emulator::world::TEST_IDS
        .iter()
        .map(|(id, what, code)| format!("  {id:<28} exit {code:>2}: {what}"))
        .collect();
    format!(
        "Keys it accepts:
  {DEMO_KEY_ID} / {DEMO_KEY_SECRET}
  {DEMO_STS_ID} / {DEMO_STS_SECRET} with the SecurityToken {DEMO_STS_TOKEN}

It emulates SuspendDtsJob, StartDtsJob, DescribeDtsJobDetail and DescribeDtsJobs: signature v1.0
verified, 20 calls/s per key and action (see --rate-limit), a seeded fleet in cn-hangzhou and
cn-shanghai. Any other job id that starts with dtsjob- springs into being as a running sync job.

Test job ids, each forcing one outcome:
{}

Examples:
  dts emulator
  dts emulator --listen 127.0.0.1:9000 --state /tmp/jobs.json --reset",
        ids.join("\n")
    )
}

pub const STATUS_EXAMPLES: &str = "\
Examples:
  dts status -j l3m1213ye7lb2c9
  dts status -j l3m1213ye7lb2c9 -o json | jq -r .Status
  dts status -j job1 -j job2 -j job3";

pub const CONFIGURE_HELP: &str = "\
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
