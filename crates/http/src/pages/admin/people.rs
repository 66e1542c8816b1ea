//! Staff accounts and dead jobs on the operator's pages. A new or rotated token is shown
//! on the page that answers the form, once (the page is `no-store`), and never again.

use super::{operator, operator_posting, place_error, see_other, FormData, FormError, Operator};
use crate::l10n::Tr;
use crate::pages::render;
use crate::routes::admin::staff::{self as staff_routes, CreateStaff};
use crate::{ApiError, AppState};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use placard_domain::JobState;
use placard_storage::staff::StaffAccount;
use uuid::Uuid;

struct AccountRow {
    a: StaffAccount,
    created: String,
    last_seen: String,
    revoked: Option<String>,
}

/// A token to show once, and whose it is.
struct NewToken {
    name: String,
    token: String,
    rotated: bool,
}

#[derive(Template)]
#[template(path = "admin_staff.html")]
struct StaffPage<'a> {
    t: Tr<'a>,
    name: String,
    csrf: String,
    accounts: Vec<AccountRow>,
    /// Every campaign, for a moderator's scope: `(slug, title)`.
    campaigns: Vec<(String, String)>,
    new_token: Option<NewToken>,
    error: FormError,
    /// What was sent, when the form is shown again.
    sent_name: String,
    sent_role: String,
}

async fn staff_page(
    state: &AppState,
    op: Operator<'_>,
    status: StatusCode,
    new_token: Option<NewToken>,
    error: Option<(Option<&'static str>, String)>,
    sent: Option<&FormData>,
) -> Result<HttpResponse, ApiError> {
    let accounts = state
        .store
        .staff_accounts()
        .await?
        .into_iter()
        .map(|a| AccountRow {
            created: op.t.date_time(a.created_at),
            last_seen: a
                .last_seen_at
                .map(|at| op.t.date_time(at))
                .unwrap_or_else(|| op.t.get("staff-never")),
            revoked: a.revoked_at.map(|at| op.t.date_time(at)),
            a,
        })
        .collect();
    let campaigns = state
        .store
        .campaigns()
        .await?
        .into_iter()
        .map(|c| (c.slug, c.title))
        .collect();
    render(
        status,
        &StaffPage {
            error: FormError::new(&op.t, error),
            t: op.t,
            name: op.name,
            csrf: op.csrf,
            accounts,
            campaigns,
            new_token,
            sent_name: sent
                .and_then(|f| f.get("name"))
                .unwrap_or_default()
                .to_owned(),
            sent_role: sent
                .and_then(|f| f.get("role"))
                .unwrap_or("moderator")
                .to_owned(),
        },
    )
}

/// `GET /admin/staff`.
pub async fn staff_accounts_page(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    match operator(&state, &req, "/admin/staff").await? {
        Ok(op) => staff_page(&state, op, StatusCode::OK, None, None, None).await,
        Err(page) => Ok(page),
    }
}

/// `POST /admin/staff`: creates an account and shows its token, this once.
pub async fn create_staff_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, ApiError> {
    let f = FormData::from(form);
    let op = match operator_posting(&state, &req, &f, "/admin/staff").await? {
        Ok(op) => op,
        Err(page) => return Ok(page),
    };
    let role = f.get("role").unwrap_or_default().to_owned();
    // Campaign boxes count for moderators only (the form shows them for every role).
    let campaigns = if role == "moderator" {
        f.all("campaigns")
    } else {
        Vec::new()
    };
    let body = CreateStaff {
        name: f.get("name").unwrap_or_default().to_owned(),
        role,
        campaigns: Some(campaigns),
    };
    match staff_routes::create(&state, &op.name, body).await {
        Ok((account, token)) => {
            let shown = NewToken {
                name: account.name,
                token: token.expose().to_owned(),
                rotated: false,
            };
            staff_page(&state, op, StatusCode::CREATED, Some(shown), None, None).await
        }
        Err(e) => {
            let placed = place_error(&e, &["name", "role", "campaigns"]);
            let placed = if e.code() == "conflict" {
                (Some("name"), "staff-name-taken".to_owned())
            } else {
                placed
            };
            let status = e.status();
            staff_page(&state, op, status, None, Some(placed), Some(&f)).await
        }
    }
}

/// `POST /admin/staff/{id}/revoke`.
pub async fn revoke_staff_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<Uuid>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, ApiError> {
    let f = FormData::from(form);
    let op = match operator_posting(&state, &req, &f, "/admin/staff").await? {
        Ok(op) => op,
        Err(page) => return Ok(page),
    };
    staff_routes::revoke(&state, &op.name, *id).await?;
    Ok(see_other("/admin/staff"))
}

/// `POST /admin/staff/{id}/campaigns`: the campaigns a moderator may review.
pub async fn staff_scope_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<Uuid>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, ApiError> {
    let f = FormData::from(form);
    let op = match operator_posting(&state, &req, &f, "/admin/staff").await? {
        Ok(op) => op,
        Err(page) => return Ok(page),
    };
    match staff_routes::change_scope(&state, &op.name, *id, &f.all("campaigns")).await {
        Ok(_) => Ok(see_other("/admin/staff")),
        Err(e) => {
            let status = e.status();
            staff_page(
                &state,
                op,
                status,
                None,
                Some((None, e.message().to_owned())),
                None,
            )
            .await
        }
    }
}

/// `POST /admin/staff/{id}/rotate`: a new token, shown this once.
pub async fn rotate_staff_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<Uuid>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, ApiError> {
    let f = FormData::from(form);
    let op = match operator_posting(&state, &req, &f, "/admin/staff").await? {
        Ok(op) => op,
        Err(page) => return Ok(page),
    };
    match staff_routes::rotate(&state, &op.name, *id).await {
        Ok((account, token)) => {
            let shown = NewToken {
                name: account.name,
                token: token.expose().to_owned(),
                rotated: true,
            };
            staff_page(&state, op, StatusCode::OK, Some(shown), None, None).await
        }
        Err(e) => {
            let status = e.status();
            staff_page(
                &state,
                op,
                status,
                None,
                Some((None, e.message().to_owned())),
                None,
            )
            .await
        }
    }
}

struct JobRow {
    id: Uuid,
    kind: String,
    attempts: u32,
    last_error: String,
    failed: String,
}

#[derive(Template)]
#[template(path = "admin_jobs.html")]
struct JobsPage<'a> {
    t: Tr<'a>,
    name: String,
    csrf: String,
    jobs: Vec<JobRow>,
    retried: bool,
}

