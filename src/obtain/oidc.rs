//! STS AssumeRoleWithOIDC (RRSA): not signed; `Action`, `Version`,
//! `Format` and `Timestamp` in the query, the role, the provider, the
//! token (read afresh from its file every time) and the session in a form
//! body. Cached like an assumed role, keyed by the token's SHA-256.

use std::time::Duration;

use crate::api::response::{self, SuccessRule};
use crate::credentials::provider::OidcRole;
use crate::credentials::{CredentialSource, Credentials};
use crate::error::Error;
use crate::obtain::cache::{self, Entry};
use crate::obtain::{Obtain, exchange, sts};
use crate::secret::Secret;
use crate::sign::percent_encode;
use crate::transport::http::UreqTransport;
use crate::transport::{HttpRequest, Method, proxy};

/// The keys of `role`, from the cache or from STS.
pub fn assume_role(o: &mut Obtain<'_>, role: &OidcRole) -> Result<Credentials, Error> {
    let unreadable = |why: String| {
        Error::config(format!(
            "cannot read the OIDC token file {} ({}): {why}",
            role.token_file.display(),
            role.configured_in,
        ))
    };
    // A regular file of at most 1 MiB: a FIFO or a device is refused at once.
    let bytes = crate::config::textfile::read(&role.token_file).map_err(|e| match e {
        crate::config::textfile::ReadError::Missing => {
            unreadable("no such file or directory".into())
        }
        crate::config::textfile::ReadError::Bad(why) => unreadable(why),
    })?;
    let token = String::from_utf8(bytes).map_err(|_| unreadable("it is not UTF-8 text".into()))?;
    let token = Secret::new(token.trim());
    let key = cache::key(&[
        ("provider", "AssumeRoleWithOIDC"),
        ("token", &cache::key(&[("token", token.expose())])),
        ("role", &role.role_arn),
        ("provider_arn", &role.provider_arn),
        ("session", role.session_name.as_deref().unwrap_or("")),
        ("policy", role.policy.as_deref().unwrap_or("")),
        ("duration", &role.duration.to_string()),
        ("sts", &role.sts.to_string()),
    ]);
    let what = format!("role {} with an OIDC token", role.role_arn);
    let entry = o.cached(&key, &what, |o| call(o, role, &token))?;
    Ok(Credentials {
        access_key_id: entry.access_key_id,
        access_key_secret: entry.access_key_secret,
        security_token: Some(entry.security_token),
        source: CredentialSource::Provider(format!(
            "role {} (assumed with the OIDC token in {})",
            role.role_arn,
            role.token_file.display()
        )),
    })
}

fn call(o: &mut Obtain<'_>, role: &OidcRole, token: &Secret) -> Result<Entry, Error> {
    let step = format!(
        "assuming role {} with an OIDC token at {}",
        role.role_arn,
        role.sts.host()
    );
    let fail = |cause: Error| Error::Credential {
        step: step.clone(),
        cause: Box::new(cause),
        hint: None,
    };
    let session = sts::session_name(role.session_name.as_deref(), &role.role_arn, o.now_unix())?;
    let query = [
        ("Action", "AssumeRoleWithOIDC".to_string()),
        ("Format", "JSON".into()),
        ("Timestamp", o.ambient.timestamp()),
        ("Version", crate::api::request::STS_VERSION.into()),
    ];
    let mut body = vec![
        ("RoleArn", role.role_arn.clone()),
        ("OIDCProviderArn", role.provider_arn.clone()),
        ("OIDCToken", token.expose().to_string()),
        ("RoleSessionName", session),
        ("DurationSeconds", role.duration.to_string()),
    ];
    if let Some(p) = &role.policy {
        body.push(("Policy", p.clone()));
    }
    let request = HttpRequest {
        method: Method::Post,
        url: format!("{}?{}", role.sts.url(), form(&query)),
        authority: role.sts.authority.clone(),
        headers: Vec::new(),
        body: Some((
            "application/x-www-form-urlencoded",
            form(&body).into_bytes(),
        )),
    };
    let proxy = proxy::proxy_for(&role.sts, o.env);
    let transport = UreqTransport::new(
        Duration::from_secs(10),
        Duration::from_secs(5),
        proxy.as_ref(),
        &crate::transport::user_agent(),
    )?;
    let answer = exchange::fetch(o, &transport, &request).map_err(fail)?;
    let mask = |s: &str| token.mask_in(s, "(redacted)");
    let success =
        response::interpret_with(SuccessRule::NoErrorCode, answer.status, &answer.body, &mask)
            .map_err(fail)?;
    sts::keys_of(&success.body).map_err(fail)
}

/// `k=v&...`, each encoded as for signing.
fn form(pairs: &[(&str, String)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", percent_encode(k), percent_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}
