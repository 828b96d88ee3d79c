//! A DTS emulator inside dts: the gateway's checks (`gateway`), the jobs
//! and their state machine (`world`), over a little HTTP (`http`). Run
//! embedded (`--endpoint emulator`: on an ephemeral loopback port inside
//! the dts process) or standalone (`dts emulator`), the state kept in a
//! file so that separate commands, even at the same time, see one world.

pub mod gateway;
pub mod http;
pub mod job;
pub mod listing;
mod lock;
pub mod test_ids;
pub mod world;

use std::io::BufReader;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::ambient::Ambient;
use gateway::Gateway;
use world::World;

/// The emulator: the gateway, the world, and where the world is kept.
pub struct Emulator {
    gateway: Gateway,
    world: Mutex<World>,
    state: Option<PathBuf>,
    ambient: &'static (dyn Ambient + Sync),
}

/// Where `dts emulator` listens when `--listen` names no address.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8790";

/// The state file when nothing names one: `<data dir>/dts/emulator.json`.
pub fn default_state() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join("dts").join("emulator.json"))
}

impl Emulator {
    /// An emulator with the world in `state` (seeded when there is none,
    /// or when `reset`), behind `gateway`; an error when
    /// the state file cannot be read, written or understood.
    pub fn new(
        state: Option<PathBuf>,
        reset: bool,
        gateway: Gateway,
        ambient: &'static (dyn Ambient + Sync),
    ) -> Result<Self, crate::error::Error> {
        let world = match &state {
            Some(file) if reset => World::seeded().save(file).map(|()| World::seeded()),
            Some(file) => World::load(file),
            None => Ok(World::seeded()),
        }
        .map_err(|message| crate::error::Error::Config {
            message,
            hint: Some(
                "`dts emulator --reset --state FILE` starts the file over; DTS_EMULATOR_STATE names another"
                    .into(),
            ),
        })?;
        Ok(Emulator {
            gateway,
            world: Mutex::new(world),
            state,
            ambient,
        })
    }

    /// Serves `listener` until the process ends.
    pub fn serve(self: Arc<Self>, listener: TcpListener) {
        for stream in listener.incoming().flatten() {
            let me = Arc::clone(&self);
            std::thread::spawn(move || me.connection(stream));
        }
    }

    /// Starts serving on an ephemeral loopback port, on a thread of its
    /// own; returns the address.
    pub fn start(self) -> std::io::Result<SocketAddr> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let addr = listener.local_addr()?;
        let me = Arc::new(self);
        std::thread::Builder::new()
            .name("emulator".into())
            .spawn(move || me.serve(listener))?;
        Ok(addr)
    }

    fn connection(&self, stream: TcpStream) {
        let _ = stream.set_nodelay(true);
        let Ok(read_half) = stream.try_clone() else {
            return;
        };
        let mut reader = BufReader::new(read_half);
        let mut stream = stream;
        while let Some(request) = http::read(&mut reader) {
            let answer = self.answer(&request);
            if !http::write(&mut stream, &answer, request.close) {
                break;
            }
        }
    }

    /// The answer to one request.
    pub fn answer(&self, request: &http::Request) -> http::Answer {
        if let Some(refused) = self
            .gateway
            .check(&request.method, &request.params, self.ambient)
        {
            return refused;
        }
        let action = request.params.get("Action").map_or("", String::as_str);
        let Ok(mut world) = self.world.lock() else {
            return failed("The emulator failed.");
        };
        // Other processes may share the file: each request reads it afresh
        // and writes it back under a lock, so none loses another's change.
        let _lock = self.state.as_deref().map(lock::Exclusive::take);
        if let Some(file) = &self.state {
            match World::load(file) {
                Ok(now) => *world = now,
                Err(message) => return failed(&message),
            }
        }
        let (answer, changed) = world.act(action, &request.params);
        if changed && let Some(file) = &self.state {
            // A file that was writable at start-up; should it stop being
            // so, the answer still stands and the next start says why.
            let _ = world.save(file);
        }
        answer
    }
}

/// The gateway's answer when the emulator itself fails.
fn failed(message: &str) -> http::Answer {
    gateway::refuse(500, "InternalError", message, gateway::Shape::Gateway)
}