#[derive(serde::Deserialize)]
pub struct RetriedQuery {
    retried: Option<String>,
}

/// `GET /admin/jobs`: dead jobs, oldest first, with their last error.
pub async fn dead_jobs_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    q: web::Query<RetriedQuery>,
) -> Result<HttpResponse, ApiError> {
    let op = match operator(&state, &req, "/admin/jobs").await? {
        Ok(op) => op,
        Err(page) => return Ok(page),
    };
    let (jobs, _) = state.store.list_jobs(JobState::Dead, 200, None).await?;
    render(
        StatusCode::OK,
        &JobsPage {
            name: op.name,
            csrf: op.csrf,
            jobs: jobs
                .into_iter()
                .map(|j| JobRow {
                    id: j.id,
                    kind: j.kind,
                    attempts: j.attempts,
                    last_error: j.last_error.unwrap_or_default(),
                    failed: op.t.date_time(j.updated_at),
                })
                .collect(),
            retried: q.retried.is_some(),
            t: op.t,
        },
    )
}

/// `POST /admin/jobs/{id}/retry`.
pub async fn retry_job_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<Uuid>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, ApiError> {
    let f = FormData::from(form);
    let op = match operator_posting(&state, &req, &f, "/admin/jobs").await? {
        Ok(op) => op,
        Err(page) => return Ok(page),
    };
    match state
        .store
        .retry_job(*id, &op.name, state.clock.now())
        .await
    {
        // Retried, or already retried by someone else: either way it is no longer dead.
        Ok(_) | Err(placard_storage::StoreError::InvalidState(_)) => {
            Ok(see_other("/admin/jobs?retried=1"))
        }
        Err(e) => Err(e.into()),
    }
}
