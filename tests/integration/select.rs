//! `dts list` and `suspend --all` / `resume --all` against a fake fleet
//! that answers DescribeDtsJobs in pages, applies its filters, and changes
//! a job's status when it is paused or resumed.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::fleet::KeepAlive;
use crate::support::*;

/// One job of the fake fleet.
#[derive(Clone)]
struct FakeJob {
    id: String,
    kind: &'static str,
    status: String,
    name: String,
}

/// 120 jobs: a third each SYNC, MIGRATION and SUBSCRIBE; the even ones
/// running, the odd ones paused; "orders" in the first 60 names.
fn fleet() -> Arc<Mutex<Vec<FakeJob>>> {
    let jobs = (0..120)
        .map(|i| {
            let kind = ["SYNC", "MIGRATION", "SUBSCRIBE"][i % 3];
            let running = if kind == "MIGRATION" {
                "Migrating"
            } else {
                "Synchronizing"
            };
            FakeJob {
                id: format!("job{i:03}"),
                kind,
                status: if i % 2 == 0 {
                    running.into()
                } else {
                    "Suspending".into()
                },
                name: if i < 60 {
                    format!("orders-{i}")
                } else {
                    format!("billing-{i}")
                },
            }
        })
        .collect();
    Arc::new(Mutex::new(jobs))
}

fn query_of(line: &str) -> BTreeMap<String, String> {
    let target = line.split(' ').nth(1).unwrap_or("");
    parse_query(target.split_once('?').map_or("", |(_, q)| q)).unwrap()
}

/// The fake: DescribeDtsJobs pages with filters, SuspendDtsJob and
/// StartDtsJob checked against the job's own instance.
fn serve(jobs: Arc<Mutex<Vec<FakeJob>>>) -> KeepAlive {
    serve_throttling(jobs, 0)
}

