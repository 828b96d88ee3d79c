//! CloudSSO and OAuth logins of the aliyun CLI: the STS keys it cached are
//! used while they have five minutes left; CloudSSO alone may then fetch
//! fresh ones with its access token (`POST /cloud-credentials`), cached
//! like an assumed role's. dts never writes `~/.aliyun/config.json`.

use std::time::Duration;

use serde_json::{Map, Value, json};

use crate::config::endpoint::Endpoint;
use crate::config::kind::SsoRefresh;
use crate::credentials::provider::CloudSso;
use crate::credentials::{CredentialSource, Credentials};
use crate::error::Error;
use crate::obtain::cache::{self, Entry, MARGIN};
use crate::obtain::{Obtain, exchange, sts};
use crate::secret::Secret;
use crate::transport::http::UreqTransport;
use crate::transport::{HttpRequest, Method, proxy};

/// The login's keys: cached by the aliyun CLI, or fetched afresh.
pub fn keys(o: &mut Obtain<'_>, login: &CloudSso) -> Result<Credentials, Error> {
    let now = o.now_unix();
    if let (Some(c), Some(expiration)) = (&login.cached, login.sts_expiration)
        && expiration - now > MARGIN
    {
        (o.verbose)(&format!(
            "credentials: the keys the aliyun CLI cached in {} (valid until {})",
            login.configured_in,
            cache::shown(expiration, now)
        ));
        return Ok(c.clone());
    }
    let log_in_again = || Error::Config {
        message: format!("the login cached in {} has expired", login.configured_in),
        hint: Some(format!(
            "log in again: aliyun configure --profile {}",
            login.profile
        )),
    };
    let Some(refresh) = login
        .refresh
        .as_ref()
        .filter(|r| r.access_token_expire > now)
    else {
        return Err(log_in_again());
    };
    let key = cache::key(&[
        ("provider", "CloudSSO"),
        ("account", &refresh.account_id),
        ("access_config", &refresh.access_config),
        ("sign_in_url", &refresh.sign_in_url),
    ]);
    let what = format!("CloudSSO keys for account {}", refresh.account_id);
    let entry = o.cached(&key, &what, |o| fetch(o, refresh))?;
    Ok(Credentials {
        access_key_id: entry.access_key_id,
        access_key_secret: entry.access_key_secret,
        security_token: Some(entry.security_token),
        source: CredentialSource::Provider(format!(
            "the CloudSSO login in {}",
            login.configured_in
        )),
    })
}

/// `POST <sign-in host>/cloud-credentials` with the access token.
fn fetch(o: &mut Obtain<'_>, refresh: &SsoRefresh) -> Result<Entry, Error> {
    let url = &refresh.sign_in_url;
    let scheme_end = url.find("://").map_or(0, |i| i + 3);
    let authority = url[scheme_end..].split(['/', '?']).next().unwrap_or("");
    let base = Endpoint::parse(&format!("{}{authority}", &url[..scheme_end]))
        .map_err(|why| Error::config(format!("cloud_sso_sign_in_url: {why}")))?;
    let step = format!("getting CloudSSO credentials at {}", base.host());
    let fail = |cause: Error| Error::Credential {
        step: step.clone(),
        cause: Box::new(cause),
        hint: Some("log in again with aliyun configure".into()),
    };
    let body = json!({
        "AccountId": refresh.account_id,
        "AccessConfigurationId": refresh.access_config,
    });
    let request = HttpRequest {
        method: Method::Post,
        url: format!("{}cloud-credentials", base.url()),
        authority: base.authority.clone(),
        headers: vec![(
            "Authorization",
            Secret::new(format!("Bearer {}", refresh.access_token.expose())),
        )],
        body: Some(("application/json", body.to_string().into_bytes())),
    };
    let proxy = proxy::proxy_for(&base, o.env);
    let transport = UreqTransport::new(
        Duration::from_secs(10),
        Duration::from_secs(5),
        proxy.as_ref(),
        &crate::transport::user_agent(),
    )?;
    let answer = exchange::fetch(o, &transport, &request).map_err(fail)?;
    if !(200..300).contains(&answer.status) {
        return Err(fail(exchange::status_error(&answer)));
    }
    let object: Map<String, Value> = serde_json::from_slice(&answer.body).map_err(|_| {
        fail(Error::BadResponse {
            message: "the answer is not a JSON object".into(),
            http_status: Some(answer.status),
        })
    })?;
    let mut wrapped = Map::new();
    if let Some(c) = object.get("CloudCredential") {
        wrapped.insert("Credentials".into(), c.clone());
    }
    sts::keys_of(&wrapped).map_err(fail)
}
