//! What a profile is, whichever file it is in (dts's TOML `type`, the
//! aliyun CLI's `mode`, the credentials INI `type`): the way dts gets keys
//! from it, and that way's settings.

use std::path::PathBuf;

use crate::secret::Secret;

/// How a profile's keys are obtained.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Kind {
    /// The profile's own key pair (and SecurityToken).
    #[default]
    AccessKey,
    /// STS AssumeRole, signed with the source credentials.
    RamRoleArn(RoleArn),
    /// The ECS instance's RAM role, from the metadata service.
    EcsRamRole { role_name: Option<String> },
    /// STS AssumeRoleWithOIDC with a token file (RRSA).
    OidcRoleArn(Oidc),
    /// An HTTP GET of a URI that answers keys.
    CredentialsUri(String),
    /// A command whose stdout is keys.
    Process(String),
    /// The STS keys the aliyun CLI cached for a CloudSSO or OAuth login.
    CloudSso(Sso),
}

/// Where an assumed role's source credentials come from.
#[derive(Debug, Clone, PartialEq)]
pub enum RoleSource {
    /// The key pair in the same profile.
    Inline,
    /// Another profile of the same file, of any kind.
    Profile(String),
}

/// A role to assume with AssumeRole.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleArn {
    pub role_arn: String,
    pub source: RoleSource,
    pub session: Session,
    pub external_id: Option<String>,
}

/// What every STS role session takes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Session {
    pub name: Option<String>,
    /// Seconds, 900 to 43200.
    pub duration: Option<i64>,
    pub policy: Option<String>,
    pub sts_region: Option<String>,
    pub sts_endpoint: Option<String>,
}

/// A role to assume with an OIDC token (RRSA).
#[derive(Debug, Clone, PartialEq)]
pub struct Oidc {
    pub role_arn: String,
    pub provider_arn: String,
    pub token_file: PathBuf,
    pub session: Session,
}

/// A CloudSSO or OAuth login of the aliyun CLI: its cached STS keys, and
/// (CloudSSO) what refreshes them.
#[derive(Debug, Clone, PartialEq)]
pub struct Sso {
    /// Unix seconds when the cached keys expire.
    pub sts_expiration: Option<i64>,
    pub refresh: Option<SsoRefresh>,
}

/// What CloudSSO needs to fetch fresh keys.
#[derive(Debug, Clone, PartialEq)]
pub struct SsoRefresh {
    pub sign_in_url: String,
    pub access_token: Secret,
    /// Unix seconds when the access token expires.
    pub access_token_expire: i64,
    pub account_id: String,
    pub access_config: String,
}

/// Seconds a role session lasts when nothing says otherwise.
pub const DEFAULT_DURATION: i64 = 3600;

/// Checks a role session's duration: 900 to 43200 seconds.
pub fn check_duration(seconds: i64) -> Result<i64, String> {
    if (900..=43200).contains(&seconds) {
        Ok(seconds)
    } else {
        Err(format!("{seconds} is not between 900 and 43200 seconds"))
    }
}
