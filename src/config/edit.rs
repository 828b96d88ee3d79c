//! Editing dts's profile file: reading it as a document that keeps its
//! comments (a malformed one refused with its line), and writing it back
//! privately (mode 0600, folder 0700, through a temporary file renamed into
//! place).

use std::io::{self, Write};
use std::path::Path;

use toml_edit::DocumentMut;

use crate::config::textfile::{self, ReadError};
use crate::error::Error;

/// The profile file as a document to edit: empty when there is none yet.
/// A malformed one is refused with its line (dts will not overwrite it).
pub fn read_document(path: &Path) -> Result<DocumentMut, Error> {
    let bytes = match textfile::read(path) {
        Ok(bytes) => bytes,
        Err(ReadError::Missing) => Vec::new(),
        Err(ReadError::Bad(why)) => {
            return Err(Error::config(format!(
                "cannot read config file {}: {why}",
                path.display()
            )));
        }
    };
    let text = String::from_utf8(bytes)
        .map_err(|_| Error::config(format!("config file {} is not valid UTF-8", path.display())))?;
    text.parse().map_err(|e: toml_edit::TomlError| {
        let at = e
            .span()
            .map(|span| {
                let (line, col) = crate::config::line_col(&text, span.start);
                format!(" at line {line}, column {col}")
            })
            .unwrap_or_default();
        Error::config(format!(
            "config file {} is not valid TOML{at}: {}; fix it first (dts will not overwrite it)",
            path.display(),
            e.message().trim_end()
        ))
    })
}

/// Writes `bytes` to `path` with mode 0600, creating its folder (0700),
/// through a temporary file renamed into place.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let fail =
        |what: &str, e: io::Error| Error::config(format!("cannot {what} {}: {e}", path.display()));
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder
            .create(dir)
            .map_err(|e| fail("create the folder of", e))?;
    }
    let tmp = path.with_extension(format!("toml.tmp{}", std::process::id()));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let result = options
        .open(&tmp)
        .and_then(|mut f| f.write_all(bytes).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail("write", e));
    }
    Ok(())
}
