//! Ending early: Ctrl-C, SIGTERM and SIGHUP end dts promptly with exit
//! 128 + the signal's number (during a request, a retry wait or anything
//! else), and a bug that panics ends with exit 1 and one line saying so,
//! never a backtrace. Both keep the promise of one JSON object in json
//! mode, and both give back a terminal whose echo a secret prompt turned
//! off.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::{Error, Signal};

/// Set while json mode still owes stdout its one object.
static JSON_OWED: AtomicBool = AtomicBool::new(false);

/// Replaces the panic message and backtrace with dts's one-line internal
/// error (exit 1).
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".to_string());
        let at = info
            .location()
            .map_or_else(String::new, |l| format!(" at {}:{}", l.file(), l.line()));
        end_early(&Error::Internal(format!("{what}{at}")));
    }));
}

/// Prints the JSON object json mode still owes and the human message,
/// restores the terminal, then exits with the error's code.
fn end_early(error: &Error) -> ! {
    terminal::restore();
    if JSON_OWED.swap(false, Ordering::SeqCst) {
        let mut text = Vec::new();
        let _ = crate::output::write_error_json(&mut text, error);
        let _ = std::io::stdout().write_all(&text);
        let _ = std::io::stdout().flush();
    }
    let _ = writeln!(std::io::stderr(), "dts: error: {error}");
    std::process::exit(i32::from(error.exit_code()));
}

/// Installs the handler of SIGINT, SIGTERM and SIGHUP. Failure to install
/// is not fatal: the signal then ends the process by its default action.
#[cfg(unix)]
pub fn install() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    let _ = std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(number) = signals.forever().next() {
                let signal = match number {
                    SIGTERM => Signal::Term,
                    SIGHUP => Signal::Hup,
                    _ => Signal::Int,
                };
                end_early(&Error::Interrupted(signal));
            }
        });
}

/// Installs the Ctrl-C handler.
#[cfg(not(unix))]
pub fn install() {
    let _ = ctrlc::set_handler(|| end_early(&Error::Interrupted(Signal::Int)));
}

/// For a server that runs until stopped (`dts emulator`): Ctrl-C, SIGTERM
/// and SIGHUP end it with exit 0 and a line saying so.
#[cfg(unix)]
pub fn exit_quietly_on_signals(what: &'static str) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    let _ = std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if signals.forever().next().is_some() {
                let _ = writeln!(std::io::stderr(), "dts: {what} stopped");
                std::process::exit(0);
            }
        });
}

/// For a server that runs until stopped: Ctrl-C ends it with exit 0.
#[cfg(not(unix))]
pub fn exit_quietly_on_signals(what: &'static str) {
    let _ = ctrlc::set_handler(move || {
        let _ = writeln!(std::io::stderr(), "dts: {what} stopped");
        std::process::exit(0);
    });
}

/// Json mode owes stdout one object until [`stdout_written`].
pub fn json_owed(owed: bool) {
    JSON_OWED.store(owed, Ordering::SeqCst);
}

/// Called before dts writes stdout itself.
pub fn stdout_written() {
    JSON_OWED.store(false, Ordering::SeqCst);
}

/// Remembers the terminal's settings on stdin before a prompt turns its
/// echo off, so that ending early gives them back.
pub fn remember_terminal() {
    terminal::remember();
}

#[cfg(unix)]
mod terminal {
    use std::sync::Mutex;

    static SAVED: Mutex<Option<libc::termios>> = Mutex::new(None);

    pub fn remember() {
        // SAFETY: tcgetattr writes a termios for fd 0 into memory we own.
        let mut t = unsafe { std::mem::zeroed::<libc::termios>() };
        if unsafe { libc::tcgetattr(libc::STDIN_FILENO, &mut t) } == 0
            && let Ok(mut saved) = SAVED.lock()
        {
            *saved = Some(t);
        }
    }

    pub fn restore() {
        if let Ok(saved) = SAVED.lock()
            && let Some(t) = saved.as_ref()
        {
            // SAFETY: setting fd 0's attributes from a termios it gave us.
            unsafe { libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, t) };
        }
    }
}

#[cfg(not(unix))]
mod terminal {
    pub fn remember() {}
    pub fn restore() {}
}
