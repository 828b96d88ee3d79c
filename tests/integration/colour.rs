//! Colour only on a terminal, never with NO_COLOR or when piped. The
//! terminal is a pseudo-terminal made by script(1).

use crate::support::*;

/// Runs dts without credentials under a pseudo-terminal: exit 3.
fn on_a_terminal(home: &Home, no_color: bool) -> String {
    let (code, screen) = home.on_a_terminal("suspend -j j1", false, no_color);
    assert_eq!(code, Some(3), "{screen:?}");
    screen
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
