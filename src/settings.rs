//! The one precedence function: flag, then environment, then profile, then
//! default, for every setting and for the credentials.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use crate::config::{Profile, ProfileFile};
use crate::credentials::{CredentialSource, Credentials, Secret};
use crate::endpoint::{self, Endpoint};
use crate::error::Error;
use crate::output::OutputFormat;

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
];

pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
pub const DEFAULT_RETRIES: u32 = 3;
pub const MAX_RETRIES: u32 = 100;

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

    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(String::as_str)
    }
}

/// The global options as given on the command line (already checked by
/// clap).
#[derive(Debug, Clone, Default)]
pub struct Flags {
    pub profile: Option<String>,
    pub config: Option<PathBuf>,
    pub region: Option<String>,
    pub endpoint: Option<Endpoint>,
    pub output: Option<OutputFormat>,
    pub timeout: Option<Duration>,
    pub retries: Option<u32>,
}

/// Everything a call needs, resolved once.
#[derive(Debug, Clone)]
pub struct Settings {
    pub output: OutputFormat,
    pub region: Option<String>,
    pub endpoint: Endpoint,
    pub timeout: Duration,
    pub connect_timeout: Duration,
    pub retries: u32,
    pub credentials: Credentials,
    /// Non-fatal findings for stderr (an unknown profile key, say).
    pub warnings: Vec<String>,
}

/// The outcome of resolution: the output format as far as it could be
/// decided (so even a configuration error is reported in the right format),
/// and the settings or the error.
#[derive(Debug)]
pub struct Resolution {
    pub output: OutputFormat,
    pub result: Result<Settings, Error>,
}

/// Resolves every setting: flag, then environment, then profile, then
/// default. `default_config` is where the profile file lives when neither
/// `--config` nor `DTS_CONFIG` says.
pub fn resolve(flags: &Flags, env: &Env, default_config: Option<PathBuf>) -> Resolution {
    let mut output = flags.output.unwrap_or_default();
    let result = resolve_into(flags, env, default_config, &mut output);
    Resolution { output, result }
}

