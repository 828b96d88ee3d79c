//! The official aliyun CLI's `~/.aliyun/config.json`, read as a source of
//! credentials: its profiles (every mode dts supports, `aliyun_mode`), its
//! `current` profile, and `region_id`. Errors never quote the file's text.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::config::Profile;
use crate::config::aliyun_mode::Fields;
pub use crate::config::aliyun_mode::SUPPORTED_MODES;
use crate::error::Error;

/// `~/.aliyun/config.json`.
pub fn default_path() -> Option<PathBuf> {
    dirs::home_dir().map(|h| h.join(".aliyun").join("config.json"))
}

/// A parsed aliyun CLI configuration.
#[derive(Debug, Clone)]
pub struct AliyunConfig {
    pub path: PathBuf,
    /// The `current` profile, when set.
    pub current: Option<String>,
    profiles: Vec<Map<String, Value>>,
}

impl AliyunConfig {
    /// Reads `path`; a missing file is `Ok(None)`.
    pub fn load(path: &Path) -> Result<Option<Self>, Error> {
        let bytes = match crate::config::textfile::read(path) {
            Ok(b) => b,
            Err(crate::config::textfile::ReadError::Missing) => return Ok(None),
            Err(crate::config::textfile::ReadError::Bad(why)) => {
                return Err(Error::config(format!(
                    "cannot read aliyun CLI config {}: {why}",
                    path.display()
                )));
            }
        };
        Self::parse(path, &bytes).map(Some)
    }

