//! What every command that calls DTS starts with: the settings resolved
//! once (warnings and `--verbose` origins shown), the proxy chosen, the
//! keys obtained from the provider; then the connection and the client,
//! under the process's one rate limit.

use std::io::Write;

use crate::ambient::Ambient;
use crate::api::client::Client;
use crate::api::rate::RateLimit;
use crate::cli::GlobalArgs;
use crate::commands::World;
use crate::config::Env;
use crate::credentials::Credentials;
use crate::error::Error;
use crate::obtain::Obtain;
use crate::output::sink::Sink;
use crate::output::{OutputFormat, interrupt, verbose};
use crate::secret::Secret;
use crate::settings::{self, Flags, Settings};
use crate::transport::http::UreqTransport;
use crate::transport::proxy;

/// The settings, the keys and the proxy of a command.
pub struct Session {
    pub settings: Settings,
    pub credentials: Credentials,
    pub proxy: Option<Secret>,
}

/// The connection and the rate limit, made once and shared.
pub struct Wire {
    transport: UreqTransport,
    rate: RateLimit,
}

/// Resolves the settings and obtains the keys, or reports why not and
/// gives the exit code.
pub fn open<O: Write, E: Write>(
    sink: &mut Sink<'_, O, E>,
    global: &GlobalArgs,
    flags: &Flags,
    world: &World<'_>,
) -> Result<Session, u8> {
    let env = match &world.env {
        Ok(env) => env,
        Err(e) => return Err(sink.fail(e, flags.output.unwrap_or_default(), None)),
    };
    // Only commands that may wait on the network need the signal handler;
    // --help and completions start faster without its thread.
    interrupt::install();
    let resolution = settings::resolve(flags, env, &world.paths);
    interrupt::json_owed(resolution.output == OutputFormat::Json && !global.quiet);
    // Shows how a bug would be reported (README: "When dts has a bug").
    if env.get("DTS_DEBUG_PANIC").is_some() {
        panic!("DTS_DEBUG_PANIC is set");
    }
    let mut settings = resolution
        .result
        .map_err(|e| sink.fail(&e, resolution.output, None))?;
    if settings.endpoint.is_emulator() && global.dry_run {
        settings.endpoint = standalone_emulator();
        sink.note(&format!(
            "a dry run starts no emulator and writes no state; the URL is that of `dts emulator` at its default address {}",
            crate::emulator::DEFAULT_LISTEN
        ));
    } else if settings.endpoint.is_emulator() {
        settings.endpoint = embedded(env).map_err(|e| sink.fail(&e, settings.output, None))?;
        sink.verbose(&format!(
            "endpoint: the built-in emulator at {}; dts signs with its demo keys, never yours",
            settings.endpoint
        ));
    }
    for w in &settings.warnings {
        sink.warn(w);
    }
    for line in verbose::origins(&settings.origins) {
        sink.verbose(&line);
    }
    let proxy = proxy::proxy_for(&settings.endpoint, env);
    if let Some(p) = &proxy {
        sink.verbose(&format!("proxy {}", proxy::redact(p.expose())));
    }
    let credentials = obtain(sink, global, world, env, &settings)?;
    Ok(Session {
        settings,
        credentials,
        proxy,
    })
}

/// The endpoint of a standalone `dts emulator` at its default address.
fn standalone_emulator() -> crate::config::endpoint::Endpoint {
    crate::config::endpoint::Endpoint {
        scheme: crate::config::endpoint::Scheme::Http,
        authority: crate::emulator::DEFAULT_LISTEN.to_string(),
    }
}

/// Starts the built-in emulator inside this process, its world in
/// `DTS_EMULATOR_STATE` or `<data dir>/dts/emulator.json`; returns its
/// endpoint.
fn embedded(env: &Env) -> Result<crate::config::endpoint::Endpoint, Error> {
    let state = env
        .get("DTS_EMULATOR_STATE")
        .map(std::path::PathBuf::from)
        .or_else(crate::emulator::default_state);
    let emulator = crate::emulator::Emulator::new(
        state,
        false,
        crate::emulator::gateway::Gateway::new(None, crate::emulator::gateway::RATE),
        &crate::ambient::System,
    )?;
    let addr = emulator
        .start()
        .map_err(|e| Error::Internal(format!("the built-in emulator could not start: {e}")))?;
    crate::config::endpoint::Endpoint::parse(&format!("http://{addr}")).map_err(Error::Internal)
}

/// The keys of the settings' provider (a role is assumed, the instance
/// metadata asked), or the exit code of the failure.
fn obtain<O: Write, E: Write>(
    sink: &mut Sink<'_, O, E>,
    global: &GlobalArgs,
    world: &World<'_>,
    env: &Env,
    settings: &Settings,
) -> Result<Credentials, u8> {
    let cache_off = global.no_credential_cache
        || env
            .get("DTS_CREDENTIAL_CACHE")
            .is_some_and(|v| v.eq_ignore_ascii_case("off"));
    let mut lines = Vec::new();
    let keys = Obtain {
        env,
        ambient: world.ambient,
        retries: settings.retries,
        cache: world.paths.cache.clone().filter(|_| !cache_off),
        verbose: &mut |line: &str| lines.push(line.to_string()),
    }
    .keys(&settings.provider);
    for line in &lines {
        sink.verbose(line);
    }
    keys.map_err(|e| sink.fail(&e, settings.output, None))
}

impl Session {
    /// The connection (up to `connections` kept alive) and the rate limit.
    pub fn wire(&self, connections: usize) -> Result<Wire, Error> {
        let s = &self.settings;
        Ok(Wire {
            transport: UreqTransport::with_connections(
                s.timeout,
                s.connect_timeout,
                self.proxy.as_ref(),
                &crate::transport::user_agent(),
                connections,
            )?,
            rate: RateLimit::new(s.rate),
        })
    }
}

impl Wire {
    /// The DTS client over this wire.
    pub fn client<'a>(
        &'a self,
        session: &'a Session,
        ambient: &'a (dyn Ambient + Sync),
    ) -> Client<'a> {
        Client::new(
            &self.transport,
            ambient,
            &session.credentials,
            &session.settings.endpoint,
        )
        .with_rate(&self.rate)
    }
}
