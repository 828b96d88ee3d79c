//! Help that teaches, and the man pages generated from the same
//! definitions (committed in man/, drift-tested like the completions).

use std::path::Path;

use clap::CommandFactory;

use crate::support::*;

#[test]
fn suspend_help_ends_with_examples() {
    let home = Home::new();
    let r = run(home.dts().args(["suspend", "--help"]));
    assert_eq!(r.code, 0);
    let examples = r
        .stdout
        .split("Examples:")
        .nth(1)
        .expect("an Examples section");
    for want in [
        "dts suspend --job-id",
        "-d reverse",
        "-o json | jq",
        "if dts -q suspend",
    ] {
        assert!(examples.contains(want), "missing {want:?} in:\n{examples}");
    }
    // Every flag has a description.
    for flag in [
        "--job-id",
        "--instance-id",
        "--direction",
        "--region",
        "--profile",
        "--config",
        "--endpoint",
        "--output",
        "--timeout",
        "--retries",
        "--quiet",
        "--verbose",
        "--dry-run",
    ] {
        let line = r
            .stdout
            .lines()
            .position(|l| l.trim_start().starts_with('-') && l.contains(flag))
            .unwrap_or_else(|| panic!("{flag} not in help"));
        let next = r.stdout.lines().nth(line + 1).unwrap_or("");
        assert!(!next.trim().is_empty(), "{flag} has no description");
    }
}

#[test]
fn long_help_has_the_exit_code_table() {
    let home = Home::new();
    let r = run(home.dts().arg("--help"));
    assert_eq!(r.code, 0);
    let table = r.stdout.split("Exit codes:").nth(1).expect("exit codes");
    for code in ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "130"] {
        assert!(
            table
                .lines()
                .any(|l| l.trim_start().starts_with(&format!("{code} "))),
            "exit code {code} missing"
        );
    }
    let short = run(home.dts().arg("-h"));
    assert!(
        short.stdout.contains("'dts --help' also lists"),
        "{}",
        short.stdout
    );
}

#[test]
fn committed_man_pages_match_the_cli() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("man");
    let fresh = tempfile::tempdir().unwrap();
    clap_mangen::generate_to(dts::cli::Cli::command(), fresh.path()).unwrap();
    let mut names: Vec<String> = std::fs::read_dir(fresh.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.contains(&"dts.1".to_string()) && names.contains(&"dts-suspend.1".to_string()));
    let bless = std::env::var_os("DTS_BLESS").is_some();
    if bless {
        std::fs::create_dir_all(&dir).unwrap();
    }
    for name in &names {
        let generated = std::fs::read_to_string(fresh.path().join(name)).unwrap();
        let path = dir.join(name);
        if bless {
            std::fs::write(&path, &generated).unwrap();
            continue;
        }
        let committed = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e}; run DTS_BLESS=1 cargo test", path.display()));
        assert!(
            committed == generated,
            "{} is out of date with the CLI; run DTS_BLESS=1 cargo test man",
            path.display()
        );
    }
    let mut committed: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    committed.sort();
    assert_eq!(committed, names, "man/ holds pages the CLI no longer has");
}
