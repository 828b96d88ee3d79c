//! DescribeDtsJobDetail: a job's status, delay, checkpoint and error. Note
//! the instance parameter's spelling on the wire: `DtsInstanceID`.

use serde_json::{Map, Value};
use time::OffsetDateTime;
use time::macros::format_description;

/// The table's columns for `dts status`.
pub const HEADER: &[&str] = &[
    "JOB ID",
    "STATUS",
    "NAME",
    "TYPE",
    "DELAY",
    "CHECKPOINT (UTC)",
    "ERROR",
];

/// One table row from a DescribeDtsJobDetail answer.
pub fn row(job_id: &str, body: &Map<String, Value>) -> Vec<String> {
    let text = |k: &str| match body.get(k) {
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        _ => "-".to_string(),
    };
    vec![
        job_id.to_string(),
        text("Status"),
        text("DtsJobName"),
        text("JobType"),
        body.get("Delay")
            .and_then(Value::as_f64)
            .map_or("-".into(), delay),
        body.get("Checkpoint")
            .and_then(|v| v.as_i64().or_else(|| v.as_str()?.parse().ok()))
            .map_or("-".into(), checkpoint),
        text("ErrorMessage"),
    ]
}

/// A delay in milliseconds, for people.
pub fn delay(ms: f64) -> String {
    if ms < 1000.0 {
        format!("{ms:.0} ms")
    } else if ms < 60_000.0 {
        format!("{:.1} s", ms / 1000.0)
    } else {
        let minutes = (ms / 60_000.0).floor();
        if minutes < 60.0 {
            format!(
                "{minutes:.0} min {:.0} s",
                (ms - minutes * 60_000.0) / 1000.0
            )
        } else {
            format!(
                "{:.0} h {:.0} min",
                (minutes / 60.0).floor(),
                minutes % 60.0
            )
        }
    }
}

/// Unix seconds as a UTC time.
pub fn checkpoint(secs: i64) -> String {
    OffsetDateTime::from_unix_timestamp(secs)
        .ok()
        .and_then(|t| {
            t.format(format_description!(
                "[year]-[month]-[day] [hour]:[minute]:[second]"
            ))
            .ok()
        })
        .unwrap_or_else(|| secs.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn row_formats_delay_and_checkpoint() {
        let body = json!({
            "Status": "synchronizing", "DtsJobName": "orders", "JobType": "SYNC",
            "Delay": 1500, "Checkpoint": 1714979289, "ErrorMessage": ""
        });
        assert_eq!(
            row("j1", body.as_object().unwrap()),
            [
                "j1",
                "synchronizing",
                "orders",
                "SYNC",
                "1.5 s",
                "2024-05-06 07:08:09",
                "-"
            ]
        );
        let empty = Map::new();
        assert_eq!(row("j2", &empty), ["j2", "-", "-", "-", "-", "-", "-"]);
    }

    #[test]
    fn delays_read_well() {
        assert_eq!(delay(0.0), "0 ms");
        assert_eq!(delay(999.0), "999 ms");
        assert_eq!(delay(12_345.0), "12.3 s");
        assert_eq!(delay(125_000.0), "2 min 5 s");
        assert_eq!(delay(7_500_000.0), "2 h 5 min");
    }
}
