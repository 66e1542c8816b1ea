//! A campaign's pages: the upload form, the photo's status and withdrawal, the gallery.

use super::super::{
    any_language, campaign_language, framed_by, messages, notice_for, render, render_failed,
};
use super::*;
use crate::application::find_campaign;
use crate::application::photos;
use crate::auth::Deferred;
use crate::l10n::{CampaignTexts, Prefs, Tr};
use crate::middleware::PublicPost;
use crate::{ApiError, AppState};
use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use placard_domain::{CampaignState, PhotoStatus};
use placard_storage::Cursor;
use serde::Deserialize;
use uuid::Uuid;

/// Photos per gallery page.
const GALLERY_PAGE: u32 = 24;

#[derive(Template)]
#[template(path = "campaign.html")]
struct CampaignPage<'a> {
    t: Tr<'a>,
    slug: String,
    title: String,
    description: Option<String>,
    open: bool,
    closed_words: String,
    /// `(code, name)`, by name in the page's language.
    countries: Vec<(&'static str, String)>,
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
    /// The logo supporters are asked to hold, shown at the top.
    logo: Option<String>,
    /// How long rejected photos and approved originals are kept, for the privacy panel.
    rejected_days: i32,
    originals_days: Option<i32>,
    /// What was typed, when a plain form comes back with its error.
    sent: photos::Sent,
    /// The operator's own privacy notice.
    privacy_url: Option<String>,
}

/// The counter and the moderation note of a campaign's page.
pub(super) fn counter_words(
    t: &Tr<'_>,
    s: &placard_storage::delivery::CampaignStats,
) -> (Option<String>, Option<String>) {
    let approved = s.by_status.get("approved").copied().unwrap_or(0);
    let counter = (approved > 0).then(|| match s.countries.len() {
        0 => t.arg("counter-supporters", "n", approved),
        n => t.arg2(
            "counter-supporters-countries",
            "n",
            approved,
            "countries",
            n,
        ),
    });
    let rejected: i64 = s.rejected.values().sum();
    let moderation = s.median_seconds_to_decision.map(|m| {
        let wait = match m {
            0..=3599 => t.arg("wait-minutes", "n", (m / 60).max(1)),
            3600..=172_799 => t.arg("wait-hours", "n", m / 3600),
            _ => t.arg("wait-days", "n", m / 86_400),
        };
        t.with(
            "moderation-note",
            vec![
                ("shown", approved.into()),
                ("hidden", rejected.into()),
                ("wait", wait.into()),
            ],
        )
    });
    (counter, moderation)
}

async fn campaign_view<'a>(
    state: &'a AppState,
    prefs: &Prefs,
    slug: &str,
    error: Option<&ApiError>,
    sent: photos::Sent,
) -> Result<CampaignPage<'a>, (Tr<'a>, ApiError)> {
    let c = match find_campaign(state, slug).await {
        Ok(c) => c,
        Err(e) => return Err((any_language(state, prefs), e.into())),
    };
    let t = campaign_language(state, prefs, &c);
    let now = state.clock.now();
    let phase = CampaignState::at(now, c.opens_at, c.closes_at);
    let closed_words = match (phase, c.opens_at, c.closes_at) {
        (CampaignState::Upcoming, Some(at), _) => {
            t.arg("campaign-opens-from", "when", t.date_time(at))
        }
        (CampaignState::Closed, _, Some(at)) => {
            t.arg("campaign-closed-on", "when", t.date_time(at))
        }
        _ => String::new(),
    };
    let stats = match crate::routes::delivery::stats_of(state, c.id).await {
        Ok(s) => s,
        Err(e) => return Err((t, e)),
    };
    let (counter, moderation) = counter_words(&t, &stats);
    let texts = CampaignTexts::of(&state.l10n, &c, t.locale);
    Ok(CampaignPage {
        // Relative: the page and its images share whatever origin the visitor used.
        logo: crate::routes::campaigns::logo_url(state, &c).map(|u| {
            u.strip_prefix(&state.settings.public_url)
                .map_or(u.clone(), str::to_owned)
        }),
        rejected_days: c.retention_rejected_days,
        originals_days: c.retention_originals_after_close_days,
        sent,
        counter,
        moderation,
        embedded: false,
        frame_ancestors: c.frame_ancestors(),
        slug: c.slug,
        title: texts.title,
        description: texts.description,
        open: phase == CampaignState::Open,
        closed_words,
        countries: t.countries(),
        privacy_url: c.privacy_url.clone(),
        max_mib: state.settings.max_upload_bytes / (1024 * 1024),
        messages: t.errors_json(),
        error: error.map(|e| t.error(e)),
        consent_text: texts.consent,
        t,
    })
}

pub async fn campaign_page(
    state: web::Data<AppState>,
    prefs: Prefs,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    match campaign_view(&state, &prefs, &slug, None, Default::default()).await {
        Ok(page) => Ok(framed_by(
            render(StatusCode::OK, &page)?,
            &page.frame_ancestors,
        )),
        Err((t, e)) => notice_for(&state, &t, &e, None),
    }
}

