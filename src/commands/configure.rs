//! `dts configure`: ask for a profile's keys and settings and write them to
//! the TOML profile file (mode 0600), keeping its other profiles and its
//! comments.

use std::io::{self, BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use toml_edit::{DocumentMut, Item, Table, value};

use crate::cli::{GlobalArgs, RoleArgs};
use crate::commands::World;
use crate::config::Env;
use crate::config::edit;
use crate::config::endpoint::{self, Endpoint};
use crate::error::Error;
use crate::output::{OutputFormat, interrupt};

/// Where the answers come from: a terminal (the secret not echoed) or any
/// other stdin, one answer a line.
pub trait Answers {
    /// Shows `prompt` and reads one line; `secret` means not echoed.
    /// `None` at end of input.
    fn ask(&mut self, prompt: &str, secret: bool) -> io::Result<Option<String>>;
}

/// Answers from the real stdin.
#[derive(Debug, Default)]
pub struct Stdin;

impl Answers for Stdin {
    fn ask(&mut self, prompt: &str, secret: bool) -> io::Result<Option<String>> {
        let stdin = io::stdin();
        let tty = stdin.is_terminal();
        if tty {
            let mut err = io::stderr();
            write!(err, "{prompt}")?;
            err.flush()?;
            if secret {
                // Ctrl-C at this prompt must not leave echo off.
                crate::output::interrupt::remember_terminal();
                return rpassword::read_password().map(Some);
            }
        }
        let mut line = String::new();
        if stdin.lock().read_line(&mut line)? == 0 {
            return Ok(None);
        }
        Ok(Some(line.trim_end_matches(['\n', '\r']).to_string()))
    }
}

/// `dts configure`: every global flag is honoured or refused. Returns what
/// to tell the user.
pub fn run(global: &GlobalArgs, role: &RoleArgs, world: &mut World<'_>) -> Result<String, Error> {
    if global.output == Some(OutputFormat::Json) {
        return Err(Error::Usage(
            "configure has no JSON output; leave out -o json".into(),
        ));
    }
    let env = world.env.as_ref().map_err(Clone::clone)?;
    let target = Target::resolve(
        global.config.as_deref(),
        global.profile.as_deref(),
        env,
        world.paths.dts.clone(),
    )?;
    let options = Options {
        dry_run: global.dry_run,
        endpoint: global.endpoint.clone(),
        timeout: global.timeout,
        retries: global.retries,
        role: role.clone(),
    };
    // Ctrl-C at the secret prompt must give the terminal back.
    interrupt::install();
    configure(&target, &options, world.input.answers())
}

/// The global flags configure honours besides the file and profile.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Show what would be written, secrets masked; write nothing.
    pub dry_run: bool,
    /// Written as the profile's endpoint; the question is not asked.
    pub endpoint: Option<Endpoint>,
    /// Written as the profile's timeout.
    pub timeout: Option<std::time::Duration>,
    /// Written as the profile's retries.
    pub retries: Option<u32>,
    /// A role profile: the role, and where its source credentials are.
    pub role: RoleArgs,
}

/// Which file and profile to write.
pub struct Target {
    pub path: PathBuf,
    pub profile: String,
}

impl Target {
    /// `--config`/`DTS_CONFIG`/default path, `--profile`/
    /// `ALIBABA_CLOUD_PROFILE`/`default`.
    pub fn resolve(
        config: Option<&Path>,
        profile: Option<&str>,
        env: &Env,
        default_path: Option<PathBuf>,
    ) -> Result<Self, Error> {
        let path = config
            .map(Path::to_path_buf)
            .or_else(|| env.get("DTS_CONFIG").map(PathBuf::from))
            .or(default_path)
            .ok_or_else(|| {
                Error::config("no config directory on this system; name a file with --config")
            })?;
        let profile = profile
            .or_else(|| env.get("ALIBABA_CLOUD_PROFILE"))
            .unwrap_or("default")
            .to_string();
        Ok(Target { path, profile })
    }
}

