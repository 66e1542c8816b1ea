//! Editing a campaign or a contest after it was created: `GET` the admin's view (with its
//! `ETag`), `PATCH` any of its fields.
//!
//! A `PATCH` names only what changes; the rest stays. Every field is checked as at creation,
//! then the whole result (a window that ends before it starts is caught whichever end
//! moved). Concurrent edits never lose an update silently: each edit bumps the version, and
//! an `If-Match` with a version that is no longer current answers 412 `precondition_failed`
//! with nothing changed. Without `If-Match` the edit applies to the version it read (a race
//! with another edit between the read and the write still refuses, with 412).

use crate::application::{find_campaign, find_contest, AppError};
use crate::auth::{Admin, Authed, Deferred};
use crate::routes::campaigns::CampaignView;
use crate::routes::contests::ContestView;
use crate::{ApiError, AppState};
use actix_web::http::header;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use placard_domain::campaign::{field_error, optional_text, FieldError};
use placard_domain::settings::{self, TranslatedTexts, Webhook};
use placard_domain::{care, ContestError, ModeratorCare, NewContest, Retention};
use placard_storage::campaigns::{Campaign, CampaignEdit, STALE};
use placard_storage::contests::{ALREADY_ANNOUNCED, JUDGING_BEGUN};
use placard_storage::StoreError;
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// A field that may be absent (unchanged), `null` (cleared) or a value.
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

/// A webhook as an operator sends it. `secret` may be left out to keep the secret of the
/// webhook already registered at the same URL (a form never shows it back).
#[derive(Deserialize, ToSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct WebhookInput {
    pub url: String,
    pub secret: Option<String>,
    /// Any of `photo.approved`, `photo.rejected`, `photo.erased`, `contest.announced`.
    pub events: Vec<String>,
}

/// What `PATCH /api/v1/admin/campaigns/{slug}` takes: any of these; `null` clears a field
/// that may be empty.
#[derive(Deserialize, ToSchema, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct CampaignPatch {
    pub title: Option<String>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub description: Option<Option<String>>,
    /// Submissions are refused before this instant (`null`: open at once).
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<DateTime<Utc>>)]
    pub opens_at: Option<Option<DateTime<Utc>>>,
    /// Submissions are refused from this instant on: closing early is setting it to now
    /// (`null`: never closes).
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<DateTime<Utc>>)]
    pub closes_at: Option<Option<DateTime<Utc>>>,
    /// A new text starts a new consent version; earlier photos keep theirs (`null`:
    /// Placard's standard sentence).
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub consent_text: Option<Option<String>>,
    /// One of the campaign's languages.
    pub default_language: Option<String>,
    /// Languages the pages may use, from `en`, `es`, `fr`, `pt`, `ru`, `ar` (`null`: all).
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<Vec<String>>)]
    pub languages: Option<Option<Vec<String>>>,
    /// Texts per language: `{"es": {"title", "description", "consent_text"}}` (each
    /// optional). Replaces the earlier map.
    #[schema(value_type = Option<Object>)]
    pub translations: Option<BTreeMap<String, TranslatedTexts>>,
    /// Origins (`https://host[:port]`) whose pages may frame the campaign's pages.
    pub frame_ancestors: Option<Vec<String>>,
    #[schema(value_type = Option<Object>)]
    pub retention: Option<Retention>,
    /// Replaces the earlier list.
    pub webhooks: Option<Vec<WebhookInput>>,
    /// How moderators meet the photos: `{"blur_previews": bool, "pause_after": 0..5000}`
    /// (previews blurred until revealed; a pause suggested after that many photos in a
    /// sitting, 0: never). Default `{"blur_previews": false, "pause_after": 200}`.
    #[schema(value_type = Option<Object>)]
    pub moderation: Option<ModeratorCare>,
    /// The operator's own privacy notice (`https://`), linked from the supporters' privacy
    /// panel (`null`: none).
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub privacy_url: Option<Option<String>>,
}

/// A webhook as shown back: never its secret.
#[derive(Serialize, ToSchema)]
pub struct WebhookView {
    pub url: String,
    pub events: Vec<String>,
}

