//! DTS job status values that dts acts on, compared ignoring letter case
//! (the service mixes `Synchronizing` and `synchronizing`).

/// What a paused job shows after SuspendDtsJob.
pub const PAUSED: &[&str] = &["Suspending"];
/// What a running job shows after StartDtsJob.
pub const RUNNING: &[&str] = &["Synchronizing", "Migrating", "Initializing", "Normal"];
/// States that end a wait with failure.
pub const FAILED: &[&str] = &[
    "Failed",
    "MigrationFailed",
    "InitializeFailed",
    "PrecheckFailed",
    "Abnormal",
];

/// Whether `status` is one of `set`, ignoring letter case.
pub fn is_in(status: &str, set: &[&str]) -> bool {
    set.iter().any(|s| s.eq_ignore_ascii_case(status))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_is_ignored() {
        assert!(is_in("synchronizing", RUNNING));
        assert!(is_in("SUSPENDING", PAUSED));
        assert!(is_in("migrationfailed", FAILED));
        assert!(!is_in("Suspending", RUNNING));
        assert!(!is_in("", PAUSED));
    }
}
