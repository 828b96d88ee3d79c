//! How long a value dts puts in a request may be. The whole signed URL
//! must stay under the HTTP client's 64 KiB, and no real DTS value comes
//! near these limits; a longer one is bad input, reported with its name.

/// A job id, an instance id, a region or an AccessKeyId.
pub const MAX_ID: usize = 1024;
/// An endpoint URL or host.
pub const MAX_ENDPOINT: usize = 1024;
/// A SecurityToken (STS tokens with large policies run to a few KiB).
pub const MAX_TOKEN: usize = 16 * 1024;

/// Checks that `value` (called `what` in the message) is at most `max`
/// bytes, without quoting it.
pub fn check(what: &str, value: &str, max: usize) -> Result<(), String> {
    if value.len() > max {
        return Err(format!(
            "{what} is {} bytes long, over the limit of {max} bytes",
            value.len()
        ));
    }
    Ok(())
}

/// The longest value an error message quotes.
pub const MAX_QUOTED: usize = 200;

/// `'value'` for a message, or "a value of N bytes" when it is too long to
/// quote.
pub fn quoted(value: &str) -> String {
    if value.len() > MAX_QUOTED {
        format!("a value of {} bytes", value.len())
    } else {
        format!("'{value}'")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limits_keep_the_worst_url_under_64_kib() {
        // The endpoint once as it is; the query's values (job, instance,
        // region, AccessKeyId, token) encoded at three bytes a byte; the
        // fixed parameters and the signature.
        let worst = MAX_ENDPOINT + 3 * (4 * MAX_ID + MAX_TOKEN) + 1024;
        assert!(worst < 65_534, "{worst}");
    }

    #[test]
    fn long_values_are_named_not_quoted() {
        let long = "x".repeat(MAX_ID + 1);
        let e = check("the job id", &long, MAX_ID).unwrap_err();
        assert_eq!(
            e,
            "the job id is 1025 bytes long, over the limit of 1024 bytes"
        );
        assert!(check("the job id", "j1", MAX_ID).is_ok());
    }
}
