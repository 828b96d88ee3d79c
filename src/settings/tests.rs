//! Precedence tests for [`super::resolve`], fed explicit environments and
//! temporary profile files (no `set_var`).

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use super::*;
use crate::config::Paths;
use crate::credentials::CredentialSource;
use crate::secret::Secret;

const FILE: &str = r#"
[default]
access_key_id = "file-default-id"
access_key_secret = "file-default-secret"
region = "cn-beijing"
endpoint = "http://127.0.0.1:9"
output = "json"
timeout = 2.5
retries = 7

[prod]
access_key_id = "file-prod-id"
access_key_secret = "file-prod-secret"
security_token = "file-prod-token"
region = "eu-central-1"
"#;

fn write(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("config.toml");
    std::fs::write(&path, text).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    path
}

fn env_pair() -> Vec<(&'static str, &'static str)> {
    vec![
        ("ALIBABA_CLOUD_ACCESS_KEY_ID", "env-id"),
        ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret"),
    ]
}

fn resolve_with(flags: &Flags, env: &[(&str, &str)], path: Option<PathBuf>) -> Resolution {
    resolve(
        flags,
        &Env::from_pairs(env.iter().copied()),
        &Paths {
            dts: path,
            ..Paths::default()
        },
    )
}

fn ok(r: Resolution) -> Settings {
    r.result.expect("settings resolve")
}

fn err(r: Resolution) -> Error {
    r.result.expect_err("resolution fails")
}

#[test]
fn profile_file_gives_everything_when_nothing_else_does() {
    let dir = tempfile::tempdir().unwrap();
    let s = ok(resolve_with(
        &Flags::default(),
        &[],
        Some(write(dir.path(), FILE)),
    ));
    assert_eq!(s.keys().access_key_id, "file-default-id");
    assert_eq!(s.region.as_deref(), Some("cn-beijing"));
    assert_eq!(s.endpoint.url(), "http://127.0.0.1:9/");
    assert_eq!(s.output, OutputFormat::Json);
    assert_eq!(s.timeout, Duration::from_millis(2500));
    assert_eq!(s.connect_timeout, Duration::from_millis(2500));
    assert_eq!(s.retries, 7);
}

#[test]
fn environment_beats_profile_for_keys_and_settings() {
    let dir = tempfile::tempdir().unwrap();
    let mut env = env_pair();
    env.extend([
        ("ALIBABA_CLOUD_REGION_ID", "cn-shanghai"),
        ("DTS_ENDPOINT", "dts.example.com"),
        ("DTS_OUTPUT", "table"),
        ("DTS_TIMEOUT", "20"),
        ("DTS_RETRIES", "0"),
    ]);
    let s = ok(resolve_with(
        &Flags::default(),
        &env,
        Some(write(dir.path(), FILE)),
    ));
    assert_eq!(s.keys().access_key_id, "env-id");
    assert_eq!(s.keys().source, CredentialSource::Environment);
    assert_eq!(s.region.as_deref(), Some("cn-shanghai"));
    assert_eq!(s.endpoint.url(), "https://dts.example.com/");
    assert_eq!(s.output, OutputFormat::Table);
    assert_eq!(s.timeout, Duration::from_secs(20));
    assert_eq!(s.connect_timeout, CONNECT_TIMEOUT);
    assert_eq!(s.retries, 0);
}

#[test]
fn flags_beat_environment() {
    let dir = tempfile::tempdir().unwrap();
    let mut env = env_pair();
    env.extend([
        ("ALIBABA_CLOUD_REGION_ID", "cn-shanghai"),
        ("DTS_ENDPOINT", "dts.example.com"),
        ("DTS_OUTPUT", "table"),
        ("DTS_TIMEOUT", "20"),
        ("DTS_RETRIES", "0"),
    ]);
    let flags = Flags {
        region: Some("ap-northeast-1".into()),
        endpoint: Some(Endpoint::parse("http://localhost:1").unwrap()),
        output: Some(OutputFormat::Json),
        timeout: Some(Duration::from_millis(500)),
        retries: Some(2),
        ..Flags::default()
    };
    let s = ok(resolve_with(&flags, &env, Some(write(dir.path(), FILE))));
    assert_eq!(s.region.as_deref(), Some("ap-northeast-1"));
    assert_eq!(s.endpoint.url(), "http://localhost:1/");
    assert_eq!(s.output, OutputFormat::Json);
    assert_eq!(s.timeout, Duration::from_millis(500));
    assert_eq!(s.retries, 2);
}

