//! How the chosen credentials are to be obtained: as they are, or through
//! a provider that asks a service (STS, the instance metadata service).
//! Choosing is pure (`chain`); obtaining happens later, where the network
//! is (`obtain`).

use crate::config::endpoint::Endpoint;
use crate::credentials::{CredentialSource, Credentials};

/// One way to get keys.
#[derive(Debug, Clone)]
pub enum Provider {
    /// Keys as they are.
    Static(Credentials),
    /// STS AssumeRole, signed with the source's keys.
    AssumeRole(Box<AssumeRole>),
    /// The ECS instance's RAM role.
    Instance(Instance),
}

/// A role to assume.
#[derive(Debug, Clone)]
pub struct AssumeRole {
    /// Where the signing keys come from (any provider: chains).
    pub source: Provider,
    pub role_arn: String,
    /// The configured session name; `None` means `dts-<unix seconds>`.
    pub session_name: Option<String>,
    /// Seconds.
    pub duration: i64,
    pub policy: Option<String>,
    pub external_id: Option<String>,
    pub sts: Endpoint,
    /// Where the role was configured.
    pub configured_in: CredentialSource,
}

/// The instance's RAM role.
#[derive(Debug, Clone)]
pub struct Instance {
    /// The configured role name; `None` means: ask the metadata service.
    pub role_name: Option<String>,
    /// Where it was configured.
    pub configured_in: String,
}

impl Provider {
    /// Where the keys come from, in words, for `--verbose` and errors.
    pub fn describe(&self) -> String {
        match self {
            Provider::Static(c) => c.source.to_string(),
            Provider::AssumeRole(r) => format!(
                "role {} at {} (configured in {}), with credentials from {}",
                r.role_arn,
                r.sts.host(),
                r.configured_in,
                r.source.describe()
            ),
            Provider::Instance(i) => match &i.role_name {
                Some(role) => format!("the ECS instance's RAM role '{role}' ({})", i.configured_in),
                None => format!("the ECS instance's RAM role ({})", i.configured_in),
            },
        }
    }
}
