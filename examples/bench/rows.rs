//! The rows of the benchmark: each tool, the command it runs and its own
//! variables, in the order they take turns.

use crate::trust::Trust;
use crate::{Sample, curl, with_endpoint};

pub struct Tool {
    pub name: &'static str,
    pub command: Vec<String>,
    /// Variables this tool runs with besides the shared ones.
    pub env: Vec<(String, String)>,
    pub samples: Vec<Sample>,
}

impl Tool {
    fn new(name: &'static str, command: Vec<String>, env: Vec<(String, String)>) -> Tool {
        Tool {
            name,
            command,
            env,
            samples: vec![],
        }
    }
}

/// What the rows are made from.
pub struct Setup<'a> {
    pub dts: &'a str,
    /// `dts suspend ... --endpoint <http fake>`.
    pub dts_cmd: &'a [String],
    pub curl_url: &'a str,
    /// The Python interpreter, the SDK script and its endpoint.
    pub python: [String; 3],
    pub role_cmd: Vec<String>,
    pub keys_cmd: Vec<String>,
    pub role_env: Vec<(String, String)>,
    pub emulator_state: String,
    pub tls_endpoint: &'a str,
    pub tls_url: &'a str,
    pub trust: &'a Trust,
    /// The private CA's certificate file.
    pub ca: String,
}

fn words(parts: &[&str]) -> Vec<String> {
    parts.iter().map(|s| s.to_string()).collect()
}

/// Every row.
pub fn tools(s: &Setup) -> Vec<Tool> {
    let dts = s.dts;
    vec![
        Tool::new("dts suspend", s.dts_cmd.to_vec(), vec![]),
        Tool::new("curl (pre-signed)", curl(s.curl_url, vec![]), vec![]),
        Tool::new("Python SDK script", s.python.to_vec(), vec![]),
        Tool::new("dts --help", words(&[dts, "--help"]), vec![]),
        Tool::new(
            "dts completions bash",
            words(&[dts, "completions", "bash"]),
            vec![],
        ),
        Tool::new("true (starting any process)", words(&["true"]), vec![]),
        Tool::new(
            "dts suspend through a role (warm cache)",
            s.role_cmd.clone(),
            s.role_env.clone(),
        ),
        Tool::new(
            "dts suspend with a key-pair profile",
            s.keys_cmd.clone(),
            s.role_env.clone(),
        ),
        Tool::new(
            "dts suspend, embedded emulator (`--endpoint emulator`)",
            words(&[
                dts,
                "suspend",
                "-j",
                "dtsjob-test-ok",
                "--endpoint",
                "emulator",
            ]),
            vec![("DTS_EMULATOR_STATE".into(), s.emulator_state.clone())],
        ),
        Tool::new(
            "dts suspend (https)",
            with_endpoint(s.dts_cmd, s.tls_endpoint),
            s.trust.dts_env(),
        ),
        Tool::new(
            "dts suspend (https, only the private CA trusted)",
            with_endpoint(s.dts_cmd, s.tls_endpoint),
            vec![("SSL_CERT_FILE".into(), s.ca.clone())],
        ),
        Tool::new(
            "curl (https, pre-signed)",
            curl(s.tls_url, s.trust.curl_flags()),
            vec![],
        ),
        Tool::new("dts --version", words(&[dts, "--version"]), vec![]),
        Tool::new(
            "dts suspend --dry-run",
            [s.dts_cmd, &["--dry-run".to_string()]].concat(),
            vec![],
        ),
    ]
}
