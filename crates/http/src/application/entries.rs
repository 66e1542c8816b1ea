//! The slogan contest's use cases for supporters: enter a slogan, find one's own entry,
//! withdraw it.

use super::{find_contest, owned, state_of, AppError};
use crate::l10n::Locale;
use crate::AppState;
use placard_domain::campaign::optional_text;
use placard_domain::{ContestState, SecretToken, Slogan};
use placard_storage::contests::{Entry, NewEntry};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Deserialize, ToSchema)]
pub struct EnterBody {
    pub slogan: String,
    pub author_name: String,
    /// Must be `true`.
    pub consent: Option<bool>,
    pub email: Option<String>,
    /// The language the entry form was read in (`en`, `es`, `fr`, `pt`, `ru`, `ar`;
    /// default `en`): the consent is recorded in that language.
    #[serde(default)]
    pub lang: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct EntryReceipt {
    pub id: Uuid,
    /// `pending_review`.
    pub status: &'static str,
    /// Keep it: the only way to check on or withdraw this entry. Shown once.
    pub receipt_token: String,
}

fn check_email(raw: Option<&str>) -> Result<Option<String>, AppError> {
    let email = optional_text("email", raw, 254, false)
        .map_err(|e| AppError::InvalidField(e.to_string()))?;
    if let Some(e) = &email {
        let ok = e
            .split_once('@')
            .is_some_and(|(user, host)| !user.is_empty() && host.contains('.') && !e.contains(' '));
        if !ok {
            return Err(AppError::InvalidField(
                "email: not an email address.".into(),
            ));
        }
    }
    Ok(email)
}

/// Checks and stores an entry: the API and the contest page's plain form both come here.
pub(crate) async fn accept_entry(
    state: &AppState,
    slug: &str,
    body: &EnterBody,
) -> Result<EntryReceipt, AppError> {
    let contest = find_contest(state, slug).await?;
    let now = state.clock.now();
    if state_of(&contest, now) != ContestState::Open {
        return Err(AppError::EntriesClosed);
    }
    if body.consent != Some(true) {
        return Err(AppError::ConsentRequired);
    }
    let slogan = Slogan::parse(&body.slogan).map_err(|e| AppError::InvalidSlogan(e.to_string()))?;
    let author = optional_text("author_name", Some(&body.author_name), 60, false)
        .map_err(|e| AppError::InvalidField(e.to_string()))?
        .ok_or_else(|| AppError::InvalidField("author_name: is required.".into()))?;
    let email = check_email(body.email.as_deref())?;
    let receipt = SecretToken::generate("rct");
    let locale = body
        .lang
        .as_deref()
        .and_then(Locale::parse)
        .unwrap_or(Locale::En);
    let consent_text = state.l10n.message(locale, "consent-entry-standard", None);
    let id = state
        .store
        .insert_entry(
            &NewEntry {
                contest_id: contest.id,
                slogan: &slogan,
                author_name: Some(&author),
                email: email.as_deref(),
                receipt: &receipt.hash(),
                consent_text: &consent_text,
            },
            now,
        )
        .await
        .map_err(|e| AppError::on_unique(e, AppError::DuplicateEntry))?;
    tracing::info!(entry.id = %id, "slogan entered");
    Ok(EntryReceipt {
        id,
        status: "pending_review",
        receipt_token: receipt.expose().to_owned(),
    })
}

/// The entry a receipt token belongs to (any mismatch is 404, as for photos).
pub(crate) async fn own_entry(
    state: &AppState,
    token: Option<&str>,
    id: Uuid,
) -> Result<Entry, AppError> {
    let found = state.store.entry(id).await;
    owned(
        state,
        token,
        found,
        |e: &Entry| &e.receipt_hash,
        "The entry",
    )
    .await
}

/// Withdraws an entry: its text, author and scores go; the audit log keeps the fact.
pub(crate) async fn erase_entry(state: &AppState, e: &Entry) -> Result<(), AppError> {
    state
        .store
        .erase_submission(
            placard_storage::moderation::Subject::Entry,
            e.id,
            state.clock.now(),
        )
        .await?;
    if let Err(e) = state.store.checkpoint().await {
        tracing::warn!(error = %e, "checkpoint after erasure");
    }
    tracing::info!(entry.id = %e.id, "entry withdrawn by its author");
    Ok(())
}
