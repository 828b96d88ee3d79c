//! Which STS host a role is assumed at: `ALIBABA_CLOUD_STS_ENDPOINT`, else
//! the profile's `sts_endpoint`, else with a region
//! (`ALIBABA_CLOUD_STS_REGION`, else the profile's `sts_region`)
//! `sts.<region>.aliyuncs.com` (`sts-vpc.` when
//! `ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED=true`), else `sts.aliyuncs.com`. The
//! DTS `--region` never changes it.

use crate::config::Env;
use crate::config::endpoint::{self, Endpoint};
use crate::config::kind::Session;
use crate::error::Error;

/// The STS host when nothing names one.
pub const DEFAULT_HOST: &str = "sts.aliyuncs.com";

/// The STS endpoint for a role session configured in `at`.
pub fn resolve(env: &Env, session: &Session, at: &str) -> Result<Endpoint, Error> {
    if let Some(e) = env.get("ALIBABA_CLOUD_STS_ENDPOINT") {
        return Endpoint::parse(e)
            .map_err(|why| Error::config(format!("ALIBABA_CLOUD_STS_ENDPOINT: {why}")));
    }
    if let Some(e) = &session.sts_endpoint {
        return Endpoint::parse(e)
            .map_err(|why| Error::config(format!("{at}: sts_endpoint: {why}")));
    }
    let region = match env.get("ALIBABA_CLOUD_STS_REGION") {
        Some(r) => Some((r, "ALIBABA_CLOUD_STS_REGION".to_string())),
        None => session
            .sts_region
            .as_deref()
            .map(|r| (r, format!("{at}: sts_region"))),
    };
    let Some((region, from)) = region else {
        return Ok(Endpoint::https(DEFAULT_HOST));
    };
    endpoint::validate_region(region).map_err(|why| Error::config(format!("{from}: {why}")))?;
    let prefix = if env.is_true("ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED") {
        "sts-vpc"
    } else {
        "sts"
    };
    Ok(Endpoint::https(format!("{prefix}.{region}.aliyuncs.com")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn host(env: &[(&str, &str)], session: &Session) -> String {
        resolve(&Env::from_pairs(env.iter().copied()), session, "p")
            .unwrap()
            .to_string()
    }

    #[test]
    fn the_order_of_the_sts_host() {
        let none = Session::default();
        let regional = Session {
            sts_region: Some("cn-beijing".into()),
            ..Session::default()
        };
        let named = Session {
            sts_endpoint: Some("sts.example.com".into()),
            ..regional.clone()
        };
        assert_eq!(host(&[], &none), "https://sts.aliyuncs.com/");
        assert_eq!(host(&[], &regional), "https://sts.cn-beijing.aliyuncs.com/");
        assert_eq!(
            host(&[("ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED", "true")], &regional),
            "https://sts-vpc.cn-beijing.aliyuncs.com/"
        );
        assert_eq!(
            host(&[("ALIBABA_CLOUD_STS_REGION", "cn-shanghai")], &regional),
            "https://sts.cn-shanghai.aliyuncs.com/"
        );
        assert_eq!(host(&[], &named), "https://sts.example.com/");
        assert_eq!(
            host(
                &[("ALIBABA_CLOUD_STS_ENDPOINT", "http://127.0.0.1:9")],
                &named
            ),
            "http://127.0.0.1:9/"
        );
    }
}
