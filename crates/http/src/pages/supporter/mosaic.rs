//! `/c/{slug}/mosaic`: the campaign's mosaic, full width (zoomable on a phone), where a
//! tapped or clicked square opens its photo (the script reads the cell map).

use super::super::render;
use crate::application::find_campaign;
use crate::{ApiError, AppState};
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;

#[derive(Template)]
#[template(path = "mosaic.html")]
struct MosaicPage {
    slug: String,
    title: String,
    counter: Option<String>,
    has_mosaic: bool,
    with_logo: bool,
}

pub async fn mosaic_page(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let c = match find_campaign(&state, &slug).await {
        Ok(c) => c,
        Err(e) => return super::super::notice_for(&state, &ApiError::from(e), None),
    };
    let stats = crate::routes::delivery::stats_of(&state, c.id).await?;
    let has_mosaic = state.store.mosaic(c.id).await?.is_some();
    render(
        StatusCode::OK,
        &MosaicPage {
            counter: super::campaign::counter_words(&stats).0,
            with_logo: c.logo_key.is_some(),
            slug: c.slug,
            title: c.title,
            has_mosaic,
        },
    )
}
