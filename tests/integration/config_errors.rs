//! Configuration errors (exit 3): each names the file and profile and says
//! what is wrong, in one line plus a hint, and never quotes a secret.

use crate::support::*;

fn config_error(home: &Home, extra: &[&str]) -> Run {
    let mut args = vec!["-o", "json"];
    args.extend_from_slice(extra);
    args.extend(["suspend", "-j", "j1"]);
    let r = run(home.dts().args(&args));
    assert_eq!(r.code, 3, "{}", r.stderr);
    let o = one_json_object(&r.stdout);
    assert_eq!(o["Success"], false);
    assert!(o["ErrCode"].as_str().unwrap().starts_with("Cli."), "{o:?}");
    assert!(r.stderr.starts_with("dts: error: "), "{}", r.stderr);
    r
}

#[test]
fn malformed_toml_names_the_file_and_line_without_quoting_it() {
    let home = Home::new();
    let path = home.write_config(
        "[default]\naccess_key_id = \"id\"\naccess_key_secret = \"sentinel-secret-value\n",
    );
    let r = config_error(&home, &[]);
    assert!(r.stderr.contains(&path_str(&path)), "{}", r.stderr);
    assert!(r.stderr.contains("line 3"), "{}", r.stderr);
    assert!(!r.stderr.contains("sentinel"), "{}", r.stderr);
    assert!(!r.stdout.contains("sentinel"), "{}", r.stdout);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
}

#[test]
fn a_malformed_file_is_an_error_even_with_environment_keys() {
    let home = Home::new();
    home.write_config("[default\n");
    let r = run(home.dts_with_keys().args(["suspend", "-j", "j1"]));
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(
        r.stderr.contains("not valid TOML at line 1"),
        "{}",
        r.stderr
    );
}

#[test]
fn unknown_profile_lists_those_that_exist() {
    let home = Home::new();
    let path = home.write_config(
        "[default]\naccess_key_id = \"a\"\naccess_key_secret = \"b\"\n[prod]\naccess_key_id = \"a\"\naccess_key_secret = \"b\"\n",
    );
    let r = config_error(&home, &["--profile", "staging"]);
    assert_eq!(
        r.stderr,
        format!(
            "dts: error: profile 'staging' (from --profile) not found in {p}\ndts: hint: profiles in {p}: default, prod\n",
            p = path.display()
        )
    );
}

#[test]
fn unknown_profile_from_the_environment() {
    let home = Home::new();
    home.write_config("[default]\naccess_key_id = \"a\"\naccess_key_secret = \"b\"\n");
    let r = run(home
        .dts()
        .env("ALIBABA_CLOUD_PROFILE", "nope")
        .args(["suspend", "-j", "j1"]));
    assert_eq!(r.code, 3);
    assert!(
        r.stderr
            .contains("profile 'nope' (from ALIBABA_CLOUD_PROFILE) not found"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("dts: hint: profiles in "), "{}", r.stderr);
    assert!(r.stderr.ends_with("config.toml: default\n"), "{}", r.stderr);
}

#[test]
fn a_config_file_named_explicitly_must_exist() {
    let home = Home::new();
    let absent = home.dir.path().join("nowhere.toml");
    let r = run(home
        .dts_with_keys()
        .args(["--config", &path_str(&absent), "suspend", "-j", "j1"]));
    assert_eq!(r.code, 3);
    assert_eq!(
        r.stderr,
        format!(
            "dts: error: config file {} (named by --config) does not exist\n",
            absent.display()
        )
    );
    let r = run(home
        .dts_with_keys()
        .env("DTS_CONFIG", &absent)
        .args(["suspend", "-j", "j1"]));
    assert_eq!(r.code, 3);
    assert!(r.stderr.contains("(named by DTS_CONFIG)"), "{}", r.stderr);
}

#[test]
fn an_unreadable_config_file() {
    let home = Home::new();
    // A directory where the file should be cannot be read, even as root.
    let path = home.config_path();
    std::fs::create_dir_all(&path).unwrap();
    let r = config_error(&home, &[]);
    assert!(
        r.stderr
            .contains(&format!("cannot read config file {}", path.display())),
        "{}",
        r.stderr
    );
}

#[test]
fn a_config_file_that_is_not_utf8() {
    let home = Home::new();
    let path = home.config_path();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, b"[default]\nregion = \"\xff\xfe\"\n").unwrap();
    let r = config_error(&home, &[]);
    assert!(r.stderr.contains("not valid UTF-8"), "{}", r.stderr);
}

