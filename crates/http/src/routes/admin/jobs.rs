//! Failed work, visible and retryable by admins.

use crate::auth::{Admin, Authed, Deferred};
use crate::pagination::{Page, PageQuery};
use crate::{ApiError, AppState};
use actix_web::{web, HttpResponse};
use chrono::{DateTime, Utc};
use placard_domain::JobState;
use placard_storage::jobs::Job;
use placard_storage::{Cursor, StoreError};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct JobsQuery {
    /// `queued`, `running`, `done` or `dead` (the default).
    pub state: Option<String>,
    pub limit: Option<u32>,
    pub cursor: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct JobView {
    pub id: Uuid,
    pub kind: String,
    /// `queued`, `running`, `done` or `dead`.
    pub state: String,
    pub attempts: u32,
    pub max_attempts: u32,
    pub run_at: DateTime<Utc>,
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[schema(value_type = Object)]
    pub payload: serde_json::Value,
}

impl From<Job> for JobView {
    fn from(j: Job) -> Self {
        Self {
            id: j.id,
            kind: j.kind,
            state: j.state.as_str().to_owned(),
            attempts: j.attempts,
            max_attempts: j.max_attempts,
            run_at: j.run_at,
            last_error: j.last_error,
            created_at: j.created_at,
            updated_at: j.updated_at,
            payload: j.payload,
        }
    }
}

/// Jobs in one state (dead by default), oldest first.
#[utoipa::path(get, path = "/api/v1/admin/jobs", tag = "admin",
    params(JobsQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "A page of jobs", body = Page<JobView>),
        (status = 400, description = "Bad state, limit or cursor", body = crate::error::ErrorBody),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not an admin", body = crate::error::ErrorBody)))]
pub async fn list_jobs(
    _auth: Authed<Admin>,
    state: web::Data<AppState>,
    query: Deferred<web::Query<JobsQuery>>,
) -> Result<HttpResponse, ApiError> {
    let q = query.get()?.into_inner();
    let job_state: JobState = q.state.as_deref().unwrap_or("dead").parse().map_err(
        |e: placard_domain::jobs::UnknownJobState| {
            ApiError::bad_request("invalid_query", e.to_string())
        },
    )?;
    let page = PageQuery {
        limit: q.limit,
        cursor: q.cursor,
    };
    let (jobs, next) = state
        .store
        .list_jobs(job_state, page.limit()?, page.cursor(Cursor::decode)?)
        .await?;
    Ok(HttpResponse::Ok().json(Page {
        items: jobs.into_iter().map(JobView::from).collect::<Vec<_>>(),
        next_cursor: next.map(|c| c.encode()),
    }))
}

/// Puts a dead job back in the queue with a fresh attempt budget.
#[utoipa::path(post, path = "/api/v1/admin/jobs/{id}/retry", tag = "admin",
    params(("id" = Uuid, Path, description = "The job's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The job, queued again", body = JobView),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not an admin", body = crate::error::ErrorBody),
        (status = 404, description = "No such job", body = crate::error::ErrorBody),
        (status = 409, description = "The job is not dead", body = crate::error::ErrorBody)))]
pub async fn retry_job(
    auth: Authed<Admin>,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let job = state
        .store
        .retry_job(id, &auth.staff.name, state.clock.now())
        .await
        .map_err(|e| match e {
            StoreError::NotFound => ApiError::not_found("The job"),
            StoreError::InvalidState(_) => {
                ApiError::conflict("not_dead", "Only dead jobs can be retried.")
            }
            other => other.into(),
        })?;
    tracing::info!(job.id = %id, "dead job retried");
    Ok(HttpResponse::Ok().json(JobView::from(job)))
}
