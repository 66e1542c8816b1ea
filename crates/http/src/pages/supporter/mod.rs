//! Pages for supporters: a campaign's upload form, the receipt and status pages (reached
//! with the receipt token in the link), the gallery, and a contest's entry form, countdown
//! and results. Each form posts here and works without JavaScript; the rules, limits and
//! storage are the JSON API's own functions.
//!
//! `campaign` holds the photo petition's pages, `contest` the slogan contest's; this module
//! what both share (receipts, status pages, withdrawal).

mod campaign;
mod contest;
mod mosaic;

pub use campaign::*;
pub use contest::*;
pub use mosaic::*;

use super::{notice_for, render};
use crate::l10n::Tr;
use crate::{ApiError, AppState};
use actix_web::http::StatusCode;
use actix_web::HttpResponse;
use askama::Template;
use serde::Deserialize;
use uuid::Uuid;

#[derive(Template)]
#[template(path = "receipt.html")]
struct ReceiptPage<'a> {
    t: Tr<'a>,
    what: &'static str,
    status_link: String,
    back: String,
}

/// The status page's address: the receipt token rides in the query, so the link can be
/// bookmarked. Request logs record route patterns only, and pages send no Referer.
/// The page's language rides along, so the supporter comes back to the language they read.
fn status_link(state: &AppState, t: &Tr<'_>, kind: char, id: Uuid, token: &str) -> String {
    format!(
        "{}/{kind}/{id}?lang={}&receipt={token}",
        state.settings.public_url,
        t.lang()
    )
}

#[derive(Deserialize)]
pub struct ReceiptQuery {
    receipt: Option<String>,
}

#[derive(Template)]
#[template(path = "status.html")]
struct StatusPage<'a> {
    t: Tr<'a>,
    what: &'static str,
    status: String,
    /// The status in the page's language.
    status_words: String,
    words: String,
    image: Option<Image>,
    slogan: Option<String>,
    /// Check again while the photo is being processed: the script asks every few
    /// seconds and announces the change; without it, a link does.
    refresh: bool,
    /// This page's own address, for that link.
    here: String,
    withdraw_action: String,
    receipt: String,
    /// Everything held about the supporter, as (what, value) lines: shown back to them.
    held: Vec<(String, String)>,
}

/// What is held about a supporter, with the consent they gave, for their receipt page.
fn held_lines(
    t: &Tr<'_>,
    fields: &[(&'static str, Option<&str>)],
    consent: &crate::routes::photos::ConsentView,
) -> Vec<(String, String)> {
    let mut lines: Vec<(String, String)> = fields
        .iter()
        .map(|(what, v)| {
            (
                t.get(what),
                v.map_or_else(|| t.get("held-not-given"), str::to_owned),
            )
        })
        .collect();
    lines.push((t.get("held-agreed"), consent.text.clone()));
    lines.push((t.get("held-on"), t.date_time(consent.agreed_at)));
    lines
}

struct Image {
    url: String,
    width: u32,
    height: u32,
}

#[derive(Deserialize)]
pub struct WithdrawForm {
    receipt: String,
}

/// The answer to a withdrawal form: the confirmation, or the error in words.
fn withdrawn(
    state: &AppState,
    t: &Tr<'_>,
    what: &str,
    result: Result<(), ApiError>,
) -> Result<HttpResponse, ApiError> {
    if let Err(e) = result {
        return notice_for(state, t, &e, None);
    }
    let message = t.get(&format!("withdrawn-{what}"));
    render(
        StatusCode::OK,
        &super::Notice {
            t,
            title: &t.get("withdrawn-title"),
            message: &message,
            back: Some(("/", &t.get("withdrawn-home"))),
        },
    )
}