/// The same, answering the first `throttled` calls with `Throttling.User`.
fn serve_throttling(jobs: Arc<Mutex<Vec<FakeJob>>>, throttled: usize) -> KeepAlive {
    let left = Arc::new(Mutex::new(throttled));
    KeepAlive::serve(
        Duration::ZERO,
        Arc::new(move |line: &str| {
            let mut left = left.lock().unwrap();
            if *left > 0 {
                *left -= 1;
                return (
                    400,
                    r#"{"Code":"Throttling.User","Message":"slow down"}"#.into(),
                );
            }
            let q = query_of(line);
            let mut all = jobs.lock().unwrap();
            match q.get("Action").map(String::as_str) {
                Some("DescribeDtsJobs") => (200, page(&all, &q)),
                Some(action @ ("SuspendDtsJob" | "StartDtsJob")) => {
                    let id = &q["DtsJobId"];
                    let Some(job) = all.iter_mut().find(|j| &j.id == id) else {
                        return (
                            404,
                            r#"{"Success":false,"ErrCode":"Forbidden.InstanceNotFound"}"#.into(),
                        );
                    };
                    if q.get("DtsInstanceId") != Some(&format!("dts-{id}")) {
                        return (
                            400,
                            r#"{"Success":false,"ErrCode":"InvalidParameter"}"#.into(),
                        );
                    }
                    job.status = if action == "SuspendDtsJob" {
                        "Suspending".into()
                    } else {
                        "Synchronizing".into()
                    };
                    (200, format!(r#"{{"RequestId":"R-{id}","Success":true}}"#))
                }
                _ => (400, r#"{"Code":"InvalidAction"}"#.into()),
            }
        }),
    )
}

fn page(all: &[FakeJob], q: &BTreeMap<String, String>) -> String {
    let size: usize = q["PageSize"].parse().unwrap();
    let number: usize = q["PageNumber"].parse().unwrap();
    let selected: Vec<&FakeJob> = all
        .iter()
        .filter(|j| q.get("JobType").is_none_or(|t| t == j.kind))
        .filter(|j| {
            q.get("Status")
                .is_none_or(|s| s.eq_ignore_ascii_case(&j.status))
        })
        .filter(|j| q.get("Params").is_none_or(|p| j.name.contains(p.as_str())))
        .collect();
    let list: Vec<String> = selected
        .iter()
        .skip((number - 1) * size)
        .take(size)
        .map(|j| {
            format!(
                r#"{{"DtsJobId":"{}","DtsJobName":"{}","JobType":"{}","Status":"{}","DtsInstanceID":"dts-{}","Delay":0,"SourceEndpoint":{{"EngineName":"MySQL","InstanceID":"rm-src"}},"DestinationEndpoint":{{"EngineName":"MySQL","InstanceID":"rm-dst"}}}}"#,
                j.id, j.name, j.kind, j.status, j.id
            )
        })
        .collect();
    format!(
        r#"{{"RequestId":"L","Success":true,"TotalRecordCount":{},"PageNumber":{number},"PageRecordCount":{},"DtsJobList":[{}]}}"#,
        selected.len(),
        list.len(),
        list.join(",")
    )
}

/// The actions the server saw, in order.
fn actions(server: &KeepAlive) -> Vec<BTreeMap<String, String>> {
    server
        .requests
        .lock()
        .unwrap()
        .iter()
        .map(|(_, line)| query_of(line))
        .collect()
}

fn count(server: &KeepAlive, action: &str) -> usize {
    actions(server)
        .iter()
        .filter(|q| q["Action"] == action)
        .count()
}

#[test]
fn list_asks_for_every_type_page_by_page_as_json_lines() {
    let server = serve(fleet());
    let home = Home::new();
    let r = run(home.dts_with_keys().args([
        "-o",
        "json",
        "--rate",
        "0",
        "list",
        "-r",
        "cn-hangzhou",
        "--endpoint",
        &server.url,
    ]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 120);
    // MIGRATION is listed first.
    assert!(
        lines[0].starts_with(r#"{"DtsJobId":"job001""#),
        "{}",
        lines[0]
    );
    let asked: Vec<(String, String)> = actions(&server)
        .into_iter()
        .map(|q| (q["JobType"].clone(), q["PageNumber"].clone()))
        .collect();
    let pairs = |t: &str, n: &str| (t.to_string(), n.to_string());
    assert_eq!(
        asked,
        [
            pairs("MIGRATION", "1"),
            pairs("SYNC", "1"),
            pairs("SUBSCRIBE", "1")
        ]
    );
    let q = &actions(&server)[0];
    assert_eq!(q["Region"], "cn-hangzhou");
    assert_eq!(q["RegionId"], "cn-hangzhou");
    assert_eq!(q["WithoutDbList"], "true");
    assert_eq!(q["PageSize"], "50");
}

#[test]
fn list_filters_and_shows_a_table() {
    let server = serve(fleet());
    let home = Home::new();
    let r = run(home.dts_with_keys().args([
        "--rate",
        "0",
        "list",
        "--type",
        "sync",
        "--status",
        "suspending",
        "--name",
        "orders",
        "--endpoint",
        &server.url,
    ]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "JOB ID  NAME       TYPE  STATUS      DELAY  INSTANCE    SOURCE → DESTINATION"
    );
    // SYNC is every third job; odd ones paused; the first 60 named orders.
    assert_eq!(lines.len(), 1 + 10, "{}", r.stdout);
    assert!(
        lines[1].starts_with(
            "job003  orders-3   SYNC  Suspending  0 ms   dts-job003  MySQL rm-src → MySQL rm-dst"
        ),
        "{}",
        lines[1]
    );
    let q = &actions(&server)[0];
    assert_eq!(q["Type"], "name");
    assert_eq!(q["Params"], "orders");
    assert_eq!(q["Status"], "suspending");
    // Several statuses are filtered by dts, and --limit stops early.
    let r = run(home.dts_with_keys().args([
        "-o",
        "json",
        "--rate",
        "0",
        "list",
        "--status",
        "migrating",
        "--status",
        "SUSPENDING",
        "--limit",
        "7",
        "--endpoint",
        &server.url,
    ]));
    assert_eq!(r.stdout.lines().count(), 7, "{}", r.stdout);
}

#[test]
fn suspend_all_without_a_terminal_needs_yes_and_sends_nothing() {
    let server = serve(fleet());
    let home = Home::new();
    let r = run(home.dts_with_keys().args([
        "--rate",
        "0",
        "suspend",
        "--all",
        "--endpoint",
        &server.url,
    ]));
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("add --yes (nothing was sent)"),
        "{}",
        r.stderr
    );
    assert_eq!(count(&server, "SuspendDtsJob"), 0);
}

#[test]
fn suspend_all_pauses_the_running_jobs_but_never_change_tracking() {
    let jobs = fleet();
    let server = serve(Arc::clone(&jobs));
    let home = Home::new();
    let r = run(home.dts_with_keys().args([
        "-o",
        "json",
        "--rate",
        "0",
        "suspend",
        "--all",
        "--yes",
        "--endpoint",
        &server.url,
    ]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Running MIGRATION and SYNC jobs: the even ones of two thirds.
    let paused: Vec<String> = actions(&server)
        .into_iter()
        .filter(|q| q["Action"] == "SuspendDtsJob")
        .map(|q| q["DtsJobId"].clone())
        .collect();
    assert_eq!(paused.len(), 40, "{paused:?}");
    assert!(
        jobs.lock()
            .unwrap()
            .iter()
            .all(|j| j.kind == "SUBSCRIBE" || j.status == "Suspending")
    );
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 40);
    assert!(
        lines
            .iter()
            .all(|l| l.contains(r#""Success":true"#) && l.contains("DtsJobId"))
    );
    // In list order: MIGRATION first, then SYNC.
    assert!(lines[0].contains(r#""DtsJobId":"job004""#), "{}", lines[0]);
}

#[test]
fn resume_all_selects_the_paused_jobs_and_a_dry_run_sends_no_action() {
    let server = serve(fleet());
    let home = Home::new();
    let r = run(home.dts_with_keys().args([
        "--rate",
        "0",
        "--dry-run",
        "resume",
        "--all",
        "--type",
        "sync",
        "--endpoint",
        &server.url,
    ]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(count(&server, "StartDtsJob"), 0);
    assert!(
        r.stderr.contains("dry run: 20 jobs selected"),
        "{}",
        r.stderr
    );
    assert!(r.stdout.contains("StartDtsJob"), "{}", r.stdout);
    let r = run(home.dts_with_keys().args([
        "--rate",
        "0",
        "resume",
        "--all",
        "--yes",
        "--type",
        "sync",
        "--endpoint",
        &server.url,
    ]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(count(&server, "StartDtsJob"), 20);
    assert_eq!(
        r.stdout.lines().count(),
        21,
        "a header and a row a job: {}",
        r.stdout
    );
}

#[test]
fn an_empty_selection_is_a_note_and_exit_0() {
    let server = serve(fleet());
    let home = Home::new();
    let r = run(home.dts_with_keys().args([
        "--rate",
        "0",
        "suspend",
        "--all",
        "--name",
        "nothing-like-this",
        "--endpoint",
        &server.url,
    ]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "");
    assert_eq!(r.stderr, "dts: note: no jobs match; nothing was sent\n");
}

#[test]
fn wait_after_all_polls_with_listings_not_one_call_a_job() {
    let server = serve(fleet());
    let home = Home::new();
    let r = run(home.dts_with_keys().args([
        "--rate",
        "0",
        "suspend",
        "--all",
        "--yes",
        "--type",
        "sync",
        "--wait",
        "--poll-interval",
        "0.1",
        "--endpoint",
        &server.url,
    ]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(count(&server, "SuspendDtsJob"), 20);
    assert_eq!(count(&server, "DescribeDtsJobDetail"), 0);
    // One listing to select, one poll (a page each): the jobs are paused.
    assert_eq!(count(&server, "DescribeDtsJobs"), 2);
    let rows: Vec<&str> = r.stdout.lines().skip(1).collect();
    assert_eq!(rows.len(), 20);
    assert!(
        rows.iter()
            .all(|row| row.contains("SuspendDtsJob  Suspending")),
        "{}",
        r.stdout
    );
}

#[test]
fn several_regions_are_listed_and_acted_on_with_the_region_in_each_line() {
    let server = serve(fleet());
    let home = Home::new();
    let r = run(home.dts_with_keys().args([
        "-o",
        "json",
        "--rate",
        "0",
        "suspend",
        "--all",
        "--yes",
        "--type",
        "sync",
        "--limit",
        "2",
        "-r",
        "cn-hangzhou",
        "-r",
        "cn-shanghai",
        "--endpoint",
        &server.url,
    ]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 4, "two a region: {}", r.stdout);
    assert!(
        lines[0].contains(r#""Region":"cn-hangzhou""#),
        "{}",
        lines[0]
    );
    assert!(
        lines[3].contains(r#""Region":"cn-shanghai""#),
        "{}",
        lines[3]
    );
    let mut regions: Vec<String> = actions(&server)
        .into_iter()
        .filter(|q| q["Action"] == "SuspendDtsJob")
        .map(|q| q["RegionId"].clone())
        .collect();
    regions.sort();
    assert_eq!(
        regions,
        ["cn-hangzhou", "cn-hangzhou", "cn-shanghai", "cn-shanghai"]
    );
}

#[test]
fn a_listing_without_its_list_is_exit_9() {
    let server = KeepAlive::start(Duration::ZERO, |_| (200, r#"{"Success":true}"#.into()));
    let home = Home::new();
    let r = run(home
        .dts_with_keys()
        .args(["--rate", "0", "list", "--endpoint", &server.url]));
    assert_eq!(r.code, 9, "{}", r.stderr);
    assert!(r.stderr.contains("has no DtsJobList array"), "{}", r.stderr);
}

#[test]
fn the_confirmation_on_a_terminal_sends_nothing_unless_yes() {
    let server = serve(fleet());
    let home = Home::new();
    for (answer, code, sent) in [("n", "rc=2", 0), ("yes", "rc=0", 20)] {
        let mut pty = Pty::start(
            &home,
            &format!(
                "--rate 0 suspend --all --type sync --endpoint {}",
                server.url
            ),
        );
        let screen = pty.wait_for("Pause 20 jobs? [y/N] ");
        assert!(
            screen.contains("dts: note: 20 jobs selected:"),
            "{screen:?}"
        );
        assert!(
            screen.contains("job000  orders-0  Synchronizing"),
            "{screen:?}"
        );
        assert_eq!(
            count(&server, "SuspendDtsJob"),
            0,
            "nothing before the answer"
        );
        pty.send(&format!("{answer}\n"));
        let screen = pty.finish();
        assert!(screen.contains(code), "{answer}: {screen:?}");
        assert_eq!(
            count(&server, "SuspendDtsJob"),
            sent,
            "{answer}: {screen:?}"
        );
    }
}

#[test]
fn throttling_during_a_listing_is_retried() {
    let server = serve_throttling(fleet(), 1);
    let home = Home::new();
    let r = run(home.dts_with_keys().args([
        "-o",
        "json",
        "--rate",
        "0",
        "list",
        "--type",
        "sync",
        "--endpoint",
        &server.url,
    ]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.lines().count(), 40);
    assert!(r.stderr.contains("failed: Throttling.User"), "{}", r.stderr);
    assert_eq!(count(&server, "DescribeDtsJobs"), 2);
}
