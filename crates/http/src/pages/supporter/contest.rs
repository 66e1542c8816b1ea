//! A contest's pages: the entry form, countdown and results, the entry's status and
//! withdrawal.

use super::super::{messages, notice_for, render, render_failed};
use super::*;
use crate::application::entries::{self as contests, EnterBody};
use crate::application::{find_contest, state_of};
use crate::auth::Deferred;
use crate::middleware::PublicPost;
use crate::{ApiError, AppState};
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;
use placard_domain::ContestState;
use serde::Deserialize;
use uuid::Uuid;

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
    consent_text: &'static str,
}

/// The published results as the page shows them: the winner once, then the rest of the
/// shortlist in rank order, numbered without gaps (a pinned shortlist's ranks can skip,
/// which reads as a mistake), the date, and the fingerprint anyone can check.
struct Results {
    winner: Option<Placed>,
    others: Vec<Placed>,
    announced: Option<String>,
    announced_at: Option<String>,
    sha256: Option<String>,
}

#[derive(Deserialize)]
struct Published {
    winner: Option<Placed>,
    #[serde(default)]
    shortlist: Vec<Placed>,
    announced_at: Option<chrono::DateTime<chrono::Utc>>,
    sha256: Option<String>,
}

#[derive(Deserialize)]
struct Placed {
    id: Option<Uuid>,
    slogan: String,
    author_name: Option<String>,
}

impl From<Published> for Results {
    fn from(p: Published) -> Self {
        let winner_id = p.winner.as_ref().and_then(|w| w.id);
        Results {
            others: p
                .shortlist
                .into_iter()
                .filter(|s| s.id.is_none() || s.id != winner_id)
                .collect(),
            winner: p.winner,
            announced: p.announced_at.map(human),
            announced_at: p.announced_at.map(|t| t.to_rfc3339()),
            sha256: p.sha256,
        }
    }
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
    let phase = match state_of(&c, state.clock.now()) {
        ContestState::Upcoming => "upcoming",
        ContestState::Open => "open",
        ContestState::Judging => "judging",
        ContestState::Announced => "announced",
    };
    let results = c
        .results
        .as_deref()
        .and_then(|doc| serde_json::from_str::<Published>(doc).ok())
        .map(Results::from);
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
        consent_text: placard_domain::STANDARD_ENTRY_CONSENT,
    })
}

pub async fn contest_page(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    match contest_view(&state, &slug, None, EntryForm::default()).await {
        Ok(page) => render(StatusCode::OK, &page),
        Err(e) => notice_for(&state, &e, None),
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
        Err(e) => return notice_for(&state, &e, None),
    };
    let result = match limit {
        Ok(_) => {
            let body = EnterBody {
                slogan: form.slogan.clone(),
                author_name: form.author_name.clone(),
                consent: Some(form.consent.as_deref() == Some("true")),
                email: Some(form.email.clone()),
            };
            contests::accept_entry(&state, &slug, &body)
                .await
                .map_err(ApiError::from)
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
        Err(e) => match contest_view(&state, &slug, Some(state.words.for_error(&e)), form).await {
            Ok(page) => render_failed(&e, &page),
            Err(e) => notice_for(&state, &e, None),
        },
    }
}

pub async fn entry_status_page(
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    query: web::Query<ReceiptQuery>,
) -> Result<HttpResponse, ApiError> {
    let entry = match contests::own_entry(&state, query.receipt.as_deref(), *id)
        .await
        .map_err(ApiError::from)
    {
        Ok(e) => e,
        Err(e) => return notice_for(&state, &e, None),
    };
    let consent = match crate::routes::photos::ConsentView::of(
        &state,
        entry.consent_id,
        entry.consent_at,
        placard_domain::STANDARD_ENTRY_CONSENT,
    )
    .await
    {
        Ok(c) => c,
        Err(e) => return notice_for(&state, &e, None),
    };
    let held = held_lines(
        &[
            ("Name", entry.author_name.as_deref()),
            (
                "Email (deleted at the announcement)",
                entry.email.as_deref(),
            ),
        ],
        &consent,
    );
    render(
        StatusCode::OK,
        &StatusPage {
            held,
            what: "slogan",
            words: messages::entry_status(entry.status, entry.rejection_reason.as_deref()),
            status: entry.status.as_str().to_owned(),
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
        Ok::<(), ApiError>(contests::erase_entry(&state, &entry).await?)
    }
    .await;
    withdrawn(&state, "slogan", result)
}
