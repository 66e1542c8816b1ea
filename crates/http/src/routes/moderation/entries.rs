//! Slogan entries for review: their queue, decisions and reopening.

use super::DecisionBody;
use crate::application::moderation::{self};
use crate::auth::{Authed, Deferred, Moderator};
use crate::pagination::{Page, PageQuery};
use crate::{ApiError, AppState};
use actix_web::{web, HttpResponse};
use chrono::{DateTime, Utc};
use placard_domain::ReviewStatus;
use placard_storage::moderation::Subject;
use placard_storage::Cursor;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct EntryReviewItem {
    pub id: Uuid,
    pub slogan: String,
    pub author_name: Option<String>,
    pub status: &'static str,
    pub submitted_at: DateTime<Utc>,
    pub rejection_reason: Option<String>,
    pub decided_by: Option<String>,
    pub claimed_by: Option<String>,
    pub claim_expires_at: Option<DateTime<Utc>>,
}

fn entry_item(
    e: placard_storage::contests::Entry,
    names: &HashMap<Uuid, String>,
    now: DateTime<Utc>,
) -> EntryReviewItem {
    let open = e.claim_expires_at.is_some_and(|t| t > now);
    EntryReviewItem {
        claimed_by: e
            .claimed_by
            .filter(|_| open)
            .and_then(|id| names.get(&id).cloned()),
        claim_expires_at: e.claim_expires_at.filter(|_| open),
        id: e.id,
        slogan: e.slogan,
        author_name: e.author_name,
        status: e.status.as_str(),
        submitted_at: e.submitted_at,
        rejection_reason: e.rejection_reason,
        decided_by: e.decided_by,
    }
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EntryQueueQuery {
    /// Default `pending_review`; also `approved`, `rejected`.
    pub status: Option<String>,
    pub limit: Option<u32>,
    pub cursor: Option<String>,
}

/// A contest's slogan entries for review, oldest first.
#[utoipa::path(get, path = "/api/v1/moderation/contests/{slug}/entries", tag = "moderation",
    params(("slug" = String, Path), EntryQueueQuery), security(("bearer" = [])),
    responses(
        (status = 200, description = "A page of entries", body = Page<EntryReviewItem>),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not a moderator or admin", body = crate::error::ErrorBody),
        (status = 404, description = "No such contest", body = crate::error::ErrorBody)))]
pub async fn list_entries(
    _auth: Authed<Moderator>,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: Deferred<web::Query<EntryQueueQuery>>,
) -> Result<HttpResponse, ApiError> {
    let q = query.get()?.into_inner();
    let status = match q.status.as_deref() {
        None => ReviewStatus::PendingReview,
        Some(s) => s.parse().map_err(|_| {
            ApiError::bad_request(
                "invalid_query",
                "status must be pending_review, approved or rejected.",
            )
        })?,
    };
    let contest = crate::application::find_contest(&state, &slug).await?;
    let page = PageQuery {
        limit: q.limit,
        cursor: q.cursor,
    };
    let (entries, next) = state
        .store
        .entries_for_review(
            contest.id,
            status,
            page.limit()?,
            page.cursor(Cursor::decode)?,
        )
        .await?;
    let names = state.store.staff_names().await?;
    Ok(HttpResponse::Ok().json(Page {
        items: entries
            .into_iter()
            .map(|e| entry_item(e, &names, state.clock.now()))
            .collect::<Vec<_>>(),
        next_cursor: next.map(|c| c.encode()),
    }))
}

/// Approves or rejects a slogan entry: the same rules, errors and audit as photos.
#[utoipa::path(post, path = "/api/v1/moderation/entries/{id}/decision", tag = "moderation",
    params(("id" = Uuid, Path)), request_body = DecisionBody, security(("bearer" = [])),
    responses(
        (status = 200, description = "The updated entry", body = EntryReviewItem),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not a moderator or admin", body = crate::error::ErrorBody),
        (status = 404, description = "No such entry", body = crate::error::ErrorBody),
        (status = 409, description = "`claimed_by_other` or `already_decided`", body = crate::error::ErrorBody),
        (status = 422, description = "`invalid_reason`", body = crate::error::ErrorBody)))]
pub async fn decide_entry(
    auth: Authed<Moderator>,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    body: Deferred<web::Json<DecisionBody>>,
) -> Result<HttpResponse, ApiError> {
    let decision = body.get()?.into_inner().decision()?;
    moderation::decide(&state, &auth.staff, Subject::Entry, *id, &decision).await?;
    entry_response(&state, *id).await
}

/// Returns a decided slogan entry to the queue (the undo of the review page).
#[utoipa::path(post, path = "/api/v1/moderation/entries/{id}/reopen", tag = "moderation",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses(
        (status = 200, description = "The entry, pending review again", body = EntryReviewItem),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not a moderator or admin", body = crate::error::ErrorBody),
        (status = 404, description = "No such entry", body = crate::error::ErrorBody),
        (status = 409, description = "`not_decided`", body = crate::error::ErrorBody)))]
pub async fn reopen_entry(
    auth: Authed<Moderator>,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    moderation::reopen(&state, &auth.staff, Subject::Entry, *id).await?;
    entry_response(&state, *id).await
}

/// An entry as the moderation API shows it, after a change.
async fn entry_response(state: &AppState, id: Uuid) -> Result<HttpResponse, ApiError> {
    let entry = state.store.entry(id).await?;
    Ok(HttpResponse::Ok().json(entry_item(
        entry,
        &state.store.staff_names().await?,
        state.clock.now(),
    )))
}