/// A campaign as its operators see it: the public view plus its settings (secrets aside)
/// and the version an edit must name.
#[derive(Serialize, ToSchema)]
pub struct AdminCampaignView {
    #[serde(flatten)]
    pub campaign: CampaignView,
    pub version: i64,
    pub frame_ancestors: Vec<String>,
    pub webhooks: Vec<WebhookView>,
    #[schema(value_type = Object)]
    pub moderation: ModeratorCare,
    pub privacy_url: Option<String>,
}

impl AdminCampaignView {
    pub fn of(state: &AppState, c: Campaign) -> Self {
        let version = c.version;
        let frame_ancestors = c.frame_ancestors();
        let moderation = c.moderator_care();
        let privacy_url = c.privacy_url.clone();
        let webhooks = c
            .webhooks()
            .into_iter()
            .map(|w| WebhookView {
                url: w.url,
                events: w.events,
            })
            .collect();
        Self {
            campaign: CampaignView::at(state, c),
            version,
            frame_ancestors,
            webhooks,
            moderation,
            privacy_url,
        }
    }
}

/// `"v7"`: the entity tag of version 7.
fn etag(version: i64) -> String {
    format!("\"v{version}\"")
}

/// The version an `If-Match` header names: `None` when absent or `*`; 412 when it is not a
/// tag this API gave out.
fn if_match(req: &HttpRequest) -> Result<Option<i64>, ApiError> {
    let Some(v) = req.headers().get(header::IF_MATCH) else {
        return Ok(None);
    };
    let v = v.to_str().unwrap_or_default().trim();
    if v == "*" {
        return Ok(None);
    }
    v.trim_start_matches("W/")
        .trim_matches('"')
        .strip_prefix('v')
        .and_then(|n| n.parse().ok())
        .map(Some)
        .ok_or_else(stale)
}

fn stale() -> ApiError {
    ApiError::new(
        StatusCode::PRECONDITION_FAILED,
        "precondition_failed",
        "Someone else changed this since you read it: load it again and redo your change.",
    )
}

fn invalid(e: FieldError) -> ApiError {
    ApiError::from(AppError::InvalidField(e.to_string()))
}

fn with_etag(version: i64, body: &impl Serialize) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::ETAG, etag(version)))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(body)
}

/// A campaign with everything an operator may edit (secrets aside) and its `ETag`.
#[utoipa::path(get, path = "/api/v1/admin/campaigns/{slug}", tag = "admin",
    params(("slug" = String, Path)),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The campaign; `ETag` names its version", body = AdminCampaignView),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not an admin", body = crate::error::ErrorBody),
        (status = 404, description = "No such campaign", body = crate::error::ErrorBody)))]
pub async fn get_campaign(
    _auth: Authed<Admin>,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let c = find_campaign(&state, &slug).await?;
    Ok(with_etag(c.version, &AdminCampaignView::of(&state, c)))
}

