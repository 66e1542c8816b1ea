//! The photo petition, for supporters: upload, status, erasure, and the public gallery.

use crate::credentials::bearer_token;
use crate::media_urls::Thumbnails;
use crate::pagination::{Page, PageQuery};
use crate::routes::campaigns::find_campaign;
use crate::upload::{self, ObjectGuard};
use crate::{ApiError, AppState};
use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use futures_util::StreamExt;
use placard_domain::{
    CampaignState, FailureCode, PhotoForm, PhotoFormError, PhotoKeys, ProcessPhoto, SecretToken,
};
use placard_media::InspectError;
use placard_storage::photos::{NewPhoto, Photo};
use placard_storage::Cursor;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// Text fields are short; anything longer is refused before it is buffered.
const MAX_TEXT_FIELD: usize = 4 * 1024;

#[derive(Serialize, ToSchema)]
pub struct Receipt {
    pub id: Uuid,
    /// `received`.
    pub status: &'static str,
    /// Keep it: it is the only way to check on or withdraw this photo. Shown once.
    pub receipt_token: String,
    pub status_url: String,
}

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
    let receipt = accept_upload(&state, &slug, &req, payload).await?;
    Ok(HttpResponse::Accepted().json(receipt))
}

/// Receives an upload and counts its outcome: the API and the campaign page's plain form
/// both come through here.
pub(crate) async fn accept_upload(
    state: &AppState,
    slug: &str,
    req: &HttpRequest,
    payload: Multipart,
) -> Result<Receipt, ApiError> {
    let result = receive(state, slug, req, payload).await;
    let outcome = match &result {
        Ok(_) => "accepted",
        Err(e) => e.code(),
    };
    state.metrics.uploads.with_label_values(&[outcome]).inc();
    result
}

async fn receive(
    state: &AppState,
    slug: &str,
    req: &HttpRequest,
    mut payload: Multipart,
) -> Result<Receipt, ApiError> {
    let max = state.settings.max_upload_bytes;
    // A declared length far over the limit is refused before a byte is read.
    let declared = req
        .headers()
        .get(actix_web::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > max + 64 * 1024) {
        return Err(upload::too_large(max));
    }
    let campaign = find_campaign(state, slug).await?;
    let now = state.clock.now();
    if CampaignState::at(now, campaign.opens_at, campaign.closes_at) != CampaignState::Open {
        return Err(ApiError::conflict(
            "submissions_closed",
            "This campaign is not taking photos at the moment.",
        ));
    }

    let mut staged = None;
    let mut fields: [(&str, Option<String>); 4] = [
        ("consent", None),
        ("display_name", None),
        ("country", None),
        ("caption", None),
    ];
    while let Some(field) = payload.next().await {
        let field = field.map_err(|e| {
            ApiError::bad_request("invalid_field", format!("The form could not be read: {e}."))
        })?;
        let name = field.name().unwrap_or_default().to_owned();
        if name == "photo" {
            if staged.is_some() {
                return Err(ApiError::bad_request(
                    "invalid_field",
                    "photo: send exactly one file.",
                ));
            }
            staged = Some(upload::stage(field, &state.settings.upload_dir, max).await?);
        } else if let Some(slot) = fields.iter_mut().find(|(n, _)| *n == name) {
            slot.1 = Some(upload::text(field, &name, MAX_TEXT_FIELD).await?);
        } else {
            // Unknown fields are read and dropped (bounded), so clients may send extras.
            upload::text(field, &name, MAX_TEXT_FIELD).await?;
        }
    }
    let get = |n: &str| {
        fields
            .iter()
            .find(|(k, _)| *k == n)
            .and_then(|(_, v)| v.as_deref())
    };
    let form = PhotoForm::parse(
        get("consent"),
        get("display_name"),
        get("country"),
        get("caption"),
    )
    .map_err(|e| match e {
        PhotoFormError::ConsentRequired => ApiError::bad_request(
            "consent_required",
            "Consent is required: send consent=true.",
        ),
        PhotoFormError::Field(f) => ApiError::bad_request("invalid_field", f.to_string()),
    })?;
    let staged = staged
        .ok_or_else(|| ApiError::bad_request("invalid_field", "photo: a file is required."))?;

    let path = staged.path().to_owned();
    let limits = state.settings.image_limits;
    let header = tokio::task::spawn_blocking(move || placard_media::inspect_file(&path, &limits))
        .await
        .map_err(ApiError::internal)?
        .map_err(inspect_error)?;

    let id = Uuid::now_v7();
    let key = PhotoKeys::of(id).original();
    let mime = header.format.mime();
    state.objects.put_file(&key, staged.path(), mime).await?;
    let guard = ObjectGuard::new(state.objects.clone(), key.clone());
    let receipt = SecretToken::generate("rct");
    let mut tx = state.store.begin().await?;
    tx.insert_photo(
        &NewPhoto {
            id,
            campaign_id: campaign.id,
            receipt: &receipt.hash(),
            form: &form,
            original_key: &key,
            original_sha256: &staged.sha256,
            original_bytes: staged.bytes,
            mime,
            width: header.width,
            height: header.height,
        },
        now,
    )
    .await?;
    tx.enqueue(&ProcessPhoto { photo_id: id }, now).await?;
    tx.commit().await?;
    guard.disarm();
    state.wake_workers();
    tracing::info!(photo.id = %id, upload.size_bytes = staged.bytes, photo.mime = mime, "photo received");
    Ok(Receipt {
        id,
        status: "received",
        receipt_token: receipt.expose().to_owned(),
        status_url: format!("{}/api/v1/photos/{id}", state.settings.public_url),
    })
}