/// `/c/{slug}/embed`: the upload form alone, for an iframe on the campaign's own site (the
/// origins in its `frame_ancestors`); the script tells the parent page its height.
pub async fn embed_page(
    state: web::Data<AppState>,
    prefs: Prefs,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    match campaign_view(&state, &prefs, &slug, None, Default::default()).await {
        Ok(mut page) => {
            page.embedded = true;
            Ok(framed_by(
                render(StatusCode::OK, &page)?,
                &page.frame_ancestors,
            ))
        }
        Err((t, e)) => notice_for(&state, &t, &e, None),
    }
}

/// The plain (no JavaScript) upload form: the API's upload, answered with the receipt
/// page, or the form again with the error in words and the error's status.
pub async fn upload_form(
    limit: Result<PublicPost, ApiError>,
    state: web::Data<AppState>,
    prefs: Prefs,
    slug: web::Path<String>,
    req: HttpRequest,
    payload: Multipart,
) -> Result<HttpResponse, ApiError> {
    let mut sent = photos::Sent::default();
    let result = match limit {
        Ok(_) => photos::accept_upload(&state, &slug, &req, payload, &mut sent)
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
        Ok(receipt) => {
            let t = match find_campaign(&state, &slug).await {
                Ok(c) => campaign_language(&state, &prefs, &c),
                Err(_) => any_language(&state, &prefs),
            };
            render(
                StatusCode::OK,
                &ReceiptPage {
                    status_link: status_link(&state, &t, 'p', receipt.id, &receipt.receipt_token),
                    t,
                    what: "photo",
                    back: format!("/c/{slug}"),
                },
            )
        }
        Err(e) => match campaign_view(&state, &prefs, &slug, Some(&e), sent).await {
            Ok(page) => render_failed(&e, &page),
            Err((t, e)) => notice_for(&state, &t, &e, None),
        },
    }?;
    Ok(framed_by(res, &origins))
}

pub async fn photo_status_page(
    state: web::Data<AppState>,
    prefs: Prefs,
    req: HttpRequest,
    id: web::Path<Uuid>,
    query: web::Query<ReceiptQuery>,
) -> Result<HttpResponse, ApiError> {
    let photo = match photos::own_photo(&state, query.receipt.as_deref(), *id)
        .await
        .map_err(ApiError::from)
    {
        Ok(p) => p,
        Err(e) => return notice_for(&state, &any_language(&state, &prefs), &e, None),
    };
    let t = match state.store.campaign_by_id(photo.campaign_id).await {
        Ok(c) => campaign_language(&state, &prefs, &c),
        Err(_) => any_language(&state, &prefs),
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
        Err(e) => return notice_for(&state, &t, &e, None),
    };
    let boxes = photo.blur.as_ref().map_or(0, |b| b.rects().len());
    let boxes = if boxes > 0 {
        t.arg("held-boxes-some", "n", boxes)
    } else {
        t.get("held-boxes-none")
    };
    let held = held_lines(
        &t,
        &[
            ("held-name", photo.display_name.as_deref()),
            ("held-country", photo.country.as_deref()),
            ("held-caption", photo.caption.as_deref()),
            ("held-boxes", Some(boxes.as_str())),
        ],
        &consent,
    );
    render(
        StatusCode::OK,
        &StatusPage {
            held,
            what: "photo",
            status: photo.status.as_str().to_owned(),
            status_words: t.of("status", photo.status.as_str()),
            words: messages::photo_status(
                &t,
                photo.status,
                photo.rejection_reason.as_deref(),
                photo.failure_reason,
            ),
            here: format!("{}?{}", req.path(), req.query_string()),
            image,
            slogan: None,
            refresh: matches!(
                photo.status,
                PhotoStatus::Received | PhotoStatus::Processing
            ),
            withdraw_action: format!("/p/{}/withdraw?lang={}", photo.id, t.lang()),
            receipt: query.receipt.clone().unwrap_or_default(),
            t,
        },
    )
}

pub async fn withdraw_photo(
    state: web::Data<AppState>,
    prefs: Prefs,
    id: web::Path<Uuid>,
    form: Deferred<web::Form<WithdrawForm>>,
) -> Result<HttpResponse, ApiError> {
    let result = async {
        let form = form.get()?;
        let photo = photos::own_photo(&state, Some(&form.receipt), *id).await?;
        Ok::<(), ApiError>(photos::erase_photo(&state, &photo).await?)
    }
    .await;
    withdrawn(&state, &any_language(&state, &prefs), "photo", result)
}

#[derive(Template)]
#[template(path = "gallery.html")]
struct GalleryPage<'a> {
    t: Tr<'a>,
    slug: String,
    title: String,
    cards: Vec<Card>,
    next: Option<String>,
    /// "12,408 supporters from 97 countries".
    counter: Option<String>,
    /// This gallery's address, to pass on.
    share: String,
}

