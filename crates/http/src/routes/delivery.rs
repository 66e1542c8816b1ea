//! Delivering the petition: the public counts, and the exports operators hand to the press
//! or print (a CSV of the approved photos, and a ZIP of their large thumbnails with it).
//!
//! Exports are streamed: rows are read a page at a time and written as they come, so the
//! response starts at once and the server's memory does not grow with the campaign (no
//! temporary copy of the archive either).

use crate::application::find_campaign;
use crate::auth::{Admin, Authed};
use crate::{ApiError, AppState};
use actix_web::http::header;
use actix_web::{web, HttpResponse};
use chrono::{DateTime, Utc};
use futures_util::{AsyncWriteExt as _, StreamExt as _};
use placard_storage::delivery::{CampaignStats, ExportRow};
use serde::Serialize;
use std::collections::BTreeMap;
use utoipa::ToSchema;
use uuid::Uuid;

/// How long the public counts are kept before they are counted again (per process): a
/// campaign page read by thousands costs one set of queries every half a minute.
const STATS_TTL_SECONDS: i64 = 30;

/// Rows read per page by the exports.
const EXPORT_PAGE: i64 = 500;

#[derive(Serialize, ToSchema)]
pub struct CountryCount {
    pub country: String,
    pub approved: i64,
}

#[derive(Serialize, ToSchema)]
pub struct ModerationSummary {
    /// Every photo received and still held (withdrawn ones are not counted).
    pub received: i64,
    pub pending_review: i64,
    pub approved: i64,
    /// Rejected photos by reason.
    #[schema(value_type = Object)]
    pub rejected: BTreeMap<String, i64>,
    /// Median time from upload to decision, over the latest 1,000 decisions.
    pub median_seconds_to_decision: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct StatsView {
    pub approved: i64,
    /// Approved photos by country, most first.
    pub countries: Vec<CountryCount>,
    pub moderation: ModerationSummary,
}

impl From<CampaignStats> for StatsView {
    fn from(s: CampaignStats) -> Self {
        let n = |k: &str| s.by_status.get(k).copied().unwrap_or(0);
        let approved = n("approved");
        Self {
            approved,
            countries: s
                .countries
                .into_iter()
                .map(|(country, approved)| CountryCount { country, approved })
                .collect(),
            moderation: ModerationSummary {
                received: s.by_status.values().sum(),
                pending_review: n("pending_review"),
                approved,
                rejected: s.rejected,
                median_seconds_to_decision: s.median_seconds_to_decision,
            },
        }
    }
}

/// Counts already made, by campaign, with when they were made.
#[derive(Default)]
pub struct StatsCache(std::sync::Mutex<BTreeMap<Uuid, (DateTime<Utc>, CampaignStats)>>);

/// A campaign's counts, counted at most once per [`STATS_TTL_SECONDS`] by this process.
pub(crate) async fn stats_of(state: &AppState, campaign: Uuid) -> Result<CampaignStats, ApiError> {
    let now = state.clock.now();
    let fresh = |at: &DateTime<Utc>| (now - *at).num_seconds() < STATS_TTL_SECONDS && *at <= now;
    if let Some((at, s)) = state
        .stats
        .0
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(&campaign)
    {
        if fresh(at) {
            return Ok(s.clone());
        }
    }
    let stats = state.store.campaign_stats(campaign).await?;
    let mut cache = state.stats.0.lock().unwrap_or_else(|e| e.into_inner());
    // Bounded: a cache of every campaign ever asked about is still a few bytes each, but
    // stale entries are dropped whenever one is refreshed.
    cache.retain(|_, (at, _)| fresh(at));
    cache.insert(campaign, (now, stats.clone()));
    Ok(stats)
}

/// A campaign's public counts: approved photos, by country, and how moderation goes.
#[utoipa::path(get, path = "/api/v1/campaigns/{slug}/stats", tag = "photos",
    params(("slug" = String, Path)),
    responses(
        (status = 200, description = "Counts only, nothing personal", body = StatsView),
        (status = 404, description = "No such campaign", body = crate::error::ErrorBody)))]