#[test]
fn explicit_profile_flag_ignores_environment_keys_even_half_a_pair() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), FILE);
    let flags = Flags {
        profile: Some("prod".into()),
        ..Flags::default()
    };
    for env in [env_pair(), vec![("ALIBABA_CLOUD_ACCESS_KEY_ID", "env-id")]] {
        let s = ok(resolve_with(&flags, &env, Some(path.clone())));
        assert_eq!(s.keys().access_key_id, "file-prod-id");
        assert_eq!(
            s.keys().security_token.as_ref().map(Secret::expose),
            Some("file-prod-token")
        );
        assert_eq!(s.region.as_deref(), Some("eu-central-1"));
        assert_eq!(s.endpoint.url(), "https://dts.aliyuncs.com/");
    }
}

#[test]
fn profile_from_environment_name() {
    let dir = tempfile::tempdir().unwrap();
    let s = ok(resolve_with(
        &Flags::default(),
        &[("ALIBABA_CLOUD_PROFILE", "prod")],
        Some(write(dir.path(), FILE)),
    ));
    assert_eq!(s.keys().access_key_id, "file-prod-id");
}

#[test]
fn environment_keys_with_profile_settings() {
    let dir = tempfile::tempdir().unwrap();
    let mut env = env_pair();
    env.push(("ALIBABA_CLOUD_SECURITY_TOKEN", "env-token"));
    env.push(("ALIBABA_CLOUD_PROFILE", "prod"));
    let s = ok(resolve_with(
        &Flags::default(),
        &env,
        Some(write(dir.path(), FILE)),
    ));
    assert_eq!(s.keys().access_key_id, "env-id");
    assert_eq!(
        s.keys().security_token.as_ref().map(Secret::expose),
        Some("env-token")
    );
    assert_eq!(s.region.as_deref(), Some("eu-central-1"));
}

