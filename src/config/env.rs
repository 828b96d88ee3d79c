//! The environment as dts sees it: only the variables it reads, empty
//! values dropped, read once (tests give an explicit map instead).

use std::collections::BTreeMap;

use crate::error::Error;

/// The environment variables dts reads.
pub const ENV_VARS: &[&str] = &[
    "ALIBABA_CLOUD_ACCESS_KEY_ID",
    "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
    "ALIBABA_CLOUD_SECURITY_TOKEN",
    "ALIBABA_CLOUD_PROFILE",
    "ALIBABA_CLOUD_REGION_ID",
    "DTS_CONFIG",
    "DTS_ENDPOINT",
    "DTS_OUTPUT",
    "DTS_TIMEOUT",
    "DTS_RETRIES",
    "HTTPS_PROXY",
    "https_proxy",
    "HTTP_PROXY",
    "http_proxy",
    "ALL_PROXY",
    "all_proxy",
    "NO_PROXY",
    "no_proxy",
    "NO_COLOR",
    "DTS_DEBUG_PANIC",
    "ALIBABA_CLOUD_STS_ENDPOINT",
    "ALIBABA_CLOUD_STS_REGION",
    "ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED",
    "ALIBABA_CLOUD_ROLE_SESSION_NAME",
    "ALIBABA_CLOUD_ROLE_ARN",
    "ALIBABA_CLOUD_OIDC_PROVIDER_ARN",
    "ALIBABA_CLOUD_OIDC_TOKEN_FILE",
    "ALIBABA_CLOUD_ECS_METADATA",
    "ALIBABA_CLOUD_ECS_METADATA_DISABLED",
    "ALIBABA_CLOUD_IMDSV1_DISABLED",
    "DTS_ECS_METADATA_ENDPOINT",
    "ALIBABA_CLOUD_CREDENTIALS_URI",
    "ALIBABA_CLOUD_CREDENTIALS_FILE",
    "ALIBABA_CLOUD_CLI_PROFILE_DISABLED",
    "ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS",
    "DTS_CREDENTIAL_CACHE",
    "DTS_RATE",
    "DTS_EMULATOR_STATE",
];

/// The environment as dts sees it: only [`ENV_VARS`], empty values dropped.
#[derive(Debug, Clone, Default)]
pub struct Env(BTreeMap<&'static str, String>);

impl Env {
    /// Reads the process environment. A variable dts uses that is not
    /// UTF-8 is a configuration error.
    pub fn from_process() -> Result<Self, Error> {
        let mut map = BTreeMap::new();
        for &name in ENV_VARS {
            match std::env::var(name) {
                Ok(v) => {
                    if !v.is_empty() {
                        map.insert(name, v);
                    }
                }
                Err(std::env::VarError::NotPresent) => {}
                Err(std::env::VarError::NotUnicode(_)) => {
                    return Err(Error::config(format!("{name} is not valid UTF-8")));
                }
            }
        }
        Ok(Env(map))
    }

    /// An explicit environment, for tests.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut map = BTreeMap::new();
        for (k, v) in pairs {
            if let Some(&name) = ENV_VARS.iter().find(|n| **n == k)
                && !v.is_empty()
            {
                map.insert(name, v.to_string());
            }
        }
        Env(map)
    }

    /// Whether `name` is set to `true` (any letter case).
    pub fn is_true(&self, name: &str) -> bool {
        self.get(name)
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(String::as_str)
    }
}
