//! Credentials: the key pair (with a SecurityToken for STS), where it
//! came from, and the chain that chooses them (`chain`).

pub mod chain;
pub mod chain_errors;
pub mod kinds;
pub mod names;
pub mod provider;
pub mod sts_host;

use std::fmt;

use crate::secret::Secret;

/// Where a credential came from, for hints and `--verbose`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CredentialSource {
    /// `ALIBABA_CLOUD_ACCESS_KEY_ID` / `ALIBABA_CLOUD_ACCESS_KEY_SECRET`.
    Environment,
    /// A profile in dts's own TOML file.
    Profile { name: String, path: String },
    /// A profile in the aliyun CLI's `config.json`.
    AliyunProfile { name: String, path: String },
    /// Keys from assuming a role, with credentials from `via`.
    Role {
        arn: String,
        via: Box<CredentialSource>,
    },
    /// The ECS instance's RAM role, from the metadata service.
    Instance { role: String },
    /// Another provider (OIDC, a URI, a command, a CloudSSO login).
    Provider(String),
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
            CredentialSource::Role { arn, via } => {
                write!(f, "role {arn} (assumed with credentials from {via})")
            }
            CredentialSource::Instance { role } => {
                write!(f, "the ECS instance's RAM role '{role}'")
            }
            CredentialSource::Provider(what) => f.write_str(what),
        }
    }
}

impl CredentialSource {
    /// Where the SecurityToken of these credentials came from, for hints
    /// about the token alone.
    pub fn token_origin(&self) -> String {
        match self {
            CredentialSource::Environment => "ALIBABA_CLOUD_SECURITY_TOKEN".into(),
            other => other.to_string(),
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
}