/// The edit applied to the campaign's current settings, every field checked; returns the
/// names of the fields it changes (a field sent with its current value is no change).
pub(crate) async fn apply_campaign_patch(
    state: &AppState,
    current: &Campaign,
    patch: CampaignPatch,
) -> Result<(CampaignEdit, Vec<&'static str>), ApiError> {
    let before = CampaignEdit::of(current);
    let mut edit = before.clone();
    if let Some(t) = patch.title {
        edit.title = optional_text("title", Some(&t), 120, false)
            .map_err(invalid)?
            .ok_or_else(|| invalid(field_error("title", "is required")))?;
    }
    if let Some(d) = patch.description {
        edit.description =
            optional_text("description", d.as_deref(), 4000, true).map_err(invalid)?;
    }
    if let Some(o) = patch.opens_at {
        edit.opens_at = o;
    }
    if let Some(c) = patch.closes_at {
        edit.closes_at = c;
    }
    if let (Some(o), Some(c)) = (edit.opens_at, edit.closes_at) {
        if c <= o {
            return Err(ApiError::unprocessable(
                "invalid_timeline",
                "closes_at must be after opens_at.",
            ));
        }
    }
    if let Some(t) = patch.consent_text {
        edit.consent_text =
            optional_text("consent_text", t.as_deref(), 2000, true).map_err(invalid)?;
    }
    if let Some(r) = patch.retention {
        edit.retention = r.check().map_err(invalid)?;
    }
    if let Some(l) = patch.languages {
        edit.languages = l
            .as_deref()
            .map(settings::languages)
            .transpose()
            .map_err(invalid)?;
    }
    if let Some(l) = patch.default_language {
        edit.default_language = settings::language("default_language", &l).map_err(invalid)?;
    }
    let allowed = edit
        .languages
        .clone()
        .unwrap_or_else(|| settings::LANGUAGES.map(str::to_owned).to_vec());
    if !allowed.contains(&edit.default_language) {
        return Err(invalid(field_error(
            "default_language",
            format!(
                "{} is not one of the campaign's languages",
                edit.default_language
            ),
        )));
    }
    if let Some(t) = patch.translations {
        edit.translations = settings::translations(t).map_err(invalid)?;
    }
    if let Some(lang) = edit.translations.keys().find(|l| !allowed.contains(l)) {
        return Err(invalid(field_error(
            "translations",
            format!("{lang} is not one of the campaign's languages"),
        )));
    }
    if let Some(f) = patch.frame_ancestors {
        edit.frame_ancestors = settings::frame_ancestors(&f).map_err(invalid)?;
    }
    if let Some(m) = patch.moderation {
        edit.moderator_care = ModeratorCare::parse(m).map_err(invalid)?;
    }
    if let Some(u) = patch.privacy_url {
        edit.privacy_url = care::privacy_url(u.as_deref()).map_err(invalid)?;
    }
    if let Some(hooks) = patch.webhooks {
        let earlier = current.webhooks();
        let hooks = hooks
            .into_iter()
            .map(|h| {
                let secret = match h.secret {
                    Some(s) => s,
                    None => earlier
                        .iter()
                        .find(|e| e.url == h.url.trim())
                        .map(|e| e.secret.clone())
                        .ok_or_else(|| {
                            invalid(field_error("webhooks", "a new webhook needs its secret"))
                        })?,
                };
                Ok(Webhook {
                    url: h.url,
                    secret,
                    events: h.events,
                })
            })
            .collect::<Result<Vec<_>, ApiError>>()?;
        let hooks = settings::webhooks(hooks).map_err(invalid)?;
        if !state.settings.webhook_allow_private {
            for h in &hooks {
                refuse_private(h).await?;
            }
        }
        edit.webhooks = hooks;
    }
    let changed = [
        ("title", before.title != edit.title),
        ("description", before.description != edit.description),
        ("opens_at", before.opens_at != edit.opens_at),
        ("closes_at", before.closes_at != edit.closes_at),
        ("consent_text", before.consent_text != edit.consent_text),
        ("retention", before.retention != edit.retention),
        (
            "default_language",
            before.default_language != edit.default_language,
        ),
        ("languages", before.languages != edit.languages),
        ("translations", before.translations != edit.translations),
        (
            "frame_ancestors",
            before.frame_ancestors != edit.frame_ancestors,
        ),
        ("webhooks", before.webhooks != edit.webhooks),
        ("moderation", before.moderator_care != edit.moderator_care),
        ("privacy_url", before.privacy_url != edit.privacy_url),
    ]
    .into_iter()
    .filter_map(|(name, differs)| differs.then_some(name))
    .collect();
    Ok((edit, changed))
}

/// 422 `private_address` when a webhook's host is (or resolves to) a loopback or private
/// address: Placard must not become a way into its own network. (Delivery checks again,
/// since a name can resolve elsewhere later.)
async fn refuse_private(hook: &Webhook) -> Result<(), ApiError> {
    let refused = || {
        ApiError::unprocessable(
            "private_address",
            format!(
                "webhooks: {} is a loopback or private address; set PLACARD_WEBHOOK_ALLOW_PRIVATE=true for an on-premises receiver.",
                hook.host()
            ),
        )
    };
    if let Ok(ip) = hook.host().parse::<std::net::IpAddr>() {
        return if settings::is_private(ip) {
            Err(refused())
        } else {
            Ok(())
        };
    }
    if hook.host() == "localhost" || hook.host().ends_with(".localhost") {
        return Err(refused());
    }
    let lookup = tokio::net::lookup_host((hook.host(), hook.port()));
    match tokio::time::timeout(std::time::Duration::from_secs(3), lookup).await {
        Ok(Ok(addrs)) => {
            let addrs: Vec<_> = addrs.collect();
            if addrs.iter().any(|a| settings::is_private(a.ip())) {
                Err(refused())
            } else {
                Ok(())
            }
        }
        _ => Err(ApiError::unprocessable(
            "invalid_field",
            format!("webhooks: the host {} could not be resolved.", hook.host()),
        )),
    }
}