pub async fn campaign_stats(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let campaign = find_campaign(&state, &slug).await?;
    let stats = stats_of(&state, campaign.id).await?;
    Ok(HttpResponse::Ok()
        .insert_header((
            header::CACHE_CONTROL,
            format!("public, max-age={STATS_TTL_SECONDS}"),
        ))
        .json(StatsView::from(stats)))
}

/// A cell that a spreadsheet would run as a formula gets a `'` in front (OWASP's CSV
/// injection advice: `=`, `+`, `-`, `@`, and tab and carriage return).
fn defused(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

const CSV_HEADER: [&str; 6] = [
    "id",
    "approved_at",
    "display_name",
    "country",
    "caption",
    "large_url",
];

/// Rows as RFC 4180 CSV (the `csv` crate quotes what needs quoting, CRLF line ends).
fn csv_chunk(state: &AppState, rows: &[ExportRow], header: bool) -> Result<Vec<u8>, ApiError> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    if header {
        w.write_record(CSV_HEADER).map_err(ApiError::internal)?;
    }
    for r in rows {
        let url = format!(
            "{}/media/photos/{}/large.jpg",
            state.settings.public_url, r.id
        );
        let at = r
            .approved_at
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let id = r.id.to_string();
        w.write_record([
            id.as_str(),
            at.as_str(),
            &defused(r.display_name.as_deref().unwrap_or_default()),
            &defused(r.country.as_deref().unwrap_or_default()),
            &defused(r.caption.as_deref().unwrap_or_default()),
            url.as_str(),
        ])
        .map_err(ApiError::internal)?;
    }
    w.into_inner()
        .map_err(|e| ApiError::internal(e.to_string()))
}

/// One page of approved photos after `after`, and the cursor after it.
async fn page(
    state: &AppState,
    campaign: Uuid,
    after: Option<(DateTime<Utc>, Uuid)>,
) -> Result<(Vec<ExportRow>, Option<(DateTime<Utc>, Uuid)>), ApiError> {
    let rows = state
        .store
        .approved_for_export(campaign, after, EXPORT_PAGE)
        .await?;
    let next = (rows.len() as i64 == EXPORT_PAGE)
        .then(|| rows.last().map(|r| (r.approved_at, r.id)))
        .flatten();
    Ok((rows, next))
}

fn download(content_type: &str, name: String) -> actix_web::HttpResponseBuilder {
    let mut r = HttpResponse::Ok();
    r.content_type(content_type.to_owned())
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        ))
        .insert_header((header::CACHE_CONTROL, "private, no-store"));
    r
}

/// Every approved photo as CSV: `id,approved_at,display_name,country,caption,large_url`.
#[utoipa::path(get, path = "/api/v1/admin/campaigns/{slug}/export.csv", tag = "admin",
    params(("slug" = String, Path)),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "RFC 4180 CSV, UTF-8, streamed", content_type = "text/csv"),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not an admin", body = crate::error::ErrorBody),
        (status = 404, description = "No such campaign", body = crate::error::ErrorBody)))]
pub async fn export_csv(
    _auth: Authed<Admin>,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let campaign = find_campaign(&state, &slug).await?;
    // (cursor, first page?, done?)
    type State = (Option<(DateTime<Utc>, Uuid)>, bool, bool);
    let st = state.clone();
    let id = campaign.id;
    let body =
        futures_util::stream::unfold((None, true, false), move |(after, first, done): State| {
            let st = st.clone();
            async move {
                if done {
                    return None;
                }
                let chunk = async {
                    let (rows, next) = page(&st, id, after).await?;
                    let bytes = csv_chunk(&st, &rows, first)?;
                    Ok::<_, ApiError>((bytes, next))
                }
                .await;
                Some(match chunk {
                    Ok((bytes, next)) => (
                        Ok::<_, actix_web::Error>(bytes::Bytes::from(bytes)),
                        (next, false, next.is_none()),
                    ),
                    Err(e) => {
                        tracing::error!(campaign.id = %id, error = %e, "the CSV export broke off");
                        (Err(e.into()), (None, false, true))
                    }
                })
            }
        });
    Ok(download(
        "text/csv; charset=utf-8",
        format!("{}-photos.csv", campaign.slug),
    )
    .streaming(body))
}

