//! The ECS instance's RAM role, from the metadata service: a session token
//! first (IMDSv2: PUT /latest/api/token), falling back to plain GETs unless
//! `ALIBABA_CLOUD_IMDSV1_DISABLED=true`; the role name asked of the service
//! when not configured; never through a proxy; 1 s to connect, 2 s a
//! request. `DTS_ECS_METADATA_ENDPOINT` moves the service (for tests).

use std::time::Duration;

use serde_json::{Map, Value};

use crate::config::endpoint::Endpoint;
use crate::credentials::provider::Instance;
use crate::credentials::{CredentialSource, Credentials};
use crate::error::{ApiClass, ApiError, Error};
use crate::obtain::Obtain;
use crate::obtain::sts;
use crate::secret::Secret;
use crate::transport::http::UreqTransport;
use crate::transport::{HttpRequest, HttpResponse, Method, Transport};

/// Where the metadata service is.
pub const DEFAULT_BASE: &str = "http://100.100.100.200";
const TOKEN_PATH: &str = "/latest/api/token";
const ROLES_PATH: &str = "/latest/meta-data/ram/security-credentials/";

/// The instance role's keys.
pub fn keys(o: &mut Obtain<'_>, instance: &Instance) -> Result<Credentials, Error> {
    let base = match o.env.get("DTS_ECS_METADATA_ENDPOINT") {
        Some(b) => Endpoint::parse(b)
            .map_err(|why| Error::config(format!("DTS_ECS_METADATA_ENDPOINT: {why}")))?,
        None => Endpoint::parse(DEFAULT_BASE).map_err(Error::Internal)?,
    };
    let transport = UreqTransport::new(
        Duration::from_secs(2),
        Duration::from_secs(1),
        None,
        &crate::transport::user_agent(),
    )?;
    let service = Service {
        transport: &transport,
        base: &base,
        token: None,
    };
    let step = |what: &str| {
        format!(
            "{what} from the instance metadata service at {}",
            base.host()
        )
    };
    let fail = |what: &str, cause: Error, hint: Option<String>| Error::Credential {
        step: step(what),
        cause: Box::new(cause),
        hint,
    };
    let service = service
        .with_token(o.env.is_true("ALIBABA_CLOUD_IMDSV1_DISABLED"))
        .map_err(|e| fail("getting a session token", e, None))?;
    let role = match &instance.role_name {
        Some(r) => r.clone(),
        None => service.role_name().map_err(|e| {
            fail(
                "asking the instance's RAM role",
                e,
                Some("attach a RAM role to this ECS instance, or set ALIBABA_CLOUD_ECS_METADATA_DISABLED=true to skip it".into()),
            )
        })?,
    };
    let entry = service.credentials(&role).map_err(|e| {
        let hint = matches!(&e, Error::Api(api) if api.http_status == 404).then(|| {
            format!("the RAM role '{role}' is not attached to this instance: attach it, or name the role that is")
        });
        fail(&format!("getting the keys of the RAM role '{role}'"), e, hint)
    })?;
    (o.verbose)(&format!(
        "credentials: the ECS instance's RAM role '{role}' (valid until {})",
        entry.expiration
    ));
    Ok(Credentials {
        access_key_id: entry.access_key_id,
        access_key_secret: entry.access_key_secret,
        security_token: Some(entry.security_token),
        source: CredentialSource::Instance { role },
    })
}

/// The metadata service, with a session token once there is one.
struct Service<'a> {
    transport: &'a UreqTransport,
    base: &'a Endpoint,
    token: Option<Secret>,
}

impl Service<'_> {
    /// Gets a session token; without one, IMDSv1 goes on unless disabled.
    fn with_token(mut self, v1_disabled: bool) -> Result<Self, Error> {
        let mut put = self.request(Method::Put, TOKEN_PATH);
        put.headers.push((
            "X-aliyun-ecs-metadata-token-ttl-seconds",
            Secret::new("21600"),
        ));
        match self.transport.send(&put).and_then(ok) {
            Ok(answer) => {
                self.token = Some(Secret::new(String::from_utf8_lossy(&answer.body).trim()));
                Ok(self)
            }
            Err(_) if !v1_disabled => Ok(self),
            Err(e) => Err(e),
        }
    }

    fn request(&self, method: Method, path: &str) -> HttpRequest {
        let mut r = HttpRequest {
            method,
            url: format!("{}{}", self.base.url().trim_end_matches('/'), path),
            authority: self.base.authority.clone(),
            headers: Vec::new(),
            body: None,
        };
        if let Some(t) = &self.token {
            r.headers.push(("X-aliyun-ecs-metadata-token", t.clone()));
        }
        r
    }

    fn get(&self, path: &str) -> Result<HttpResponse, Error> {
        self.transport
            .send(&self.request(Method::Get, path))
            .and_then(ok)
    }

    /// The role attached to the instance.
    fn role_name(&self) -> Result<String, Error> {
        let answer = self.get(ROLES_PATH)?;
        let text = String::from_utf8_lossy(&answer.body);
        text.lines()
            .next()
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_string)
            .ok_or_else(|| Error::BadResponse {
                message: "the service named no RAM role".into(),
                http_status: Some(answer.status),
            })
    }

    /// The role's keys.
    fn credentials(&self, role: &str) -> Result<sts::CachedKeys, Error> {
        let answer = self.get(&format!("{ROLES_PATH}{role}"))?;
        let object: Map<String, Value> =
            serde_json::from_slice(&answer.body).map_err(|_| Error::BadResponse {
                message: "the answer is not a JSON object".into(),
                http_status: Some(answer.status),
            })?;
        let code = object.get("Code").and_then(Value::as_str).unwrap_or("");
        if code != "Success" {
            return Err(refused(
                answer.status,
                format!("the service answered Code '{code}'"),
            ));
        }
        let mut wrapped = Map::new();
        wrapped.insert("Credentials".into(), Value::Object(object));
        sts::keys_of(&wrapped)
    }
}

/// A 2xx answer, else a refusal (404: no such role).
fn ok(answer: HttpResponse) -> Result<HttpResponse, Error> {
    match answer.status {
        200..=299 => Ok(answer),
        404 => Err(refused(
            404,
            "HTTP 404: no such role on this instance".into(),
        )),
        s => Err(refused(s, format!("HTTP {s}"))),
    }
}

fn refused(status: u16, message: String) -> Error {
    Error::Api(Box::new(ApiError {
        class: if status >= 500 {
            ApiClass::Unavailable
        } else {
            ApiClass::Auth
        },
        http_status: status,
        code: None,
        message: Some(message),
        request_id: None,
        body: None,
    }))
}
