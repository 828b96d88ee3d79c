
use builtin;
use str;

set edit:completion:arg-completer[dts] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'dts'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'dts'= {
            cand -p 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]'
            cand --profile 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]'
            cand --config 'The profile file [env: DTS_CONFIG] [default: <config dir>/dts/config.toml]'
            cand --endpoint 'Call this endpoint instead of the region''s; a bare host means https://HOST [env: DTS_ENDPOINT]'
            cand -o 'Output format [env: DTS_OUTPUT] [default: table]'
            cand --output 'Output format [env: DTS_OUTPUT] [default: table]'
            cand --timeout 'Time limit for each attempt in seconds, fractions allowed [env: DTS_TIMEOUT] [default: 10]'
            cand --retries 'Retries after throttling, service or network errors; 0 for none [env: DTS_RETRIES] [default: 3]'
            cand -q 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged'
            cand --quiet 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged'
            cand -v 'Show on stderr where each setting came from and each attempt (secrets redacted)'
            cand --verbose 'Show on stderr where each setting came from and each attempt (secrets redacted)'
            cand --dry-run 'Print the signed request that would be sent (SecurityToken shortened to 4 characters), send nothing, exit 0'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand suspend 'Pause a job (SuspendDtsJob)'
            cand pause 'Pause a job (SuspendDtsJob)'
            cand resume 'Resume a paused job (StartDtsJob)'
            cand start 'Resume a paused job (StartDtsJob)'
            cand status 'Show a job''s status, delay, checkpoint and error (DescribeDtsJobDetail)'
            cand configure 'Write a profile to the config file, asking for each value'
            cand completions 'Print a shell completion script on stdout'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dts;suspend'= {
            cand -j 'The task ID (DtsJobId); repeat for several jobs, or give - to read one ID a line from stdin (blank lines and # comments skipped)'
            cand --job-id 'The task ID (DtsJobId); repeat for several jobs, or give - to read one ID a line from stdin (blank lines and # comments skipped)'
            cand -i 'The instance ID (DtsInstanceId)'
            cand --instance-id 'The instance ID (DtsInstanceId)'
            cand -d 'For two-way synchronization: which direction (any letter case)'
            cand --direction 'For two-way synchronization: which direction (any letter case)'
            cand -r 'The region of the DTS instance, such as cn-hangzhou [env: ALIBABA_CLOUD_REGION_ID]'
            cand --region 'The region of the DTS instance, such as cn-hangzhou [env: ALIBABA_CLOUD_REGION_ID]'
            cand --parallel 'With several jobs: how many requests may be in flight at once'
            cand --wait-timeout 'Give up waiting after this many seconds (exit 10)'
            cand --poll-interval 'Seconds between two polls while waiting'
            cand -p 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]'
            cand --profile 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]'
            cand --config 'The profile file [env: DTS_CONFIG] [default: <config dir>/dts/config.toml]'
            cand --endpoint 'Call this endpoint instead of the region''s; a bare host means https://HOST [env: DTS_ENDPOINT]'
            cand -o 'Output format [env: DTS_OUTPUT] [default: table]'
            cand --output 'Output format [env: DTS_OUTPUT] [default: table]'
            cand --timeout 'Time limit for each attempt in seconds, fractions allowed [env: DTS_TIMEOUT] [default: 10]'
            cand --retries 'Retries after throttling, service or network errors; 0 for none [env: DTS_RETRIES] [default: 3]'
            cand -w 'After the call succeeds, poll the job until it shows the awaited status (Suspending after suspend; a running status after resume)'
            cand --wait 'After the call succeeds, poll the job until it shows the awaited status (Suspending after suspend; a running status after resume)'
            cand -q 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged'
            cand --quiet 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged'
            cand -v 'Show on stderr where each setting came from and each attempt (secrets redacted)'
            cand --verbose 'Show on stderr where each setting came from and each attempt (secrets redacted)'
            cand --dry-run 'Print the signed request that would be sent (SecurityToken shortened to 4 characters), send nothing, exit 0'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dts;pause'= {
            cand -j 'The task ID (DtsJobId); repeat for several jobs, or give - to read one ID a line from stdin (blank lines and # comments skipped)'
            cand --job-id 'The task ID (DtsJobId); repeat for several jobs, or give - to read one ID a line from stdin (blank lines and # comments skipped)'
            cand -i 'The instance ID (DtsInstanceId)'
            cand --instance-id 'The instance ID (DtsInstanceId)'
            cand -d 'For two-way synchronization: which direction (any letter case)'
            cand --direction 'For two-way synchronization: which direction (any letter case)'
            cand -r 'The region of the DTS instance, such as cn-hangzhou [env: ALIBABA_CLOUD_REGION_ID]'
            cand --region 'The region of the DTS instance, such as cn-hangzhou [env: ALIBABA_CLOUD_REGION_ID]'
            cand --parallel 'With several jobs: how many requests may be in flight at once'
            cand --wait-timeout 'Give up waiting after this many seconds (exit 10)'
            cand --poll-interval 'Seconds between two polls while waiting'
            cand -p 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]'
            cand --profile 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]'
            cand --config 'The profile file [env: DTS_CONFIG] [default: <config dir>/dts/config.toml]'
            cand --endpoint 'Call this endpoint instead of the region''s; a bare host means https://HOST [env: DTS_ENDPOINT]'
            cand -o 'Output format [env: DTS_OUTPUT] [default: table]'
            cand --output 'Output format [env: DTS_OUTPUT] [default: table]'
            cand --timeout 'Time limit for each attempt in seconds, fractions allowed [env: DTS_TIMEOUT] [default: 10]'
            cand --retries 'Retries after throttling, service or network errors; 0 for none [env: DTS_RETRIES] [default: 3]'
            cand -w 'After the call succeeds, poll the job until it shows the awaited status (Suspending after suspend; a running status after resume)'
            cand --wait 'After the call succeeds, poll the job until it shows the awaited status (Suspending after suspend; a running status after resume)'
            cand -q 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged'
            cand --quiet 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged'
            cand -v 'Show on stderr where each setting came from and each attempt (secrets redacted)'
            cand --verbose 'Show on stderr where each setting came from and each attempt (secrets redacted)'
            cand --dry-run 'Print the signed request that would be sent (SecurityToken shortened to 4 characters), send nothing, exit 0'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dts;resume'= {
            cand -j 'The task ID (DtsJobId); repeat for several jobs, or give - to read one ID a line from stdin (blank lines and # comments skipped)'
            cand --job-id 'The task ID (DtsJobId); repeat for several jobs, or give - to read one ID a line from stdin (blank lines and # comments skipped)'
            cand -i 'The instance ID (DtsInstanceId)'
            cand --instance-id 'The instance ID (DtsInstanceId)'
            cand -d 'For two-way synchronization: which direction (any letter case)'
            cand --direction 'For two-way synchronization: which direction (any letter case)'
            cand -r 'The region of the DTS instance, such as cn-hangzhou [env: ALIBABA_CLOUD_REGION_ID]'
            cand --region 'The region of the DTS instance, such as cn-hangzhou [env: ALIBABA_CLOUD_REGION_ID]'
            cand --parallel 'With several jobs: how many requests may be in flight at once'
            cand --wait-timeout 'Give up waiting after this many seconds (exit 10)'
            cand --poll-interval 'Seconds between two polls while waiting'
            cand -p 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]'
            cand --profile 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]'
            cand --config 'The profile file [env: DTS_CONFIG] [default: <config dir>/dts/config.toml]'
            cand --endpoint 'Call this endpoint instead of the region''s; a bare host means https://HOST [env: DTS_ENDPOINT]'
            cand -o 'Output format [env: DTS_OUTPUT] [default: table]'
            cand --output 'Output format [env: DTS_OUTPUT] [default: table]'
            cand --timeout 'Time limit for each attempt in seconds, fractions allowed [env: DTS_TIMEOUT] [default: 10]'
            cand --retries 'Retries after throttling, service or network errors; 0 for none [env: DTS_RETRIES] [default: 3]'
            cand -w 'After the call succeeds, poll the job until it shows the awaited status (Suspending after suspend; a running status after resume)'
            cand --wait 'After the call succeeds, poll the job until it shows the awaited status (Suspending after suspend; a running status after resume)'
            cand -q 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged'
            cand --quiet 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged'
            cand -v 'Show on stderr where each setting came from and each attempt (secrets redacted)'
            cand --verbose 'Show on stderr where each setting came from and each attempt (secrets redacted)'
            cand --dry-run 'Print the signed request that would be sent (SecurityToken shortened to 4 characters), send nothing, exit 0'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dts;start'= {
            cand -j 'The task ID (DtsJobId); repeat for several jobs, or give - to read one ID a line from stdin (blank lines and # comments skipped)'
            cand --job-id 'The task ID (DtsJobId); repeat for several jobs, or give - to read one ID a line from stdin (blank lines and # comments skipped)'
            cand -i 'The instance ID (DtsInstanceId)'
            cand --instance-id 'The instance ID (DtsInstanceId)'
            cand -d 'For two-way synchronization: which direction (any letter case)'
            cand --direction 'For two-way synchronization: which direction (any letter case)'
            cand -r 'The region of the DTS instance, such as cn-hangzhou [env: ALIBABA_CLOUD_REGION_ID]'
            cand --region 'The region of the DTS instance, such as cn-hangzhou [env: ALIBABA_CLOUD_REGION_ID]'
            cand --parallel 'With several jobs: how many requests may be in flight at once'
            cand --wait-timeout 'Give up waiting after this many seconds (exit 10)'
            cand --poll-interval 'Seconds between two polls while waiting'
            cand -p 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]'
            cand --profile 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]'
            cand --config 'The profile file [env: DTS_CONFIG] [default: <config dir>/dts/config.toml]'
            cand --endpoint 'Call this endpoint instead of the region''s; a bare host means https://HOST [env: DTS_ENDPOINT]'
            cand -o 'Output format [env: DTS_OUTPUT] [default: table]'
            cand --output 'Output format [env: DTS_OUTPUT] [default: table]'
            cand --timeout 'Time limit for each attempt in seconds, fractions allowed [env: DTS_TIMEOUT] [default: 10]'
            cand --retries 'Retries after throttling, service or network errors; 0 for none [env: DTS_RETRIES] [default: 3]'
            cand -w 'After the call succeeds, poll the job until it shows the awaited status (Suspending after suspend; a running status after resume)'
            cand --wait 'After the call succeeds, poll the job until it shows the awaited status (Suspending after suspend; a running status after resume)'
            cand -q 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged'
            cand --quiet 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged'
            cand -v 'Show on stderr where each setting came from and each attempt (secrets redacted)'
            cand --verbose 'Show on stderr where each setting came from and each attempt (secrets redacted)'
            cand --dry-run 'Print the signed request that would be sent (SecurityToken shortened to 4 characters), send nothing, exit 0'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dts;status'= {
            cand -j 'The task ID (DtsJobId); repeat for several jobs, or give - to read one ID a line from stdin (blank lines and # comments skipped)'
            cand --job-id 'The task ID (DtsJobId); repeat for several jobs, or give - to read one ID a line from stdin (blank lines and # comments skipped)'
            cand -i 'The instance ID (DtsInstanceId)'
            cand --instance-id 'The instance ID (DtsInstanceId)'
            cand -d 'For two-way synchronization: which direction (any letter case)'
            cand --direction 'For two-way synchronization: which direction (any letter case)'
            cand -r 'The region of the DTS instance, such as cn-hangzhou [env: ALIBABA_CLOUD_REGION_ID]'
            cand --region 'The region of the DTS instance, such as cn-hangzhou [env: ALIBABA_CLOUD_REGION_ID]'
            cand --parallel 'With several jobs: how many requests may be in flight at once'
            cand -p 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]'
            cand --profile 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]'
            cand --config 'The profile file [env: DTS_CONFIG] [default: <config dir>/dts/config.toml]'
            cand --endpoint 'Call this endpoint instead of the region''s; a bare host means https://HOST [env: DTS_ENDPOINT]'
            cand -o 'Output format [env: DTS_OUTPUT] [default: table]'
            cand --output 'Output format [env: DTS_OUTPUT] [default: table]'
            cand --timeout 'Time limit for each attempt in seconds, fractions allowed [env: DTS_TIMEOUT] [default: 10]'
            cand --retries 'Retries after throttling, service or network errors; 0 for none [env: DTS_RETRIES] [default: 3]'
            cand -q 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged'
            cand --quiet 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged'
            cand -v 'Show on stderr where each setting came from and each attempt (secrets redacted)'
            cand --verbose 'Show on stderr where each setting came from and each attempt (secrets redacted)'
            cand --dry-run 'Print the signed request that would be sent (SecurityToken shortened to 4 characters), send nothing, exit 0'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dts;configure'= {
            cand -p 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]'
            cand --profile 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]'
            cand --config 'The profile file [env: DTS_CONFIG] [default: <config dir>/dts/config.toml]'
            cand --endpoint 'Call this endpoint instead of the region''s; a bare host means https://HOST [env: DTS_ENDPOINT]'
            cand -o 'Output format [env: DTS_OUTPUT] [default: table]'
            cand --output 'Output format [env: DTS_OUTPUT] [default: table]'
            cand --timeout 'Time limit for each attempt in seconds, fractions allowed [env: DTS_TIMEOUT] [default: 10]'
            cand --retries 'Retries after throttling, service or network errors; 0 for none [env: DTS_RETRIES] [default: 3]'
            cand -q 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged'
            cand --quiet 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged'
            cand -v 'Show on stderr where each setting came from and each attempt (secrets redacted)'
            cand --verbose 'Show on stderr where each setting came from and each attempt (secrets redacted)'
            cand --dry-run 'Print the signed request that would be sent (SecurityToken shortened to 4 characters), send nothing, exit 0'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dts;completions'= {
            cand -p 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]'
            cand --profile 'Use this profile from the config file, ignoring credentials in the environment [env: ALIBABA_CLOUD_PROFILE] [default: default]'
            cand --config 'The profile file [env: DTS_CONFIG] [default: <config dir>/dts/config.toml]'
            cand --endpoint 'Call this endpoint instead of the region''s; a bare host means https://HOST [env: DTS_ENDPOINT]'
            cand -o 'Output format [env: DTS_OUTPUT] [default: table]'
            cand --output 'Output format [env: DTS_OUTPUT] [default: table]'
            cand --timeout 'Time limit for each attempt in seconds, fractions allowed [env: DTS_TIMEOUT] [default: 10]'
            cand --retries 'Retries after throttling, service or network errors; 0 for none [env: DTS_RETRIES] [default: 3]'
            cand -q 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged'
            cand --quiet 'Print nothing on stdout; errors still go to stderr and the exit code is unchanged'
            cand -v 'Show on stderr where each setting came from and each attempt (secrets redacted)'
            cand --verbose 'Show on stderr where each setting came from and each attempt (secrets redacted)'
            cand --dry-run 'Print the signed request that would be sent (SecurityToken shortened to 4 characters), send nothing, exit 0'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dts;help'= {
            cand suspend 'Pause a job (SuspendDtsJob)'
            cand resume 'Resume a paused job (StartDtsJob)'
            cand status 'Show a job''s status, delay, checkpoint and error (DescribeDtsJobDetail)'
            cand configure 'Write a profile to the config file, asking for each value'
            cand completions 'Print a shell completion script on stdout'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dts;help;suspend'= {
        }
        &'dts;help;resume'= {
        }
        &'dts;help;status'= {
        }
        &'dts;help;configure'= {
        }
        &'dts;help;completions'= {
        }
        &'dts;help;help'= {
        }
    ]
    $completions[$command]
}
