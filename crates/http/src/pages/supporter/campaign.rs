//! A campaign's pages: the upload form, the photo's status and withdrawal, the gallery.

use super::super::{framed_by, messages, notice_for, render, render_failed};
use super::*;
use crate::application::find_campaign;
use crate::application::photos;
use crate::auth::Deferred;
use crate::middleware::PublicPost;
use crate::{ApiError, AppState};
use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use placard_domain::{CampaignState, Country, PhotoStatus};
use placard_storage::Cursor;
use serde::Deserialize;
use uuid::Uuid;

/// Photos per gallery page.
const GALLERY_PAGE: u32 = 24;

#[derive(Template)]
#[template(path = "campaign.html")]
struct CampaignPage {
    slug: String,
    title: String,
    description: Option<String>,
    open: bool,
    closed_words: String,
    countries: Vec<&'static str>,
    max_mib: u64,
    messages: String,
    error: Option<String>,
    consent_text: String,
    /// "12,408 supporters from 97 countries", once one is approved.
    counter: Option<String>,
    /// How moderation goes, in a sentence (transparency earns trust).
    moderation: Option<String>,
    /// The form alone, for an iframe on the campaign's own site (`/c/{slug}/embed`).
    embedded: bool,
    /// The origins that may frame the page.
    frame_ancestors: Vec<String>,
}

/// `12408` as `12,408`.
fn grouped(n: i64) -> String {
    let digits = n.abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        out.insert(0, '-');
    }
    out
}

/// The counter and the moderation note of a campaign's page.
pub(super) fn counter_words(
    s: &placard_storage::delivery::CampaignStats,
) -> (Option<String>, Option<String>) {
    let approved = s.by_status.get("approved").copied().unwrap_or(0);
    let counter = (approved > 0).then(|| {
        let people = if approved == 1 {
            "supporter"
        } else {
            "supporters"
        };
        match s.countries.len() {
            0 => format!("{} {people}", grouped(approved)),
            1 => format!("{} {people} from 1 country", grouped(approved)),
            n => format!(
                "{} {people} from {} countries",
                grouped(approved),
                grouped(n as i64)
            ),
        }
    });
    let rejected: i64 = s.rejected.values().sum();
    let moderation = s.median_seconds_to_decision.map(|m| {
        let wait = match m {
            0..=3599 => format!("{} minutes", (m / 60).max(1)),
            3600..=172_799 => format!("{} hours", m / 3600),
            _ => format!("{} days", m / 86_400),
        };
        format!(
            "Every photo is checked by a person before it is shown: {} shown, {} not shown so far; a photo is usually checked within {wait}.",
            grouped(approved),
            grouped(rejected)
        )
    });
    (counter, moderation)
}

async fn campaign_view(
    state: &AppState,
    slug: &str,
    error: Option<String>,
) -> Result<CampaignPage, ApiError> {
    let c = find_campaign(state, slug).await?;
    let now = state.clock.now();
    let phase = CampaignState::at(now, c.opens_at, c.closes_at);
    let closed_words = match (phase, c.opens_at, c.closes_at) {
        (CampaignState::Upcoming, Some(t), _) => format!("Photos are welcome from {}.", human(t)),
        (CampaignState::Closed, _, Some(t)) => {
            format!("This campaign stopped taking photos on {}.", human(t))
        }
        _ => String::new(),
    };
    let (counter, moderation) =
        counter_words(&crate::routes::delivery::stats_of(state, c.id).await?);
    Ok(CampaignPage {
        counter,
        moderation,
        embedded: false,
        frame_ancestors: c.frame_ancestors(),
        slug: c.slug,
        title: c.title,
        description: c.description,
        open: phase == CampaignState::Open,
        closed_words,
        countries: Country::codes().collect(),
        max_mib: state.settings.max_upload_bytes / (1024 * 1024),
        messages: state.words.as_json(),
        error,
        consent_text: c
            .consent_text
            .unwrap_or_else(|| placard_domain::STANDARD_PHOTO_CONSENT.to_owned()),
    })
}

pub async fn campaign_page(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    match campaign_view(&state, &slug, None).await {
        Ok(page) => Ok(framed_by(
            render(StatusCode::OK, &page)?,
            &page.frame_ancestors,
        )),
        Err(e) => notice_for(&state, &e, None),
    }
}

/// `/c/{slug}/embed`: the upload form alone, for an iframe on the campaign's own site (the
/// origins in its `frame_ancestors`); the script tells the parent page its height.
pub async fn embed_page(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    match campaign_view(&state, &slug, None).await {
        Ok(mut page) => {
            page.embedded = true;
            Ok(framed_by(
                render(StatusCode::OK, &page)?,
                &page.frame_ancestors,
            ))
        }
        Err(e) => notice_for(&state, &e, None),
    }
}

