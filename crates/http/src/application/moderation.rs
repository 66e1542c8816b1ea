//! Moderation's use cases: decide (approve or reject) and reopen a photo or an entry, with
//! the audit entry and the metrics, on the one path single and bulk decisions share.

use super::{AppError, Item};
use crate::AppState;
use placard_domain::{Decision, DecisionError};
use placard_storage::moderation::{DecideError, Subject};
use placard_storage::staff::Staff;
use uuid::Uuid;

/// A decision as a moderator's client sends it, checked.
pub fn parse_decision(
    decision: &str,
    reason: Option<&str>,
    note: Option<&str>,
) -> Result<Decision, AppError> {
    Decision::parse(decision, reason, note).map_err(|e| match e {
        DecisionError::InvalidReason => AppError::InvalidReason(e.to_string()),
        other => AppError::InvalidField(other.to_string()),
    })
}

fn item(subject: Subject) -> Item {
    match subject {
        Subject::Photo => Item::Photo,
        Subject::Entry => Item::Entry,
    }
}

fn decide_error(subject: Subject, e: DecideError) -> AppError {
    let item = item(subject);
    match e {
        DecideError::NotFound => AppError::NotFound(match item {
            Item::Photo => "The photo",
            Item::Entry => "The entry",
        }),
        DecideError::ClaimedByOther => AppError::ClaimedByOther(item),
        DecideError::AlreadyDecided => AppError::AlreadyDecided(item),
        DecideError::NotReady => AppError::NotReady(item),
        DecideError::NotDecided => AppError::NotDecided(item),
        DecideError::Store(s) => s.into(),
    }
}

/// Whether `staff` may moderate `campaign`: admins and unscoped moderators may moderate all;
/// a moderator limited to campaigns only those.
pub async fn ensure_in_scope(
    state: &AppState,
    staff: &Staff,
    campaign: Uuid,
) -> Result<(), AppError> {
    if staff.role == placard_domain::Role::Admin {
        return Ok(());
    }
    let scope = state.store.staff_scope(staff.id).await?;
    if scope.is_empty() || scope.contains(&campaign) {
        Ok(())
    } else {
        Err(AppError::OutOfScope)
    }
}

/// The same for a photo, by its campaign; an unknown photo passes (its own route says 404).
pub async fn ensure_photo_in_scope(
    state: &AppState,
    staff: &Staff,
    photo: Uuid,
) -> Result<(), AppError> {
    match state.store.photo(photo).await {
        Ok(p) => ensure_in_scope(state, staff, p.campaign_id).await,
        Err(placard_storage::StoreError::NotFound) => Ok(()),
        Err(e) => Err(e.into()),
    }
}

/// Applies a decision, audited, and records its metrics.
pub async fn decide(
    state: &AppState,
    staff: &Staff,
    subject: Subject,
    id: Uuid,
    decision: &Decision,
) -> Result<(), AppError> {
    let done = state
        .store
        .decide(subject, id, staff, decision, state.clock.now())
        .await
        .map_err(|e| decide_error(subject, e))?;
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

/// Returns a decided item to review (its decision stays in the audit log).
pub async fn reopen(
    state: &AppState,
    staff: &Staff,
    subject: Subject,
    id: Uuid,
) -> Result<(), AppError> {
    state
        .store
        .reopen(subject, id, staff, state.clock.now())
        .await
        .map_err(|e| decide_error(subject, e))
}
