//! The official credentials libraries' INI file
//! (`ALIBABA_CLOUD_CREDENTIALS_FILE`, else `~/.alibabacloud/credentials.ini`,
//! else `~/.alibabacloud/credentials`): types `access_key`,
//! `ram_role_arn`, `ecs_ram_role` and `oidc_role_arn`, with the libraries'
//! key names. Errors never quote the file's text.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::config::Profile;
use crate::config::kind::{Kind, Oidc, RoleArn, RoleSource, Session};
use crate::config::textfile::{self, ReadError};
use crate::error::Error;
use crate::secret::Secret;

/// A parsed credentials file.
#[derive(Debug, Clone)]
pub struct IniFile {
    pub path: PathBuf,
    sections: BTreeMap<String, BTreeMap<String, String>>,
}

impl IniFile {
    /// The file the environment names, else the first of the two default
    /// names that exists under `dir` (`~/.alibabacloud`).
    pub fn locate(named: Option<&str>, dir: Option<&Path>) -> Option<PathBuf> {
        if let Some(n) = named {
            return Some(PathBuf::from(n));
        }
        let dir = dir?;
        ["credentials.ini", "credentials"]
            .iter()
            .map(|f| dir.join(f))
            .find(|p| p.exists())
    }

    /// Reads `path`; a missing file is `Ok(None)`.
    pub fn load(path: &Path) -> Result<Option<Self>, Error> {
        let bytes = match textfile::read(path) {
            Ok(b) => b,
            Err(ReadError::Missing) => return Ok(None),
            Err(ReadError::Bad(why)) => {
                return Err(Error::config(format!(
                    "cannot read credentials file {}: {why}",
                    path.display()
                )));
            }
        };
        let text = String::from_utf8(bytes).map_err(|_| {
            Error::config(format!(
                "credentials file {} is not valid UTF-8",
                path.display()
            ))
        })?;
        Self::parse(path, &text).map(Some)
    }

    /// Parses the text: `[section]`, `key = value`, `#` and `;` comments.
    pub fn parse(path: &Path, text: &str) -> Result<Self, Error> {
        let mut sections: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
        let mut current: Option<String> = None;
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
                continue;
            }
            let bad = || {
                Error::config(format!(
                    "credentials file {} is malformed at line {}",
                    path.display(),
                    n + 1
                ))
            };
            if let Some(name) = line.strip_prefix('[') {
                let name = name.strip_suffix(']').ok_or_else(bad)?.trim().to_string();
                sections.entry(name.clone()).or_default();
                current = Some(name);
                continue;
            }
            let (k, v) = line.split_once('=').ok_or_else(bad)?;
            let section = current.as_ref().ok_or_else(bad)?;
            sections
                .entry(section.clone())
                .or_default()
                .insert(k.trim().to_string(), v.trim().to_string());
        }
        Ok(IniFile {
            path: path.to_path_buf(),
            sections,
        })
    }

    /// The section names.
    pub fn names(&self) -> Vec<&str> {
        self.sections.keys().map(String::as_str).collect()
    }

    /// The named profile; `Ok(None)` when absent or `enable = false`.
    pub fn profile(&self, name: &str) -> Result<Option<Profile>, Error> {
        let Some(s) = self.sections.get(name) else {
            return Ok(None);
        };
        if s.get("enable")
            .is_some_and(|v| v.eq_ignore_ascii_case("false"))
        {
            return Ok(None);
        }
        let at = format!("profile '{name}' in {}", self.path.display());
        let get = |k: &str| s.get(k).filter(|v| !v.is_empty()).cloned();
        let need = |k: &str, kind: &str| {
            get(k).ok_or_else(|| Error::config(format!("{at}: a profile of type {kind} needs {k}")))
        };
        let session = || Session {
            name: get("role_session_name"),
            policy: get("policy"),
            ..Session::default()
        };
        let kind = match get("type").as_deref().unwrap_or("access_key") {
            "access_key" => Kind::AccessKey,
            "ram_role_arn" => Kind::RamRoleArn(RoleArn {
                role_arn: need("role_arn", "ram_role_arn")?,
                source: RoleSource::Inline,
                session: session(),
                external_id: None,
            }),
            "ecs_ram_role" => Kind::EcsRamRole {
                role_name: get("role_name"),
            },
            "oidc_role_arn" => Kind::OidcRoleArn(Oidc {
                role_arn: need("role_arn", "oidc_role_arn")?,
                provider_arn: need("oidc_provider_arn", "oidc_role_arn")?,
                token_file: need("oidc_token_file_path", "oidc_role_arn")?.into(),
                session: session(),
            }),
            other => {
                return Err(Error::Config {
                    message: format!("{at}: unknown type '{other}'"),
                    hint: Some(
                        "types: access_key, ram_role_arn, ecs_ram_role, oidc_role_arn".into(),
                    ),
                });
            }
        };
        Ok(Some(Profile {
            kind,
            access_key_id: get("access_key_id"),
            access_key_secret: get("access_key_secret").map(Secret::new),
            ..Profile::default()
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_official_libraries_format() {
        let f = IniFile::parse(
            Path::new("/h/.alibabacloud/credentials"),
            "; comment\n[default]\nenable = true\ntype = access_key\naccess_key_id = foo\naccess_key_secret = bar\n\n[role]\ntype = ram_role_arn\naccess_key_id = a\naccess_key_secret = b\nrole_arn = acs:ram::1:role/r\nrole_session_name = s\n\n[off]\nenable = false\naccess_key_id = x\n",
        )
        .unwrap();
        assert_eq!(f.names(), ["default", "off", "role"]);
        let p = f.profile("default").unwrap().unwrap();
        assert_eq!(p.access_key_id.as_deref(), Some("foo"));
        let Kind::RamRoleArn(r) = f.profile("role").unwrap().unwrap().kind else {
            panic!()
        };
        assert_eq!(r.session.name.as_deref(), Some("s"));
        assert!(f.profile("off").unwrap().is_none());
        assert!(IniFile::parse(Path::new("/x"), "key = value\n").is_err());
    }
}
