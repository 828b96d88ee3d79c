//! The type that keeps an AccessKeySecret or a SecurityToken out of every
//! output, and the masking of any form of it in text from the network.

use std::fmt;

/// The shortest secret [`Secret::mask_in`] looks for. Shorter ones would
/// garble ordinary text; real keys and tokens are far longer.
pub const MIN_MASKED: usize = 4;

/// How many times over a server may have percent-encoded a secret it
/// echoes (a `Recommend` URL quoting the string-to-sign encodes it three
/// times).
const MAX_ENCODINGS: usize = 3;

/// A string that must never be printed: an AccessKeySecret or a
/// SecurityToken. It has no `Display`, its `Debug` prints `(redacted)`, and
/// the only way to read it is the explicit [`Secret::expose`].
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The secret itself, for signing and for the wire only.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// What dts shows of a SecurityToken: its first four characters (fewer
    /// for a short one, never more than half of it) followed by `***`.
    pub fn preview(&self) -> String {
        let shown = (self.0.chars().count() / 2).min(4);
        let head: String = self.0.chars().take(shown).collect();
        format!("{head}***")
    }

    /// `text` with every form of this secret a reader could decode back to
    /// it replaced by `with`: raw, or with any of its bytes percent-encoded
    /// up to three times over (`+`, `%2B`, `%252B`, `%25252B`), hex digits
    /// in either case. Secrets shorter than [`MIN_MASKED`] are left alone.
    pub fn mask_in(&self, text: &str, with: &str) -> String {
        let secret = self.0.as_bytes();
        if secret.len() < MIN_MASKED {
            return text.to_string();
        }
        let bytes = text.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            match match_encoded(bytes, i, secret) {
                Some(end) => {
                    out.extend_from_slice(with.as_bytes());
                    i = end;
                }
                None => {
                    out.push(bytes[i]);
                    i += 1;
                }
            }
        }
        String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into())
    }
}

/// Where a form of `secret` starting at `at` in `text` ends, if one does.
fn match_encoded(text: &[u8], at: usize, secret: &[u8]) -> Option<usize> {
    let mut i = at;
    for &b in secret {
        i = match_byte(text, i, b)?;
    }
    Some(i)
}

/// Where byte `b` at `at` ends: raw, or `%` + `25` repeated up to twice +
/// its two hex digits in either case.
fn match_byte(text: &[u8], at: usize, b: u8) -> Option<usize> {
    if text.get(at) == Some(&b'%') {
        let mut i = at + 1;
        for _ in 0..MAX_ENCODINGS {
            match hex_at(text, i) {
                Some(decoded) if decoded == b => return Some(i + 2),
                Some(b'%') => i += 2,
                _ => break,
            }
        }
    }
    (text.get(at) == Some(&b)).then_some(at + 1)
}

/// The byte two hex digits at `at` spell, either case.
fn hex_at(text: &[u8], at: usize) -> Option<u8> {
    let pair = text.get(at..at + 2)?;
    let pair = std::str::from_utf8(pair).ok()?;
    u8::from_str_radix(pair, 16).ok()
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("(redacted)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mask_hides_raw_and_encoded_forms() {
        let t = Secret::new("CAIS+tok/en");
        let text = "a CAIS+tok/en b CAIS%2Btok%2Fen c CAIS%252Btok%252Fen";
        assert_eq!(t.mask_in(text, "X"), "a X b X c X");
    }

    #[test]
    fn mask_hides_a_third_encoding_lower_case_hex_and_mixed_forms() {
        let t = Secret::new("CAIS+tok/en");
        let text = "a CAIS%25252Btok%25252Fen b CAIS%2btok%2fen c CAIS%2B%74ok/en d";
        assert_eq!(t.mask_in(text, "X"), "a X b X c X d");
    }

    #[test]
    fn mask_reaches_secrets_down_to_four_characters() {
        assert_eq!(Secret::new("ab+c").mask_in("x ab%2Bc y", "X"), "x X y");
        assert_eq!(Secret::new("abc").mask_in("x abc y", "X"), "x abc y");
        let percent = Secret::new("50%off");
        assert_eq!(percent.mask_in("a 50%off b 50%25off", "X"), "a X b X");
    }

    #[test]
    fn mask_keeps_other_text_intact() {
        let t = Secret::new("token");
        assert_eq!(t.mask_in("中文 %zz % tok", "X"), "中文 %zz % tok");
    }

    #[test]
    fn preview_keeps_at_most_four_characters_and_half_a_short_token() {
        assert_eq!(Secret::new("CAIS+token").preview(), "CAIS***");
        assert_eq!(Secret::new("中文中文中文中文").preview(), "中文中文***");
        assert_eq!(Secret::new("abcde").preview(), "ab***");
    }
}
