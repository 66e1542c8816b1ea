//! Pages for supporters: a campaign's upload form, the receipt and status pages (reached
//! with the receipt token in the link), the gallery, and a contest's entry form, countdown
//! and results. Each form posts here and works without JavaScript; the rules, limits and
//! storage are the JSON API's own functions.

use super::{messages, notice_for, render};
use crate::auth::Deferred;
use crate::middleware::PublicPost;
use crate::routes::campaigns::find_campaign;
use crate::routes::contests::{self, find_contest, state_of, EnterBody};
use crate::routes::photos;
use crate::{ApiError, AppState};
use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use chrono::{DateTime, Utc};
use placard_domain::{CampaignState, ContestState, Country, PhotoStatus};
use placard_storage::contests::Entry;
use placard_storage::Cursor;
use serde::Deserialize;
use uuid::Uuid;

/// Photos per gallery page.
const GALLERY_PAGE: u32 = 24;

/// Times as people read them (pages also carry the RFC 3339 form for the script).
fn human(t: DateTime<Utc>) -> String {
    t.format("%-d %B %Y, %H:%M UTC").to_string()
}

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
}

async fn campaign_view(
    state: &AppState,
    slug: &str,
    error: Option<String>,
) -> Result<CampaignPage, ApiError> {
    let c = find_campaign(state, slug).await?;
    let now = placard_storage::now();
    let phase = CampaignState::at(now, c.opens_at, c.closes_at);
    let closed_words = match (phase, c.opens_at, c.closes_at) {
        (CampaignState::Upcoming, Some(t), _) => format!("Photos are welcome from {}.", human(t)),
        (CampaignState::Closed, _, Some(t)) => {
            format!("This campaign stopped taking photos on {}.", human(t))
        }
        _ => String::new(),
    };
    Ok(CampaignPage {
        slug: c.slug,
        title: c.title,
        description: c.description,
        open: phase == CampaignState::Open,
        closed_words,
        countries: Country::codes().collect(),
        max_mib: state.settings.max_upload_bytes / (1024 * 1024),
        messages: messages::as_json(),
        error,
    })
}

pub async fn campaign_page(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    match campaign_view(&state, &slug, None).await {
        Ok(page) => render(StatusCode::OK, &page),
        Err(e) => notice_for(&e, None),
    }
}

#[derive(Template)]
#[template(path = "receipt.html")]
struct ReceiptPage {
    what: &'static str,
    status_link: String,
    back: String,
}

/// The status page's address: the receipt token rides in the query, so the link can be
/// bookmarked. Request logs record route patterns only, and pages send no Referer.
fn status_link(state: &AppState, kind: char, id: Uuid, token: &str) -> String {
    format!("{}/{kind}/{id}?receipt={token}", state.settings.public_url)
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
        Ok(_) => photos::accept_upload(&state, &slug, &req, payload).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(receipt) => render(
            StatusCode::OK,
            &ReceiptPage {
                what: "photo",
                status_link: status_link(&state, 'p', receipt.id, &receipt.receipt_token),
                back: format!("/c/{slug}"),
            },
        ),
        Err(e) => match campaign_view(&state, &slug, Some(messages::for_supporter(&e))).await {
            Ok(page) => render(e.status(), &page),
            Err(e) => notice_for(&e, None),
        },
    }
}

#[derive(Deserialize)]
pub struct ReceiptQuery {
    receipt: Option<String>,
}

#[derive(Template)]
#[template(path = "status.html")]
struct StatusPage {
    what: &'static str,
    status: String,
    words: String,
    image: Option<Image>,
    slogan: Option<String>,
    /// Reload while the photo is being processed.
    refresh: bool,
    withdraw_action: String,
    receipt: String,
}

struct Image {
    url: String,
    width: u32,
    height: u32,
}

