//! The built-in DTS emulator through the binary: embedded (`--endpoint
//! emulator`, no account needed, state kept between commands) and the test
//! job ids that force each exit class. The standalone server and a client
//! written without dts's signer are in `emulator_server.rs`.

use std::path::PathBuf;

use crate::support::*;

pub const DEMO_KEY_ID: &str = "LTAI5tEmulatorDemoKey";
pub const DEMO_KEY_SECRET: &str = "emulator-demo-secret-not-a-real-key";

/// Every test id, the command that shows its outcome, and its exit code.
pub const TEST_IDS: &[(&str, &str, i32)] = &[
    ("dtsjob-test-ok", "suspend", 0),
    ("dtsjob-test-denied", "suspend", 4),
    ("dtsjob-test-rejected", "suspend", 5),
    ("dtsjob-test-throttled", "suspend", 6),
    ("dtsjob-test-throttled-twice", "suspend", 0),
    ("dtsjob-test-unavailable", "suspend", 7),
    ("dtsjob-test-slow", "suspend", 8),
    ("dtsjob-test-cut-off", "suspend", 8),
    ("dtsjob-test-not-json", "suspend", 9),
    ("dtsjob-test-lost", "suspend", 0),
    ("dtsjob-test-fails", "resume --wait", 5),
    ("dtsjob-test-stuck", "suspend --wait", 10),
];

/// A home whose embedded emulator keeps its jobs in a file of its own.
pub struct EmuHome {
    pub home: Home,
    pub state: PathBuf,
}

impl EmuHome {
    pub fn new() -> Self {
        let home = Home::new();
        let state = home.dir.path().join("emulator.json");
        EmuHome { home, state }
    }

    /// `dts ARGS --endpoint emulator`, no credentials anywhere.
    pub fn dts(&self, args: &[&str]) -> Run {
        run(self
            .home
            .dts()
            .env("DTS_EMULATOR_STATE", &self.state)
            .args(args)
            .args(["--endpoint", "emulator"]))
    }