/// Changes a campaign: any of its texts, window, languages, framing origins, retention and
/// webhooks.
#[utoipa::path(patch, path = "/api/v1/admin/campaigns/{slug}", tag = "admin",
    params(("slug" = String, Path),
           ("If-Match" = Option<String>, Header, description = "The `ETag` of the version read; a stale one answers 412")),
    request_body = CampaignPatch,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The campaign as changed; `ETag` names its new version", body = AdminCampaignView),
        (status = 400, description = "A field is invalid (`invalid_field`, the field named in the message)", body = crate::error::ErrorBody),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not an admin", body = crate::error::ErrorBody),
        (status = 404, description = "No such campaign", body = crate::error::ErrorBody),
        (status = 412, description = "`precondition_failed`: changed by someone else since", body = crate::error::ErrorBody),
        (status = 422, description = "`invalid_timeline`, or `private_address` (a webhook)", body = crate::error::ErrorBody)))]
pub async fn patch_campaign(
    auth: Authed<Admin>,
    state: web::Data<AppState>,
    req: HttpRequest,
    slug: web::Path<String>,
    body: Deferred<web::Json<CampaignPatch>>,
) -> Result<HttpResponse, ApiError> {
    let patch = body.get()?.into_inner();
    let current = find_campaign(&state, &slug).await?;
    let updated = edit_campaign(&state, &auth.staff.name, current, if_match(&req)?, patch).await?;
    Ok(with_etag(
        updated.version,
        &AdminCampaignView::of(&state, updated),
    ))
}

/// Checks and applies a patch to `current`, which must still be at `expected` (when given);
/// the API and the admin page's forms both come through here.
pub(crate) async fn edit_campaign(
    state: &AppState,
    actor: &str,
    current: Campaign,
    expected: Option<i64>,
    patch: CampaignPatch,
) -> Result<Campaign, ApiError> {
    if expected.is_some_and(|v| v != current.version) {
        return Err(stale());
    }
    let (edit, changed) = apply_campaign_patch(state, &current, patch).await?;
    if changed.is_empty() {
        // Nothing to write: no new version, no audit entry.
        return Ok(current);
    }
    match state
        .store
        .edit_campaign(
            current.id,
            current.version,
            &edit,
            &changed,
            actor,
            state.clock.now(),
        )
        .await
    {
        Err(StoreError::InvalidState(STALE)) => Err(stale()),
        other => Ok(other?),
    }
}

/// What `PATCH /api/v1/admin/contests/{slug}` takes: its texts and timeline.
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct ContestPatch {
    pub title: Option<String>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub description: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<DateTime<Utc>>)]
    pub opens_at: Option<Option<DateTime<Utc>>>,
    pub entries_close_at: Option<DateTime<Utc>>,
    pub announce_at: Option<DateTime<Utc>>,
    pub shortlist_size: Option<u32>,
    /// `scores` or `pairwise`: refused (409 `judging_begun`) once entries have closed or a
    /// judgement is recorded.
    pub judging_mode: Option<String>,
    pub min_judgements: Option<u32>,
}

/// A contest as its operators see it: the public view and its version.
#[derive(Serialize, ToSchema)]
pub struct AdminContestView {
    #[serde(flatten)]
    pub contest: ContestView,
    pub version: i64,
}

/// A contest with its `ETag`.
#[utoipa::path(get, path = "/api/v1/admin/contests/{slug}", tag = "admin",
    params(("slug" = String, Path)),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The contest; `ETag` names its version", body = AdminContestView),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not an admin", body = crate::error::ErrorBody),
        (status = 404, description = "No such contest", body = crate::error::ErrorBody)))]
pub async fn get_contest(
    _auth: Authed<Admin>,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let c = find_contest(&state, &slug).await?;
    let version = c.version;
    let view = AdminContestView {
        contest: ContestView::at(c, state.clock.now()),
        version,
    };
    Ok(with_etag(version, &view))
}

