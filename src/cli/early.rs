//! A guess, made before the command line is parsed, at whether this run
//! will speak https to DTS, so that TLS can start loading its roots while
//! clap and the settings do their work (about 0.3 ms). It is only ever an
//! optimisation: a wrong guess costs a thread that loads the roots in vain,
//! or starts them a little later, never a different outcome; the session
//! decides for real once the settings are known.

use std::ffi::OsString;

use crate::config::Env;
use crate::config::endpoint::{Endpoint, Scheme};

/// The subcommands (and their aliases) that call DTS.
pub const NETWORK_COMMANDS: &[&str] = &["suspend", "pause", "resume", "start", "status", "list"];

/// Arguments after which nothing is sent.
const NOTHING_SENT: &[&str] = &["--dry-run", "-h", "--help", "-V", "--version", "help"];

/// Whether `args` (the program name first) look like a call to DTS over
/// https: a network subcommand, nothing that stops it sending, and an
/// endpoint (`--endpoint`, else `DTS_ENDPOINT`) that is https and not the
/// emulator, or none (the region's endpoint is https; a profile's is not
/// read here).
pub fn will_speak_https(args: &[OsString], env: &Env) -> bool {
    let words: Vec<&str> = args.iter().skip(1).filter_map(|a| a.to_str()).collect();
    if !words.iter().any(|w| NETWORK_COMMANDS.contains(w))
        || words.iter().any(|w| NOTHING_SENT.contains(w))
    {
        return false;
    }
    let flag = words.iter().enumerate().find_map(|(i, w)| match *w {
        "--endpoint" => words.get(i + 1).copied(),
        _ => w.strip_prefix("--endpoint="),
    });
    match flag.or_else(|| env.get("DTS_ENDPOINT").filter(|v| !v.is_empty())) {
        Some(value) => {
            Endpoint::parse(value).is_ok_and(|e| e.scheme == Scheme::Https && !e.is_emulator())
        }
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guess(args: &[&str], env: &[(&str, &str)]) -> bool {
        let args: Vec<OsString> = std::iter::once("dts")
            .chain(args.iter().copied())
            .map(OsString::from)
            .collect();
        let env = Env::from_pairs(env.iter().copied());
        will_speak_https(&args, &env)
    }

    #[test]
    fn a_call_to_the_regions_endpoint_or_an_https_one_is_https() {
        assert!(guess(&["suspend", "-j", "j1"], &[]));
        assert!(guess(&["-v", "pause", "-j", "j1"], &[]));
        assert!(guess(&["list", "--endpoint", "dts.example.com"], &[]));
        assert!(guess(&["status", "-j", "j1"], &[("DTS_ENDPOINT", "")]));
        assert!(guess(
            &["resume", "--endpoint=https://10.0.0.1:8443", "-j", "j"],
            &[]
        ));
    }

    #[test]
    fn http_the_emulator_a_dry_run_help_and_other_commands_are_not() {
        assert!(!guess(
            &["suspend", "--endpoint", "http://127.0.0.1:1"],
            &[]
        ));
        assert!(!guess(&["suspend", "--endpoint=emulator"], &[]));
        assert!(!guess(&["suspend"], &[("DTS_ENDPOINT", "http://x")]));
        assert!(!guess(&["suspend"], &[("DTS_ENDPOINT", "emulator")]));
        assert!(!guess(&["suspend", "-j", "j", "--dry-run"], &[]));
        assert!(!guess(&["suspend", "--help"], &[]));
        assert!(!guess(&["configure"], &[]));
        assert!(!guess(&["completions", "bash"], &[]));
        assert!(!guess(&["emulator"], &[]));
        assert!(!guess(&[], &[]));
        // The flag wins over the environment, as in the settings.
        assert!(guess(
            &["suspend", "--endpoint", "dts.example.com"],
            &[("DTS_ENDPOINT", "http://x")]
        ));
    }

    #[test]
    fn the_network_commands_are_the_cli_s() {
        use clap::CommandFactory;
        let cli = super::super::Cli::command();
        for name in NETWORK_COMMANDS {
            assert!(
                cli.find_subcommand(name).is_some(),
                "{name} is not a subcommand"
            );
        }
        for sub in cli.get_subcommands() {
            let calls_dts = ["suspend", "resume", "status", "list"].contains(&sub.get_name());
            for name in std::iter::once(sub.get_name()).chain(sub.get_all_aliases()) {
                assert_eq!(NETWORK_COMMANDS.contains(&name), calls_dts, "{name}");
            }
        }
    }
}
