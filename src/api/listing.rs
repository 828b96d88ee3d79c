//! DescribeDtsJobs: a listing of jobs, page after page (50 a page) until a
//! short page or the total, at most 200 pages; every job type asked for in
//! turn (the service's own default is MIGRATION only). Jobs come back as
//! the service wrote them.

use serde_json::{Map, Value, json};

use crate::api::client::{Attempt, Client};
use crate::api::job_status;
use crate::error::Error;

/// The listing action.
pub const ACTION: &str = "DescribeDtsJobs";
/// Jobs a page.
pub const PAGE_SIZE: usize = 50;
/// The most pages of one listing: past that the service keeps sending.
pub const MAX_PAGES: usize = 200;

/// What to list.
#[derive(Debug, Clone, Default)]
pub struct Query {
    pub region: Option<String>,
    /// The service's `JobType` values, listed in turn.
    pub types: Vec<&'static str>,
    /// Statuses to keep (any case); one is also sent to the service.
    pub statuses: Vec<String>,
    pub name: Option<String>,
    pub instance: Option<String>,
    pub tags: Vec<(String, String)>,
    /// Stop after this many jobs.
    pub limit: Option<usize>,
}

/// One listed job.
pub type Job = Map<String, Value>;

/// Every job the query selects, in the service's order, types in turn.
pub fn list(
    client: &Client<'_>,
    query: &Query,
    retries: u32,
    observe: &mut dyn FnMut(&Attempt),
) -> Result<Vec<Job>, Error> {
    let mut jobs = Vec::new();
    for job_type in &query.types {
        for page in 1..=MAX_PAGES + 1 {
            if page > MAX_PAGES {
                return Err(Error::BadResponse {
                    message: format!(
                        "the service kept sending pages of {job_type} jobs ({MAX_PAGES} pages of {PAGE_SIZE}); dts stopped"
                    ),
                    http_status: None,
                });
            }
            let params = params(query, job_type, page);
            let answer = client.call(ACTION, &params, retries, observe).result?;
            let listed = page_of(&answer.body)?;
            let short = listed.len() < PAGE_SIZE;
            let total = answer.body.get("TotalRecordCount").and_then(Value::as_u64);
            for job in listed {
                if matches(query, &job) {
                    jobs.push(job);
                    if query.limit.is_some_and(|l| jobs.len() >= l) {
                        return Ok(jobs);
                    }
                }
            }
            let seen = (page * PAGE_SIZE) as u64;
            if short || total.is_some_and(|t| seen >= t) {
                break;
            }
        }
    }
    Ok(jobs)
}

/// The parameters of one page.
fn params(query: &Query, job_type: &str, page: usize) -> Vec<(&'static str, Option<String>)> {
    let (kind, text) = match (&query.name, &query.instance) {
        (Some(name), _) => (Some("name".to_string()), Some(name.clone())),
        (None, Some(instance)) => (Some("instance".to_string()), Some(instance.clone())),
        (None, None) => (None, None),
    };
    let tags = (!query.tags.is_empty()).then(|| {
        let list: Vec<Value> = query
            .tags
            .iter()
            .map(|(k, v)| json!({"key": k, "value": v}))
            .collect();
        Value::Array(list).to_string()
    });
    let status = match query.statuses.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    };
    vec![
        ("Region", query.region.clone()),
        ("RegionId", query.region.clone()),
        ("JobType", Some(job_type.to_string())),
        ("WithoutDbList", Some("true".into())),
        ("PageSize", Some(PAGE_SIZE.to_string())),
        ("PageNumber", Some(page.to_string())),
        ("Type", kind),
        ("Params", text),
        ("Tags", tags),
        ("Status", status),
    ]
}

/// The jobs of one page: `DtsJobList`, which a success must carry.
fn page_of(body: &Map<String, Value>) -> Result<Vec<Job>, Error> {
    let bad = |what: &str| Error::BadResponse {
        message: format!("the listing's answer {what}"),
        http_status: Some(200),
    };
    let Some(Value::Array(list)) = body.get("DtsJobList") else {
        return Err(bad("has no DtsJobList array"));
    };
    list.iter()
        .map(|j| match j {
            Value::Object(o) => Ok(o.clone()),
            _ => Err(bad("lists something that is not a job object")),
        })
        .collect()
}

/// Whether a job passes the filters dts applies itself (several statuses).
fn matches(query: &Query, job: &Job) -> bool {
    query.statuses.len() < 2 || job_status::is_in(field(job, "Status"), &statuses(query))
}

fn statuses(query: &Query) -> Vec<&str> {
    query.statuses.iter().map(String::as_str).collect()
}

/// A text field of a listed job ("" when absent).
pub fn field<'a>(job: &'a Job, name: &str) -> &'a str {
    job.get(name).and_then(Value::as_str).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Settings;
    use crate::testing::{FakeClock, Scripted, answer};

    fn page(ids: std::ops::Range<usize>, total: usize) -> String {
        let jobs: Vec<String> = ids
            .map(|i| {
                format!(
                    r#"{{"DtsJobId":"j{i}","Status":"{}"}}"#,
                    if i % 2 == 0 {
                        "Synchronizing"
                    } else {
                        "Suspending"
                    }
                )
            })
            .collect();
        format!(
            r#"{{"Success":true,"TotalRecordCount":{total},"DtsJobList":[{}]}}"#,
            jobs.join(",")
        )
    }

    fn run(t: &Scripted, query: &Query) -> Result<Vec<Job>, Error> {
        let settings = Settings::for_tests(0);
        let clock = FakeClock::default();
        let client = Client::new(t, &clock, settings.keys(), &settings.endpoint);
        list(&client, query, 0, &mut |_| {})
    }

    #[test]
    fn pages_until_a_short_page_or_the_total() {
        let t = Scripted::new(vec![
            answer(200, &page(0..50, 120), &[]),
            answer(200, &page(50..100, 120), &[]),
            answer(200, &page(100..120, 120), &[]),
        ]);
        let q = Query {
            types: vec!["SYNC"],
            region: Some("cn-hangzhou".into()),
            ..Query::default()
        };
        assert_eq!(run(&t, &q).unwrap().len(), 120);
        assert_eq!(t.param("PageNumber"), ["1", "2", "3"]);
        assert_eq!(t.param("RegionId"), ["cn-hangzhou"; 3]);
        assert_eq!(t.param("WithoutDbList"), ["true"; 3]);
    }

    #[test]
    fn several_statuses_are_filtered_here_and_the_limit_stops_early() {
        let t = Scripted::new(vec![answer(200, &page(0..10, 10), &[])]);
        let q = Query {
            types: vec!["SYNC"],
            statuses: vec!["suspending".into(), "failed".into()],
            ..Query::default()
        };
        assert_eq!(run(&t, &q).unwrap().len(), 5);
        let q = Query {
            types: vec!["SYNC"],
            limit: Some(3),
            ..Query::default()
        };
        assert_eq!(run(&t, &q).unwrap().len(), 3);
    }

    #[test]
    fn a_listing_without_its_list_or_without_end_is_a_bad_response() {
        let t = Scripted::new(vec![answer(200, r#"{"Success":true}"#, &[])]);
        let q = Query {
            types: vec!["SYNC"],
            ..Query::default()
        };
        assert_eq!(run(&t, &q).unwrap_err().exit_code(), 9);
        let endless = Scripted::new(vec![answer(200, &page(0..50, 1_000_000), &[])]);
        let e = run(&endless, &q).unwrap_err();
        assert_eq!(e.exit_code(), 9);
        assert_eq!(endless.urls().len(), MAX_PAGES);
    }
}
