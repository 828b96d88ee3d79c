//! The certificates https trusts: the operating system's store, found the
//! cheap way and loaded at most once a process. `SSL_CERT_FILE` and
//! `SSL_CERT_DIR`, when set, are honoured as before (those alone, as
//! rustls-native-certs reads them). Otherwise dts loads the one bundle file
//! the distribution documents, and reads the certificate directory only
//! when there is no bundle: the directory holds the same roots again, one
//! file each, and parsing it costs about a thousand system calls.
//! `tls` loads them once a process, on a thread of its own.

use std::path::{Path, PathBuf};

use rustls::pki_types::CertificateDer;

/// The bundle files the Linux distributions document, in the order
/// OpenSSL's probes try them.
pub const BUNDLES: &[&str] = &[
    "/etc/ssl/certs/ca-certificates.crt", // Debian, Ubuntu, Gentoo, Arch
    "/etc/pki/tls/certs/ca-bundle.crt",   // Fedora, RHEL 6
    "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem", // RHEL 7+, CentOS
    "/etc/ssl/ca-bundle.pem",             // openSUSE
    "/etc/pki/tls/cacert.pem",            // OpenELEC
    "/etc/ssl/cert.pem",                  // Alpine
];

/// The certificate directories, read only when there is no bundle.
pub const DIRECTORIES: &[&str] = &["/etc/ssl/certs", "/etc/pki/tls/certs"];

/// Where the trusted roots come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Store {
    /// `SSL_CERT_FILE` and/or `SSL_CERT_DIR`.
    Environment,
    /// The distribution's bundle file.
    Bundle(PathBuf),
    /// Every certificate file in these directories.
    Directories(Vec<PathBuf>),
}

/// The store to load: the environment's when it names one, else the first
/// bundle that exists, else the directories that exist.
pub fn locate(environment_names_one: bool, exists: impl Fn(&Path) -> bool) -> Store {
    if environment_names_one {
        return Store::Environment;
    }
    if let Some(bundle) = BUNDLES.iter().map(Path::new).find(|p| exists(p)) {
        return Store::Bundle(bundle.to_path_buf());
    }
    Store::Directories(
        DIRECTORIES
            .iter()
            .map(PathBuf::from)
            .filter(|p| exists(p))
            .collect(),
    )
}

/// Whether `SSL_CERT_FILE` or `SSL_CERT_DIR` is set, read exactly as
/// rustls-native-certs reads them (the process environment; empty
/// directory entries ignored).
fn environment_names_one() -> bool {
    std::env::var_os("SSL_CERT_FILE").is_some()
        || std::env::var_os("SSL_CERT_DIR")
            .is_some_and(|d| std::env::split_paths(&d).any(|p| !p.as_os_str().is_empty()))
}

/// The certificates of `store`; what cannot be read is left out (the
/// handshake then says the issuer is unknown).
pub fn load(store: &Store) -> Vec<CertificateDer<'static>> {
    match store {
        Store::Environment => rustls_native_certs::load_native_certs().certs,
        Store::Bundle(file) => std::fs::read(file)
            .map(|text| pem_certificates(&text))
            .unwrap_or_default(),
        Store::Directories(dirs) => dirs
            .iter()
            .flat_map(|d| rustls_native_certs::load_certs_from_paths(None, Some(d)).certs)
            .collect(),
    }
}

/// The certificates of a PEM bundle, read line by line (three times
/// faster than a general PEM reader on a 220 KB bundle); a block that does
/// not decode is skipped.
pub fn pem_certificates(text: &[u8]) -> Vec<CertificateDer<'static>> {
    use base64::Engine;
    let mut found = Vec::new();
    let mut body: Option<Vec<u8>> = None;
    for line in text.split(|b| *b == b'\n') {
        let line = line.trim_ascii();
        match (&mut body, line) {
            (None, b"-----BEGIN CERTIFICATE-----") => body = Some(Vec::with_capacity(2048)),
            (Some(b64), b"-----END CERTIFICATE-----") => {
                if let Ok(der) = base64::engine::general_purpose::STANDARD.decode(&b64) {
                    found.push(CertificateDer::from(der));
                }
                body = None;
            }
            (Some(b64), _) => b64.extend_from_slice(line),
            (None, _) => {}
        }
    }
    found
}

/// The certificates of the store this machine has.
pub fn load_here() -> Vec<CertificateDer<'static>> {
    load(&locate(environment_names_one(), Path::exists))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_environment_wins_when_it_names_a_store() {
        assert_eq!(locate(true, |_| true), Store::Environment);
    }

    #[test]
    fn the_first_bundle_that_exists_is_loaded_and_no_directory() {
        let only_rhel = |p: &Path| {
            p == Path::new("/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem")
                || p == Path::new("/etc/ssl/certs")
        };
        assert_eq!(
            locate(false, only_rhel),
            Store::Bundle("/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem".into())
        );
        assert_eq!(
            locate(false, |_| true),
            Store::Bundle("/etc/ssl/certs/ca-certificates.crt".into())
        );
    }

    #[test]
    fn the_directories_only_without_a_bundle() {
        let dirs = |p: &Path| DIRECTORIES.iter().any(|d| p == Path::new(d));
        assert_eq!(
            locate(false, dirs),
            Store::Directories(DIRECTORIES.iter().map(PathBuf::from).collect())
        );
        assert_eq!(locate(false, |_| false), Store::Directories(vec![]));
    }

    #[test]
    fn pem_blocks_decode_and_broken_ones_are_skipped() {
        use base64::Engine;
        let der = [0x30u8, 0x03, 0x02, 0x01, 0x05];
        let b64 = base64::engine::general_purpose::STANDARD.encode(der);
        let text = format!(
            "junk\n-----BEGIN CERTIFICATE-----\r\n{}\r\n{}\r\n-----END CERTIFICATE-----\n\
             -----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n\
             -----BEGIN PRIVATE KEY-----\n{b64}\n-----END PRIVATE KEY-----\n",
            &b64[..4],
            &b64[4..]
        );
        let certs = pem_certificates(text.as_bytes());
        assert_eq!(certs.len(), 1);
        assert_eq!(certs[0].as_ref(), der);
    }

    #[test]
    fn a_bundle_loads_its_certificates_and_a_missing_one_nothing() {
        let dir = std::env::temp_dir().join(format!("dts-trust-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let bundle = dir.join("bundle.pem");
        let key = rcgen::KeyPair::generate().unwrap();
        let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
        params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        std::fs::write(&bundle, params.self_signed(&key).unwrap().pem()).unwrap();
        assert_eq!(load(&Store::Bundle(bundle.clone())).len(), 1);
        assert_eq!(load(&Store::Directories(vec![dir.clone()])).len(), 1);
        assert!(load(&Store::Bundle(dir.join("missing.pem"))).is_empty());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
