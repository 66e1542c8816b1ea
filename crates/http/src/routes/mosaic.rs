//! A campaign's mosaic, public: the image (every approved photo, in the logo's shape when
//! it has one) and its cell map, as the last `mosaic.build` job left them. 404 while no
//! photo is approved.

use crate::application::find_campaign;
use crate::routes::media::PUBLIC_CACHE;
use crate::{ApiError, AppState};
use actix_web::http::header::{self, HeaderValue};
use actix_web::{web, HttpRequest, HttpResponse};
use placard_storage::mosaics::Mosaic;
use serde::Serialize;
use utoipa::ToSchema;

async fn current(state: &AppState, slug: &str) -> Result<Mosaic, ApiError> {
    let campaign = find_campaign(state, slug).await?;
    state
        .store
        .mosaic(campaign.id)
        .await?
        .ok_or_else(|| ApiError::not_found("The mosaic"))
}

/// Every build has a key of its own: its name is the entity tag.
fn etag(m: &Mosaic) -> String {
    let name = m.object_key.rsplit('/').next().unwrap_or(&m.object_key);
    format!("\"{}\"", name.trim_end_matches(".jpg"))
}

fn not_modified(req: &HttpRequest, tag: &str) -> Option<HttpResponse> {
    crate::routes::media::holds(req, tag).then(|| {
        HttpResponse::NotModified()
            .insert_header((header::ETAG, tag.to_owned()))
            .insert_header((header::CACHE_CONTROL, PUBLIC_CACHE))
            .finish()
    })
}

/// The mosaic as a JPEG (no metadata).
#[utoipa::path(get, path = "/api/v1/campaigns/{slug}/mosaic.jpg", tag = "photos",
    params(("slug" = String, Path)),
    responses(
        (status = 200, description = "The mosaic, at most 4096 px a side", content_type = "image/jpeg"),
        (status = 404, description = "No such campaign, or no photo approved yet", body = crate::error::ErrorBody)))]
pub async fn mosaic_jpg(
    state: web::Data<AppState>,
    req: HttpRequest,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let m = current(&state, &slug).await?;
    let tag = etag(&m);
    if let Some(res) = not_modified(&req, &tag) {
        return Ok(res);
    }
    let key = placard_blob::ObjectKey::parse(&m.object_key).map_err(ApiError::internal)?;
    let object = match state.objects.get(&key).await {
        Ok(o) => o,
        // Replaced between the read and now: the next request finds the new one.
        Err(placard_blob::BlobError::NotFound) => return Err(ApiError::not_found("The mosaic")),
        Err(e) => return Err(e.into()),
    };
    Ok(HttpResponse::Ok()
        .content_type("image/jpeg")
        .insert_header((header::ETAG, tag))
        .insert_header((header::CACHE_CONTROL, PUBLIC_CACHE))
        .insert_header((header::CONTENT_LENGTH, HeaderValue::from(object.size)))
        .streaming(object.body))
}

#[derive(Serialize, ToSchema)]
pub struct MosaicCell {
    pub x: u32,
    pub y: u32,
    pub w: u32,
    pub h: u32,
    pub photo_id: uuid::Uuid,
}

#[derive(Serialize, ToSchema)]
pub struct MosaicMap {
    pub width: i64,
    pub height: i64,
    pub cells: Vec<MosaicCell>,
}

/// Which photo is where in the mosaic.
#[utoipa::path(get, path = "/api/v1/campaigns/{slug}/mosaic.json", tag = "photos",
    params(("slug" = String, Path)),
    responses(
        (status = 200, description = "The mosaic's size and cells", body = MosaicMap),
        (status = 404, description = "No such campaign, or no photo approved yet", body = crate::error::ErrorBody)))]
pub async fn mosaic_json(
    state: web::Data<AppState>,
    req: HttpRequest,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let m = current(&state, &slug).await?;
    let tag = etag(&m);
    if let Some(res) = not_modified(&req, &tag) {
        return Ok(res);
    }
    // The cells are stored as this same JSON shape: sent as they are, with the size.
    let body = format!(
        "{{\"width\":{},\"height\":{},\"cells\":{}}}",
        m.width, m.height, m.cells
    );
    Ok(HttpResponse::Ok()
        .content_type("application/json")
        .insert_header((header::ETAG, tag))
        .insert_header((header::CACHE_CONTROL, PUBLIC_CACHE))
        .body(body))
}
