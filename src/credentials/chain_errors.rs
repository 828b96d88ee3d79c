//! What the credential chain says when it finds nothing: the places it
//! looked, the profiles that do exist, and how to set credentials up.

use crate::config::aliyun::AliyunConfig;
use crate::credentials::names::{Files, NameSource, ProfileName};
use crate::error::Error;

pub fn no_credentials(
    name: &ProfileName,
    files: &Files<'_>,
    aliyun: Option<&AliyunConfig>,
) -> Error {
    let shown_path = files.shown_path;
    let aliyun_path = files
        .aliyun
        .map_or_else(String::new, |p| format!(", nor in {}", p.display()));
    let ini = files.ini.map_or_else(
        || " (nor a credentials INI file)".to_string(),
        |p| format!(", nor in {}", p.display()),
    );
    Error::NoCredentials {
        message: format!(
            "no credentials: ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET are not set, and there is no profile '{}' in {shown_path}{aliyun_path}{ini}; this is not an ECS instance and ALIBABA_CLOUD_CREDENTIALS_URI is not set",
            name.name
        ),
        hint: existing_profiles(files, aliyun).map_or_else(
            || setup_hint(shown_path),
            |listed| format!("{listed}; choose one with -p NAME (or ALIBABA_CLOUD_PROFILE=NAME)"),
        ),
    }
}

pub fn unknown_profile(
    name: &ProfileName,
    files: &Files<'_>,
    aliyun: Option<&AliyunConfig>,
) -> Error {
    let by = match name.by {
        NameSource::Flag => " (from --profile)",
        NameSource::Env => " (from ALIBABA_CLOUD_PROFILE)",
        NameSource::Default => "",
    };
    let mut places = vec![files.shown_path.to_string()];
    if let Some(a) = aliyun {
        places.push(a.path.display().to_string());
    }
    let hint = existing_profiles(files, aliyun).unwrap_or_else(|| setup_hint(files.shown_path));
    Error::Config {
        message: format!(
            "profile '{}'{by} not found in {}",
            name.name,
            places.join(" or ")
        ),
        hint: Some(hint),
    }
}

/// "profiles in PATH: a, b; aliyun CLI profiles in PATH: c", or `None`
/// when neither file holds a profile.
fn existing_profiles(files: &Files<'_>, aliyun: Option<&AliyunConfig>) -> Option<String> {
    let mut listed = Vec::new();
    if let Some(f) = files.dts.filter(|f| !f.names().is_empty()) {
        listed.push(format!(
            "profiles in {}: {}",
            files.shown_path,
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

pub fn half_pair(set: &str, missing: &str) -> Error {
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
