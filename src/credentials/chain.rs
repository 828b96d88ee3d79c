//! Which credentials a command uses, highest first (CREDENTIALS.md): the
//! profile named by `--profile` alone; the environment's key pair; the
//! profile (named by `ALIBABA_CLOUD_PROFILE`, else `default`) in dts's own
//! file; the same name in the aliyun CLI's file (its `current` profile when
//! no name was given); the ECS instance's RAM role. A profile may name a
//! role to assume with keys from itself or from another profile (chains,
//! loops refused). The profile chosen here also gives the settings.

use std::path::Path;

use crate::config::aliyun::AliyunConfig;
use crate::config::ini::IniFile;
use crate::config::kind::{DEFAULT_DURATION, Kind, RoleArn, RoleSource};
use crate::config::{Env, Profile};
use crate::credentials::chain_errors::{half_pair, no_credentials, unknown_profile};
pub use crate::credentials::names::{Files, NameSource, ProfileName, Selected};
use crate::credentials::provider::{AssumeRole, Instance, Provider};
use crate::credentials::{CredentialSource, Credentials, kinds, sts_host};
use crate::error::Error;
use crate::secret::Secret;

/// How to get the keys, and the profile chosen on the way (if any).
#[derive(Debug)]
pub struct Chosen {
    pub provider: Provider,
    pub selected: Option<Selected>,
}

/// Walks the chain.
pub fn choose(name: &ProfileName, env: &Env, files: &Files<'_>) -> Result<Chosen, Error> {
    let env_id = env.get("ALIBABA_CLOUD_ACCESS_KEY_ID");
    let env_secret = env.get("ALIBABA_CLOUD_ACCESS_KEY_SECRET");
    let env_keys = name.by != NameSource::Flag && (env_id.is_some() || env_secret.is_some());
    let env_oidc = name.by != NameSource::Flag && !env_keys && kinds::env_oidc_set(env);
    let use_env = env_keys || env_oidc;
    let (selected, aliyun) = select(name, env, files, use_env)?;
    let unknown = || unknown_profile(name, files, aliyun.as_ref());
    if name.by == NameSource::Flag && selected.is_none() {
        return Err(unknown());
    }
    let provider = if env_keys {
        Provider::Static(env_credentials(env)?)
    } else if env_oidc {
        kinds::env_oidc(env)?
    } else if let Some(s) = &selected {
        let same_file = |n: &str| find(n, &s.source, files, aliyun.as_ref());
        profile_provider(s, env, &same_file, &mut vec![name.name.clone()])?
    } else if name.by == NameSource::Env {
        return Err(unknown());
    } else if let Some(instance) = instance(env, files.dmi) {
        Provider::Instance(instance)
    } else if let Some(uri) = env.get("ALIBABA_CLOUD_CREDENTIALS_URI") {
        Provider::Uri(kinds::external(uri, "ALIBABA_CLOUD_CREDENTIALS_URI"))
    } else {
        return Err(no_credentials(name, files, aliyun.as_ref()));
    };
    if let Provider::Static(c) = &provider {
        check_lengths(c)?;
    }
    Ok(Chosen { provider, selected })
}

/// The provider a profile names. `same_file` finds a source profile;
/// `seen` holds the profiles on the way, to refuse a loop.
fn profile_provider(
    s: &Selected,
    env: &Env,
    same_file: &dyn Fn(&str) -> Result<Option<Selected>, Error>,
    seen: &mut Vec<String>,
) -> Result<Provider, Error> {
    match &s.profile.kind {
        Kind::AccessKey => Ok(Provider::Static(profile_credentials(
            &s.profile, &s.source,
        )?)),
        Kind::RamRoleArn(role) => {
            let source = role_source(s, role, env, same_file, seen)?;
            let at = s.source.to_string();
            Ok(Provider::AssumeRole(Box::new(AssumeRole {
                source,
                role_arn: role.role_arn.clone(),
                session_name: env
                    .get("ALIBABA_CLOUD_ROLE_SESSION_NAME")
                    .map(str::to_string)
                    .or_else(|| role.session.name.clone()),
                duration: role.session.duration.unwrap_or(DEFAULT_DURATION),
                policy: role.session.policy.clone(),
                external_id: role.external_id.clone(),
                sts: sts_host::resolve(env, &role.session, &at)?,
                configured_in: s.source.clone(),
            })))
        }
        Kind::EcsRamRole { role_name } => Ok(Provider::Instance(Instance {
            role_name: role_name.clone(),
            configured_in: s.source.to_string(),
        })),
        Kind::OidcRoleArn(oidc) => kinds::oidc_provider(oidc, env, &s.source.to_string()),
        Kind::CredentialsUri(uri) => Ok(Provider::Uri(kinds::external(uri, &s.source.to_string()))),
        Kind::Process(command) => Ok(Provider::Process(kinds::external(
            command,
            &s.source.to_string(),
        ))),
        Kind::CloudSso(sso) => Ok(kinds::cloud_sso(s, sso)),
    }
}

/// The credentials a role is assumed with: the profile's own keys, or
/// another profile's provider.
fn role_source(
    s: &Selected,
    role: &RoleArn,
    env: &Env,
    same_file: &dyn Fn(&str) -> Result<Option<Selected>, Error>,
    seen: &mut Vec<String>,
) -> Result<Provider, Error> {
    let source_name = match &role.source {
        RoleSource::Inline => {
            return Ok(Provider::Static(profile_credentials(
                &s.profile, &s.source,
            )?));
        }
        RoleSource::Profile(n) => n,
    };
    if seen.contains(source_name) {
        seen.push(source_name.clone());
        return Err(Error::config(format!(
            "{}: source profiles form a loop: {}",
            s.source,
            seen.join(" -> ")
        )));
    }
    let Some(source) = same_file(source_name)? else {
        return Err(Error::config(format!(
            "{}: source_profile '{source_name}' not found",
            s.source
        )));
    };
    seen.push(source_name.clone());
    profile_provider(&source, env, same_file, seen)
}

