//! Pairwise judging (judges and admins): the next pair to compare, a verdict, a skip; and the
//! judges' report (admins).

use crate::application::{find_contest, AppError};
use crate::auth::{Admin, Authed, Deferred, Judge};
use crate::routes::judging::{conflicted, ensure_open, wrong_mode};
use crate::{ApiError, AppState};
use actix_web::{web, HttpResponse};
use placard_storage::contests::{
    Coverage, JudgeRow, JudgesReport, Pair, UnderJudged, CONFLICTED, JUDGING_CLOSED, SAME_ENTRY,
    WRONG_JUDGING_MODE,
};
use placard_storage::StoreError;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// The errors of the pair routes, in one place.
fn pair_error(e: StoreError) -> ApiError {
    match e {
        StoreError::NotFound => AppError::NotFound("The entry").into(),
        StoreError::InvalidState(JUDGING_CLOSED) => AppError::JudgingClosed.into(),
        StoreError::InvalidState(CONFLICTED) => conflicted(),
        StoreError::InvalidState(WRONG_JUDGING_MODE) => wrong_mode(),
        StoreError::InvalidState(SAME_ENTRY) => {
            ApiError::unprocessable("invalid_pair", "The two entries must be different.")
        }
        other => AppError::Store(other).into(),
    }
}

#[derive(Serialize, ToSchema)]
pub struct PairView {
    /// `{"id","slogan"}`, shown first (left).
    #[schema(value_type = Object)]
    pub a: placard_storage::contests::PairEntry,
    #[schema(value_type = Object)]
    pub b: placard_storage::contests::PairEntry,
}

impl From<Pair> for PairView {
    fn from(p: Pair) -> Self {
        Self { a: p.a, b: p.b }
    }
}

/// The pair this judge should compare next: the one whose answer is expected to teach the
/// most (Crowd-BT, docs/RANKING.md). 204 when they have compared or skipped every pair.
#[utoipa::path(get, path = "/api/v1/judging/contests/{slug}/pair", tag = "judging",
    params(("slug" = String, Path)), security(("bearer" = [])),
    responses(
        (status = 200, description = "The next pair", body = PairView),
        (status = 204, description = "Nothing left to compare"),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not a judge or admin", body = crate::error::ErrorBody),
        (status = 404, description = "No such contest", body = crate::error::ErrorBody),
        (status = 409, description = "`wrong_judging_mode`: a scores contest", body = crate::error::ErrorBody)))]
pub async fn next_pair(
    auth: Authed<Judge>,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let contest = find_contest(&state, &slug).await?;
    match state
        .store
        .next_pair(contest.id, auth.staff.id)
        .await
        .map_err(pair_error)?
    {
        Some(pair) => Ok(HttpResponse::Ok().json(PairView::from(pair))),
        None => Ok(HttpResponse::NoContent().finish()),
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VerdictBody {
    /// The better slogan.
    pub winner: Uuid,
    pub loser: Uuid,
}

/// Records that `winner` is the better slogan of the two; judging the same pair again
/// replaces the verdict.
#[utoipa::path(post, path = "/api/v1/judging/contests/{slug}/pair", tag = "judging",
    params(("slug" = String, Path)), request_body = VerdictBody, security(("bearer" = [])),
    responses(
        (status = 200, description = "Recorded", content_type = "application/json"),
        (status = 400, description = "`invalid_json`", body = crate::error::ErrorBody),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not a judge or admin", body = crate::error::ErrorBody),
        (status = 404, description = "No such contest, or an id is not an approved entry of it", body = crate::error::ErrorBody),
        (status = 409, description = "`judging_closed`, `conflicted` or `wrong_judging_mode`", body = crate::error::ErrorBody),
        (status = 422, description = "`invalid_pair`: the same entry twice", body = crate::error::ErrorBody)))]
