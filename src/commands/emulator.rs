//! `dts emulator`: the built-in DTS emulator as a server of its own, for
//! scripts, SDKs and curl; it prints the lines to paste and serves until
//! Ctrl-C (exit 0).

use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::Arc;

use crate::cli::EmulatorArgs;
use crate::emulator::gateway::{DEMO_KEY_ID, DEMO_KEY_SECRET, Gateway, Key};
use crate::emulator::{Emulator, default_state};
use crate::error::Error;
use crate::output::interrupt;

/// Serves until stopped; returns only on a failure to start.
pub fn run(args: &EmulatorArgs, say: &mut dyn FnMut(&str)) -> Result<(), Error> {
    let extra = args
        .access_key_id
        .clone()
        .zip(args.access_key_secret.clone())
        .map(|(id, secret)| Key {
            id,
            secret,
            token: None,
        });
    let options = Options {
        listen: &args.listen,
        state: args.state.clone(),
        reset: args.reset,
        gateway: Gateway::new(extra, args.rate_limit),
    };
    serve(options, say)
}

/// What the emulator serves with.
struct Options<'a> {
    listen: &'a str,
    state: Option<PathBuf>,
    reset: bool,
    gateway: Gateway,
}

fn serve(options: Options<'_>, say: &mut dyn FnMut(&str)) -> Result<(), Error> {
    let listener = TcpListener::bind(options.listen).map_err(|e| {
        Error::Usage(format!(
            "cannot listen on {}: {}",
            options.listen,
            crate::error::io_reason(&e)
        ))
    })?;
    let addr = listener
        .local_addr()
        .map_err(|e| Error::Internal(e.to_string()))?;
    let state = options.state.or_else(default_state);
    let shown = state.as_ref().map_or_else(
        || "(kept in memory)".to_string(),
        |p| p.display().to_string(),
    );
    let emulator = Emulator::new(
        state,
        options.reset,
        options.gateway,
        &crate::ambient::System,
    )?;
    interrupt::exit_quietly_on_signals("emulator");
    say(&format!(
        "dts: the DTS emulator listens on http://{addr} (jobs kept in {shown}); Ctrl-C stops it\n\
         dts: to use it, paste:\n\
         export DTS_ENDPOINT=http://{addr} ALIBABA_CLOUD_ACCESS_KEY_ID={DEMO_KEY_ID} ALIBABA_CLOUD_ACCESS_KEY_SECRET={DEMO_KEY_SECRET}\n"
    ));
    Arc::new(emulator).serve(listener);
    Ok(())
}
