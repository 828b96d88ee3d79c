//! What the API gateway checks before an action runs, and its error
//! shape: the signature (v1.0, exactly as dts and the SDKs sign), the
//! key, the SecurityToken of STS keys, the Timestamp's 15 minutes, a nonce
//! used once, and 20 calls a second per key and action.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::sync::Mutex;
use std::time::Duration;

use serde_json::json;

use crate::ambient::Ambient;
use crate::emulator::http::Answer;
use crate::sign;

pub use crate::config::endpoint::{DEMO_KEY_ID, DEMO_KEY_SECRET};
/// Its STS triple.
pub const DEMO_STS_ID: &str = "STS.EmulatorDemoKey";
pub const DEMO_STS_SECRET: &str = "emulator-demo-sts-secret";
pub const DEMO_STS_TOKEN: &str = "CAISEmulatorDemoSecurityToken";
/// Calls a second per key and action, as the service allows.
pub const RATE: usize = 20;

/// A key the emulator accepts.
#[derive(Debug, Clone)]
pub struct Key {
    pub id: String,
    pub secret: String,
    pub token: Option<String>,
}

/// The gateway's memory: keys, nonces seen, recent calls.
#[derive(Debug)]
pub struct Gateway {
    keys: Vec<Key>,
    /// Calls a second per key and action; 0 for no limit.
    rate: usize,
    nonces: Mutex<Nonces>,
    calls: Mutex<HashMap<(String, String), VecDeque<Duration>>>,
}

impl Gateway {
    /// The demo keys, and `extra` if given; `rate` calls a second per key
    /// and action (0 for no limit).
    pub fn new(extra: Option<Key>, rate: usize) -> Self {
        let mut keys = vec![
            Key {
                id: DEMO_KEY_ID.into(),
                secret: DEMO_KEY_SECRET.into(),
                token: None,
            },
            Key {
                id: DEMO_STS_ID.into(),
                secret: DEMO_STS_SECRET.into(),
                token: Some(DEMO_STS_TOKEN.into()),
            },
        ];
        keys.extend(extra);
        Gateway {
            keys,
            rate,
            nonces: Mutex::new(Nonces::default()),
            calls: Mutex::new(HashMap::new()),
        }
    }

    /// The refusal the gateway gives `params`, if any.
    pub fn check(
        &self,
        method: &str,
        params: &BTreeMap<String, String>,
        ambient: &dyn Ambient,
    ) -> Option<Answer> {
        let get = |k: &str| params.get(k).map(String::as_str);
        for missing in ["AccessKeyId", "Signature", "SignatureNonce", "Timestamp"] {
            if get(missing).is_none() {
                return Some(refuse(
                    400,
                    "MissingParameter",
                    &format!("{missing} is mandatory for this action."),
                    Shape::Gateway,
                ));
            }
        }
        let id = get("AccessKeyId").unwrap_or_default();
        let Some(key) = self.keys.iter().find(|k| k.id == id) else {
            return Some(refuse(
                404,
                "InvalidAccessKeyId.NotFound",
                "Specified access key is not found.",
                Shape::Gateway,
            ));
        };
        let mut unsigned = params.clone();
        let given = unsigned.remove("Signature").unwrap_or_default();
        let to_sign = sign::string_to_sign(method, &sign::canonicalized_query(&unsigned));
        if sign::signature(&key.secret, &to_sign) != given {
            return Some(refuse(
                400,
                "SignatureDoesNotMatch",
                &format!(
                    "Specified signature is not matched with our calculation. server string to sign is:{to_sign}"
                ),
                Shape::Gateway,
            ));
        }
        if key.token.is_some() && get("SecurityToken") != key.token.as_deref() {
            return Some(refuse(
                400,
                "InvalidSecurityToken.Mismatch",
                "Specified SecurityToken is invalid.",
                Shape::Gateway,
            ));
        }
        if !timely(get("Timestamp").unwrap_or_default(), ambient) {
            return Some(refuse(
                400,
                "InvalidTimeStamp.Expired",
                "Specified time stamp or date value is expired.",
                Shape::Gateway,
            ));
        }
        let nonce = get("SignatureNonce").unwrap_or_default();
        let now = ambient.monotonic();
        if !self
            .nonces
            .lock()
            .is_ok_and(|mut n| n.first_use(nonce, now))
        {
            return Some(refuse(
                400,
                "SignatureNonceUsed",
                "Specified signature nonce was used already.",
                Shape::Gateway,
            ));
        }
        self.throttled(id, get("Action").unwrap_or_default(), ambient)
    }