fn resolve_into(
    flags: &Flags,
    env: &Env,
    default_config: Option<PathBuf>,
    output: &mut OutputFormat,
) -> Result<Settings, Error> {
    let env_output = env
        .get("DTS_OUTPUT")
        .map(|v| OutputFormat::parse(v).map_err(|e| Error::config(format!("DTS_OUTPUT: {e}"))));
    if flags.output.is_none()
        && let Some(o) = env_output
    {
        *output = o?;
    }

    // The profile file.
    let (path, explicit) = match (&flags.config, env.get("DTS_CONFIG")) {
        (Some(p), _) => (Some(p.clone()), Some("--config")),
        (None, Some(p)) => (Some(PathBuf::from(p)), Some("DTS_CONFIG")),
        (None, None) => (default_config, None),
    };
    let file = match &path {
        Some(p) => ProfileFile::load(p, explicit)?,
        None => None,
    };
    let shown_path = path.as_ref().map_or_else(
        || "(no config directory)".to_string(),
        |p| p.display().to_string(),
    );

    // The profile.
    let (name, name_by) = match (&flags.profile, env.get("ALIBABA_CLOUD_PROFILE")) {
        (Some(n), _) => (n.clone(), NameSource::Flag),
        (None, Some(n)) => (n.to_string(), NameSource::Env),
        (None, None) => ("default".to_string(), NameSource::Default),
    };
    let profile = match &file {
        Some(f) => f.profile(&name)?,
        None => None,
    };
    let unknown_profile = || {
        let by = match name_by {
            NameSource::Flag => " (from --profile)",
            NameSource::Env => " (from ALIBABA_CLOUD_PROFILE)",
            NameSource::Default => "",
        };
        let (message, hint) = match &file {
            Some(f) if f.names().is_empty() => (
                format!("profile '{name}'{by} not found in {shown_path}, which holds no profiles"),
                None,
            ),
            Some(f) => (
                format!("profile '{name}'{by} not found in {shown_path}"),
                Some(format!("profiles there: {}", f.names().join(", "))),
            ),
            None => (
                format!("profile '{name}'{by} not found: there is no config file at {shown_path}"),
                Some(setup_hint(&shown_path)),
            ),
        };
        Error::Config { message, hint }
    };
    if name_by == NameSource::Flag && profile.is_none() {
        return Err(unknown_profile());
    }
    let p = profile.clone().unwrap_or_default();

    if flags.output.is_none()
        && env.get("DTS_OUTPUT").is_none()
        && let Some(o) = &p.output
    {
        *output =
            OutputFormat::parse(o).map_err(|e| in_profile(&name, &shown_path, "output", e))?;
    }

    // Credentials.
    let credentials = if name_by == NameSource::Flag {
        profile_credentials(&p, &name, &shown_path)?
    } else {
        let id = env.get("ALIBABA_CLOUD_ACCESS_KEY_ID");
        let secret = env.get("ALIBABA_CLOUD_ACCESS_KEY_SECRET");
        match (id, secret) {
            (Some(id), Some(secret)) => Credentials {
                access_key_id: id.to_string(),
                access_key_secret: Secret::new(secret),
                security_token: env.get("ALIBABA_CLOUD_SECURITY_TOKEN").map(Secret::new),
                source: CredentialSource::Environment,
            },
            (Some(_), None) => {
                return Err(half_pair(
                    "ALIBABA_CLOUD_ACCESS_KEY_ID",
                    "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
                ));
            }
            (None, Some(_)) => {
                return Err(half_pair(
                    "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
                    "ALIBABA_CLOUD_ACCESS_KEY_ID",
                ));
            }
            (None, None) if profile.is_some() => profile_credentials(&p, &name, &shown_path)?,
            (None, None) if name_by == NameSource::Env => return Err(unknown_profile()),
            (None, None) => {
                return Err(Error::NoCredentials {
                    message: format!(
                        "no credentials: ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET are not set, and there is no profile '{name}' in {shown_path}"
                    ),
                    hint: setup_hint(&shown_path),
                });
            }
        }
    };

    // Region, endpoint, timeout, retries.
    let region = match (&flags.region, env.get("ALIBABA_CLOUD_REGION_ID"), &p.region) {
        (Some(r), _, _) => Some(r.clone()),
        (None, Some(r), _) => {
            endpoint::validate_region(r)
                .map_err(|e| Error::config(format!("ALIBABA_CLOUD_REGION_ID: {e}")))?;
            Some(r.to_string())
        }
        (None, None, Some(r)) => {
            endpoint::validate_region(r)
                .map_err(|e| in_profile(&name, &shown_path, "region", e))?;
            Some(r.clone())
        }
        (None, None, None) => None,
    };
    let endpoint = match (&flags.endpoint, env.get("DTS_ENDPOINT"), &p.endpoint) {
        (Some(e), _, _) => e.clone(),
        (None, Some(e), _) => {
            Endpoint::parse(e).map_err(|e| Error::config(format!("DTS_ENDPOINT: {e}")))?
        }
        (None, None, Some(e)) => {
            Endpoint::parse(e).map_err(|e| in_profile(&name, &shown_path, "endpoint", e))?
        }
        (None, None, None) => Endpoint::https(endpoint::host_for_region(region.as_deref())),
    };
    let timeout = match (flags.timeout, env.get("DTS_TIMEOUT"), p.timeout) {
        (Some(t), _, _) => t,
        (None, Some(t), _) => {
            parse_seconds(t).map_err(|e| Error::config(format!("DTS_TIMEOUT: {e}")))?
        }
        (None, None, Some(t)) => {
            seconds(t).map_err(|e| in_profile(&name, &shown_path, "timeout", e))?
        }
        (None, None, None) => DEFAULT_TIMEOUT,
    };
    let retries = match (flags.retries, env.get("DTS_RETRIES"), p.retries) {
        (Some(r), _, _) => r,
        (None, Some(r), _) => {
            parse_retries(r).map_err(|e| Error::config(format!("DTS_RETRIES: {e}")))?
        }
        (None, None, Some(r)) => {
            retries_in_range(r).map_err(|e| in_profile(&name, &shown_path, "retries", e))?
        }
        (None, None, None) => DEFAULT_RETRIES,
    };

    let warnings = file
        .as_ref()
        .and_then(|f| f.too_open.clone())
        .into_iter()
        .chain(
            p.unknown_keys
                .iter()
                .map(|k| format!("profile '{name}' in {shown_path}: unknown key '{k}' ignored")),
        )
        .collect();

    Ok(Settings {
        output: *output,
        region,
        endpoint,
        connect_timeout: timeout.min(CONNECT_TIMEOUT),
        timeout,
        retries,
        credentials,
        warnings,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NameSource {
    Flag,
    Env,
    Default,
}

fn profile_credentials(p: &Profile, name: &str, path: &str) -> Result<Credentials, Error> {
    match (&p.access_key_id, &p.access_key_secret) {
        (Some(id), Some(secret)) => Ok(Credentials {
            access_key_id: id.clone(),
            access_key_secret: secret.clone(),
            security_token: p.security_token.clone(),
            source: CredentialSource::Profile {
                name: name.to_string(),
                path: path.to_string(),
            },
        }),
        (Some(_), None) => Err(Error::config(format!(
            "profile '{name}' in {path} has access_key_id but no access_key_secret"
        ))),
        (None, Some(_)) => Err(Error::config(format!(
            "profile '{name}' in {path} has access_key_secret but no access_key_id"
        ))),
        (None, None) => Err(Error::Config {
            message: format!("profile '{name}' in {path} holds no access key"),
            hint: Some("add access_key_id and access_key_secret to it".into()),
        }),
    }
}

fn half_pair(set: &str, missing: &str) -> Error {
    Error::Config {
        message: format!("{set} is set but {missing} is not"),
        hint: Some("set both variables of the pair, or neither to use a profile".into()),
    }
}

fn in_profile(name: &str, path: &str, key: &str, e: String) -> Error {
    Error::config(format!("profile '{name}' in {path}: {key}: {e}"))
}

fn setup_hint(path: &str) -> String {
    format!(
        "export ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or write a [default] profile with access_key_id and access_key_secret to {path}"
    )
}

/// Parses a number of seconds, fractions allowed, greater than zero.
pub fn parse_seconds(s: &str) -> Result<Duration, String> {
    let v: f64 = s
        .trim()
        .parse()
        .map_err(|_| format!("'{s}' is not a number of seconds"))?;
    seconds(v)
}

fn seconds(v: f64) -> Result<Duration, String> {
    if !v.is_finite() || v <= 0.0 {
        return Err(format!("{v} is not a positive number of seconds"));
    }
    Duration::try_from_secs_f64(v).map_err(|_| format!("{v} seconds is too long"))
}

/// Parses a retry count, 0 to [`MAX_RETRIES`].
pub fn parse_retries(s: &str) -> Result<u32, String> {
    let v: i64 = s
        .trim()
        .parse()
        .map_err(|_| format!("'{s}' is not a whole number"))?;
    retries_in_range(v)
}

fn retries_in_range(v: i64) -> Result<u32, String> {
    match u32::try_from(v) {
        Ok(n) if n <= MAX_RETRIES => Ok(n),
        _ => Err(format!("{v} is not between 0 and {MAX_RETRIES}")),
    }
}

#[cfg(test)]
#[path = "settings_tests.rs"]
mod tests;
