//! Keys from outside dts: a credentials URI (an HTTP GET answering the
//! four fields) and an external process (a command run without a shell,
//! 60 s at most, printing one JSON object). Both can be refused with
//! `ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS=true`.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::{Map, Value};

use crate::config::endpoint::Endpoint;
use crate::credentials::provider::External;
use crate::credentials::{CredentialSource, Credentials};
use crate::error::Error;
use crate::obtain::cache::{self, Entry};
use crate::obtain::{Obtain, exchange, sts};
use crate::secret::Secret;
use crate::transport::http::UreqTransport;
use crate::transport::{HttpRequest, Method, proxy};

/// How long a credentials process may run.
pub const PROCESS_LIMIT: Duration = Duration::from_secs(60);

fn refused_by_env(o: &Obtain<'_>, e: &External) -> Result<(), Error> {
    if o.env.is_true("ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS") {
        return Err(Error::config(format!(
            "{} gives credentials from outside dts, which ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS=true refuses",
            e.configured_in
        )));
    }
    Ok(())
}

/// Keys from a credentials URI.
pub fn from_uri(o: &mut Obtain<'_>, e: &External) -> Result<Credentials, Error> {
    refused_by_env(o, e)?;
    let endpoint_error = |why: String| {
        Error::config(format!(
            "{}: the credentials URI is not a URL: {why}",
            e.configured_in
        ))
    };
    let (base, _) = e
        .what
        .split_once("://")
        .ok_or_else(|| endpoint_error("no scheme".into()))?;
    let rest = &e.what[base.len() + 3..];
    let authority = rest.split(['/', '?']).next().unwrap_or("");
    let endpoint = Endpoint::parse(&format!("{base}://{authority}")).map_err(endpoint_error)?;
    let step = format!(
        "getting credentials from the credentials URI at {}",
        endpoint.host()
    );
    let fail = |cause: Error| Error::Credential {
        step: step.clone(),
        cause: Box::new(cause),
        hint: None,
    };
    let proxy = proxy::proxy_for(&endpoint, o.env);
    let transport = UreqTransport::new(
        Duration::from_secs(10),
        Duration::from_secs(5),
        proxy.as_ref(),
        &crate::transport::user_agent(),
    )?;
    let request = HttpRequest {
        method: Method::Get,
        url: e.what.clone(),
        authority: endpoint.authority.clone(),
        headers: Vec::new(),
        body: None,
    };
    let answer = exchange::fetch(o, &transport, &request).map_err(fail)?;
    if answer.status != 200 {
        return Err(fail(exchange::status_error(&answer)));
    }
    let object: Map<String, Value> = serde_json::from_slice(&answer.body).map_err(|_| {
        fail(Error::BadResponse {
            message: "the answer is not a JSON object".into(),
            http_status: Some(200),
        })
    })?;
    match object.get("Code").and_then(Value::as_str) {
        Some(code) if code != "Success" => {
            return Err(fail(exchange::refused(
                200,
                format!("the URI answered Code '{code}'"),
            )));
        }
        _ => {}
    }
    let mut wrapped = Map::new();
    wrapped.insert("Credentials".into(), Value::Object(object));
    let entry = sts::keys_of(&wrapped).map_err(fail)?;
    (o.verbose)(&format!(
        "credentials: from the credentials URI at {} (valid until {})",
        endpoint.host(),
        entry.expiration
    ));
    Ok(keys(
        entry,
        format!("the credentials URI in {}", e.configured_in),
    ))
}

fn keys(entry: Entry, source: String) -> Credentials {
    Credentials {
        access_key_id: entry.access_key_id,
        access_key_secret: entry.access_key_secret,
        security_token: Some(entry.security_token).filter(|t| !t.expose().is_empty()),
        source: CredentialSource::Provider(source),
    }
}

/// Keys from an external process, cached when they carry an expiration.
pub fn from_process(o: &mut Obtain<'_>, e: &External) -> Result<Credentials, Error> {
    refused_by_env(o, e)?;
    let source = format!("the command in {}", e.configured_in);
    let key = cache::key(&[("provider", "process"), ("command", &e.what)]);
    if let Some(dir) = &o.cache
        && let Some(entry) = cache::load(dir, &key, o.now_unix())
    {
        (o.verbose)(&format!("credentials: {source} from the cache"));
        return Ok(keys(entry, source));
    }
    let (entry, expires) = run(e)?;
    if expires && let Some(dir) = &o.cache {
        let _ = cache::store(dir, &key, &entry);
    }
    (o.verbose)(&format!("credentials: {source}"));
    Ok(keys(entry, source))
}

