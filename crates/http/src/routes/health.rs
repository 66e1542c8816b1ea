//! Probes and metrics: answered by every process, whatever its roles.

use crate::{ApiError, AppState};
use actix_web::{web, HttpResponse};
use serde::Serialize;
use std::time::Duration;
use utoipa::ToSchema;

/// How long a readiness check may wait for a dependency before calling it down.
const CHECK_TIMEOUT: Duration = Duration::from_secs(3);

#[derive(Serialize, ToSchema)]
pub struct Status {
    /// `ok` or `ready`.
    pub status: &'static str,
}

/// Liveness: 200 while the process runs.
#[utoipa::path(get, path = "/healthz", tag = "operations",
    responses((status = 200, description = "The process is running", body = Status)))]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(Status { status: "ok" })
}

/// Readiness: 200 when the database and object storage both answer, else 503.
#[utoipa::path(get, path = "/readyz", tag = "operations",
    responses(
        (status = 200, description = "Database and object storage answer", body = Status),
        (status = 503, description = "A dependency does not answer", body = crate::error::ErrorBody)))]
pub async fn readyz(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let db = tokio::time::timeout(CHECK_TIMEOUT, state.store.ping()).await;
    let objects = tokio::time::timeout(CHECK_TIMEOUT, state.objects.check()).await;
    let db_ok = matches!(db, Ok(Ok(())));
    let objects_ok = matches!(objects, Ok(Ok(())));
    if !db_ok {
        tracing::warn!(error = ?db, "readiness: database does not answer");
    }
    if !objects_ok {
        tracing::warn!(error = ?objects, "readiness: object storage does not answer");
    }
    match (db_ok, objects_ok) {
        (true, true) => Ok(HttpResponse::Ok().json(Status { status: "ready" })),
        (false, true) => Err(ApiError::unavailable("The database does not answer.")),
        (true, false) => Err(ApiError::unavailable("Object storage does not answer.")),
        (false, false) => Err(ApiError::unavailable(
            "Neither the database nor object storage answers.",
        )),
    }
}

/// Prometheus metrics in the text format.
#[utoipa::path(get, path = "/metrics", tag = "operations",
    responses((status = 200, description = "Prometheus text exposition", content_type = "text/plain")))]
pub async fn metrics(
    state: web::Data<AppState>,
    req: actix_web::HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let own_listener = req
        .app_data::<web::Data<crate::app::MetricsListener>>()
        .is_some();
    if state.settings.metrics_bind.is_some() && !own_listener {
        return Err(ApiError::for_status(actix_web::http::StatusCode::NOT_FOUND));
    }
    if let Some(expected) = &state.settings.metrics_token {
        let presented = crate::credentials::bearer_token(&req).unwrap_or_default();
        if !expected.matches(&presented) {
            return Err(ApiError::unauthenticated());
        }
    }
    if state.settings.database_gauges {
        database_gauges(&state).await;
    }
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .body(state.metrics.render()))
}

/// Queue figures read from the database: the shared truth, exported by the scheduler role
/// only, so that a sum over instances counts each job once.
async fn database_gauges(state: &AppState) {
    match state.store.job_counts().await {
        Ok(counts) => {
            for (job_state, n) in counts {
                state
                    .metrics
                    .jobs
                    .with_label_values(&[job_state.as_str()])
                    .set(n);
                if job_state == placard_domain::JobState::Queued {
                    state.metrics.queue_depth.set(n);
                }
            }
        }
        Err(e) => tracing::warn!(error = %e, "metrics: job counts unavailable"),
    }
    match state.store.review_backlog().await {
        Ok(rows) => {
            let now = state.clock.now();
            for (campaign, n, oldest) in rows {
                state
                    .metrics
                    .review_queue
                    .with_label_values(&[&campaign])
                    .set(n);
                let age = oldest.map_or(0, |t| (now - t).num_seconds().max(0));
                state
                    .metrics
                    .oldest_pending_seconds
                    .with_label_values(&[&campaign])
                    .set(age);
            }
        }
        Err(e) => tracing::warn!(error = %e, "metrics: review backlog unavailable"),
    }
}
