//! Findings that do not stop a command but that the user should see: a
//! profile file others can read, unknown profile keys, a near-miss region,
//! plain http off this machine.

use crate::config::ProfileFile;
use crate::config::endpoint::{self, Endpoint, Scheme};
use crate::credentials::chain::Selected;
use crate::credentials::provider::Provider;

/// What the settings found, for `dts: warning:` lines.
pub fn collect(
    file: Option<&ProfileFile>,
    selected: Option<&Selected>,
    region: Option<&str>,
    endpoint: &Endpoint,
    provider: &Provider,
) -> Vec<String> {
    let mut warnings: Vec<String> = file.and_then(|f| f.too_open.clone()).into_iter().collect();
    if let Some(s) = selected {
        warnings.extend(
            s.profile
                .unknown_keys
                .iter()
                .map(|k| format!("{}: unknown key '{k}' ignored", s.source)),
        );
    }
    if let Some(r) = region
        && let Some(near) = endpoint::did_you_mean(r)
    {
        warnings.push(format!(
            "unknown region '{r}'; did you mean '{near}'? calling {endpoint}"
        ));
    }
    if endpoint.scheme == Scheme::Http && !endpoint.is_loopback() {
        warnings.push(format!(
            "the endpoint {endpoint} is plain http on a host that is not this machine: the signed requests{} travel in clear text; use https",
            if !matches!(provider, Provider::Static(c) if c.security_token.is_none()) {
                " and the SecurityToken"
            } else {
                ""
            }
        ));
    }
    warnings
}