/// Runs the command; returns its keys and whether they carry an expiration.
fn run(e: &External) -> Result<(Entry, bool), Error> {
    let fail = |why: String| {
        Error::config(format!(
            "the credentials command in {} {why}",
            e.configured_in
        ))
    };
    let words = split(&e.what).map_err(|why| fail(format!("cannot be read: {why}")))?;
    let (program, args) = words.split_first().ok_or_else(|| fail("is empty".into()))?;
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::inherit())
        .stderr(Stdio::inherit())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|err| {
            fail(format!(
                "could not start: {}",
                crate::error::io_reason(&err)
            ))
        })?;
    let mut stdout = child
        .stdout
        .take()
        .ok_or_else(|| fail("has no stdout".into()))?;
    let reader = std::thread::spawn(move || {
        let mut text = Vec::new();
        let _ = stdout.by_ref().take(1024 * 1024).read_to_end(&mut text);
        text
    });
    let status = wait(&mut child).ok_or_else(|| {
        let _ = child.kill();
        fail(format!("ran longer than {} s", PROCESS_LIMIT.as_secs()))
    })?;
    let text = reader.join().unwrap_or_default();
    if !status.success() {
        return Err(fail(format!("failed ({status})")));
    }
    parse(&text).ok_or_else(|| fail("printed something other than one JSON object with mode, access_key_id and access_key_secret".into()))
}

/// Waits for `child` up to [`PROCESS_LIMIT`].
fn wait(child: &mut std::process::Child) -> Option<std::process::ExitStatus> {
    let mut waited = Duration::ZERO;
    let step = Duration::from_millis(20);
    while waited < PROCESS_LIMIT {
        if let Ok(Some(status)) = child.try_wait() {
            return Some(status);
        }
        std::thread::park_timeout(step);
        waited += step;
    }
    None
}

/// `{"mode": "AK" | "StsToken", "access_key_id", "access_key_secret",
/// "sts_token", "expiration"?}`; the second value is whether it expires.
fn parse(text: &[u8]) -> Option<(Entry, bool)> {
    let object: Map<String, Value> = serde_json::from_slice(text).ok()?;
    let field = |k: &str| object.get(k).and_then(Value::as_str).map(str::to_string);
    let mode = field("mode")?;
    let sts = mode.eq_ignore_ascii_case("StsToken");
    if !sts && !mode.eq_ignore_ascii_case("AK") {
        return None;
    }
    let token = if sts { Some(field("sts_token")?) } else { None };
    let expiration = field("expiration");
    let expires = expiration
        .as_deref()
        .is_some_and(|e| cache::unix_seconds(e).is_some());
    Some((
        Entry {
            access_key_id: field("access_key_id")?,
            access_key_secret: Secret::new(field("access_key_secret")?),
            security_token: Secret::new(token.unwrap_or_default()),
            expiration: expiration.unwrap_or_default(),
        },
        expires && sts,
    ))
}

/// Splits a command line as a POSIX shell would split words: single
/// quotes, double quotes with backslash escapes, and backslashes.
pub fn split(line: &str) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                in_word = true;
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(c) => word.push(c),
                        None => return Err("an unclosed single quote".into()),
                    }
                }
            }
            '"' => {
                in_word = true;
                loop {
                    match chars.next() {
                        Some('"') => break,
                        Some('\\') => match chars.next() {
                            Some(c @ ('"' | '\\' | '$' | '`')) => word.push(c),
                            Some(c) => {
                                word.push('\\');
                                word.push(c);
                            }
                            None => return Err("an unclosed double quote".into()),
                        },
                        Some(c) => word.push(c),
                        None => return Err("an unclosed double quote".into()),
                    }
                }
            }
            '\\' => {
                in_word = true;
                match chars.next() {
                    Some(c) => word.push(c),
                    None => return Err("a backslash at the end".into()),
                }
            }
            c if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            c => {
                in_word = true;
                word.push(c);
            }
        }
    }
    if in_word {
        words.push(word);
    }
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_split_like_a_shell() {
        assert_eq!(
            split(r#"get-keys --name 'a b' "c \"d\"" e\ f"#).unwrap(),
            ["get-keys", "--name", "a b", "c \"d\"", "e f"]
        );
        assert!(split("a 'b").is_err());
        assert_eq!(split("  ").unwrap(), Vec::<String>::new());
    }

    #[test]
    fn process_output_is_read_strictly() {
        let (e, expires) = parse(
            br#"{"mode":"StsToken","access_key_id":"i","access_key_secret":"s","sts_token":"t","expiration":"2030-01-01T00:00:00Z"}"#,
        )
        .unwrap();
        assert!(expires);
        assert_eq!(e.security_token.expose(), "t");
        let (_, expires) =
            parse(br#"{"mode":"AK","access_key_id":"i","access_key_secret":"s"}"#).unwrap();
        assert!(!expires);
        assert!(parse(b"not json").is_none());
        assert!(parse(br#"{"mode":"RsaKeyPair"}"#).is_none());
    }
}