#[test]
fn half_a_pair_in_the_environment_is_a_config_error() {
    for env in [
        vec![("ALIBABA_CLOUD_ACCESS_KEY_ID", "x")],
        vec![("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "x")],
    ] {
        let e = err(resolve_with(&Flags::default(), &env, None));
        assert_eq!(e.exit_code(), 3);
        assert!(e.to_string().contains("is set but"), "{e}");
    }
}

#[test]
fn missing_default_file_is_fine_with_environment_keys() {
    let dir = tempfile::tempdir().unwrap();
    let s = ok(resolve_with(
        &Flags::default(),
        &env_pair(),
        Some(dir.path().join("absent.toml")),
    ));
    assert_eq!(s.endpoint.url(), "https://dts.aliyuncs.com/");
    assert_eq!(s.region, None);
    assert_eq!(s.timeout, DEFAULT_TIMEOUT);
    assert_eq!(s.retries, DEFAULT_RETRIES);
    assert_eq!(s.output, OutputFormat::Table);
}

#[test]
fn explicitly_named_file_must_exist() {
    let dir = tempfile::tempdir().unwrap();
    let absent = dir.path().join("absent.toml");
    let flags = Flags {
        config: Some(absent.clone()),
        ..Flags::default()
    };
    let e = err(resolve_with(&flags, &env_pair(), None));
    assert!(e.to_string().contains("does not exist"), "{e}");
    assert!(e.to_string().contains("--config"), "{e}");
    let mut env = env_pair();
    let shown = absent.display().to_string();
    env.push(("DTS_CONFIG", &shown));
    let e = err(resolve_with(&Flags::default(), &env, None));
    assert!(e.to_string().contains("DTS_CONFIG"), "{e}");
}

#[test]
fn unknown_profile_lists_the_ones_that_exist() {
    let dir = tempfile::tempdir().unwrap();
    let flags = Flags {
        profile: Some("staging".into()),
        ..Flags::default()
    };
    let e = err(resolve_with(&flags, &[], Some(write(dir.path(), FILE))));
    let Error::Config { message, hint } = &e else {
        panic!("{e:?}")
    };
    assert!(message.contains("'staging'"), "{message}");
    let path = dir.path().join("config.toml");
    assert_eq!(
        hint.as_deref(),
        Some(format!("profiles in {}: default, prod", path.display()).as_str())
    );
}

#[test]
fn no_credentials_anywhere() {
    let dir = tempfile::tempdir().unwrap();
    let e = err(resolve_with(
        &Flags::default(),
        &[],
        Some(dir.path().join("none.toml")),
    ));
    assert!(matches!(e, Error::NoCredentials { .. }), "{e:?}");
    assert_eq!(e.exit_code(), 3);
}

#[test]
fn malformed_values_from_environment_and_profile_are_config_errors() {
    let dir = tempfile::tempdir().unwrap();
    for (name, value) in [
        ("ALIBABA_CLOUD_REGION_ID", "CN_Hangzhou"),
        ("DTS_ENDPOINT", "ftp://x"),
        ("DTS_TIMEOUT", "0"),
        ("DTS_TIMEOUT", "soon"),
        ("DTS_RETRIES", "-1"),
        ("DTS_OUTPUT", "xml"),
    ] {
        let mut env = env_pair();
        env.push((name, value));
        let e = err(resolve_with(&Flags::default(), &env, None));
        assert_eq!(e.exit_code(), 3, "{name}={value}");
        assert!(e.to_string().starts_with(name), "{e}");
    }
    for line in [
        "region = \"Bad Region\"",
        "endpoint = \"https://x/path\"",
        "timeout = -1",
        "retries = 1000",
        "output = \"yaml\"",
        "timeout = \"10\"",
    ] {
        let text = format!("[default]\naccess_key_id = \"i\"\naccess_key_secret = \"s\"\n{line}\n");
        let e = err(resolve_with(
            &Flags::default(),
            &[],
            Some(write(dir.path(), &text)),
        ));
        assert_eq!(e.exit_code(), 3, "{line}");
        assert!(e.to_string().contains("profile 'default'"), "{e}");
    }
}

#[test]
fn output_is_known_even_when_resolution_fails() {
    let r = resolve_with(&Flags::default(), &[("DTS_OUTPUT", "json")], None);
    assert_eq!(r.output, OutputFormat::Json);
    assert!(r.result.is_err());
}

#[test]
fn unknown_profile_keys_warn() {
    let dir = tempfile::tempdir().unwrap();
    let text = "[default]\naccess_key_id = \"i\"\naccess_key_secret = \"s\"\nacess_key = 1\n";
    let s = ok(resolve_with(
        &Flags::default(),
        &[],
        Some(write(dir.path(), text)),
    ));
    assert_eq!(s.warnings.len(), 1);
    assert!(s.warnings[0].contains("'acess_key'"));
}

#[test]
fn region_decides_the_endpoint() {
    let flags = Flags {
        region: Some("ap-northeast-1".into()),
        ..Flags::default()
    };
    let s = ok(resolve_with(&flags, &env_pair(), None));
    assert_eq!(s.endpoint.url(), "https://dts.ap-northeast-1.aliyuncs.com/");
}

#[test]
fn a_too_open_file_with_secrets_warns() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), FILE);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let s = ok(resolve_with(&Flags::default(), &[], Some(path.clone())));
    assert_eq!(
        s.warnings,
        [format!(
            "{p} holds secrets and can be read by others (mode 0644); fix it with: chmod 600 {p}",
            p = path.display()
        )]
    );
    // Without a secret in it, an open file is fine.
    let path = write(dir.path(), "[default]\nregion = \"cn-hangzhou\"\n");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let s = ok(resolve_with(&Flags::default(), &env_pair(), Some(path)));
    assert!(s.warnings.is_empty(), "{:?}", s.warnings);
}
