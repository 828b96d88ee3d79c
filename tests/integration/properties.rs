//! Property tests, bounded so CI stays quick: the encoder against an
//! independent RFC 3986 encoder, and parsers that must never panic.

use std::path::Path;

use proptest::prelude::*;

use crate::support::encode;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn percent_encoder_agrees_with_an_independent_one(s in any::<String>()) {
        prop_assert_eq!(dts::sign::percent_encode(&s), encode(&s));
    }

    #[test]
    fn response_classifier_never_panics(
        status in 100u16..600,
        body in proptest::collection::vec(any::<u8>(), 0..512),
    ) {
        let result = dts::api::response::interpret(status, &body, &|s: &str| s.to_string());
        // Success needs a 2xx status and a JSON object with Success true.
        if result.is_ok() {
            prop_assert!((200..300).contains(&status));
        }
    }

    #[test]
    fn response_classifier_never_panics_on_json_like_bodies(
        status in 100u16..600,
        body in r#"\{("(Success|Code|ErrCode|Message|ErrMessage|DynamicMessage|RequestId)":(true|false|null|1|"[a-z%s]{0,8}"|\[\]|\{\}),?){0,6}\}?"#,
    ) {
        let _ = dts::api::response::interpret(status, body.as_bytes(), &|s: &str| s.to_string());
    }

    #[test]
    fn profile_parser_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(file) = dts::config::ProfileFile::parse(Path::new("/p.toml"), &text) {
            for name in file.names() {
                let _ = file.profile(name);
            }
        }
    }

    #[test]
    fn profile_parser_never_panics_on_toml_like_text(
        text in r#"(\[[a-z]{1,4}\]\n|[a-z_]{1,18} = ("[^"\n]{0,8}"|[0-9.-]{1,4}|true|\[\]|\{\})\n){0,8}"#,
    ) {
        if let Ok(file) = dts::config::ProfileFile::parse(Path::new("/p.toml"), &text) {
            for name in file.names() {
                let _ = file.profile(name);
            }
        }
    }

    #[test]
    fn endpoint_parser_never_panics(s in any::<String>()) {
        if let Ok(e) = dts::config::endpoint::Endpoint::parse(&s) {
            prop_assert!(e.url().ends_with('/'));
        }
    }
}
