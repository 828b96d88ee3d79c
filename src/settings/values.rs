//! Parsing setting values typed by people: seconds and retry counts.

use std::time::Duration;

use crate::limits::quoted;

/// The most retries a call may be given.
pub const MAX_RETRIES: u32 = 100;

/// Parses a number of seconds, fractions allowed, greater than zero.
pub fn parse_seconds(s: &str) -> Result<Duration, String> {
    let v: f64 = s
        .trim()
        .parse()
        .map_err(|_| format!("{} is not a number of seconds", quoted(s)))?;
    seconds(v)
}

/// A number of seconds from a profile, greater than zero.
pub fn seconds(v: f64) -> Result<Duration, String> {
    if !v.is_finite() || v <= 0.0 {
        return Err(format!("{v} is not a positive number of seconds"));
    }
    Duration::try_from_secs_f64(v).map_err(|_| format!("{v} seconds is too long"))
}

/// The highest client-side rate, calls a second.
pub const MAX_RATE: u32 = 1000;

/// Parses a rate in calls a second, 0 (no limit) to [`MAX_RATE`].
pub fn parse_rate(s: &str) -> Result<u32, String> {
    let v: i64 = s
        .trim()
        .parse()
        .map_err(|_| format!("{} is not a whole number of calls a second", quoted(s)))?;
    rate_in_range(v)
}

/// A rate from a profile, 0 to [`MAX_RATE`].
pub fn rate_in_range(v: i64) -> Result<u32, String> {
    match u32::try_from(v) {
        Ok(n) if n <= MAX_RATE => Ok(n),
        _ => Err(format!(
            "{v} is not between 0 and {MAX_RATE} calls a second"
        )),
    }
}

/// Parses a retry count, 0 to [`MAX_RETRIES`].
pub fn parse_retries(s: &str) -> Result<u32, String> {
    let v: i64 = s
        .trim()
        .parse()
        .map_err(|_| format!("{} is not a whole number", quoted(s)))?;
    retries_in_range(v)
}

/// A retry count from a profile, 0 to [`MAX_RETRIES`].
pub fn retries_in_range(v: i64) -> Result<u32, String> {
    match u32::try_from(v) {
        Ok(n) if n <= MAX_RETRIES => Ok(n),
        _ => Err(format!("{v} is not between 0 and {MAX_RETRIES}")),
    }
}
