//! dts's own TOML profile file: where it lives, reading it, and turning one
//! profile into typed values without ever quoting a secret.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use toml::{Table, Value};

use crate::config::textfile::ReadError;
use crate::error::Error;
use crate::secret::Secret;

/// The keys a profile may hold.
pub const PROFILE_KEYS: &[&str] = &[
    "access_key_id",
    "access_key_secret",
    "security_token",
    "region",
    "endpoint",
    "output",
    "timeout",
    "retries",
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
    pub access_key_id: Option<String>,
    pub access_key_secret: Option<Secret>,
    pub security_token: Option<Secret>,
    pub region: Option<String>,
    pub endpoint: Option<String>,
    pub output: Option<String>,
    pub timeout: Option<f64>,
    pub retries: Option<i64>,
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
        let wrong = |key: &str, want: &str| {
            Error::config(format!(
                "profile '{name}' in {}: {key} must be {want}",
                self.path.display()
            ))
        };
        let string = |key: &str| -> Result<Option<String>, Error> {
            match table.get(key) {
                None => Ok(None),
                Some(Value::String(s)) if s.is_empty() => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.clone())),
                Some(_) => Err(wrong(key, "a string")),
            }
        };
        let timeout = match table.get("timeout") {
            None => None,
            Some(Value::Integer(i)) => Some(*i as f64),
            Some(Value::Float(f)) => Some(*f),
            Some(_) => return Err(wrong("timeout", "a number of seconds")),
        };
        let retries = match table.get("retries") {
            None => None,
            Some(Value::Integer(i)) => Some(*i),
            Some(_) => return Err(wrong("retries", "a whole number")),
        };
        Ok(Some(Profile {
            access_key_id: string("access_key_id")?,
            access_key_secret: string("access_key_secret")?.map(Secret::new),
            security_token: string("security_token")?.map(Secret::new),
            region: string("region")?,
            endpoint: string("endpoint")?,
            output: string("output")?,
            timeout,
            retries,
            unknown_keys: table
                .keys()
                .filter(|k| !PROFILE_KEYS.contains(&k.as_str()))
                .cloned()
                .collect(),
        }))
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
