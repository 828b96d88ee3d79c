//! Colour only on a terminal, never with NO_COLOR or when piped. The
//! terminal is a pseudo-terminal made by script(1).

use std::process::Command;

use crate::support::*;

/// Runs dts under a pseudo-terminal and returns everything it printed.
fn on_a_terminal(home: &Home, no_color: bool) -> String {
    let dts = home.dts().get_program().to_string_lossy().into_owned();
    let mut cmd = Command::new("script");
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home.dir.path())
        .env("XDG_CONFIG_HOME", home.config_dir())
        .env("TERM", "xterm")
        .args(["-qec", &format!("{dts} suspend -j j1"), "/dev/null"]);
    if no_color {
        cmd.env("NO_COLOR", "1");
    }
    let out = cmd.output().expect("script(1) runs");
    assert_eq!(out.status.code(), Some(3), "{out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn errors_are_coloured_on_a_terminal() {
    let home = Home::new();
    let screen = on_a_terminal(&home, false);
    assert!(
        screen.contains("dts: \x1b[1;31merror:\x1b[0m no credentials"),
        "{screen:?}"
    );
}

#[test]
fn no_color_turns_colour_off_on_a_terminal() {
    let home = Home::new();
    let screen = on_a_terminal(&home, true);
    assert!(screen.contains("dts: error: no credentials"), "{screen:?}");
    assert!(!screen.contains('\x1b'), "{screen:?}");
}

#[test]
fn piped_output_has_no_colour() {
    let home = Home::new();
    let mut cmd = home.dts();
    cmd.env_remove("NO_COLOR").args(["suspend", "-j", "j1"]);
    let r = run(&mut cmd);
    assert_eq!(r.code, 3);
    assert!(!r.stderr.contains('\x1b'), "{:?}", r.stderr);
}
