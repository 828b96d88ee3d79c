//! The pure RPC signer (signature version 1.0, HMAC-SHA1).
//!
//! Nothing here reads the clock, draws randomness or does I/O: the caller
//! passes every parameter, `Timestamp` and `SignatureNonce` included, and
//! gets back each stage of the signature as a value a test can compare.

use std::collections::BTreeMap;

use base64::Engine as _;
use hmac::{Hmac, Mac};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use sha1::Sha1;

/// Every byte but the RFC 3986 unreserved characters `A-Z a-z 0-9 - _ . ~`.
const RPC_ENCODE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Percent-encodes `s` as the RPC signature requires: UTF-8 bytes, upper-case
/// hex, space as `%20`, `*` as `%2A`, `~` kept. The same encoder builds the
/// wire query.
pub fn percent_encode(s: &str) -> String {
    utf8_percent_encode(s, RPC_ENCODE).to_string()
}

/// The sorted `name=value` pairs joined with `&`. A `BTreeMap<String, _>`
/// already iterates in byte order of the names.
pub fn canonicalized_query(params: &BTreeMap<String, String>) -> String {
    let mut out = String::with_capacity(params.len() * 32);
    for (i, (name, value)) in params.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(&percent_encode(name));
        out.push('=');
        out.push_str(&percent_encode(value));
    }
    out
}

/// `METHOD&%2F&` followed by the canonicalized query encoded a second time.
pub fn string_to_sign(method: &str, canonicalized_query: &str) -> String {
    format!("{method}&%2F&{}", percent_encode(canonicalized_query))
}

/// Base64 of HMAC-SHA1 keyed with `secret + "&"`.
pub fn signature(secret: &str, string_to_sign: &str) -> String {
    let mut key = Vec::with_capacity(secret.len() + 1);
    key.extend_from_slice(secret.as_bytes());
    key.push(b'&');
    let mut mac = Hmac::<Sha1>::new_from_slice(&key).expect("HMAC accepts keys of any length");
    mac.update(string_to_sign.as_bytes());
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

/// Each stage of one signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signed {
    pub canonicalized_query: String,
    pub string_to_sign: String,
    pub signature: String,
}

/// Signs `params` (which must not hold `Signature`) for `method`.
pub fn sign(method: &str, params: &BTreeMap<String, String>, secret: &str) -> Signed {
    let canonicalized_query = canonicalized_query(params);
    let string_to_sign = string_to_sign(method, &canonicalized_query);
    let signature = signature(secret, &string_to_sign);
    Signed {
        canonicalized_query,
        string_to_sign,
        signature,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_reserved_characters_the_rpc_way() {
        assert_eq!(percent_encode("a b*c~d"), "a%20b%2Ac~d");
        assert_eq!(percent_encode("+/="), "%2B%2F%3D");
        assert_eq!(percent_encode("中"), "%E4%B8%AD");
        assert_eq!(percent_encode("AZaz09-_.~"), "AZaz09-_.~");
    }

    #[test]
    fn empty_value_gives_name_and_equals() {
        let mut p = BTreeMap::new();
        p.insert("B".to_string(), String::new());
        p.insert("A".to_string(), "1".to_string());
        assert_eq!(canonicalized_query(&p), "A=1&B=");
    }

    #[test]
    fn names_sort_by_byte_order() {
        let mut p = BTreeMap::new();
        p.insert("b".to_string(), "1".to_string());
        p.insert("B".to_string(), "2".to_string());
        p.insert("a".to_string(), "3".to_string());
        assert_eq!(canonicalized_query(&p), "B=2&a=3&b=1");
    }
}
