//! Slogan contests: created by admins; entered, checked and withdrawn by supporters; results
//! published once, at `announce_at`.

use crate::application::entries::{accept_entry, erase_entry, own_entry, EnterBody, EntryReceipt};
use crate::application::{find_contest, state_of, AppError};
use crate::auth::{Admin, Authed, Deferred};
use crate::credentials::bearer_token;
use crate::middleware::PublicPost;
use crate::{ApiError, AppState};
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use placard_domain::{ContestError, NewContest};
use placard_storage::contests::Contest;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateContest {
    pub slug: String,
    pub title: String,
    pub description: Option<String>,
    pub opens_at: Option<DateTime<Utc>>,
    pub entries_close_at: DateTime<Utc>,
    pub announce_at: DateTime<Utc>,
    /// Default 10.
    pub shortlist_size: Option<u32>,
    /// `scores` (default) or `pairwise`; fixed once judging has begun.
    pub judging_mode: Option<String>,
    /// Judgements each entry should have before the announcement (default 3, 1–100).
    pub min_judgements: Option<u32>,
}

#[derive(Serialize, ToSchema)]
pub struct ContestView {
    pub id: Uuid,
    pub slug: String,
    pub title: String,
    pub description: Option<String>,
    pub opens_at: Option<DateTime<Utc>>,
    pub entries_close_at: DateTime<Utc>,
    pub announce_at: DateTime<Utc>,
    pub shortlist_size: i32,
    /// `scores` or `pairwise`.
    pub judging_mode: String,
    pub min_judgements: i32,
    /// `upcoming`, `open`, `judging` or `announced`.
    pub state: &'static str,
    pub announced_at: Option<DateTime<Utc>>,
}

impl ContestView {
    /// The contest as seen at `now` (its state depends on the time).
    pub(crate) fn at(c: Contest, now: DateTime<Utc>) -> Self {
        Self {
            state: state_of(&c, now).as_str(),
            id: c.id,
            slug: c.slug,
            title: c.title,
            description: c.description,
            opens_at: c.opens_at,
            entries_close_at: c.entries_close_at,
            announce_at: c.announce_at,
            shortlist_size: c.shortlist_size,
            judging_mode: c.judging_mode,
            min_judgements: c.min_judgements,
            announced_at: c.announced_at,
        }
    }
}

/// Creates a slogan contest.
#[utoipa::path(post, path = "/api/v1/admin/contests", tag = "admin",
    request_body = CreateContest, security(("bearer" = [])),
    responses(
        (status = 201, description = "Created", body = ContestView),
        (status = 400, description = "`invalid_field`", body = crate::error::ErrorBody),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not an admin", body = crate::error::ErrorBody),
        (status = 409, description = "`conflict`: the slug is taken", body = crate::error::ErrorBody),
        (status = 422, description = "`invalid_timeline`", body = crate::error::ErrorBody)))]
pub async fn create_contest(
    _auth: Authed<Admin>,
    state: web::Data<AppState>,
    body: Deferred<web::Json<CreateContest>>,
) -> Result<HttpResponse, ApiError> {
    let contest = create(&state, body.get()?.into_inner()).await?;
    Ok(HttpResponse::Created().json(ContestView::at(contest, state.clock.now())))
}

/// Checks and creates a contest: the API and the admin page's form both come through here.
pub(crate) async fn create(state: &AppState, b: CreateContest) -> Result<Contest, ApiError> {
    let new = NewContest::parse(
        &b.slug,
        &b.title,
        b.description.as_deref(),
        b.opens_at,
        b.entries_close_at,
        b.announce_at,
        b.shortlist_size,
    )
    .and_then(|n| n.with_judging(b.judging_mode.as_deref(), b.min_judgements))
    .map_err(|e| match e {
        ContestError::InvalidTimeline => ApiError::unprocessable("invalid_timeline", e.to_string()),
        ContestError::Field(f) => ApiError::bad_request("invalid_field", f.to_string()),
    })?;
    Ok(state
        .store
        .create_contest(&new, state.clock.now())
        .await
        .map_err(|e| AppError::on_unique(e, AppError::Taken("A contest with this slug")))?)
}

/// A contest with its timeline and state.
#[utoipa::path(get, path = "/api/v1/contests/{slug}", tag = "contest",
    params(("slug" = String, Path)),
    responses(
        (status = 200, description = "The contest", body = ContestView),
        (status = 404, description = "No such contest", body = crate::error::ErrorBody)))]
pub async fn get_contest(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(ContestView::at(
        find_contest(&state, &slug).await?,
        state.clock.now(),
    )))
}

