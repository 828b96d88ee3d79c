//! Reads an HTTP answer into success or an [`ApiError`]: both error shapes,
//! and the one table that turns code strings into error classes.

use serde_json::{Map, Value};

use crate::error::{ApiClass, ApiError, Error};

/// Code prefixes that mean throttling, whatever the HTTP status.
const THROTTLED_PREFIXES: &[&str] = &["Throttling"];
/// Code prefixes that mean the service failed.
const UNAVAILABLE_PREFIXES: &[&str] = &["ServiceUnavailable", "InternalError"];
/// Code prefixes that mean the credentials are wrong or lack permission.
const AUTH_PREFIXES: &[&str] = &[
    "InvalidAccessKeyId",
    "InvalidTimeStamp",
    "InvalidSecurityToken",
    "NoPermission",
    "Forbidden",
];
/// Whole codes that mean the credentials or signature are wrong.
const AUTH_CODES: &[&str] = &[
    "SignatureDoesNotMatch",
    "IncompleteSignature",
    "SignatureNonceUsed",
    "MissingSecurityToken",
];
/// Code suffixes that mean the credentials lack permission.
const AUTH_SUFFIXES: &[&str] = &["RamPermissionDenied"];
/// Prefixes whose codes ending in `NotFound` name a missing job or
/// instance (`Forbidden.InstanceNotFound`), a refusal rather than an auth
/// failure.
const NOT_FOUND_IS_REJECTED: &[&str] = &["Forbidden", "NoPermission"];

/// Code prefixes about the job or the request itself: a refusal (exit 5)
/// whatever the HTTP status, 403 included (CONTRACT.md's precise rules).
const REJECTED_PREFIXES: &[&str] = &[
    "InvalidJobStatus",
    "InvalidTaskStatus",
    "InvalidParameter",
    "MissingParameter",
    "InvalidJobId",
];

/// Codes that mean the job's state does not allow the action, which after
/// a lost answer may mean an earlier attempt already took effect.
const JOB_STATE_CODES: &[&str] = &["InvalidJobStatus", "InvalidTaskStatus", "InvalidStatus"];

/// What an authentication failure is about, for its hint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthReason {
    /// The SecurityToken is missing, expired or wrong.
    Token,
    /// The request's Timestamp is too far from the service's clock.
    Clock,
    /// The signature does not match (a wrong AccessKeySecret).
    Signature,
    /// The AccessKeyId or its permissions.
    Key,
}

/// Code prefixes about the SecurityToken.
const TOKEN_PREFIXES: &[&str] = &["InvalidSecurityToken", "MissingSecurityToken"];
/// Code prefixes about the clock.
const CLOCK_PREFIXES: &[&str] = &["InvalidTimeStamp"];
/// Codes about the signature itself.
const SIGNATURE_CODES: &[&str] = &["SignatureDoesNotMatch"];

/// What an authentication failure's code says it is about.
pub fn auth_reason(code: &str) -> AuthReason {
    let starts = |list: &[&str]| list.iter().any(|p| code.starts_with(p));
    if starts(TOKEN_PREFIXES) {
        AuthReason::Token
    } else if starts(CLOCK_PREFIXES) {
        AuthReason::Clock
    } else if SIGNATURE_CODES.contains(&code) {
        AuthReason::Signature
    } else {
        AuthReason::Key
    }
}

/// Whether `error` says the signature did not match.
pub fn is_signature_mismatch(error: &Error) -> bool {
    matches!(error, Error::Api(api) if api.code.as_deref().map(auth_reason) == Some(AuthReason::Signature))
}

/// Whether `error` is a refusal because of the job's state.
pub fn is_job_state_refusal(error: &Error) -> bool {
    match error {
        Error::Api(api) => api.code.as_deref().is_some_and(|c| {
            JOB_STATE_CODES.contains(&c) || c.contains("JobStatus") || c.contains("TaskStatus")
        }),
        _ => false,
    }
}

