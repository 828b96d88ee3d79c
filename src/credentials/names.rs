//! The names the credential chain works with: who named the profile, the
//! profile chosen, and the files it looks in.

use std::path::Path;

use crate::config::{Env, Profile, ProfileFile};
use crate::credentials::CredentialSource;

/// Who named the profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameSource {
    /// `--profile`: that profile and nothing else.
    Flag,
    /// `ALIBABA_CLOUD_PROFILE`.
    Env,
    /// Nobody: `default`.
    Default,
}

/// The profile name and who gave it.
#[derive(Debug, Clone)]
pub struct ProfileName {
    pub name: String,
    pub by: NameSource,
}

impl ProfileName {
    /// `--profile`, else `ALIBABA_CLOUD_PROFILE`, else `default`.
    pub fn new(flag: Option<&str>, env: &Env) -> Self {
        let (name, by) = match (flag, env.get("ALIBABA_CLOUD_PROFILE")) {
            (Some(n), _) => (n, NameSource::Flag),
            (None, Some(n)) => (n, NameSource::Env),
            (None, None) => ("default", NameSource::Default),
        };
        ProfileName {
            name: name.to_string(),
            by,
        }
    }
}

/// A profile dts settled on, and where it came from.
#[derive(Debug, Clone)]
pub struct Selected {
    pub profile: Profile,
    pub source: CredentialSource,
}

/// dts's own profile file as loaded, and the aliyun CLI's file's path.
pub struct Files<'a> {
    pub dts: Option<&'a ProfileFile>,
    /// The dts file's path as shown in messages.
    pub shown_path: &'a str,
    pub aliyun: Option<&'a Path>,
    /// The credentials INI file, when there is one.
    pub ini: Option<&'a Path>,
    /// The machine's DMI folder (`/sys/class/dmi/id`), which says whether
    /// this is an ECS instance.
    pub dmi: Option<&'a Path>,
}