    /// The job's status as `dts status -o json` reports it.
    pub fn status(&self, job: &str) -> String {
        let r = self.dts(&["status", "-j", job, "-o", "json"]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        one_json_object(&r.stdout)["Status"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    }
}

#[test]
fn the_first_command_works_with_no_account_and_prints_a_row() {
    let home = Home::new();
    let r = run(home.dts().args([
        "suspend",
        "--job-id",
        "dtsjob-demo",
        "--endpoint",
        "emulator",
    ]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let row = r.stdout.lines().nth(1).unwrap_or_default();
    for word in ["dtsjob-demo", "SuspendDtsJob", "accepted"] {
        assert!(row.contains(word), "{row:?} lacks {word}");
    }
    // Kept in the data directory, so the next command sees it.
    let kept = home.data_dir().join("dts").join("emulator.json");
    let text = std::fs::read_to_string(&kept).unwrap();
    assert!(text.contains("\"dtsjob-demo\""), "{text}");
}

#[test]
fn a_dry_run_against_the_emulator_starts_none_and_writes_nothing() {
    let home = Home::new();
    let r = run(home.dts().args([
        "suspend",
        "-j",
        "dtsjob-demo",
        "--endpoint",
        "emulator",
        "--dry-run",
    ]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    // The URL of a standalone `dts emulator` at its default address,
    // signed with the demo keys.
    assert!(
        r.stdout
            .starts_with("POST http://127.0.0.1:8790/?AccessKeyId=LTAI5tEmulatorDemoKey&"),
        "{}",
        r.stdout
    );
    assert!(
        r.stderr.contains("a dry run starts no emulator"),
        "{}",
        r.stderr
    );
    assert!(!home.data_dir().join("dts").exists());
}

#[test]
fn the_emulator_signs_with_its_own_keys_never_the_users() {
    let e = EmuHome::new();
    let r = run(e
        .home
        .dts_with_keys()
        .env("DTS_EMULATOR_STATE", &e.state)
        .args([
            "suspend",
            "-j",
            "dtsjob-mine",
            "--endpoint",
            "emulator",
            "-v",
        ]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains(DEMO_KEY_ID), "{}", r.stderr);
    assert!(r.stderr.contains("never yours"), "{}", r.stderr);
    assert!(!r.stderr.contains(KEY_ID), "{}", r.stderr);
    assert!(!r.stderr.contains(SECRET) && !r.stdout.contains(SECRET));
    assert!(
        r.stderr.contains("POST http://127.0.0.1:"),
        "the request goes to loopback: {}",
        r.stderr
    );
}

#[test]
fn dts_endpoint_and_a_profile_name_the_emulator_too() {
    let e = EmuHome::new();
    let by_env = run(e
        .home
        .dts()
        .env("DTS_EMULATOR_STATE", &e.state)
        .env("DTS_ENDPOINT", "emulator")
        .args(["suspend", "-j", "dtsjob-env"]));
    assert_eq!(by_env.code, 0, "{}", by_env.stderr);
    e.home.write_config(
        "[default]\nendpoint = \"emulator\"\naccess_key_id = \"LTAIprofile\"\naccess_key_secret = \"profile-secret\"\n",
    );
    let by_profile = run(e.home.dts().env("DTS_EMULATOR_STATE", &e.state).args([
        "suspend",
        "-j",
        "dtsjob-profile",
        "-v",
    ]));
    assert_eq!(by_profile.code, 0, "{}", by_profile.stderr);
    assert!(by_profile.stderr.contains(DEMO_KEY_ID));
    assert!(!by_profile.stderr.contains("LTAIprofile"));
    assert_eq!(e.status("dtsjob-env"), "Suspending");
    assert_eq!(e.status("dtsjob-profile"), "Suspending");
}

#[test]
fn separate_commands_see_one_world() {
    let e = EmuHome::new();
    assert_eq!(e.status("dtsjob-seed01"), "Synchronizing");
    assert_eq!(e.dts(&["suspend", "-j", "dtsjob-seed01"]).code, 0);
    assert_eq!(e.status("dtsjob-seed01"), "Suspending");
    // Suspending an already paused job is the service's refusal.
    let again = e.dts(&["suspend", "-j", "dtsjob-seed01"]);
    assert_eq!(again.code, 5);
    assert!(
        again.stderr.contains("InvalidJobStatus"),
        "{}",
        again.stderr
    );
    assert_eq!(e.dts(&["resume", "-j", "dtsjob-seed01"]).code, 0);
    // Resuming passes through Initializing.
    assert_eq!(e.status("dtsjob-seed01"), "Initializing");
    assert_eq!(e.status("dtsjob-seed01"), "Synchronizing");
}

#[test]
fn commands_at_the_same_time_lose_none_of_their_changes() {
    let e = EmuHome::new();
    // Eight processes pause eight jobs at once, each its own.
    let children: Vec<_> = (0..8)
        .map(|i| {
            let id = format!("dtsjob-par{i}");
            e.home.spawn_with_keys(
                &["suspend", "-j", &id, "--endpoint", "emulator"],
                &[("DTS_EMULATOR_STATE", e.state.as_os_str())],
            )
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    for i in 0..8 {
        assert_eq!(
            e.status(&format!("dtsjob-par{i}")),
            "Suspending",
            "dtsjob-par{i}"
        );
    }
}

#[test]
fn resume_wait_waits_for_a_running_status() {
    let e = EmuHome::new();
    // dtsjob-seed03 is seeded paused.
    assert_eq!(e.status("dtsjob-seed03"), "Suspending");
    let r = e.dts(&[
        "resume",
        "-j",
        "dtsjob-seed03",
        "--wait",
        "--poll-interval",
        "0.1",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("Initializing"), "{}", r.stderr);
}

#[test]
fn change_tracking_cannot_be_paused_and_an_unknown_id_is_not_found() {
    let e = EmuHome::new();
    // dtsjob-seed07 is a change-tracking task.
    let tracking = e.dts(&["suspend", "-j", "dtsjob-seed07"]);
    assert_eq!(tracking.code, 5, "{}", tracking.stderr);
    assert!(tracking.stderr.contains("InvalidJobStatus"));
    let unknown = e.dts(&["suspend", "-j", "l3m1213ye7lb2c9"]);
    assert_eq!(unknown.code, 5, "{}", unknown.stderr);
    assert!(unknown.stderr.contains("Forbidden.InstanceNotFound"));
}

#[test]
fn the_seeded_fleet_lists_and_pauses_region_by_region() {
    let e = EmuHome::new();
    let listed = e.dts(&["list", "--type", "sync", "-r", "cn-shanghai", "-o", "json"]);
    assert_eq!(listed.code, 0, "{}", listed.stderr);
    for name in ["orders-two-way", "users-sync", "reports-sync"] {
        assert!(listed.stdout.contains(name), "{}", listed.stdout);
    }
    assert!(
        !listed.stdout.contains("orders-sync\""),
        "{}",
        listed.stdout
    );
    let all = e.dts(&[
        "suspend",
        "--all",
        "--type",
        "sync",
        "-r",
        "cn-shanghai",
        "--yes",
        "--rate",
        "0",
    ]);
    assert_eq!(all.code, 0, "{}", all.stderr);
    assert_eq!(e.status("dtsjob-seed04"), "Suspending");
    assert_eq!(e.status("dtsjob-seed08"), "Suspending");
    // cn-hangzhou was not touched.
    assert_eq!(e.status("dtsjob-seed01"), "Synchronizing");
}

#[test]
fn each_test_id_forces_its_exit_code() {
    let e = EmuHome::new();
    for (id, command, code) in TEST_IDS {
        let mut args: Vec<&str> = command.split(' ').collect();
        args.extend(["-j", id, "--timeout", "0.5", "--poll-interval", "0.1"]);
        args.extend(
            ["--wait-timeout", "0.5"]
                .iter()
                .filter(|_| command.contains("--wait")),
        );
        let retries = if *id == "dtsjob-test-throttled-twice" {
            "2"
        } else {
            "0"
        };
        args.extend(["--retries", retries]);
        // Twice: a test id forces the same outcome every time.
        for round in 0..2 {
            let r = e.dts(&args);
            assert_eq!(r.code, *code, "{id} (round {round}): {}", r.stderr);
        }
    }
}

#[test]
fn a_lost_answer_is_checked_and_said() {
    let e = EmuHome::new();
    let r = e.dts(&["suspend", "-j", "dtsjob-test-lost", "--retries", "0"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("took effect"), "{}", r.stderr);
    assert_eq!(e.status("dtsjob-test-lost"), "Suspending");
}

#[test]
fn the_test_ids_are_documented_in_the_readme_and_the_help() {
    let readme =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .unwrap();
    let help = run(Home::new().dts().args(["emulator", "--help"]));
    assert_eq!(help.code, 0);
    for (id, _, code) in TEST_IDS {
        let line = readme
            .lines()
            .find(|l| l.contains(&format!("`{id}`")))
            .unwrap_or_else(|| panic!("README lacks {id}"));
        assert!(line.contains(&format!("| {code} |")), "{line}");
        assert!(help.stdout.contains(id), "dts emulator --help lacks {id}");
    }
    assert!(
        help.stdout.contains("[default: 127.0.0.1:8790]"),
        "loopback by default: {}",
        help.stdout
    );
    for key in [DEMO_KEY_ID, DEMO_KEY_SECRET] {
        assert!(readme.contains(key) && help.stdout.contains(key), "{key}");
    }
}

#[test]
fn a_state_file_that_is_not_the_emulators_is_a_clear_error() {
    let e = EmuHome::new();
    std::fs::write(&e.state, "not json").unwrap();
    let r = e.dts(&["suspend", "-j", "dtsjob-x"]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(
        r.stderr
            .starts_with("dts: error: the emulator's state file"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("--reset"), "{}", r.stderr);
    assert_eq!(std::fs::read_to_string(&e.state).unwrap(), "not json");
    // A device that never ends is refused at once, not read for ever.
    let r = run(e
        .home
        .dts()
        .env("DTS_EMULATOR_STATE", "/dev/zero")
        .timeout(std::time::Duration::from_secs(10))
        .args(["suspend", "-j", "dtsjob-x", "--endpoint", "emulator"]));
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(r.stderr.contains("not a regular file"), "{}", r.stderr);
}

#[test]
fn the_readme_first_command_is_the_one_tested_here() {
    let readme =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .unwrap();
    let two = readme.split_once("## Two commands").unwrap().1;
    let line = two
        .lines()
        .find_map(|l| l.trim().strip_prefix("cargo run --release -- "))
        .expect("a cargo run line under Two commands");
    let args: Vec<&str> = line.split_whitespace().collect();
    assert!(args.ends_with(&["--endpoint", "emulator"]), "{line}");
    let home = Home::new();
    let r = run(home.dts().args(&args));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout.lines().count(),
        2,
        "a header and one row: {}",
        r.stdout
    );
    assert!(
        two.contains("\n    cargo test\n"),
        "the second command runs the tests"
    );
}
