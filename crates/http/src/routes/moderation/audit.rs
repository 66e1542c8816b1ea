//! The append-only audit log, newest first.

use crate::auth::{Authed, Deferred, Moderator};
use crate::pagination::{Page, PageQuery};
use crate::{ApiError, AppState};
use actix_web::{web, HttpResponse};
use chrono::{DateTime, Utc};
use placard_storage::audit::{AuditEntry, AuditFilter};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// `photo`, `entry`, `job`, `contest`.
    pub subject_type: Option<String>,
    pub subject_id: Option<String>,
    /// A staff member's name (or `supporter`, `scheduler`).
    pub actor: Option<String>,
    pub limit: Option<u32>,
    pub cursor: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct AuditView {
    pub at: DateTime<Utc>,
    pub actor: String,
    pub action: String,
    pub subject_type: String,
    pub subject_id: String,
    #[schema(value_type = Object)]
    pub details: serde_json::Value,
}

impl From<AuditEntry> for AuditView {
    fn from(e: AuditEntry) -> Self {
        Self {
            at: e.at,
            actor: e.actor,
            action: e.action,
            subject_type: e.subject_type,
            subject_id: e.subject_id,
            details: e.details,
        }
    }
}

/// The audit log, newest first.
#[utoipa::path(get, path = "/api/v1/moderation/audit", tag = "moderation",
    params(AuditQuery), security(("bearer" = [])),
    responses(
        (status = 200, description = "A page of entries", body = Page<AuditView>),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not a moderator or admin", body = crate::error::ErrorBody)))]
pub async fn list_audit(
    _auth: Authed<Moderator>,
    state: web::Data<AppState>,
    query: Deferred<web::Query<AuditQuery>>,
) -> Result<HttpResponse, ApiError> {
    let q = query.get()?.into_inner();
    let page = PageQuery {
        limit: q.limit,
        cursor: q.cursor,
    };
    let filter = AuditFilter {
        subject_type: q.subject_type,
        subject_id: q.subject_id,
        actor: q.actor,
    };
    let (entries, next) = state
        .store
        .list_audit(
            &filter,
            page.limit()?,
            page.cursor(|c| c.parse::<i64>().ok())?,
        )
        .await?;
    Ok(HttpResponse::Ok().json(Page {
        items: entries.into_iter().map(AuditView::from).collect::<Vec<_>>(),
        next_cursor: next.map(|n| n.to_string()),
    }))
}
