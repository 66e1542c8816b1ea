//! The application's use cases — accept an upload or an entry, show a supporter their own
//! submission, erase it, decide and reopen — called alike by the JSON routes and the pages,
//! and answering in [`AppError`], which `crate::error` maps to HTTP in one place. Routes and
//! pages only read a request and render a result.

pub mod entries;
mod error;
pub mod moderation;
pub mod photos;

pub use error::{AppError, Item};

use crate::AppState;
use chrono::{DateTime, Utc};
use placard_domain::ContestState;
use placard_storage::campaigns::Campaign;
use placard_storage::contests::Contest;

/// A supporter's own submission, reached with its receipt token. The token that matches
/// passes; any other real token (another submission's receipt, a staff token) and any id
/// that does not exist answer the same 404, so a token reveals nothing about other
/// submissions — and an erased submission's receipt keeps answering 404, as the contract
/// says. Only a token that is neither known nor shaped like a receipt is 401.
pub(crate) async fn owned<T>(
    state: &AppState,
    token: Option<&str>,
    found: Result<T, placard_storage::StoreError>,
    receipt: impl Fn(&T) -> &placard_domain::TokenHash,
    what: &'static str,
) -> Result<T, AppError> {
    let token = token.ok_or(AppError::Unauthenticated)?;
    match found {
        Ok(item) if receipt(&item).matches(token) => return Ok(item),
        Ok(_) | Err(placard_storage::StoreError::NotFound) => {}
        Err(other) => return Err(AppError::Store(other)),
    }
    let receipt_shaped = placard_domain::SecretToken::is_shaped("rct", token);
    if receipt_shaped || state.store.token_is_known(token).await? {
        Err(AppError::NotFound(what))
    } else {
        Err(AppError::Unauthenticated)
    }
}

/// A campaign by its slug.
pub async fn find_campaign(state: &AppState, slug: &str) -> Result<Campaign, AppError> {
    state
        .store
        .campaign_by_slug(slug)
        .await
        .map_err(|e| AppError::on_missing(e, "The campaign"))
}

/// Where a contest stands at `now`.
pub fn state_of(c: &Contest, now: DateTime<Utc>) -> ContestState {
    ContestState::at(
        now,
        c.opens_at,
        c.entries_close_at,
        c.announce_at,
        c.announced_at.is_some(),
    )
}

/// A contest by its slug.
pub async fn find_contest(state: &AppState, slug: &str) -> Result<Contest, AppError> {
    state
        .store
        .contest_by_slug(slug)
        .await
        .map_err(|e| AppError::on_missing(e, "The contest"))
}
