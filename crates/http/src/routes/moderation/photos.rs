//! The photo queue: listing, claiming the next photo, decisions one by one or in bulk,
//! reopening.

use super::DecisionBody;
use crate::application::moderation::{self, parse_decision};
use crate::application::{find_campaign, AppError};
use crate::auth::{Authed, Deferred, Moderator};
use crate::media_urls::Thumbnails;
use crate::pagination::{Page, PageQuery};
use crate::{ApiError, AppState};
use actix_web::{web, HttpResponse};
use chrono::{DateTime, Utc};
use placard_domain::{FlagKind, PhotoStatus};
use placard_storage::moderation::{Pass, Subject};
use placard_storage::photos::{Photo, PhotoFlag, ReviewFilter};
use placard_storage::{Cursor, StoreError};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// Bulk decisions take at most this many ids at once.
const MAX_BULK: usize = 200;

#[derive(Serialize, ToSchema)]
pub struct ReviewItem {
    pub id: Uuid,
    pub campaign_id: Uuid,
    pub status: &'static str,
    pub submitted_at: DateTime<Utc>,
    pub display_name: Option<String>,
    pub country: Option<String>,
    pub caption: Option<String>,
    pub width: u32,
    pub height: u32,
    pub thumbnails: Option<Thumbnails>,
    pub blurhash: Option<String>,
    /// e.g. `{"kind":"duplicate","of":ID}`, `{"kind":"near_duplicate","of":ID,"distance":N}`.
    #[schema(value_type = Vec<Object>)]
    pub flags: Vec<PhotoFlag>,
    /// The name of the moderator holding the claim, while it holds.
    pub claimed_by: Option<String>,
    pub claim_expires_at: Option<DateTime<Utc>>,
    pub rejection_reason: Option<String>,
    pub decision_note: Option<String>,
    pub decided_by: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
    /// The photos the flags point at, with their thumbnails, so a reviewer can compare them
    /// side by side (left out when there are none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<RelatedPhoto>,
}

#[derive(Serialize, ToSchema)]
pub struct RelatedPhoto {
    pub id: Uuid,
    pub status: &'static str,
    pub thumbnails: Option<Thumbnails>,
}

fn review_item(
    state: &AppState,
    photo: Photo,
    names: &HashMap<Uuid, String>,
    flags: Vec<PhotoFlag>,
) -> ReviewItem {
    let now = state.clock.now();
    let claim_open = photo.claim_expires_at.is_some_and(|t| t > now);
    ReviewItem {
        thumbnails: state
            .signer
            .thumbnails(&state.settings.public_url, &photo, now.timestamp()),
        claimed_by: photo
            .claimed_by
            .filter(|_| claim_open)
            .and_then(|id| names.get(&id).cloned()),
        claim_expires_at: photo.claim_expires_at.filter(|_| claim_open),
        id: photo.id,
        campaign_id: photo.campaign_id,
        status: photo.status.as_str(),
        submitted_at: photo.submitted_at,
        display_name: photo.display_name,
        country: photo.country,
        caption: photo.caption,
        width: photo.width,
        height: photo.height,
        blurhash: photo.blurhash,
        flags,
        rejection_reason: photo.rejection_reason,
        decision_note: photo.decision_note,
        decided_by: photo.decided_by,
        decided_at: photo.decided_at,
        related: Vec::new(),
    }
}

async fn load_item(state: &AppState, id: Uuid) -> Result<ReviewItem, ApiError> {
    let photo = state.store.photo(id).await.map_err(|e| match e {
        StoreError::NotFound => ApiError::not_found("The photo"),
        other => other.into(),
    })?;
    let flags = state.store.photo_flags(photo.id).await?;
    let related = related_to(state, &flags).await?;
    let mut item = review_item(state, photo, &state.store.staff_names().await?, flags);
    item.related = related;
    Ok(item)
}