fn reason_words(reason: Option<&str>) -> &'static str {
    match reason {
        Some("no_logo") => "the campaign logo could not be seen",
        Some("inappropriate") => "it was not suitable for the gallery",
        Some("duplicate") => "it repeats a photo we already have",
        Some("poor_quality") => "the picture was not clear enough",
        Some("privacy") => "it could put someone's privacy at risk",
        Some("spam") => "it did not belong to this campaign",
        _ => "of a reason the moderators noted",
    }
}

fn photo_words(status: PhotoStatus, reason: Option<&str>, failure: Option<&str>) -> String {
    match status {
        PhotoStatus::Received | PhotoStatus::Processing => {
            "We have your photo and are preparing it. This page updates by itself.".into()
        }
        PhotoStatus::PendingReview => {
            "Your photo is ready and waiting for a moderator to look at it.".into()
        }
        PhotoStatus::Approved => {
            "Your photo is approved and shown in the gallery. Thank you!".into()
        }
        PhotoStatus::Rejected => format!(
            "Your photo was not approved, because {}. You are welcome to send another.",
            reason_words(reason)
        ),
        PhotoStatus::Failed => format!(
            "We could not process this photo: {}. Please try sending it again, or another one.",
            failure.unwrap_or("the file could not be read")
        ),
    }
}

