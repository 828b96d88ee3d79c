//! Builds a signed RPC request: the common parameters, the operation's
//! own, the signature, and the wire URL.

use std::collections::BTreeMap;
use std::fmt;

use crate::config::endpoint::Endpoint;
use crate::credentials::Credentials;
use crate::sign;

/// The API version every DTS action here uses.
pub const API_VERSION: &str = "2020-01-01";
/// The API version of STS (AssumeRole).
pub const STS_VERSION: &str = "2015-04-01";
/// dts sends every parameter in the query string of a POST.
pub const METHOD: &str = "POST";

/// An operation's own parameters; `None` or empty values are not sent.
pub type Operation = Vec<(&'static str, Option<String>)>;

/// A request ready to send: every parameter, `Signature` included.
#[derive(Clone, PartialEq, Eq)]
pub struct SignedRequest {
    pub method: &'static str,
    pub endpoint: Endpoint,
    pub params: BTreeMap<String, String>,
    /// What was signed, for `--verbose` after `SignatureDoesNotMatch`. It
    /// holds the SecurityToken (encoded twice): mask it before printing.
    pub string_to_sign: String,
}

impl SignedRequest {
    /// The query string, each name and value encoded as for signing.
    pub fn query(&self) -> String {
        sign::canonicalized_query(&self.params)
    }

    /// The whole URL.
    pub fn url(&self) -> String {
        format!("{}?{}", self.endpoint.url(), self.query())
    }

    /// The parameters with the SecurityToken shown as its preview, for
    /// `--dry-run` and `--verbose`.
    pub fn redacted_params(&self, credentials: &Credentials) -> Vec<(String, String)> {
        self.params
            .iter()
            .map(|(k, v)| {
                let shown = match (&credentials.security_token, k.as_str()) {
                    (Some(token), "SecurityToken") => token.preview(),
                    _ => v.clone(),
                };
                (k.clone(), shown)
            })
            .collect()
    }

    /// The URL with the SecurityToken shown as its preview.
    pub fn redacted_url(&self, credentials: &Credentials) -> String {
        let params: BTreeMap<String, String> =
            self.redacted_params(credentials).into_iter().collect();
        format!(
            "{}?{}",
            self.endpoint.url(),
            sign::canonicalized_query(&params)
        )
    }
}

impl fmt::Debug for SignedRequest {
    /// The parameters with the SecurityToken redacted, and no string to
    /// sign (it holds the token too).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let params: BTreeMap<&str, &str> = self
            .params
            .iter()
            .map(|(k, v)| match k.as_str() {
                "SecurityToken" => (k.as_str(), "(redacted)"),
                _ => (k.as_str(), v.as_str()),
            })
            .collect();
        f.debug_struct("SignedRequest")
            .field("method", &self.method)
            .field("endpoint", &self.endpoint)
            .field("params", &params)
            .finish_non_exhaustive()
    }
}

/// Signs a call of `action` with `operation` parameters. Parameters with
/// empty values are not sent. `timestamp` and `nonce` come from the caller
/// so this stays pure.
pub fn build(
    version: &str,
    action: &str,
    operation: &[(&str, Option<String>)],
    credentials: &Credentials,
    endpoint: &Endpoint,
    timestamp: &str,
    nonce: &str,
) -> SignedRequest {
    let mut params = BTreeMap::new();
    let mut put = |k: &str, v: &str| {
        params.insert(k.to_string(), v.to_string());
    };
    put("Action", action);
    put("Version", version);
    put("Format", "JSON");
    put("AccessKeyId", &credentials.access_key_id);
    put("SignatureMethod", "HMAC-SHA1");
    put("SignatureVersion", "1.0");
    put("SignatureNonce", nonce);
    put("Timestamp", timestamp);
    if let Some(token) = &credentials.security_token {
        put("SecurityToken", token.expose());
    }
    for (name, value) in operation {
        if let Some(v) = value.as_deref().filter(|v| !v.is_empty()) {
            put(name, v);
        }
    }
    let signed = sign::sign(METHOD, &params, credentials.access_key_secret.expose());
    params.insert("Signature".to_string(), signed.signature);
    SignedRequest {
        method: METHOD,
        endpoint: endpoint.clone(),
        params,
        string_to_sign: signed.string_to_sign,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credentials::CredentialSource;
    use crate::secret::Secret;

    #[test]
    fn builds_the_suspend_vector_request() {
        let creds = Credentials {
            access_key_id: "testid".into(),
            access_key_secret: Secret::new("testsecret"),
            security_token: None,
            source: CredentialSource::Environment,
        };
        let req = build(
            API_VERSION,
            "SuspendDtsJob",
            &[
                ("DtsJobId", Some("l3m1213ye7l****".into())),
                ("DtsInstanceId", Some("dtsl3m1213ye7l****".into())),
                ("SynchronizationDirection", Some("Forward".into())),
                ("RegionId", Some("cn-hangzhou".into())),
                ("Unsent", None),
                ("Empty", Some(String::new())),
            ],
            &creds,
            &Endpoint::https("dts.aliyuncs.com"),
            "2024-05-06T07:08:09Z",
            "45e25e9b-0a6f-4070-8c85-2956eda1b466",
        );
        // The same signature as the suspend-post test vector.
        assert_eq!(req.params["Signature"], "RA+RAFv0WTNJzK6JzXRMMQq80aE=");
        assert!(!req.params.contains_key("Unsent"));
        assert!(!req.params.contains_key("Empty"));
        assert!(
            req.url()
                .starts_with("https://dts.aliyuncs.com/?AccessKeyId=testid&")
        );
        assert!(
            req.url()
                .contains("Signature=RA%2BRAFv0WTNJzK6JzXRMMQq80aE%3D")
        );
    }

    #[test]
    fn debug_never_shows_the_token() {
        let creds = Credentials {
            access_key_id: "id".into(),
            access_key_secret: Secret::new("sentinel-secret"),
            security_token: Some(Secret::new("sentinel-token")),
            source: CredentialSource::Environment,
        };
        let req = build(
            API_VERSION,
            "SuspendDtsJob",
            &[],
            &creds,
            &Endpoint::https("dts.aliyuncs.com"),
            "2024-05-06T07:08:09Z",
            "n",
        );
        let shown = format!("{req:?}");
        assert!(!shown.contains("sentinel"), "{shown}");
        assert!(shown.contains("SecurityToken"), "{shown}");
        let http = crate::transport::HttpRequest::post(req.url(), "dts.aliyuncs.com".into());
        let shown = format!("{http:?}");
        assert!(!shown.contains("sentinel"), "{shown}");
    }
}