/// Changes a contest's texts or timeline, until its announcement.
#[utoipa::path(patch, path = "/api/v1/admin/contests/{slug}", tag = "admin",
    params(("slug" = String, Path),
           ("If-Match" = Option<String>, Header, description = "The `ETag` of the version read; a stale one answers 412")),
    request_body = ContestPatch,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The contest as changed", body = AdminContestView),
        (status = 400, description = "A field is invalid (`invalid_field`)", body = crate::error::ErrorBody),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not an admin", body = crate::error::ErrorBody),
        (status = 404, description = "No such contest", body = crate::error::ErrorBody),
        (status = 409, description = "`already_announced`, or `judging_begun` (the judging mode cannot change)", body = crate::error::ErrorBody),
        (status = 412, description = "`precondition_failed`: changed by someone else since", body = crate::error::ErrorBody),
        (status = 422, description = "`invalid_timeline`", body = crate::error::ErrorBody)))]
pub async fn patch_contest(
    auth: Authed<Admin>,
    state: web::Data<AppState>,
    req: HttpRequest,
    slug: web::Path<String>,
    body: Deferred<web::Json<ContestPatch>>,
) -> Result<HttpResponse, ApiError> {
    let patch = body.get()?.into_inner();
    let current = find_contest(&state, &slug).await?;
    let updated = edit_contest(&state, &auth.staff.name, current, if_match(&req)?, patch).await?;
    let version = updated.version;
    let view = AdminContestView {
        contest: ContestView::at(updated, state.clock.now()),
        version,
    };
    Ok(with_etag(version, &view))
}

fn already_announced() -> ApiError {
    ApiError::conflict(
        "already_announced",
        "The contest has been announced: its results are frozen.",
    )
}

pub(crate) async fn edit_contest(
    state: &AppState,
    actor: &str,
    current: placard_storage::contests::Contest,
    expected: Option<i64>,
    patch: ContestPatch,
) -> Result<placard_storage::contests::Contest, ApiError> {
    if current.announced_at.is_some() {
        return Err(already_announced());
    }
    if expected.is_some_and(|v| v != current.version) {
        return Err(stale());
    }
    let title = patch.title.unwrap_or_else(|| current.title.clone());
    let description = patch
        .description
        .unwrap_or_else(|| current.description.clone());
    // Checked as a new contest with the same slug: one set of rules for both.
    let edit = NewContest::parse(
        &current.slug,
        &title,
        description.as_deref(),
        patch.opens_at.unwrap_or(current.opens_at),
        patch.entries_close_at.unwrap_or(current.entries_close_at),
        patch.announce_at.unwrap_or(current.announce_at),
        Some(
            patch
                .shortlist_size
                .unwrap_or_else(|| u32::try_from(current.shortlist_size).unwrap_or(10)),
        ),
    )
    .and_then(|n| {
        n.with_judging(
            Some(
                patch
                    .judging_mode
                    .as_deref()
                    .unwrap_or(&current.judging_mode),
            ),
            Some(
                patch
                    .min_judgements
                    .unwrap_or_else(|| u32::try_from(current.min_judgements).unwrap_or(3)),
            ),
        )
    })
    .map_err(|e| match e {
        ContestError::Field(f) => invalid(f),
        ContestError::InvalidTimeline => ApiError::unprocessable("invalid_timeline", e.to_string()),
    })?;
    let changed: Vec<&str> = [
        ("title", edit.title != current.title),
        ("description", edit.description != current.description),
        ("opens_at", edit.opens_at != current.opens_at),
        (
            "entries_close_at",
            edit.entries_close_at != current.entries_close_at,
        ),
        ("announce_at", edit.announce_at != current.announce_at),
        (
            "shortlist_size",
            i64::from(edit.shortlist_size) != i64::from(current.shortlist_size),
        ),
        (
            "judging_mode",
            edit.judging_mode.as_str() != current.judging_mode,
        ),
        (
            "min_judgements",
            i64::from(edit.min_judgements) != i64::from(current.min_judgements),
        ),
    ]
    .into_iter()
    .filter_map(|(name, differs)| differs.then_some(name))
    .collect();
    if changed.is_empty() {
        return Ok(current);
    }
    match state
        .store
        .edit_contest(
            current.id,
            current.version,
            &edit,
            &changed,
            actor,
            state.clock.now(),
        )
        .await
    {
        Err(StoreError::InvalidState(STALE)) => Err(stale()),
        Err(StoreError::InvalidState(ALREADY_ANNOUNCED)) => Err(already_announced()),
        Err(StoreError::InvalidState(JUDGING_BEGUN)) => Err(ApiError::conflict(
            "judging_begun",
            "Judging has begun: the judging mode can no longer change.",
        )),
        other => Ok(other?),
    }
}
