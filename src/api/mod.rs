//! The DTS API as dts speaks it: the actions, the signed request, the
//! answer read into success or a classified error, the retry policy, and
//! the client that carries a call through its attempts.

pub mod actions;
pub mod client;
pub mod job_status;
pub mod listing;
pub mod rate;
pub mod request;
pub mod response;
pub mod retry;