    /// `Throttling.User` beyond the rate's calls in a second.
    fn throttled(&self, id: &str, action: &str, ambient: &dyn Ambient) -> Option<Answer> {
        if self.rate == 0 {
            return None;
        }
        let now = ambient.monotonic();
        let mut calls = self.calls.lock().ok()?;
        let recent = calls
            .entry((id.to_string(), action.to_string()))
            .or_default();
        while recent
            .front()
            .is_some_and(|t| now.saturating_sub(*t) >= Duration::from_secs(1))
        {
            recent.pop_front();
        }
        if recent.len() >= self.rate {
            return Some(throttling());
        }
        recent.push_back(now);
        None
    }
}

/// The gateway's throttling answer.
pub fn throttling() -> Answer {
    refuse(
        400,
        "Throttling.User",
        "Request was denied due to user flow control.",
        Shape::Gateway,
    )
}

/// Whether an API timestamp is within 15 minutes of now.
fn timely(timestamp: &str, ambient: &dyn Ambient) -> bool {
    let format =
        time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    let Ok(t) = time::PrimitiveDateTime::parse(timestamp, format) else {
        return false;
    };
    let now = ambient
        .now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    (t.assume_utc().unix_timestamp() - now).abs() <= 15 * 60
}

/// How long a nonce is remembered: a request is accepted for 15 minutes
/// either side of its Timestamp, so after 30 minutes a replay is refused
/// for its time anyway, and the emulator's memory stays flat.
const NONCE_MEMORY: Duration = Duration::from_secs(30 * 60);

/// The nonces seen within [`NONCE_MEMORY`], oldest first.
#[derive(Debug, Default)]
struct Nonces {
    seen: HashSet<String>,
    order: VecDeque<(Duration, String)>,
}

impl Nonces {
    /// Whether `nonce` is new (and remembers it).
    fn first_use(&mut self, nonce: &str, now: Duration) -> bool {
        while let Some((at, old)) = self.order.front() {
            if now.saturating_sub(*at) < NONCE_MEMORY {
                break;
            }
            self.seen.remove(old);
            self.order.pop_front();
        }
        if !self.seen.insert(nonce.to_string()) {
            return false;
        }
        self.order.push_back((now, nonce.to_string()));
        true
    }
}

/// Which of WIRE.md's two error shapes an answer takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// The API gateway's: `Code`, `Message`, `HostId`, `Recommend`.
    Gateway,
    /// DTS's own: `Success: false`, `ErrCode`, `ErrMessage`.
    Dts,
}

/// An error in `shape`.
pub fn refuse(status: u16, code: &str, message: &str, shape: Shape) -> Answer {
    let request_id = format!("EMU-{:08X}", next_request_number());
    let body = match shape {
        Shape::Dts => json!({
            "RequestId": request_id, "HttpStatusCode": status, "Success": false,
            "ErrCode": code, "ErrMessage": message, "Code": code,
        }),
        Shape::Gateway => json!({
            "RequestId": request_id, "HostId": "dts.emulator", "Code": code, "Message": message,
            "Recommend": "https://api.aliyun.com/troubleshoot",
        }),
    };
    Answer::Body {
        status,
        body: body.to_string(),
    }
}

/// A cheap counter for request ids (not random: ids need only differ).
fn next_request_number() -> u32 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0x1000);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nonce_is_refused_twice_and_forgotten_after_its_window() {
        let mut n = Nonces::default();
        let t = Duration::from_secs(1000);
        assert!(n.first_use("a", t));
        assert!(!n.first_use("a", t + Duration::from_secs(60)));
        assert!(n.first_use("b", t + NONCE_MEMORY));
        assert_eq!(n.seen.len(), 1, "a was forgotten");
        assert!(n.first_use("a", t + NONCE_MEMORY));
    }
}