#[test]
fn half_a_key_pair_in_the_environment() {
    let home = Home::new();
    let r = run(home
        .dts()
        .env("ALIBABA_CLOUD_ACCESS_KEY_ID", "id")
        .args(["-o", "json", "suspend", "-j", "j1"]));
    assert_eq!(r.code, 3);
    assert_eq!(one_json_object(&r.stdout)["ErrCode"], "Cli.Config");
    assert_eq!(
        r.stderr,
        "dts: error: ALIBABA_CLOUD_ACCESS_KEY_ID is set but ALIBABA_CLOUD_ACCESS_KEY_SECRET is not\n\
         dts: hint: set both variables of the pair, or neither to use a profile\n"
    );
}

#[test]
fn half_a_key_pair_in_a_profile() {
    let home = Home::new();
    let path = home.write_config("[default]\naccess_key_id = \"id\"\n");
    let r = config_error(&home, &[]);
    assert_eq!(
        r.stderr,
        format!(
            "dts: error: profile 'default' in {} has access_key_id but no access_key_secret\n",
            path.display()
        )
    );
}

#[test]
fn wrong_value_types_in_a_profile() {
    let home = Home::new();
    home.write_config("[default]\naccess_key_id = \"a\"\naccess_key_secret = 42\n");
    let r = config_error(&home, &[]);
    assert!(
        r.stderr.contains("access_key_secret must be a string"),
        "{}",
        r.stderr
    );
}

#[test]
fn malformed_settings_from_the_environment_are_exit_3() {
    let home = Home::new();
    for (name, value) in [
        ("DTS_TIMEOUT", "0"),
        ("DTS_RETRIES", "many"),
        ("DTS_ENDPOINT", "https://dts.aliyuncs.com/v1"),
        ("ALIBABA_CLOUD_REGION_ID", "Hangzhou"),
        ("DTS_OUTPUT", "yaml"),
    ] {
        let r = run(home
            .dts_with_keys()
            .env(name, value)
            .args(["suspend", "-j", "j1"]));
        assert_eq!(r.code, 3, "{name}={value}: {}", r.stderr);
        assert!(
            r.stderr.starts_with(&format!("dts: error: {name}: ")),
            "{}",
            r.stderr
        );
    }
}

#[test]
fn unknown_profile_keys_warn_and_the_call_goes_on() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let path = home.write_config(&format!(
        "[default]\naccess_key_id = \"{KEY_ID}\"\naccess_key_secret = \"{SECRET}\"\nendpoint = \"{}\"\nregoin = \"cn-hangzhou\"\n",
        gw.url()
    ));
    let _m = gw.answer(Expect::suspend(&[]), 200, OK_BODY);
    let r = run(home.dts().args(["suspend", "-j", "j1"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        format!(
            "dts: warning: profile 'default' in {}: unknown key 'regoin' ignored\n",
            path.display()
        )
    );
}

#[test]
fn a_profile_file_others_can_read_gets_a_warning_and_the_call_goes_on() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let path = home.write_config(&format!(
        "[default]\naccess_key_id = \"{KEY_ID}\"\naccess_key_secret = \"{SECRET}\"\nendpoint = \"{}\"\n",
        gw.url()
    ));
    set_mode(&path, 0o644);
    let _m = gw.answer(Expect::suspend(&[]), 200, OK_BODY);
    let r = run(home.dts().args(["suspend", "-j", "j1"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("JOB ID"), "{}", r.stdout);
    assert_eq!(
        r.stderr,
        format!(
            "dts: warning: {p} holds secrets and can be read by others (mode 0644); fix it with: chmod 600 {p}\n",
            p = path.display()
        )
    );
    set_mode(&path, 0o600);
    let r = run(home.dts().args(["suspend", "-j", "j1"]));
    assert_eq!(r.code, 0);
    assert_eq!(r.stderr, "");
}

#[test]
fn an_environment_variable_that_is_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let home = Home::new();
    let r = run(home
        .dts_with_keys()
        .env(
            "DTS_ENDPOINT",
            std::ffi::OsStr::from_bytes(b"dts.\xffexample.com"),
        )
        .args(["-o", "json", "suspend", "-j", "j1"]));
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert_eq!(r.stderr, "dts: error: DTS_ENDPOINT is not valid UTF-8\n");
    assert_eq!(one_json_object(&r.stdout)["ErrCode"], "Cli.Config");
}