/// The plain (no JavaScript) upload form: the API's upload, answered with the receipt
/// page, or the form again with the error in words and the error's status.
pub async fn upload_form(
    limit: Result<PublicPost, ApiError>,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    req: HttpRequest,
    payload: Multipart,
) -> Result<HttpResponse, ApiError> {
    let result = match limit {
        Ok(_) => photos::accept_upload(&state, &slug, &req, payload)
            .await
            .map_err(ApiError::from),
        Err(e) => Err(e),
    };
    // Answered inside the campaign site's iframe when the form was sent from there.
    let origins = state
        .store
        .campaign_by_slug(&slug)
        .await
        .map(|c| c.frame_ancestors())
        .unwrap_or_default();
    let res = match result {
        Ok(receipt) => render(
            StatusCode::OK,
            &ReceiptPage {
                what: "photo",
                status_link: status_link(&state, 'p', receipt.id, &receipt.receipt_token),
                back: format!("/c/{slug}"),
            },
        ),
        Err(e) => match campaign_view(&state, &slug, Some(state.words.for_error(&e))).await {
            Ok(page) => render_failed(&e, &page),
            Err(e) => notice_for(&state, &e, None),
        },
    }?;
    Ok(framed_by(res, &origins))
}

pub async fn photo_status_page(
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    query: web::Query<ReceiptQuery>,
) -> Result<HttpResponse, ApiError> {
    let photo = match photos::own_photo(&state, query.receipt.as_deref(), *id)
        .await
        .map_err(ApiError::from)
    {
        Ok(p) => p,
        Err(e) => return notice_for(&state, &e, None),
    };
    let now = state.clock.now().timestamp();
    // Relative URLs: the page and its images share whatever origin the visitor used.
    let image = state.signer.thumbnails("", &photo, now).map(|t| Image {
        url: t.large.url,
        width: t.large.width,
        height: t.large.height,
    });
    let consent = match crate::routes::photos::ConsentView::of(
        &state,
        photo.consent_id,
        photo.consent_at,
        placard_domain::STANDARD_PHOTO_CONSENT,
    )
    .await
    {
        Ok(c) => c,
        Err(e) => return notice_for(&state, &e, None),
    };
    let boxes = photo.blur.as_ref().map_or(0, |b| b.rects().len());
    let boxes = if boxes > 0 {
        format!("{boxes} (pixelated in every copy we keep)")
    } else {
        "none".to_owned()
    };
    let held = held_lines(
        &[
            ("Name", photo.display_name.as_deref()),
            ("Country", photo.country.as_deref()),
            ("Caption", photo.caption.as_deref()),
            ("Boxes hidden", Some(boxes.as_str())),
        ],
        &consent,
    );
    render(
        StatusCode::OK,
        &StatusPage {
            held,
            what: "photo",
            status: photo.status.as_str().to_owned(),
            words: messages::photo_status(
                photo.status,
                photo.rejection_reason.as_deref(),
                photo.failure_reason,
            ),
            image,
            slogan: None,
            refresh: matches!(
                photo.status,
                PhotoStatus::Received | PhotoStatus::Processing
            ),
            withdraw_action: format!("/p/{}/withdraw", photo.id),
            receipt: query.receipt.clone().unwrap_or_default(),
        },
    )
}

pub async fn withdraw_photo(
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    form: Deferred<web::Form<WithdrawForm>>,
) -> Result<HttpResponse, ApiError> {
    let result = async {
        let form = form.get()?;
        let photo = photos::own_photo(&state, Some(&form.receipt), *id).await?;
        Ok::<(), ApiError>(photos::erase_photo(&state, &photo).await?)
    }
    .await;
    withdrawn(&state, "photo", result)
}

#[derive(Template)]
#[template(path = "gallery.html")]
struct GalleryPage {
    slug: String,
    title: String,
    cards: Vec<Card>,
    next: Option<String>,
}

struct Card {
    small: Image,
    large_url: String,
    blurhash: String,
    display_name: Option<String>,
    country: Option<String>,
    caption: Option<String>,
}

#[derive(Deserialize)]
pub struct CursorQuery {
    cursor: Option<String>,
}

pub async fn gallery_page(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<CursorQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = async {
        let c = find_campaign(&state, &slug).await?;
        let after = match query.cursor.as_deref() {
            None => None,
            Some(raw) => Some(Cursor::decode(raw).ok_or_else(|| {
                ApiError::bad_request("invalid_query", "This page link is not valid.")
            })?),
        };
        let (photos, next) = state.store.gallery(c.id, GALLERY_PAGE, after).await?;
        let now = state.clock.now().timestamp();
        let cards = photos
            .into_iter()
            .filter_map(|p| {
                let t = state.signer.thumbnails("", &p, now)?;
                Some(Card {
                    small: Image {
                        url: t.small.url,
                        width: t.small.width,
                        height: t.small.height,
                    },
                    large_url: t.large.url,
                    blurhash: p.blurhash.unwrap_or_default(),
                    display_name: p.display_name,
                    country: p.country,
                    caption: p.caption,
                })
            })
            .collect();
        Ok::<_, ApiError>(GalleryPage {
            slug: c.slug,
            title: c.title,
            cards,
            next: next.map(|c| c.encode()),
        })
    }
    .await;
    match page {
        Ok(p) => render(StatusCode::OK, &p),
        Err(e) => notice_for(&state, &e, None),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_are_grouped() {
        assert_eq!(super::grouped(0), "0");
        assert_eq!(super::grouped(999), "999");
        assert_eq!(super::grouped(12408), "12,408");
        assert_eq!(super::grouped(1234567), "1,234,567");
    }
}
