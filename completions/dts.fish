# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_dts_global_optspecs
    string join \n p/profile= config= endpoint= o/output= timeout= retries= rate= q/quiet v/verbose no-credential-cache dry-run h/help V/version
end

function __fish_dts_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_dts_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_dts_using_subcommand
    set -l cmd (__fish_dts_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c dts -n "__fish_dts_needs_command" -s p -l profile -d 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]' -r
complete -c dts -n "__fish_dts_needs_command" -l config -d 'The profile file [env: DTS_CONFIG] [default: <config dir>/dts/config.toml]' -r -F
complete -c dts -n "__fish_dts_needs_command" -l endpoint -d 'Call this endpoint instead of the region\'s; a bare host means https://HOST; `emulator` runs the built-in DTS emulator (no account needed) [env: DTS_ENDPOINT]' -r
complete -c dts -n "__fish_dts_needs_command" -s o -l output -d 'Output format [env: DTS_OUTPUT] [default: table]' -r -f -a "table\t'A small table for people'
json\t'The service\'s JSON answer, one object'"
complete -c dts -n "__fish_dts_needs_command" -l timeout -d 'Time limit for each attempt in seconds, fractions allowed [env: DTS_TIMEOUT] [default: 10]' -r
complete -c dts -n "__fish_dts_needs_command" -l retries -d 'Retries after throttling, service or network errors; 0 for none [env: DTS_RETRIES] [default: 3]' -r
complete -c dts -n "__fish_dts_needs_command" -l rate -d 'Most DTS calls a second for the whole run; 0 for no limit; a throttled answer halves it for a while [env: DTS_RATE] [default: 10]' -r
complete -c dts -n "__fish_dts_needs_command" -s q -l quiet -d 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged'
complete -c dts -n "__fish_dts_needs_command" -s v -l verbose -d 'Show on stderr where each setting came from and each attempt (secrets redacted)'
complete -c dts -n "__fish_dts_needs_command" -l no-credential-cache -d 'Assume roles afresh instead of using keys cached from an earlier run [env: DTS_CREDENTIAL_CACHE=off]'
complete -c dts -n "__fish_dts_needs_command" -l dry-run -d 'Print the signed request that would be sent (SecurityToken shortened to 4 characters), send nothing, exit 0'
complete -c dts -n "__fish_dts_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dts -n "__fish_dts_needs_command" -s V -l version -d 'Print version'
complete -c dts -n "__fish_dts_needs_command" -f -a "suspend" -d 'Pause a job (SuspendDtsJob)'
complete -c dts -n "__fish_dts_needs_command" -f -a "pause" -d 'Pause a job (SuspendDtsJob)'
complete -c dts -n "__fish_dts_needs_command" -f -a "resume" -d 'Resume a paused job (StartDtsJob)'
complete -c dts -n "__fish_dts_needs_command" -f -a "start" -d 'Resume a paused job (StartDtsJob)'
complete -c dts -n "__fish_dts_needs_command" -f -a "status" -d 'Show a job\'s status, delay, checkpoint and error (DescribeDtsJobDetail)'
complete -c dts -n "__fish_dts_needs_command" -f -a "list" -d 'List jobs: id, name, type, status, delay, instance, source and destination (DescribeDtsJobs)'
complete -c dts -n "__fish_dts_needs_command" -f -a "configure" -d 'Write a profile to the config file, asking for each value'
complete -c dts -n "__fish_dts_needs_command" -f -a "emulator" -d 'Run the built-in DTS emulator until Ctrl-C, for scripts and SDKs to talk to (`--endpoint emulator` runs one inside dts instead)'
complete -c dts -n "__fish_dts_needs_command" -f -a "completions" -d 'Print a shell completion script on stdout'
complete -c dts -n "__fish_dts_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c dts -n "__fish_dts_using_subcommand suspend" -s j -l job-id -d 'The task ID (DtsJobId); repeat for several jobs, or give - to read one ID a line from stdin (blank lines and # comments skipped)' -r
complete -c dts -n "__fish_dts_using_subcommand suspend" -s i -l instance-id -d 'The instance ID (DtsInstanceId)' -r
complete -c dts -n "__fish_dts_using_subcommand suspend" -s d -l direction -d 'For two-way synchronization: which direction (any letter case)' -r -f -a "forward\t''
reverse\t''"
complete -c dts -n "__fish_dts_using_subcommand suspend" -s r -l region -d 'The region of the DTS instance, such as cn-hangzhou; with --all, repeat for several [env: ALIBABA_CLOUD_REGION_ID]' -r
complete -c dts -n "__fish_dts_using_subcommand suspend" -l parallel -d 'With several jobs: how many requests may be in flight at once' -r
complete -c dts -n "__fish_dts_using_subcommand suspend" -l wait-timeout -d 'Give up waiting after this many seconds (exit 10)' -r
complete -c dts -n "__fish_dts_using_subcommand suspend" -l poll-interval -d 'Seconds between two polls while waiting' -r
complete -c dts -n "__fish_dts_using_subcommand suspend" -l type -d 'Job types to list [default: all]' -r -f -a "migration\t''
sync\t''
subscribe\t''
all\t'All three, one listing each'"
complete -c dts -n "__fish_dts_using_subcommand suspend" -l status -d 'Only jobs in this status (any letter case); repeat for several' -r
complete -c dts -n "__fish_dts_using_subcommand suspend" -l name -d 'Only jobs whose name contains this text' -r
complete -c dts -n "__fish_dts_using_subcommand suspend" -l tag -d 'Only jobs with this tag; repeat for several' -r
complete -c dts -n "__fish_dts_using_subcommand suspend" -l limit -d 'Stop after this many jobs' -r
complete -c dts -n "__fish_dts_using_subcommand suspend" -s p -l profile -d 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]' -r
complete -c dts -n "__fish_dts_using_subcommand suspend" -l config -d 'The profile file [env: DTS_CONFIG] [default: <config dir>/dts/config.toml]' -r -F
complete -c dts -n "__fish_dts_using_subcommand suspend" -l endpoint -d 'Call this endpoint instead of the region\'s; a bare host means https://HOST; `emulator` runs the built-in DTS emulator (no account needed) [env: DTS_ENDPOINT]' -r
complete -c dts -n "__fish_dts_using_subcommand suspend" -s o -l output -d 'Output format [env: DTS_OUTPUT] [default: table]' -r -f -a "table\t'A small table for people'
json\t'The service\'s JSON answer, one object'"
complete -c dts -n "__fish_dts_using_subcommand suspend" -l timeout -d 'Time limit for each attempt in seconds, fractions allowed [env: DTS_TIMEOUT] [default: 10]' -r
complete -c dts -n "__fish_dts_using_subcommand suspend" -l retries -d 'Retries after throttling, service or network errors; 0 for none [env: DTS_RETRIES] [default: 3]' -r
complete -c dts -n "__fish_dts_using_subcommand suspend" -l rate -d 'Most DTS calls a second for the whole run; 0 for no limit; a throttled answer halves it for a while [env: DTS_RATE] [default: 10]' -r
complete -c dts -n "__fish_dts_using_subcommand suspend" -s w -l wait -d 'After the call succeeds, poll the job until it shows the awaited status (Suspending after suspend; a running status after resume)'
complete -c dts -n "__fish_dts_using_subcommand suspend" -l all -d 'Act on every job the filters select (by default the running ones for suspend, the paused ones for resume), after a confirmation'
complete -c dts -n "__fish_dts_using_subcommand suspend" -s y -l yes -d 'With --all: do not ask for confirmation (needed without a terminal)'
complete -c dts -n "__fish_dts_using_subcommand suspend" -s q -l quiet -d 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged'
complete -c dts -n "__fish_dts_using_subcommand suspend" -s v -l verbose -d 'Show on stderr where each setting came from and each attempt (secrets redacted)'
complete -c dts -n "__fish_dts_using_subcommand suspend" -l no-credential-cache -d 'Assume roles afresh instead of using keys cached from an earlier run [env: DTS_CREDENTIAL_CACHE=off]'
complete -c dts -n "__fish_dts_using_subcommand suspend" -l dry-run -d 'Print the signed request that would be sent (SecurityToken shortened to 4 characters), send nothing, exit 0'
complete -c dts -n "__fish_dts_using_subcommand suspend" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dts -n "__fish_dts_using_subcommand pause" -s j -l job-id -d 'The task ID (DtsJobId); repeat for several jobs, or give - to read one ID a line from stdin (blank lines and # comments skipped)' -r
complete -c dts -n "__fish_dts_using_subcommand pause" -s i -l instance-id -d 'The instance ID (DtsInstanceId)' -r
complete -c dts -n "__fish_dts_using_subcommand pause" -s d -l direction -d 'For two-way synchronization: which direction (any letter case)' -r -f -a "forward\t''
reverse\t''"
complete -c dts -n "__fish_dts_using_subcommand pause" -s r -l region -d 'The region of the DTS instance, such as cn-hangzhou; with --all, repeat for several [env: ALIBABA_CLOUD_REGION_ID]' -r
complete -c dts -n "__fish_dts_using_subcommand pause" -l parallel -d 'With several jobs: how many requests may be in flight at once' -r
complete -c dts -n "__fish_dts_using_subcommand pause" -l wait-timeout -d 'Give up waiting after this many seconds (exit 10)' -r
complete -c dts -n "__fish_dts_using_subcommand pause" -l poll-interval -d 'Seconds between two polls while waiting' -r
complete -c dts -n "__fish_dts_using_subcommand pause" -l type -d 'Job types to list [default: all]' -r -f -a "migration\t''
sync\t''
subscribe\t''
all\t'All three, one listing each'"
complete -c dts -n "__fish_dts_using_subcommand pause" -l status -d 'Only jobs in this status (any letter case); repeat for several' -r
complete -c dts -n "__fish_dts_using_subcommand pause" -l name -d 'Only jobs whose name contains this text' -r
complete -c dts -n "__fish_dts_using_subcommand pause" -l tag -d 'Only jobs with this tag; repeat for several' -r
complete -c dts -n "__fish_dts_using_subcommand pause" -l limit -d 'Stop after this many jobs' -r
complete -c dts -n "__fish_dts_using_subcommand pause" -s p -l profile -d 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]' -r
complete -c dts -n "__fish_dts_using_subcommand pause" -l config -d 'The profile file [env: DTS_CONFIG] [default: <config dir>/dts/config.toml]' -r -F
complete -c dts -n "__fish_dts_using_subcommand pause" -l endpoint -d 'Call this endpoint instead of the region\'s; a bare host means https://HOST; `emulator` runs the built-in DTS emulator (no account needed) [env: DTS_ENDPOINT]' -r
complete -c dts -n "__fish_dts_using_subcommand pause" -s o -l output -d 'Output format [env: DTS_OUTPUT] [default: table]' -r -f -a "table\t'A small table for people'
json\t'The service\'s JSON answer, one object'"
complete -c dts -n "__fish_dts_using_subcommand pause" -l timeout -d 'Time limit for each attempt in seconds, fractions allowed [env: DTS_TIMEOUT] [default: 10]' -r
complete -c dts -n "__fish_dts_using_subcommand pause" -l retries -d 'Retries after throttling, service or network errors; 0 for none [env: DTS_RETRIES] [default: 3]' -r
complete -c dts -n "__fish_dts_using_subcommand pause" -l rate -d 'Most DTS calls a second for the whole run; 0 for no limit; a throttled answer halves it for a while [env: DTS_RATE] [default: 10]' -r
complete -c dts -n "__fish_dts_using_subcommand pause" -s w -l wait -d 'After the call succeeds, poll the job until it shows the awaited status (Suspending after suspend; a running status after resume)'
complete -c dts -n "__fish_dts_using_subcommand pause" -l all -d 'Act on every job the filters select (by default the running ones for suspend, the paused ones for resume), after a confirmation'
complete -c dts -n "__fish_dts_using_subcommand pause" -s y -l yes -d 'With --all: do not ask for confirmation (needed without a terminal)'
complete -c dts -n "__fish_dts_using_subcommand pause" -s q -l quiet -d 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged'
complete -c dts -n "__fish_dts_using_subcommand pause" -s v -l verbose -d 'Show on stderr where each setting came from and each attempt (secrets redacted)'
complete -c dts -n "__fish_dts_using_subcommand pause" -l no-credential-cache -d 'Assume roles afresh instead of using keys cached from an earlier run [env: DTS_CREDENTIAL_CACHE=off]'
complete -c dts -n "__fish_dts_using_subcommand pause" -l dry-run -d 'Print the signed request that would be sent (SecurityToken shortened to 4 characters), send nothing, exit 0'
complete -c dts -n "__fish_dts_using_subcommand pause" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dts -n "__fish_dts_using_subcommand resume" -s j -l job-id -d 'The task ID (DtsJobId); repeat for several jobs, or give - to read one ID a line from stdin (blank lines and # comments skipped)' -r
complete -c dts -n "__fish_dts_using_subcommand resume" -s i -l instance-id -d 'The instance ID (DtsInstanceId)' -r
complete -c dts -n "__fish_dts_using_subcommand resume" -s d -l direction -d 'For two-way synchronization: which direction (any letter case)' -r -f -a "forward\t''
reverse\t''"
complete -c dts -n "__fish_dts_using_subcommand resume" -s r -l region -d 'The region of the DTS instance, such as cn-hangzhou; with --all, repeat for several [env: ALIBABA_CLOUD_REGION_ID]' -r
complete -c dts -n "__fish_dts_using_subcommand resume" -l parallel -d 'With several jobs: how many requests may be in flight at once' -r
complete -c dts -n "__fish_dts_using_subcommand resume" -l wait-timeout -d 'Give up waiting after this many seconds (exit 10)' -r
complete -c dts -n "__fish_dts_using_subcommand resume" -l poll-interval -d 'Seconds between two polls while waiting' -r
complete -c dts -n "__fish_dts_using_subcommand resume" -l type -d 'Job types to list [default: all]' -r -f -a "migration\t''
sync\t''
subscribe\t''
all\t'All three, one listing each'"
complete -c dts -n "__fish_dts_using_subcommand resume" -l status -d 'Only jobs in this status (any letter case); repeat for several' -r
complete -c dts -n "__fish_dts_using_subcommand resume" -l name -d 'Only jobs whose name contains this text' -r
complete -c dts -n "__fish_dts_using_subcommand resume" -l tag -d 'Only jobs with this tag; repeat for several' -r
complete -c dts -n "__fish_dts_using_subcommand resume" -l limit -d 'Stop after this many jobs' -r
complete -c dts -n "__fish_dts_using_subcommand resume" -s p -l profile -d 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]' -r
complete -c dts -n "__fish_dts_using_subcommand resume" -l config -d 'The profile file [env: DTS_CONFIG] [default: <config dir>/dts/config.toml]' -r -F
complete -c dts -n "__fish_dts_using_subcommand resume" -l endpoint -d 'Call this endpoint instead of the region\'s; a bare host means https://HOST; `emulator` runs the built-in DTS emulator (no account needed) [env: DTS_ENDPOINT]' -r
complete -c dts -n "__fish_dts_using_subcommand resume" -s o -l output -d 'Output format [env: DTS_OUTPUT] [default: table]' -r -f -a "table\t'A small table for people'
json\t'The service\'s JSON answer, one object'"
complete -c dts -n "__fish_dts_using_subcommand resume" -l timeout -d 'Time limit for each attempt in seconds, fractions allowed [env: DTS_TIMEOUT] [default: 10]' -r
complete -c dts -n "__fish_dts_using_subcommand resume" -l retries -d 'Retries after throttling, service or network errors; 0 for none [env: DTS_RETRIES] [default: 3]' -r
complete -c dts -n "__fish_dts_using_subcommand resume" -l rate -d 'Most DTS calls a second for the whole run; 0 for no limit; a throttled answer halves it for a while [env: DTS_RATE] [default: 10]' -r
complete -c dts -n "__fish_dts_using_subcommand resume" -s w -l wait -d 'After the call succeeds, poll the job until it shows the awaited status (Suspending after suspend; a running status after resume)'
complete -c dts -n "__fish_dts_using_subcommand resume" -l all -d 'Act on every job the filters select (by default the running ones for suspend, the paused ones for resume), after a confirmation'
complete -c dts -n "__fish_dts_using_subcommand resume" -s y -l yes -d 'With --all: do not ask for confirmation (needed without a terminal)'
complete -c dts -n "__fish_dts_using_subcommand resume" -s q -l quiet -d 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged'
complete -c dts -n "__fish_dts_using_subcommand resume" -s v -l verbose -d 'Show on stderr where each setting came from and each attempt (secrets redacted)'
complete -c dts -n "__fish_dts_using_subcommand resume" -l no-credential-cache -d 'Assume roles afresh instead of using keys cached from an earlier run [env: DTS_CREDENTIAL_CACHE=off]'
complete -c dts -n "__fish_dts_using_subcommand resume" -l dry-run -d 'Print the signed request that would be sent (SecurityToken shortened to 4 characters), send nothing, exit 0'
complete -c dts -n "__fish_dts_using_subcommand resume" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dts -n "__fish_dts_using_subcommand start" -s j -l job-id -d 'The task ID (DtsJobId); repeat for several jobs, or give - to read one ID a line from stdin (blank lines and # comments skipped)' -r
complete -c dts -n "__fish_dts_using_subcommand start" -s i -l instance-id -d 'The instance ID (DtsInstanceId)' -r
complete -c dts -n "__fish_dts_using_subcommand start" -s d -l direction -d 'For two-way synchronization: which direction (any letter case)' -r -f -a "forward\t''
reverse\t''"
complete -c dts -n "__fish_dts_using_subcommand start" -s r -l region -d 'The region of the DTS instance, such as cn-hangzhou; with --all, repeat for several [env: ALIBABA_CLOUD_REGION_ID]' -r
complete -c dts -n "__fish_dts_using_subcommand start" -l parallel -d 'With several jobs: how many requests may be in flight at once' -r
complete -c dts -n "__fish_dts_using_subcommand start" -l wait-timeout -d 'Give up waiting after this many seconds (exit 10)' -r
complete -c dts -n "__fish_dts_using_subcommand start" -l poll-interval -d 'Seconds between two polls while waiting' -r
complete -c dts -n "__fish_dts_using_subcommand start" -l type -d 'Job types to list [default: all]' -r -f -a "migration\t''
sync\t''
subscribe\t''
all\t'All three, one listing each'"
complete -c dts -n "__fish_dts_using_subcommand start" -l status -d 'Only jobs in this status (any letter case); repeat for several' -r
complete -c dts -n "__fish_dts_using_subcommand start" -l name -d 'Only jobs whose name contains this text' -r
complete -c dts -n "__fish_dts_using_subcommand start" -l tag -d 'Only jobs with this tag; repeat for several' -r
complete -c dts -n "__fish_dts_using_subcommand start" -l limit -d 'Stop after this many jobs' -r
complete -c dts -n "__fish_dts_using_subcommand start" -s p -l profile -d 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]' -r
complete -c dts -n "__fish_dts_using_subcommand start" -l config -d 'The profile file [env: DTS_CONFIG] [default: <config dir>/dts/config.toml]' -r -F
complete -c dts -n "__fish_dts_using_subcommand start" -l endpoint -d 'Call this endpoint instead of the region\'s; a bare host means https://HOST; `emulator` runs the built-in DTS emulator (no account needed) [env: DTS_ENDPOINT]' -r
complete -c dts -n "__fish_dts_using_subcommand start" -s o -l output -d 'Output format [env: DTS_OUTPUT] [default: table]' -r -f -a "table\t'A small table for people'
json\t'The service\'s JSON answer, one object'"
complete -c dts -n "__fish_dts_using_subcommand start" -l timeout -d 'Time limit for each attempt in seconds, fractions allowed [env: DTS_TIMEOUT] [default: 10]' -r
complete -c dts -n "__fish_dts_using_subcommand start" -l retries -d 'Retries after throttling, service or network errors; 0 for none [env: DTS_RETRIES] [default: 3]' -r
complete -c dts -n "__fish_dts_using_subcommand start" -l rate -d 'Most DTS calls a second for the whole run; 0 for no limit; a throttled answer halves it for a while [env: DTS_RATE] [default: 10]' -r
complete -c dts -n "__fish_dts_using_subcommand start" -s w -l wait -d 'After the call succeeds, poll the job until it shows the awaited status (Suspending after suspend; a running status after resume)'
complete -c dts -n "__fish_dts_using_subcommand start" -l all -d 'Act on every job the filters select (by default the running ones for suspend, the paused ones for resume), after a confirmation'
complete -c dts -n "__fish_dts_using_subcommand start" -s y -l yes -d 'With --all: do not ask for confirmation (needed without a terminal)'
complete -c dts -n "__fish_dts_using_subcommand start" -s q -l quiet -d 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged'
complete -c dts -n "__fish_dts_using_subcommand start" -s v -l verbose -d 'Show on stderr where each setting came from and each attempt (secrets redacted)'
complete -c dts -n "__fish_dts_using_subcommand start" -l no-credential-cache -d 'Assume roles afresh instead of using keys cached from an earlier run [env: DTS_CREDENTIAL_CACHE=off]'
complete -c dts -n "__fish_dts_using_subcommand start" -l dry-run -d 'Print the signed request that would be sent (SecurityToken shortened to 4 characters), send nothing, exit 0'
complete -c dts -n "__fish_dts_using_subcommand start" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dts -n "__fish_dts_using_subcommand status" -s j -l job-id -d 'The task ID (DtsJobId); repeat for several jobs, or give - to read one ID a line from stdin (blank lines and # comments skipped)' -r
complete -c dts -n "__fish_dts_using_subcommand status" -s i -l instance-id -d 'The instance ID (DtsInstanceId)' -r
complete -c dts -n "__fish_dts_using_subcommand status" -s d -l direction -d 'For two-way synchronization: which direction (any letter case)' -r -f -a "forward\t''
reverse\t''"
complete -c dts -n "__fish_dts_using_subcommand status" -s r -l region -d 'The region of the DTS instance, such as cn-hangzhou; with --all, repeat for several [env: ALIBABA_CLOUD_REGION_ID]' -r
complete -c dts -n "__fish_dts_using_subcommand status" -l parallel -d 'With several jobs: how many requests may be in flight at once' -r
complete -c dts -n "__fish_dts_using_subcommand status" -s p -l profile -d 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]' -r
complete -c dts -n "__fish_dts_using_subcommand status" -l config -d 'The profile file [env: DTS_CONFIG] [default: <config dir>/dts/config.toml]' -r -F
complete -c dts -n "__fish_dts_using_subcommand status" -l endpoint -d 'Call this endpoint instead of the region\'s; a bare host means https://HOST; `emulator` runs the built-in DTS emulator (no account needed) [env: DTS_ENDPOINT]' -r
complete -c dts -n "__fish_dts_using_subcommand status" -s o -l output -d 'Output format [env: DTS_OUTPUT] [default: table]' -r -f -a "table\t'A small table for people'
json\t'The service\'s JSON answer, one object'"
complete -c dts -n "__fish_dts_using_subcommand status" -l timeout -d 'Time limit for each attempt in seconds, fractions allowed [env: DTS_TIMEOUT] [default: 10]' -r
complete -c dts -n "__fish_dts_using_subcommand status" -l retries -d 'Retries after throttling, service or network errors; 0 for none [env: DTS_RETRIES] [default: 3]' -r
complete -c dts -n "__fish_dts_using_subcommand status" -l rate -d 'Most DTS calls a second for the whole run; 0 for no limit; a throttled answer halves it for a while [env: DTS_RATE] [default: 10]' -r
complete -c dts -n "__fish_dts_using_subcommand status" -s q -l quiet -d 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged'
complete -c dts -n "__fish_dts_using_subcommand status" -s v -l verbose -d 'Show on stderr where each setting came from and each attempt (secrets redacted)'
complete -c dts -n "__fish_dts_using_subcommand status" -l no-credential-cache -d 'Assume roles afresh instead of using keys cached from an earlier run [env: DTS_CREDENTIAL_CACHE=off]'
complete -c dts -n "__fish_dts_using_subcommand status" -l dry-run -d 'Print the signed request that would be sent (SecurityToken shortened to 4 characters), send nothing, exit 0'
complete -c dts -n "__fish_dts_using_subcommand status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dts -n "__fish_dts_using_subcommand list" -s r -l region -d 'The region to list; repeat for several [env: ALIBABA_CLOUD_REGION_ID]' -r
complete -c dts -n "__fish_dts_using_subcommand list" -s i -l instance-id -d 'Only the jobs of this instance' -r
complete -c dts -n "__fish_dts_using_subcommand list" -l type -d 'Job types to list [default: all]' -r -f -a "migration\t''
sync\t''
subscribe\t''
all\t'All three, one listing each'"
complete -c dts -n "__fish_dts_using_subcommand list" -l status -d 'Only jobs in this status (any letter case); repeat for several' -r
complete -c dts -n "__fish_dts_using_subcommand list" -l name -d 'Only jobs whose name contains this text' -r
complete -c dts -n "__fish_dts_using_subcommand list" -l tag -d 'Only jobs with this tag; repeat for several' -r
complete -c dts -n "__fish_dts_using_subcommand list" -l limit -d 'Stop after this many jobs' -r
complete -c dts -n "__fish_dts_using_subcommand list" -s p -l profile -d 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]' -r
complete -c dts -n "__fish_dts_using_subcommand list" -l config -d 'The profile file [env: DTS_CONFIG] [default: <config dir>/dts/config.toml]' -r -F
complete -c dts -n "__fish_dts_using_subcommand list" -l endpoint -d 'Call this endpoint instead of the region\'s; a bare host means https://HOST; `emulator` runs the built-in DTS emulator (no account needed) [env: DTS_ENDPOINT]' -r
complete -c dts -n "__fish_dts_using_subcommand list" -s o -l output -d 'Output format [env: DTS_OUTPUT] [default: table]' -r -f -a "table\t'A small table for people'
json\t'The service\'s JSON answer, one object'"
complete -c dts -n "__fish_dts_using_subcommand list" -l timeout -d 'Time limit for each attempt in seconds, fractions allowed [env: DTS_TIMEOUT] [default: 10]' -r
complete -c dts -n "__fish_dts_using_subcommand list" -l retries -d 'Retries after throttling, service or network errors; 0 for none [env: DTS_RETRIES] [default: 3]' -r
complete -c dts -n "__fish_dts_using_subcommand list" -l rate -d 'Most DTS calls a second for the whole run; 0 for no limit; a throttled answer halves it for a while [env: DTS_RATE] [default: 10]' -r
complete -c dts -n "__fish_dts_using_subcommand list" -s q -l quiet -d 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged'
complete -c dts -n "__fish_dts_using_subcommand list" -s v -l verbose -d 'Show on stderr where each setting came from and each attempt (secrets redacted)'
complete -c dts -n "__fish_dts_using_subcommand list" -l no-credential-cache -d 'Assume roles afresh instead of using keys cached from an earlier run [env: DTS_CREDENTIAL_CACHE=off]'
complete -c dts -n "__fish_dts_using_subcommand list" -l dry-run -d 'Print the signed request that would be sent (SecurityToken shortened to 4 characters), send nothing, exit 0'
complete -c dts -n "__fish_dts_using_subcommand list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dts -n "__fish_dts_using_subcommand configure" -l role-arn -d 'Write a ram_role_arn profile that assumes this role (the key pair asked for is the source, unless --source-profile names one)' -r
complete -c dts -n "__fish_dts_using_subcommand configure" -l source-profile -d 'With --role-arn: assume the role with the credentials of this profile instead of a key pair' -r
complete -c dts -n "__fish_dts_using_subcommand configure" -l role-session-name -d 'With --role-arn: the role session name (default dts-<unix seconds>)' -r
complete -c dts -n "__fish_dts_using_subcommand configure" -s p -l profile -d 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]' -r
complete -c dts -n "__fish_dts_using_subcommand configure" -l config -d 'The profile file [env: DTS_CONFIG] [default: <config dir>/dts/config.toml]' -r -F
complete -c dts -n "__fish_dts_using_subcommand configure" -l endpoint -d 'Call this endpoint instead of the region\'s; a bare host means https://HOST; `emulator` runs the built-in DTS emulator (no account needed) [env: DTS_ENDPOINT]' -r
complete -c dts -n "__fish_dts_using_subcommand configure" -s o -l output -d 'Output format [env: DTS_OUTPUT] [default: table]' -r -f -a "table\t'A small table for people'
json\t'The service\'s JSON answer, one object'"
complete -c dts -n "__fish_dts_using_subcommand configure" -l timeout -d 'Time limit for each attempt in seconds, fractions allowed [env: DTS_TIMEOUT] [default: 10]' -r
complete -c dts -n "__fish_dts_using_subcommand configure" -l retries -d 'Retries after throttling, service or network errors; 0 for none [env: DTS_RETRIES] [default: 3]' -r
complete -c dts -n "__fish_dts_using_subcommand configure" -l rate -d 'Most DTS calls a second for the whole run; 0 for no limit; a throttled answer halves it for a while [env: DTS_RATE] [default: 10]' -r
complete -c dts -n "__fish_dts_using_subcommand configure" -s q -l quiet -d 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged'
complete -c dts -n "__fish_dts_using_subcommand configure" -s v -l verbose -d 'Show on stderr where each setting came from and each attempt (secrets redacted)'
complete -c dts -n "__fish_dts_using_subcommand configure" -l no-credential-cache -d 'Assume roles afresh instead of using keys cached from an earlier run [env: DTS_CREDENTIAL_CACHE=off]'
complete -c dts -n "__fish_dts_using_subcommand configure" -l dry-run -d 'Print the signed request that would be sent (SecurityToken shortened to 4 characters), send nothing, exit 0'
complete -c dts -n "__fish_dts_using_subcommand configure" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dts -n "__fish_dts_using_subcommand emulator" -l listen -d 'The address to listen on (loopback unless you name another)' -r
complete -c dts -n "__fish_dts_using_subcommand emulator" -l state -d 'The file the emulated jobs are kept in [default: <data dir>/dts/emulator.json]' -r -F
complete -c dts -n "__fish_dts_using_subcommand emulator" -l rate-limit -d 'Calls a second per key and action before Throttling.User; 0 for no limit' -r
complete -c dts -n "__fish_dts_using_subcommand emulator" -l access-key-id -d 'Accept this key too (with --access-key-secret)' -r
complete -c dts -n "__fish_dts_using_subcommand emulator" -l access-key-secret -d 'The secret of --access-key-id' -r
complete -c dts -n "__fish_dts_using_subcommand emulator" -s p -l profile -d 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]' -r
complete -c dts -n "__fish_dts_using_subcommand emulator" -l config -d 'The profile file [env: DTS_CONFIG] [default: <config dir>/dts/config.toml]' -r -F
complete -c dts -n "__fish_dts_using_subcommand emulator" -l endpoint -d 'Call this endpoint instead of the region\'s; a bare host means https://HOST; `emulator` runs the built-in DTS emulator (no account needed) [env: DTS_ENDPOINT]' -r
complete -c dts -n "__fish_dts_using_subcommand emulator" -s o -l output -d 'Output format [env: DTS_OUTPUT] [default: table]' -r -f -a "table\t'A small table for people'
json\t'The service\'s JSON answer, one object'"
complete -c dts -n "__fish_dts_using_subcommand emulator" -l timeout -d 'Time limit for each attempt in seconds, fractions allowed [env: DTS_TIMEOUT] [default: 10]' -r
complete -c dts -n "__fish_dts_using_subcommand emulator" -l retries -d 'Retries after throttling, service or network errors; 0 for none [env: DTS_RETRIES] [default: 3]' -r
complete -c dts -n "__fish_dts_using_subcommand emulator" -l rate -d 'Most DTS calls a second for the whole run; 0 for no limit; a throttled answer halves it for a while [env: DTS_RATE] [default: 10]' -r
complete -c dts -n "__fish_dts_using_subcommand emulator" -l reset -d 'Start from the seeded fleet again'
complete -c dts -n "__fish_dts_using_subcommand emulator" -s q -l quiet -d 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged'
complete -c dts -n "__fish_dts_using_subcommand emulator" -s v -l verbose -d 'Show on stderr where each setting came from and each attempt (secrets redacted)'
complete -c dts -n "__fish_dts_using_subcommand emulator" -l no-credential-cache -d 'Assume roles afresh instead of using keys cached from an earlier run [env: DTS_CREDENTIAL_CACHE=off]'
complete -c dts -n "__fish_dts_using_subcommand emulator" -l dry-run -d 'Print the signed request that would be sent (SecurityToken shortened to 4 characters), send nothing, exit 0'
complete -c dts -n "__fish_dts_using_subcommand emulator" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dts -n "__fish_dts_using_subcommand completions" -s p -l profile -d 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]' -r
complete -c dts -n "__fish_dts_using_subcommand completions" -l config -d 'The profile file [env: DTS_CONFIG] [default: <config dir>/dts/config.toml]' -r -F
complete -c dts -n "__fish_dts_using_subcommand completions" -l endpoint -d 'Call this endpoint instead of the region\'s; a bare host means https://HOST; `emulator` runs the built-in DTS emulator (no account needed) [env: DTS_ENDPOINT]' -r
complete -c dts -n "__fish_dts_using_subcommand completions" -s o -l output -d 'Output format [env: DTS_OUTPUT] [default: table]' -r -f -a "table\t'A small table for people'
json\t'The service\'s JSON answer, one object'"
complete -c dts -n "__fish_dts_using_subcommand completions" -l timeout -d 'Time limit for each attempt in seconds, fractions allowed [env: DTS_TIMEOUT] [default: 10]' -r
complete -c dts -n "__fish_dts_using_subcommand completions" -l retries -d 'Retries after throttling, service or network errors; 0 for none [env: DTS_RETRIES] [default: 3]' -r
complete -c dts -n "__fish_dts_using_subcommand completions" -l rate -d 'Most DTS calls a second for the whole run; 0 for no limit; a throttled answer halves it for a while [env: DTS_RATE] [default: 10]' -r
complete -c dts -n "__fish_dts_using_subcommand completions" -s q -l quiet -d 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged'
complete -c dts -n "__fish_dts_using_subcommand completions" -s v -l verbose -d 'Show on stderr where each setting came from and each attempt (secrets redacted)'
complete -c dts -n "__fish_dts_using_subcommand completions" -l no-credential-cache -d 'Assume roles afresh instead of using keys cached from an earlier run [env: DTS_CREDENTIAL_CACHE=off]'
complete -c dts -n "__fish_dts_using_subcommand completions" -l dry-run -d 'Print the signed request that would be sent (SecurityToken shortened to 4 characters), send nothing, exit 0'
complete -c dts -n "__fish_dts_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dts -n "__fish_dts_using_subcommand help; and not __fish_seen_subcommand_from suspend resume status list configure emulator completions help" -f -a "suspend" -d 'Pause a job (SuspendDtsJob)'
complete -c dts -n "__fish_dts_using_subcommand help; and not __fish_seen_subcommand_from suspend resume status list configure emulator completions help" -f -a "resume" -d 'Resume a paused job (StartDtsJob)'
complete -c dts -n "__fish_dts_using_subcommand help; and not __fish_seen_subcommand_from suspend resume status list configure emulator completions help" -f -a "status" -d 'Show a job\'s status, delay, checkpoint and error (DescribeDtsJobDetail)'
complete -c dts -n "__fish_dts_using_subcommand help; and not __fish_seen_subcommand_from suspend resume status list configure emulator completions help" -f -a "list" -d 'List jobs: id, name, type, status, delay, instance, source and destination (DescribeDtsJobs)'
complete -c dts -n "__fish_dts_using_subcommand help; and not __fish_seen_subcommand_from suspend resume status list configure emulator completions help" -f -a "configure" -d 'Write a profile to the config file, asking for each value'
complete -c dts -n "__fish_dts_using_subcommand help; and not __fish_seen_subcommand_from suspend resume status list configure emulator completions help" -f -a "emulator" -d 'Run the built-in DTS emulator until Ctrl-C, for scripts and SDKs to talk to (`--endpoint emulator` runs one inside dts instead)'
complete -c dts -n "__fish_dts_using_subcommand help; and not __fish_seen_subcommand_from suspend resume status list configure emulator completions help" -f -a "completions" -d 'Print a shell completion script on stdout'
complete -c dts -n "__fish_dts_using_subcommand help; and not __fish_seen_subcommand_from suspend resume status list configure emulator completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
