//! The one precedence function: flag, then environment, then profile, then
//! default, for every setting (one rule, `layers`), after the credentials
//! chain has chosen the keys and the profile.

pub mod format;
pub mod layers;
pub mod origin;
pub mod values;
pub mod warnings;

use std::path::PathBuf;
use std::time::Duration;

use crate::config::endpoint::{self, Endpoint};
use crate::config::{Env, Paths, ProfileFile};
use crate::credentials::chain::{self, Files, ProfileName, Selected};
use crate::credentials::provider::Provider;
use crate::error::Error;
use crate::settings::format::OutputFormat;
use crate::settings::layers::{ENDPOINT, Layers, RATE, REGION, RETRIES, TIMEOUT};
pub use crate::settings::origin::Origin;

pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
pub const DEFAULT_RETRIES: u32 = 3;
/// Calls a second when nothing says otherwise.
pub const DEFAULT_RATE: u32 = 10;

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
    pub rate: Option<u32>,
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
    /// Calls a second for every DTS call of the process; 0: no limit.
    pub rate: u32,
    /// How to get the keys (obtained where the network is).
    pub provider: Provider,
    /// Where each setting came from, for `--verbose`.
    pub origins: Vec<Origin>,
    /// Non-fatal findings for stderr (an unknown profile key, say).
    pub warnings: Vec<String>,
}

