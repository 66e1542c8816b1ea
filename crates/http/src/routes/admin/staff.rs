//! Staff accounts, managed by admins: listed without any secret, created with the token shown
//! once, revoked, rotated, and moderators limited to campaigns. Every change is audited with
//! the admin who made it.

use crate::application::AppError;
use crate::auth::{Admin, Authed, Deferred};
use crate::{ApiError, AppState};
use actix_web::{web, HttpResponse};
use chrono::{DateTime, Utc};
use placard_domain::{Role, SecretToken, StaffName};
use placard_storage::staff::StaffAccount;
use placard_storage::StoreError;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// An account as admins see it: never a token or its hash.
#[derive(Serialize, ToSchema)]
pub struct StaffView {
    pub id: Uuid,
    pub name: String,
    /// `admin`, `moderator` or `judge`.
    pub role: &'static str,
    /// Slugs of the campaigns a moderator is limited to; empty: all.
    pub campaigns: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl From<StaffAccount> for StaffView {
    fn from(a: StaffAccount) -> Self {
        Self {
            id: a.id,
            name: a.name,
            role: a.role.as_str(),
            campaigns: a.campaigns,
            created_at: a.created_at,
            last_seen_at: a.last_seen_at,
            revoked_at: a.revoked_at,
        }
    }
}

/// An account with its new token: shown this once, never again.
#[derive(Serialize, ToSchema)]
pub struct StaffWithToken {
    #[serde(flatten)]
    pub account: StaffView,
    pub token: String,
}

#[derive(Serialize, ToSchema)]
pub struct StaffList {
    pub items: Vec<StaffView>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateStaff {
    /// 1–60 characters; shown in the audit log.
    pub name: String,
    /// `admin`, `moderator` or `judge`.
    pub role: String,
    /// For moderators: the slugs of the campaigns they may moderate (absent or empty: all).
    pub campaigns: Option<Vec<String>>,
}

fn invalid(message: impl Into<String>) -> ApiError {
    ApiError::bad_request("invalid_field", message)
}

/// The campaign ids of `slugs`, every one of which must exist.
async fn campaign_ids(state: &AppState, slugs: &[String]) -> Result<Vec<Uuid>, ApiError> {
    let mut ids = Vec::with_capacity(slugs.len());
    for slug in slugs {
        match state.store.campaign_by_slug(slug).await {
            Ok(c) => ids.push(c.id),
            Err(StoreError::NotFound) => {
                return Err(invalid(format!(
                    "campaigns: there is no campaign `{}`.",
                    slug.chars().take(64).collect::<String>()
                )))
            }
            Err(e) => return Err(e.into()),
        }
    }
    Ok(ids)
}

/// Every staff account, oldest first.
#[utoipa::path(get, path = "/api/v1/admin/staff", tag = "admin",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The accounts, without secrets", body = StaffList),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not an admin", body = crate::error::ErrorBody)))]
pub async fn list_staff(
    _auth: Authed<Admin>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let items = state.store.staff_accounts().await?;
    Ok(HttpResponse::Ok().json(StaffList {
        items: items.into_iter().map(StaffView::from).collect(),
    }))
}

/// Creates an account; its token is in this answer only.
#[utoipa::path(post, path = "/api/v1/admin/staff", tag = "admin",
    request_body = CreateStaff,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Created; `token` is shown this once", body = StaffWithToken),
        (status = 400, description = "`invalid_field`: the name, the role or a campaign", body = crate::error::ErrorBody),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not an admin", body = crate::error::ErrorBody),
        (status = 409, description = "`conflict`: the name is taken", body = crate::error::ErrorBody)))]
pub async fn create_staff(
    auth: Authed<Admin>,
    state: web::Data<AppState>,
    body: Deferred<web::Json<CreateStaff>>,
) -> Result<HttpResponse, ApiError> {
    let (account, token) = create(&state, &auth.staff.name, body.get()?.into_inner()).await?;
    Ok(HttpResponse::Created().json(StaffWithToken {
        account: account.into(),
        token: token.expose().to_owned(),
    }))
}

/// Checks and creates an account, audited with `actor`; returns it with its token (to be
/// shown once). The API and the admin page both come through here.
pub(crate) async fn create(
    state: &AppState,
    actor: &str,
    b: CreateStaff,
) -> Result<(StaffAccount, SecretToken), ApiError> {
    let name = StaffName::parse(&b.name).map_err(|e| invalid(format!("name: {e}.")))?;
    let role: Role = b
        .role
        .parse()
        .map_err(|_| invalid("role: one of admin, moderator or judge."))?;
    let slugs = b.campaigns.unwrap_or_default();
    if !slugs.is_empty() && role != Role::Moderator {
        return Err(invalid(
            "campaigns: only a moderator is limited to campaigns.",
        ));
    }
    let scope = campaign_ids(state, &slugs).await?;
    let token = SecretToken::generate("plc");
    let staff = state
        .store
        .create_staff(&name, role, &token.hash())
        .await
        .map_err(|e| AppError::on_unique(e, AppError::Taken("A staff account with this name")))?;
    state.store.set_staff_scope(staff.id, &scope).await?;
    let now = state.clock.now();
    state
        .store
        .audit_staff_created(actor, staff.id, now)
        .await?;
    tracing::info!(staff.id = %staff.id, staff.role = role.as_str(), "staff account created");
    let account = state.store.staff_account(staff.id).await?;
    Ok((account, token))
}