/// Asks the questions and writes the profile (or, in a dry run, shows it).
/// Returns what to tell the user.
pub fn configure(
    target: &Target,
    options: &Options,
    answers: &mut dyn Answers,
) -> Result<String, Error> {
    let mut doc = edit::read_document(&target.path)?;
    let name = &target.profile;
    let answered = ask_all(answers, doc.get(name), options)?;
    if !doc.contains_key(name) {
        doc.insert(name, Item::Table(Table::new()));
    }
    let table = doc[name.as_str()].as_table_mut().ok_or_else(|| {
        Error::config(format!(
            "'{name}' in {} is not a table",
            target.path.display()
        ))
    })?;
    answered.apply(table, options);
    if options.dry_run {
        return Ok(format!(
            "dry run: would write profile '{name}' to {} (mode 0600); nothing was written\n\n{}",
            target.path.display(),
            masked(name, table).trim_end()
        ));
    }
    edit::write_private(&target.path, doc.to_string().as_bytes())?;
    Ok(format!(
        "wrote profile '{name}' to {} (mode 0600)",
        target.path.display()
    ))
}

/// The answers to configure's questions; `None` keeps the current value,
/// `-` removes an optional one.
struct Answered {
    /// `None` when a source profile gives the keys.
    id: Option<String>,
    secret: Option<String>,
    token: Option<String>,
    region: Option<String>,
    endpoint: Option<String>,
}

impl Answered {
    /// Writes the answers and the flags' values into the profile's table.
    fn apply(self, table: &mut Table, options: &Options) {
        match self.id {
            Some(id) => table["access_key_id"] = value(id),
            None => {
                for key in ["access_key_id", "access_key_secret", "security_token"] {
                    table.remove(key);
                }
            }
        }
        if let Some(s) = self.secret {
            table["access_key_secret"] = value(s);
        }
        let role = &options.role;
        if let Some(arn) = &role.role_arn {
            table["type"] = value("ram_role_arn");
            table["role_arn"] = value(arn.as_str());
            match &role.source_profile {
                Some(p) => table["source_profile"] = value(p.as_str()),
                None => {
                    table.remove("source_profile");
                }
            }
            if let Some(n) = &role.role_session_name {
                table["role_session_name"] = value(n.as_str());
            }
        }
        for (key, answer) in [
            ("security_token", self.token),
            ("region", self.region),
            ("endpoint", self.endpoint),
        ] {
            match answer.as_deref() {
                None => {}
                Some("-") => {
                    table.remove(key);
                }
                Some(v) => table[key] = value(v),
            }
        }
        if let Some(t) = options.timeout {
            table["timeout"] = value(t.as_secs_f64());
        }
        if let Some(r) = options.retries {
            table["retries"] = value(i64::from(r));
        }
    }
}

/// Asks every question, showing the profile's current values.
fn ask_all(
    answers: &mut dyn Answers,
    current_profile: Option<&Item>,
    options: &Options,
) -> Result<Answered, Error> {
    let current = |key: &str| -> Option<String> {
        current_profile
            .and_then(|t| t.get(key))
            .and_then(Item::as_str)
            .map(str::to_string)
    };
    let shown = |v: &Option<String>| v.as_deref().map_or(String::new(), |v| format!(" [{v}]"));
    if options.role.source_profile.is_some() {
        return ask_settings(answers, &current, options, None);
    }
    let old_id = current("access_key_id");
    let id = ask(
        answers,
        &format!("Access key id{}: ", shown(&old_id)),
        false,
    )?
    .or(old_id)
    .ok_or_else(|| Error::Usage("an access key id is required".into()))?;
    let has_secret = current("access_key_secret").is_some();
    let secret_prompt = if has_secret {
        "Access key secret [keep the current one]: "
    } else {
        "Access key secret: "
    };
    let secret = ask(answers, secret_prompt, true)?;
    if secret.is_none() && !has_secret {
        return Err(Error::Usage("an access key secret is required".into()));
    }
    let token = ask(
        answers,
        "STS security token (optional; Enter to keep, - to remove): ",
        true,
    )?;
    let keys = Answered {
        id: Some(id),
        secret,
        token,
        region: None,
        endpoint: None,
    };
    ask_settings(answers, &current, options, Some(keys))
}

