//! What a campaign delivers: its public counts and the approved photos for export, read
//! with indexed queries (`photos_queue` for the counts, `photos_decided` for the decision
//! times, `photos_gallery` for the approved photos), a page at a time.

use crate::{Store, StoreError};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;
use uuid::Uuid;

/// A campaign's counts, nothing personal.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CampaignStats {
    /// Photos by status (only statuses with photos).
    pub by_status: BTreeMap<String, i64>,
    /// Approved photos by country, most first (photos without a country are not listed).
    pub countries: Vec<(String, i64)>,
    /// Rejected photos by reason.
    pub rejected: BTreeMap<String, i64>,
    /// The median time from upload to decision over the latest decisions (at most
    /// [`DECISIONS_SAMPLED`]); `None` before the first.
    pub median_seconds_to_decision: Option<i64>,
}

/// How many of the latest decisions the median is taken over: recent enough to say how
/// moderation goes now, bounded so the query costs the same for any campaign.
pub const DECISIONS_SAMPLED: i64 = 1000;

/// An approved photo as exported: what the public gallery shows, and where its large
/// derivative is.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ExportRow {
    pub id: Uuid,
    pub approved_at: DateTime<Utc>,
    pub display_name: Option<String>,
    pub country: Option<String>,
    pub caption: Option<String>,
    pub large_key: Option<String>,
}

impl Store {
    pub async fn campaign_stats(&self, campaign: Uuid) -> Result<CampaignStats, StoreError> {
        let by_status: Vec<(String, i64)> = with_pool!(self, |p| sqlx::query_as(
            "SELECT status, COUNT(*) FROM photos WHERE campaign_id = $1 GROUP BY status"
        )
        .bind(campaign)
        .fetch_all(p)
        .await)?;
        let countries: Vec<(String, i64)> = with_pool!(self, |p| sqlx::query_as(
            "SELECT country, COUNT(*) AS n FROM photos
             WHERE campaign_id = $1 AND status = 'approved' AND country IS NOT NULL
             GROUP BY country ORDER BY n DESC, country"
        )
        .bind(campaign)
        .fetch_all(p)
        .await)?;
        let rejected: Vec<(String, i64)> = with_pool!(self, |p| sqlx::query_as(
            "SELECT rejection_reason, COUNT(*) FROM photos
             WHERE campaign_id = $1 AND status = 'rejected' AND rejection_reason IS NOT NULL
             GROUP BY rejection_reason"
        )
        .bind(campaign)
        .fetch_all(p)
        .await)?;
        let times: Vec<(DateTime<Utc>, DateTime<Utc>)> = with_pool!(self, |p| sqlx::query_as(
            "SELECT submitted_at, decided_at FROM photos
             WHERE campaign_id = $1 AND decided_at IS NOT NULL
             ORDER BY decided_at DESC LIMIT $2"
        )
        .bind(campaign)
        .bind(DECISIONS_SAMPLED)
        .fetch_all(p)
        .await)?;
        let mut secs: Vec<i64> = times
            .into_iter()
            .map(|(sent, decided)| (decided - sent).num_seconds().max(0))
            .collect();
        secs.sort_unstable();
        let median = match secs.len() {
            0 => None,
            n if !n.is_multiple_of(2) => Some(secs[n / 2]),
            n => Some((secs[n / 2 - 1] + secs[n / 2]) / 2),
        };
        Ok(CampaignStats {
            by_status: by_status.into_iter().collect(),
            countries,
            rejected: rejected.into_iter().collect(),
            median_seconds_to_decision: median,
        })
    }

    /// Approved photos in the order they were approved (then id), `limit` after `after`:
    /// exports walk a campaign a page at a time, whatever its size.
    pub async fn approved_for_export(
        &self,
        campaign: Uuid,
        after: Option<(DateTime<Utc>, Uuid)>,
        limit: i64,
    ) -> Result<Vec<ExportRow>, StoreError> {
        // A cursor older than any photo (PostgreSQL's timestamps do not reach chrono's
        // minimum, so the first page has its own bound).
        let (at, id) = after.unwrap_or((
            DateTime::from_timestamp(0, 0).unwrap_or_default(),
            Uuid::nil(),
        ));
        Ok(with_pool!(self, |p| sqlx::query_as(
            "SELECT id, approved_at, display_name, country, caption, large_key FROM photos
             WHERE campaign_id = $1 AND status = 'approved'
               AND (approved_at > $2 OR (approved_at = $2 AND id > $3))
             ORDER BY approved_at, id LIMIT $4"
        )
        .bind(campaign)
        .bind(at)
        .bind(id)
        .bind(limit)
        .fetch_all(p)
        .await)?)
    }
}