/// The class a code string alone decides, if any.
pub fn class_of_code(code: &str) -> Option<ApiClass> {
    let starts = |list: &[&str]| list.iter().any(|p| code.starts_with(p));
    if starts(THROTTLED_PREFIXES) {
        return Some(ApiClass::Throttled);
    }
    if starts(UNAVAILABLE_PREFIXES) {
        return Some(ApiClass::Unavailable);
    }
    if starts(REJECTED_PREFIXES) || (starts(NOT_FOUND_IS_REJECTED) && code.ends_with("NotFound")) {
        return Some(ApiClass::Rejected);
    }
    if starts(AUTH_PREFIXES)
        || AUTH_CODES.contains(&code)
        || AUTH_SUFFIXES.iter().any(|s| code.ends_with(s))
    {
        return Some(ApiClass::Auth);
    }
    None
}

/// The class an HTTP status decides when no code string does.
pub fn class_of_status(status: u16) -> ApiClass {
    match status {
        429 => ApiClass::Throttled,
        401 | 403 => ApiClass::Auth,
        500..=599 => ApiClass::Unavailable,
        _ => ApiClass::Rejected,
    }
}

/// A successful call: the body as received (SecurityToken masked).
#[derive(Debug, Clone, PartialEq)]
pub struct Success {
    pub body: Map<String, Value>,
}

impl Success {
    pub fn request_id(&self) -> Option<&str> {
        self.body.get("RequestId").and_then(Value::as_str)
    }
}

/// What a successful answer looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuccessRule {
    /// DTS: a 2xx body with `"Success": true`.
    SuccessField,
    /// STS: a 2xx JSON object without an error `Code`.
    NoErrorCode,
}

/// Interprets one DTS answer. `mask` hides the caller's SecurityToken in
/// every string of the body before anything else sees it.
pub fn interpret(
    status: u16,
    body: &[u8],
    mask: &dyn Fn(&str) -> String,
) -> Result<Success, Error> {
    interpret_with(SuccessRule::SuccessField, status, body, mask)
}

/// Interprets one answer by `rule`.
pub fn interpret_with(
    rule: SuccessRule,
    status: u16,
    body: &[u8],
    mask: &dyn Fn(&str) -> String,
) -> Result<Success, Error> {
    let object = parse_object(body).map(|mut o| {
        mask_strings(&mut o, mask);
        o
    });
    let is_2xx = (200..300).contains(&status);
    if (300..400).contains(&status) {
        return Err(Error::BadResponse {
            message: format!(
                "the service answered HTTP {status}, a redirect, with {}: DTS never redirects, and dts does not follow one (check --endpoint and any proxy)",
                describe_body(body)
            ),
            http_status: Some(status),
        });
    }
    let Some(object) = object else {
        if is_2xx {
            return Err(Error::BadResponse {
                message: format!(
                    "the service answered HTTP {status} with {} instead of a JSON object",
                    describe_body(body)
                ),
                http_status: Some(status),
            });
        }
        return Err(Error::Api(Box::new(ApiError {
            class: class_of_status(status),
            http_status: status,
            code: None,
            message: Some(format!(
                "HTTP {status} {} with {}",
                reason(status),
                describe_body(body)
            )),
            request_id: None,
            body: None,
        })));
    };

    let code = string_field(&object, "Code").or_else(|| string_field(&object, "ErrCode"));
    let success = object.get("Success").and_then(Value::as_bool);
    if is_2xx && (success == Some(true) || (rule == SuccessRule::NoErrorCode && code.is_none())) {
        return Ok(Success { body: object });
    }
    if is_2xx && success.is_none() && code.is_none() {
        return Err(Error::BadResponse {
            message: format!("the service answered HTTP {status} without a boolean Success field"),
            http_status: Some(status),
        });
    }
    let class = code
        .as_deref()
        .and_then(class_of_code)
        .unwrap_or_else(|| class_of_status(status));
    let message = string_field(&object, "Message").or_else(|| {
        string_field(&object, "ErrMessage").map(|m| match string_field(&object, "DynamicMessage") {
            Some(dynamic) if m.contains("%s") => m.replace("%s", &dynamic),
            _ => m,
        })
    });
    Err(Error::Api(Box::new(ApiError {
        class,
        http_status: status,
        code,
        message,
        request_id: string_field(&object, "RequestId"),
        body: Some(object),
    })))
}

