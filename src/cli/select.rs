//! Choosing jobs by what they are rather than by id: `dts list` and
//! `suspend --all` / `resume --all` share these filters.

use clap::{Args, ValueEnum};

use super::{Unquoted, non_empty, region};

/// Which job types a listing asks for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum JobType {
    Migration,
    Sync,
    Subscribe,
    /// All three, one listing each
    #[default]
    All,
}

impl JobType {
    /// The service's `JobType` values this stands for, in listing order.
    pub fn wire(self) -> &'static [&'static str] {
        match self {
            JobType::Migration => &["MIGRATION"],
            JobType::Sync => &["SYNC"],
            JobType::Subscribe => &["SUBSCRIBE"],
            JobType::All => &["MIGRATION", "SYNC", "SUBSCRIBE"],
        }
    }
}

/// A `KEY=VALUE` tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    pub key: String,
    pub value: String,
}

fn tag(s: &str) -> Result<Tag, String> {
    match s.split_once('=') {
        Some((k, v)) if !k.trim().is_empty() => Ok(Tag {
            key: k.trim().to_string(),
            value: v.trim().to_string(),
        }),
        _ => Err(format!("'{s}' is not KEY=VALUE")),
    }
}

/// The filters of a listing.
#[derive(Debug, Clone, Default, Args)]
pub struct Filters {
    /// Job types to list [default: all]
    #[arg(long = "type", value_enum, ignore_case = true, value_name = "TYPE")]
    pub job_type: Option<JobType>,

    /// Only jobs in this status (any letter case); repeat for several
    #[arg(long, value_name = "STATUS", value_parser = Unquoted(non_empty))]
    pub status: Vec<String>,

    /// Only jobs whose name contains this text
    #[arg(long, value_name = "TEXT", value_parser = Unquoted(non_empty))]
    pub name: Option<String>,

    /// Only jobs with this tag; repeat for several
    #[arg(long, value_name = "KEY=VALUE", value_parser = tag)]
    pub tag: Vec<Tag>,

    /// Stop after this many jobs
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub limit: Option<u32>,
}

impl Filters {
    /// Whether any filter was given.
    pub fn any(&self) -> bool {
        self.job_type.is_some()
            || !self.status.is_empty()
            || self.name.is_some()
            || !self.tag.is_empty()
            || self.limit.is_some()
    }
}

/// `dts list`.
#[derive(Debug, Clone, Args)]
pub struct ListArgs {
    /// The region to list; repeat for several [env: ALIBABA_CLOUD_REGION_ID]
    #[arg(short = 'r', long, value_name = "REGION", value_parser = Unquoted(region))]
    pub region: Vec<String>,

    /// Only the jobs of this instance
    #[arg(short = 'i', long = "instance-id", value_name = "ID", value_parser = Unquoted(non_empty))]
    pub instance_id: Option<String>,

    #[command(flatten)]
    pub filters: Filters,
}

/// `--all` on suspend and resume: act on every job a listing selects.
#[derive(Debug, Clone, Default, Args)]
pub struct AllArgs {
    /// Act on every job the filters select (by default the running ones for
    /// suspend, the paused ones for resume), after a confirmation
    #[arg(long)]
    pub all: bool,

    /// With --all: do not ask for confirmation (needed without a terminal)
    #[arg(short = 'y', long)]
    pub yes: bool,

    #[command(flatten)]
    pub filters: Filters,
}