pub async fn post_verdict(
    auth: Authed<Judge>,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    body: Deferred<web::Json<VerdictBody>>,
) -> Result<HttpResponse, ApiError> {
    let v = body.get()?.into_inner();
    let contest = find_contest(&state, &slug).await?;
    ensure_open(&contest, state.clock.now())?;
    state
        .store
        .put_comparison(
            contest.id,
            auth.staff.id,
            v.winner,
            v.loser,
            state.clock.now(),
        )
        .await
        .map_err(pair_error)?;
    Ok(HttpResponse::Ok().json(serde_json::json!({"winner": v.winner, "loser": v.loser})))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SkipBody {
    pub a: Uuid,
    pub b: Uuid,
}

/// The judge cannot choose between the two: the pair is not served to them again (an
/// extension of the contract).
#[utoipa::path(post, path = "/api/v1/judging/contests/{slug}/pair/skip", tag = "judging",
    params(("slug" = String, Path)), request_body = SkipBody, security(("bearer" = [])),
    responses(
        (status = 200, description = "Skipped", content_type = "application/json"),
        (status = 400, description = "`invalid_json`", body = crate::error::ErrorBody),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not a judge or admin", body = crate::error::ErrorBody),
        (status = 404, description = "No such contest, or an id is not an approved entry of it", body = crate::error::ErrorBody),
        (status = 409, description = "`judging_closed`, `conflicted` or `wrong_judging_mode`", body = crate::error::ErrorBody),
        (status = 422, description = "`invalid_pair`: the same entry twice", body = crate::error::ErrorBody)))]
pub async fn skip_pair(
    auth: Authed<Judge>,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    body: Deferred<web::Json<SkipBody>>,
) -> Result<HttpResponse, ApiError> {
    let s = body.get()?.into_inner();
    let contest = find_contest(&state, &slug).await?;
    ensure_open(&contest, state.clock.now())?;
    state
        .store
        .skip_pair(contest.id, auth.staff.id, s.a, s.b, state.clock.now())
        .await
        .map_err(pair_error)?;
    Ok(HttpResponse::Ok().json(serde_json::json!({"skipped": [s.a, s.b]})))
}

#[derive(Serialize, ToSchema)]
pub struct JudgesReportView {
    /// `{"judge","judged","leniency","agreement"}` by name. `leniency`: scores mode, how
    /// much higher than the other judges this one scores the same entries, in standard
    /// deviations of all scores (higher: more generous); pairwise, the judge's fitted
    /// reliability in (0, 1) (½: no better than a coin). `agreement`: Kendall's τ with the
    /// ranking of the other judges, in [-1, 1]. `null` where there is nothing to compare.
    #[schema(value_type = Vec<Object>)]
    pub judges: Vec<JudgeRow>,
    /// `{"id","slogan","judgements"}`: approved entries below `min_judgements`, fewest first.
    #[schema(value_type = Vec<Object>)]
    pub under_judged: Vec<UnderJudged>,
    pub min_judgements: i32,
    /// `{"min_judgements","needed","per_hour","hours_left","on_pace"}`: whether the pace of
    /// the last day reaches `min_judgements` for every entry by `announce_at`.
    #[schema(value_type = Object)]
    pub coverage: Coverage,
    /// `scores` or `pairwise`.
    pub judging_mode: String,
}

impl JudgesReportView {
    fn of(r: JudgesReport, min_judgements: i32, judging_mode: String) -> Self {
        Self {
            judges: r.judges,
            under_judged: r.under_judged,
            min_judgements,
            coverage: r.coverage,
            judging_mode,
        }
    }
}

/// The judges' report: per judge the count judged, leniency and agreement with the
/// consensus; the entries under `min_judgements`; and whether the pace reaches coverage.
#[utoipa::path(get, path = "/api/v1/judging/contests/{slug}/judges", tag = "judging",
    params(("slug" = String, Path)), security(("bearer" = [])),
    responses(
        (status = 200, description = "The report", body = JudgesReportView),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not an admin", body = crate::error::ErrorBody),
        (status = 404, description = "No such contest", body = crate::error::ErrorBody)))]
pub async fn judges_report(
    _auth: Authed<Admin>,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let contest = find_contest(&state, &slug).await?;
    let report = state
        .store
        .judges_report(&contest, state.clock.now())
        .await?;
    Ok(HttpResponse::Ok().json(JudgesReportView::of(
        report,
        contest.min_judgements,
        contest.judging_mode,
    )))
}
