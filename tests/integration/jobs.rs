//! resume, status, --wait, several jobs and outcomes in doubt, through the
//! real binary against local servers.

use std::time::{Duration, Instant};

use crate::fault_server::{Fault, FaultServer};
use crate::support::*;

fn ok(body: &str) -> Fault {
    Fault::answer(
        200,
        &[("Content-Type", "application/json")],
        body.as_bytes(),
    )
}

fn detail(status: &str) -> String {
    format!(
        r#"{{"RequestId":"RD","Success":true,"HttpStatusCode":200,"DtsJobId":"j1","DtsInstanceID":"dtsj1","DtsJobName":"orders-sync","JobType":"SYNC","Status":"{status}","Delay":2500,"Checkpoint":1714979289,"ErrorMessage":""}}"#
    )
}

/// The Action of each request the server saw, in order.
fn actions(s: &FaultServer) -> Vec<String> {
    s.requests()
        .iter()
        .map(|line| {
            let q = line.split(' ').nth(1).unwrap().split_once('?').unwrap().1;
            parse_query(q).unwrap()["Action"].clone()
        })
        .collect()
}

#[test]
fn resume_calls_start_dts_job_with_the_same_arguments() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let mut expect = Expect::suspend(&[
        ("DtsJobId", "j1"),
        ("DtsInstanceId", "dtsj1"),
        ("SynchronizationDirection", "Forward"),
        ("RegionId", "cn-hangzhou"),
    ]);
    expect.action = "StartDtsJob".into();
    let m = gw.answer(expect, 200, OK_BODY);
    let r = run(home.dts_with_keys().args([
        "resume",
        "-j",
        "j1",
        "-i",
        "dtsj1",
        "-d",
        "FORWARD",
        "-r",
        "cn-hangzhou",
        "--endpoint",
        &gw.url(),
    ]));
    gw.assert_no_refusals();
    m.assert();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let row: Vec<&str> = r
        .stdout
        .lines()
        .nth(1)
        .unwrap()
        .split_whitespace()
        .collect();
    assert_eq!(
        row,
        [
            "j1",
            "StartDtsJob",
            "accepted",
            "01B6F25-21E7-4484-99D5-3EF2625C0001"
        ]
    );
    // Refusals and exit codes are suspend's.
    m.remove();
    let _m = gw.answer_any(
        400,
        r#"{"RequestId":"R","Success":false,"ErrCode":"InvalidJobStatus","ErrMessage":"The job cannot be started in its state."}"#,
    );
    let r = run(home.dts_with_keys().args([
        "-o",
        "json",
        "resume",
        "-j",
        "j1",
        "--endpoint",
        &gw.url(),
    ]));
    assert_eq!(r.code, 5);
    assert_eq!(one_json_object(&r.stdout)["ErrCode"], "InvalidJobStatus");
}

#[test]
fn status_shows_what_an_operator_looks_at_first() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let mut expect = Expect::suspend(&[("DtsJobId", "j1"), ("DtsInstanceID", "dtsj1")])
        .absent(&["DtsInstanceId"]);
    expect.action = "DescribeDtsJobDetail".into();
    let body = detail("synchronizing");
    let m = gw.answer(expect, 200, &body);
    let r = run(home.dts_with_keys().args([
        "status",
        "-j",
        "j1",
        "-i",
        "dtsj1",
        "--endpoint",
        &gw.url(),
    ]));
    gw.assert_no_refusals();
    m.assert();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    let header: Vec<&str> = lines[0]
        .split("  ")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    assert_eq!(
        header,
        [
            "JOB ID",
            "STATUS",
            "NAME",
            "TYPE",
            "DELAY",
            "CHECKPOINT (UTC)",
            "ERROR"
        ]
    );
    let cells: Vec<&str> = lines[1]
        .split("  ")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    assert_eq!(
        cells,
        [
            "j1",
            "synchronizing",
            "orders-sync",
            "SYNC",
            "2.5 s",
            "2024-05-06 07:08:09",
            "-"
        ]
    );
    let r = run(home.dts_with_keys().args([
        "status",
        "-j",
        "j1",
        "-i",
        "dtsj1",
        "--endpoint",
        &gw.url(),
        "-o",
        "json",
    ]));
    assert_eq!(
        r.stdout,
        format!("{body}\n"),
        "json is the body as received"
    );
}