fn inspect_error(e: InspectError) -> ApiError {
    let message = format!("{}.", upper_first(&e.to_string()));
    match e {
        InspectError::UnsupportedType => ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "Only JPEG, PNG and WebP photos are accepted.",
        ),
        InspectError::InvalidImage(_) | InspectError::Truncated => {
            ApiError::unprocessable("invalid_image", message)
        }
        InspectError::TooLarge { .. } => ApiError::unprocessable("image_too_large", message),
        InspectError::TooSmall { .. } => ApiError::unprocessable("image_too_small", message),
    }
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
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
}

/// The photo a receipt token belongs to. Any mismatch answers 404, the same as an unknown
/// id, so a token reveals nothing about other submissions.
pub(crate) async fn own_photo(
    state: &AppState,
    token: Option<&str>,
    id: Uuid,
) -> Result<Photo, ApiError> {
    let found = state.store.photo(id).await;
    crate::auth::owned(
        state,
        token,
        found,
        |p: &Photo| &p.receipt_hash,
        "The photo",
    )
    .await
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
    Ok(HttpResponse::Ok().json(PhotoStatusView {
        id: photo.id,
        status: photo.status.as_str(),
        thumbnails: state
            .signer
            .thumbnails(&state.settings.public_url, &photo, now),
        rejection_reason: photo.rejection_reason,
        failure_reason: photo.failure_reason.map(FailureCode::as_str),
        submitted_at: photo.submitted_at,
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

/// Erases a supporter's photo: the objects first, so that if anything fails after, the row
/// remains and erasure can be repeated; then the personal fields, in one transaction.
pub(crate) async fn erase_photo(state: &AppState, photo: &Photo) -> Result<(), ApiError> {
    let mut keys = vec![photo.original_key.clone()];
    keys.extend(
        photo
            .small
            .iter()
            .chain(photo.large.iter())
            .map(|d| d.key.clone()),
    );
    keys.extend(PhotoKeys::of(photo.id).all());
    keys.sort();
    keys.dedup();
    for key in &keys {
        state.objects.delete(key).await?;
    }
    state
        .store
        .erase_submission(
            placard_storage::moderation::Subject::Photo,
            photo.id,
            state.clock.now(),
        )
        .await?;
    tracing::info!(photo.id = %photo.id, "photo erased by its supporter");
    Ok(())
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
