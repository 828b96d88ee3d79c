//! STS AssumeRole: RPC version 2015-04-01, signed v1.0 with the source
//! credentials exactly as DTS calls are, with the same retries; the answer's
//! keys are cached until five minutes before they expire.

use serde_json::Value;

use crate::api::client::{Client, STS};
use crate::credentials::provider::AssumeRole;
use crate::credentials::{CredentialSource, Credentials};
use crate::error::Error;
use crate::obtain::cache::{self, Entry};
use crate::obtain::{Obtain, STS_CONNECT_TIMEOUT, STS_TIMEOUT};
use crate::secret::Secret;

/// Keys with their expiration, as STS and the metadata service give them.
pub type CachedKeys = Entry;
use crate::transport::http::UreqTransport;
use crate::transport::proxy;

/// The keys of `role`, from the cache or from STS.
pub fn assume_role(o: &mut Obtain<'_>, role: &AssumeRole) -> Result<Credentials, Error> {
    let source = o.keys(&role.source)?;
    let session = session_name(role.session_name.as_deref(), &role.role_arn, o.now_unix())?;
    let key = cache::key(&[
        ("provider", "AssumeRole"),
        ("source", &source.access_key_id),
        ("role", &role.role_arn),
        ("session", role.session_name.as_deref().unwrap_or("")),
        ("policy", role.policy.as_deref().unwrap_or("")),
        ("external_id", role.external_id.as_deref().unwrap_or("")),
        ("duration", &role.duration.to_string()),
        ("sts", &role.sts.to_string()),
    ]);
    let what = format!("assumed role {} at {}", role.role_arn, role.sts.host());
    let entry = o.cached(&key, &what, |o| call(o, role, &source, &session))?;
    Ok(credentials(entry, role, source.source))
}

fn credentials(entry: Entry, role: &AssumeRole, via: CredentialSource) -> Credentials {
    Credentials {
        access_key_id: entry.access_key_id,
        access_key_secret: entry.access_key_secret,
        security_token: Some(entry.security_token),
        source: CredentialSource::Role {
            arn: role.role_arn.clone(),
            via: Box::new(via),
        },
    }
}

/// One AssumeRole call, with retries.
fn call(
    o: &mut Obtain<'_>,
    role: &AssumeRole,
    source: &Credentials,
    session: &str,
) -> Result<Entry, Error> {
    let step = format!("assuming role {} at {}", role.role_arn, role.sts.host());
    let fail = |cause: Error| {
        let hint = refusal_hint(&cause, role, source);
        Error::Credential {
            step: step.clone(),
            cause: Box::new(cause),
            hint,
        }
    };
    let proxy = proxy::proxy_for(&role.sts, o.env);
    let transport = UreqTransport::new(
        STS_TIMEOUT,
        STS_CONNECT_TIMEOUT,
        proxy.as_ref(),
        &crate::transport::user_agent(),
    )?;
    let client = Client::for_api(&STS, &transport, o.ambient, source, &role.sts);
    let params = vec![
        ("RoleArn", Some(role.role_arn.clone())),
        ("RoleSessionName", Some(session.to_string())),
        ("DurationSeconds", Some(role.duration.to_string())),
        ("Policy", role.policy.clone()),
        ("ExternalId", role.external_id.clone()),
    ];
    let verbose = &mut *o.verbose;
    let called = client.call("AssumeRole", &params, o.retries, &mut |a| {
        verbose(&format!(
            "AssumeRole {}",
            crate::output::verbose::attempt_line(a, 0)
        ));
    });
    let answer = called.result.map_err(fail)?;
    keys_of(&answer.body).map_err(fail)
}

/// The keys in an STS answer's `Credentials`.
pub fn keys_of(body: &serde_json::Map<String, Value>) -> Result<CachedKeys, Error> {
    let creds = body.get("Credentials").and_then(Value::as_object);
    let field = |k: &str| {
        creds
            .and_then(|c| c.get(k))
            .and_then(Value::as_str)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    };
    match (
        field("AccessKeyId"),
        field("AccessKeySecret"),
        field("SecurityToken"),
        field("Expiration"),
    ) {
        (Some(id), Some(secret), Some(token), Some(expiration))
            if cache::unix_seconds(&expiration).is_some() =>
        {
            Ok(Entry {
                access_key_id: id,
                access_key_secret: Secret::new(secret),
                security_token: Secret::new(token),
                expiration,
            })
        }
        _ => Err(Error::BadResponse {
            message: "the answer lacks Credentials with AccessKeyId, AccessKeySecret, SecurityToken and an Expiration time".into(),
            http_status: Some(200),
        }),
    }
}

/// A hint for a refused AssumeRole: which role and which source.
fn refusal_hint(cause: &Error, role: &AssumeRole, source: &Credentials) -> Option<String> {
    let Error::Api(api) = cause else { return None };
    let code = api.code.as_deref().unwrap_or("");
    if code.starts_with("EntityNotExist.Role") {
        return Some(format!(
            "STS does not know the role {}: check the role ARN in {}",
            role.role_arn, role.configured_in
        ));
    }
    matches!(
        api.class,
        crate::error::ApiClass::Auth | crate::error::ApiClass::Rejected
    )
    .then(|| {
        format!(
            "check that the credentials from {} may assume {} (its trust policy), and the role ARN in {}",
            source.source, role.role_arn, role.configured_in
        )
    })
}

/// The session name: configured (checked), else `dts-<unix seconds>`.
pub fn session_name(configured: Option<&str>, role_arn: &str, now: i64) -> Result<String, Error> {
    let Some(name) = configured else {
        return Ok(format!("dts-{now}"));
    };
    let ok = (2..=64).contains(&name.len())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '@' | '_' | '-'));
    if ok {
        Ok(name.to_string())
    } else {
        Err(Error::config(format!(
            "the role session name {} (for {role_arn}) must be 2 to 64 characters of A-Z, a-z, 0-9, '.', '@', '_' and '-'",
            crate::limits::quoted(name),
        )))
    }
}
