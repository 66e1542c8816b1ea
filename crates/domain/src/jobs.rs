//! Background jobs: their states, kinds and the retry schedule.

use chrono::TimeDelta;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use uuid::Uuid;

/// Where a job is in its life. `Dead` jobs stay visible until an admin retries them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JobState {
    Queued,
    Running,
    Done,
    Dead,
}

impl JobState {
    pub const ALL: [JobState; 4] = [
        JobState::Queued,
        JobState::Running,
        JobState::Done,
        JobState::Dead,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            JobState::Queued => "queued",
            JobState::Running => "running",
            JobState::Done => "done",
            JobState::Dead => "dead",
        }
    }
}

impl fmt::Display for JobState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("unknown job state `{0}`: expected queued, running, done or dead")]
pub struct UnknownJobState(pub String);

impl FromStr for JobState {
    type Err = UnknownJobState;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        JobState::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or_else(|| UnknownJobState(s.to_owned()))
    }
}

/// A kind of background work, as the data it needs: serialized into the job row when it is
/// enqueued (in the same transaction as the change that needs it) and deserialized once by
/// the runner that registered a handler for it (crates.io's `BackgroundJob`).
pub trait BackgroundJob: Serialize + DeserializeOwned + Send + Sync + 'static {
    /// Stored in the job row: renaming it strands the jobs already queued. A worker that
    /// meets a kind it has no handler for ends the job dead, visibly.
    const KIND: &'static str;
    /// Runs in all, the first included, before the job is dead.
    const MAX_ATTEMPTS: u32 = 5;
}

/// Turns an uploaded original into its thumbnails and hashes (API → worker).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcessPhoto {
    pub photo_id: Uuid,
}

impl BackgroundJob for ProcessPhoto {
    const KIND: &'static str = "photo.process";
}

/// Retention and orphan sweeps over the database and object storage (scheduler → worker):
/// enqueued once per scheduled run, the run named by its `slot` (the tick's time).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SweepStorage {
    pub slot: String,
}

impl BackgroundJob for SweepStorage {
    const KIND: &'static str = "storage.sweep";
    const MAX_ATTEMPTS: u32 = 3;
}

/// Rebuilds a campaign's mosaic after its approved photos changed (API → worker), at most
/// about once a minute (an erasure at once).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuildMosaic {
    pub campaign_id: Uuid,
}

impl BackgroundJob for BuildMosaic {
    const KIND: &'static str = "mosaic.build";
    const MAX_ATTEMPTS: u32 = 3;
}

/// How often and how soon a failed job is tried again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included; after the last failure the job is dead. (The
    /// worker uses each job's own budget, `BackgroundJob::MAX_ATTEMPTS` kept in its row.)
    pub max_attempts: u32,
    /// Delay after the first failure; each later failure doubles it.
    pub base_delay: TimeDelta,
    /// The doubling stops here.
    pub max_delay: TimeDelta,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 5,
            base_delay: TimeDelta::seconds(2),
            max_delay: TimeDelta::minutes(10),
        }
    }
}

/// What to do with a job that failed its `attempt`-th run (1-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterFailure {
    RetryIn(TimeDelta),
    Dead,
}

impl RetryPolicy {
    pub fn after_failure(&self, attempt: u32) -> AfterFailure {
        if attempt >= self.max_attempts {
            return AfterFailure::Dead;
        }
        let doublings = attempt.saturating_sub(1).min(30);
        let factor = 1i32 << doublings;
        let delay = self
            .base_delay
            .checked_mul(factor)
            .unwrap_or(self.max_delay)
            .min(self.max_delay);
        AfterFailure::RetryIn(delay)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_caps_and_ends_dead() {
        let p = RetryPolicy {
            max_attempts: 5,
            base_delay: TimeDelta::seconds(2),
            max_delay: TimeDelta::seconds(10),
        };
        assert_eq!(
            p.after_failure(1),
            AfterFailure::RetryIn(TimeDelta::seconds(2))
        );
        assert_eq!(
            p.after_failure(2),
            AfterFailure::RetryIn(TimeDelta::seconds(4))
        );
        assert_eq!(
            p.after_failure(3),
            AfterFailure::RetryIn(TimeDelta::seconds(8))
        );
        assert_eq!(
            p.after_failure(4),
            AfterFailure::RetryIn(TimeDelta::seconds(10))
        );
        assert_eq!(p.after_failure(5), AfterFailure::Dead);
        assert_eq!(p.after_failure(50), AfterFailure::Dead);
    }

    #[test]
    fn huge_attempt_counts_do_not_overflow() {
        let p = RetryPolicy {
            max_attempts: u32::MAX,
            ..RetryPolicy::default()
        };
        assert_eq!(p.after_failure(1000), AfterFailure::RetryIn(p.max_delay));
    }

    #[test]
    fn the_photo_job_keeps_its_stored_shape() {
        // Queued rows hold this exact shape: a change here strands them.
        let id: Uuid = "0190a4b2-7c3e-7a00-8000-000000000001"
            .parse()
            .expect("uuid");
        let json = serde_json::to_value(ProcessPhoto { photo_id: id }).expect("json");
        assert_eq!(json, serde_json::json!({ "photo_id": id }));
        assert_eq!(ProcessPhoto::KIND, "photo.process");
    }

    #[test]
    fn states_round_trip() {
        for s in JobState::ALL {
            assert_eq!(s.as_str().parse::<JobState>(), Ok(s));
        }
    }
}
