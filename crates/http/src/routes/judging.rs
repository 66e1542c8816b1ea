//! Judging (judges and admins): blind scoring, the calibrated ranking, the shortlist.

use crate::application::{find_contest, state_of, AppError};
use crate::auth::{Authed, Deferred, Judge};
use crate::{ApiError, AppState};
use actix_web::{web, HttpResponse};
use chrono::{DateTime, Utc};
use placard_domain::ContestState;
use placard_storage::contests::{BlindEntry, Contest, RankedEntry};
use placard_storage::contests::{CONFLICTED, JUDGING_CLOSED, WRONG_JUDGING_MODE};
use placard_storage::StoreError;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct BlindList {
    /// Approved entries: `{"id","slogan","my_score"}` — no author, email or others' scores.
    #[schema(value_type = Vec<Object>)]
    pub items: Vec<BlindEntry>,
}

/// Judging closes at `announce_at` (or at the announcement, whichever comes first).
pub(crate) fn ensure_open(contest: &Contest, now: DateTime<Utc>) -> Result<(), ApiError> {
    if state_of(contest, now) == ContestState::Announced {
        return Err(ApiError::conflict(
            "judging_closed",
            "Judging closed at the announcement time.",
        ));
    }
    Ok(())
}

/// The approved entries, blind.
#[utoipa::path(get, path = "/api/v1/judging/contests/{slug}/entries", tag = "judging",
    params(("slug" = String, Path)), security(("bearer" = [])),
    responses(
        (status = 200, description = "The entries to judge", body = BlindList),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not a judge or admin", body = crate::error::ErrorBody),
        (status = 404, description = "No such contest", body = crate::error::ErrorBody)))]
pub async fn blind_entries(
    auth: Authed<Judge>,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let contest = find_contest(&state, &slug).await?;
    let items = state.store.blind_entries(contest.id, auth.staff.id).await?;
    Ok(HttpResponse::Ok().json(BlindList { items }))
}

#[derive(Deserialize, ToSchema)]
pub struct ScoreBody {
    /// 1–10.
    #[schema(value_type = i64)]
    pub score: serde_json::Value,
}

/// Scores an entry; a later score by the same judge replaces the earlier one.
#[utoipa::path(put, path = "/api/v1/judging/contests/{slug}/entries/{id}/score", tag = "judging",
    params(("slug" = String, Path), ("id" = Uuid, Path)), request_body = ScoreBody, security(("bearer" = [])),
    responses(
        (status = 200, description = "Recorded", content_type = "application/json"),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not a judge or admin", body = crate::error::ErrorBody),
        (status = 404, description = "No such approved entry in this contest", body = crate::error::ErrorBody),
        (status = 409, description = "`judging_closed`, `conflicted`, or `wrong_judging_mode` (a pairwise contest)", body = crate::error::ErrorBody),
        (status = 422, description = "`invalid_score`", body = crate::error::ErrorBody)))]
pub async fn put_score(
    auth: Authed<Judge>,
    state: web::Data<AppState>,
    path: web::Path<(String, Uuid)>,
    body: Deferred<web::Json<ScoreBody>>,
) -> Result<HttpResponse, ApiError> {
    let (slug, id) = path.into_inner();
    let score = body
        .get()
        .ok()
        .and_then(|b| b.score.as_u64())
        .filter(|s| (1..=10).contains(s))
        .ok_or_else(|| {
            ApiError::unprocessable(
                "invalid_score",
                "score must be a whole number from 1 to 10.",
            )
        })?;
    let contest = find_contest(&state, &slug).await?;
    ensure_open(&contest, state.clock.now())?;
    state
        .store
        .put_score(
            contest.id,
            id,
            auth.staff.id,
            score as u8,
            state.clock.now(),
        )
        .await
        .map_err(|e| match e {
            StoreError::NotFound => ApiError::from(AppError::NotFound("The entry")),
            // Announced between the check above and the score's transaction.
            StoreError::InvalidState(JUDGING_CLOSED) => AppError::JudgingClosed.into(),
            StoreError::InvalidState(CONFLICTED) => conflicted(),
            StoreError::InvalidState(WRONG_JUDGING_MODE) => wrong_mode(),
            other => AppError::Store(other).into(),
        })?;
    Ok(HttpResponse::Ok().json(serde_json::json!({"id": id, "score": score})))
}

pub(crate) fn conflicted() -> ApiError {
    ApiError::conflict(
        "conflicted",
        "You stepped aside from this entry: your judgements of it do not count.",
    )
}

/// A score in a pairwise contest, or a comparison in a scores one.
pub(crate) fn wrong_mode() -> ApiError {
    ApiError::conflict(
        "wrong_judging_mode",
        "This contest is judged the other way (see its judging_mode).",
    )
}

