//! dts's own TOML profile file: where it lives, reading it, and turning one
//! profile into typed values without ever quoting a secret.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use toml::{Table, Value};

use crate::config::kind::{Kind, Oidc, RoleArn, RoleSource, Session, check_duration};
use crate::config::textfile::ReadError;
use crate::error::Error;
use crate::secret::Secret;

/// The keys a profile may hold.
pub const PROFILE_KEYS: &[&str] = &[
    "type",
    "access_key_id",
    "access_key_secret",
    "security_token",
    "region",
    "endpoint",
    "output",
    "timeout",
    "retries",
    "rate",
    "role_arn",
    "source_profile",
    "role_session_name",
    "duration_seconds",
    "policy",
    "external_id",
    "sts_region",
    "sts_endpoint",
    "role_name",
    "oidc_provider_arn",
    "oidc_token_file",
    "credentials_uri",
    "process_command",
];

/// The profile types dts knows.
pub const TYPES: &[&str] = &[
    "access_key",
    "ram_role_arn",
    "ecs_ram_role",
    "oidc_role_arn",
    "credentials_uri",
    "process",
];

/// The default location: `<config dir>/dts/config.toml`.
pub fn default_path() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("dts").join("config.toml"))
}

/// A parsed profile file.
#[derive(Debug, Clone)]
pub struct ProfileFile {
    pub path: PathBuf,
    profiles: BTreeMap<String, Table>,
    /// Set when the file holds a secret and group or others may read it.
    pub too_open: Option<String>,
}

/// One profile's values, types checked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profile {
    /// How its keys are obtained.
    pub kind: Kind,
    pub access_key_id: Option<String>,
    pub access_key_secret: Option<Secret>,
    pub security_token: Option<Secret>,
    pub region: Option<String>,
    pub endpoint: Option<String>,
    pub output: Option<String>,
    pub timeout: Option<f64>,
    pub retries: Option<i64>,
    /// Calls a second (`--rate`).
    pub rate: Option<i64>,
    /// Keys dts does not know, for a warning.
    pub unknown_keys: Vec<String>,
}

impl ProfileFile {
    /// Reads `path`. A missing file is `Ok(None)` unless `explicit` (named
    /// by `--config` or `DTS_CONFIG`), when it is an error.
    pub fn load(path: &Path, explicit: Option<&str>) -> Result<Option<Self>, Error> {
        let bytes = match crate::config::textfile::read(path) {
            Ok(bytes) => bytes,
            Err(ReadError::Missing) => {
                return match explicit {
                    None => Ok(None),
                    Some(by) => Err(Error::config(format!(
                        "config file {} (named by {by}) does not exist",
                        path.display()
                    ))),
                };
            }
            Err(ReadError::Bad(why)) => {
                return Err(Error::config(format!(
                    "cannot read config file {}: {why}",
                    path.display()
                )));
            }
        };
        let text = String::from_utf8(bytes).map_err(|_| {
            Error::config(format!("config file {} is not valid UTF-8", path.display()))
        })?;
        let mut file = Self::parse(path, &text)?;
        if file.holds_secret()
            && let Some(mode) = open_mode(path)
        {
            file.too_open = Some(format!(
                "{p} holds secrets and can be read by others (mode {mode:04o}); fix it with: chmod 600 {p}",
                p = path.display()
            ));
        }
        Ok(Some(file))
    }

    /// Whether any profile holds an AccessKeySecret or a SecurityToken.
    fn holds_secret(&self) -> bool {
        self.profiles
            .values()
            .any(|t| t.contains_key("access_key_secret") || t.contains_key("security_token"))
    }

    /// Parses the text of a profile file. Errors give the line and column
    /// and never quote the file's text.
    pub fn parse(path: &Path, text: &str) -> Result<Self, Error> {
        let table: Table = text.parse().map_err(|e: toml::de::Error| {
            let at = e
                .span()
                .map(|span| {
                    let (line, col) = line_col(text, span.start);
                    format!(" at line {line}, column {col}")
                })
                .unwrap_or_default();
            Error::config(format!(
                "config file {} is not valid TOML{at}: {}",
                path.display(),
                e.message().trim_end()
            ))
        })?;
        let mut profiles = BTreeMap::new();
        for (name, value) in table {
            match value {
                Value::Table(t) => {
                    profiles.insert(name, t);
                }
                _ => {
                    return Err(Error::config(format!(
                        "config file {}: top-level key '{name}' is not a [profile] table",
                        path.display()
                    )));
                }
            }
        }
        Ok(ProfileFile {
            path: path.to_path_buf(),
            profiles,
            too_open: None,
        })
    }

    /// The names of the profiles in the file, sorted.
    pub fn names(&self) -> Vec<&str> {
        self.profiles.keys().map(String::as_str).collect()
    }

    /// The named profile, types checked; `Ok(None)` when absent.
    pub fn profile(&self, name: &str) -> Result<Option<Profile>, Error> {
        let Some(table) = self.profiles.get(name) else {
            return Ok(None);
        };
        let keys = Keys {
            table,
            at: format!("profile '{name}' in {}", self.path.display()),
        };
        let timeout = match table.get("timeout") {
            None => None,
            Some(Value::Integer(i)) => Some(*i as f64),
            Some(Value::Float(f)) => Some(*f),
            Some(_) => return Err(keys.wrong("timeout", "a number of seconds")),
        };
        Ok(Some(Profile {
            kind: keys.kind()?,
            access_key_id: keys.string("access_key_id")?,
            access_key_secret: keys.string("access_key_secret")?.map(Secret::new),
            security_token: keys.string("security_token")?.map(Secret::new),
            region: keys.string("region")?,
            endpoint: keys.string("endpoint")?,
            output: keys.string("output")?,
            timeout,
            retries: keys.integer("retries")?,
            rate: keys.integer("rate")?,
            unknown_keys: table
                .keys()
                .filter(|k| !PROFILE_KEYS.contains(&k.as_str()))
                .cloned()
                .collect(),
        }))
    }
}

