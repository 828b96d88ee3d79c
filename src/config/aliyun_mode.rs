//! One aliyun CLI profile as dts's [`Profile`]: its `mode` (any letter
//! case; an empty mode recognised from the fields, as the aliyun CLI does)
//! and that mode's keys. `0` and `""` mean unset, as older files write them.

use serde_json::{Map, Value};

use crate::config::Profile;
use crate::config::kind::{
    Kind, Oidc, RoleArn, RoleSource, Session, Sso, SsoRefresh, check_duration,
};
use crate::error::Error;
use crate::secret::Secret;

/// The modes dts can use.
pub const SUPPORTED_MODES: &[&str] = &[
    "AK",
    "StsToken",
    "RamRoleArn",
    "ChainableRamRoleArn",
    "EcsRamRole",
    "OIDC",
    "CredentialsURI",
    "External",
    "CloudSSO",
    "OAuth",
];

/// One profile object of the file, read key by key.
pub struct Fields<'a> {
    pub object: &'a Map<String, Value>,
    /// "aliyun CLI profile 'NAME' in PATH", for messages.
    pub at: String,
}

impl Fields<'_> {
    /// A string field; `""`, `null` and a missing key are unset.
    pub fn text(&self, key: &str) -> Result<Option<String>, Error> {
        match self.object.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if s.is_empty() => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(Error::config(format!(
                "{}: {key} must be a string",
                self.at
            ))),
        }
    }

    /// A whole-number field (a number or a string of digits); `0` is unset.
    fn number(&self, key: &str) -> Result<Option<i64>, Error> {
        let wrong = || Error::config(format!("{}: {key} must be a whole number", self.at));
        let n = match self.object.get(key) {
            None | Some(Value::Null) => return Ok(None),
            Some(Value::String(s)) if s.is_empty() => return Ok(None),
            Some(Value::Number(n)) => n.as_i64().ok_or_else(wrong)?,
            Some(Value::String(s)) => s.parse().map_err(|_| wrong())?,
            Some(_) => return Err(wrong()),
        };
        Ok((n != 0).then_some(n))
    }

    fn required(&self, key: &str, mode: &str) -> Result<String, Error> {
        self.text(key)?
            .ok_or_else(|| Error::config(format!("{} is in mode {mode} but has no {key}", self.at)))
    }

    /// The mode, named or recognised from the fields, in its canonical
    /// spelling.
    pub fn mode(&self) -> Result<String, Error> {
        let mode = match self.text("mode")? {
            Some(m) => m,
            None => self.recognised()?,
        };
        let known = SUPPORTED_MODES
            .iter()
            .find(|m| m.eq_ignore_ascii_case(&mode))
            .map(|m| m.to_string());
        known.ok_or_else(|| Error::Config {
            message: format!("{} uses mode '{mode}', which dts does not support", self.at),
            hint: Some(format!(
                "supported modes: {}; or set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET",
                SUPPORTED_MODES.join(", ")
            )),
        })
    }

    /// The mode an empty `mode` means, from the fields present.
    fn recognised(&self) -> Result<String, Error> {
        let has = |k: &str| -> Result<bool, Error> { Ok(self.text(k)?.is_some()) };
        Ok(if has("cloud_sso_sign_in_url")? {
            "CloudSSO"
        } else if has("process_command")? {
            "External"
        } else if has("oidc_provider_arn")? && has("oidc_token_file")? && has("ram_role_arn")? {
            "OIDC"
        } else if has("ram_role_name")? {
            "EcsRamRole"
        } else if has("ram_role_arn")? {
            "RamRoleArn"
        } else if has("sts_token")? {
            "StsToken"
        } else {
            "AK"
        }
        .to_string())
    }

    /// The profile in `mode`.
    pub fn profile(&self, mode: &str) -> Result<Profile, Error> {
        let keyed = matches!(mode, "AK" | "StsToken" | "RamRoleArn");
        let token = self.text("sts_token")?;
        if mode == "StsToken" && token.is_none() {
            return Err(Error::config(format!(
                "{} is in mode StsToken but has no sts_token",
                self.at
            )));
        }
        let cached = matches!(mode, "CloudSSO" | "OAuth");
        Ok(Profile {
            kind: self.kind(mode)?,
            access_key_id: if keyed || cached {
                self.text("access_key_id")?
            } else {
                None
            },
            access_key_secret: if keyed || cached {
                self.text("access_key_secret")?.map(Secret::new)
            } else {
                None
            },
            security_token: if mode == "StsToken" || cached {
                token.map(Secret::new)
            } else {
                None
            },
            region: self.text("region_id")?,
            ..Profile::default()
        })
    }

    fn kind(&self, mode: &str) -> Result<Kind, Error> {
        Ok(match mode {
            "RamRoleArn" | "ChainableRamRoleArn" => Kind::RamRoleArn(RoleArn {
                role_arn: self.required("ram_role_arn", mode)?,
                source: if mode == "ChainableRamRoleArn" {
                    RoleSource::Profile(self.required("source_profile", mode)?)
                } else {
                    RoleSource::Inline
                },
                session: self.session()?,
                external_id: self.text("external_id")?,
            }),
            "EcsRamRole" => Kind::EcsRamRole {
                role_name: self.text("ram_role_name")?,
            },
            "OIDC" => Kind::OidcRoleArn(Oidc {
                role_arn: self.required("ram_role_arn", mode)?,
                provider_arn: self.required("oidc_provider_arn", mode)?,
                token_file: self.required("oidc_token_file", mode)?.into(),
                session: self.session()?,
            }),
            "CredentialsURI" => Kind::CredentialsUri(self.required("credentials_uri", mode)?),
            "External" => Kind::Process(self.required("process_command", mode)?),
            "CloudSSO" | "OAuth" => Kind::CloudSso(self.sso(mode)?),
            _ => Kind::AccessKey,
        })
    }

    fn session(&self) -> Result<Session, Error> {
        let duration = self
            .number("expired_seconds")?
            .map(check_duration)
            .transpose()
            .map_err(|e| Error::config(format!("{}: expired_seconds: {e}", self.at)))?;
        Ok(Session {
            name: self.text("ram_session_name")?,
            duration,
            policy: self.text("policy")?,
            sts_region: self.text("sts_region")?,
            sts_endpoint: self.text("sts_endpoint")?,
        })
    }

    fn sso(&self, mode: &str) -> Result<Sso, Error> {
        let refresh = match (mode, self.text("cloud_sso_sign_in_url")?) {
            ("CloudSSO", Some(url)) => Some(SsoRefresh {
                sign_in_url: url,
                access_token: Secret::new(self.text("access_token")?.unwrap_or_default()),
                access_token_expire: self.number("cloud_sso_access_token_expire")?.unwrap_or(0),
                account_id: self.text("cloud_sso_account_id")?.unwrap_or_default(),
                access_config: self.text("cloud_sso_access_config")?.unwrap_or_default(),
            }),
            _ => None,
        };
        Ok(Sso {
            sts_expiration: self.number("sts_expiration")?,
            refresh,
        })
    }
}
