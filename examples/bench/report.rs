//! The Markdown report: a row a tool (medians, p10–p90, CPU, peak memory)
//! and the targets, each met or missed.

use std::time::Duration;

use crate::rows::Tool;
use crate::{Args, Sample};

/// A tool's median wall time, median CPU time and peak RSS in KiB.
#[derive(Clone, Copy, Default)]
struct Stat {
    wall: Duration,
    cpu: Duration,
    rss_kib: i64,
}

fn stat(tool: &Tool) -> Stat {
    Stat {
        wall: median(tool.samples.iter().map(|s| s.wall).collect()),
        cpu: median(tool.samples.iter().map(|s| s.cpu).collect()),
        rss_kib: tool
            .samples
            .iter()
            .map(|s| s.max_rss_kib)
            .max()
            .unwrap_or(0),
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    let n = v.len();
    match n {
        0 => Duration::ZERO,
        _ if n % 2 == 1 => v[n / 2],
        _ => (v[n / 2 - 1] + v[n / 2]) / 2,
    }
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// The `q` quantile (0 to 1) of the wall times, nearest rank.
fn quantile(samples: &[Sample], q: f64) -> Duration {
    let mut v: Vec<Duration> = samples.iter().map(|s| s.wall).collect();
    v.sort();
    let i = ((v.len() as f64 - 1.0) * q).round() as usize;
    v.get(i).copied().unwrap_or_default()
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64().max(1e-9)
}

fn check(ok: bool) -> &'static str {
    if ok { "met" } else { "MISSED" }
}

/// Prints the report.
pub fn report(args: &Args, tools: &[Tool], trust: &str) {
    println!(
        "## Benchmark: {} sequential calls of each, one whole process a call",
        args.n
    );
    println!();
    println!("Machine: {}", machine());
    println!();
    println!("https: {trust}.");
    println!();
    println!("| tool | median wall per call | p10 – p90 wall | median CPU per call | peak RSS |");
    println!("|---|---:|---:|---:|---:|");
    for tool in tools {
        let s = stat(tool);
        println!(
            "| {} | {} | {} – {} | {} | {:.1} MiB |",
            tool.name,
            ms(s.wall),
            ms(quantile(&tool.samples, 0.1)),
            ms(quantile(&tool.samples, 0.9)),
            ms(s.cpu),
            s.rss_kib as f64 / 1024.0
        );
    }
    println!();
    println!("| target | measured | |");
    println!("|---|---:|---|");
    let by = |name: &str| {
        tools
            .iter()
            .find(|t| t.name == name)
            .map_or_else(Stat::default, stat)
    };
    comparisons(args, &by);
    https_targets(&by);
}

/// The targets against curl, the SDK and the whole-call costs.
fn comparisons(args: &Args, by: &dyn Fn(&str) -> Stat) {
    let dts = by("dts suspend");
    let (curl, sdk) = (by("curl (pre-signed)"), by("Python SDK script"));
    let (wall, cpu) = (ratio(dts.wall, curl.wall), ratio(dts.cpu, curl.cpu));
    println!(
        "| dts/curl wall time ≤ 1.0 | {wall:.2} | {} |",
        check(wall <= 1.0)
    );
    println!(
        "| dts/curl CPU time < 1.0 | {cpu:.2} | {} |",
        check(cpu < 1.0)
    );
    let sdk_dts = ratio(sdk.wall, dts.wall);
    println!(
        "| SDK/dts wall time ≥ 50 | {sdk_dts:.0} | {} |",
        check(sdk_dts >= 50.0)
    );
    let rss = dts.rss_kib as f64 / 1024.0;
    println!(
        "| dts peak RSS ≤ 8 MiB | {rss:.1} MiB | {} |",
        check(rss <= 8.0)
    );
    let size = std::fs::metadata(&args.dts).map_or(0, |m| m.len()) as f64 / (1024.0 * 1024.0);
    println!(
        "| stripped binary ≤ 4 MiB | {size:.2} MiB | {} |",
        check(size <= 4.0)
    );
    let help = ratio(by("dts --help").wall, dts.wall);
    let floor = ratio(by("true (starting any process)").wall, dts.wall);
    println!(
        "| `dts --help` well under one call (< 0.75 ×) | {help:.2} × a call (starting any process: {floor:.2} ×) | {} |",
        check(help < 0.75)
    );
    let completions = ratio(by("dts completions bash").wall, dts.wall);
    println!(
        "| `dts completions bash` well under one call (< 0.75 ×) | {completions:.2} × a call | {} |",
        check(completions < 0.75)
    );
    let role = ratio(
        by("dts suspend through a role (warm cache)").wall,
        by("dts suspend with a key-pair profile").wall,
    );
    println!(
        "| a role call with a warm cache costs no more than a key-pair call from the same profile file (≤ 1.1 ×) | {role:.2} × | {} |",
        check(role <= 1.1)
    );
    let embedded = by("dts suspend, embedded emulator (`--endpoint emulator`)")
        .wall
        .saturating_sub(dts.wall);
    println!(
        "| the embedded emulator adds < 5 ms to a command (its own load, check, save) | {} | {} |",
        ms(embedded),
        check(embedded < Duration::from_millis(5))
    );
}

/// The https targets, and what of an https call is trust discovery.
fn https_targets(by: &dyn Fn(&str) -> Stat) {
    let dts = by("dts suspend");
    let https = by("dts suspend (https)");
    let one_root = by("dts suspend (https, only the private CA trusted)");
    let https_http = ratio(https.wall, dts.wall);
    println!(
        "| an https call (default trust discovery) within 1.5 × an http call | {https_http:.2} × | {} |",
        check(https_http <= 1.5)
    );
    let handshake = ratio(one_root.wall, dts.wall);
    let discovery = https.wall.saturating_sub(one_root.wall);
    println!(
        "| of which TLS itself (one root trusted) | {handshake:.2} × | |\n| of which finding and loading the system's roots | +{} | |",
        ms(discovery)
    );
    let dts_curl = ratio(https.wall, by("curl (https, pre-signed)").wall);
    println!(
        "| dts/curl wall time over https ≤ 1.0 | {dts_curl:.2} | {} |",
        check(dts_curl <= 1.0)
    );
    let http_true = ratio(dts.wall, by("true (starting any process)").wall);
    println!(
        "| an http call within 2.5 × starting `true` | {http_true:.2} × | {} |",
        check(http_true <= 2.5)
    );
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|s| s.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .map(|s| s.trim().to_string())
        .unwrap_or_default();
    format!("{cores} cores, {cpu}, Linux {kernel}")
}