fn not_found(e: StoreError) -> ApiError {
    match e {
        StoreError::NotFound => ApiError::not_found("The staff account"),
        other => other.into(),
    }
}

/// Revokes an account: from the next request on its token answers 401, and so do the
/// page sessions signed in with it.
#[utoipa::path(post, path = "/api/v1/admin/staff/{id}/revoke", tag = "admin",
    params(("id" = Uuid, Path)),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Revoked", body = StaffView),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not an admin", body = crate::error::ErrorBody),
        (status = 404, description = "No such account", body = crate::error::ErrorBody),
        (status = 409, description = "`own_account`: an admin cannot revoke themself", body = crate::error::ErrorBody)))]
pub async fn revoke_staff(
    auth: Authed<Admin>,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let account = revoke(&state, &auth.staff.name, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(StaffView::from(account)))
}

/// Revokes an account (and ends its page sessions), audited with `actor`. An admin cannot
/// revoke their own account (409 `own_account`): that would lock out the last admin as
/// easily as any other; another admin can.
pub(crate) async fn revoke(
    state: &AppState,
    actor: &str,
    id: Uuid,
) -> Result<StaffAccount, ApiError> {
    let account = state.store.staff_account(id).await.map_err(not_found)?;
    if account.name == actor {
        return Err(ApiError::conflict(
            "own_account",
            "You cannot revoke your own account; another admin can.",
        ));
    }
    state
        .store
        .revoke_staff(id, actor, state.clock.now())
        .await
        .map_err(not_found)?;
    tracing::info!(staff.id = %id, "staff account revoked");
    state.store.staff_account(id).await.map_err(not_found)
}

/// Gives an account a new token (shown this once); the old one answers 401 from now on.
#[utoipa::path(post, path = "/api/v1/admin/staff/{id}/rotate", tag = "admin",
    params(("id" = Uuid, Path)),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Rotated; `token` is shown this once", body = StaffWithToken),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not an admin", body = crate::error::ErrorBody),
        (status = 404, description = "No such account", body = crate::error::ErrorBody),
        (status = 409, description = "`revoked`: a revoked account stays revoked", body = crate::error::ErrorBody)))]
pub async fn rotate_staff(
    auth: Authed<Admin>,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let (account, token) = rotate(&state, &auth.staff.name, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(StaffWithToken {
        account: account.into(),
        token: token.expose().to_owned(),
    }))
}

/// Gives a live account a new token (and ends its page sessions), audited with `actor`.
pub(crate) async fn rotate(
    state: &AppState,
    actor: &str,
    id: Uuid,
) -> Result<(StaffAccount, SecretToken), ApiError> {
    let token = SecretToken::generate("plc");
    state
        .store
        .rotate_staff_token(id, &token.hash(), actor, state.clock.now())
        .await
        .map_err(|e| match e {
            StoreError::InvalidState(_) => ApiError::conflict(
                "revoked",
                "This account is revoked; create a new one instead.",
            ),
            other => not_found(other),
        })?;
    tracing::info!(staff.id = %id, "staff token rotated");
    let account = state.store.staff_account(id).await.map_err(not_found)?;
    Ok((account, token))
}

/// A moderator's campaigns, replaced.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StaffCampaigns {
    /// Slugs; empty: every campaign.
    pub campaigns: Vec<String>,
}

/// Changes the campaigns a moderator may review (empty: all); audited.
#[utoipa::path(put, path = "/api/v1/admin/staff/{id}/campaigns", tag = "admin",
    params(("id" = Uuid, Path)),
    request_body = StaffCampaigns,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The account with its campaigns", body = StaffView),
        (status = 400, description = "`invalid_field`: an unknown campaign", body = crate::error::ErrorBody),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not an admin", body = crate::error::ErrorBody),
        (status = 404, description = "No such account", body = crate::error::ErrorBody),
        (status = 409, description = "`not_a_moderator`, or `revoked`", body = crate::error::ErrorBody)))]
pub async fn put_staff_campaigns(
    auth: Authed<Admin>,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    body: Deferred<web::Json<StaffCampaigns>>,
) -> Result<HttpResponse, ApiError> {
    let b = body.get()?.into_inner();
    let account = change_scope(&state, &auth.staff.name, id.into_inner(), &b.campaigns).await?;
    Ok(HttpResponse::Ok().json(StaffView::from(account)))
}

/// Replaces a moderator's campaigns, every slug checked; the API and the admin page.
pub(crate) async fn change_scope(
    state: &AppState,
    actor: &str,
    id: Uuid,
    slugs: &[String],
) -> Result<StaffAccount, ApiError> {
    let account = state.store.staff_account(id).await.map_err(not_found)?;
    if account.revoked_at.is_some() {
        return Err(ApiError::conflict("revoked", "This account is revoked."));
    }
    if account.role != Role::Moderator {
        return Err(ApiError::conflict(
            "not_a_moderator",
            "Only a moderator is limited to campaigns.",
        ));
    }
    let scope = campaign_ids(state, slugs).await?;
    state
        .store
        .change_staff_scope(id, &scope, actor, state.clock.now())
        .await
        .map_err(|e| match e {
            StoreError::InvalidState(why) => ApiError::conflict("invalid_state", why),
            other => not_found(other),
        })?;
    tracing::info!(staff.id = %id, campaigns = scope.len(), "moderator's campaigns changed");
    state.store.staff_account(id).await.map_err(not_found)
}
