//! The photo petition, for supporters: upload, status, erasure, and the public gallery.

use crate::application::find_campaign;
use crate::application::photos::{accept_upload, erase_photo, own_photo, Receipt};
use crate::credentials::bearer_token;
use crate::media_urls::Thumbnails;
use crate::pagination::{Page, PageQuery};
use crate::{ApiError, AppState};
use actix_multipart::Multipart;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use placard_domain::FailureCode;
use placard_storage::Cursor;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// The multipart form, for the OpenAPI document.
#[derive(ToSchema)]
#[allow(
    dead_code,
    reason = "describes the multipart body; the handler reads the stream"
)]
pub struct PhotoUpload {
    /// The photo: JPEG, PNG or WebP (told from its bytes), at most 20 MiB.
    #[schema(value_type = String, format = Binary)]
    pub photo: Vec<u8>,
    /// Must be `true`.
    pub consent: String,
    /// At most 60 characters.
    pub display_name: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// At most 280 characters.
    pub caption: Option<String>,
    /// Rectangles to pixelate before anyone sees the photo: a JSON array of at most 20
    /// `{"x","y","w","h"}`, fractions 0–1 of the upright photo, each of positive area and
    /// inside it. Every stored image (the original included) is pixelated there.
    pub blur: Option<String>,
    /// The language the form was read in (`en`, `es`, `fr`, `pt`, `ru`, `ar`): the
    /// consent is recorded as the supporter read it, in that language. Default: the
    /// campaign's default language.
    pub lang: Option<String>,
}

/// Uploads a photo to a campaign; answers at once with a receipt while it is processed.
#[utoipa::path(post, path = "/api/v1/campaigns/{slug}/photos", tag = "photos",
    params(("slug" = String, Path)),
    request_body(content = PhotoUpload, content_type = "multipart/form-data"),
    responses(
        (status = 202, description = "Accepted for processing", body = Receipt),
        (status = 400, description = "`consent_required` or `invalid_field`", body = crate::error::ErrorBody),
        (status = 404, description = "No such campaign", body = crate::error::ErrorBody),
        (status = 409, description = "`submissions_closed`", body = crate::error::ErrorBody),
        (status = 413, description = "`payload_too_large`", body = crate::error::ErrorBody),
        (status = 415, description = "`unsupported_media_type`: not JPEG, PNG or WebP", body = crate::error::ErrorBody),
        (status = 422, description = "`invalid_image`, `image_too_large` or `image_too_small`", body = crate::error::ErrorBody),
        (status = 429, description = "`rate_limited`", body = crate::error::ErrorBody)))]
pub async fn upload_photo(
    _limit: crate::middleware::PublicPost,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    req: HttpRequest,
    payload: Multipart,
) -> Result<HttpResponse, ApiError> {
    let receipt = accept_upload(&state, &slug, &req, payload, &mut Default::default()).await?;
    Ok(HttpResponse::Accepted().json(receipt))
}

#[derive(Serialize, ToSchema)]
pub struct PhotoStatusView {
    pub id: Uuid,
    /// `received`, `processing`, `pending_review`, `approved`, `rejected` or `failed`.
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rejection_reason: Option<String>,
    /// Why processing failed, when `failed`: a stable code, `unreadable` (the pixels could
    /// not be decoded) or `encode_failed` (the thumbnails could not be made).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failure_reason: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thumbnails: Option<Thumbnails>,
    pub submitted_at: DateTime<Utc>,
    /// Everything else held about the supporter: shown back to them, and to no one else.
    pub display_name: Option<String>,
    pub country: Option<String>,
    pub caption: Option<String>,
    /// The rectangles pixelated at the supporter's request, as fractions of the upright
    /// photo.
    #[schema(value_type = Vec<Object>)]
    pub blur: Vec<placard_domain::BlurRect>,
    pub consent: ConsentView,
    /// True once retention deleted a rejected photo's original and thumbnails.
    pub purged: bool,
}

/// The consent text a submission agreed to, and when.
#[derive(Serialize, ToSchema)]
pub struct ConsentView {
    pub text: String,
    /// The version of the campaign's (or contest's) consent text: 1 for the first wording.
    pub version: i32,
    pub agreed_at: DateTime<Utc>,
}

