//! What dts is configured by, as read: the environment, its own TOML
//! profile file, the aliyun CLI's config.json, and the careful reading of
//! small files they share.

pub mod aliyun;
pub mod aliyun_mode;
pub mod edit;
pub mod endpoint;
pub mod env;
pub mod ini;
pub mod kind;
pub mod profile_file;
pub mod textfile;

pub use env::Env;
pub use profile_file::{Profile, ProfileFile, default_path, line_col};

use std::path::PathBuf;

/// Where the profile files are looked for when nothing names them.
#[derive(Debug, Clone, Default)]
pub struct Paths {
    /// dts's own TOML file (`<config dir>/dts/config.toml`).
    pub dts: Option<PathBuf>,
    /// The aliyun CLI's `~/.aliyun/config.json`.
    pub aliyun: Option<PathBuf>,
    /// `~/.alibabacloud`, where the credentials INI file lives.
    pub alibabacloud: Option<PathBuf>,
    /// The machine's DMI folder, which says whether it is an ECS instance.
    pub dmi: Option<PathBuf>,
    /// Where short-lived credentials are cached (`<cache dir>/dts/credentials`).
    pub cache: Option<PathBuf>,
}

impl Paths {
    /// The real default locations.
    pub fn from_system() -> Self {
        Paths {
            dts: default_path(),
            aliyun: aliyun::default_path(),
            alibabacloud: dirs::home_dir().map(|h| h.join(".alibabacloud")),
            dmi: Some(PathBuf::from("/sys/class/dmi/id")),
            cache: dirs::cache_dir().map(|d| d.join("dts").join("credentials")),
        }
    }
}
