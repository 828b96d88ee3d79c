//! What dts is configured by, as read: the environment, its own TOML
//! profile file, the aliyun CLI's config.json, and the careful reading of
//! small files they share.

pub mod aliyun;
pub mod edit;
pub mod env;
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
}

impl Paths {
    /// The real default locations.
    pub fn from_system() -> Self {
        Paths {
            dts: default_path(),
            aliyun: aliyun::default_path(),
        }
    }
}
