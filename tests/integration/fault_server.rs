//! A small fault-injection HTTP server on loopback for what mockito cannot
//! do: resets, stalls, trickles, oversized and garbage answers. It serves a
//! bounded number of connections, each bounded in time, and stops by itself.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::os::fd::AsRawFd;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// The most connections one server accepts.
const MAX_CONNECTIONS: usize = 256;
/// The longest a connection is held.
const MAX_HOLD: Duration = Duration::from_secs(20);

/// What the server does with one connection.
#[derive(Debug, Clone)]
pub enum Fault {
    /// Send these bytes, then close normally.
    Raw(Vec<u8>),
    /// Send these bytes at once, without reading the request (for a TLS
    /// client, whose hello has no HTTP head).
    Immediate(Vec<u8>),
    /// Act as a proxy: accept the CONNECT, then read the tunnelled request
    /// (recorded too) and send these bytes as the answer.
    Tunnel(Vec<u8>),
    /// Read the request, then reset the connection (RST).
    ResetBeforeHeaders,
    /// Send a status line and headers promising a body, then reset.
    ResetAfterHeaders,
    /// Read the request and never answer.
    Stall,
    /// Wait, then send these bytes (for measuring concurrency).
    Delayed(Duration, Vec<u8>),
    /// Send headers, then the body one byte every `every`.
    Trickle { body: Vec<u8>, every: Duration },
    /// Promise and send `size` bytes of body (or until the client goes).
    Oversized { size: usize, chunked: bool },
}

impl Fault {
    /// A complete HTTP/1.1 answer with a Content-Length.
    pub fn answer(status: u16, extra_headers: &[(&str, &str)], body: &[u8]) -> Fault {
        let mut head = format!(
            "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n",
            body.len()
        );
        for (k, v) in extra_headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        head.push_str("\r\n");
        let mut bytes = head.into_bytes();
        bytes.extend_from_slice(body);
        Fault::Raw(bytes)
    }

    /// An answer whose Content-Length promises more than is sent.
    pub fn cut_short(body: &[u8], promised: usize) -> Fault {
        let mut bytes = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {promised}\r\n\r\n"
        )
        .into_bytes();
        bytes.extend_from_slice(body);
        Fault::Raw(bytes)
    }
}

/// A running fault server.
pub struct FaultServer {
    pub addr: SocketAddr,
    connections: Arc<AtomicUsize>,
    requests: Arc<Mutex<Vec<String>>>,
    /// Requests being answered now, and the most at any one time.
    in_flight: Arc<(AtomicUsize, AtomicUsize)>,
}

impl FaultServer {
    /// Serves `faults` in order, one per connection; the last one repeats.
    pub fn start(faults: Vec<Fault>) -> FaultServer {
        assert!(!faults.is_empty());
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let connections = Arc::new(AtomicUsize::new(0));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let in_flight = Arc::new((AtomicUsize::new(0), AtomicUsize::new(0)));
        let (c, r, f) = (
            Arc::clone(&connections),
            Arc::clone(&requests),
            Arc::clone(&in_flight),
        );
        thread::spawn(move || {
            for (i, stream) in listener.incoming().take(MAX_CONNECTIONS).enumerate() {
                let Ok(stream) = stream else { continue };
                let fault = faults[i.min(faults.len() - 1)].clone();
                let (c, r, f) = (Arc::clone(&c), Arc::clone(&r), Arc::clone(&f));
                thread::spawn(move || serve(stream, fault, &c, &r, &f));
            }
        });
        FaultServer {
            addr,
            connections,
            requests,
            in_flight,
        }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Connections whose request was read so far.
    pub fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }

    /// The request lines received (method, target, version).
    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }

    /// The most requests that were being answered at one time.
    pub fn max_in_flight(&self) -> usize {
        self.in_flight.1.load(Ordering::SeqCst)
    }

    /// Waits until `n` requests were read, up to 10 s.
    pub fn wait_for(&self, n: usize) {
        let start = Instant::now();
        while self.connections() < n {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "no request arrived"
            );
            thread::sleep(Duration::from_millis(10));
        }
    }
}

