//! The integration tests: one binary, run against the real `dts` executable
//! with a hermetic environment and local servers on loopback.

// The ban on the ambient clock, sleep and randomness (clippy.toml) guards
// dts's own code; tests and their servers may use them.
#![allow(clippy::disallowed_methods)]

mod aliyun;
mod chain;
mod colour;
mod completions;
mod config_errors;
mod configure;
mod dry_run;
mod emulator;
mod emulator_server;
mod exit_codes;
mod fault_server;
mod faults;
mod fleet;
mod hardening;
mod help;
mod in_process;
mod jobs;
mod precedence;
mod properties;
mod provider_secrets;
mod providers;
mod proxy;
mod readme;
mod relay;
mod roles;
mod secrets;
mod select;
mod signing;
mod support;
mod suspend;
mod tls_trust;
mod usage;
mod verbose;