/// The photos a photo's flags point at, so a reviewer sees a duplicate beside its earlier
/// photo (one at a time and in the grid alike).
async fn related_to(state: &AppState, flags: &[PhotoFlag]) -> Result<Vec<RelatedPhoto>, ApiError> {
    let mut related = Vec::new();
    let now = state.clock.now().timestamp();
    for of in flags.iter().map(|f| f.of) {
        match state.store.photo(of).await {
            Ok(p) => related.push(RelatedPhoto {
                id: p.id,
                status: p.status.as_str(),
                thumbnails: state.signer.thumbnails(&state.settings.public_url, &p, now),
            }),
            // Erased since: the flag stays, the picture is gone.
            Err(StoreError::NotFound) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(related)
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QueueQuery {
    /// A campaign's slug (all campaigns when absent).
    pub campaign: Option<String>,
    /// Default `pending_review`.
    pub status: Option<String>,
    /// `duplicate` or `near_duplicate`: only photos carrying that flag.
    pub flag: Option<String>,
    pub limit: Option<u32>,
    pub cursor: Option<String>,
}

/// The review queue, oldest first.
#[utoipa::path(get, path = "/api/v1/moderation/photos", tag = "moderation",
    params(QueueQuery), security(("bearer" = [])),
    responses(
        (status = 200, description = "A page of photos", body = Page<ReviewItem>),
        (status = 400, description = "`invalid_query`", body = crate::error::ErrorBody),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not a moderator or admin", body = crate::error::ErrorBody)))]
pub async fn list_photos(
    auth: Authed<Moderator>,
    state: web::Data<AppState>,
    query: Deferred<web::Query<QueueQuery>>,
) -> Result<HttpResponse, ApiError> {
    let q = query.get()?.into_inner();
    let campaign_id = match &q.campaign {
        Some(slug) => Some(find_campaign(&state, slug).await?.id),
        None => None,
    };
    match campaign_id {
        Some(c) => moderation::ensure_in_scope(&state, &auth.staff, c).await?,
        // A moderator limited to campaigns lists one of them at a time.
        None if auth.staff.role != placard_domain::Role::Admin
            && !state.store.staff_scope(auth.staff.id).await?.is_empty() =>
        {
            return Err(AppError::OutOfScope.into())
        }
        None => {}
    }
    let status = q
        .status
        .as_deref()
        .map(|s| s.parse::<PhotoStatus>())
        .transpose()
        .map_err(|e| ApiError::bad_request("invalid_query", e))?;
    let flag = q
        .flag
        .as_deref()
        .map(str::parse::<FlagKind>)
        .transpose()
        .map_err(|_| {
            ApiError::bad_request("invalid_query", "flag must be duplicate or near_duplicate.")
        })?;
    let page = PageQuery {
        limit: q.limit,
        cursor: q.cursor,
    };
    let filter = ReviewFilter {
        campaign_id,
        status,
        flag,
    };
    let (photos, next) = state
        .store
        .review_queue(&filter, page.limit()?, page.cursor(Cursor::decode)?)
        .await?;
    let names = state.store.staff_names().await?;
    let ids: Vec<Uuid> = photos.iter().map(|p| p.id).collect();
    let mut flags = state.store.photo_flags_for(&ids).await?;
    let mut items = Vec::with_capacity(photos.len());
    for p in photos {
        let f = flags.remove(&p.id).unwrap_or_default();
        // Only flagged photos (a few in a page) cost a look-up each.
        let related = related_to(&state, &f).await?;
        let mut item = review_item(&state, p, &names, f);
        item.related = related;
        items.push(item);
    }
    Ok(HttpResponse::Ok().json(Page {
        items,
        next_cursor: next.map(|c| c.encode()),
    }))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NextQuery {
    /// The campaign's slug.
    pub campaign: String,
    /// Photos to pass over for now, comma-separated ids (at most 100): they stay claimed by
    /// you until the claim expires, and the next one is handed out instead.
    pub skip: Option<String>,
    /// `true`: only photos carrying a flag (duplicates, near duplicates).
    pub flagged: Option<bool>,
}

/// Most ids `skip` takes.
const MAX_SKIP: usize = 100;

fn parse_skip(raw: Option<&str>) -> Result<Vec<Uuid>, ApiError> {
    let ids = raw
        .unwrap_or_default()
        .split(',')
        .filter(|s| !s.trim().is_empty())
        .map(|s| Uuid::parse_str(s.trim()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| ApiError::bad_request("invalid_query", "skip: a list of photo ids."))?;
    if ids.len() > MAX_SKIP {
        return Err(ApiError::bad_request(
            "invalid_query",
            format!("skip: at most {MAX_SKIP} ids."),
        ));
    }
    Ok(ids)
}

/// Claims the oldest unclaimed photo awaiting review (yours again if you still hold one).
#[utoipa::path(post, path = "/api/v1/moderation/photos/next", tag = "moderation",
    params(NextQuery), security(("bearer" = [])),
    responses(
        (status = 200, description = "The photo, now claimed by you", body = ReviewItem),
        (status = 204, description = "Nothing left to review"),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not a moderator or admin", body = crate::error::ErrorBody),
        (status = 404, description = "No such campaign", body = crate::error::ErrorBody)))]
pub async fn next_photo(
    auth: Authed<Moderator>,
    state: web::Data<AppState>,
    query: Deferred<web::Query<NextQuery>>,
) -> Result<HttpResponse, ApiError> {
    let query = query.get()?;
    let skip = parse_skip(query.skip.as_deref())?;
    let campaign = find_campaign(&state, &query.campaign).await?;
    moderation::ensure_in_scope(&state, &auth.staff, campaign.id).await?;
    let claimed = state
        .store
        .claim_next(
            Subject::Photo,
            campaign.id,
            auth.staff.id,
            state.settings.claim_hold,
            state.clock.now(),
            Pass {
                skip: &skip,
                flagged_only: query.flagged.unwrap_or(false),
            },
        )
        .await?;
    match claimed {
        Some(id) => Ok(HttpResponse::Ok().json(load_item(&state, id).await?)),
        None => Ok(HttpResponse::NoContent().finish()),
    }
}

/// Approves or rejects a photo (claiming it at once if nobody holds it).
#[utoipa::path(post, path = "/api/v1/moderation/photos/{id}/decision", tag = "moderation",
    params(("id" = Uuid, Path)), request_body = DecisionBody, security(("bearer" = [])),
    responses(
        (status = 200, description = "The updated photo", body = ReviewItem),
        (status = 400, description = "`invalid_field`", body = crate::error::ErrorBody),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not a moderator or admin", body = crate::error::ErrorBody),
        (status = 404, description = "No such photo", body = crate::error::ErrorBody),
        (status = 409, description = "`claimed_by_other`, `already_decided` or `not_ready`", body = crate::error::ErrorBody),
        (status = 422, description = "`invalid_reason`", body = crate::error::ErrorBody)))]
pub async fn decide_photo(
    auth: Authed<Moderator>,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    body: Deferred<web::Json<DecisionBody>>,
) -> Result<HttpResponse, ApiError> {
    let decision = body.get()?.into_inner().decision()?;
    moderation::ensure_photo_in_scope(&state, &auth.staff, *id).await?;
    moderation::decide(&state, &auth.staff, Subject::Photo, *id, &decision).await?;
    Ok(HttpResponse::Ok().json(load_item(&state, *id).await?))
}

/// Returns a decided photo to the queue.
#[utoipa::path(post, path = "/api/v1/moderation/photos/{id}/reopen", tag = "moderation",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses(
        (status = 200, description = "The photo, pending review again", body = ReviewItem),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not a moderator or admin", body = crate::error::ErrorBody),
        (status = 404, description = "No such photo", body = crate::error::ErrorBody),
        (status = 409, description = "`not_decided`", body = crate::error::ErrorBody)))]
