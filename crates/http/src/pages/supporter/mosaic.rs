//! `/c/{slug}/mosaic`: the campaign's mosaic, full width (zoomable on a phone), where a
//! tapped or clicked square opens its photo (the script reads the cell map).

use super::super::{any_language, campaign_language, render};
use crate::application::find_campaign;
use crate::l10n::{CampaignTexts, Prefs, Tr};
use crate::{ApiError, AppState};
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;

#[derive(Template)]
#[template(path = "mosaic.html")]
struct MosaicPage<'a> {
    t: Tr<'a>,
    slug: String,
    title: String,
    counter: Option<String>,
    has_mosaic: bool,
    with_logo: bool,
}

pub async fn mosaic_page(
    state: web::Data<AppState>,
    prefs: Prefs,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let c = match find_campaign(&state, &slug).await {
        Ok(c) => c,
        Err(e) => {
            let t = any_language(&state, &prefs);
            return super::super::notice_for(&state, &t, &ApiError::from(e), None);
        }
    };
    let t = campaign_language(&state, &prefs, &c);
    let stats = crate::routes::delivery::stats_of(&state, c.id).await?;
    let has_mosaic = state.store.mosaic(c.id).await?.is_some();
    render(
        StatusCode::OK,
        &MosaicPage {
            counter: super::campaign::counter_words(&t, &stats).0,
            with_logo: c.logo_key.is_some(),
            title: CampaignTexts::of(&state.l10n, &c, t.locale).title,
            slug: c.slug,
            t,
            has_mosaic,
        },
    )
}
