//! A contest's pages: the entry form, countdown and results, the entry's status and
//! withdrawal.

use super::super::{any_language, messages, notice_for, render, render_failed};
use super::*;
use crate::application::entries::{self as contests, EnterBody};
use crate::application::{find_contest, state_of};
use crate::auth::Deferred;
use crate::l10n::{Prefs, Tr};
use crate::middleware::PublicPost;
use crate::{ApiError, AppState};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use placard_domain::ContestState;
use serde::Deserialize;
use uuid::Uuid;

#[derive(Template)]
#[template(path = "contest.html")]
struct ContestPage<'a> {
    t: Tr<'a>,
    slug: String,
    title: String,
    description: Option<String>,
    phase: &'static str,
    entries_close: String,
    announce: String,
    /// RFC 3339, for the script's countdown.
    announce_at: String,
    results: Option<Results>,
    /// The results' address, for `placard verify-results`.
    results_url: String,
    error: Option<String>,
    form: EntryForm,
    consent_text: String,
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
    /// How many approved entries the judges chose from.
    entries: Option<u64>,
}

#[derive(Deserialize)]
struct Published {
    winner: Option<Placed>,
    #[serde(default)]
    shortlist: Vec<Placed>,
    announced_at: Option<chrono::DateTime<chrono::Utc>>,
    sha256: Option<String>,
    entries: Option<u64>,
}

#[derive(Deserialize)]
struct Placed {
    id: Option<Uuid>,
    slogan: String,
    author_name: Option<String>,
}

impl Results {
    fn of(t: &Tr<'_>, p: Published) -> Self {
        let winner_id = p.winner.as_ref().and_then(|w| w.id);
        Results {
            others: p
                .shortlist
                .into_iter()
                .filter(|s| s.id.is_none() || s.id != winner_id)
                .collect(),
            winner: p.winner,
            announced: p.announced_at.map(|at| t.date_time(at)),
            announced_at: p.announced_at.map(|t| t.to_rfc3339()),
            sha256: p.sha256,
            entries: p.entries,
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

async fn contest_view<'a>(
    state: &AppState,
    t: Tr<'a>,
    slug: &str,
    error: Option<&ApiError>,
    form: EntryForm,
) -> Result<ContestPage<'a>, ApiError> {
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
        .map(|p| Results::of(&t, p));
    Ok(ContestPage {
        results_url: format!(
            "{}/api/v1/contests/{}/results",
            state.settings.public_url, c.slug
        ),
        slug: c.slug,
        title: c.title,
        description: c.description,
        phase,
        entries_close: t.date_time(c.entries_close_at),
        announce: t.date_time(c.announce_at),
        announce_at: c.announce_at.to_rfc3339(),
        results,
        error: error.map(|e| t.error(e)),
        form,
        consent_text: t.get("consent-entry-standard"),
        t,
    })
}

pub async fn contest_page(
    state: web::Data<AppState>,
    prefs: Prefs,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let t = any_language(&state, &prefs);
    match contest_view(&state, t.clone(), &slug, None, EntryForm::default()).await {
        Ok(page) => render(StatusCode::OK, &page),
        Err(e) => notice_for(&state, &t, &e, None),
    }
}

pub async fn entry_form(
    limit: Result<PublicPost, ApiError>,
    state: web::Data<AppState>,
    prefs: Prefs,
    slug: web::Path<String>,
    form: Deferred<web::Form<EntryForm>>,
) -> Result<HttpResponse, ApiError> {
    let t = any_language(&state, &prefs);
    let form = match form.get() {
        Ok(f) => f.into_inner(),
        Err(e) => return notice_for(&state, &t, &e, None),
    };
    let result = match limit {
        Ok(_) => {
            let body = EnterBody {
                slogan: form.slogan.clone(),
                author_name: form.author_name.clone(),
                consent: Some(form.consent.as_deref() == Some("true")),
                email: Some(form.email.clone()),
                lang: Some(t.lang().to_owned()),
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
                status_link: status_link(&state, &t, 'e', receipt.id, &receipt.receipt_token),
                back: format!("/k/{slug}"),
                t,
            },
        ),
        Err(e) => match contest_view(&state, t.clone(), &slug, Some(&e), form).await {
            Ok(page) => render_failed(&e, &page),
            Err(e) => notice_for(&state, &t, &e, None),
        },
    }
}

pub async fn entry_status_page(
    state: web::Data<AppState>,
    prefs: Prefs,
    req: HttpRequest,
    id: web::Path<Uuid>,
    query: web::Query<ReceiptQuery>,
) -> Result<HttpResponse, ApiError> {
    let t = any_language(&state, &prefs);
    let entry = match contests::own_entry(&state, query.receipt.as_deref(), *id)
        .await
        .map_err(ApiError::from)
    {
        Ok(e) => e,
        Err(e) => return notice_for(&state, &t, &e, None),
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
        Err(e) => return notice_for(&state, &t, &e, None),
    };
    let held = held_lines(
        &t,
        &[
            ("held-name", entry.author_name.as_deref()),
            ("held-email", entry.email.as_deref()),
        ],
        &consent,
    );
    render(
        StatusCode::OK,
        &StatusPage {
            held,
            what: "slogan",
            words: messages::entry_status(&t, entry.status, entry.rejection_reason.as_deref()),
            status: entry.status.as_str().to_owned(),
            status_words: t.of("status", entry.status.as_str()),
            here: format!("{}?{}", req.path(), req.query_string()),
            image: None,
            slogan: Some(entry.slogan.clone()),
            refresh: false,
            withdraw_action: format!("/e/{}/withdraw?lang={}", entry.id, t.lang()),
            receipt: query.receipt.clone().unwrap_or_default(),
            t,
        },
    )
}

pub async fn withdraw_entry(
    state: web::Data<AppState>,
    prefs: Prefs,
    id: web::Path<Uuid>,
    form: Deferred<web::Form<WithdrawForm>>,
) -> Result<HttpResponse, ApiError> {
    let result = async {
        let form = form.get()?;
        let entry = contests::own_entry(&state, Some(&form.receipt), *id).await?;
        Ok::<(), ApiError>(contests::erase_entry(&state, &entry).await?)
    }
    .await;
    withdrawn(&state, &any_language(&state, &prefs), "slogan", result)
}
