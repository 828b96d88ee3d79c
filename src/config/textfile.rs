//! Reading the small files dts is configured by (its TOML profiles, the
//! aliyun CLI's config.json) without being led astray: only a regular file
//! (not a FIFO, which would hang, nor `/dev/zero`, which never ends, even
//! behind a symlink), and at most 1 MiB.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// The largest configuration file dts reads.
pub const MAX_SIZE: u64 = 1024 * 1024;

/// Why a file could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// There is no such file.
    Missing,
    /// Anything else, in words for a message after the file's name.
    Bad(String),
}

/// The bytes of the regular file at `path`, at most [`MAX_SIZE`].
pub fn read(path: &Path) -> Result<Vec<u8>, ReadError> {
    read_at_most(path, MAX_SIZE)
}

/// The bytes of the regular file at `path`, at most `max`.
pub fn read_at_most(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
    let mut file = open(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => ReadError::Missing,
        _ => ReadError::Bad(crate::error::io_reason(&e)),
    })?;
    let meta = file
        .metadata()
        .map_err(|e| ReadError::Bad(crate::error::io_reason(&e)))?;
    if meta.is_dir() {
        return Err(ReadError::Bad("it is a directory".into()));
    }
    if !meta.is_file() {
        return Err(ReadError::Bad(
            "it is not a regular file (a FIFO, socket or device)".into(),
        ));
    }
    if meta.len() > max {
        return Err(too_big(meta.len(), max));
    }
    read_capped(&mut file, meta.len() as usize, max)
}

/// Reads at most `max` + 1 bytes through a small buffer (reading through
/// `Take` made std zero a quarter of a megabyte for every file).
fn read_capped(file: &mut File, expected: usize, max: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::with_capacity(expected);
    let mut chunk = [0u8; 8192];
    loop {
        let n = match file.read(&mut chunk) {
            Ok(0) => return Ok(bytes),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(ReadError::Bad(crate::error::io_reason(&e))),
        };
        bytes.extend_from_slice(&chunk[..n]);
        if bytes.len() as u64 > max {
            return Err(too_big(bytes.len() as u64, max));
        }
    }
}

fn too_big(size: u64, max: u64) -> ReadError {
    ReadError::Bad(format!(
        "it is {size} bytes, over the limit of {max} bytes ({} MiB)",
        max / (1024 * 1024)
    ))
}

/// Opens for reading without blocking on a FIFO that has no writer.
#[cfg(unix)]
fn open(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open(path: &Path) -> io::Result<File> {
    File::open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bad(path: &Path) -> String {
        match read(path) {
            Err(ReadError::Bad(why)) => why,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn reads_a_small_regular_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a");
        std::fs::write(&p, "x = 1\n").unwrap();
        assert_eq!(read(&p).unwrap(), b"x = 1\n");
        assert!(matches!(
            read(&dir.path().join("none")),
            Err(ReadError::Missing)
        ));
    }

    #[test]
    fn refuses_devices_directories_and_big_files() {
        assert!(bad(Path::new("/dev/zero")).contains("not a regular file"));
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(bad(dir.path()), "it is a directory");
        let big = dir.path().join("big");
        std::fs::write(&big, vec![b'#'; MAX_SIZE as usize + 1]).unwrap();
        assert!(bad(&big).contains("over the limit of 1048576 bytes"));
    }
}
