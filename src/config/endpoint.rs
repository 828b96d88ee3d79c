//! Region ids, endpoint URLs, and the map from a region to its DTS host.

use std::fmt;

/// The built-in emulator's demo key pair (documented in the README): dts
/// signs with it whenever the endpoint is `emulator`, never with yours.
pub const DEMO_KEY_ID: &str = "LTAI5tEmulatorDemoKey";
pub const DEMO_KEY_SECRET: &str = "emulator-demo-secret-not-a-real-key";

/// Regions served by the central `dts.aliyuncs.com` (WIRE.md); any other
/// region uses `dts.<region>.aliyuncs.com`.
const CENTRAL_REGIONS: &[&str] = &[
    "cn-qingdao",
    "cn-beijing",
    "cn-zhangjiakou",
    "cn-huhehaote",
    "cn-wulanchabu",
    "cn-hangzhou",
    "cn-shanghai",
    "cn-shenzhen",
    "cn-chengdu",
    "cn-hongkong",
    "cn-wuhan",
    "cn-fujian",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-5",
    "ap-south-1",
    "eu-west-1",
    "eu-central-1",
    "us-west-1",
    "us-east-1",
    "me-east-1",
    "cn-hangzhou-finance",
    "cn-shanghai-finance-1",
    "cn-shenzhen-finance-1",
    "cn-north-2-gov-1",
    "cn-beijing-finance-1",
    "cn-beijing-finance-pop",
    "cn-beijing-gov-1",
    "cn-hongkong-finance-pop",
];

/// Public regions served by their own `dts.<region>.aliyuncs.com`, known
/// only so that a near-miss can be caught ("did you mean").
const REGIONAL_REGIONS: &[&str] = &[
    "cn-guangzhou",
    "cn-heyuan",
    "cn-nanjing",
    "cn-heyuan-acdr-1",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-southeast-6",
    "ap-southeast-7",
    "me-central-1",
    "na-south-1",
];

/// The host used when no region is known at all.
pub const DEFAULT_HOST: &str = "dts.aliyuncs.com";

/// Checks that `region` is a region id: lower-case letters, digits and
/// hyphens, not empty.
pub fn validate_region(region: &str) -> Result<(), String> {
    if region.is_empty() {
        return Err("a region id must not be empty".into());
    }
    crate::limits::check("the region id", region, crate::limits::MAX_ID)?;
    if let Some(c) = region
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
    {
        return Err(format!(
            "'{region}' is not a region id (found {c:?}; expected lower-case letters, digits and hyphens, like cn-hangzhou)"
        ));
    }
    Ok(())
}

/// The DTS host for a region, by WIRE.md's map and regional rule.
pub fn host_for_region(region: Option<&str>) -> String {
    match region {
        None => DEFAULT_HOST.to_string(),
        Some(r) if CENTRAL_REGIONS.contains(&r) => DEFAULT_HOST.to_string(),
        Some(r) => format!("dts.{r}.aliyuncs.com"),
    }
}

/// A known region one edit (insertion, deletion, substitution or swap of
/// neighbours) away from `region`, when `region` itself is not known.
pub fn did_you_mean(region: &str) -> Option<&'static str> {
    let known = || CENTRAL_REGIONS.iter().chain(REGIONAL_REGIONS);
    if known().any(|k| *k == region) {
        return None;
    }
    known().copied().find(|k| one_edit_apart(region, k))
}

fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    match (ra.len(), rb.len()) {
        (0, 0) => false,
        (x, y) if x == y => {
            ra[1..] == rb[1..] || (x >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
        (x, y) if x + 1 == y => ra == &rb[1..],
        (x, y) if y + 1 == x => &ra[1..] == rb,
        _ => false,
    }
}

/// The scheme an endpoint is reached over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    Http,
    Https,
}

/// A parsed endpoint: scheme and authority; the path is always `/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    pub scheme: Scheme,
    /// `host` or `host:port`.
    pub authority: String,
}

impl Endpoint {
    pub fn https(host: impl Into<String>) -> Self {
        Endpoint {
            scheme: Scheme::Https,
            authority: host.into(),
        }
    }

    /// Parses `URL-or-HOST`: `host`, `host:port`, `https://host[:port][/]`
    /// or `http://host[:port][/]`.
    pub fn parse(input: &str) -> Result<Self, String> {
        crate::limits::check("the endpoint", input, crate::limits::MAX_ENDPOINT)?;
        let bad = |why: &str| {
            format!(
                "{} is not a valid endpoint: {why}",
                crate::limits::quoted(input)
            )
        };
        let (scheme, rest) = match input.split_once("://") {
            Some((s, rest)) if s.eq_ignore_ascii_case("https") => (Scheme::Https, rest),
            Some((s, rest)) if s.eq_ignore_ascii_case("http") => (Scheme::Http, rest),
            Some((s, _)) => return Err(bad(&format!("scheme '{s}' is not http or https"))),
            None => (Scheme::Https, input),
        };
        let (authority, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        };
        if !(path.is_empty() || path == "/") {
            return Err(bad("the path must be / (dts always calls the root)"));
        }
        if authority.is_empty() {
            return Err(bad("no host"));
        }
        let (host, port) = split_port(authority).map_err(|why| bad(&why))?;
        let host_ok = if let Some(inner) = host.strip_prefix('[') {
            inner
                .strip_suffix(']')
                .is_some_and(|ip| ip.parse::<std::net::Ipv6Addr>().is_ok())
        } else {
            !host.is_empty()
                && host
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
                && !host.starts_with(['-', '.'])
        };
        if !host_ok {
            return Err(bad(&format!("'{host}' is not a host name")));
        }
        if let Some(port) = port {
            match port.parse::<u16>() {
                Ok(p) if p > 0 => {}
                _ => return Err(bad(&format!("'{port}' is not a port number"))),
            }
        }
        Ok(Endpoint {
            scheme,
            authority: authority.to_ascii_lowercase(),
        })
    }