    /// Parses the file's bytes.
    pub fn parse(path: &Path, bytes: &[u8]) -> Result<Self, Error> {
        let bad = |why: String| {
            Error::config(format!(
                "aliyun CLI config {} is malformed: {why}",
                path.display()
            ))
        };
        // serde_json's syntax errors give a line and column and quote
        // nothing; type errors, which could quote a value, are avoided by
        // reading a Value and checking types by hand.
        let root: Value = serde_json::from_slice(bytes).map_err(|e| bad(e.to_string()))?;
        let Value::Object(mut root) = root else {
            return Err(bad("it is not a JSON object".into()));
        };
        let current = match root.remove("current") {
            Some(Value::String(s)) if !s.is_empty() => Some(s),
            Some(Value::String(_)) | Some(Value::Null) | None => None,
            Some(_) => return Err(bad("\"current\" is not a string".into())),
        };
        let profiles = match root.remove("profiles") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(items)) => {
                let mut out = Vec::new();
                for (i, item) in items.into_iter().enumerate() {
                    match item {
                        Value::Object(o) => {
                            if !matches!(o.get("name"), Some(Value::String(_))) {
                                return Err(bad(format!("profile number {} has no name", i + 1)));
                            }
                            out.push(o);
                        }
                        _ => return Err(bad(format!("profile number {} is not an object", i + 1))),
                    }
                }
                out
            }
            Some(_) => return Err(bad("\"profiles\" is not a list".into())),
        };
        Ok(AliyunConfig {
            path: path.to_path_buf(),
            current,
            profiles,
        })
    }

    /// The profile names, in file order.
    pub fn names(&self) -> Vec<&str> {
        self.profiles
            .iter()
            .filter_map(|p| p.get("name").and_then(Value::as_str))
            .collect()
    }

    /// The named profile as dts's [`Profile`]; `Ok(None)` when absent. An
    /// unsupported mode, or a profile missing what its mode needs, is a
    /// configuration error.
    pub fn profile(&self, name: &str) -> Result<Option<Profile>, Error> {
        let Some(p) = self
            .profiles
            .iter()
            .find(|p| p.get("name").and_then(Value::as_str) == Some(name))
        else {
            return Ok(None);
        };
        let fields = Fields {
            object: p,
            at: format!("aliyun CLI profile '{name}' in {}", self.path.display()),
        };
        let mode = fields.mode()?;
        fields.profile(&mode).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secret::Secret;

    const FILE: &str = r#"{
  "current": "prod",
  "profiles": [
    {"name": "default", "mode": "AK", "access_key_id": "id1", "access_key_secret": "s1",
     "sts_token": "", "region_id": "cn-hangzhou", "output_format": "json", "language": "en"},
    {"name": "prod", "mode": "StsToken", "access_key_id": "STS.id2", "access_key_secret": "s2",
     "sts_token": "tok2", "region_id": "eu-central-1"},
    {"name": "role", "mode": "RamRoleArn", "access_key_id": "id3", "access_key_secret": "s3",
     "ram_role_arn": "acs:ram::1:role/x", "region_id": "cn-beijing"},
    {"name": "rsa", "mode": "RsaKeyPair", "key_pair_name": "k"}
  ],
  "meta_path": ""
}"#;

    fn parse(text: &str) -> Result<AliyunConfig, Error> {
        AliyunConfig::parse(Path::new("/h/.aliyun/config.json"), text.as_bytes())
    }

    #[test]
    fn reads_ak_and_sts_profiles() {
        let c = parse(FILE).unwrap();
        assert_eq!(c.current.as_deref(), Some("prod"));
        assert_eq!(c.names(), ["default", "prod", "role", "rsa"]);
        let p = c.profile("default").unwrap().unwrap();
        assert_eq!(p.access_key_id.as_deref(), Some("id1"));
        assert_eq!(p.security_token, None);
        assert_eq!(p.region.as_deref(), Some("cn-hangzhou"));
        let p = c.profile("prod").unwrap().unwrap();
        assert_eq!(p.security_token.as_ref().map(Secret::expose), Some("tok2"));
        assert!(c.profile("nope").unwrap().is_none());
    }

    #[test]
    fn other_modes_are_named_in_the_error() {
        let c = parse(FILE).unwrap();
        let e = c.profile("rsa").unwrap_err();
        assert_eq!(e.exit_code(), 3);
        assert!(e.to_string().contains("mode 'RsaKeyPair'"), "{e}");
        let Error::Config { hint, .. } = e else {
            panic!()
        };
        assert!(hint.unwrap().contains("AK, StsToken, RamRoleArn"));
    }

    #[test]
    fn an_empty_mode_is_recognised_from_the_fields_and_names_match_in_any_case() {
        use crate::config::kind::Kind;
        let c = parse(
            r#"{"profiles": [
                {"name": "keys", "access_key_id": "i", "access_key_secret": "s"},
                {"name": "sts", "access_key_id": "i", "access_key_secret": "s", "sts_token": "t"},
                {"name": "role", "mode": "", "access_key_id": "i", "access_key_secret": "s", "ram_role_arn": "acs:ram::1:role/r", "expired_seconds": 0},
                {"name": "ecs", "ram_role_name": "r"},
                {"name": "ext", "process_command": "get-keys"},
                {"name": "oidc", "ram_role_arn": "a", "oidc_provider_arn": "p", "oidc_token_file": "/t"},
                {"name": "sso", "mode": "cloudsso", "cloud_sso_sign_in_url": "https://x/login"},
                {"name": "bearer", "mode": "BearerToken"}
            ]}"#,
        )
        .unwrap();
        let kind = |n: &str| c.profile(n).unwrap().unwrap().kind;
        assert_eq!(kind("keys"), Kind::AccessKey);
        assert!(c.profile("sts").unwrap().unwrap().security_token.is_some());
        let Kind::RamRoleArn(r) = kind("role") else {
            panic!()
        };
        assert_eq!(r.session.duration, None, "0 means unset");
        assert_eq!(
            kind("ecs"),
            Kind::EcsRamRole {
                role_name: Some("r".into())
            }
        );
        assert_eq!(kind("ext"), Kind::Process("get-keys".into()));
        assert!(matches!(kind("oidc"), Kind::OidcRoleArn(_)));
        assert!(matches!(kind("sso"), Kind::CloudSso(_)));
        assert!(
            c.profile("bearer")
                .unwrap_err()
                .to_string()
                .contains("mode 'BearerToken'")
        );
    }

    #[test]
    fn malformed_files_never_quote_values() {
        let e = parse(r#"{"profiles": [{"name": "x", "access_key_secret": "sentinel"#).unwrap_err();
        assert!(e.to_string().contains("line 1"), "{e}");
        assert!(!e.to_string().contains("sentinel"), "{e}");
        let e = parse(r#"{"profiles": [{"name": "x", "access_key_secret": ["sentinel"]}]}"#)
            .unwrap()
            .profile("x")
            .unwrap_err();
        assert!(!e.to_string().contains("sentinel"), "{e}");
        assert!(parse("[]").is_err());
        assert!(parse(r#"{"profiles": {}}"#).is_err());
        assert!(parse(r#"{"profiles": [{"mode": "AK"}]}"#).is_err());
    }
}
