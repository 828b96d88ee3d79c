//! Pure retry policy: which errors are retried, exponential backoff with
//! full jitter (the jitter passed in), and the server's `Retry-After` /
//! `x-acs-retry-after` headers.

use std::time::{Duration, SystemTime};

use crate::error::{ApiClass, Error};

/// The first backoff ceiling.
pub const BASE: Duration = Duration::from_millis(200);
/// The largest backoff ceiling.
pub const CAP: Duration = Duration::from_secs(10);
/// The longest wait a server's header can ask for.
pub const HEADER_CAP: Duration = Duration::from_secs(60);

/// Whether an error is worth another attempt: throttling, service errors
/// and network errors (exit 6, 7, 8), nothing else.
pub fn is_retryable(error: &Error) -> bool {
    match error {
        Error::Api(api) => matches!(api.class, ApiClass::Throttled | ApiClass::Unavailable),
        Error::Network { .. } => true,
        Error::Usage(_)
        | Error::Config { .. }
        | Error::NoCredentials { .. }
        | Error::BadResponse { .. }
        | Error::Internal(_)
        | Error::JobFailed { .. }
        | Error::WaitTimeout { .. }
        | Error::Interrupted(_)
        | Error::Credential { .. } => false,
    }
}

/// The wait before retry number `retry` (1 for the first retry):
/// a uniform draw between zero and `min(CAP, BASE * 2^(retry-1))`.
/// `jitter` is that draw's fraction, in `[0, 1)`.
pub fn backoff(retry: u32, jitter: f64) -> Duration {
    let exp = retry.saturating_sub(1).min(16);
    let ceiling = BASE.saturating_mul(1 << exp).min(CAP);
    ceiling.mul_f64(jitter.clamp(0.0, 1.0))
}

/// The wait a response's headers ask for, capped at [`HEADER_CAP`].
/// `x-acs-retry-after` is seconds, or milliseconds when above 1000;
/// `Retry-After` is seconds (fractions allowed) or an HTTP-date.
pub fn header_wait(
    x_acs_retry_after: Option<&str>,
    retry_after: Option<&str>,
    now: SystemTime,
) -> Option<Duration> {
    let acs = x_acs_retry_after.and_then(|v| {
        let n = parse_number(v)?;
        Some(if n > 1000.0 { n / 1000.0 } else { n })
    });
    let standard = retry_after.and_then(|v| {
        parse_number(v).or_else(|| {
            let at = parse_http_date(v)?;
            Some(at.duration_since(now).unwrap_or_default().as_secs_f64())
        })
    });
    let secs = acs.or(standard)?;
    Some(Duration::try_from_secs_f64(secs).map_or(HEADER_CAP, |d| d.min(HEADER_CAP)))
}

fn parse_number(v: &str) -> Option<f64> {
    let n: f64 = v.trim().parse().ok()?;
    (n.is_finite() && n >= 0.0).then_some(n)
}

/// Parses an IMF-fixdate such as `Sun, 06 Nov 1994 08:49:37 GMT`.
fn parse_http_date(v: &str) -> Option<SystemTime> {
    let format = time::macros::format_description!(
        "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
    );
    let t = time::PrimitiveDateTime::parse(v.trim(), format).ok()?;
    Some(SystemTime::from(t.assume_utc()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_from_200ms_and_caps_at_10s() {
        assert_eq!(backoff(1, 1.0), Duration::from_millis(200));
        assert_eq!(backoff(2, 1.0), Duration::from_millis(400));
        assert_eq!(backoff(3, 1.0), Duration::from_millis(800));
        assert_eq!(backoff(6, 1.0), Duration::from_millis(6400));
        assert_eq!(backoff(7, 1.0), CAP);
        assert_eq!(backoff(100, 1.0), CAP);
    }

    #[test]
    fn backoff_is_full_jitter() {
        assert_eq!(backoff(3, 0.0), Duration::ZERO);
        assert_eq!(backoff(3, 0.5), Duration::from_millis(400));
        assert_eq!(backoff(3, 7.0), Duration::from_millis(800));
    }

    #[test]
    fn header_waits() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(784_111_777);
        assert_eq!(
            header_wait(Some("2"), None, now),
            Some(Duration::from_secs(2))
        );
        assert_eq!(
            header_wait(Some("1500"), None, now),
            Some(Duration::from_millis(1500))
        );
        assert_eq!(
            header_wait(Some("1000"), None, now),
            Some(Duration::from_secs(60))
        );
        assert_eq!(
            header_wait(None, Some("0.25"), now),
            Some(Duration::from_millis(250))
        );
        assert_eq!(header_wait(None, Some("3600"), now), Some(HEADER_CAP));
        assert_eq!(
            header_wait(None, Some("Sun, 06 Nov 1994 08:49:37 GMT"), now),
            Some(Duration::from_secs(0))
        );
        let earlier = SystemTime::UNIX_EPOCH + Duration::from_secs(784_111_767);
        assert_eq!(
            header_wait(None, Some("Sun, 06 Nov 1994 08:49:37 GMT"), earlier),
            Some(Duration::from_secs(10))
        );
        assert_eq!(header_wait(Some("x"), Some("y"), now), None);
        assert_eq!(header_wait(Some("-1"), None, now), None);
        assert_eq!(header_wait(None, None, now), None);
        // x-acs-retry-after wins when both are present.
        assert_eq!(
            header_wait(Some("1"), Some("5"), now),
            Some(Duration::from_secs(1))
        );
    }
}
