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
    let now = state.clock.now();
    match state.store.oldest_due_job(now).await {
        Ok(oldest) => {
            let age = oldest.map_or(0, |t| (now - t).num_seconds().max(0));
            state.metrics.queue_oldest_seconds.set(age);
        }
        Err(e) => tracing::warn!(error = %e, "metrics: queue age unavailable"),
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
    judging_gauges(state).await;
}

/// Coverage of every contest still being judged (not announced, `announce_at` ahead), so
/// that an alert can fire while there is time to act (`placard_judging_on_pace == 0`).
async fn judging_gauges(state: &AppState) {
    let now = state.clock.now();
    let contests = match state.store.contests().await {
        Ok(c) => c,
        Err(e) => return tracing::warn!(error = %e, "metrics: contests unavailable"),
    };
    let m = &state.metrics;
    for c in contests {
        if c.announced_at.is_some() || c.announce_at <= now {
            // Over: its series go, so a finished contest cannot keep an alert firing.
            for g in [
                &m.judging_under_judged,
                &m.judging_needed,
                &m.judging_on_pace,
            ] {
                let _ = g.remove_label_values(&[&c.slug]);
            }
            continue;
        }
        match state.store.judging_coverage(&c, now).await {
            Ok((under, cov)) => {
                m.judging_under_judged
                    .with_label_values(&[&c.slug])
                    .set(i64::try_from(under).unwrap_or(i64::MAX));
                m.judging_needed
                    .with_label_values(&[&c.slug])
                    .set(i64::try_from(cov.needed).unwrap_or(i64::MAX));
                m.judging_on_pace
                    .with_label_values(&[&c.slug])
                    .set(i64::from(cov.on_pace.unwrap_or(true)));
            }
            Err(e) => {
                tracing::warn!(error = %e, contest = %c.id, "metrics: judging coverage unavailable")
            }
        }
    }
}
