//! Which proxy a request goes through, chosen from the environment as curl
//! chooses it, and how a proxy URL is shown (its password never). The URL
//! is a [`Secret`]: it may hold a password.

use crate::config::Env;
use crate::config::endpoint::{self, Endpoint};
use crate::secret::Secret;

/// The proxy for `endpoint` from the environment, as curl chooses it:
/// `https_proxy`/`HTTPS_PROXY` for https, `http_proxy`/`HTTP_PROXY` for
/// http, else `all_proxy`/`ALL_PROXY`; none when `no_proxy`/`NO_PROXY`
/// matches the host.
pub fn proxy_for(endpoint: &Endpoint, env: &Env) -> Option<Secret> {
    let get = |lower: &str, upper: &str| env.get(lower).or_else(|| env.get(upper));
    let scheme_var = match endpoint.scheme {
        endpoint::Scheme::Https => get("https_proxy", "HTTPS_PROXY"),
        endpoint::Scheme::Http => get("http_proxy", "HTTP_PROXY"),
    };
    let proxy = scheme_var.or_else(|| get("all_proxy", "ALL_PROXY"))?;
    if let Some(no_proxy) = get("no_proxy", "NO_PROXY")
        && no_proxy_matches(no_proxy, endpoint.host())
    {
        return None;
    }
    Some(Secret::new(proxy))
}

/// Whether a `NO_PROXY` list names `host`: `*`, the host itself, or a
/// domain it belongs to (`example.com` and `.example.com` both match
/// `dts.example.com`). Ports in entries are ignored.
fn no_proxy_matches(list: &str, host: &str) -> bool {
    let host = host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_ascii_lowercase();
    list.split(',')
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .any(|entry| {
            if entry == "*" {
                return true;
            }
            let entry = entry.trim_start_matches('[');
            let entry = match entry.rsplit_once(':') {
                Some((h, port)) if port.chars().all(|c| c.is_ascii_digit()) && !h.contains(':') => {
                    h
                }
                _ => entry,
            };
            let entry = entry
                .trim_end_matches(']')
                .trim_start_matches('.')
                .to_ascii_lowercase();
            host == entry || host.ends_with(&format!(".{entry}"))
        })
}

/// A proxy URL with any password hidden. The user information ends at the
/// last `@` (a password may hold one), so nothing of the password shows.
pub fn redact(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").map_or(("", url), |(s, r)| (s, r));
    let shown = match rest.rsplit_once('@') {
        Some((userinfo, host)) => {
            let user = userinfo.split(':').next().unwrap_or("");
            format!("{user}:***@{host}")
        }
        None => rest.to_string(),
    };
    if scheme.is_empty() {
        shown
    } else {
        format!("{scheme}://{shown}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Env {
        Env::from_pairs(pairs.iter().copied())
    }

    #[test]
    fn the_scheme_picks_the_variable() {
        let https = Endpoint::parse("dts.aliyuncs.com").unwrap();
        let http = Endpoint::parse("http://127.0.0.1:8080").unwrap();
        let e = env(&[("HTTPS_PROXY", "http://s:1"), ("HTTP_PROXY", "http://p:1")]);
        assert_eq!(
            proxy_for(&https, &e).as_ref().map(Secret::expose),
            Some("http://s:1")
        );
        assert_eq!(
            proxy_for(&http, &e).as_ref().map(Secret::expose),
            Some("http://p:1")
        );
        let e = env(&[
            ("ALL_PROXY", "http://a:1"),
            ("https_proxy", "http://lower:1"),
        ]);
        assert_eq!(
            proxy_for(&https, &e).as_ref().map(Secret::expose),
            Some("http://lower:1")
        );
        assert_eq!(
            proxy_for(&http, &e).as_ref().map(Secret::expose),
            Some("http://a:1")
        );
        assert!(proxy_for(&http, &env(&[])).is_none());
    }

    #[test]
    fn no_proxy_matches_hosts_and_domains() {
        assert!(no_proxy_matches("*", "x.y"));
        assert!(no_proxy_matches("example.com", "dts.example.com"));
        assert!(no_proxy_matches(".example.com", "dts.example.com"));
        assert!(no_proxy_matches("a, 127.0.0.1:8080", "127.0.0.1"));
        assert!(no_proxy_matches("[::1]", "[::1]"));
        assert!(!no_proxy_matches("example.com", "notexample.com"));
        assert!(!no_proxy_matches("", "x"));
    }

    #[test]
    fn redaction_hides_the_password() {
        assert_eq!(
            redact("http://user:pw@proxy:3128"),
            "http://user:***@proxy:3128"
        );
        assert_eq!(redact("http://proxy:3128"), "http://proxy:3128");
        assert_eq!(redact("user:pw@proxy"), "user:***@proxy");
        assert_eq!(
            redact("http://alice:p@ssW0rd@proxy:3128"),
            "http://alice:***@proxy:3128"
        );
    }
}
