//! The one precedence function: flag, then environment, then profile, then
//! default, for every setting and for the credentials.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use crate::aliyun::AliyunConfig;
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
    "HTTPS_PROXY",
    "https_proxy",
    "HTTP_PROXY",
    "http_proxy",
    "ALL_PROXY",
    "all_proxy",
    "NO_PROXY",
    "no_proxy",
    "NO_COLOR",
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

/// Where the profile files are looked for when nothing names them.
#[derive(Debug, Clone, Default)]
pub struct Paths {
    /// dts's own TOML file (`<config dir>/dts/config.toml`).
    pub dts: Option<PathBuf>,
    /// The aliyun CLI's `~/.aliyun/config.json`.
    pub aliyun: Option<PathBuf>,
}

impl Paths {
    /// The real default locations.
    pub fn from_system() -> Self {
        Paths {
            dts: crate::config::default_path(),
            aliyun: crate::aliyun::default_path(),
        }
    }
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
    /// The proxy URL to use for the endpoint, if any.
    pub proxy: Option<String>,
    /// Where each setting came from, for `--verbose`.
    pub origins: Vec<String>,
    /// Non-fatal findings for stderr (an unknown profile key, say).
    pub warnings: Vec<String>,
}

impl Settings {
    /// Plain settings for unit tests: the central endpoint, default time
    /// limits, an environment key pair, and `retries`.
    #[cfg(test)]
    pub(crate) fn for_tests(retries: u32) -> Self {
        Settings {
            output: OutputFormat::Table,
            region: None,
            endpoint: Endpoint::https(endpoint::DEFAULT_HOST),
            timeout: DEFAULT_TIMEOUT,
            connect_timeout: CONNECT_TIMEOUT,
            retries,
            credentials: Credentials {
                access_key_id: "id".into(),
                access_key_secret: Secret::new("test-secret-value"),
                security_token: None,
                source: CredentialSource::Environment,
            },
            proxy: None,
            origins: vec![],
            warnings: vec![],
        }
    }
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
/// default; and the credentials in CONTRACT.md's order.
pub fn resolve(flags: &Flags, env: &Env, paths: &Paths) -> Resolution {
    let mut output = flags.output.unwrap_or_default();
    let result = resolve_into(flags, env, paths, &mut output);
    Resolution { output, result }
}

/// The profile dts settled on, and which file it came from.
struct Selected {
    profile: Profile,
    source: CredentialSource,
}

fn resolve_into(
    flags: &Flags,
    env: &Env,
    paths: &Paths,
    output: &mut OutputFormat,
) -> Result<Settings, Error> {
    let mut origins = Vec::new();
    let mut output_from = if flags.output.is_some() {
        "--output".to_string()
    } else {
        "default".to_string()
    };
    if flags.output.is_none()
        && let Some(v) = env.get("DTS_OUTPUT")
    {
        *output = OutputFormat::parse(v).map_err(|e| Error::config(format!("DTS_OUTPUT: {e}")))?;
        output_from = "DTS_OUTPUT".into();
    }

    // dts's own profile file.
    let (path, explicit) = match (&flags.config, env.get("DTS_CONFIG")) {
        (Some(p), _) => (Some(p.clone()), Some("--config")),
        (None, Some(p)) => (Some(PathBuf::from(p)), Some("DTS_CONFIG")),
        (None, None) => (paths.dts.clone(), None),
    };
    let file = match &path {
        Some(p) => ProfileFile::load(p, explicit)?,
        None => None,
    };
    let shown_path = path.as_ref().map_or_else(
        || "(no config directory)".to_string(),
        |p| p.display().to_string(),
    );
    origins.push(match (&file, explicit) {
        (Some(_), Some(by)) => format!("config file {shown_path} (from {by})"),
        (Some(_), None) => format!("config file {shown_path}"),
        (None, _) => format!("config file {shown_path} (not present)"),
    });

    // The profile name.
    let (name, name_by) = match (&flags.profile, env.get("ALIBABA_CLOUD_PROFILE")) {
        (Some(n), _) => (n.clone(), NameSource::Flag),
        (None, Some(n)) => (n.to_string(), NameSource::Env),
        (None, None) => ("default".to_string(), NameSource::Default),
    };
    let env_id = env.get("ALIBABA_CLOUD_ACCESS_KEY_ID");
    let env_secret = env.get("ALIBABA_CLOUD_ACCESS_KEY_SECRET");
    let use_env = name_by != NameSource::Flag && (env_id.is_some() || env_secret.is_some());

    // The selected profile: dts's file first; the aliyun CLI's file only
    // when the credentials are to come from a profile.
    let mut aliyun: Option<AliyunConfig> = None;
    let mut selected = file
        .as_ref()
        .map(|f| f.profile(&name))
        .transpose()?
        .flatten()
        .map(|profile| Selected {
            profile,
            source: CredentialSource::Profile {
                name: name.clone(),
                path: shown_path.clone(),
            },
        });
    if selected.is_none() && !use_env {
        aliyun = match &paths.aliyun {
            Some(p) => AliyunConfig::load(p)?,
            None => None,
        };
        if let Some(a) = &aliyun {
            let aliyun_name = match name_by {
                NameSource::Default => a.current.clone().unwrap_or_else(|| name.clone()),
                _ => name.clone(),
            };
            if let Some(profile) = a.profile(&aliyun_name)? {
                selected = Some(Selected {
                    profile,
                    source: CredentialSource::AliyunProfile {
                        name: aliyun_name,
                        path: a.path.display().to_string(),
                    },
                });
            }
        }
    }
    let unknown_profile =
        || unknown_profile(&name, name_by, file.as_ref(), &shown_path, aliyun.as_ref());
    if name_by == NameSource::Flag && selected.is_none() {
        return Err(unknown_profile());
    }
    let p = selected
        .as_ref()
        .map(|s| s.profile.clone())
        .unwrap_or_default();
    let in_profile = |key: &str, e: String| match &selected {
        Some(s) => Error::config(format!("{}: {key}: {e}", s.source)),
        None => Error::config(format!("{key}: {e}")),
    };
    if flags.output.is_none()
        && env.get("DTS_OUTPUT").is_none()
        && let Some(o) = &p.output
    {
        *output = OutputFormat::parse(o).map_err(|e| in_profile("output", e))?;
        if let Some(s) = &selected {
            output_from = s.source.to_string();
        }
    }

    // Credentials.
    let credentials = if use_env {
        match (env_id, env_secret) {
            (Some(id), Some(secret)) => Credentials {
                access_key_id: id.to_string(),
                access_key_secret: Secret::new(secret),
                security_token: env.get("ALIBABA_CLOUD_SECURITY_TOKEN").map(Secret::new),
                source: CredentialSource::Environment,
            },
            (Some(_), _) => {
                return Err(half_pair(
                    "ALIBABA_CLOUD_ACCESS_KEY_ID",
                    "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
                ));
            }
            (None, _) => {
                return Err(half_pair(
                    "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
                    "ALIBABA_CLOUD_ACCESS_KEY_ID",
                ));
            }
        }
    } else if let Some(s) = &selected {
        profile_credentials(&s.profile, &s.source)?
    } else if name_by == NameSource::Env {
        return Err(unknown_profile());
    } else {
        let aliyun_path = paths
            .aliyun
            .as_ref()
            .map_or_else(String::new, |p| format!(", nor in {}", p.display()));
        return Err(Error::NoCredentials {
            message: format!(
                "no credentials: ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET are not set, and there is no profile '{name}' in {shown_path}{aliyun_path}"
            ),
            hint: existing_profiles(file.as_ref(), &shown_path, aliyun.as_ref()).map_or_else(
                || setup_hint(&shown_path),
                |listed| {
                    format!("{listed}; choose one with -p NAME (or ALIBABA_CLOUD_PROFILE=NAME)")
                },
            ),
        });
    };
    check_lengths(&credentials)?;
    origins.push(format!(
        "credentials from {}: AccessKeyId {}{}",
        credentials.source,
        credentials.access_key_id,
        credentials
            .security_token
            .as_ref()
            .map_or_else(String::new, |t| format!(", SecurityToken {}", t.preview()))
    ));

    // Region, endpoint, timeout, retries.
    let region = choose(
        "region",
        String::clone,
        flags.region.clone().map(|r| (r, "--region")),
        env,
        "ALIBABA_CLOUD_REGION_ID",
        |v| endpoint::validate_region(v).map(|()| v.to_string()),
        p.region
            .clone()
            .map(|r| endpoint::validate_region(&r).map(|()| r)),
        &in_profile,
        selected.as_ref(),
        &mut origins,
    )?;
    let endpoint = choose(
        "endpoint",
        Endpoint::to_string,
        flags.endpoint.clone().map(|e| (e, "--endpoint")),
        env,
        "DTS_ENDPOINT",
        Endpoint::parse,
        p.endpoint.as_deref().map(Endpoint::parse),
        &in_profile,
        selected.as_ref(),
        &mut origins,
    )?;
    if region.is_none() {
        origins.push("region none (RegionId is not sent)".into());
    }
    let endpoint = match endpoint {
        Some(e) => e,
        None => {
            let e = Endpoint::https(endpoint::host_for_region(region.as_deref()));
            origins.push(match &region {
                Some(r) => format!("endpoint {e} (from region {r})"),
                None => format!("endpoint {e} (default: no region set)"),
            });
            e
        }
    };
    let timeout = choose(
        "timeout",
        |t| format!("{} s", t.as_secs_f64()),
        flags.timeout.map(|t| (t, "--timeout")),
        env,
        "DTS_TIMEOUT",
        parse_seconds,
        p.timeout.map(seconds),
        &in_profile,
        selected.as_ref(),
        &mut origins,
    )?
    .unwrap_or_else(|| {
        origins.push(format!("timeout {} s (default)", DEFAULT_TIMEOUT.as_secs()));
        DEFAULT_TIMEOUT
    });
    let retries = choose(
        "retries",
        u32::to_string,
        flags.retries.map(|r| (r, "--retries")),
        env,
        "DTS_RETRIES",
        parse_retries,
        p.retries.map(retries_in_range),
        &in_profile,
        selected.as_ref(),
        &mut origins,
    )?
    .unwrap_or_else(|| {
        origins.push(format!("retries {DEFAULT_RETRIES} (default)"));
        DEFAULT_RETRIES
    });
    origins.push(format!("output {} (from {output_from})", output.name()));

    let mut warnings: Vec<String> = file
        .as_ref()
        .and_then(|f| f.too_open.clone())
        .into_iter()
        .collect();
    if let Some(s) = &selected {
        warnings.extend(
            s.profile
                .unknown_keys
                .iter()
                .map(|k| format!("{}: unknown key '{k}' ignored", s.source)),
        );
    }
    if let Some(r) = &region
        && let Some(near) = endpoint::did_you_mean(r)
    {
        warnings.push(format!(
            "unknown region '{r}'; did you mean '{near}'? calling {}",
            endpoint
        ));
    }

    if endpoint.scheme == endpoint::Scheme::Http && !endpoint.is_loopback() {
        warnings.push(format!(
            "the endpoint {endpoint} is plain http on a host that is not this machine: the signed requests{} travel in clear text; use https",
            if credentials.security_token.is_some() {
                " and the SecurityToken"
            } else {
                ""
            }
        ));
    }

    let proxy = crate::proxy::proxy_for(&endpoint, env);
    if let Some(p) = &proxy {
        origins.push(format!("proxy {}", crate::proxy::redact(p)));
    }

    Ok(Settings {
        output: *output,
        region,
        endpoint,
        connect_timeout: timeout.min(CONNECT_TIMEOUT),
        timeout,
        retries,
        credentials,
        proxy,
        origins,
        warnings,
    })
}

/// One setting by precedence: the flag, the environment variable, the
/// selected profile's key. `None` when none of them sets it (the caller
/// knows the default). Records where the value came from.
#[allow(clippy::too_many_arguments)]
fn choose<T>(
    key: &str,
    show: fn(&T) -> String,
    flag: Option<(T, &str)>,
    env: &Env,
    var: &str,
    parse_env: impl Fn(&str) -> Result<T, String>,
    profile: Option<Result<T, String>>,
    in_profile: &dyn Fn(&str, String) -> Error,
    selected: Option<&Selected>,
    origins: &mut Vec<String>,
) -> Result<Option<T>, Error> {
    let (value, from) = if let Some((v, f)) = flag {
        (v, f.to_string())
    } else if let Some(raw) = env.get(var) {
        (
            parse_env(raw).map_err(|e| Error::config(format!("{var}: {e}")))?,
            var.to_string(),
        )
    } else if let Some(parsed) = profile {
        let from = selected.map_or_else(String::new, |s| s.source.to_string());
        (parsed.map_err(|e| in_profile(key, e))?, from)
    } else {
        return Ok(None);
    };
    origins.push(format!("{key} {} (from {from})", show(&value)));
    Ok(Some(value))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NameSource {
    Flag,
    Env,
    Default,
}

fn unknown_profile(
    name: &str,
    name_by: NameSource,
    file: Option<&ProfileFile>,
    shown_path: &str,
    aliyun: Option<&AliyunConfig>,
) -> Error {
    let by = match name_by {
        NameSource::Flag => " (from --profile)",
        NameSource::Env => " (from ALIBABA_CLOUD_PROFILE)",
        NameSource::Default => "",
    };
    let mut places = vec![shown_path.to_string()];
    if let Some(a) = aliyun {
        places.push(a.path.display().to_string());
    }
    let hint =
        existing_profiles(file, shown_path, aliyun).unwrap_or_else(|| setup_hint(shown_path));
    Error::Config {
        message: format!("profile '{name}'{by} not found in {}", places.join(" or ")),
        hint: Some(hint),
    }
}

/// "profiles in PATH: a, b; aliyun CLI profiles in PATH: c", or `None`
/// when neither file holds a profile.
fn existing_profiles(
    file: Option<&ProfileFile>,
    shown_path: &str,
    aliyun: Option<&AliyunConfig>,
) -> Option<String> {
    let mut listed = Vec::new();
    if let Some(f) = file.filter(|f| !f.names().is_empty()) {
        listed.push(format!(
            "profiles in {shown_path}: {}",
            f.names().join(", ")
        ));
    }
    if let Some(a) = aliyun.filter(|a| !a.names().is_empty()) {
        listed.push(format!(
            "aliyun CLI profiles in {}: {}",
            a.path.display(),
            a.names().join(", ")
        ));
    }
    (!listed.is_empty()).then(|| listed.join("; "))
}

fn profile_credentials(p: &Profile, source: &CredentialSource) -> Result<Credentials, Error> {
    match (&p.access_key_id, &p.access_key_secret) {
        (Some(id), Some(secret)) => Ok(Credentials {
            access_key_id: id.clone(),
            access_key_secret: secret.clone(),
            security_token: p.security_token.clone(),
            source: source.clone(),
        }),
        (Some(_), None) => Err(Error::config(format!(
            "{source} has access_key_id but no access_key_secret"
        ))),
        (None, Some(_)) => Err(Error::config(format!(
            "{source} has access_key_secret but no access_key_id"
        ))),
        (None, None) => Err(Error::Config {
            message: format!("{source} holds no access key"),
            hint: Some("add access_key_id and access_key_secret to it".into()),
        }),
    }
}

/// Values too long for a request URL are configuration errors naming
/// where they came from (they come from the environment or a file).
fn check_lengths(c: &Credentials) -> Result<(), Error> {
    use crate::limits::{MAX_ID, MAX_TOKEN, check};
    let token_from = c.source.token_origin();
    check(
        &format!("the AccessKeyId from {}", c.source),
        &c.access_key_id,
        MAX_ID,
    )
    .and_then(|()| match &c.security_token {
        Some(t) => check(
            &format!("the SecurityToken from {token_from}"),
            t.expose(),
            MAX_TOKEN,
        ),
        None => Ok(()),
    })
    .map_err(Error::config)
}

fn half_pair(set: &str, missing: &str) -> Error {
    Error::Config {
        message: format!("{set} is set but {missing} is not"),
        hint: Some("set both variables of the pair, or neither to use a profile".into()),
    }
}

fn setup_hint(path: &str) -> String {
    format!(
        "run 'dts configure', export ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or write a [default] profile with access_key_id and access_key_secret to {path}"
    )
}

/// Parses a number of seconds, fractions allowed, greater than zero.
pub fn parse_seconds(s: &str) -> Result<Duration, String> {
    let v: f64 = s
        .trim()
        .parse()
        .map_err(|_| format!("{} is not a number of seconds", crate::limits::quoted(s)))?;
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
        .map_err(|_| format!("{} is not a whole number", crate::limits::quoted(s)))?;
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