impl Settings {
    /// The static keys the provider holds (unit tests of precedence).
    #[cfg(test)]
    pub(crate) fn keys(&self) -> &crate::credentials::Credentials {
        match &self.provider {
            Provider::Static(c) => c,
            other => panic!("not static keys: {}", other.describe()),
        }
    }

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
            rate: 0,
            provider: Provider::Static(crate::testing::credentials()),
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

fn resolve_into(
    flags: &Flags,
    env: &Env,
    paths: &Paths,
    output: &mut OutputFormat,
) -> Result<Settings, Error> {
    let mut output_from = early_output(flags, env, output)?;
    let mut origins = Vec::new();
    let (file, shown_path) = load_file(flags, env, paths, &mut origins)?;
    let ini_path = crate::config::ini::IniFile::locate(
        env.get("ALIBABA_CLOUD_CREDENTIALS_FILE"),
        paths.alibabacloud.as_deref(),
    );
    let files = Files {
        dts: file.as_ref(),
        shown_path: &shown_path,
        aliyun: paths.aliyun.as_deref(),
        ini: ini_path.as_deref(),
        dmi: paths.dmi.as_deref(),
    };
    let emulated = flags.endpoint.as_ref().is_some_and(Endpoint::is_emulator)
        || env
            .get("DTS_ENDPOINT")
            .is_some_and(|e| e.eq_ignore_ascii_case("emulator"));
    let chosen = emulator_keys(
        emulated,
        chain::choose(
            &ProfileName::new(flags.profile.as_deref(), env),
            env,
            &files,
        ),
    )?;
    let selected = chosen.selected.as_ref();
    if let Some(from) = profile_output(flags, env, selected, output)? {
        output_from = from;
    }
    let provider = chosen.provider;
    origins.push(credentials_origin(&provider));

    let layers = Layers { env, selected };
    let region = layers.pick(&REGION, flags.region.clone(), &mut origins)?;
    let endpoint = layers.pick(&ENDPOINT, flags.endpoint.clone(), &mut origins)?;
    if region.is_none() {
        origins.push(Origin::note("region none", "RegionId is not sent"));
    }
    let endpoint = endpoint.unwrap_or_else(|| region_endpoint(region.as_deref(), &mut origins));
    let (timeout, retries, rate) = numbers(&layers, flags, &mut origins)?;
    origins.push(Origin::said(
        format!("output {}", output.name()),
        output_from,
    ));

    let warnings = warnings::collect(
        file.as_ref(),
        selected,
        region.as_deref(),
        &endpoint,
        &provider,
    );
    Ok(Settings {
        output: *output,
        region,
        endpoint,
        connect_timeout: timeout.min(CONNECT_TIMEOUT),
        timeout,
        retries,
        rate,
        provider,
        origins,
        warnings,
    })
}

/// With the built-in emulator as endpoint (by flag, variable or the
/// profile's `endpoint`), dts signs with the emulator's demo keys, never
/// the user's: no credentials are needed at all.
fn emulator_keys(
    emulated: bool,
    chosen: Result<chain::Chosen, Error>,
) -> Result<chain::Chosen, Error> {
    let in_profile = |c: &chain::Chosen| {
        c.selected
            .as_ref()
            .and_then(|s| s.profile.endpoint.as_deref())
            .is_some_and(|e| e.eq_ignore_ascii_case("emulator"))
    };
    let demo = || {
        Provider::Static(crate::credentials::Credentials {
            access_key_id: crate::config::endpoint::DEMO_KEY_ID.into(),
            access_key_secret: crate::secret::Secret::new(crate::config::endpoint::DEMO_KEY_SECRET),
            security_token: None,
            source: crate::credentials::CredentialSource::Provider(
                "the built-in emulator's demo keys (never yours)".into(),
            ),
        })
    };
    match chosen {
        Ok(c) if emulated || in_profile(&c) => Ok(chain::Chosen {
            provider: demo(),
            ..c
        }),
        Err(_) if emulated => Ok(chain::Chosen {
            provider: demo(),
            selected: None,
        }),
        other => other,
    }
}

/// The time limit, the retries and the rate, each by the one rule, else
/// its default.
fn numbers(
    layers: &Layers<'_>,
    flags: &Flags,
    origins: &mut Vec<Origin>,
) -> Result<(Duration, u32, u32), Error> {
    let timeout = layers
        .pick(&TIMEOUT, flags.timeout, origins)?
        .unwrap_or_else(|| {
            let shown = format!("timeout {} s", DEFAULT_TIMEOUT.as_secs());
            origins.push(Origin::note(shown, "default"));
            DEFAULT_TIMEOUT
        });
    let retries = layers
        .pick(&RETRIES, flags.retries, origins)?
        .unwrap_or_else(|| {
            let shown = format!("retries {DEFAULT_RETRIES}");
            origins.push(Origin::note(shown, "default"));
            DEFAULT_RETRIES
        });
    let rate = layers.pick(&RATE, flags.rate, origins)?.unwrap_or_else(|| {
        origins.push(Origin::note(
            format!("rate {DEFAULT_RATE} calls/s"),
            "default",
        ));
        DEFAULT_RATE
    });
    Ok((timeout, retries, rate))
}

/// The output format from the flag or `DTS_OUTPUT`, decided before any
/// file is read; returns where it came from.
fn early_output(flags: &Flags, env: &Env, output: &mut OutputFormat) -> Result<String, Error> {
    if flags.output.is_some() {
        return Ok("--output".into());
    }
    match env.get("DTS_OUTPUT") {
        Some(v) => {
            *output =
                OutputFormat::parse(v).map_err(|e| Error::config(format!("DTS_OUTPUT: {e}")))?;
            Ok("DTS_OUTPUT".into())
        }
        None => Ok("default".into()),
    }
}

/// The output format from the selected profile, when neither the flag nor
/// the environment set it; returns where it came from.
fn profile_output(
    flags: &Flags,
    env: &Env,
    selected: Option<&Selected>,
    output: &mut OutputFormat,
) -> Result<Option<String>, Error> {
    if flags.output.is_some() || env.get("DTS_OUTPUT").is_some() {
        return Ok(None);
    }
    let Some(s) = selected else { return Ok(None) };
    let Some(o) = &s.profile.output else {
        return Ok(None);
    };
    *output =
        OutputFormat::parse(o).map_err(|e| Error::config(format!("{}: output: {e}", s.source)))?;
    Ok(Some(s.source.to_string()))
}

/// dts's own profile file (`--config`, `DTS_CONFIG`, or the default path)
/// and its path as shown in messages.
fn load_file(
    flags: &Flags,
    env: &Env,
    paths: &Paths,
    origins: &mut Vec<Origin>,
) -> Result<(Option<ProfileFile>, String), Error> {
    let (path, explicit) = match (&flags.config, env.get("DTS_CONFIG")) {
        (Some(p), _) => (Some(p.clone()), Some("--config")),
        (None, Some(p)) => (Some(PathBuf::from(p)), Some("DTS_CONFIG")),
        (None, None) => (paths.dts.clone(), None),
    };
    let file = match &path {
        Some(p) => ProfileFile::load(p, explicit)?,
        None => None,
    };
    let shown = path.as_ref().map_or_else(
        || "(no config directory)".to_string(),
        |p| p.display().to_string(),
    );
    let what = format!("config file {shown}");
    origins.push(match (&file, explicit) {
        (Some(_), Some(by)) => Origin::said(what, by),
        (Some(_), None) => Origin::new(what, origin::From::Bare),
        (None, _) => Origin::note(what, "not present"),
    });
    Ok((file, shown))
}

/// Where the credentials came from, with the AccessKeyId and the token's
/// preview.
fn credentials_origin(provider: &Provider) -> Origin {
    let what = match provider {
        Provider::Static(c) => {
            let token = c
                .security_token
                .as_ref()
                .map_or_else(String::new, |t| format!(", SecurityToken {}", t.preview()));
            format!(
                "credentials from {}: AccessKeyId {}{token}",
                c.source, c.access_key_id
            )
        }
        other => format!("credentials from {}", other.describe()),
    };
    Origin::new(what, origin::From::Bare)
}

/// The endpoint the region gives, when nothing names one.
fn region_endpoint(region: Option<&str>, origins: &mut Vec<Origin>) -> Endpoint {
    let e = Endpoint::https(endpoint::host_for_region(region));
    origins.push(match region {
        Some(r) => Origin::said(format!("endpoint {e}"), format!("region {r}")),
        None => Origin::note(format!("endpoint {e}"), "default: no region set"),
    });
    e
}

#[cfg(test)]
mod tests;
