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

use super::{human, notice_for, render};
use crate::{ApiError, AppState};
use actix_web::http::StatusCode;
use actix_web::HttpResponse;
use askama::Template;
use serde::Deserialize;
use uuid::Uuid;

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
    /// Everything held about the supporter, as (what, value) lines: shown back to them.
    held: Vec<(&'static str, String)>,
}

/// What is held about a supporter, with the consent they gave, for their receipt page.
fn held_lines(
    fields: &[(&'static str, Option<&str>)],
    consent: &crate::routes::photos::ConsentView,
) -> Vec<(&'static str, String)> {
    let mut lines: Vec<(&'static str, String)> = fields
        .iter()
        .map(|(what, v)| {
            (
                *what,
                v.map_or_else(|| "(not given)".to_owned(), str::to_owned),
            )
        })
        .collect();
    lines.push(("You agreed to", consent.text.clone()));
    lines.push(("On", human(consent.agreed_at)));
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
    what: &str,
    result: Result<(), ApiError>,
) -> Result<HttpResponse, ApiError> {
    if let Err(e) = result {
        return notice_for(state, &e, None);
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
