//! Obtaining the keys a provider stands for: as they are, by assuming a
//! role at STS (`sts`), or from the ECS instance metadata service
//! (`instance`); short-lived keys are kept in a cache (`cache`).

pub mod cache;
pub mod exchange;
pub mod external;
pub mod instance;
pub mod oidc;
pub mod sso;
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
            Provider::Oidc(r) => oidc::assume_role(self, r),
            Provider::Uri(e) => external::from_uri(self, e),
            Provider::Process(e) => external::from_process(self, e),
            Provider::CloudSso(s) => sso::keys(self, s),
        }
    }

    /// Keys for `key` from the cache while fresh, else from `fetch` (then
    /// cached); `what` names them in `--verbose`.
    pub fn cached(
        &mut self,
        key: &str,
        what: &str,
        fetch: impl FnOnce(&mut Self) -> Result<cache::Entry, Error>,
    ) -> Result<cache::Entry, Error> {
        let now = self.now_unix();
        let until = |e: &cache::Entry| {
            e.expires_at()
                .map_or_else(String::new, |t| cache::shown(t, now))
        };
        if let Some(dir) = &self.cache
            && let Some(entry) = cache::load(dir, key, now)
        {
            (self.verbose)(&format!(
                "credentials: {what} from the cache (cached until {})",
                until(&entry)
            ));
            return Ok(entry);
        }
        let entry = fetch(self)?;
        let line = match &self.cache {
            Some(dir) => match cache::store(dir, key, &entry) {
                Ok(()) => format!("credentials: {what} (cached until {})", until(&entry)),
                Err(e) => format!(
                    "credentials: {what} (not cached: {})",
                    crate::error::io_reason(&e)
                ),
            },
            None => format!(
                "credentials: {what} (the cache is off; valid until {})",
                until(&entry)
            ),
        };
        (self.verbose)(&line);
        Ok(entry)
    }

    /// Now, in unix seconds.
    pub fn now_unix(&self) -> i64 {
        self.ambient
            .now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64)
    }
}
