//! `dts::run` called in this process with a world of the test's own: a
//! fixed clock and nonce, an explicit environment, profile paths in a
//! temporary folder, and stdin as text.

use std::io::{BufRead, Cursor};
use std::time::{Duration, SystemTime};

use dts::ambient::Ambient;
use dts::commands::configure::Answers;
use dts::config::{Env, Paths};
use dts::error::Error;
use dts::{Input, Terminals, World};

use crate::support::*;

/// 2024-05-06T07:08:09Z and the nonce `fixed-nonce-0001`, always.
struct Fixed;

impl Ambient for Fixed {
    fn timestamp(&self) -> String {
        "2024-05-06T07:08:09Z".into()
    }
    fn nonce(&self) -> Result<String, Error> {
        Ok("fixed-nonce-0001".into())
    }
    fn jitter(&self) -> f64 {
        0.0
    }
    fn now(&self) -> SystemTime {
        SystemTime::UNIX_EPOCH
    }
    fn sleep(&self, _: Duration) {}
    fn monotonic(&self) -> Duration {
        Duration::ZERO
    }
}

/// Stdin as text: lines for `-j -`, answers for configure.
struct Text(Cursor<Vec<u8>>);

impl Input for Text {
    fn lines(&mut self) -> &mut dyn BufRead {
        &mut self.0
    }
    fn answers(&mut self) -> &mut dyn Answers {
        self
    }
}

impl Answers for Text {
    fn ask(&mut self, _prompt: &str, _secret: bool) -> std::io::Result<Option<String>> {
        let mut line = String::new();
        Ok((self.0.read_line(&mut line)? > 0).then(|| line.trim_end().to_string()))
    }
}

/// Runs dts in this process; returns the exit code, stdout and stderr.
fn dts(args: &[&str], env: &[(&str, &str)], stdin: &str, home: &Home) -> (u8, String, String) {
    let mut input = Text(Cursor::new(stdin.as_bytes().to_vec()));
    let mut world = World {
        env: Ok(Env::from_pairs(env.iter().copied())),
        paths: Paths {
            dts: Some(home.config_path()),
            aliyun: Some(home.dir.path().join(".aliyun").join("config.json")),
            alibabacloud: Some(home.dir.path().join(".alibabacloud")),
            dmi: None,
            cache: Some(home.dir.path().join("cache")),
        },
        ambient: &Fixed,
        terminals: Terminals::default(),
        input: &mut input,
    };
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let argv = std::iter::once("dts").chain(args.iter().copied());
    let code = dts::run(argv, &mut world, &mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

const KEYS: &[(&str, &str)] = &[
    ("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID),
    ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET),
    ("DTS_ENDPOINT", "http://127.0.0.1:9"),
];

#[test]
fn a_dry_run_with_a_fixed_clock_signs_the_same_request_every_time() {
    let home = Home::new();
    let (code, out, err) = dts(
        &["-o", "json", "--dry-run", "suspend", "-j", "-"],
        KEYS,
        "l3m1213ye7lb2c9\n",
        &home,
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(err, "");
    let object = one_json_object(&out);
    let params: std::collections::BTreeMap<String, String> = object["Params"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
        .collect();
    assert_eq!(params["Timestamp"], "2024-05-06T07:08:09Z");
    assert_eq!(params["SignatureNonce"], "fixed-nonce-0001");
    assert_eq!(params["DtsJobId"], "l3m1213ye7lb2c9", "read from the input");
    let mut unsigned = params.clone();
    let signature = unsigned.remove("Signature").unwrap();
    assert_eq!(signature, expected_signature("POST", &unsigned, SECRET));
    let (_, again, _) = dts(
        &[
            "-o",
            "json",
            "--dry-run",
            "suspend",
            "-j",
            "l3m1213ye7lb2c9",
        ],
        KEYS,
        "",
        &home,
    );
    assert_eq!(
        one_json_object(&again)["Params"]["Signature"],
        signature.as_str()
    );
}

#[test]
fn configure_reads_its_answers_from_the_world_and_writes_the_world_path() {
    let home = Home::new();
    let (code, out, err) = dts(
        &["configure"],
        &[],
        "LTAIid\nsecret\n\ncn-hangzhou\n\n",
        &home,
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        format!(
            "wrote profile 'default' to {} (mode 0600)\n",
            home.config_path().display()
        )
    );
    let text = std::fs::read_to_string(home.config_path()).unwrap();
    assert!(text.contains("region = \"cn-hangzhou\""), "{text}");
}

#[test]
fn usage_errors_and_help_are_written_to_the_given_streams() {
    let home = Home::new();
    let (code, out, err) = dts(&["suspend", "l3m"], &[], "", &home);
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert!(
        err.contains("tip: to name a job, use '--job-id l3m'"),
        "{err}"
    );
    let (code, out, err) = dts(&["--version"], &[], "", &home);
    assert_eq!(code, 0);
    assert_eq!(out, format!("dts {}\n", env!("CARGO_PKG_VERSION")));
    assert_eq!(err, "");
}

#[test]
fn an_environment_that_is_not_utf8_is_reported_through_the_sink() {
    let mut input = Text(Cursor::new(Vec::new()));
    let mut world = World {
        env: Err(Error::config("DTS_OUTPUT is not valid UTF-8")),
        paths: Paths::default(),
        ambient: &Fixed,
        terminals: Terminals::default(),
        input: &mut input,
    };
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = dts::run(
        ["dts", "status", "-j", "j1"],
        &mut world,
        &mut out,
        &mut err,
    );
    assert_eq!(code, 3);
    assert_eq!(
        String::from_utf8(err).unwrap(),
        "dts: error: DTS_OUTPUT is not valid UTF-8\n"
    );
}

#[test]
fn an_ecs_instance_is_known_from_its_dmi_data_without_a_network_probe() {
    let home = Home::new();
    let dmi = home.dir.path().join("dmi");
    std::fs::create_dir_all(&dmi).unwrap();
    let run_with = |vendor: &str| {
        std::fs::write(dmi.join("sys_vendor"), vendor).unwrap();
        let mut input = Text(Cursor::new(Vec::new()));
        let nowhere = format!("http://127.0.0.1:{}", closed_port());
        let mut world = World {
            env: Ok(Env::from_pairs([
                ("DTS_ECS_METADATA_ENDPOINT", nowhere.as_str()),
                ("DTS_ENDPOINT", "http://127.0.0.1:9"),
            ])),
            paths: Paths {
                dts: Some(home.config_path()),
                dmi: Some(dmi.clone()),
                ..Paths::default()
            },
            ambient: &Fixed,
            terminals: Terminals::default(),
            input: &mut input,
        };
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = dts::run(
            ["dts", "-v", "--retries", "0", "status", "-j", "j1"],
            &mut world,
            &mut out,
            &mut err,
        );
        (code, String::from_utf8(err).unwrap())
    };
    let (code, err) = run_with("Alibaba Cloud\n");
    assert_eq!(code, 8, "the metadata service is not there: {err}");
    assert!(
        err.contains(
            "credentials from the ECS instance's RAM role (this machine is an ECS instance)"
        ),
        "{err}"
    );
    let (code, err) = run_with("QEMU\n");
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("this is not an ECS instance"), "{err}");
}