/// The judge steps aside from an entry (they know its author): it is hidden from them, their
/// score of it is withdrawn, and none of their judgements of it count. Declaring it again
/// changes nothing. Audited as `entry.conflict`.
#[utoipa::path(put, path = "/api/v1/judging/contests/{slug}/entries/{id}/conflict", tag = "judging",
    params(("slug" = String, Path), ("id" = Uuid, Path)), security(("bearer" = [])),
    responses(
        (status = 200, description = "Declared", content_type = "application/json"),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not a judge or admin", body = crate::error::ErrorBody),
        (status = 404, description = "No such approved entry in this contest", body = crate::error::ErrorBody),
        (status = 409, description = "`judging_closed`", body = crate::error::ErrorBody)))]
pub async fn declare_conflict(
    auth: Authed<Judge>,
    state: web::Data<AppState>,
    path: web::Path<(String, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (slug, id) = path.into_inner();
    let contest = find_contest(&state, &slug).await?;
    ensure_open(&contest, state.clock.now())?;
    state
        .store
        .declare_conflict(contest.id, id, &auth.staff, state.clock.now())
        .await
        .map_err(|e| match e {
            StoreError::NotFound => AppError::NotFound("The entry"),
            StoreError::InvalidState(JUDGING_CLOSED) => AppError::JudgingClosed,
            other => AppError::Store(other),
        })?;
    Ok(HttpResponse::Ok().json(serde_json::json!({"id": id, "conflict": true})))
}

#[derive(Serialize, ToSchema)]
pub struct RankingView {
    /// `{"rank","id","slogan","score","judges","shortlisted"}`, best first; in a pairwise
    /// contest also `interval` (`[low, high]`, 95 %).
    #[schema(value_type = Vec<Object>)]
    pub items: Vec<RankedEntry>,
    pub shortlist: ShortlistState,
}

/// How the shortlist marked in the ranking came about.
#[derive(Serialize, ToSchema)]
pub struct ShortlistState {
    /// Pinned by a judge or admin (`PUT …/shortlist`); false: the top `size` of the ranking.
    pub pinned: bool,
    /// The contest's `shortlist_size`.
    pub size: i32,
}

/// The calibrated ranking (method: docs/RANKING.md).
#[utoipa::path(get, path = "/api/v1/judging/contests/{slug}/ranking", tag = "judging",
    params(("slug" = String, Path)), security(("bearer" = [])),
    responses(
        (status = 200, description = "The ranking", body = RankingView),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not a judge or admin", body = crate::error::ErrorBody),
        (status = 404, description = "No such contest", body = crate::error::ErrorBody)))]
pub async fn ranking(
    _auth: Authed<Judge>,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let contest = find_contest(&state, &slug).await?;
    let ranking = state.store.ranking(&contest).await?;
    Ok(HttpResponse::Ok().json(RankingView {
        items: ranking.entries,
        shortlist: ShortlistState {
            pinned: ranking.pinned,
            size: contest.shortlist_size,
        },
    }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ShortlistBody {
    /// Approved entries of this contest, in the order to show them.
    pub entry_ids: Vec<Uuid>,
}

/// Pins the shortlist (an empty list returns to the top `shortlist_size` of the ranking).
#[utoipa::path(put, path = "/api/v1/judging/contests/{slug}/shortlist", tag = "judging",
    params(("slug" = String, Path)), request_body = ShortlistBody, security(("bearer" = [])),
    responses(
        (status = 200, description = "Pinned", content_type = "application/json"),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not a judge or admin", body = crate::error::ErrorBody),
        (status = 409, description = "`judging_closed`", body = crate::error::ErrorBody),
        (status = 422, description = "`invalid_field`: an id is not an approved entry of the contest", body = crate::error::ErrorBody)))]
pub async fn pin_shortlist(
    auth: Authed<Judge>,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    body: Deferred<web::Json<ShortlistBody>>,
) -> Result<HttpResponse, ApiError> {
    let ids = body.get()?.into_inner().entry_ids;
    let contest = find_contest(&state, &slug).await?;
    ensure_open(&contest, state.clock.now())?;
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    if unique.len() != ids.len() || ids.len() > 100 {
        return Err(ApiError::unprocessable(
            "invalid_field",
            "entry_ids: at most 100, each once.",
        ));
    }
    state
        .store
        .pin_shortlist(contest.id, &ids, &auth.staff.name, state.clock.now())
        .await
        .map_err(|e| match e {
            StoreError::NotFound => ApiError::unprocessable(
                "invalid_field",
                "entry_ids: not all are approved entries of this contest.",
            ),
            other => other.into(),
        })?;
    Ok(HttpResponse::Ok().json(serde_json::json!({"entry_ids": ids})))
}