/// Asks for the region and the endpoint, after the keys if any.
fn ask_settings(
    answers: &mut dyn Answers,
    current: &dyn Fn(&str) -> Option<String>,
    options: &Options,
    keys: Option<Answered>,
) -> Result<Answered, Error> {
    let shown = |v: &Option<String>| v.as_deref().map_or(String::new(), |v| format!(" [{v}]"));
    let region_prompt = format!(
        "Region id, such as cn-hangzhou{}: ",
        shown(&current("region"))
    );
    let region = ask(answers, &region_prompt, false)?;
    if let Some(r) = region.as_deref().filter(|r| *r != "-") {
        endpoint::validate_region(r).map_err(Error::Usage)?;
    }
    let endpoint = match &options.endpoint {
        Some(e) => Some(e.to_string()),
        None => ask_endpoint(answers, current("endpoint"))?,
    };
    let keys = keys.unwrap_or(Answered {
        id: None,
        secret: None,
        token: None,
        region: None,
        endpoint: None,
    });
    Ok(Answered {
        region,
        endpoint,
        ..keys
    })
}

/// Asks for the endpoint; `None` keeps the current one.
fn ask_endpoint(answers: &mut dyn Answers, old: Option<String>) -> Result<Option<String>, Error> {
    let endpoint = ask(
        answers,
        &format!(
            "Endpoint (optional; Enter for the region's{}): ",
            old.as_deref()
                .map_or(String::new(), |v| format!(", current {v}"))
        ),
        false,
    )?;
    if let Some(e) = endpoint.as_deref().filter(|e| *e != "-") {
        Endpoint::parse(e).map_err(Error::Usage)?;
    }
    Ok(endpoint)
}

/// The profile as TOML with the AccessKeySecret redacted and the
/// SecurityToken shortened, for a dry run.
fn masked(name: &str, table: &Table) -> String {
    let mut shown = table.clone();
    if shown.contains_key("access_key_secret") {
        shown["access_key_secret"] = value("(redacted)");
    }
    if let Some(token) = shown.get("security_token").and_then(Item::as_str) {
        let preview = crate::secret::Secret::new(token).preview();
        shown["security_token"] = value(preview);
    }
    let mut doc = DocumentMut::new();
    doc.insert(name, Item::Table(shown));
    doc.to_string()
}

/// One answer, trimmed; empty means "keep" (`None`), and so does the end
/// of input (Ctrl-D).
fn ask(answers: &mut dyn Answers, prompt: &str, secret: bool) -> Result<Option<String>, Error> {
    let line = match answers.ask(prompt, secret) {
        Ok(line) => line,
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => None,
        Err(e) if e.kind() == io::ErrorKind::Interrupted => return Err(interrupted()),
        Err(e) => {
            return Err(Error::Usage(format!(
                "cannot read the answer from stdin: {}",
                crate::error::io_reason(&e)
            )));
        }
    };
    Ok(line.map(|l| l.trim().to_string()).filter(|l| !l.is_empty()))
}

