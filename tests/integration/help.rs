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
    // The whole table, 10 and 11 included, from the one definition.
    for want in [
        "10  wait timeout:",
        "11  mixed:",
        "129  hung up:",
        "143  terminated:",
    ] {
        assert!(table.contains(want), "{want} missing in:\n{table}");
    }
    assert!(
        r.stdout.contains(&dts::error::exit_code_table()),
        "{}",
        r.stdout
    );
    let short = run(home.dts().arg("-h"));
    assert!(
        short.stdout.contains("'dts --help' also lists"),
        "{}",
        short.stdout
    );
}

#[test]
fn the_readme_exit_code_table_matches_the_one_definition() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let section = readme
        .split("## Exit codes")
        .nth(1)
        .expect("an Exit codes section");
    let rows: Vec<(u8, String)> = section
        .lines()
        .skip_while(|l| !l.starts_with("| code"))
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            (cells[1].parse().unwrap(), cells[2].to_string())
        })
        .collect();
    let want: Vec<(u8, String)> = dts::error::EXIT_CODES
        .iter()
        .map(|(code, class, _)| (*code, class.to_string()))
        .collect();
    assert_eq!(rows, want, "README.md's exit-code table has drifted");
}

#[test]
fn each_command_s_own_options_come_before_the_global_ones() {
    let home = Home::new();
    for (command, own) in [
        ("emulator", "--listen"),
        ("suspend", "--job-id"),
        ("list", "--type"),
    ] {
        for flag in ["-h", "--help"] {
            let r = run(home.dts().args([command, flag]));
            assert_eq!(r.code, 0, "{command} {flag}: {}", r.stderr);
            let at = |text: &str| {
                r.stdout
                    .find(text)
                    .unwrap_or_else(|| panic!("{command} {flag}: no {text}"))
            };
            assert!(at(own) < at("Global options:"), "{command} {flag}");
            assert!(at("Global options:") < at("--retries"), "{command} {flag}");
        }
    }
}

#[test]
fn suspend_and_resume_answer_to_pause_and_start() {
    let home = Home::new();
    for (alias, action) in [("pause", "SuspendDtsJob"), ("start", "StartDtsJob")] {
        let r = run(home.dts_with_keys().args([
            "--dry-run",
            "--endpoint",
            "http://127.0.0.1:9",
            alias,
            "-j",
            "j1",
        ]));
        assert_eq!(r.code, 0, "{alias}: {}", r.stderr);
        assert!(r.stdout.contains(action), "{alias}: {}", r.stdout);
    }
}

#[test]
fn a_job_id_without_j_gets_a_tip() {
    let home = Home::new();
    let r = run(home.dts().args(["suspend", "l3m1213ye7lb2c9"]));
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains(
            "tip: to name a job, use '--job-id l3m1213ye7lb2c9' (or '-j l3m1213ye7lb2c9')"
        ),
        "{}",
        r.stderr
    );
}

/// The man pages as committed: clap_mangen's, with hyphenation off so that
/// long names (ALIBABA_CLOUD_ACCESS_KEY_ID) are never split.
fn man_page(generated: &str) -> String {
    generated
        .lines()
        .flat_map(|l| {
            if l.starts_with(".TH ") {
                vec![l, ".nh"]
            } else {
                vec![l]
            }
        })
        .map(|l| format!("{l}\n"))
        .collect()
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
        let generated = man_page(&std::fs::read_to_string(fresh.path().join(name)).unwrap());
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
