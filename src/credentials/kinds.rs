//! Providers for the profile kinds that name a service rather than keys
//! (OIDC, a URI, a command, a CloudSSO login), and the environment's OIDC
//! trio (RRSA).

use crate::config::Env;
use crate::config::kind::{DEFAULT_DURATION, Oidc, Session, Sso};
use crate::credentials::names::Selected;
use crate::credentials::provider::{CloudSso, External, OidcRole, Provider};
use crate::credentials::{CredentialSource, Credentials, sts_host};
use crate::error::Error;

/// The environment's OIDC trio.
const OIDC_VARS: [&str; 3] = [
    "ALIBABA_CLOUD_ROLE_ARN",
    "ALIBABA_CLOUD_OIDC_PROVIDER_ARN",
    "ALIBABA_CLOUD_OIDC_TOKEN_FILE",
];

/// Whether any of the environment's OIDC variables is set.
pub fn env_oidc_set(env: &Env) -> bool {
    OIDC_VARS.iter().any(|v| env.get(v).is_some())
}

/// The role the environment's OIDC trio names; one or two of the three is
/// an error naming the missing ones.
pub fn env_oidc(env: &Env) -> Result<Provider, Error> {
    let missing: Vec<&str> = OIDC_VARS
        .iter()
        .copied()
        .filter(|v| env.get(v).is_none())
        .collect();
    if !missing.is_empty() {
        return Err(Error::Config {
            message: format!(
                "OIDC credentials in the environment are incomplete: {} not set",
                missing.join(" and ")
            ),
            hint: Some(format!("set all of {}, or none", OIDC_VARS.join(", "))),
        });
    }
    let get = |v: &str| env.get(v).unwrap_or_default().to_string();
    let oidc = Oidc {
        role_arn: get(OIDC_VARS[0]),
        provider_arn: get(OIDC_VARS[1]),
        token_file: get(OIDC_VARS[2]).into(),
        session: Session::default(),
    };
    oidc_provider(&oidc, env, "the environment (ALIBABA_CLOUD_ROLE_ARN)")
}

/// The role an OIDC profile names.
pub fn oidc_provider(o: &Oidc, env: &Env, at: &str) -> Result<Provider, Error> {
    Ok(Provider::Oidc(Box::new(OidcRole {
        role_arn: o.role_arn.clone(),
        provider_arn: o.provider_arn.clone(),
        token_file: o.token_file.clone(),
        session_name: env
            .get("ALIBABA_CLOUD_ROLE_SESSION_NAME")
            .map(str::to_string)
            .or_else(|| o.session.name.clone()),
        duration: o.session.duration.unwrap_or(DEFAULT_DURATION),
        policy: o.session.policy.clone(),
        sts: sts_host::resolve(env, &o.session, at)?,
        configured_in: at.to_string(),
    })))
}

/// A URI or a command configured in `at`.
pub fn external(what: &str, at: &str) -> External {
    External {
        what: what.to_string(),
        configured_in: at.to_string(),
    }
}

/// A CloudSSO or OAuth login: the keys the aliyun CLI cached, and what
/// refreshes them.
pub fn cloud_sso(s: &Selected, sso: &Sso) -> Provider {
    let p = &s.profile;
    let cached = match (&p.access_key_id, &p.access_key_secret) {
        (Some(id), Some(secret)) => Some(Credentials {
            access_key_id: id.clone(),
            access_key_secret: secret.clone(),
            security_token: p.security_token.clone(),
            source: s.source.clone(),
        }),
        _ => None,
    };
    let profile = match &s.source {
        CredentialSource::AliyunProfile { name, .. } | CredentialSource::Profile { name, .. } => {
            name.clone()
        }
        _ => String::new(),
    };
    Provider::CloudSso(Box::new(CloudSso {
        cached,
        sts_expiration: sso.sts_expiration,
        refresh: sso.refresh.clone(),
        profile,
        configured_in: s.source.to_string(),
    }))
}