/// Ctrl-C at the secret prompt: the prompt gave the terminal back and
/// raised SIGINT, whose handler is ending the process with exit 130; give
/// it the moment it needs rather than report the same thing twice.
fn interrupted() -> Error {
    std::thread::park_timeout(std::time::Duration::from_secs(2));
    Error::Interrupted(crate::error::Signal::Int)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Scripted(Vec<&'static str>);

    impl Answers for Scripted {
        fn ask(&mut self, _prompt: &str, _secret: bool) -> io::Result<Option<String>> {
            Ok(if self.0.is_empty() {
                None
            } else {
                Some(self.0.remove(0).to_string())
            })
        }
    }

    fn target(dir: &Path, profile: &str) -> Target {
        Target {
            path: dir.join("sub").join("config.toml"),
            profile: profile.into(),
        }
    }

    #[test]
    fn writes_a_new_file_with_mode_0600() {
        let dir = tempfile::tempdir().unwrap();
        let t = target(dir.path(), "default");
        let said = configure(
            &t,
            &Options::default(),
            &mut Scripted(vec!["LTAIid", "sec", "", "cn-hangzhou", ""]),
        )
        .unwrap();
        assert!(said.contains("wrote profile 'default'"));
        let text = std::fs::read_to_string(&t.path).unwrap();
        assert_eq!(
            text,
            "[default]\naccess_key_id = \"LTAIid\"\naccess_key_secret = \"sec\"\nregion = \"cn-hangzhou\"\n"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&t.path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
    }

    #[test]
    fn keeps_other_profiles_comments_and_unchanged_values() {
        let dir = tempfile::tempdir().unwrap();
        let t = target(dir.path(), "prod");
        std::fs::create_dir_all(t.path.parent().unwrap()).unwrap();
        std::fs::write(
            &t.path,
            "# my profiles\n[default]\naccess_key_id = \"a\" # the old one\naccess_key_secret = \"b\"\n\n[prod]\naccess_key_id = \"p\"\naccess_key_secret = \"q\"\nsecurity_token = \"t\"\nregion = \"cn-beijing\"\n",
        )
        .unwrap();
        // Keep the id and secret, remove the token, keep the region, set an endpoint.
        configure(
            &t,
            &Options::default(),
            &mut Scripted(vec!["", "", "-", "", "dts.example.com"]),
        )
        .unwrap();
        let text = std::fs::read_to_string(&t.path).unwrap();
        assert_eq!(
            text,
            "# my profiles\n[default]\naccess_key_id = \"a\" # the old one\naccess_key_secret = \"b\"\n\n[prod]\naccess_key_id = \"p\"\naccess_key_secret = \"q\"\nregion = \"cn-beijing\"\nendpoint = \"dts.example.com\"\n"
        );
    }

    #[test]
    fn bad_answers_are_usage_errors_and_write_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let t = target(dir.path(), "default");
        for answers in [
            vec![],
            vec!["id"],
            vec!["id", "s", "", "Bad Region"],
            vec!["id", "s", "", "cn-hangzhou", "ftp://x"],
        ] {
            let e = configure(&t, &Options::default(), &mut Scripted(answers.clone())).unwrap_err();
            assert_eq!(e.exit_code(), 2, "{answers:?}: {e}");
            assert!(!t.path.exists());
        }
    }

    #[test]
    fn a_dry_run_shows_the_profile_masked_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let t = target(dir.path(), "prod");
        let options = Options {
            dry_run: true,
            endpoint: Some(Endpoint::parse("dts.example.com").unwrap()),
            timeout: Some(std::time::Duration::from_secs(30)),
            retries: Some(1),
            role: RoleArgs::default(),
        };
        let said = configure(
            &t,
            &options,
            &mut Scripted(vec![
                "LTAIid",
                "sentinel-secret",
                "CAIStoken-sentinel",
                "cn-hangzhou",
            ]),
        )
        .unwrap();
        assert_eq!(
            said,
            format!(
                "dry run: would write profile 'prod' to {} (mode 0600); nothing was written\n\n\
                 [prod]\naccess_key_id = \"LTAIid\"\naccess_key_secret = \"(redacted)\"\n\
                 security_token = \"CAIS***\"\nregion = \"cn-hangzhou\"\n\
                 endpoint = \"https://dts.example.com/\"\ntimeout = 30.0\nretries = 1",
                t.path.display()
            )
        );
        assert!(!t.path.exists());
    }

    /// Records the prompts, answering from a script.
    struct Recorded(Vec<&'static str>, Vec<String>);

    impl Answers for Recorded {
        fn ask(&mut self, prompt: &str, _secret: bool) -> io::Result<Option<String>> {
            self.1.push(prompt.to_string());
            Ok(Some(self.0.remove(0).to_string()))
        }
    }

    #[test]
    fn the_readme_shows_the_questions_dts_asks() {
        let readme = include_str!("../../README.md");
        let block = readme
            .split("<!-- sample: configure-questions -->\n")
            .nth(1)
            .expect("the configure-questions sample");
        let shown: Vec<&str> = block
            .lines()
            .map_while(|l| l.strip_prefix("    "))
            .map(str::trim_end)
            .collect();
        let dir = tempfile::tempdir().unwrap();
        let mut answers = Recorded(vec!["id", "s", "", "", ""], vec![]);
        configure(
            &target(dir.path(), "default"),
            &Options::default(),
            &mut answers,
        )
        .unwrap();
        let asked: Vec<&str> = answers.1.iter().map(|p| p.trim_end()).collect();
        assert_eq!(shown, asked);
    }

    #[test]
    fn refuses_to_overwrite_a_malformed_file() {
        let dir = tempfile::tempdir().unwrap();
        let t = target(dir.path(), "default");
        std::fs::create_dir_all(t.path.parent().unwrap()).unwrap();
        std::fs::write(&t.path, "[default\n").unwrap();
        let e = configure(
            &t,
            &Options::default(),
            &mut Scripted(vec!["id", "s", "", "", ""]),
        )
        .unwrap_err();
        assert_eq!(e.exit_code(), 3);
        assert_eq!(std::fs::read_to_string(&t.path).unwrap(), "[default\n");
    }
}