fn serve(
    mut stream: TcpStream,
    fault: Fault,
    count: &AtomicUsize,
    requests: &Mutex<Vec<String>>,
    in_flight: &(AtomicUsize, AtomicUsize),
) {
    let _ = stream.set_read_timeout(Some(MAX_HOLD));
    let _ = stream.set_write_timeout(Some(MAX_HOLD));
    if let Fault::Immediate(bytes) = &fault {
        count.fetch_add(1, Ordering::SeqCst);
        let _ = stream.write_all(bytes);
        let _ = stream.shutdown(std::net::Shutdown::Write);
        let mut sink = [0u8; 1024];
        let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
        while matches!(stream.read(&mut sink), Ok(n) if n > 0) {}
        return;
    }
    let Some(line) = read_head(&mut stream) else {
        return;
    };
    requests.lock().unwrap().push(line);
    count.fetch_add(1, Ordering::SeqCst);
    match fault {
        Fault::Delayed(delay, bytes) => {
            let now = in_flight.0.fetch_add(1, Ordering::SeqCst) + 1;
            in_flight.1.fetch_max(now, Ordering::SeqCst);
            thread::sleep(delay);
            in_flight.0.fetch_sub(1, Ordering::SeqCst);
            let _ = stream.write_all(&bytes);
            let _ = stream.flush();
            let _ = stream.shutdown(std::net::Shutdown::Write);
            let mut sink = [0u8; 64];
            let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
            let _ = stream.read(&mut sink);
        }
        Fault::Tunnel(answer) => {
            if stream
                .write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")
                .is_err()
            {
                return;
            }
            let Some(inner) = read_head(&mut stream) else {
                return;
            };
            requests.lock().unwrap().push(inner);
            let _ = stream.write_all(&answer);
            let _ = stream.flush();
            let mut sink = [0u8; 64];
            let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
            let _ = stream.read(&mut sink);
        }
        Fault::Raw(bytes) => {
            let _ = stream.write_all(&bytes);
            let _ = stream.flush();
            let _ = stream.shutdown(std::net::Shutdown::Write);
            // Let the client read before the socket closes.
            let mut sink = [0u8; 64];
            let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
            let _ = stream.read(&mut sink);
        }
        Fault::Immediate(_) => {}
        Fault::ResetBeforeHeaders => reset(stream),
        Fault::ResetAfterHeaders => {
            let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"Req");
            let _ = stream.flush();
            thread::sleep(Duration::from_millis(50));
            reset(stream);
        }
        Fault::Stall => {
            let mut sink = [0u8; 64];
            let _ = stream.read(&mut sink);
        }
        Fault::Trickle { body, every } => {
            let head = format!("HTTP/1.1 200 OK\r\nContent-Length: {}\r\n\r\n", body.len());
            if stream.write_all(head.as_bytes()).is_err() {
                return;
            }
            let start = Instant::now();
            for b in body {
                if stream.write_all(&[b]).is_err() || start.elapsed() > MAX_HOLD {
                    return;
                }
                thread::sleep(every);
            }
        }
        Fault::Oversized { size, chunked } => {
            let head = if chunked {
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".to_string()
            } else {
                format!("HTTP/1.1 200 OK\r\nContent-Length: {size}\r\n\r\n")
            };
            if stream.write_all(head.as_bytes()).is_err() {
                return;
            }
            let block = vec![b'x'; 64 * 1024];
            let mut sent = 0;
            while sent < size {
                let ok = if chunked {
                    stream
                        .write_all(format!("{:x}\r\n", block.len()).as_bytes())
                        .and_then(|()| stream.write_all(&block))
                        .and_then(|()| stream.write_all(b"\r\n"))
                } else {
                    stream.write_all(&block)
                };
                if ok.is_err() {
                    return;
                }
                sent += block.len();
            }
            if chunked {
                let _ = stream.write_all(b"0\r\n\r\n");
            }
        }
    }
}

/// Reads a request head (dts sends no body) and returns its first line.
fn read_head(stream: &mut TcpStream) -> Option<String> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        match stream.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => return None,
        }
    }
    Some(
        String::from_utf8_lossy(&head)
            .lines()
            .next()
            .unwrap_or("")
            .to_string(),
    )
}

/// Closes with SO_LINGER 0 so the peer sees a reset, not a clean close.
fn reset(stream: TcpStream) {
    let linger = libc::linger {
        l_onoff: 1,
        l_linger: 0,
    };
    // SAFETY: a valid socket descriptor and a correctly sized option value.
    unsafe {
        libc::setsockopt(
            stream.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_LINGER,
            (&linger as *const libc::linger).cast(),
            std::mem::size_of::<libc::linger>() as libc::socklen_t,
        );
    }
    drop(stream);
}
