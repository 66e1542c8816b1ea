//! Campaigns: created by admins, read by anyone.

use crate::application::{find_campaign, AppError};
use crate::auth::{Admin, Authed, Deferred};
use crate::{ApiError, AppState};
use actix_web::{web, HttpResponse};
use chrono::{DateTime, Utc};
use placard_domain::settings::TranslatedTexts;
use placard_domain::{CampaignState, NewCampaign, Retention, STANDARD_PHOTO_CONSENT};
use placard_storage::campaigns::Campaign;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateCampaign {
    /// 2–64 of a-z, 0-9 and inner hyphens; used in URLs.
    pub slug: String,
    pub title: String,
    pub description: Option<String>,
    /// Submissions are refused before this instant (none: open at once).
    pub opens_at: Option<DateTime<Utc>>,
    /// Submissions are refused from this instant on (none: never closes).
    pub closes_at: Option<DateTime<Utc>>,
    /// What supporters agree to (none: Placard's standard sentence). Each photo keeps the
    /// version it agreed to.
    pub consent_text: Option<String>,
    /// How long what is no longer needed is kept (default: rejected photos 30 days, approved
    /// originals kept).
    #[schema(value_type = Option<Object>)]
    pub retention: Option<Retention>,
}

#[derive(Serialize, ToSchema)]
pub struct CampaignView {
    pub id: Uuid,
    pub slug: String,
    pub title: String,
    pub description: Option<String>,
    pub opens_at: Option<DateTime<Utc>>,
    pub closes_at: Option<DateTime<Utc>>,
    /// `upcoming`, `open` or `closed`, now.
    pub state: &'static str,
    pub created_at: DateTime<Utc>,
    /// What supporters agree to when they send a photo.
    pub consent_text: String,
    /// Public, so that supporters can see how long what they send is kept.
    #[schema(value_type = Object)]
    pub retention: Retention,
    /// The campaign's logo, public and without metadata (`null`: none uploaded).
    pub logo_url: Option<String>,
    /// The language its pages fall back to.
    pub default_language: String,
    /// The languages its pages may use.
    pub languages: Vec<String>,
    /// Its title, description and consent text per language.
    #[schema(value_type = Object)]
    pub translations: BTreeMap<String, TranslatedTexts>,
}

/// Where a campaign's logo is served: versioned by its upload (every upload has a key of its
/// own), so a new logo is a new URL and the old one may be cached for long.
pub fn logo_url(state: &AppState, c: &Campaign) -> Option<String> {
    Some(format!(
        "{}/api/v1/campaigns/{}/logo?v={}",
        state.settings.public_url,
        c.slug,
        logo_version(c)?
    ))
}

/// The upload a campaign's logo comes from (its key's file name without the extension).
pub fn logo_version(c: &Campaign) -> Option<&str> {
    let key = c.logo_key.as_deref()?;
    let name = key.rsplit('/').next()?;
    Some(name.split('.').next().unwrap_or(name))
}

impl CampaignView {
    /// The campaign as seen now (its state depends on the time).
    pub(crate) fn at(state: &AppState, c: Campaign) -> Self {
        let now = state.clock.now();
        Self {
            logo_url: logo_url(state, &c),
            languages: c.languages(),
            translations: c.translations(),
            default_language: c.default_language.clone(),
            state: CampaignState::at(now, c.opens_at, c.closes_at).as_str(),
            id: c.id,
            slug: c.slug,
            title: c.title,
            description: c.description,
            opens_at: c.opens_at,
            closes_at: c.closes_at,
            created_at: c.created_at,
            consent_text: c
                .consent_text
                .unwrap_or_else(|| STANDARD_PHOTO_CONSENT.to_owned()),
            retention: Retention {
                rejected_days: u32::try_from(c.retention_rejected_days).unwrap_or(0),
                originals_after_close_days: c
                    .retention_originals_after_close_days
                    .and_then(|d| u32::try_from(d).ok()),
            },
        }
    }
}

/// Creates a campaign (a photo petition).
#[utoipa::path(post, path = "/api/v1/admin/campaigns", tag = "admin",
    request_body = CreateCampaign,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Created", body = CampaignView),
        (status = 400, description = "A field is invalid (`invalid_field`)", body = crate::error::ErrorBody),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not an admin", body = crate::error::ErrorBody),
        (status = 409, description = "The slug is taken (`conflict`)", body = crate::error::ErrorBody)))]
pub async fn create_campaign(
    _auth: Authed<Admin>,
    state: web::Data<AppState>,
    body: Deferred<web::Json<CreateCampaign>>,
) -> Result<HttpResponse, ApiError> {
    let campaign = create(&state, body.get()?.into_inner()).await?;
    Ok(HttpResponse::Created().json(CampaignView::at(&state, campaign)))
}

/// Checks and creates a campaign: the API and the admin page's form both come through here.
pub(crate) async fn create(state: &AppState, b: CreateCampaign) -> Result<Campaign, ApiError> {
    let invalid =
        |e: placard_domain::FieldError| ApiError::bad_request("invalid_field", e.to_string());
    let mut new = NewCampaign::parse(
        &b.slug,
        &b.title,
        b.description.as_deref(),
        b.opens_at,
        b.closes_at,
    )
    .map_err(invalid)?;
    new.consent_text = placard_domain::campaign::optional_text(
        "consent_text",
        b.consent_text.as_deref(),
        2000,
        true,
    )
    .map_err(invalid)?;
    new.retention = b.retention.unwrap_or_default().check().map_err(invalid)?;
    Ok(state
        .store
        .create_campaign(&new, state.clock.now())
        .await
        .map_err(|e| AppError::on_unique(e, AppError::Taken("A campaign with this slug")))?)
}

/// A campaign with its timeline and current state.
#[utoipa::path(get, path = "/api/v1/campaigns/{slug}", tag = "photos",
    params(("slug" = String, Path)),
    responses(
        (status = 200, description = "The campaign", body = CampaignView),
        (status = 404, description = "No such campaign", body = crate::error::ErrorBody)))]
pub async fn get_campaign(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let campaign = find_campaign(&state, &slug).await?;
    Ok(HttpResponse::Ok().json(CampaignView::at(&state, campaign)))
}
