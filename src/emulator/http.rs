//! Just enough HTTP/1.1 for the emulator: a request line, headers, a body
//! of `Content-Length` bytes, kept-alive connections, and answers written
//! at once.

use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::net::TcpStream;

/// The most a request may carry (the largest dts request is under 64 KiB).
const MAX_REQUEST: usize = 1024 * 1024;

/// One request, its parameters from the query and a form body merged.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    pub path: String,
    pub params: BTreeMap<String, String>,
    /// Whether the client asked to close the connection after the answer.
    pub close: bool,
}

/// One answer.
#[derive(Debug, Clone)]
pub enum Answer {
    /// A status and a JSON (or other) body.
    Body { status: u16, body: String },
    /// Close the connection without answering (an answer lost).
    Drop,
    /// Answer nothing for two minutes, then close (past any time limit).
    Stall,
    /// Promise `promised` bytes, send `body`, close (a cut-off body).
    CutOff { body: String, promised: usize },
}

/// Reads the next request; `None` when the client is done or sent garbage.
/// Any buffered stream will do (`examples/fake_dts.rs` reads TLS with it).
pub fn read<R: BufRead>(reader: &mut R) -> Option<Request> {
    let mut line = String::new();
    reader.read_line(&mut line).ok().filter(|n| *n > 0)?;
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_string();
    let target = parts.next()?.to_string();
    let (mut length, mut close, mut form) = (0usize, false, false);
    let mut head = line.len();
    loop {
        let mut h = String::new();
        reader.read_line(&mut h).ok().filter(|n| *n > 0)?;
        head += h.len();
        if head > MAX_REQUEST {
            return None;
        }
        if h == "\r\n" || h == "\n" {
            break;
        }
        let (name, value) = h.split_once(':')?;
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-length" => length = value.parse().ok()?,
            "connection" => close = value.eq_ignore_ascii_case("close"),
            "content-type" => form = value.starts_with("application/x-www-form-urlencoded"),
            _ => {}
        }
    }
    if length > MAX_REQUEST {
        return None;
    }
    let mut body = vec![0u8; length];
    reader.read_exact(&mut body).ok()?;
    let (path, query) = target.split_once('?').unwrap_or((&target, ""));
    let mut params = decode_form(query)?;
    if form {
        params.extend(decode_form(std::str::from_utf8(&body).ok()?)?);
    }
    Some(Request {
        method,
        path: path.to_string(),
        params,
        close,
    })
}

/// Writes an answer; returns whether the connection stays open.
pub fn write(stream: &mut TcpStream, answer: &Answer, close: bool) -> bool {
    let (status, body, length, keep) = match answer {
        Answer::Drop => {
            let _ = stream.shutdown(std::net::Shutdown::Both);
            return false;
        }
        Answer::Stall => {
            let until = std::time::Duration::from_secs(120);
            let mut peek = [0u8; 1];
            // Wait for the client to give up (or two minutes).
            let _ = stream.set_read_timeout(Some(until));
            let _ = std::io::Read::read(stream, &mut peek);
            let _ = stream.shutdown(std::net::Shutdown::Both);
            return false;
        }
        Answer::Body { status, body } => (*status, body.as_str(), body.len(), !close),
        Answer::CutOff { body, promised } => (200, body.as_str(), *promised, false),
    };
    respond(stream, status, body, length, keep)
}

/// Writes an answer whose headers promise `length` bytes, all at once
/// (several small writes would meet the client's delayed ACK); returns
/// whether the connection stays open.
pub fn respond(w: &mut impl Write, status: u16, body: &str, length: usize, keep: bool) -> bool {
    let text = format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: application/json;charset=utf-8\r\nContent-Length: {length}\r\n{}\r\n{body}",
        reason(status),
        if keep { "" } else { "Connection: close\r\n" }
    );
    w.write_all(text.as_bytes()).is_ok() && w.flush().is_ok() && keep
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        503 => "Service Unavailable",
        _ => "Answer",
    }
}

/// `k=v&...` percent-decoded (`+` is a space, as forms write it).
pub fn decode_form(text: &str) -> Option<BTreeMap<String, String>> {
    let mut map = BTreeMap::new();
    for pair in text.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        map.insert(decode(k)?, decode(v)?);
    }
    Some(map)
}

fn decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_decode() {
        let m = decode_form("a=1&b=x%2By+z&c").unwrap();
        assert_eq!(m["a"], "1");
        assert_eq!(m["b"], "x+y z");
        assert_eq!(m["c"], "");
        assert!(decode_form("a=%zz").is_none());
    }

    #[test]
    fn a_request_reads_from_any_buffered_stream_query_and_form_merged() {
        let text = "POST /?Action=SuspendDtsJob HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 14\r\nConnection: close\r\n\r\nDtsJobId=j%2D1";
        let mut reader = std::io::Cursor::new(text.as_bytes());
        let r = read(&mut reader).unwrap();
        assert_eq!(
            (r.method.as_str(), r.path.as_str(), r.close),
            ("POST", "/", true)
        );
        assert_eq!(r.params["Action"], "SuspendDtsJob");
        assert_eq!(r.params["DtsJobId"], "j-1");
        assert!(read(&mut reader).is_none(), "nothing more to read");
    }

    #[test]
    fn an_answer_promises_its_length_and_says_when_it_closes() {
        let mut out = Vec::new();
        assert!(!respond(&mut out, 404, "{}", 2, false));
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("HTTP/1.1 404 Not Found\r\n"), "{text}");
        assert!(text.contains("Content-Length: 2\r\nConnection: close\r\n\r\n{}"));
    }
}
