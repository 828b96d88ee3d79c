//! The signer against the official test vectors in tests/data, stage by
//! stage: canonicalized query, string-to-sign, signature.

use std::collections::BTreeMap;

use serde_json::Value;

const VECTORS: &str = include_str!("../data/signing-vectors.json");

fn check(name: &str) {
    let all: Value = serde_json::from_str(VECTORS).unwrap();
    let v = all["vectors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["name"] == name)
        .unwrap_or_else(|| panic!("no vector {name}"));
    let params: BTreeMap<String, String> = v["params"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
        .collect();
    let method = v["method"].as_str().unwrap();
    let signed = dts::sign::sign(method, &params, v["access_key_secret"].as_str().unwrap());
    assert_eq!(
        signed.canonicalized_query, v["canonicalized_query"],
        "{name}: canonicalized query differs"
    );
    assert_eq!(
        signed.string_to_sign, v["string_to_sign"],
        "{name}: string-to-sign differs"
    );
    assert_eq!(
        signed.signature, v["signature"],
        "{name}: signature differs"
    );
}

#[test]
fn every_vector_in_the_file_has_a_test() {
    let all: Value = serde_json::from_str(VECTORS).unwrap();
    let names: Vec<&str> = all["vectors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "doc-example-get",
            "doc-example-post",
            "openapi-util-unit-test",
            "suspend-post",
            "suspend-hostile-characters-sts",
            "tea-sdk-wire-capture",
            "tea-sdk-wire-capture-sts",
            "core-sdk-wire-capture-empty-value",
        ]
    );
}

#[test]
fn doc_example_get() {
    check("doc-example-get");
}

#[test]
fn doc_example_post() {
    check("doc-example-post");
}

#[test]
fn openapi_util_unit_test() {
    check("openapi-util-unit-test");
}

#[test]
fn suspend_post() {
    check("suspend-post");
}

#[test]
fn suspend_hostile_characters_sts() {
    check("suspend-hostile-characters-sts");
}

#[test]
fn tea_sdk_wire_capture() {
    check("tea-sdk-wire-capture");
}

#[test]
fn tea_sdk_wire_capture_sts() {
    check("tea-sdk-wire-capture-sts");
}

#[test]
fn core_sdk_wire_capture_empty_value() {
    check("core-sdk-wire-capture-empty-value");
}

/// The test's own signer agrees with the vectors too, so the mock gateway's
/// checks in the other tests are trustworthy.
#[test]
fn the_mock_gateways_signer_agrees_with_the_vectors() {
    let all: Value = serde_json::from_str(VECTORS).unwrap();
    for v in all["vectors"].as_array().unwrap() {
        let params: BTreeMap<String, String> = v["params"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
            .collect();
        let sig = crate::support::expected_signature(
            v["method"].as_str().unwrap(),
            &params,
            v["access_key_secret"].as_str().unwrap(),
        );
        assert_eq!(sig, v["signature"], "{}", v["name"]);
    }
}
