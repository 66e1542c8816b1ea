//! Slogan contests: created by admins; entered, checked and withdrawn by supporters; results
//! published once, at `announce_at`.

use crate::auth::{Admin, Authed, Deferred};
use crate::credentials::bearer_token;
use crate::middleware::PublicPost;
use crate::{ApiError, AppState};
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use placard_domain::campaign::optional_text;
use placard_domain::{ContestError, ContestState, NewContest, SecretToken, Slogan};
use placard_storage::contests::{Contest, Entry, NewEntry};
use placard_storage::StoreError;
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
    /// `upcoming`, `open`, `judging` or `announced`.
    pub state: &'static str,
    pub announced_at: Option<DateTime<Utc>>,
}

pub fn state_of(c: &Contest, now: DateTime<Utc>) -> ContestState {
    ContestState::at(
        now,
        c.opens_at,
        c.entries_close_at,
        c.announce_at,
        c.announced_at.is_some(),
    )
}

impl ContestView {
    /// The contest as seen at `now` (its state depends on the time).
    fn at(c: Contest, now: DateTime<Utc>) -> Self {
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
            announced_at: c.announced_at,
        }
    }
}

pub async fn find_contest(state: &AppState, slug: &str) -> Result<Contest, ApiError> {
    state
        .store
        .contest_by_slug(slug)
        .await
        .map_err(|e| match e {
            StoreError::NotFound => ApiError::not_found("The contest"),
            other => other.into(),
        })
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
    let b = body.get()?.into_inner();
    let new = NewContest::parse(
        &b.slug,
        &b.title,
        b.description.as_deref(),
        b.opens_at,
        b.entries_close_at,
        b.announce_at,
        b.shortlist_size,
    )
    .map_err(|e| match e {
        ContestError::InvalidTimeline => ApiError::unprocessable("invalid_timeline", e.to_string()),
        ContestError::Field(f) => ApiError::bad_request("invalid_field", f.to_string()),
    })?;
    let contest = state
        .store
        .create_contest(&new, state.clock.now())
        .await
        .map_err(|e| match e {
            StoreError::Conflict(_) => {
                ApiError::conflict("conflict", "A contest with this slug exists.")
            }
            other => other.into(),
        })?;
    Ok(HttpResponse::Created().json(ContestView::at(contest, state.clock.now())))
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

#[derive(Deserialize, ToSchema)]
pub struct EnterBody {
    pub slogan: String,
    pub author_name: String,
    /// Must be `true`.
    pub consent: Option<bool>,
    pub email: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct EntryReceipt {
    pub id: Uuid,
    /// `pending_review`.
    pub status: &'static str,
    /// Keep it: the only way to check on or withdraw this entry. Shown once.
    pub receipt_token: String,
}

fn check_email(raw: Option<&str>) -> Result<Option<String>, ApiError> {
    let email = optional_text("email", raw, 254, false)
        .map_err(|e| ApiError::bad_request("invalid_field", e.to_string()))?;
    if let Some(e) = &email {
        let ok = e
            .split_once('@')
            .is_some_and(|(user, host)| !user.is_empty() && host.contains('.') && !e.contains(' '));
        if !ok {
            return Err(ApiError::bad_request(
                "invalid_field",
                "email: not an email address.",
            ));
        }
    }
    Ok(email)
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

/// Checks and stores an entry: the API and the contest page's plain form both come here.
pub(crate) async fn accept_entry(
    state: &AppState,
    slug: &str,
    body: &EnterBody,
) -> Result<EntryReceipt, ApiError> {
    let contest = find_contest(state, slug).await?;
    let now = state.clock.now();
    if state_of(&contest, now) != ContestState::Open {
        return Err(ApiError::conflict(
            "entries_closed",
            "This contest is not taking entries.",
        ));
    }
    if body.consent != Some(true) {
        return Err(ApiError::bad_request(
            "consent_required",
            "Consent is required: send \"consent\": true.",
        ));
    }
    let slogan = Slogan::parse(&body.slogan)
        .map_err(|e| ApiError::unprocessable("invalid_slogan", e.to_string()))?;
    let author = optional_text("author_name", Some(&body.author_name), 60, false)
        .map_err(|e| ApiError::bad_request("invalid_field", e.to_string()))?
        .ok_or_else(|| ApiError::bad_request("invalid_field", "author_name: is required."))?;
    let email = check_email(body.email.as_deref())?;
    let receipt = SecretToken::generate("rct");
    let id = state
        .store
        .insert_entry(
            &NewEntry {
                contest_id: contest.id,
                slogan: &slogan,
                author_name: Some(&author),
                email: email.as_deref(),
                receipt: &receipt.hash(),
            },
            now,
        )
        .await
        .map_err(|e| match e {
            StoreError::Conflict(_) => {
                ApiError::conflict("duplicate_entry", "This slogan has been entered already.")
            }
            other => other.into(),
        })?;
    tracing::info!(entry.id = %id, "slogan entered");
    Ok(EntryReceipt {
        id,
        status: "pending_review",
        receipt_token: receipt.expose().to_owned(),
    })
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
}

pub(crate) async fn own_entry(
    state: &AppState,
    token: Option<&str>,
    id: Uuid,
) -> Result<Entry, ApiError> {
    let found = state.store.entry(id).await;
    crate::auth::owned(
        state,
        token,
        found,
        |e: &Entry| &e.receipt_hash,
        "The entry",
    )
    .await
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
    Ok(HttpResponse::Ok().json(EntryStatus {
        id: e.id,
        slogan: e.slogan,
        status: e.status.as_str(),
        rejection_reason: e.rejection_reason,
        submitted_at: e.submitted_at,
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

pub(crate) async fn erase_entry(state: &AppState, e: &Entry) -> Result<(), ApiError> {
    state
        .store
        .erase_submission(
            placard_storage::moderation::Subject::Entry,
            e.id,
            state.clock.now(),
        )
        .await?;
    tracing::info!(entry.id = %e.id, "entry withdrawn by its author");
    Ok(())
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