    /// The host without the port (IPv6 addresses keep their brackets).
    pub fn host(&self) -> &str {
        split_port(&self.authority).map_or(&self.authority, |(h, _)| h)
    }

    /// Whether this is `emulator`, the built-in DTS emulator's name.
    pub fn is_emulator(&self) -> bool {
        self.scheme == Scheme::Https && self.authority == "emulator"
    }

    /// Whether the host is this machine (`localhost`, 127.0.0.0/8, `::1`):
    /// plain http is harmless only there.
    pub fn is_loopback(&self) -> bool {
        let host = self.host().trim_start_matches('[').trim_end_matches(']');
        host == "localhost"
            || host.ends_with(".localhost")
            || host
                .parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback())
    }

    /// The URL of the API root, ending in `/`.
    pub fn url(&self) -> String {
        self.to_string()
    }
}

/// Splits `host:port` (or `[v6]:port`), leaving a bare host alone.
fn split_port(authority: &str) -> Result<(&str, Option<&str>), String> {
    if authority.starts_with('[') {
        return match authority.find(']') {
            Some(end) if end + 1 == authority.len() => Ok((authority, None)),
            Some(end) => match authority[end + 1..].strip_prefix(':') {
                Some(port) => Ok((&authority[..=end], Some(port))),
                None => Err("unexpected characters after the IPv6 address".into()),
            },
            None => Err("unclosed '['".into()),
        };
    }
    match authority.split_once(':') {
        Some((host, port)) => Ok((host, Some(port))),
        None => Ok((authority, None)),
    }
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_emulator() {
            return f.write_str("emulator (the built-in DTS emulator)");
        }
        let scheme = match self.scheme {
            Scheme::Http => "http",
            Scheme::Https => "https",
        };
        write!(f, "{scheme}://{}/", self.authority)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_region_is_both_central_and_regional() {
        for r in REGIONAL_REGIONS {
            assert!(!CENTRAL_REGIONS.contains(r), "{r} is in both lists");
        }
    }

    #[test]
    fn central_and_regional_hosts() {
        assert_eq!(host_for_region(None), "dts.aliyuncs.com");
        assert_eq!(host_for_region(Some("cn-hangzhou")), "dts.aliyuncs.com");
        assert_eq!(
            host_for_region(Some("cn-hongkong-finance-pop")),
            "dts.aliyuncs.com"
        );
        assert_eq!(
            host_for_region(Some("ap-northeast-1")),
            "dts.ap-northeast-1.aliyuncs.com"
        );
    }

    #[test]
    fn near_misses_get_a_suggestion() {
        assert_eq!(did_you_mean("cn-hangzou"), Some("cn-hangzhou"));
        assert_eq!(did_you_mean("cn-hnagzhou"), Some("cn-hangzhou"));
        assert_eq!(did_you_mean("cn-hangzhoux"), Some("cn-hangzhou"));
        assert_eq!(did_you_mean("ap-northeast-3"), Some("ap-northeast-1"));
        assert_eq!(did_you_mean("cn-hangzhou"), None);
        assert_eq!(did_you_mean("ap-northeast-1"), None);
        assert_eq!(did_you_mean("xx-nowhere-9"), None);
        assert_eq!(did_you_mean("cn-hngzou"), None);
    }

    #[test]
    fn host_drops_the_port() {
        assert_eq!(
            Endpoint::parse("http://127.0.0.1:80").unwrap().host(),
            "127.0.0.1"
        );
        assert_eq!(Endpoint::parse("[::1]:8").unwrap().host(), "[::1]");
        assert_eq!(
            Endpoint::parse("dts.aliyuncs.com").unwrap().host(),
            "dts.aliyuncs.com"
        );
    }

    #[test]
    fn region_ids() {
        assert!(validate_region("cn-hangzhou").is_ok());
        assert!(validate_region("eu-central-1").is_ok());
        assert!(validate_region("").is_err());
        assert!(validate_region("CN-Hangzhou").is_err());
        assert!(validate_region("cn hangzhou").is_err());
        assert!(validate_region("cn_hangzhou").is_err());
    }

    #[test]
    fn endpoints() {
        assert_eq!(
            Endpoint::parse("dts.aliyuncs.com").unwrap().url(),
            "https://dts.aliyuncs.com/"
        );
        assert_eq!(
            Endpoint::parse("http://127.0.0.1:8080").unwrap().url(),
            "http://127.0.0.1:8080/"
        );
        assert_eq!(
            Endpoint::parse("HTTPS://Dts.Example.com/").unwrap().url(),
            "https://dts.example.com/"
        );
        assert_eq!(
            Endpoint::parse("http://[::1]:9000").unwrap().url(),
            "http://[::1]:9000/"
        );
        for bad in [
            "",
            "ftp://x",
            "https://",
            "https://x/api",
            "x:notaport",
            "x:0",
            "x:70000",
            "user@x",
            "x?y=1",
            "[::1",
            "[zz]:1",
        ] {
            assert!(Endpoint::parse(bad).is_err(), "{bad} should be rejected");
        }
    }
}