fn parse_object(body: &[u8]) -> Option<Map<String, Value>> {
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(o)) => Some(o),
        _ => None,
    }
}

fn string_field(object: &Map<String, Value>, name: &str) -> Option<String> {
    match object.get(name) {
        Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
        _ => None,
    }
}

fn mask_strings(object: &mut Map<String, Value>, mask: &dyn Fn(&str) -> String) {
    fn walk(v: &mut Value, mask: &dyn Fn(&str) -> String) {
        match v {
            Value::String(s) => *s = mask(s),
            Value::Array(a) => a.iter_mut().for_each(|v| walk(v, mask)),
            Value::Object(o) => mask_object(o, mask),
            _ => {}
        }
    }
    fn mask_object(o: &mut Map<String, Value>, mask: &dyn Fn(&str) -> String) {
        // Keys too: a server may echo a secret as a key.
        if o.keys().any(|k| mask(k) != *k) {
            let entries = std::mem::take(o);
            o.extend(entries.into_iter().map(|(k, v)| (mask(&k), v)));
        }
        o.values_mut().for_each(|v| walk(v, mask));
    }
    mask_object(object, mask);
}

/// A short description of a body that is not a JSON object, quoting none
/// of it.
fn describe_body(body: &[u8]) -> String {
    if body.is_empty() {
        return "an empty body".into();
    }
    let Ok(text) = std::str::from_utf8(body) else {
        return format!("{} bytes that are not UTF-8", body.len());
    };
    let start = text.trim_start();
    let what = if start.starts_with('<') {
        "an HTML or XML page"
    } else {
        match serde_json::from_str::<Value>(text) {
            Ok(Value::Array(_)) => "a JSON array",
            Ok(Value::String(_)) => "a JSON string",
            Ok(_) => "a JSON scalar",
            Err(e) if e.is_eof() => "JSON cut short",
            Err(_) => "a body that is not JSON",
        }
    };
    format!("{what} ({} bytes)", body.len())
}

