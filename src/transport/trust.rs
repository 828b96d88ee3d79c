//! The certificates https trusts: the operating system's store, found the
//! cheap way. `SSL_CERT_FILE` and `SSL_CERT_DIR`, when set, name the store
//! (those alone, as OpenSSL and rustls-native-certs read them: the file
//! read as a bundle is, the regular files of the folders). Otherwise dts
//! loads the one bundle file the distribution documents, and reads the
//! certificate directory only when there is no bundle: the directory holds
//! the same roots again, one file each, and parsing it costs about a
//! thousand system calls. `tls` loads them once a process, when the first
//! handshake needs them.

use std::path::{Path, PathBuf};

use rustls::RootCertStore;
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
    /// `SSL_CERT_FILE` and/or the folders `SSL_CERT_DIR` lists.
    Environment {
        file: Option<PathBuf>,
        dirs: Vec<PathBuf>,
    },
    /// The distribution's bundle file.
    Bundle(PathBuf),
    /// Every certificate file in these directories.
    Directories(Vec<PathBuf>),
}

/// The store to load: the one `SSL_CERT_FILE` and `SSL_CERT_DIR` name
/// (`file`, `dirs`) when they name one, else the first bundle that exists,
/// else the directories that exist.
pub fn locate(file: Option<PathBuf>, dirs: Vec<PathBuf>, exists: impl Fn(&Path) -> bool) -> Store {
    if file.is_some() || !dirs.is_empty() {
        return Store::Environment { file, dirs };
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

/// `SSL_CERT_FILE` and the folders of `SSL_CERT_DIR`, read as OpenSSL and
/// rustls-native-certs read them (the process environment; empty folder
/// entries ignored).
fn environment() -> (Option<PathBuf>, Vec<PathBuf>) {
    let file = std::env::var_os("SSL_CERT_FILE").map(PathBuf::from);
    let dirs = std::env::var_os("SSL_CERT_DIR")
        .map(|d| {
            std::env::split_paths(&d)
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        })
        .unwrap_or_default();
    (file, dirs)
}

/// Adds the certificates of `store` to `roots`; what cannot be read or
/// parsed is left out (the handshake then says the issuer is unknown).
pub fn load(store: &Store, roots: &mut RootCertStore) {
    let (file, dirs) = match store {
        Store::Environment { file, dirs } => (file.as_deref(), &dirs[..]),
        Store::Bundle(file) => (Some(file.as_path()), &[][..]),
        Store::Directories(dirs) => (None, &dirs[..]),
    };
    if let Some(file) = file {
        let _ = pem_file(file, |der| {
            let _ = roots.add(CertificateDer::from(der));
        });
    }
    // Every regular file of each folder (rustls-native-certs skips other
    // kinds of file).
    for dir in dirs {
        let found = rustls_native_certs::load_certs_from_paths(None, Some(dir));
        roots.add_parsable_certificates(found.certs);
    }
}

/// How much of a bundle file is read at a time.
const CHUNK: usize = 32 * 1024;

/// The most of a bundle file read (a bundle is about 220 KB; this keeps
/// `SSL_CERT_FILE=/dev/zero` from reading for ever).
const MOST: u64 = 16 * 1024 * 1024;

/// Calls `each` with the DER of every certificate of the PEM file `file`,
/// read a chunk at a time: 8 pages of memory instead of the whole file's
/// 54 (each page a fault to fill).
pub fn pem_file(file: &Path, mut each: impl FnMut(&[u8])) -> std::io::Result<()> {
    use std::io::Read;
    let mut reader = std::fs::File::open(file)?.take(MOST);
    let mut pem = PemReader::default();
    let mut buf = vec![0u8; CHUNK];
    let mut filled = 0;
    let newline = memchr::arch::all::memchr::One::new(b'\n');
    loop {
        let n = reader.read(&mut buf[filled..])?;
        filled += n;
        let whole = match newline.rfind(&buf[..filled]) {
            _ if n == 0 => filled,
            Some(last) => last + 1,
            // A line longer than a chunk is no PEM line: it goes as it is.
            None if filled == buf.len() => filled,
            None => continue,
        };
        lines(&buf[..whole]).for_each(|line| pem.line(line, &mut each));
        buf.copy_within(whole..filled, 0);
        filled -= whole;
        if n == 0 {
            return Ok(());
        }
    }
}

/// Calls `each` with the DER of every certificate of a PEM bundle.
pub fn pem_certificates(text: &[u8], mut each: impl FnMut(&[u8])) {
    let mut pem = PemReader::default();
    lines(text).for_each(|line| pem.line(line, &mut each));
}

/// Reads PEM line by line; a block that does not decode is skipped. Every
/// block is decoded through the same two buffers (a general PEM reader
/// takes three times as long on a 220 KB bundle).
#[derive(Default)]
struct PemReader {
    inside: bool,
    b64: Vec<u8>,
    der: Vec<u8>,
}

impl PemReader {
    fn line(&mut self, line: &[u8], each: &mut impl FnMut(&[u8])) {
        use base64::Engine;
        match (self.inside, line.trim_ascii()) {
            (false, b"-----BEGIN CERTIFICATE-----") => {
                self.inside = true;
                self.b64.clear();
            }
            (true, b"-----END CERTIFICATE-----") => {
                self.inside = false;
                self.der.clear();
                if base64::engine::general_purpose::STANDARD
                    .decode_vec(&self.b64, &mut self.der)
                    .is_ok()
                {
                    each(&self.der);
                }
            }
            (true, body) => self.b64.extend_from_slice(body),
            (false, _) => {}
        }
    }
}

/// The lines of `text`, without their `\n`. They are found eight bytes at
/// a time: memchr's portable search, for its SIMD one first asks the CPU
/// what it has (a `cpuid`, which costs more under a hypervisor than it
/// saves here).
fn lines(text: &[u8]) -> impl Iterator<Item = &[u8]> {
    let newline = memchr::arch::all::memchr::One::new(b'\n');
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let r = rest?;
        match newline.find(r) {
            Some(i) => {
                rest = Some(&r[i + 1..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// The roots of the store this machine has.
pub fn load_here() -> RootCertStore {
    let mut roots = RootCertStore::empty();
    let (file, dirs) = environment();
    load(&locate(file, dirs, Path::exists), &mut roots);
    roots
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_environment_wins_when_it_names_a_store() {
        let file = Some(PathBuf::from("/tmp/ca.pem"));
        assert_eq!(
            locate(file.clone(), vec![], |_| true),
            Store::Environment { file, dirs: vec![] }
        );
        let dirs = vec![PathBuf::from("/tmp/certs")];
        assert_eq!(
            locate(None, dirs.clone(), |_| true),
            Store::Environment { file: None, dirs }
        );
    }

    #[test]
    fn the_first_bundle_that_exists_is_loaded_and_no_directory() {
        let only_rhel = |p: &Path| {
            p == Path::new("/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem")
                || p == Path::new("/etc/ssl/certs")
        };
        assert_eq!(
            locate(None, vec![], only_rhel),
            Store::Bundle("/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem".into())
        );
        assert_eq!(
            locate(None, vec![], |_| true),
            Store::Bundle("/etc/ssl/certs/ca-certificates.crt".into())
        );
    }

    #[test]
    fn the_directories_only_without_a_bundle() {
        let dirs = |p: &Path| DIRECTORIES.iter().any(|d| p == Path::new(d));
        assert_eq!(
            locate(None, vec![], dirs),
            Store::Directories(DIRECTORIES.iter().map(PathBuf::from).collect())
        );
        assert_eq!(locate(None, vec![], |_| false), Store::Directories(vec![]));
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
        let mut certs = Vec::new();
        pem_certificates(text.as_bytes(), |d| certs.push(d.to_vec()));
        assert_eq!(certs, [der.to_vec()]);
    }

    #[test]
    fn a_bundle_reads_as_a_general_pem_reader_reads_it() {
        use rustls::pki_types::pem::PemObject;
        let pem = |name: &str| {
            let key = rcgen::KeyPair::generate().unwrap();
            let mut params = rcgen::CertificateParams::new(vec![name.to_string()]).unwrap();
            params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
            params.self_signed(&key).unwrap().pem()
        };
        // Comments between blocks (Fedora's bundle has them), CRLF line
        // ends, a key block, and a block cut short at the end.
        let text = format!(
            "# Root one\n{}\n# Root two\n{}{}-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n\
             -----BEGIN CERTIFICATE-----\nMIIB",
            pem("one.example"),
            pem("two.example").replace('\n', "\r\n"),
            pem("three.example"),
        );
        let mut ours = Vec::new();
        pem_certificates(text.as_bytes(), |d| ours.push(d.to_vec()));
        let general: Vec<Vec<u8>> = CertificateDer::pem_slice_iter(text.as_bytes())
            .map_while(Result::ok)
            .map(|c| c.to_vec())
            .collect();
        assert_eq!(ours.len(), 3);
        assert_eq!(ours, general);
    }

    #[test]
    fn a_file_read_a_chunk_at_a_time_gives_every_certificate() {
        let key = rcgen::KeyPair::generate().unwrap();
        let one = |i: usize| {
            let params = rcgen::CertificateParams::new(vec![format!("{i}.example")]).unwrap();
            params.self_signed(&key).unwrap().pem()
        };
        // A line longer than a chunk first, then blocks across chunk
        // boundaries, the last without a final newline.
        let mut text = format!("# {}\n", "x".repeat(CHUNK + 100));
        (0..80).for_each(|i| text += &one(i));
        let text = text.trim_end();
        assert!(text.len() > 2 * CHUNK);
        let file = std::env::temp_dir().join(format!("dts-chunks-{}.pem", std::process::id()));
        std::fs::write(&file, text).unwrap();
        let (mut from_file, mut from_text) = (Vec::new(), Vec::new());
        pem_file(&file, |d| from_file.push(d.to_vec())).unwrap();
        pem_certificates(text.as_bytes(), |d| from_text.push(d.to_vec()));
        let _ = std::fs::remove_file(&file);
        assert_eq!(from_file.len(), 80);
        assert_eq!(from_file, from_text);
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
        let count = |store: Store| {
            let mut roots = RootCertStore::empty();
            load(&store, &mut roots);
            roots.len()
        };
        assert_eq!(count(Store::Bundle(bundle.clone())), 1);
        assert_eq!(count(Store::Directories(vec![dir.clone()])), 1);
        assert_eq!(count(Store::Bundle(dir.join("missing.pem"))), 0);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