pub async fn photo_status_page(
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    query: web::Query<ReceiptQuery>,
) -> Result<HttpResponse, ApiError> {
    let photo = match photos::own_photo(&state, query.receipt.as_deref(), *id).await {
        Ok(p) => p,
        Err(e) => return notice_for(&e, None),
    };
    let now = placard_storage::now().timestamp();
    // Relative URLs: the page and its images share whatever origin the visitor used.
    let image = state.signer.thumbnails("", &photo, now).map(|t| Image {
        url: t.large.url,
        width: t.large.width,
        height: t.large.height,
    });
    render(
        StatusCode::OK,
        &StatusPage {
            what: "photo",
            status: photo.status.as_str().to_owned(),
            words: photo_words(
                photo.status,
                photo.rejection_reason.as_deref(),
                photo.failure_reason.as_deref(),
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

#[derive(Deserialize)]
pub struct WithdrawForm {
    receipt: String,
}

pub async fn withdraw_photo(
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    form: Deferred<web::Form<WithdrawForm>>,
) -> Result<HttpResponse, ApiError> {
    let result = async {
        let form = form.get()?;
        let photo = photos::own_photo(&state, Some(&form.receipt), *id).await?;
        photos::erase_photo(&state, &photo).await
    }
    .await;
    withdrawn("photo", result)
}

/// The answer to a withdrawal form: the confirmation, or the error in words.
fn withdrawn(what: &str, result: Result<(), ApiError>) -> Result<HttpResponse, ApiError> {
    if let Err(e) = result {
        return notice_for(&e, None);
    }
    let message = format!(
        "Your {what} has been withdrawn and erased: it is gone from our storage, and your \
         name, country and caption with it. This link no longer works."
    );
    render(
        StatusCode::OK,
        &super::Notice {
            title: "Withdrawn",
            message: &message,
            back: None,
        },
    )
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
        let now = placard_storage::now().timestamp();
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
        Err(e) => notice_for(&e, None),
    }
}

#[derive(Template)]
#[template(path = "contest.html")]
struct ContestPage {
    slug: String,
    title: String,
    description: Option<String>,
    phase: &'static str,
    entries_close: String,
    announce: String,
    /// RFC 3339, for the script's countdown.
    announce_at: String,
    results: Option<Results>,
    error: Option<String>,
    form: EntryForm,
}

#[derive(Deserialize)]
struct Results {
    winner: Option<Placed>,
    #[serde(default)]
    shortlist: Vec<Placed>,
}

#[derive(Deserialize)]
struct Placed {
    rank: Option<u32>,
    slogan: String,
    author_name: Option<String>,
}

/// The plain entry form's fields (kept to fill the form again after an error).
#[derive(Deserialize, Default)]
pub struct EntryForm {
    #[serde(default)]
    slogan: String,
    #[serde(default)]
    author_name: String,
    #[serde(default)]
    email: String,
    consent: Option<String>,
}

async fn contest_view(
    state: &AppState,
    slug: &str,
    error: Option<String>,
    form: EntryForm,
) -> Result<ContestPage, ApiError> {
    let c = find_contest(state, slug).await?;
    let phase = match state_of(&c, placard_storage::now()) {
        ContestState::Upcoming => "upcoming",
        ContestState::Open => "open",
        ContestState::Judging => "judging",
        ContestState::Announced => "announced",
    };
    let results = c
        .results
        .as_deref()
        .and_then(|doc| serde_json::from_str::<Results>(doc).ok());
    Ok(ContestPage {
        slug: c.slug,
        title: c.title,
        description: c.description,
        phase,
        entries_close: human(c.entries_close_at),
        announce: human(c.announce_at),
        announce_at: c.announce_at.to_rfc3339(),
        results,
        error,
        form,
    })
}

pub async fn contest_page(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    match contest_view(&state, &slug, None, EntryForm::default()).await {
        Ok(page) => render(StatusCode::OK, &page),
        Err(e) => notice_for(&e, None),
    }
}

pub async fn entry_form(
    limit: Result<PublicPost, ApiError>,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    form: Deferred<web::Form<EntryForm>>,
) -> Result<HttpResponse, ApiError> {
    let form = match form.get() {
        Ok(f) => f.into_inner(),
        Err(e) => return notice_for(&e, None),
    };
    let result = match limit {
        Ok(_) => {
            let body = EnterBody {
                slogan: form.slogan.clone(),
                author_name: form.author_name.clone(),
                consent: Some(form.consent.as_deref() == Some("true")),
                email: Some(form.email.clone()),
            };
            contests::accept_entry(&state, &slug, &body).await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(receipt) => render(
            StatusCode::OK,
            &ReceiptPage {
                what: "slogan",
                status_link: status_link(&state, 'e', receipt.id, &receipt.receipt_token),
                back: format!("/k/{slug}"),
            },
        ),
        Err(e) => {
            match contest_view(&state, &slug, Some(messages::for_supporter(&e)), form).await {
                Ok(page) => render(e.status(), &page),
                Err(e) => notice_for(&e, None),
            }
        }
    }
}

fn entry_words(e: &Entry) -> String {
    match e.status.as_str() {
        "pending_review" => "Your slogan is waiting for a moderator to look at it.".into(),
        "approved" => "Your slogan is approved and in the hands of the judges. Good luck!".into(),
        "rejected" => format!(
            "Your slogan was not accepted, because {}.",
            reason_words(e.rejection_reason.as_deref())
        ),
        other => other.replace('_', " "),
    }
}

pub async fn entry_status_page(
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    query: web::Query<ReceiptQuery>,
) -> Result<HttpResponse, ApiError> {
    let entry = match contests::own_entry(&state, query.receipt.as_deref(), *id).await {
        Ok(e) => e,
        Err(e) => return notice_for(&e, None),
    };
    render(
        StatusCode::OK,
        &StatusPage {
            what: "slogan",
            words: entry_words(&entry),
            status: entry.status.clone(),
            image: None,
            slogan: Some(entry.slogan.clone()),
            refresh: false,
            withdraw_action: format!("/e/{}/withdraw", entry.id),
            receipt: query.receipt.clone().unwrap_or_default(),
        },
    )
}

pub async fn withdraw_entry(
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    form: Deferred<web::Form<WithdrawForm>>,
) -> Result<HttpResponse, ApiError> {
    let result = async {
        let form = form.get()?;
        let entry = contests::own_entry(&state, Some(&form.receipt), *id).await?;
        contests::erase_entry(&state, &entry).await
    }
    .await;
    withdrawn("slogan", result)
}
