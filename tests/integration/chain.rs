//! The credential chain of CREDENTIALS.md, level by level: with every
//! level present, each run removes the level that answered and checks that
//! the next one answers (the `--verbose` line names it).

use crate::support::*;

/// Every level's settings at once.
struct Levels {
    home: Home,
}

impl Levels {
    fn new() -> Self {
        let home = Home::new();
        home.write_config("[default]\naccess_key_id = \"toml-id\"\naccess_key_secret = \"toml-secret\"\n\n[named]\naccess_key_id = \"named-id\"\naccess_key_secret = \"named-secret\"\n");
        let aliyun = home.dir.path().join(".aliyun");
        std::fs::create_dir_all(&aliyun).unwrap();
        std::fs::write(
            aliyun.join("config.json"),
            r#"{"current":"default","profiles":[{"name":"default","mode":"AK","access_key_id":"aliyun-id","access_key_secret":"aliyun-secret"}]}"#,
        )
        .unwrap();
        let ini = home.dir.path().join(".alibabacloud");
        std::fs::create_dir_all(&ini).unwrap();
        std::fs::write(
            ini.join("credentials"),
            "[default]\ntype = access_key\naccess_key_id = ini-id\naccess_key_secret = ini-secret\n",
        )
        .unwrap();
        Levels { home }
    }

    /// The `credentials from ...` line of a run with these variables.
    fn answer(&self, args: &[&str], env: &[(&str, &str)]) -> String {
        let r = run(self
            .home
            .dts()
            .env_remove("ALIBABA_CLOUD_ECS_METADATA_DISABLED")
            .envs(env.iter().copied())
            .args(["-v", "--dry-run", "--retries", "0"])
            .args(args)
            .args(["suspend", "-j", "j1", "--endpoint", "http://127.0.0.1:9"]));
        r.stderr
            .lines()
            .find_map(|l| l.strip_prefix("dts: verbose: credentials from "))
            .unwrap_or_else(|| panic!("no credentials line: {}", r.stderr))
            .to_string()
    }

    fn remove(&self, path: &str) {
        std::fs::remove_file(self.home.dir.path().join(path)).unwrap();
    }
}

#[test]
fn the_chain_answers_level_by_level() {
    let levels = Levels::new();
    let keys = [
        ("ALIBABA_CLOUD_ACCESS_KEY_ID", "env-id"),
        ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret"),
    ];
    let oidc = [
        ("ALIBABA_CLOUD_ROLE_ARN", "acs:ram::1:role/pod"),
        (
            "ALIBABA_CLOUD_OIDC_PROVIDER_ARN",
            "acs:ram::1:oidc-provider/p",
        ),
        ("ALIBABA_CLOUD_OIDC_TOKEN_FILE", "/nonexistent/token"),
    ];
    let rest = [
        ("ALIBABA_CLOUD_ECS_METADATA", "cron-role"),
        ("ALIBABA_CLOUD_CREDENTIALS_URI", "http://127.0.0.1:9/creds"),
    ];
    let all: Vec<(&str, &str)> = keys.iter().chain(&oidc).chain(&rest).copied().collect();
    let with_oidc: Vec<(&str, &str)> = oidc.iter().chain(&rest).copied().collect();
    // 1. --profile alone, whatever else is set.
    assert!(
        levels
            .answer(&["-p", "named"], &all)
            .starts_with("profile 'named' in ")
    );
    // 2. The environment's keys.
    assert!(
        levels
            .answer(&[], &all)
            .starts_with("the environment (ALIBABA_CLOUD_ACCESS_KEY_ID")
    );
    // 3. The environment's OIDC trio.
    assert!(
        levels
            .answer(&[], &with_oidc)
            .starts_with("role acs:ram::1:role/pod at ")
    );
    // 4. dts's own profile file.
    assert!(
        levels
            .answer(&[], &rest)
            .starts_with("profile 'default' in ")
    );
    assert!(
        levels
            .answer(&[], &rest)
            .contains(".config/dts/config.toml")
    );
    // 5. The aliyun CLI's file.
    levels.remove(".config/dts/config.toml");
    assert!(
        levels
            .answer(&[], &rest)
            .starts_with("aliyun CLI profile 'default' in ")
    );
    // 6. The credentials INI file (also when the aliyun CLI's file is off).
    let off = [
        ("ALIBABA_CLOUD_CLI_PROFILE_DISABLED", "true"),
        rest[0],
        rest[1],
    ];
    assert!(
        levels
            .answer(&[], &off)
            .contains(".alibabacloud/credentials")
    );
    levels.remove(".aliyun/config.json");
    assert!(
        levels
            .answer(&[], &rest)
            .contains(".alibabacloud/credentials")
    );
    // 7. The instance's RAM role.
    levels.remove(".alibabacloud/credentials");
    assert!(
        levels
            .answer(&[], &rest)
            .starts_with("the ECS instance's RAM role 'cron-role'")
    );
    // 8. A credentials URI.
    assert!(
        levels
            .answer(&[], &rest[1..])
            .starts_with("the credentials URI")
    );
}

#[test]
fn an_auth_failure_with_role_keys_names_the_role_and_its_source() {
    let home = Home::new();
    home.write_config("[base]\naccess_key_id = \"LTAIbase\"\naccess_key_secret = \"base-secret\"\n\n[ops]\ntype = \"ram_role_arn\"\nrole_arn = \"acs:ram::1:role/ops\"\nsource_profile = \"base\"\n");
    let expiration = (time::OffsetDateTime::now_utc() + time::Duration::hours(1))
        .replace_nanosecond(0)
        .unwrap()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    let mut sts = Gateway::new();
    let _a = sts.answer_any(
        200,
        &format!(
            r#"{{"Credentials":{{"AccessKeyId":"STS.x","AccessKeySecret":"y","SecurityToken":"zzzz","Expiration":"{expiration}"}}}}"#
        ),
    );
    let mut dts = Gateway::new();
    let _d = dts.answer_any(
        403,
        r#"{"RequestId":"R","Code":"Forbidden.RAM","Message":"not allowed"}"#,
    );
    let r = run(home
        .dts()
        .env("ALIBABA_CLOUD_STS_ENDPOINT", sts.url())
        .args(["-p", "ops", "suspend", "-j", "j1", "--endpoint", &dts.url()]));
    assert_eq!(r.code, 4, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "hint: check the access key from role acs:ram::1:role/ops (assumed with credentials from profile 'base' in "
        ),
        "{}",
        r.stderr
    );
}
