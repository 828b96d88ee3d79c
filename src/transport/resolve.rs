//! Resolving a host once per process: ureq's resolver starts a thread for
//! every request (even for an IP address, even on a reused connection); a
//! fleet of 1,000 jobs would start 1,000 threads and ask DNS 2,000 times.
//! IP addresses need no look-up at all; a name is looked up the first time
//! and remembered.

use std::net::{IpAddr, SocketAddr};
use std::sync::Mutex;

use ureq::config::Config;
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::NextTimeout;

/// A resolver that remembers what it found.
#[derive(Debug, Default)]
pub struct ResolveOnce {
    inner: DefaultResolver,
    found: Mutex<Vec<(String, ResolvedSocketAddrs)>>,
}

impl Resolver for ResolveOnce {
    fn resolve(
        &self,
        uri: &Uri,
        config: &Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let key = uri
            .authority()
            .map(|a| a.as_str().to_string())
            .unwrap_or_default();
        if let Ok(found) = self.found.lock()
            && let Some((_, addrs)) = found.iter().find(|(k, _)| *k == key)
        {
            return Ok(addrs.clone());
        }
        let addrs = match literal(uri) {
            Some(addr) => {
                let mut addrs = self.empty();
                addrs.push(addr);
                addrs
            }
            None => self.inner.resolve(uri, config, timeout)?,
        };
        if let Ok(mut found) = self.found.lock() {
            found.push((key, addrs.clone()));
        }
        Ok(addrs)
    }
}

/// The address of a URI whose host is an IP address.
fn literal(uri: &Uri) -> Option<SocketAddr> {
    let host = uri.host()?.trim_start_matches('[').trim_end_matches(']');
    let ip: IpAddr = host.parse().ok()?;
    let port = uri.port_u16().or_else(|| match uri.scheme_str()? {
        "https" => Some(443),
        "http" => Some(80),
        _ => None,
    })?;
    Some(SocketAddr::new(ip, port))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ip_addresses_need_no_look_up() {
        let uri: Uri = "http://127.0.0.1:8080/".parse().unwrap();
        assert_eq!(literal(&uri), Some("127.0.0.1:8080".parse().unwrap()));
        let uri: Uri = "https://[::1]/".parse().unwrap();
        assert_eq!(literal(&uri), Some("[::1]:443".parse().unwrap()));
        let uri: Uri = "https://dts.aliyuncs.com/".parse().unwrap();
        assert_eq!(literal(&uri), None);
    }
}
