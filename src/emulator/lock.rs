//! An exclusive lock on the emulator's state file, held while a request is
//! answered: `<state>.lock` beside it, locked with flock(2) (nothing on
//! systems without it). Released when dropped, or when the process ends.

use std::fs::File;
use std::path::Path;

/// A held lock (or nothing, when the lock file cannot be made).
pub struct Exclusive {
    _held: Option<File>,
}

impl Exclusive {
    /// Waits for the lock of `state`.
    pub fn take(state: &Path) -> Exclusive {
        let name = format!("{}.lock", state.display());
        let file = lock_file(Path::new(&name));
        Exclusive {
            _held: file.filter(lock),
        }
    }
}

fn lock_file(path: &Path) -> Option<File> {
    use std::fs::OpenOptions;
    #[cfg(unix)]
    use std::os::unix::fs::OpenOptionsExt;
    let mut options = OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    options.mode(0o600);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        let _ = std::fs::create_dir_all(dir);
    }
    options.open(path).ok()
}

#[cfg(unix)]
fn lock(file: &File) -> bool {
    use std::os::fd::AsRawFd;
    // SAFETY: flock on a descriptor this File owns; the lock goes with it.
    unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) == 0 }
}

#[cfg(not(unix))]
fn lock(_: &File) -> bool {
    true
}
