//! `dts configure`, non-interactively: answers on stdin, the file written
//! with mode 0600, other profiles and comments kept, and then used.

use std::os::unix::fs::PermissionsExt;

use crate::support::*;

#[test]
fn configure_writes_a_profile_that_suspend_then_uses() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let answers = format!(
        "{KEY_ID}\n{SECRET}\nCAISconfigured\ncn-shanghai\n{}\n",
        gw.url()
    );
    let r = run(home.dts().arg("configure").write_stdin(answers));
    let path = home.config_path();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        format!(
            "wrote profile 'default' to {} (mode 0600)\n",
            path.display()
        )
    );
    assert_eq!(r.stderr, "", "no prompts when stdin is not a terminal");
    assert!(!r.stdout.contains(SECRET));
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let dir_mode = std::fs::metadata(path.parent().unwrap())
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(dir_mode, 0o700);

    let m = gw.answer(
        Expect::suspend(&[
            ("RegionId", "cn-shanghai"),
            ("SecurityToken", "CAISconfigured"),
        ]),
        200,
        OK_BODY,
    );
    let r = run(home.dts().args(["suspend", "-j", "j1"]));
    gw.assert_no_refusals();
    m.assert();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "", "a 0600 file gets no warning");
}

#[test]
fn configure_keeps_other_profiles_and_comments() {
    let home = Home::new();
    let path = home.write_config(
        "# written by hand\n[default]\naccess_key_id = \"keep\" # note\naccess_key_secret = \"keep-secret\"\n",
    );
    let r = run(home
        .dts()
        .args(["configure", "--profile", "prod"])
        .write_stdin("prod-id\nprod-secret\n\neu-central-1\n\n"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "# written by hand\n[default]\naccess_key_id = \"keep\" # note\naccess_key_secret = \"keep-secret\"\n\n[prod]\naccess_key_id = \"prod-id\"\naccess_key_secret = \"prod-secret\"\nregion = \"eu-central-1\"\n"
    );
}

#[test]
fn configure_honours_config_and_profile_environment() {
    let home = Home::new();
    let path = home.dir.path().join("elsewhere").join("dts.toml");
    let r = run(home
        .dts()
        .env("DTS_CONFIG", &path)
        .env("ALIBABA_CLOUD_PROFILE", "ops")
        .arg("configure")
        .write_stdin("id\nsecret\n\n\n\n"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "[ops]\naccess_key_id = \"id\"\naccess_key_secret = \"secret\"\n"
    );
}

#[test]
fn configure_rejects_bad_answers_without_writing() {
    let home = Home::new();
    let r = run(home
        .dts()
        .arg("configure")
        .write_stdin("id\nsecret\n\nHangzhou!\n\n"));
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .starts_with("dts: error: 'Hangzhou!' is not a region id"),
        "{}",
        r.stderr
    );
    assert!(!home.config_path().exists());
    let r = run(home.dts().arg("configure").write_stdin(""));
    assert_eq!(r.code, 2);
    assert_eq!(r.stderr, "dts: error: an access key id is required\n");
}
