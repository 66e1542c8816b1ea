//! How much of a queue is left: the moderation screen's "412 left, oldest 3 h".

use crate::application::{find_campaign, find_contest, moderation};
use crate::auth::{Authed, Deferred, Moderator};
use crate::{ApiError, AppState};
use actix_web::{web, HttpResponse};
use chrono::{DateTime, Utc};
use placard_storage::moderation::Subject;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct QueueSizeQuery {
    /// A campaign's slug: its photos.
    pub campaign: Option<String>,
    /// Or a contest's slug: its slogan entries.
    pub contest: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct QueueSizeView {
    /// Awaiting review and open to you: unclaimed, claim expired, or claimed by you.
    pub left: i64,
    /// Awaiting review but held by another moderator's claim right now.
    pub held_by_others: i64,
    /// When the oldest item awaiting review was sent; null when none waits.
    pub oldest_at: Option<DateTime<Utc>>,
}

/// What is left to review in a campaign's photos or a contest's entries.
#[utoipa::path(get, path = "/api/v1/moderation/queue", tag = "moderation",
    params(QueueSizeQuery), security(("bearer" = [])),
    responses(
        (status = 200, description = "The queue's size and age", body = QueueSizeView),
        (status = 400, description = "`invalid_query`: give exactly one of campaign and contest", body = crate::error::ErrorBody),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not a moderator or admin, or not one of your campaigns", body = crate::error::ErrorBody),
        (status = 404, description = "No such campaign or contest", body = crate::error::ErrorBody)))]
pub async fn queue_size(
    auth: Authed<Moderator>,
    state: web::Data<AppState>,
    query: Deferred<web::Query<QueueSizeQuery>>,
) -> Result<HttpResponse, ApiError> {
    let q = query.get()?.into_inner();
    let (subject, scope) = match (q.campaign.as_deref(), q.contest.as_deref()) {
        (Some(slug), None) => {
            let campaign = find_campaign(&state, slug).await?;
            moderation::ensure_in_scope(&state, &auth.staff, campaign.id).await?;
            (Subject::Photo, campaign.id)
        }
        (None, Some(slug)) => (Subject::Entry, find_contest(&state, slug).await?.id),
        _ => {
            return Err(ApiError::bad_request(
                "invalid_query",
                "Give exactly one of campaign and contest.",
            ))
        }
    };
    let now = state.clock.now();
    let q = state
        .store
        .queue_size(subject, scope, auth.staff.id, now)
        .await?;
    Ok(HttpResponse::Ok().json(QueueSizeView {
        left: q.left,
        held_by_others: q.held_by_others,
        oldest_at: q.oldest_at,
    }))
}