fn reason(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_mask(s: &str) -> String {
        s.to_string()
    }

    fn class(status: u16, body: &str) -> Result<Success, Error> {
        interpret(status, body.as_bytes(), &no_mask)
    }

    fn exit(status: u16, body: &str) -> u8 {
        match class(status, body) {
            Ok(_) => 0,
            Err(e) => e.exit_code(),
        }
    }

    #[test]
    fn code_table() {
        use ApiClass::*;
        let cases = [
            ("Throttling.User", Some(Throttled)),
            ("Throttling.Api", Some(Throttled)),
            ("ServiceUnavailable", Some(Unavailable)),
            ("InternalError", Some(Unavailable)),
            ("InvalidAccessKeyId.NotFound", Some(Auth)),
            ("InvalidAccessKeyId.Inactive", Some(Auth)),
            ("SignatureDoesNotMatch", Some(Auth)),
            ("IncompleteSignature", Some(Auth)),
            ("InvalidTimeStamp.Expired", Some(Auth)),
            ("SignatureNonceUsed", Some(Auth)),
            ("InvalidSecurityToken.Expired", Some(Auth)),
            ("MissingSecurityToken", Some(Auth)),
            ("Forbidden.RAM", Some(Auth)),
            ("NoPermission", Some(Auth)),
            ("DTS.Msg.RamPermissionDenied", Some(Auth)),
            ("Forbidden.InstanceNotFound", Some(Rejected)),
            ("InvalidParameter", Some(Rejected)),
            ("InvalidParameter.DtsJobId", Some(Rejected)),
            ("InvalidJobStatus", Some(Rejected)),
            ("InvalidTaskStatus", Some(Rejected)),
            ("MissingParameter", Some(Rejected)),
            ("InvalidJobId.NotFound", Some(Rejected)),
            ("SomethingNew", None),
        ];
        for (code, want) in cases {
            assert_eq!(class_of_code(code), want, "{code}");
        }
    }

    #[test]
    fn success_needs_2xx_and_success_true() {
        assert_eq!(exit(200, r#"{"RequestId":"r","Success":true}"#), 0);
        assert_eq!(exit(200, r#"{"RequestId":"r","Success":false}"#), 5);
        assert_eq!(exit(500, r#"{"Success":true}"#), 7);
        assert_eq!(exit(200, r#"{"Success":"true"}"#), 9);
        assert_eq!(exit(200, r#"{"RequestId":"r"}"#), 9);
    }

    #[test]
    fn code_first_then_status() {
        assert_eq!(exit(200, r#"{"Code":"Throttling.User"}"#), 6);
        assert_eq!(exit(400, r#"{"Code":"Throttling.User"}"#), 6);
        assert_eq!(exit(404, r#"{"Code":"InvalidAccessKeyId.NotFound"}"#), 4);
        assert_eq!(
            exit(
                403,
                r#"{"Success":false,"ErrCode":"Forbidden.InstanceNotFound"}"#
            ),
            5
        );
        assert_eq!(exit(503, r#"{"Code":"SomethingNew"}"#), 7);
        assert_eq!(exit(400, r#"{"Code":"SomethingNew"}"#), 5);
        assert_eq!(exit(403, r#"{"Code":"DTS.Msg.Unknown"}"#), 4);
        assert_eq!(exit(429, r#"{"Code":"SomethingNew"}"#), 6);
        assert_eq!(exit(403, r#"{"Code":"InvalidJobStatus"}"#), 5);
        assert_eq!(exit(403, r#"{"Code":"InvalidParameter"}"#), 5);
    }

    #[test]
    fn a_redirect_is_a_bad_response_whatever_its_body() {
        assert_eq!(exit(301, r#"{"Code":"Moved","Message":"x"}"#), 9);
        assert_eq!(exit(307, "<html>moved</html>"), 9);
    }

    #[test]
    fn bodies_that_are_not_objects() {
        assert_eq!(exit(502, "<html>bad gateway</html>"), 7);
        assert_eq!(exit(200, "<html>ok</html>"), 9);
        assert_eq!(exit(200, "[1,2]"), 9);
        assert_eq!(exit(200, "\"x\""), 9);
        assert_eq!(exit(200, r#"{"Success":tr"#), 9);
        assert_eq!(exit(401, ""), 4);
        assert_eq!(exit(429, "slow down"), 6);
        assert_eq!(exit(404, "nope"), 5);
        assert_eq!(exit(302, ""), 9);
    }

    #[test]
    fn dts_error_shape_fills_the_dynamic_message() {
        let err = class(
            400,
            r#"{"RequestId":"R1","HttpStatusCode":400,"Success":false,"ErrCode":"InvalidParameter","ErrMessage":"The Value of Input Parameter %s is not valid.","DynamicMessage":"DtsJobId"}"#,
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "InvalidParameter: The Value of Input Parameter DtsJobId is not valid. (request id R1)"
        );
    }

    #[test]
    fn gateway_shape_reads_code_and_message() {
        let err = class(
            400,
            r#"{"RequestId":"R2","HostId":"dts.aliyuncs.com","Code":"SignatureDoesNotMatch","Message":"Specified signature is not matched","Recommend":"x"}"#,
        )
        .unwrap_err();
        assert_eq!(err.exit_code(), 4);
        assert_eq!(
            err.to_string(),
            "SignatureDoesNotMatch: Specified signature is not matched (request id R2)"
        );
    }

    #[test]
    fn masking_reaches_nested_strings() {
        let mask = |s: &str| s.replace("TOKEN", "TOKE***");
        let err = interpret(
            400,
            br#"{"Code":"SignatureDoesNotMatch","Message":"sts TOKEN","Nested":{"a":["TOKEN"]}}"#,
            &mask,
        )
        .unwrap_err();
        let Error::Api(api) = err else { panic!() };
        let text = serde_json::to_string(&api.body).unwrap();
        assert!(!text.contains("TOKEN"), "{text}");

        assert_eq!(api.message.as_deref(), Some("sts TOKE***"));
        let err = interpret(400, br#"{"Code":"X","TOKEN":{"TOKEN-2":1}}"#, &mask).unwrap_err();
        let Error::Api(api) = err else { panic!() };
        let text = serde_json::to_string(&api.body).unwrap();
        assert_eq!(text, r#"{"Code":"X","TOKE***":{"TOKE***-2":1}}"#);
    }
}
