//! The only place dts reads the real clock or draws randomness. Everything
//! else receives time and nonces through [`Ambient`], so tests can fix them.
#![allow(clippy::disallowed_methods)]

use std::time::{Duration, SystemTime};

use time::OffsetDateTime;
use time::macros::format_description;

use crate::error::Error;

/// The source of timestamps and nonces for signing.
pub trait Ambient {
    /// Now, UTC, as `YYYY-MM-DDThh:mm:ssZ`.
    fn timestamp(&self) -> String;
    /// A fresh 32-hex-character SignatureNonce.
    fn nonce(&self) -> Result<String, Error>;
    /// A uniform draw in `[0, 1)` for backoff jitter.
    fn jitter(&self) -> f64;
    /// The wall clock, for `Retry-After` dates.
    fn now(&self) -> SystemTime;
    /// Waits before a retry or a poll.
    fn sleep(&self, duration: Duration);
    /// Time on a monotonic clock, for `--wait-timeout`.
    fn monotonic(&self) -> Duration;
}

/// The system clock and the operating system's random source.
pub struct System;

impl Ambient for System {
    fn timestamp(&self) -> String {
        format_timestamp(OffsetDateTime::now_utc())
    }

    fn nonce(&self) -> Result<String, Error> {
        let mut bytes = [0u8; 16];
        getrandom::fill(&mut bytes)
            .map_err(|e| Error::Internal(format!("no random source for the nonce: {e}")))?;
        Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
    }

    fn jitter(&self) -> f64 {
        // 53 random bits make a uniform f64 in [0, 1); without a random
        // source, the middle of the range is a fair fallback.
        getrandom::u64().map_or(0.5, |r| (r >> 11) as f64 / (1u64 << 53) as f64)
    }

    fn now(&self) -> SystemTime {
        SystemTime::now()
    }

    fn sleep(&self, duration: Duration) {
        std::thread::sleep(duration);
    }

    fn monotonic(&self) -> Duration {
        static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
        START.get_or_init(std::time::Instant::now).elapsed()
    }
}

/// Formats a time as the API's `Timestamp`.
pub fn format_timestamp(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    t.format(format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second]Z"
    ))
    .unwrap_or_else(|_| "1970-01-01T00:00:00Z".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamp_has_no_fraction() {
        let t = time::macros::datetime!(2024-05-06 07:08:09.123 UTC);
        assert_eq!(format_timestamp(t), "2024-05-06T07:08:09Z");
    }

    #[test]
    fn nonces_are_fresh_hex() {
        let a = System.nonce().unwrap();
        let b = System.nonce().unwrap();
        assert_eq!(a.len(), 32);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
    }

    #[test]
    fn jitter_is_in_range() {
        for _ in 0..100 {
            let j = System.jitter();
            assert!((0.0..1.0).contains(&j), "{j}");
        }
    }
}