#[test]
fn wait_polls_until_the_job_is_paused() {
    let s = FaultServer::start(vec![
        ok(r#"{"RequestId":"RS","Success":true}"#),
        ok(&detail("Synchronizing")),
        ok(&detail("Synchronizing")),
        ok(&detail("suspending")),
    ]);
    let home = Home::new();
    let r = run(home.dts_with_keys().args([
        "suspend",
        "-j",
        "j1",
        "--wait",
        "--poll-interval",
        "0.05",
        "--endpoint",
        &s.url(),
    ]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        actions(&s),
        [
            "SuspendDtsJob",
            "DescribeDtsJobDetail",
            "DescribeDtsJobDetail",
            "DescribeDtsJobDetail"
        ]
    );
    // One line per status change, not per poll.
    assert_eq!(
        r.stderr,
        "dts: job j1: Synchronizing\ndts: job j1: suspending\n"
    );
    let row: Vec<&str> = r
        .stdout
        .lines()
        .nth(1)
        .unwrap()
        .split_whitespace()
        .collect();
    assert_eq!(row, ["j1", "SuspendDtsJob", "suspending", "RS"]);
}

#[test]
fn wait_after_resume_accepts_any_running_status() {
    let s = FaultServer::start(vec![
        ok(r#"{"RequestId":"RS","Success":true}"#),
        ok(&detail("Suspending")),
        ok(&detail("MIGRATING")),
    ]);
    let home = Home::new();
    let r = run(home.dts_with_keys().args([
        "-o",
        "json",
        "resume",
        "-j",
        "j1",
        "-w",
        "--poll-interval",
        "0.05",
        "--endpoint",
        &s.url(),
    ]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(one_json_object(&r.stdout)["Status"], "MIGRATING");
}

#[test]
fn wait_ends_with_5_when_the_job_fails() {
    let failed =
        r#"{"RequestId":"RD","Success":true,"Status":"Failed","ErrorMessage":"binlog purged"}"#;
    let s = FaultServer::start(vec![ok(r#"{"RequestId":"RS","Success":true}"#), ok(failed)]);
    let home = Home::new();
    let r = run(home.dts_with_keys().args([
        "-o",
        "json",
        "resume",
        "-j",
        "j1",
        "--wait",
        "--poll-interval",
        "0.05",
        "--endpoint",
        &s.url(),
    ]));
    assert_eq!(r.code, 5, "{}", r.stderr);
    let o = one_json_object(&r.stdout);
    assert_eq!(o["ErrCode"], "Cli.JobFailed");
    assert_eq!(o["ErrMessage"], "job j1 is Failed: binlog purged");
    assert!(
        r.stderr
            .ends_with("dts: error: job j1 is Failed: binlog purged\n"),
        "{}",
        r.stderr
    );
}

#[test]
fn wait_ends_with_10_when_time_runs_out() {
    let s = FaultServer::start(vec![
        ok(r#"{"RequestId":"RS","Success":true}"#),
        ok(&detail("Synchronizing")),
    ]);
    let home = Home::new();
    let start = Instant::now();
    let r = run(home.dts_with_keys().args([
        "-o",
        "json",
        "suspend",
        "-j",
        "j1",
        "--wait",
        "--wait-timeout",
        "0.3",
        "--poll-interval",
        "0.1",
        "--endpoint",
        &s.url(),
    ]));
    assert_eq!(r.code, 10, "{}", r.stderr);
    let o = one_json_object(&r.stdout);
    assert_eq!(o["ErrCode"], "Cli.WaitTimeout");
    assert_eq!(
        o["ErrMessage"],
        "job j1 is still Synchronizing after 0.3 s, not Suspending (--wait-timeout)"
    );
    assert!(start.elapsed() < Duration::from_secs(8));
}

#[test]
fn several_jobs_give_rows_in_input_order_and_a_mixed_exit_code() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let _ok = gw
        .server
        .mock("POST", mockito::Matcher::Any)
        .match_query(mockito::Matcher::Regex("DtsJobId=(a|c)&".into()))
        .with_body(OK_BODY)
        .create();
    let _bad = gw
        .server
        .mock("POST", mockito::Matcher::Any)
        .match_query(mockito::Matcher::Regex("DtsJobId=b&".into()))
        .with_status(400)
        .with_body(r#"{"RequestId":"RB","Success":false,"ErrCode":"InvalidParameter","ErrMessage":"The Value of Input Parameter %s is not valid.","DynamicMessage":"DtsJobId"}"#)
        .create();
    let r = run(home.dts_with_keys().args([
        "suspend",
        "-j",
        "a",
        "-j",
        "b",
        "-j",
        "c",
        "--endpoint",
        &gw.url(),
    ]));
    assert_eq!(r.code, 11, "{}", r.stderr);
    let rows: Vec<Vec<&str>> = r
        .stdout
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(rows.len(), 3, "{}", r.stdout);
    assert_eq!(rows[0][..3], ["a", "SuspendDtsJob", "accepted"]);
    assert_eq!(
        rows[1][..4],
        ["b", "SuspendDtsJob", "failed:", "InvalidParameter"]
    );
    assert_eq!(rows[2][..3], ["c", "SuspendDtsJob", "accepted"]);
    assert_eq!(
        r.stderr,
        "dts: error: job b: InvalidParameter: The Value of Input Parameter DtsJobId is not valid. (request id RB)\n"
    );

    let r = run(home.dts_with_keys().args([
        "-o",
        "json",
        "suspend",
        "-j",
        "a",
        "-j",
        "b",
        "-j",
        "c",
        "--endpoint",
        &gw.url(),
    ]));
    assert_eq!(r.code, 11);
    let lines: Vec<serde_json::Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    let ids: Vec<&str> = lines
        .iter()
        .map(|l| l["DtsJobId"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["a", "b", "c"]);
    assert_eq!(lines[0]["Success"], true);
    assert_eq!(lines[1]["ErrCode"], "InvalidParameter");
}

#[test]
fn several_jobs_that_fail_alike_share_their_exit_code() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let _m = gw.answer_any(
        400,
        r#"{"RequestId":"R","Success":false,"ErrCode":"InvalidJobStatus","ErrMessage":"no"}"#,
    );
    let r =
        run(home
            .dts_with_keys()
            .args(["suspend", "-j", "a", "-j", "b", "--endpoint", &gw.url()]));
    assert_eq!(r.code, 5, "{}", r.stderr);
    let _ = gw;
}

#[test]
fn job_ids_from_stdin_mean_several_job_mode_even_for_one() {
    let home = Home::new();
    let mut gw = Gateway::new();
    let m = gw.answer_any(200, OK_BODY).expect(2);
    let r = run(home
        .dts_with_keys()
        .args(["-o", "json", "suspend", "-j", "-", "--endpoint", &gw.url()])
        .write_stdin("# jobs to pause\nj1\n\n   j2  \n"));
    m.assert();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let ids: Vec<String> = r
        .stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["DtsJobId"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids, ["j1", "j2"]);

    let r = run(home
        .dts_with_keys()
        .args(["-o", "json", "suspend", "-j", "-", "--endpoint", &gw.url()])
        .write_stdin("only\n"));
    assert_eq!(r.code, 0);
    assert_eq!(one_json_object(&r.stdout)["DtsJobId"], "only");

    let r = run(home
        .dts_with_keys()
        .args(["-o", "json", "suspend", "-j", "-", "--endpoint", &gw.url()])
        .write_stdin("# nothing\n"));
    assert_eq!(r.code, 2);
    assert_eq!(one_json_object(&r.stdout)["ErrCode"], "Cli.Usage");
}

#[test]
fn a_hundred_jobs_run_in_parallel_within_the_bound() {
    let answer = match Fault::answer(200, &[], OK_BODY.as_bytes()) {
        Fault::Raw(bytes) => bytes,
        _ => unreachable!(),
    };
    // --parallel 1 with 10 jobs shows the bound without 5 s of waiting.
    for (parallel, jobs) in [(1usize, 10), (4, 100), (16, 100)] {
        let ids: String = (0..jobs).map(|i| format!("job{i}\n")).collect();
        let s = FaultServer::start(vec![Fault::Delayed(
            Duration::from_millis(50),
            answer.clone(),
        )]);
        let home = Home::new();
        let start = Instant::now();
        let r = run(home
            .dts_with_keys()
            .args([
                "-q",
                "--rate",
                "0",
                "suspend",
                "-j",
                "-",
                "--parallel",
                &parallel.to_string(),
                "--endpoint",
                &s.url(),
            ])
            .write_stdin(ids.clone()));
        let took = start.elapsed();
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert_eq!(s.connections(), jobs);
        let most = s.max_in_flight();
        assert!(
            most <= parallel,
            "{most} in flight with --parallel {parallel}"
        );
        // Overlap, not the wall clock, shows the parallelism: a busy
        // machine slows every request alike.
        if parallel > 1 {
            assert!(most >= 2, "no overlap with --parallel {parallel}");
        }
        eprintln!("{jobs} jobs, --parallel {parallel}: {took:?}, at most {most} in flight");
    }
}

#[test]
fn a_lost_answer_then_a_state_refusal_is_checked_and_succeeds() {
    // The server applies the first request but drops its answer; the
    // retry is refused because the job is already paused.
    let s = FaultServer::start(vec![
        Fault::ResetBeforeHeaders,
        Fault::answer(
            400,
            &[],
            br#"{"RequestId":"R2","Success":false,"ErrCode":"InvalidJobStatus","ErrMessage":"The job is already paused."}"#,
        ),
        ok(&detail("Suspending")),
    ]);
    let home = Home::new();
    let r = run(home.dts_with_keys().args([
        "-o",
        "json",
        "suspend",
        "-j",
        "j1",
        "--endpoint",
        &s.url(),
    ]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        actions(&s),
        ["SuspendDtsJob", "SuspendDtsJob", "DescribeDtsJobDetail"]
    );
    assert_eq!(r.stdout, format!("{}\n", detail("Suspending")));
    assert_eq!(
        without_retry_notes(&r.stderr),
        "dts: note: an earlier attempt took effect (its answer was lost): job j1 is Suspending\n"
    );
}

#[test]
fn every_attempt_lost_is_checked_too() {
    let s = FaultServer::start(vec![
        Fault::ResetBeforeHeaders,
        Fault::ResetBeforeHeaders,
        ok(&detail("synchronizing")),
    ]);
    let home = Home::new();
    let r = run(home.dts_with_keys().args([
        "--retries",
        "1",
        "resume",
        "-j",
        "j1",
        "--endpoint",
        &s.url(),
    ]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        actions(&s),
        ["StartDtsJob", "StartDtsJob", "DescribeDtsJobDetail"]
    );
    assert!(
        r.stderr.contains("an earlier attempt took effect"),
        "{}",
        r.stderr
    );
    let row: Vec<&str> = r
        .stdout
        .lines()
        .nth(1)
        .unwrap()
        .split_whitespace()
        .collect();
    assert_eq!(row[..3], ["j1", "StartDtsJob", "synchronizing"]);
}

#[test]
fn a_check_that_finds_the_job_unchanged_keeps_the_failure() {
    let s = FaultServer::start(vec![
        Fault::ResetBeforeHeaders,
        Fault::answer(
            400,
            &[],
            br#"{"RequestId":"R2","Success":false,"ErrCode":"InvalidJobStatus","ErrMessage":"The job cannot be paused now."}"#,
        ),
        ok(&detail("Prechecking")),
    ]);
    let home = Home::new();
    let r = run(home.dts_with_keys().args([
        "-o",
        "json",
        "suspend",
        "-j",
        "j1",
        "--endpoint",
        &s.url(),
    ]));
    assert_eq!(r.code, 5, "{}", r.stderr);
    assert_eq!(one_json_object(&r.stdout)["ErrCode"], "InvalidJobStatus");
    assert_eq!(
        without_retry_notes(&r.stderr),
        "dts: error: InvalidJobStatus: The job cannot be paused now. (request id R2)\n\
         dts: hint: an attempt's answer was lost, so the outcome was checked: job j1 is Prechecking, not Suspending\n"
    );
}

#[test]
fn a_refusal_without_a_lost_answer_is_not_checked() {
    let s = FaultServer::start(vec![Fault::answer(
        400,
        &[],
        br#"{"RequestId":"R2","Success":false,"ErrCode":"InvalidJobStatus","ErrMessage":"no"}"#,
    )]);
    let home = Home::new();
    let r = run(home
        .dts_with_keys()
        .args(["suspend", "-j", "j1", "--endpoint", &s.url()]));
    assert_eq!(r.code, 5);
    assert_eq!(actions(&s), ["SuspendDtsJob"]);
}

#[test]
fn wait_draws_a_spinner_on_a_terminal() {
    let s = FaultServer::start(vec![
        ok(r#"{"RequestId":"RS","Success":true}"#),
        ok(&detail("Synchronizing")),
        ok(&detail("Suspending")),
    ]);
    let home = Home::new();
    let (code, screen) = home.on_a_terminal(
        &format!(
            "suspend -j j1 --wait --poll-interval 0.3 --endpoint {}",
            s.url()
        ),
        true,
        true,
    );
    assert_eq!(code, Some(0), "{screen:?}");
    assert!(
        screen.contains("\r\x1b[2K| job j1: Synchronizing"),
        "{screen:?}"
    );
    assert!(screen.contains("job j1: Synchronizing (0 s)"), "{screen:?}");
    // No line-per-change output on a terminal.
    assert!(!screen.contains("dts: job j1:"), "{screen:?}");
}

#[test]
fn ctrl_c_during_a_wait_exits_130() {
    let s = FaultServer::start(vec![
        ok(r#"{"RequestId":"RS","Success":true}"#),
        ok(&detail("Synchronizing")),
    ]);
    let home = Home::new();
    let child = home.spawn_with_keys(
        &[
            "-o",
            "json",
            "suspend",
            "-j",
            "j1",
            "--wait",
            "--poll-interval",
            "30",
            "--endpoint",
            &s.url(),
        ],
        &[],
    );
    s.wait_for(2);
    std::thread::sleep(Duration::from_millis(200));
    let start = Instant::now();
    let out = interrupt(child);
    assert_eq!(out.status.code(), Some(130));
    assert!(start.elapsed() < Duration::from_secs(10));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(one_json_object(&stdout)["ErrCode"], "Cli.Interrupted");
}
