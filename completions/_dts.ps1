
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'dts' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'dts'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'dts' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The profile file [env: DTS_CONFIG] [default: <config dir>/dts/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Call this endpoint instead of the region''s; a bare host means https://HOST; `emulator` runs the built-in DTS emulator (no account needed) [env: DTS_ENDPOINT]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: DTS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: DTS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit for each attempt in seconds, fractions allowed [env: DTS_TIMEOUT] [default: 10]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after throttling, service or network errors; 0 for none [env: DTS_RETRIES] [default: 3]')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Most DTS calls a second for the whole run; 0 for no limit; a throttled answer halves it for a while [env: DTS_RATE] [default: 10]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show on stderr where each setting came from and each attempt (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show on stderr where each setting came from and each attempt (secrets redacted)')
            [CompletionResult]::new('--no-credential-cache', '--no-credential-cache', [CompletionResultType]::ParameterName, 'Assume roles afresh instead of using keys cached from an earlier run [env: DTS_CREDENTIAL_CACHE=off]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the signed request that would be sent (SecurityToken shortened to 4 characters), send nothing, exit 0')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('suspend', 'suspend', [CompletionResultType]::ParameterValue, 'Pause a job (SuspendDtsJob)')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Pause a job (SuspendDtsJob)')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Resume a paused job (StartDtsJob)')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Resume a paused job (StartDtsJob)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show a job''s status, delay, checkpoint and error (DescribeDtsJobDetail)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List jobs: id, name, type, status, delay, instance, source and destination (DescribeDtsJobs)')
            [CompletionResult]::new('configure', 'configure', [CompletionResultType]::ParameterValue, 'Write a profile to the config file, asking for each value')
            [CompletionResult]::new('emulator', 'emulator', [CompletionResultType]::ParameterValue, 'Run the built-in DTS emulator until Ctrl-C, for scripts and SDKs to talk to (`--endpoint emulator` runs one inside dts instead)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script on stdout')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dts;suspend' {
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'The task ID (DtsJobId); repeat for several jobs, or give - to read one ID a line from stdin (blank lines and # comments skipped)')
            [CompletionResult]::new('--job-id', '--job-id', [CompletionResultType]::ParameterName, 'The task ID (DtsJobId); repeat for several jobs, or give - to read one ID a line from stdin (blank lines and # comments skipped)')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'The instance ID (DtsInstanceId)')
            [CompletionResult]::new('--instance-id', '--instance-id', [CompletionResultType]::ParameterName, 'The instance ID (DtsInstanceId)')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'For two-way synchronization: which direction (any letter case)')
            [CompletionResult]::new('--direction', '--direction', [CompletionResultType]::ParameterName, 'For two-way synchronization: which direction (any letter case)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'The region of the DTS instance, such as cn-hangzhou; with --all, repeat for several [env: ALIBABA_CLOUD_REGION_ID]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'The region of the DTS instance, such as cn-hangzhou; with --all, repeat for several [env: ALIBABA_CLOUD_REGION_ID]')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'With several jobs: how many requests may be in flight at once')
            [CompletionResult]::new('--wait-timeout', '--wait-timeout', [CompletionResultType]::ParameterName, 'Give up waiting after this many seconds (exit 10)')
            [CompletionResult]::new('--poll-interval', '--poll-interval', [CompletionResultType]::ParameterName, 'Seconds between two polls while waiting')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Job types to list [default: all]')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only jobs in this status (any letter case); repeat for several')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Only jobs whose name contains this text')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only jobs with this tag; repeat for several')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Stop after this many jobs')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The profile file [env: DTS_CONFIG] [default: <config dir>/dts/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Call this endpoint instead of the region''s; a bare host means https://HOST; `emulator` runs the built-in DTS emulator (no account needed) [env: DTS_ENDPOINT]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: DTS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: DTS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit for each attempt in seconds, fractions allowed [env: DTS_TIMEOUT] [default: 10]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after throttling, service or network errors; 0 for none [env: DTS_RETRIES] [default: 3]')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Most DTS calls a second for the whole run; 0 for no limit; a throttled answer halves it for a while [env: DTS_RATE] [default: 10]')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'After the call succeeds, poll the job until it shows the awaited status (Suspending after suspend; a running status after resume)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'After the call succeeds, poll the job until it shows the awaited status (Suspending after suspend; a running status after resume)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Act on every job the filters select (by default the running ones for suspend, the paused ones for resume), after a confirmation')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'With --all: do not ask for confirmation (needed without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'With --all: do not ask for confirmation (needed without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show on stderr where each setting came from and each attempt (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show on stderr where each setting came from and each attempt (secrets redacted)')
            [CompletionResult]::new('--no-credential-cache', '--no-credential-cache', [CompletionResultType]::ParameterName, 'Assume roles afresh instead of using keys cached from an earlier run [env: DTS_CREDENTIAL_CACHE=off]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the signed request that would be sent (SecurityToken shortened to 4 characters), send nothing, exit 0')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dts;pause' {
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'The task ID (DtsJobId); repeat for several jobs, or give - to read one ID a line from stdin (blank lines and # comments skipped)')
            [CompletionResult]::new('--job-id', '--job-id', [CompletionResultType]::ParameterName, 'The task ID (DtsJobId); repeat for several jobs, or give - to read one ID a line from stdin (blank lines and # comments skipped)')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'The instance ID (DtsInstanceId)')
            [CompletionResult]::new('--instance-id', '--instance-id', [CompletionResultType]::ParameterName, 'The instance ID (DtsInstanceId)')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'For two-way synchronization: which direction (any letter case)')
            [CompletionResult]::new('--direction', '--direction', [CompletionResultType]::ParameterName, 'For two-way synchronization: which direction (any letter case)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'The region of the DTS instance, such as cn-hangzhou; with --all, repeat for several [env: ALIBABA_CLOUD_REGION_ID]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'The region of the DTS instance, such as cn-hangzhou; with --all, repeat for several [env: ALIBABA_CLOUD_REGION_ID]')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'With several jobs: how many requests may be in flight at once')
            [CompletionResult]::new('--wait-timeout', '--wait-timeout', [CompletionResultType]::ParameterName, 'Give up waiting after this many seconds (exit 10)')
            [CompletionResult]::new('--poll-interval', '--poll-interval', [CompletionResultType]::ParameterName, 'Seconds between two polls while waiting')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Job types to list [default: all]')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only jobs in this status (any letter case); repeat for several')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Only jobs whose name contains this text')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only jobs with this tag; repeat for several')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Stop after this many jobs')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The profile file [env: DTS_CONFIG] [default: <config dir>/dts/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Call this endpoint instead of the region''s; a bare host means https://HOST; `emulator` runs the built-in DTS emulator (no account needed) [env: DTS_ENDPOINT]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: DTS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: DTS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit for each attempt in seconds, fractions allowed [env: DTS_TIMEOUT] [default: 10]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after throttling, service or network errors; 0 for none [env: DTS_RETRIES] [default: 3]')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Most DTS calls a second for the whole run; 0 for no limit; a throttled answer halves it for a while [env: DTS_RATE] [default: 10]')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'After the call succeeds, poll the job until it shows the awaited status (Suspending after suspend; a running status after resume)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'After the call succeeds, poll the job until it shows the awaited status (Suspending after suspend; a running status after resume)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Act on every job the filters select (by default the running ones for suspend, the paused ones for resume), after a confirmation')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'With --all: do not ask for confirmation (needed without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'With --all: do not ask for confirmation (needed without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show on stderr where each setting came from and each attempt (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show on stderr where each setting came from and each attempt (secrets redacted)')
            [CompletionResult]::new('--no-credential-cache', '--no-credential-cache', [CompletionResultType]::ParameterName, 'Assume roles afresh instead of using keys cached from an earlier run [env: DTS_CREDENTIAL_CACHE=off]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the signed request that would be sent (SecurityToken shortened to 4 characters), send nothing, exit 0')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dts;resume' {
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'The task ID (DtsJobId); repeat for several jobs, or give - to read one ID a line from stdin (blank lines and # comments skipped)')
            [CompletionResult]::new('--job-id', '--job-id', [CompletionResultType]::ParameterName, 'The task ID (DtsJobId); repeat for several jobs, or give - to read one ID a line from stdin (blank lines and # comments skipped)')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'The instance ID (DtsInstanceId)')
            [CompletionResult]::new('--instance-id', '--instance-id', [CompletionResultType]::ParameterName, 'The instance ID (DtsInstanceId)')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'For two-way synchronization: which direction (any letter case)')
            [CompletionResult]::new('--direction', '--direction', [CompletionResultType]::ParameterName, 'For two-way synchronization: which direction (any letter case)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'The region of the DTS instance, such as cn-hangzhou; with --all, repeat for several [env: ALIBABA_CLOUD_REGION_ID]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'The region of the DTS instance, such as cn-hangzhou; with --all, repeat for several [env: ALIBABA_CLOUD_REGION_ID]')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'With several jobs: how many requests may be in flight at once')
            [CompletionResult]::new('--wait-timeout', '--wait-timeout', [CompletionResultType]::ParameterName, 'Give up waiting after this many seconds (exit 10)')
            [CompletionResult]::new('--poll-interval', '--poll-interval', [CompletionResultType]::ParameterName, 'Seconds between two polls while waiting')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Job types to list [default: all]')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only jobs in this status (any letter case); repeat for several')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Only jobs whose name contains this text')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only jobs with this tag; repeat for several')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Stop after this many jobs')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The profile file [env: DTS_CONFIG] [default: <config dir>/dts/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Call this endpoint instead of the region''s; a bare host means https://HOST; `emulator` runs the built-in DTS emulator (no account needed) [env: DTS_ENDPOINT]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: DTS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: DTS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit for each attempt in seconds, fractions allowed [env: DTS_TIMEOUT] [default: 10]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after throttling, service or network errors; 0 for none [env: DTS_RETRIES] [default: 3]')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Most DTS calls a second for the whole run; 0 for no limit; a throttled answer halves it for a while [env: DTS_RATE] [default: 10]')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'After the call succeeds, poll the job until it shows the awaited status (Suspending after suspend; a running status after resume)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'After the call succeeds, poll the job until it shows the awaited status (Suspending after suspend; a running status after resume)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Act on every job the filters select (by default the running ones for suspend, the paused ones for resume), after a confirmation')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'With --all: do not ask for confirmation (needed without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'With --all: do not ask for confirmation (needed without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show on stderr where each setting came from and each attempt (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show on stderr where each setting came from and each attempt (secrets redacted)')
            [CompletionResult]::new('--no-credential-cache', '--no-credential-cache', [CompletionResultType]::ParameterName, 'Assume roles afresh instead of using keys cached from an earlier run [env: DTS_CREDENTIAL_CACHE=off]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the signed request that would be sent (SecurityToken shortened to 4 characters), send nothing, exit 0')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dts;start' {
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'The task ID (DtsJobId); repeat for several jobs, or give - to read one ID a line from stdin (blank lines and # comments skipped)')
            [CompletionResult]::new('--job-id', '--job-id', [CompletionResultType]::ParameterName, 'The task ID (DtsJobId); repeat for several jobs, or give - to read one ID a line from stdin (blank lines and # comments skipped)')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'The instance ID (DtsInstanceId)')
            [CompletionResult]::new('--instance-id', '--instance-id', [CompletionResultType]::ParameterName, 'The instance ID (DtsInstanceId)')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'For two-way synchronization: which direction (any letter case)')
            [CompletionResult]::new('--direction', '--direction', [CompletionResultType]::ParameterName, 'For two-way synchronization: which direction (any letter case)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'The region of the DTS instance, such as cn-hangzhou; with --all, repeat for several [env: ALIBABA_CLOUD_REGION_ID]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'The region of the DTS instance, such as cn-hangzhou; with --all, repeat for several [env: ALIBABA_CLOUD_REGION_ID]')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'With several jobs: how many requests may be in flight at once')
            [CompletionResult]::new('--wait-timeout', '--wait-timeout', [CompletionResultType]::ParameterName, 'Give up waiting after this many seconds (exit 10)')
            [CompletionResult]::new('--poll-interval', '--poll-interval', [CompletionResultType]::ParameterName, 'Seconds between two polls while waiting')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Job types to list [default: all]')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only jobs in this status (any letter case); repeat for several')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Only jobs whose name contains this text')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only jobs with this tag; repeat for several')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Stop after this many jobs')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The profile file [env: DTS_CONFIG] [default: <config dir>/dts/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Call this endpoint instead of the region''s; a bare host means https://HOST; `emulator` runs the built-in DTS emulator (no account needed) [env: DTS_ENDPOINT]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: DTS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: DTS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit for each attempt in seconds, fractions allowed [env: DTS_TIMEOUT] [default: 10]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after throttling, service or network errors; 0 for none [env: DTS_RETRIES] [default: 3]')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Most DTS calls a second for the whole run; 0 for no limit; a throttled answer halves it for a while [env: DTS_RATE] [default: 10]')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'After the call succeeds, poll the job until it shows the awaited status (Suspending after suspend; a running status after resume)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'After the call succeeds, poll the job until it shows the awaited status (Suspending after suspend; a running status after resume)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Act on every job the filters select (by default the running ones for suspend, the paused ones for resume), after a confirmation')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'With --all: do not ask for confirmation (needed without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'With --all: do not ask for confirmation (needed without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show on stderr where each setting came from and each attempt (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show on stderr where each setting came from and each attempt (secrets redacted)')
            [CompletionResult]::new('--no-credential-cache', '--no-credential-cache', [CompletionResultType]::ParameterName, 'Assume roles afresh instead of using keys cached from an earlier run [env: DTS_CREDENTIAL_CACHE=off]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the signed request that would be sent (SecurityToken shortened to 4 characters), send nothing, exit 0')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dts;status' {
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'The task ID (DtsJobId); repeat for several jobs, or give - to read one ID a line from stdin (blank lines and # comments skipped)')
            [CompletionResult]::new('--job-id', '--job-id', [CompletionResultType]::ParameterName, 'The task ID (DtsJobId); repeat for several jobs, or give - to read one ID a line from stdin (blank lines and # comments skipped)')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'The instance ID (DtsInstanceId)')
            [CompletionResult]::new('--instance-id', '--instance-id', [CompletionResultType]::ParameterName, 'The instance ID (DtsInstanceId)')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'For two-way synchronization: which direction (any letter case)')
            [CompletionResult]::new('--direction', '--direction', [CompletionResultType]::ParameterName, 'For two-way synchronization: which direction (any letter case)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'The region of the DTS instance, such as cn-hangzhou; with --all, repeat for several [env: ALIBABA_CLOUD_REGION_ID]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'The region of the DTS instance, such as cn-hangzhou; with --all, repeat for several [env: ALIBABA_CLOUD_REGION_ID]')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'With several jobs: how many requests may be in flight at once')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The profile file [env: DTS_CONFIG] [default: <config dir>/dts/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Call this endpoint instead of the region''s; a bare host means https://HOST; `emulator` runs the built-in DTS emulator (no account needed) [env: DTS_ENDPOINT]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: DTS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: DTS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit for each attempt in seconds, fractions allowed [env: DTS_TIMEOUT] [default: 10]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after throttling, service or network errors; 0 for none [env: DTS_RETRIES] [default: 3]')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Most DTS calls a second for the whole run; 0 for no limit; a throttled answer halves it for a while [env: DTS_RATE] [default: 10]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show on stderr where each setting came from and each attempt (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show on stderr where each setting came from and each attempt (secrets redacted)')
            [CompletionResult]::new('--no-credential-cache', '--no-credential-cache', [CompletionResultType]::ParameterName, 'Assume roles afresh instead of using keys cached from an earlier run [env: DTS_CREDENTIAL_CACHE=off]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the signed request that would be sent (SecurityToken shortened to 4 characters), send nothing, exit 0')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dts;list' {
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'The region to list; repeat for several [env: ALIBABA_CLOUD_REGION_ID]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'The region to list; repeat for several [env: ALIBABA_CLOUD_REGION_ID]')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Only the jobs of this instance')
            [CompletionResult]::new('--instance-id', '--instance-id', [CompletionResultType]::ParameterName, 'Only the jobs of this instance')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Job types to list [default: all]')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only jobs in this status (any letter case); repeat for several')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Only jobs whose name contains this text')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only jobs with this tag; repeat for several')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Stop after this many jobs')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The profile file [env: DTS_CONFIG] [default: <config dir>/dts/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Call this endpoint instead of the region''s; a bare host means https://HOST; `emulator` runs the built-in DTS emulator (no account needed) [env: DTS_ENDPOINT]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: DTS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: DTS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit for each attempt in seconds, fractions allowed [env: DTS_TIMEOUT] [default: 10]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after throttling, service or network errors; 0 for none [env: DTS_RETRIES] [default: 3]')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Most DTS calls a second for the whole run; 0 for no limit; a throttled answer halves it for a while [env: DTS_RATE] [default: 10]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show on stderr where each setting came from and each attempt (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show on stderr where each setting came from and each attempt (secrets redacted)')
            [CompletionResult]::new('--no-credential-cache', '--no-credential-cache', [CompletionResultType]::ParameterName, 'Assume roles afresh instead of using keys cached from an earlier run [env: DTS_CREDENTIAL_CACHE=off]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the signed request that would be sent (SecurityToken shortened to 4 characters), send nothing, exit 0')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dts;configure' {
            [CompletionResult]::new('--role-arn', '--role-arn', [CompletionResultType]::ParameterName, 'Write a ram_role_arn profile that assumes this role (the key pair asked for is the source, unless --source-profile names one)')
            [CompletionResult]::new('--source-profile', '--source-profile', [CompletionResultType]::ParameterName, 'With --role-arn: assume the role with the credentials of this profile instead of a key pair')
            [CompletionResult]::new('--role-session-name', '--role-session-name', [CompletionResultType]::ParameterName, 'With --role-arn: the role session name (default dts-<unix seconds>)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The profile file [env: DTS_CONFIG] [default: <config dir>/dts/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Call this endpoint instead of the region''s; a bare host means https://HOST; `emulator` runs the built-in DTS emulator (no account needed) [env: DTS_ENDPOINT]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: DTS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: DTS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit for each attempt in seconds, fractions allowed [env: DTS_TIMEOUT] [default: 10]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after throttling, service or network errors; 0 for none [env: DTS_RETRIES] [default: 3]')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Most DTS calls a second for the whole run; 0 for no limit; a throttled answer halves it for a while [env: DTS_RATE] [default: 10]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show on stderr where each setting came from and each attempt (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show on stderr where each setting came from and each attempt (secrets redacted)')
            [CompletionResult]::new('--no-credential-cache', '--no-credential-cache', [CompletionResultType]::ParameterName, 'Assume roles afresh instead of using keys cached from an earlier run [env: DTS_CREDENTIAL_CACHE=off]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the signed request that would be sent (SecurityToken shortened to 4 characters), send nothing, exit 0')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dts;emulator' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'The address to listen on (loopback unless you name another)')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'The file the emulated jobs are kept in [default: <data dir>/dts/emulator.json]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Calls a second per key and action before Throttling.User; 0 for no limit')
            [CompletionResult]::new('--access-key-id', '--access-key-id', [CompletionResultType]::ParameterName, 'Accept this key too (with --access-key-secret)')
            [CompletionResult]::new('--access-key-secret', '--access-key-secret', [CompletionResultType]::ParameterName, 'The secret of --access-key-id')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The profile file [env: DTS_CONFIG] [default: <config dir>/dts/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Call this endpoint instead of the region''s; a bare host means https://HOST; `emulator` runs the built-in DTS emulator (no account needed) [env: DTS_ENDPOINT]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: DTS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: DTS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit for each attempt in seconds, fractions allowed [env: DTS_TIMEOUT] [default: 10]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after throttling, service or network errors; 0 for none [env: DTS_RETRIES] [default: 3]')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Most DTS calls a second for the whole run; 0 for no limit; a throttled answer halves it for a while [env: DTS_RATE] [default: 10]')
            [CompletionResult]::new('--reset', '--reset', [CompletionResultType]::ParameterName, 'Start from the seeded fleet again')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show on stderr where each setting came from and each attempt (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show on stderr where each setting came from and each attempt (secrets redacted)')
            [CompletionResult]::new('--no-credential-cache', '--no-credential-cache', [CompletionResultType]::ParameterName, 'Assume roles afresh instead of using keys cached from an earlier run [env: DTS_CREDENTIAL_CACHE=off]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the signed request that would be sent (SecurityToken shortened to 4 characters), send nothing, exit 0')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dts;completions' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The profile file [env: DTS_CONFIG] [default: <config dir>/dts/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Call this endpoint instead of the region''s; a bare host means https://HOST; `emulator` runs the built-in DTS emulator (no account needed) [env: DTS_ENDPOINT]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: DTS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: DTS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit for each attempt in seconds, fractions allowed [env: DTS_TIMEOUT] [default: 10]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after throttling, service or network errors; 0 for none [env: DTS_RETRIES] [default: 3]')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Most DTS calls a second for the whole run; 0 for no limit; a throttled answer halves it for a while [env: DTS_RATE] [default: 10]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show on stderr where each setting came from and each attempt (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show on stderr where each setting came from and each attempt (secrets redacted)')
            [CompletionResult]::new('--no-credential-cache', '--no-credential-cache', [CompletionResultType]::ParameterName, 'Assume roles afresh instead of using keys cached from an earlier run [env: DTS_CREDENTIAL_CACHE=off]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the signed request that would be sent (SecurityToken shortened to 4 characters), send nothing, exit 0')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dts;help' {
            [CompletionResult]::new('suspend', 'suspend', [CompletionResultType]::ParameterValue, 'Pause a job (SuspendDtsJob)')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Resume a paused job (StartDtsJob)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show a job''s status, delay, checkpoint and error (DescribeDtsJobDetail)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List jobs: id, name, type, status, delay, instance, source and destination (DescribeDtsJobs)')
            [CompletionResult]::new('configure', 'configure', [CompletionResultType]::ParameterValue, 'Write a profile to the config file, asking for each value')
            [CompletionResult]::new('emulator', 'emulator', [CompletionResultType]::ParameterValue, 'Run the built-in DTS emulator until Ctrl-C, for scripts and SDKs to talk to (`--endpoint emulator` runs one inside dts instead)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script on stdout')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dts;help;suspend' {
            break
        }
        'dts;help;resume' {
            break
        }
        'dts;help;status' {
            break
        }
        'dts;help;list' {
            break
        }
        'dts;help;configure' {
            break
        }
        'dts;help;emulator' {
            break
        }
        'dts;help;completions' {
            break
        }
        'dts;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
