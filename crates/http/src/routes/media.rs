//! Thumbnail bytes: stable public URLs for approved photos, signed expiring URLs for the rest.
//! Originals are never served here.

use crate::auth::{Authed, Moderator};
use crate::{ApiError, AppState};
use actix_web::http::header::{self, HeaderValue};
use actix_web::{web, HttpRequest, HttpResponse};
use placard_domain::{DerivativeSize, PhotoStatus};
use placard_storage::photos::Photo;
use placard_storage::StoreError;
use serde::Deserialize;
use uuid::Uuid;

async fn load(state: &AppState, id: Uuid) -> Result<Photo, ApiError> {
    state.store.photo(id).await.map_err(|e| match e {
        StoreError::NotFound => ApiError::not_found("The image"),
        other => other.into(),
    })
}

/// Whether the client's `If-None-Match` names `etag` (its copy is current).
pub(crate) fn holds(req: &HttpRequest, etag: &str) -> bool {
    req.headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag))
}

async fn send(
    state: &AppState,
    req: &HttpRequest,
    photo: &Photo,
    size: DerivativeSize,
    cache: &str,
) -> Result<HttpResponse, ApiError> {
    let derivative = photo
        .derivative(size)
        .ok_or_else(|| ApiError::not_found("The image"))?;
    let etag = format!(
        "\"{}-{}-{}\"",
        photo.id.simple(),
        derivative.width,
        photo.processed_at.map_or(0, |t| t.timestamp_micros())
    );
    let fresh = holds(req, &etag);
    if fresh {
        return Ok(HttpResponse::NotModified()
            .insert_header((header::ETAG, etag))
            .insert_header((header::CACHE_CONTROL, cache.to_owned()))
            .finish());
    }
    let object = state.objects.get(&derivative.key).await?;
    let mut res = HttpResponse::Ok();
    res.content_type("image/jpeg")
        .insert_header((header::ETAG, etag))
        .insert_header((header::CACHE_CONTROL, cache.to_owned()))
        .insert_header((header::CONTENT_LENGTH, HeaderValue::from(object.size)));
    Ok(res.streaming(object.body))
}

/// How long a shared cache (a browser, a CDN) may serve an approved thumbnail without asking
/// again. Short, so that a photo erased by its supporter or taken down stops being shown
/// within minutes everywhere; revalidating costs a 304 (the `ETag`), not the bytes.
pub const PUBLIC_CACHE: &str = "public, max-age=300, must-revalidate";

/// An approved photo's thumbnail: stable and public; cached briefly ([`PUBLIC_CACHE`]).
#[utoipa::path(get, path = "/media/photos/{id}/{size}", tag = "photos",
    params(("id" = Uuid, Path), ("size" = String, Path, description = "`small` or `large`")),
    responses(
        (status = 200, description = "The thumbnail, metadata-free JPEG", content_type = "image/jpeg"),
        (status = 304, description = "The copy the client has is current (`If-None-Match`)"),
        (status = 404, description = "No such approved photo, or no such size", body = crate::error::ErrorBody)))]
pub async fn public_image(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(Uuid, String)>,
) -> Result<HttpResponse, ApiError> {
    let (id, size) = path.into_inner();
    let size =
        DerivativeSize::from_url_segment(&size).ok_or_else(|| ApiError::not_found("The image"))?;
    let photo = load(&state, id).await?;
    if photo.status != PhotoStatus::Approved {
        return Err(ApiError::not_found("The image"));
    }
    send(&state, &req, &photo, size, PUBLIC_CACHE).await
}

#[derive(Deserialize)]
pub struct Signature {
    expires: i64,
    signature: String,
}

/// Any processed photo's thumbnail, through a signed URL that expires (the moderation queue
/// and the supporter's status page hand these out).
#[utoipa::path(get, path = "/media/signed/{id}/{size}", tag = "photos",
    params(
        ("id" = Uuid, Path), ("size" = String, Path, description = "`small` or `large`"),
        ("expires" = i64, Query, description = "Unix time the URL expires at"),
        ("signature" = String, Query, description = "The URL's signature")),
    responses(
        (status = 200, description = "The thumbnail, metadata-free JPEG", content_type = "image/jpeg"),
        (status = 304, description = "The copy the client has is current (`If-None-Match`)"),
        (status = 400, description = "`expires` or `signature` missing or malformed", body = crate::error::ErrorBody),
        (status = 403, description = "The signature is wrong or has expired", body = crate::error::ErrorBody),
        (status = 404, description = "No such photo, or no such size", body = crate::error::ErrorBody)))]
