//! How the chosen credentials are to be obtained: as they are, or through
//! a provider that asks a service (STS, the instance metadata service).
//! Choosing is pure (`chain`); obtaining happens later, where the network
//! is (`obtain`).

use std::path::PathBuf;

use crate::config::endpoint::Endpoint;
use crate::config::kind::SsoRefresh;
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
    /// STS AssumeRoleWithOIDC with a token file (RRSA).
    Oidc(Box<OidcRole>),
    /// An HTTP GET that answers keys.
    Uri(External),
    /// A command that prints keys.
    Process(External),
    /// The keys the aliyun CLI cached for a CloudSSO or OAuth login.
    CloudSso(Box<CloudSso>),
}

/// A role to assume with an OIDC token.
#[derive(Debug, Clone)]
pub struct OidcRole {
    pub role_arn: String,
    pub provider_arn: String,
    /// Read afresh every time: the platform rotates it.
    pub token_file: PathBuf,
    pub session_name: Option<String>,
    pub duration: i64,
    pub policy: Option<String>,
    pub sts: Endpoint,
    pub configured_in: String,
}

/// A URI or a command that gives keys.
#[derive(Debug, Clone)]
pub struct External {
    /// The URI or the command line.
    pub what: String,
    pub configured_in: String,
}

/// A CloudSSO or OAuth login of the aliyun CLI.
#[derive(Debug, Clone)]
pub struct CloudSso {
    /// The keys it cached, when complete.
    pub cached: Option<Credentials>,
    /// Unix seconds when they expire.
    pub sts_expiration: Option<i64>,
    /// What fetches fresh keys (CloudSSO only).
    pub refresh: Option<SsoRefresh>,
    /// The aliyun CLI profile's name, for the hint to log in again.
    pub profile: String,
    pub configured_in: String,
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
            Provider::Oidc(r) => format!(
                "role {} at {} with the OIDC token in {} ({})",
                r.role_arn,
                r.sts.host(),
                r.token_file.display(),
                r.configured_in
            ),
            Provider::Uri(e) => format!("the credentials URI ({})", e.configured_in),
            Provider::Process(e) => format!("the command in {}", e.configured_in),
            Provider::CloudSso(s) => {
                format!("the login cached by the aliyun CLI in {}", s.configured_in)
            }
            Provider::Instance(i) => match &i.role_name {
                Some(role) => format!("the ECS instance's RAM role '{role}' ({})", i.configured_in),
                None => format!("the ECS instance's RAM role ({})", i.configured_in),
            },
        }
    }
}