struct Card {
    id: Uuid,
    small: Image,
    blurhash: String,
    display_name: Option<String>,
    /// The country's name in the page's language.
    country: Option<String>,
    caption: Option<String>,
    /// The caption is clamped to three lines in the grid: the photo's page has all of it.
    long_caption: bool,
}

/// Captions longer than this are clamped in the grid (three lines at 390 px), with "more".
const CLAMPED_CAPTION: usize = 90;

#[derive(Deserialize)]
pub struct CursorQuery {
    cursor: Option<String>,
}

pub async fn gallery_page(
    state: web::Data<AppState>,
    prefs: Prefs,
    slug: web::Path<String>,
    query: web::Query<CursorQuery>,
) -> Result<HttpResponse, ApiError> {
    let mut t = any_language(&state, &prefs);
    let page = async {
        let c = find_campaign(&state, &slug).await?;
        t = campaign_language(&state, &prefs, &c);
        let title = CampaignTexts::of(&state.l10n, &c, t.locale).title;
        let after = match query.cursor.as_deref() {
            None => None,
            Some(raw) => Some(Cursor::decode(raw).ok_or_else(|| {
                ApiError::bad_request("invalid_query", "This page link is not valid.")
            })?),
        };
        let (photos, next) = state.store.gallery(c.id, GALLERY_PAGE, after).await?;
        let stats = crate::routes::delivery::stats_of(&state, c.id).await?;
        let now = state.clock.now().timestamp();
        let cards = photos
            .into_iter()
            .filter_map(|p| {
                let thumbs = state.signer.thumbnails("", &p, now)?;
                Some(Card {
                    id: p.id,
                    small: Image {
                        url: thumbs.small.url,
                        width: thumbs.small.width,
                        height: thumbs.small.height,
                    },
                    blurhash: p.blurhash.unwrap_or_default(),
                    display_name: p.display_name,
                    country: p.country.as_deref().map(|k| t.country(k)),
                    long_caption: p
                        .caption
                        .as_ref()
                        .is_some_and(|c| c.chars().count() > CLAMPED_CAPTION),
                    caption: p.caption,
                })
            })
            .collect();
        let (counter, _) = counter_words(&t, &stats);
        let share = format!("{}/c/{}/gallery", state.settings.public_url, c.slug);
        Ok::<_, ApiError>((
            c.slug,
            title,
            cards,
            next.map(|c| c.encode()),
            counter,
            share,
        ))
    }
    .await;
    match page {
        Ok((slug, title, cards, next, counter, share)) => render(
            StatusCode::OK,
            &GalleryPage {
                t,
                slug,
                title,
                cards,
                next,
                counter,
                share,
            },
        ),
        Err(e) => notice_for(&state, &t, &e, None),
    }
}

#[derive(Template)]
#[template(path = "photo.html")]
struct PhotoPage<'a> {
    t: Tr<'a>,
    slug: String,
    title: String,
    large: Image,
    blurhash: String,
    display_name: Option<String>,
    country: Option<String>,
    caption: Option<String>,
    /// This photo's page, to pass on.
    share: String,
}

/// One approved photo of the gallery, with its caption, its sender's name and country, a
/// way back and its address to share. Anything else (not approved, another campaign's, no
/// such id) is the same "not found", so nobody learns that a withdrawn or rejected photo
/// existed.
pub async fn photo_page(
    state: web::Data<AppState>,
    prefs: Prefs,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    let (slug, id) = path.into_inner();
    let mut t = any_language(&state, &prefs);
    let page = async {
        let c = find_campaign(&state, &slug).await?;
        t = campaign_language(&state, &prefs, &c);
        let not_found = || ApiError::not_found("The photo");
        let id: Uuid = id.parse().map_err(|_| not_found())?;
        let p = match state.store.photo(id).await {
            Ok(p) => p,
            Err(placard_storage::StoreError::NotFound) => return Err(not_found()),
            Err(e) => return Err(e.into()),
        };
        if p.campaign_id != c.id || p.status != PhotoStatus::Approved {
            return Err(not_found());
        }
        let thumbs = state
            .signer
            .thumbnails("", &p, state.clock.now().timestamp())
            .ok_or_else(not_found)?;
        Ok(PhotoPage {
            title: CampaignTexts::of(&state.l10n, &c, t.locale).title,
            share: format!("{}/c/{}/photos/{}", state.settings.public_url, c.slug, p.id),
            slug: c.slug,
            large: Image {
                url: thumbs.large.url,
                width: thumbs.large.width,
                height: thumbs.large.height,
            },
            blurhash: p.blurhash.unwrap_or_default(),
            display_name: p.display_name,
            country: p.country.as_deref().map(|k| t.country(k)),
            caption: p.caption,
            t: t.clone(),
        })
    }
    .await;
    match page {
        Ok(page) => render(StatusCode::OK, &page),
        Err(e) => {
            let (back, words) = (format!("/c/{slug}/gallery"), t.get("photo-back"));
            notice_for(&state, &t, &e, Some((&back, &words)))
        }
    }
}
