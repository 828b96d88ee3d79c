//! How the benchmark makes dts and curl trust the https fake's private CA
//! the way they would trust a real endpoint: through the system store.
//! As root, the benchmark enters a private mount namespace and bind-mounts
//! the system bundle plus the CA over the bundle file, so both tools find
//! it with their default discovery and nothing outside changes. Otherwise
//! it falls back to `SSL_CERT_FILE` for dts and `--cacert` for curl (the
//! report says which).

use std::path::Path;

/// The bundle both tools read by default on Debian and Ubuntu.
const BUNDLE: &str = "/etc/ssl/certs/ca-certificates.crt";

/// How the CA is trusted.
pub enum Trust {
    /// Through the system bundle, in a private mount namespace.
    SystemStore,
    /// Through variables and flags naming the CA file.
    Named(String),
}

impl Trust {
    /// Variables dts runs with.
    pub fn dts_env(&self) -> Vec<(String, String)> {
        match self {
            Trust::SystemStore => vec![],
            Trust::Named(ca) => vec![("SSL_CERT_FILE".into(), ca.clone())],
        }
    }

    /// Flags curl runs with.
    pub fn curl_flags(&self) -> Vec<String> {
        match self {
            Trust::SystemStore => vec![],
            Trust::Named(ca) => vec!["--cacert".into(), ca.clone()],
        }
    }

    pub fn describe(&self) -> &'static str {
        match self {
            Trust::SystemStore => {
                "the private CA added to the system bundle in a private mount namespace; each tool finds it by its default discovery"
            }
            Trust::Named(_) => {
                "the private CA named by SSL_CERT_FILE (dts) and --cacert (curl): not root, so no private mount namespace"
            }
        }
    }
}

/// Makes `ca` trusted for this process and its children.
pub fn trust(ca: &Path, scratch: &Path) -> Trust {
    let named = Trust::Named(ca.display().to_string());
    let Ok(system) = std::fs::read(BUNDLE) else {
        return named;
    };
    let Ok(extra) = std::fs::read(ca) else {
        return named;
    };
    let bundle = scratch.join("bundle.crt");
    if std::fs::write(&bundle, [system, b"\n".to_vec(), extra].concat()).is_err() {
        return named;
    }
    if bind_over_bundle(&bundle) {
        Trust::SystemStore
    } else {
        named
    }
}

/// A private mount namespace in which `bundle` is the system bundle.
fn bind_over_bundle(bundle: &Path) -> bool {
    use std::ffi::CString;
    let (Ok(source), Ok(target), Ok(root)) = (
        CString::new(bundle.display().to_string()),
        CString::new(BUNDLE),
        CString::new("/"),
    ) else {
        return false;
    };
    // SAFETY: plain system calls with valid NUL-terminated paths; they
    // change only this process's view of the file system (and fail
    // harmlessly when not root).
    unsafe {
        libc::unshare(libc::CLONE_NEWNS) == 0
            && libc::mount(
                std::ptr::null(),
                root.as_ptr(),
                std::ptr::null(),
                libc::MS_REC | libc::MS_PRIVATE,
                std::ptr::null(),
            ) == 0
            && libc::mount(
                source.as_ptr(),
                target.as_ptr(),
                std::ptr::null(),
                libc::MS_BIND,
                std::ptr::null(),
            ) == 0
    }
}
