//! Every setting by one rule: the flag, then the environment variable,
//! then the selected profile's key; the first layer that sets it wins, and
//! where it came from is kept. A bad value from the environment or a
//! profile is a configuration error naming the variable or the profile.

use std::time::Duration;

use crate::config::endpoint::{self, Endpoint};
use crate::config::{Env, Profile};
use crate::credentials::chain::Selected;
use crate::error::Error;
use crate::settings::origin::Origin;
use crate::settings::values;

/// One setting: its name, flag and variable, how to read it from each
/// layer, and how to show it.
pub struct Key<T> {
    pub name: &'static str,
    pub flag: &'static str,
    pub var: &'static str,
    pub parse: fn(&str) -> Result<T, String>,
    pub from_profile: fn(&Profile) -> Option<Result<T, String>>,
    pub show: fn(&T) -> String,
}

/// The layers below the flags.
pub struct Layers<'a> {
    pub env: &'a Env,
    pub selected: Option<&'a Selected>,
}

impl Layers<'_> {
    /// The first layer that sets `key`, its origin pushed on `origins`;
    /// `None` when no layer does (the caller knows the default).
    pub fn pick<T>(
        &self,
        key: &Key<T>,
        flag: Option<T>,
        origins: &mut Vec<Origin>,
    ) -> Result<Option<T>, Error> {
        let (value, from) = if let Some(v) = flag {
            (v, key.flag.to_string())
        } else if let Some(raw) = self.env.get(key.var) {
            let v = (key.parse)(raw).map_err(|e| Error::config(format!("{}: {e}", key.var)))?;
            (v, key.var.to_string())
        } else if let Some(s) = self.selected
            && let Some(parsed) = (key.from_profile)(&s.profile)
        {
            let v =
                parsed.map_err(|e| Error::config(format!("{}: {}: {e}", s.source, key.name)))?;
            (v, s.source.to_string())
        } else {
            return Ok(None);
        };
        origins.push(Origin::said(
            format!("{} {}", key.name, (key.show)(&value)),
            from,
        ));
        Ok(Some(value))
    }
}

fn region(s: &str) -> Result<String, String> {
    endpoint::validate_region(s).map(|()| s.to_string())
}

pub const REGION: Key<String> = Key {
    name: "region",
    flag: "--region",
    var: "ALIBABA_CLOUD_REGION_ID",
    parse: region,
    from_profile: |p| p.region.as_deref().map(region),
    show: String::clone,
};

pub const ENDPOINT: Key<Endpoint> = Key {
    name: "endpoint",
    flag: "--endpoint",
    var: "DTS_ENDPOINT",
    parse: Endpoint::parse,
    from_profile: |p| p.endpoint.as_deref().map(Endpoint::parse),
    show: Endpoint::to_string,
};

pub const TIMEOUT: Key<Duration> = Key {
    name: "timeout",
    flag: "--timeout",
    var: "DTS_TIMEOUT",
    parse: values::parse_seconds,
    from_profile: |p| p.timeout.map(values::seconds),
    show: |t| format!("{} s", t.as_secs_f64()),
};

pub const RATE: Key<u32> = Key {
    name: "rate",
    flag: "--rate",
    var: "DTS_RATE",
    parse: values::parse_rate,
    from_profile: |p| p.rate.map(values::rate_in_range),
    show: |r| format!("{r} calls/s"),
};

pub const RETRIES: Key<u32> = Key {
    name: "retries",
    flag: "--retries",
    var: "DTS_RETRIES",
    parse: values::parse_retries,
    from_profile: |p| p.retries.map(values::retries_in_range),
    show: u32::to_string,
};
