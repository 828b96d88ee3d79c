//! The integration tests: one binary, run against the real `dts` executable
//! with a hermetic environment and local servers on loopback.

mod completions;
mod config_errors;
mod exit_codes;
mod precedence;
mod signing;
mod support;
mod suspend;
mod usage;
