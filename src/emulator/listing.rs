//! DescribeDtsJobs and DescribeDtsJobDetail as the emulator writes them:
//! the job fields dts and the SDKs read, filters and pages.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::emulator::http::Answer;
use crate::emulator::job::{Job, listed};

/// DescribeDtsJobs: filters and pages as FLEET.md says.
pub fn list(jobs: &BTreeMap<String, Job>, p: &BTreeMap<String, String>) -> Answer {
    let get = |k: &str| p.get(k).map(String::as_str);
    let size: usize = get("PageSize")
        .and_then(|s| s.parse().ok())
        .unwrap_or(20)
        .clamp(1, 100);
    let number: usize = get("PageNumber")
        .and_then(|s| s.parse().ok())
        .unwrap_or(1)
        .max(1);
    let selected: Vec<&Job> = jobs
        .values()
        .filter(|j| j.kind == get("JobType").unwrap_or("MIGRATION"))
        .filter(|j| {
            get("RegionId")
                .or(get("Region"))
                .is_none_or(|r| r == j.region)
        })
        .filter(|j| get("Status").is_none_or(|s| s.eq_ignore_ascii_case(&j.status)))
        .filter(|j| match (get("Type"), get("Params")) {
            (Some("name"), Some(text)) => j.name.contains(text),
            (Some("instance"), Some(id)) => j.instance == id,
            _ => true,
        })
        .collect();
    let page: Vec<Value> = selected
        .iter()
        .skip((number - 1) * size)
        .take(size)
        .map(|j| Value::Object(listed(j)))
        .collect();
    let body = json!({
        "RequestId": "EMU-LIST", "HttpStatusCode": 200, "Success": true,
        "TotalRecordCount": selected.len(), "PageNumber": number, "PageRecordCount": page.len(),
        "DtsJobList": page,
    });
    Answer::Body {
        status: 200,
        body: body.to_string(),
    }
}