pub async fn signed_image(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(Uuid, String)>,
    sig: web::Query<Signature>,
) -> Result<HttpResponse, ApiError> {
    let (id, size) = path.into_inner();
    let size =
        DerivativeSize::from_url_segment(&size).ok_or_else(|| ApiError::not_found("The image"))?;
    let now = state.clock.now().timestamp();
    if !state
        .signer
        .verify(id, size, sig.expires, &sig.signature, now)
    {
        return Err(ApiError::forbidden());
    }
    let photo = load(&state, id).await?;
    let cache = format!("private, max-age={}", (sig.expires - now).max(0));
    send(&state, &req, &photo, size, &cache).await
}

/// A photo's stored original, for staff only (never cached, never public): stripped of its
/// metadata at upload, and pixelated where its supporter asked (not shown until it is).
#[utoipa::path(get, path = "/api/v1/moderation/photos/{id}/original", tag = "moderation",
    params(("id" = Uuid, Path)),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The original's bytes", content_type = "image/*"),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not a moderator or admin", body = crate::error::ErrorBody),
        (status = 404, description = "No such photo, or its original was deleted by retention", body = crate::error::ErrorBody),
        (status = 409, description = "`not_ready`: the pixelation its supporter asked for is not applied yet", body = crate::error::ErrorBody)))]
pub async fn original_image(
    auth: Authed<Moderator>,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let photo = load(&state, *id).await?;
    crate::application::moderation::ensure_in_scope(&state, &auth.staff, photo.campaign_id).await?;
    if photo.purged_at.is_some() || photo.original_purged_at.is_some() {
        return Err(ApiError::not_found("The original"));
    }
    if !photo.original_viewable() {
        return Err(ApiError::conflict(
            "not_ready",
            "The photo is still being pixelated as its supporter asked; try again shortly.",
        ));
    }
    let object = state.objects.get(&photo.original_key).await?;
    Ok(HttpResponse::Ok()
        .content_type(photo.mime.as_str())
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .insert_header((header::CONTENT_LENGTH, HeaderValue::from(object.size)))
        .streaming(object.body))
}

/// A campaign's logo, public: stripped of metadata at upload, cached for long since every
/// new logo has a new URL (`?v=`), revalidated by its `ETag`.
#[utoipa::path(get, path = "/api/v1/campaigns/{slug}/logo", tag = "photos",
    params(("slug" = String, Path)),
    responses(
        (status = 200, description = "The logo's bytes", content_type = "image/*"),
        (status = 404, description = "No such campaign, or no logo", body = crate::error::ErrorBody)))]
pub async fn campaign_logo(
    state: web::Data<AppState>,
    req: HttpRequest,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let campaign = crate::application::find_campaign(&state, &slug).await?;
    let (Some(key), Some(version)) = (
        campaign.logo_key.as_deref(),
        crate::routes::campaigns::logo_version(&campaign),
    ) else {
        return Err(ApiError::not_found("The logo"));
    };
    let key = placard_blob::ObjectKey::parse(key).map_err(ApiError::internal)?;
    let etag = format!("\"logo-{version}\"");
    let cache = "public, max-age=86400";
    let fresh = holds(&req, &etag);
    if fresh {
        return Ok(HttpResponse::NotModified()
            .insert_header((header::ETAG, etag))
            .insert_header((header::CACHE_CONTROL, cache))
            .finish());
    }
    let object = state.objects.get(&key).await?;
    Ok(HttpResponse::Ok()
        .content_type(
            campaign
                .logo_content_type
                .unwrap_or_else(|| "application/octet-stream".into()),
        )
        .insert_header((header::ETAG, etag))
        .insert_header((header::CACHE_CONTROL, cache))
        .insert_header((header::CONTENT_LENGTH, HeaderValue::from(object.size)))
        .streaming(object.body))
}