impl ConsentView {
    /// The text behind a stored consent id. Submissions made before consent texts were
    /// recorded agreed to the standard sentence of the time.
    pub(crate) async fn of(
        state: &AppState,
        id: Option<Uuid>,
        agreed_at: DateTime<Utc>,
        standard: &str,
    ) -> Result<Self, ApiError> {
        let (text, version) = match id {
            Some(id) => {
                let c = state.store.consent_text(id).await?;
                (c.text, c.version)
            }
            None => (standard.to_owned(), 1),
        };
        Ok(Self {
            text,
            version,
            agreed_at,
        })
    }
}

/// A supporter's own photo: its status and, once processed, its thumbnails.
#[utoipa::path(get, path = "/api/v1/photos/{id}", tag = "photos",
    params(("id" = Uuid, Path)),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The photo's status", body = PhotoStatusView),
        (status = 401, description = "No receipt token", body = crate::error::ErrorBody),
        (status = 404, description = "No such photo for this token", body = crate::error::ErrorBody)))]
pub async fn get_photo(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let photo = own_photo(&state, bearer_token(&req).as_deref(), *id).await?;
    let now = state.clock.now().timestamp();
    let consent = ConsentView::of(
        &state,
        photo.consent_id,
        photo.consent_at,
        placard_domain::STANDARD_PHOTO_CONSENT,
    )
    .await?;
    Ok(HttpResponse::Ok().json(PhotoStatusView {
        id: photo.id,
        status: photo.status.as_str(),
        thumbnails: state
            .signer
            .thumbnails(&state.settings.public_url, &photo, now),
        rejection_reason: photo.rejection_reason,
        failure_reason: photo.failure_reason.map(FailureCode::as_str),
        submitted_at: photo.submitted_at,
        purged: photo.purged_at.is_some(),
        blur: photo
            .blur
            .as_ref()
            .map(|b| b.rects().to_vec())
            .unwrap_or_default(),
        display_name: photo.display_name,
        country: photo.country,
        caption: photo.caption,
        consent,
    }))
}

/// Withdraws a photo: the original and every thumbnail are deleted, the personal fields
/// erased; only the fact that an erasure happened stays in the audit log.
#[utoipa::path(delete, path = "/api/v1/photos/{id}", tag = "photos",
    params(("id" = Uuid, Path)),
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Erased"),
        (status = 401, description = "No receipt token", body = crate::error::ErrorBody),
        (status = 404, description = "No such photo for this token", body = crate::error::ErrorBody)))]
pub async fn delete_photo(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let photo = own_photo(&state, bearer_token(&req).as_deref(), *id).await?;
    erase_photo(&state, &photo).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Serialize, ToSchema)]
pub struct GalleryItem {
    pub id: Uuid,
    pub display_name: Option<String>,
    pub country: Option<String>,
    pub caption: Option<String>,
    pub thumbnails: Option<Thumbnails>,
    pub blurhash: Option<String>,
    pub approved_at: Option<DateTime<Utc>>,
}

/// Approved photos, most recently approved first.
#[utoipa::path(get, path = "/api/v1/campaigns/{slug}/gallery", tag = "photos",
    params(("slug" = String, Path), PageQuery),
    responses(
        (status = 200, description = "A page of approved photos", body = Page<GalleryItem>),
        (status = 404, description = "No such campaign", body = crate::error::ErrorBody)))]
pub async fn gallery(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let campaign = find_campaign(&state, &slug).await?;
    let (photos, next) = state
        .store
        .gallery(campaign.id, page.limit()?, page.cursor(Cursor::decode)?)
        .await?;
    let now = state.clock.now().timestamp();
    let items = photos
        .into_iter()
        .map(|p| GalleryItem {
            thumbnails: state.signer.thumbnails(&state.settings.public_url, &p, now),
            id: p.id,
            display_name: p.display_name,
            country: p.country,
            caption: p.caption,
            blurhash: p.blurhash,
            approved_at: p.approved_at,
        })
        .collect::<Vec<_>>();
    Ok(HttpResponse::Ok().json(Page {
        items,
        next_cursor: next.map(|c| c.encode()),
    }))
}
