//! Ctrl-C: end promptly with exit 130, during a request, a retry wait or
//! anything else, keeping the promise of one JSON object in json mode.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::Error;

/// Set while json mode still owes stdout its one object.
static JSON_OWED: AtomicBool = AtomicBool::new(false);

/// Installs the handler. Failure to install is not fatal: Ctrl-C then ends
/// the process by the signal's default action.
pub fn install() {
    let _ = ctrlc::set_handler(|| {
        let error = Error::Interrupted;
        if JSON_OWED.swap(false, Ordering::SeqCst) {
            let mut text = Vec::new();
            let _ = crate::output::write_error_json(&mut text, &error);
            let _ = std::io::stdout().write_all(&text);
            let _ = std::io::stdout().flush();
        }
        let _ = writeln!(std::io::stderr(), "dts: error: {error}");
        std::process::exit(i32::from(error.exit_code()));
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
