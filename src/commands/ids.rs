//! The job IDs of a command: given with `-j`, or read from stdin one a
//! line with `-j -`.

use std::io::BufRead;

use crate::error::Error;

/// Expands `-` into the IDs on `input` (one a line, blank lines and `#`
/// comments skipped, a UTF-8 byte-order mark ignored). Several IDs, or
/// `-`, mean several-job mode. A line with whitespace inside, or too long
/// for a request, is a usage error naming the line.
pub fn job_ids(given: &[String], input: &mut dyn BufRead) -> Result<(Vec<String>, bool), Error> {
    let mut ids = Vec::new();
    let from_stdin = given.iter().any(|g| g == "-");
    for g in given {
        if g != "-" {
            ids.push(g.clone());
            continue;
        }
        for (n, line) in input.lines().enumerate() {
            let line =
                line.map_err(|e| Error::Usage(format!("cannot read job IDs from stdin: {e}")))?;
            let line = if n == 0 {
                line.trim_start_matches('\u{feff}')
            } else {
                &line
            };
            if let Some(id) = stdin_id(line)
                .map_err(|why| Error::Usage(format!("stdin line {}: {why}", n + 1)))?
            {
                ids.push(id.to_string());
            }
        }
    }
    if ids.is_empty() {
        return Err(Error::Usage("no job IDs on stdin (--job-id -)".into()));
    }
    let several = from_stdin || ids.len() > 1;
    Ok((ids, several))
}

/// The job ID on one stdin line, `None` for a blank line or a comment.
fn stdin_id(line: &str) -> Result<Option<&str>, String> {
    let id = line.trim();
    if id.is_empty() || id.starts_with('#') {
        return Ok(None);
    }
    crate::limits::check("the job id", id, crate::limits::MAX_ID)?;
    if id.contains(char::is_whitespace) {
        return Err(format!(
            "'{}' has whitespace inside; give one job ID a line",
            crate::output::escape(id)
        ));
    }
    Ok(Some(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_stdin_skip_blanks_and_comments() {
        let mut input = "# jobs\nj1\n\n  j2  \n#j3\n".as_bytes();
        let (ids, several) = job_ids(&["-".into()], &mut input).unwrap();
        assert_eq!(ids, ["j1", "j2"]);
        assert!(several);
        let (ids, several) = job_ids(&["a".into()], &mut "".as_bytes()).unwrap();
        assert_eq!(ids, ["a"]);
        assert!(!several);
        let (_, several) = job_ids(&["-".into()], &mut "only\n".as_bytes()).unwrap();
        assert!(several, "- means several-job mode even for one ID");
        assert_eq!(
            job_ids(&["-".into()], &mut "# none\n".as_bytes())
                .unwrap_err()
                .exit_code(),
            2
        );
    }

    #[test]
    fn stdin_ids_lose_a_byte_order_mark_and_refuse_inner_whitespace() {
        let (ids, _) = job_ids(&["-".into()], &mut "\u{feff}j1\nj2\n".as_bytes()).unwrap();
        assert_eq!(ids, ["j1", "j2"]);
        let e = job_ids(&["-".into()], &mut "j1\n\njob2 prod\n".as_bytes()).unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert_eq!(
            e.to_string(),
            "stdin line 3: 'job2 prod' has whitespace inside; give one job ID a line"
        );
    }
}
