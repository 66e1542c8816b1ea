//! Moderation (moderators and admins): the photo queue, claims, decisions one by one or in
//! bulk, reopening, the slogan entries' queue, and the audit log. The decision path is
//! shared by photos and entries (here); each has its own routes.

mod audit;
mod entries;
mod photos;

pub use audit::*;
pub use entries::*;
pub use photos::*;

use crate::{ApiError, AppState};
use placard_domain::{Decision, DecisionError};
use placard_storage::moderation::{DecideError, Subject};
use placard_storage::staff::Staff;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionBody {
    /// `approve` or `reject`.
    pub decision: String,
    /// Required to reject: `no_logo`, `inappropriate`, `duplicate`, `poor_quality`, `privacy`, `spam`, `other`.
    pub reason: Option<String>,
    pub note: Option<String>,
}

fn parse_decision(b: &DecisionBody) -> Result<Decision, ApiError> {
    Decision::parse(&b.decision, b.reason.as_deref(), b.note.as_deref()).map_err(|e| match e {
        DecisionError::InvalidReason => ApiError::unprocessable("invalid_reason", e.to_string()),
        other => ApiError::bad_request("invalid_field", other.to_string()),
    })
}

fn decide_error(e: DecideError) -> ApiError {
    match e {
        DecideError::NotFound => ApiError::not_found("The photo"),
        DecideError::ClaimedByOther => ApiError::conflict(
            "claimed_by_other",
            "Another moderator is reviewing this photo.",
        ),
        DecideError::AlreadyDecided => ApiError::conflict(
            "already_decided",
            "This photo has been decided; reopen it first.",
        ),
        DecideError::NotReady => {
            ApiError::conflict("not_ready", "This photo is not ready for review yet.")
        }
        DecideError::NotDecided => {
            ApiError::conflict("not_decided", "Only a decided photo can be reopened.")
        }
        DecideError::Store(s) => s.into(),
    }
}

/// Applies a decision and records its metrics; the one path single and bulk decisions share.
async fn apply(
    state: &AppState,
    staff: &Staff,
    subject: Subject,
    id: Uuid,
    decision: &Decision,
) -> Result<(), DecideError> {
    let done = state
        .store
        .decide(subject, id, staff, decision, state.clock.now())
        .await?;
    let label = match decision {
        Decision::Approve => "approved",
        Decision::Reject { reason, .. } => reason.as_str(),
    };
    state.metrics.decisions.with_label_values(&[label]).inc();
    let waited = (done.decided_at - done.submitted_at)
        .num_milliseconds()
        .max(0) as f64
        / 1000.0;
    state.metrics.time_to_decision.observe(waited);
    tracing::info!(subject.kind = subject.kind(), subject.id = %id, decision = decision.verb(), "decided");
    Ok(())
}
