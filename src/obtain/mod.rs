//! Obtaining the keys a provider stands for: as they are, by assuming a
//! role at STS (`sts`), or from the ECS instance metadata service
//! (`instance`); short-lived keys are kept in a cache (`cache`).

pub mod cache;
pub mod instance;
pub mod sts;

use std::path::PathBuf;
use std::time::Duration;

use crate::ambient::Ambient;
use crate::config::Env;
use crate::credentials::Credentials;
use crate::credentials::provider::Provider;
use crate::error::Error;

/// Everything obtaining keys needs.
pub struct Obtain<'a> {
    pub env: &'a Env,
    pub ambient: &'a (dyn Ambient + Sync),
    /// Retries for STS calls (`--retries`).
    pub retries: u32,
    /// The cache folder; `None` when the cache is off.
    pub cache: Option<PathBuf>,
    /// A `--verbose` line.
    pub verbose: &'a mut dyn FnMut(&str),
}

/// STS calls: the whole attempt and the connection alone.
pub const STS_TIMEOUT: Duration = Duration::from_secs(10);
pub const STS_CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

impl Obtain<'_> {
    /// The keys `provider` stands for.
    pub fn keys(&mut self, provider: &Provider) -> Result<Credentials, Error> {
        match provider {
            Provider::Static(c) => Ok(c.clone()),
            Provider::AssumeRole(role) => sts::assume_role(self, role),
            Provider::Instance(i) => instance::keys(self, i),
        }
    }

    /// Now, in unix seconds.
    pub fn now_unix(&self) -> i64 {
        self.ambient
            .now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64)
    }
}
