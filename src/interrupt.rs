//! Ending early: Ctrl-C ends promptly with exit 130 (during a request, a
//! retry wait or anything else), and a bug that panics ends with exit 1 and
//! one line saying so, never a backtrace. Both keep the promise of one JSON
//! object in json mode.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::Error;

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
/// then exits with the error's code.
fn end_early(error: &Error) -> ! {
    if JSON_OWED.swap(false, Ordering::SeqCst) {
        let mut text = Vec::new();
        let _ = crate::output::write_error_json(&mut text, error);
        let _ = std::io::stdout().write_all(&text);
        let _ = std::io::stdout().flush();
    }
    let _ = writeln!(std::io::stderr(), "dts: error: {error}");
    std::process::exit(i32::from(error.exit_code()));
}

/// Installs the handler. Failure to install is not fatal: Ctrl-C then ends
/// the process by the signal's default action.
pub fn install() {
    let _ = ctrlc::set_handler(|| end_early(&Error::Interrupted));
}

/// Json mode owes stdout one object until [`stdout_written`].
pub fn json_owed(owed: bool) {
    JSON_OWED.store(owed, Ordering::SeqCst);
}

/// Called before dts writes stdout itself.
pub fn stdout_written() {
    JSON_OWED.store(false, Ordering::SeqCst);
}
