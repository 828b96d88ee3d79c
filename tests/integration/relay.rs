//! A proxy on loopback that really relays: it takes one tunnel (HTTP
//! CONNECT or SOCKS5), notes the target the client asked for, and joins
//! the client to a loopback port of the test's choosing, whatever the
//! target (so nothing leaves the machine).

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The tunnel a relay speaks.
#[derive(Clone, Copy)]
pub enum Kind {
    Connect,
    Socks5,
}

/// A running relay.
pub struct Relay {
    pub port: u16,
    targets: Arc<Mutex<Vec<String>>>,
}

impl Relay {
    /// Relays up to `tunnels` tunnels of `kind` to `127.0.0.1:to`.
    pub fn start(kind: Kind, to: u16, tunnels: usize) -> Relay {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let targets = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&targets);
        std::thread::spawn(move || {
            for client in listener.incoming().take(tunnels).flatten() {
                let seen = Arc::clone(&seen);
                std::thread::spawn(move || {
                    let _ = client.set_read_timeout(Some(Duration::from_secs(10)));
                    let Some(target) = open(kind, &client) else {
                        return;
                    };
                    seen.lock().unwrap().push(target);
                    if let Ok(server) = TcpStream::connect(("127.0.0.1", to)) {
                        join(client, server);
                    }
                });
            }
        });
        Relay { port, targets }
    }

    /// The targets the client asked for, one a tunnel.
    pub fn targets(&self) -> Vec<String> {
        self.targets.lock().unwrap().clone()
    }
}

/// Reads the tunnel request and grants it; the target asked for.
fn open(kind: Kind, mut client: &TcpStream) -> Option<String> {
    match kind {
        Kind::Connect => {
            let mut head = Vec::new();
            let mut byte = [0u8; 1];
            while !head.ends_with(b"\r\n\r\n") {
                client.read_exact(&mut byte).ok()?;
                head.push(byte[0]);
            }
            let line = String::from_utf8_lossy(&head).lines().next()?.to_string();
            client
                .write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")
                .ok()?;
            Some(line)
        }
        Kind::Socks5 => {
            // Greeting: version 5, the methods; "no authentication" chosen.
            let mut greeting = [0u8; 2];
            client.read_exact(&mut greeting).ok()?;
            let mut methods = vec![0u8; greeting[1] as usize];
            client.read_exact(&mut methods).ok()?;
            client.write_all(&[5, 0]).ok()?;
            // Request: 5, CONNECT, 0, the address type, the address, the port.
            let mut request = [0u8; 4];
            client.read_exact(&mut request).ok()?;
            let host = match request[3] {
                1 => {
                    let mut ip = [0u8; 4];
                    client.read_exact(&mut ip).ok()?;
                    std::net::Ipv4Addr::from(ip).to_string()
                }
                3 => {
                    let mut len = [0u8; 1];
                    client.read_exact(&mut len).ok()?;
                    let mut name = vec![0u8; len[0] as usize];
                    client.read_exact(&mut name).ok()?;
                    String::from_utf8_lossy(&name).into_owned()
                }
                _ => return None,
            };
            let mut port = [0u8; 2];
            client.read_exact(&mut port).ok()?;
            client.write_all(&[5, 0, 0, 1, 127, 0, 0, 1, 0, 0]).ok()?;
            Some(format!("{host}:{}", u16::from_be_bytes(port)))
        }
    }
}

/// Copies bytes both ways until either side closes.
fn join(client: TcpStream, server: TcpStream) {
    let (mut c_read, mut s_write) = (client.try_clone().unwrap(), server.try_clone().unwrap());
    let upstream = std::thread::spawn(move || {
        let _ = std::io::copy(&mut c_read, &mut s_write);
        let _ = s_write.shutdown(std::net::Shutdown::Write);
    });
    let (mut s_read, mut c_write) = (server, client);
    let _ = std::io::copy(&mut s_read, &mut c_write);
    let _ = c_write.shutdown(std::net::Shutdown::Write);
    let _ = upstream.join();
}