pub async fn reopen_photo(
    auth: Authed<Moderator>,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    moderation::ensure_photo_in_scope(&state, &auth.staff, *id).await?;
    moderation::reopen(&state, &auth.staff, Subject::Photo, *id).await?;
    Ok(HttpResponse::Ok().json(load_item(&state, *id).await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BulkBody {
    /// At most 200.
    pub ids: Vec<Uuid>,
    pub decision: String,
    pub reason: Option<String>,
    pub note: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct BulkResult {
    pub id: Uuid,
    /// `approved`, `rejected`, or the error code for this id.
    pub outcome: String,
}

#[derive(Serialize, ToSchema)]
pub struct BulkResults {
    pub results: Vec<BulkResult>,
}

/// Applies one decision to many photos; reports per id. One bad id does not sink the others.
#[utoipa::path(post, path = "/api/v1/moderation/photos/decisions", tag = "moderation",
    request_body = BulkBody, security(("bearer" = [])),
    responses(
        (status = 200, description = "What happened to each id", body = BulkResults),
        (status = 400, description = "`invalid_field`", body = crate::error::ErrorBody),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not a moderator or admin", body = crate::error::ErrorBody),
        (status = 422, description = "`invalid_reason`", body = crate::error::ErrorBody)))]
pub async fn decide_photos(
    auth: Authed<Moderator>,
    state: web::Data<AppState>,
    body: Deferred<web::Json<BulkBody>>,
) -> Result<HttpResponse, ApiError> {
    let b = body.get()?.into_inner();
    if b.ids.is_empty() || b.ids.len() > MAX_BULK {
        return Err(ApiError::bad_request(
            "invalid_field",
            format!("ids: between 1 and {MAX_BULK}."),
        ));
    }
    let decision = parse_decision(&b.decision, b.reason.as_deref(), b.note.as_deref())?;
    let mut results = Vec::with_capacity(b.ids.len());
    for id in b.ids {
        let done = match moderation::ensure_photo_in_scope(&state, &auth.staff, id).await {
            Ok(()) => moderation::decide(&state, &auth.staff, Subject::Photo, id, &decision).await,
            Err(e) => Err(e),
        };
        let outcome = match done {
            Ok(()) => decision.outcome().as_str().to_owned(),
            Err(e) => ApiError::from(e).code().to_owned(),
        };
        results.push(BulkResult { id, outcome });
    }
    Ok(HttpResponse::Ok().json(BulkResults { results }))
}