/// Every approved photo's large thumbnail (`photos/{id}.jpg`) and `photos.csv`, as a ZIP.
#[utoipa::path(get, path = "/api/v1/admin/campaigns/{slug}/export.zip", tag = "admin",
    params(("slug" = String, Path)),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "A ZIP archive, streamed", content_type = "application/zip"),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not an admin", body = crate::error::ErrorBody),
        (status = 404, description = "No such campaign", body = crate::error::ErrorBody)))]
pub async fn export_zip(
    _auth: Authed<Admin>,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let campaign = find_campaign(&state, &slug).await?;
    // The archive is written into one end of a small in-memory pipe while the response
    // reads the other: the writer waits whenever the client does, so memory stays at the
    // pipe's size.
    let (reader, writer) = tokio::io::duplex(256 * 1024);
    let st = state.clone();
    let id = campaign.id;
    tokio::spawn(async move {
        if let Err(e) = write_zip(&st, id, writer).await {
            // The client sees a truncated archive (its ZIP reader says so); the cause is
            // here.
            tracing::error!(campaign.id = %id, error = %e, "the ZIP export broke off");
        }
    });
    let body = tokio_util::io::ReaderStream::new(reader);
    Ok(download("application/zip", format!("{}-photos.zip", campaign.slug)).streaming(body))
}

async fn write_zip(
    state: &AppState,
    campaign: Uuid,
    out: tokio::io::DuplexStream,
) -> anyhow::Result<()> {
    use async_zip::{Compression, ZipDateTime, ZipEntryBuilder};
    let mut zip = async_zip::base::write::ZipFileWriter::with_tokio(out);
    // First the CSV, a page at a time, then the photos: two walks over the rows, neither
    // held in memory.
    let entry = ZipEntryBuilder::new("photos.csv".to_owned().into(), Compression::Stored)
        .unix_permissions(0o644);
    let mut csv = zip.write_entry_stream(entry).await?;
    let (mut after, mut first) = (None, true);
    loop {
        let (rows, next) = page(state, campaign, after)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        let bytes = csv_chunk(state, &rows, first).map_err(|e| anyhow::anyhow!("{e}"))?;
        csv.write_all(&bytes).await?;
        first = false;
        match next {
            Some(n) => after = Some(n),
            None => break,
        }
    }
    csv.close().await?;
    let mut after = None;
    loop {
        let (rows, next) = page(state, campaign, after)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        for r in &rows {
            let Some(key) = r
                .large_key
                .as_deref()
                .and_then(|k| placard_blob::ObjectKey::parse(k).ok())
            else {
                continue;
            };
            let object = match state.objects.get(&key).await {
                Ok(o) => o,
                // Withdrawn between the page and now: left out, as it should be.
                Err(placard_blob::BlobError::NotFound) => continue,
                Err(e) => return Err(e.into()),
            };
            let entry =
                ZipEntryBuilder::new(format!("photos/{}.jpg", r.id).into(), Compression::Stored)
                    .last_modification_date(ZipDateTime::from_chrono(&r.approved_at))
                    .unix_permissions(0o644);
            let mut file = zip.write_entry_stream(entry).await?;
            let mut body = object.body;
            while let Some(chunk) = body.next().await {
                file.write_all(&chunk?).await?;
            }
            file.close().await?;
        }
        match next {
            Some(n) => after = Some(n),
            None => break,
        }
    }
    let mut out = zip.close().await?;
    tokio::io::AsyncWriteExt::shutdown(out.get_mut()).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::defused;

    #[test]
    fn formulas_are_defused() {
        for (cell, out) in [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+1", "'+1"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("Ana", "Ana"),
            ("", ""),
        ] {
            assert_eq!(defused(cell), out);
        }
    }
}