/// The named profile in the file `origin` came from.
fn find(
    name: &str,
    origin: &CredentialSource,
    files: &Files<'_>,
    aliyun: Option<&AliyunConfig>,
) -> Result<Option<Selected>, Error> {
    match origin {
        CredentialSource::AliyunProfile { path, .. } => {
            let Some(a) = aliyun else { return Ok(None) };
            Ok(a.profile(name)?.map(|profile| Selected {
                profile,
                source: CredentialSource::AliyunProfile {
                    name: name.to_string(),
                    path: path.clone(),
                },
            }))
        }
        _ => Ok(files
            .dts
            .map(|f| f.profile(name))
            .transpose()?
            .flatten()
            .map(|profile| Selected {
                profile,
                source: CredentialSource::Profile {
                    name: name.to_string(),
                    path: files.shown_path.to_string(),
                },
            })),
    }
}

/// The instance's RAM role, when `ALIBABA_CLOUD_ECS_METADATA` names one or
/// this machine is an Alibaba Cloud ECS instance by its DMI data (read
/// locally: no network probe anywhere else). Off with
/// `ALIBABA_CLOUD_ECS_METADATA_DISABLED=true`.
fn instance(env: &Env, dmi: Option<&Path>) -> Option<Instance> {
    if env.is_true("ALIBABA_CLOUD_ECS_METADATA_DISABLED") {
        return None;
    }
    if let Some(role) = env.get("ALIBABA_CLOUD_ECS_METADATA") {
        return Some(Instance {
            role_name: Some(role.to_string()),
            configured_in: "ALIBABA_CLOUD_ECS_METADATA".into(),
        });
    }
    let on_ecs = dmi.is_some_and(|dir| {
        ["sys_vendor", "product_name"].iter().any(|f| {
            std::fs::read_to_string(dir.join(f))
                .is_ok_and(|t| t.to_ascii_lowercase().contains("alibaba cloud"))
        })
    });
    on_ecs.then(|| Instance {
        role_name: None,
        configured_in: "this machine is an ECS instance".into(),
    })
}

/// The named profile: dts's file first; the aliyun CLI's file only when
/// the credentials are to come from a profile (a broken one never stops a
/// run whose keys are in the environment).
fn select(
    name: &ProfileName,
    env: &Env,
    files: &Files<'_>,
    use_env: bool,
) -> Result<(Option<Selected>, Option<AliyunConfig>), Error> {
    if let Some(profile) = files
        .dts
        .map(|f| f.profile(&name.name))
        .transpose()?
        .flatten()
    {
        let source = CredentialSource::Profile {
            name: name.name.clone(),
            path: files.shown_path.to_string(),
        };
        return Ok((Some(Selected { profile, source }), None));
    }
    if use_env {
        return Ok((None, None));
    }
    let aliyun = if env.is_true("ALIBABA_CLOUD_CLI_PROFILE_DISABLED") {
        None
    } else {
        files.aliyun.map(AliyunConfig::load).transpose()?.flatten()
    };
    if let Some(a) = &aliyun {
        let aliyun_name = match name.by {
            NameSource::Default => a.current.clone().unwrap_or_else(|| name.name.clone()),
            _ => name.name.clone(),
        };
        if let Some(profile) = a.profile(&aliyun_name)? {
            let source = CredentialSource::AliyunProfile {
                name: aliyun_name,
                path: a.path.display().to_string(),
            };
            return Ok((Some(Selected { profile, source }), aliyun));
        }
    }
    Ok((ini_profile(name, files)?, aliyun))
}

/// The named profile in the credentials INI file, if any.
fn ini_profile(name: &ProfileName, files: &Files<'_>) -> Result<Option<Selected>, Error> {
    let Some(ini) = files.ini.map(IniFile::load).transpose()?.flatten() else {
        return Ok(None);
    };
    Ok(ini.profile(&name.name)?.map(|profile| Selected {
        profile,
        source: CredentialSource::Profile {
            name: name.name.clone(),
            path: ini.path.display().to_string(),
        },
    }))
}

/// `ALIBABA_CLOUD_ACCESS_KEY_ID` and `ALIBABA_CLOUD_ACCESS_KEY_SECRET`,
/// with `ALIBABA_CLOUD_SECURITY_TOKEN`; half a pair is an error.
fn env_credentials(env: &Env) -> Result<Credentials, Error> {
    const ID: &str = "ALIBABA_CLOUD_ACCESS_KEY_ID";
    const SECRET: &str = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
    match (env.get(ID), env.get(SECRET)) {
        (Some(id), Some(secret)) => Ok(Credentials {
            access_key_id: id.to_string(),
            access_key_secret: Secret::new(secret),
            security_token: env.get("ALIBABA_CLOUD_SECURITY_TOKEN").map(Secret::new),
            source: CredentialSource::Environment,
        }),
        (Some(_), None) => Err(half_pair(ID, SECRET)),
        (None, _) => Err(half_pair(SECRET, ID)),
    }
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
    check(
        &format!("the AccessKeyId from {}", c.source),
        &c.access_key_id,
        MAX_ID,
    )
    .and_then(|()| match &c.security_token {
        Some(t) => check(
            &format!("the SecurityToken from {}", c.source.token_origin()),
            t.expose(),
            MAX_TOKEN,
        ),
        None => Ok(()),
    })
    .map_err(Error::config)
}
