//! Campaigns' mosaics: the record of the latest one, the photos it is made of, and the
//! request to rebuild it (one queued job per campaign at a time, at most about once a
//! minute, at once after an erasure).

use crate::jobs::NewJob;
use crate::{Store, StoreError, Tx};
use chrono::{DateTime, TimeDelta, Utc};
use placard_domain::{BackgroundJob, BuildMosaic};
use uuid::Uuid;

/// How long after a build the next one may start, unless a photo was erased.
pub const REBUILD_AFTER: TimeDelta = TimeDelta::minutes(1);

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Mosaic {
    pub object_key: String,
    pub width: i64,
    pub height: i64,
    /// JSON `[{"x","y","w","h","photo_id"}]`.
    pub cells: String,
    pub photos: i64,
    pub built_at: DateTime<Utc>,
}

impl Tx {
    /// Asks for the campaign's mosaic to be rebuilt: nothing when a build is queued already,
    /// else a build due a minute after the last one (`urgent`, after an erasure: at once,
    /// and an already queued build is brought forward).
    pub(crate) async fn request_mosaic(
        &mut self,
        campaign: Uuid,
        urgent: bool,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let payload = serde_json::to_value(BuildMosaic {
            campaign_id: campaign,
        })
        .map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let text = payload.to_string();
        let queued: Option<(Uuid,)> = with_tx!(self, |c| sqlx::query_as(
            "SELECT id FROM jobs WHERE kind = $1 AND payload = $2 AND state = 'queued'"
        )
        .bind(BuildMosaic::KIND)
        .bind(&text)
        .fetch_optional(c)
        .await)?;
        if let Some((id,)) = queued {
            if urgent {
                with_tx!(self, |c| {
                    sqlx::query(
                    "UPDATE jobs SET run_at = $1 WHERE id = $2 AND state = 'queued' AND run_at > $1"
                )
                .bind(now)
                .bind(id)
                .execute(c)
                .await
                .map(|r| r.rows_affected())
                })?;
            }
            return Ok(());
        }
        let last: Option<(DateTime<Utc>,)> = with_tx!(self, |c| sqlx::query_as(
            "SELECT built_at FROM campaign_mosaics WHERE campaign_id = $1"
        )
        .bind(campaign)
        .fetch_optional(c)
        .await)?;
        let run_at = match last {
            Some((at,)) if !urgent => (at + REBUILD_AFTER).max(now),
            _ => now,
        };
        self.enqueue_job_at(
            &NewJob {
                kind: BuildMosaic::KIND,
                payload,
                max_attempts: BuildMosaic::MAX_ATTEMPTS,
            },
            now,
            run_at,
        )
        .await?;
        Ok(())
    }
}

impl Store {
    pub async fn mosaic(&self, campaign: Uuid) -> Result<Option<Mosaic>, StoreError> {
        Ok(with_pool!(self, |p| sqlx::query_as(
            "SELECT object_key, width, height, cells, photos, built_at FROM campaign_mosaics
             WHERE campaign_id = $1"
        )
        .bind(campaign)
        .fetch_optional(p)
        .await)?)
    }

    /// The approved photos a mosaic is made of, most recently approved first, with their
    /// small thumbnails' keys (at most `limit`).
    pub async fn mosaic_sources(
        &self,
        campaign: Uuid,
        limit: i64,
    ) -> Result<Vec<(Uuid, String)>, StoreError> {
        Ok(with_pool!(self, |p| sqlx::query_as(
            "SELECT id, small_key FROM photos
             WHERE campaign_id = $1 AND status = 'approved' AND small_key IS NOT NULL
             ORDER BY approved_at DESC, id DESC LIMIT $2"
        )
        .bind(campaign)
        .bind(limit)
        .fetch_all(p)
        .await)?)
    }

    /// Records a new mosaic (or, with `None`, that there is none); returns the key of the
    /// object it replaces, for the caller to delete.
    pub async fn record_mosaic(
        &self,
        campaign: Uuid,
        mosaic: Option<&Mosaic>,
    ) -> Result<Option<String>, StoreError> {
        let mut tx = self.begin().await?;
        let old: Option<(String,)> = with_tx!(&mut tx, |c| sqlx::query_as(
            "SELECT object_key FROM campaign_mosaics WHERE campaign_id = $1"
        )
        .bind(campaign)
        .fetch_optional(c)
        .await)?;
        with_tx!(&mut tx, |c| sqlx::query(
            "DELETE FROM campaign_mosaics WHERE campaign_id = $1"
        )
        .bind(campaign)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
        if let Some(m) = mosaic {
            with_tx!(&mut tx, |c| {
                sqlx::query(
                "INSERT INTO campaign_mosaics (campaign_id, object_key, width, height, cells, photos, built_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)"
            )
            .bind(campaign)
            .bind(&m.object_key)
            .bind(m.width)
            .bind(m.height)
            .bind(&m.cells)
            .bind(m.photos)
            .bind(m.built_at)
            .execute(c)
            .await
            .map(|r| r.rows_affected())
            })?;
        }
        tx.commit().await?;
        Ok(old
            .map(|(k,)| k)
            .filter(|k| mosaic.is_none_or(|m| m.object_key != *k)))
    }

    /// A campaign by id (the worker knows ids, not slugs).
    pub async fn campaign_by_id(&self, id: Uuid) -> Result<crate::campaigns::Campaign, StoreError> {
        let sql = format!(
            "SELECT {} FROM campaigns WHERE id = $1",
            crate::campaigns::COLUMNS
        );
        Ok(with_pool!(self, |p| sqlx::query_as(&sql)
            .bind(id)
            .fetch_one(p)
            .await)?)
    }
}
