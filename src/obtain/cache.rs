//! The cache of short-lived credentials: keys dts obtained by assuming a
//! role are kept in `<cache dir>/dts/credentials/<sha256 of the
//! identity>.json` (folder 0700, file 0600, written to a temporary file and
//! renamed) and used while their expiration is more than 5 minutes away. A
//! file that is not a regular file of ours with mode 0600, or does not
//! parse, is ignored and replaced. The file's name holds nothing secret.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

use crate::secret::Secret;

/// Keys are used until this many seconds before they expire.
pub const MARGIN: i64 = 300;

/// Cached keys.
#[derive(Debug, Clone)]
pub struct Entry {
    pub access_key_id: String,
    pub access_key_secret: Secret,
    pub security_token: Secret,
    /// As the service gave it (`2026-11-29T15:04:05Z`).
    pub expiration: String,
}

impl Entry {
    /// When the keys expire, in unix seconds.
    pub fn expires_at(&self) -> Option<i64> {
        unix_seconds(&self.expiration)
    }

    /// Whether the keys are good for more than [`MARGIN`] from `now`.
    pub fn fresh(&self, now: i64) -> bool {
        self.expires_at().is_some_and(|t| t - now > MARGIN)
    }
}

/// The cache file name for an identity: the SHA-256 of its parts, in hex.
pub fn key(parts: &[(&str, &str)]) -> String {
    let mut hash = Sha256::new();
    for (k, v) in parts {
        hash.update(k.as_bytes());
        hash.update([0]);
        hash.update(v.as_bytes());
        hash.update([0]);
    }
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

fn path(dir: &Path, key: &str) -> PathBuf {
    dir.join(format!("{key}.json"))
}

/// The cached keys for `key`, if there are safe, parseable and fresh ones.
pub fn load(dir: &Path, key: &str, now: i64) -> Option<Entry> {
    let file = path(dir, key);
    if !is_private_file(&file) {
        return None;
    }
    let bytes = crate::config::textfile::read(&file).ok()?;
    let object: Map<String, Value> = serde_json::from_slice(&bytes).ok()?;
    let text = |k: &str| object.get(k)?.as_str().map(str::to_string);
    let entry = Entry {
        access_key_id: text("AccessKeyId")?,
        access_key_secret: Secret::new(text("AccessKeySecret")?),
        security_token: Secret::new(text("SecurityToken")?),
        expiration: text("Expiration")?,
    };
    entry.fresh(now).then_some(entry)
}

/// Keeps `entry` under `key`. Failing to cache is not an error worth
/// stopping for: the caller may say so with `--verbose`.
pub fn store(dir: &Path, key: &str, entry: &Entry) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)?;
    let text = json!({
        "AccessKeyId": entry.access_key_id,
        "AccessKeySecret": entry.access_key_secret.expose(),
        "SecurityToken": entry.security_token.expose(),
        "Expiration": entry.expiration,
    })
    .to_string();
    let target = path(dir, key);
    let tmp = dir.join(format!("{key}.tmp{}", std::process::id()));
    let _ = std::fs::remove_file(&tmp);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let written = options
        .open(&tmp)
        .and_then(|mut f| f.write_all(text.as_bytes()).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::rename(&tmp, &target));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// A regular file (not a symlink) owned by this user with mode 0600.
#[cfg(unix)]
fn is_private_file(file: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let Ok(meta) = std::fs::symlink_metadata(file) else {
        return false;
    };
    // SAFETY: geteuid has no preconditions.
    let me = unsafe { libc::geteuid() };
    meta.file_type().is_file() && meta.uid() == me && meta.mode() & 0o777 == 0o600
}

#[cfg(not(unix))]
fn is_private_file(file: &Path) -> bool {
    file.is_file()
}

/// An API time (`2026-11-29T15:04:05Z`) in unix seconds.
pub fn unix_seconds(text: &str) -> Option<i64> {
    time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339)
        .ok()
        .map(time::OffsetDateTime::unix_timestamp)
}

/// Unix seconds as `HH:MM UTC` (with the date when not today).
pub fn shown(at: i64, now: i64) -> String {
    let Ok(t) = time::OffsetDateTime::from_unix_timestamp(at) else {
        return at.to_string();
    };
    let same_day = at.div_euclid(86_400) == now.div_euclid(86_400);
    let format = if same_day {
        time::macros::format_description!("[hour]:[minute] UTC")
    } else {
        time::macros::format_description!("[year]-[month]-[day] [hour]:[minute] UTC")
    };
    t.format(format).unwrap_or_else(|_| at.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(expiration: &str) -> Entry {
        Entry {
            access_key_id: "STS.id".into(),
            access_key_secret: Secret::new("s"),
            security_token: Secret::new("t"),
            expiration: expiration.into(),
        }
    }

    const NOW: i64 = 1_764_428_400; // 2025-11-29T15:00:00Z

    #[test]
    fn stored_keys_come_back_while_fresh() {
        let dir = tempfile::tempdir().unwrap();
        let k = key(&[("role", "a")]);
        assert_eq!(k.len(), 64);
        store(dir.path(), &k, &entry("2025-11-29T16:00:00Z")).unwrap();
        let back = load(dir.path(), &k, NOW).unwrap();
        assert_eq!(back.access_key_id, "STS.id");
        // Within five minutes of the end: not used.
        assert!(
            load(
                dir.path(),
                &k,
                unix_seconds("2025-11-29T15:56:00Z").unwrap()
            )
            .is_none()
        );
        assert_ne!(k, key(&[("role", "b")]));
    }

    #[test]
    fn unsafe_or_corrupt_files_are_ignored() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let k = key(&[("role", "a")]);
        store(dir.path(), &k, &entry("2025-11-29T16:00:00Z")).unwrap();
        let file = path(dir.path(), &k);
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert!(
            load(dir.path(), &k, NOW).is_none(),
            "a file others can read"
        );
        std::fs::write(&file, "{not json").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert!(load(dir.path(), &k, NOW).is_none(), "a corrupt file");
        store(dir.path(), &k, &entry("2025-11-29T16:00:00Z")).unwrap();
        assert!(load(dir.path(), &k, NOW).is_some(), "replaced");
        let sub = dir.path().join("dts").join("credentials");
        store(&sub, &k, &entry("2025-11-29T16:00:00Z")).unwrap();
        let mode = std::fs::metadata(&sub).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700);
        let mode = std::fs::metadata(path(&sub, &k))
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o600);
    }

    #[test]
    fn times_read_well() {
        assert_eq!(shown(NOW + 3600, NOW), "16:00 UTC");
        assert_eq!(shown(NOW + 86_400, NOW), "2025-11-30 15:00 UTC");
    }
}
