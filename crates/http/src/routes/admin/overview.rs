//! The operator's lists: every campaign and contest, newest first, with counts by status.

use crate::application::state_of;
use crate::auth::{Admin, Authed, Deferred};
use crate::pagination::{Page, PageQuery};
use crate::{ApiError, AppState};
use actix_web::{web, HttpResponse};
use chrono::{DateTime, Utc};
use placard_domain::{CampaignState, PhotoStatus, ReviewStatus};
use placard_storage::overview::StatusCounts;
use placard_storage::Cursor;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    pub limit: Option<u32>,
    pub cursor: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct CampaignSummary {
    pub slug: String,
    pub title: String,
    /// `upcoming`, `open` or `closed`, now.
    pub state: &'static str,
    pub opens_at: Option<DateTime<Utc>>,
    pub closes_at: Option<DateTime<Utc>>,
    /// The campaign's logo, once one is uploaded.
    pub logo_url: Option<String>,
    /// Photos by status: `received`, `processing`, `pending_review`, `approved`, `rejected`,
    /// `failed` (zeros included).
    #[schema(value_type = Object)]
    pub counts: BTreeMap<&'static str, i64>,
    /// When the oldest photo still waiting for review was sent (none waiting: null).
    pub oldest_pending_at: Option<DateTime<Utc>>,
}

#[derive(Serialize, ToSchema)]
pub struct ContestSummary {
    pub slug: String,
    pub title: String,
    /// `upcoming`, `open`, `judging` or `announced`, now.
    pub state: &'static str,
    pub opens_at: Option<DateTime<Utc>>,
    pub entries_close_at: DateTime<Utc>,
    pub announce_at: DateTime<Utc>,
    pub announced_at: Option<DateTime<Utc>>,
    /// Entries by status: `pending_review`, `approved`, `rejected` (zeros included).
    #[schema(value_type = Object)]
    pub counts: BTreeMap<&'static str, i64>,
}

fn counted<'a>(
    statuses: impl Iterator<Item = &'static str> + 'a,
    counts: &'a StatusCounts,
) -> BTreeMap<&'static str, i64> {
    statuses
        .map(|s| (s, counts.get(s).copied().unwrap_or(0)))
        .collect()
}

/// Every campaign, newest first, with its photos counted by status.
#[utoipa::path(get, path = "/api/v1/admin/campaigns", tag = "admin",
    params(ListQuery), security(("bearer" = [])),
    responses(
        (status = 200, description = "A page of campaigns", body = Page<CampaignSummary>),
        (status = 400, description = "`invalid_query`: the limit or cursor", body = crate::error::ErrorBody),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not an admin", body = crate::error::ErrorBody)))]
pub async fn list_campaigns(
    _auth: Authed<Admin>,
    state: web::Data<AppState>,
    query: Deferred<web::Query<ListQuery>>,
) -> Result<HttpResponse, ApiError> {
    let q = query.get()?.into_inner();
    let page = PageQuery {
        limit: q.limit,
        cursor: q.cursor,
    };
    let (items, next) =
        campaign_summaries(&state, page.limit()?, page.cursor(Cursor::decode)?).await?;
    Ok(HttpResponse::Ok().json(Page {
        items,
        next_cursor: next.map(|c| c.encode()),
    }))
}

/// A page of campaigns, newest first, with their counts: the API's list and the admin
/// dashboard.
pub(crate) async fn campaign_summaries(
    state: &AppState,
    limit: u32,
    after: Option<Cursor>,
) -> Result<(Vec<CampaignSummary>, Option<Cursor>), ApiError> {
    let (rows, next) = state.store.campaigns_page(limit, after).await?;
    let oldest: std::collections::HashMap<String, Option<DateTime<Utc>>> = state
        .store
        .review_backlog()
        .await?
        .into_iter()
        .map(|(slug, _, oldest)| (slug, oldest))
        .collect();
    let now = state.clock.now();
    let items = rows
        .into_iter()
        .map(|(c, counts)| CampaignSummary {
            state: CampaignState::at(now, c.opens_at, c.closes_at).as_str(),
            counts: counted(PhotoStatus::ALL.iter().map(|s| s.as_str()), &counts),
            oldest_pending_at: oldest.get(&c.slug).copied().flatten(),
            logo_url: crate::routes::campaigns::logo_url(state, &c),
            slug: c.slug,
            title: c.title,
            opens_at: c.opens_at,
            closes_at: c.closes_at,
        })
        .collect();
    Ok((items, next))
}

/// Every contest, newest first, with its entries counted by status.
#[utoipa::path(get, path = "/api/v1/admin/contests", tag = "admin",
    params(ListQuery), security(("bearer" = [])),
    responses(
        (status = 200, description = "A page of contests", body = Page<ContestSummary>),
        (status = 400, description = "`invalid_query`: the limit or cursor", body = crate::error::ErrorBody),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not an admin", body = crate::error::ErrorBody)))]
pub async fn list_contests(
    _auth: Authed<Admin>,
    state: web::Data<AppState>,
    query: Deferred<web::Query<ListQuery>>,
) -> Result<HttpResponse, ApiError> {
    let q = query.get()?.into_inner();
    let page = PageQuery {
        limit: q.limit,
        cursor: q.cursor,
    };
    let (items, next) =
        contest_summaries(&state, page.limit()?, page.cursor(Cursor::decode)?).await?;
    Ok(HttpResponse::Ok().json(Page {
        items,
        next_cursor: next.map(|c| c.encode()),
    }))
}

/// A page of contests, newest first, with their counts.
pub(crate) async fn contest_summaries(
    state: &AppState,
    limit: u32,
    after: Option<Cursor>,
) -> Result<(Vec<ContestSummary>, Option<Cursor>), ApiError> {
    let (rows, next) = state.store.contests_page(limit, after).await?;
    let now = state.clock.now();
    let items = rows
        .into_iter()
        .map(|(c, counts)| ContestSummary {
            state: state_of(&c, now).as_str(),
            counts: counted(ReviewStatus::ALL.iter().map(|s| s.as_str()), &counts),
            slug: c.slug,
            title: c.title,
            opens_at: c.opens_at,
            entries_close_at: c.entries_close_at,
            announce_at: c.announce_at,
            announced_at: c.announced_at,
        })
        .collect();
    Ok((items, next))
}
