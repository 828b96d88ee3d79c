//! Credentials and the `Secret` type that keeps them out of every output.

use std::fmt;

/// The shortest secret [`Secret::mask_in`] looks for.
pub const MIN_MASKED: usize = 8;

/// A string that must never be printed: an AccessKeySecret or a
/// SecurityToken. It has no `Display`, its `Debug` prints `(redacted)`, and
/// the only way to read it is the explicit [`Secret::expose`].
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The secret itself, for signing and for the wire only.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// At most the first four characters followed by `***`: what dts shows
    /// of a SecurityToken.
    pub fn preview(&self) -> String {
        let head: String = self.0.chars().take(4).collect();
        format!("{head}***")
    }
}

impl Secret {
    /// `text` with every occurrence of this secret replaced by `with`,
    /// raw and in its once- and twice-percent-encoded forms (a server's
    /// string-to-sign quotes parameters encoded twice).
    /// Secrets shorter than [`MIN_MASKED`] are left alone: real ones are
    /// far longer, and masking a short string would garble the text.
    pub fn mask_in(&self, text: &str, with: &str) -> String {
        if self.0.len() < MIN_MASKED {
            return text.to_string();
        }
        let once = crate::sign::percent_encode(&self.0);
        let twice = crate::sign::percent_encode(&once);
        let mut out = text.replace(&self.0, with);
        for form in [once, twice] {
            if out.contains(&form) {
                out = out.replace(&form, with);
            }
        }
        out
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("(redacted)")
    }
}

/// Where a credential came from, for hints and `--verbose`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CredentialSource {
    /// `ALIBABA_CLOUD_ACCESS_KEY_ID` / `ALIBABA_CLOUD_ACCESS_KEY_SECRET`.
    Environment,
    /// A profile in dts's own TOML file.
    Profile { name: String, path: String },
    /// A profile in the aliyun CLI's `config.json`.
    AliyunProfile { name: String, path: String },
}

impl fmt::Display for CredentialSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CredentialSource::Environment => f.write_str(
                "the environment (ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET)",
            ),
            CredentialSource::Profile { name, path } => write!(f, "profile '{name}' in {path}"),
            CredentialSource::AliyunProfile { name, path } => {
                write!(f, "aliyun CLI profile '{name}' in {path}")
            }
        }
    }
}

/// An AccessKey pair, with a SecurityToken for STS credentials.
#[derive(Debug, Clone)]
pub struct Credentials {
    pub access_key_id: String,
    pub access_key_secret: Secret,
    pub security_token: Option<Secret>,
    pub source: CredentialSource,
}

impl Credentials {
    /// `text` with the SecurityToken shown as its preview and the
    /// AccessKeySecret as `(redacted)`, wherever they appear.
    pub fn mask(&self, text: &str) -> String {
        let mut out = self.access_key_secret.mask_in(text, "(redacted)");
        if let Some(token) = &self.security_token {
            out = token.mask_in(&out, &token.preview());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_secret() {
        let c = Credentials {
            access_key_id: "LTAIid".into(),
            access_key_secret: Secret::new("sentinel-secret"),
            security_token: Some(Secret::new("sentinel-token")),
            source: CredentialSource::Environment,
        };
        let shown = format!("{c:?}");
        assert!(!shown.contains("sentinel"), "{shown}");
        assert!(shown.contains("LTAIid"));
    }

    #[test]
    fn mask_hides_raw_and_encoded_forms() {
        let t = Secret::new("CAIS+tok/en");
        let text = "a CAIS+tok/en b CAIS%2Btok%2Fen c CAIS%252Btok%252Fen";
        assert_eq!(t.mask_in(text, "X"), "a X b X c X");
    }

    #[test]
    fn preview_keeps_at_most_four_characters() {
        assert_eq!(Secret::new("CAIS+token").preview(), "CAIS***");
        assert_eq!(Secret::new("中文").preview(), "中文***");
    }
}