/// One profile's table, read key by key.
struct Keys<'a> {
    table: &'a Table,
    /// "profile 'NAME' in PATH", for messages.
    at: String,
}

impl Keys<'_> {
    fn wrong(&self, key: &str, want: &str) -> Error {
        Error::config(format!("{}: {key} must be {want}", self.at))
    }

    fn string(&self, key: &str) -> Result<Option<String>, Error> {
        match self.table.get(key) {
            None => Ok(None),
            Some(Value::String(s)) if s.is_empty() => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(self.wrong(key, "a string")),
        }
    }

    fn integer(&self, key: &str) -> Result<Option<i64>, Error> {
        match self.table.get(key) {
            None => Ok(None),
            Some(Value::Integer(i)) => Ok(Some(*i)),
            Some(_) => Err(self.wrong(key, "a whole number")),
        }
    }

    fn required(&self, key: &str, kind: &str) -> Result<String, Error> {
        self.string(key)?.ok_or_else(|| {
            Error::config(format!("{}: a profile of type {kind} needs {key}", self.at))
        })
    }

    /// What `type` says, with its keys.
    fn kind(&self) -> Result<Kind, Error> {
        let kind = self.string("type")?;
        Ok(match kind.as_deref().unwrap_or("access_key") {
            "access_key" => Kind::AccessKey,
            "ram_role_arn" => Kind::RamRoleArn(RoleArn {
                role_arn: self.required("role_arn", "ram_role_arn")?,
                source: match self.string("source_profile")? {
                    Some(p) => RoleSource::Profile(p),
                    None => RoleSource::Inline,
                },
                session: self.session()?,
                external_id: self.string("external_id")?,
            }),
            "ecs_ram_role" => Kind::EcsRamRole {
                role_name: self.string("role_name")?,
            },
            "oidc_role_arn" => Kind::OidcRoleArn(Oidc {
                role_arn: self.required("role_arn", "oidc_role_arn")?,
                provider_arn: self.required("oidc_provider_arn", "oidc_role_arn")?,
                token_file: self.required("oidc_token_file", "oidc_role_arn")?.into(),
                session: self.session()?,
            }),
            "credentials_uri" => {
                Kind::CredentialsUri(self.required("credentials_uri", "credentials_uri")?)
            }
            "process" => Kind::Process(self.required("process_command", "process")?),
            other => {
                return Err(Error::Config {
                    message: format!("{}: unknown type '{other}'", self.at),
                    hint: Some(format!("types: {}", TYPES.join(", "))),
                });
            }
        })
    }

    /// A role session's settings.
    fn session(&self) -> Result<Session, Error> {
        let duration = self
            .integer("duration_seconds")?
            .map(check_duration)
            .transpose()
            .map_err(|e| Error::config(format!("{}: duration_seconds: {e}", self.at)))?;
        Ok(Session {
            name: self.string("role_session_name")?,
            duration,
            policy: self.string("policy")?,
            sts_region: self.string("sts_region")?,
            sts_endpoint: self.string("sts_endpoint")?,
        })
    }
}

/// The file's permission bits when group or others have any access.
#[cfg(unix)]
fn open_mode(path: &Path) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path).ok()?.permissions().mode() & 0o777;
    (mode & 0o077 != 0).then_some(mode)
}

#[cfg(not(unix))]
fn open_mode(_path: &Path) -> Option<u32> {
    None
}

/// 1-based line and column of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<ProfileFile, Error> {
        ProfileFile::parse(Path::new("/x/config.toml"), text)
    }

    #[test]
    fn reads_profiles() {
        let f = parse(
            "[default]\naccess_key_id = \"id\"\naccess_key_secret = \"s\"\nregion = \"cn-hangzhou\"\ntimeout = 2\n\n[prod]\nretries = 1\n",
        )
        .unwrap();
        assert_eq!(f.names(), vec!["default", "prod"]);
        let p = f.profile("default").unwrap().unwrap();
        assert_eq!(p.access_key_id.as_deref(), Some("id"));
        assert_eq!(p.access_key_secret.as_ref().map(Secret::expose), Some("s"));
        assert_eq!(p.region.as_deref(), Some("cn-hangzhou"));
        assert_eq!(p.timeout, Some(2.0));
        assert_eq!(f.profile("prod").unwrap().unwrap().retries, Some(1));
        assert!(f.profile("nope").unwrap().is_none());
    }

    #[test]
    fn syntax_error_names_line_and_never_quotes_it() {
        let err = parse("[default]\naccess_key_secret = \"sentinel-secret\nregion = 1\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("/x/config.toml"), "{err}");
        assert!(err.contains("line 2"), "{err}");
        assert!(!err.contains("sentinel"), "{err}");
    }

    #[test]
    fn wrong_types_are_config_errors() {
        let f = parse("[p]\nregion = 5\naccess_key_secret = [\"sentinel\"]\n").unwrap();
        let err = f.profile("p").unwrap_err();
        assert_eq!(err.exit_code(), 3);
        assert!(!err.to_string().contains("sentinel"));
        assert!(parse("region = \"x\"\n").is_err());
    }

    #[test]
    fn line_and_column() {
        assert_eq!(line_col("ab\ncd", 4), (2, 2));
        assert_eq!(line_col("ab", 0), (1, 1));
    }
}
