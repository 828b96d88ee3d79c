//! The completion scripts in completions/ are generated from the CLI
//! definition; this fails when they drift. Run with DTS_BLESS=1 to rewrite
//! them after changing the CLI.

use std::path::Path;

use crate::support::*;

#[test]
fn committed_completion_scripts_match_the_cli() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    let bless = std::env::var_os("DTS_BLESS").is_some();
    let home = Home::new();
    for (shell, file) in [
        ("bash", "dts.bash"),
        ("zsh", "_dts"),
        ("fish", "dts.fish"),
        ("powershell", "_dts.ps1"),
        ("elvish", "dts.elv"),
    ] {
        let r = run(home.dts().args(["completions", shell]));
        assert_eq!(r.code, 0, "{shell}: {}", r.stderr);
        assert!(
            r.stdout.contains("suspend"),
            "{shell} script names no subcommand"
        );
        let path = dir.join(file);
        if bless {
            std::fs::write(&path, &r.stdout).unwrap();
            continue;
        }
        let committed = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e}; run DTS_BLESS=1 cargo test", path.display()));
        assert!(
            committed == r.stdout,
            "{} is out of date with the CLI; run DTS_BLESS=1 cargo test completions",
            path.display()
        );
    }
}

#[test]
fn unknown_shell_is_a_usage_error() {
    let home = Home::new();
    let r = run(home.dts().args(["completions", "tcsh"]));
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, "");
}