/// Enters a slogan.
#[utoipa::path(post, path = "/api/v1/contests/{slug}/entries", tag = "contest",
    params(("slug" = String, Path)), request_body = EnterBody,
    responses(
        (status = 201, description = "Entered; it is moderated before judges see it", body = EntryReceipt),
        (status = 400, description = "`consent_required` or `invalid_field`", body = crate::error::ErrorBody),
        (status = 404, description = "No such contest", body = crate::error::ErrorBody),
        (status = 409, description = "`duplicate_entry` or `entries_closed`", body = crate::error::ErrorBody),
        (status = 422, description = "`invalid_slogan`", body = crate::error::ErrorBody),
        (status = 429, description = "`rate_limited`", body = crate::error::ErrorBody)))]
pub async fn enter(
    _limit: PublicPost,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    body: web::Json<EnterBody>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Created().json(accept_entry(&state, &slug, &body).await?))
}

#[derive(Serialize, ToSchema)]
pub struct EntryStatus {
    pub id: Uuid,
    pub slogan: String,
    /// `pending_review`, `approved` or `rejected`.
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rejection_reason: Option<String>,
    pub submitted_at: DateTime<Utc>,
    /// Everything else held about the author, shown back to them only. The email is
    /// deleted once the contest is announced.
    pub author_name: Option<String>,
    pub email: Option<String>,
    pub consent: crate::routes::photos::ConsentView,
}

/// A supporter's own entry.
#[utoipa::path(get, path = "/api/v1/entries/{id}", tag = "contest",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses(
        (status = 200, description = "The entry's status", body = EntryStatus),
        (status = 401, description = "No receipt token", body = crate::error::ErrorBody),
        (status = 404, description = "No such entry for this token", body = crate::error::ErrorBody)))]
pub async fn get_entry(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let e = own_entry(&state, bearer_token(&req).as_deref(), *id).await?;
    let consent = crate::routes::photos::ConsentView::of(
        &state,
        e.consent_id,
        e.consent_at,
        placard_domain::STANDARD_ENTRY_CONSENT,
    )
    .await?;
    Ok(HttpResponse::Ok().json(EntryStatus {
        id: e.id,
        slogan: e.slogan,
        status: e.status.as_str(),
        rejection_reason: e.rejection_reason,
        submitted_at: e.submitted_at,
        author_name: e.author_name,
        email: e.email,
        consent,
    }))
}

/// Withdraws an entry.
#[utoipa::path(delete, path = "/api/v1/entries/{id}", tag = "contest",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses(
        (status = 204, description = "Withdrawn and erased"),
        (status = 401, description = "No receipt token", body = crate::error::ErrorBody),
        (status = 404, description = "No such entry for this token", body = crate::error::ErrorBody)))]
pub async fn delete_entry(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let e = own_entry(&state, bearer_token(&req).as_deref(), *id).await?;
    erase_entry(state.get_ref(), &e).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Before `announce_at`: `{"announced":false,"announce_at"}`; after: the frozen results.
#[utoipa::path(get, path = "/api/v1/contests/{slug}/results", tag = "contest",
    params(("slug" = String, Path)),
    responses(
        (status = 200, description = "The results, or when they will be announced", content_type = "application/json"),
        (status = 404, description = "No such contest", body = crate::error::ErrorBody)))]
pub async fn results(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let contest = find_contest(&state, &slug).await?;
    match &contest.results {
        Some(doc) => Ok(HttpResponse::Ok()
            .content_type("application/json")
            .body(doc.clone())),
        None => Ok(HttpResponse::Ok()
            .json(serde_json::json!({"announced": false, "announce_at": contest.announce_at}))),
    }
}

/// The manifest the results follow from, byte for byte as its SHA-256 (the results'
/// `sha256`) was taken: entries, every judgement under a judge's pseudonym, the method and
/// the shortlist rule. `placard verify-results` checks a contest's results against it.
#[utoipa::path(get, path = "/api/v1/contests/{slug}/results/manifest", tag = "contest",
    params(("slug" = String, Path)),
    responses(
        (status = 200, description = "The manifest (canonical JSON)", content_type = "application/json"),
        (status = 404, description = "No such contest, or not announced yet (`not_announced`)", body = crate::error::ErrorBody)))]
pub async fn results_manifest(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let contest = find_contest(&state, &slug).await?;
    match state.store.results_manifest(contest.id).await? {
        // Frozen: it never changes once published.
        Some(text) => Ok(HttpResponse::Ok()
            .content_type("application/json")
            .insert_header((
                actix_web::http::header::CACHE_CONTROL,
                "public, max-age=3600",
            ))
            .body(text)),
        None => Err(ApiError::new(
            actix_web::http::StatusCode::NOT_FOUND,
            "not_announced",
            "The results have not been announced yet.",
        )),
    }
}
