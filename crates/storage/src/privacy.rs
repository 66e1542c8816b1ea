//! What privacy needs from the database: consent texts on record, tombstones of erased
//! photos, retention's lists and marks, and the claim that makes a scheduled run happen once.

use crate::photos::{Photo, PhotoRow, PHOTO_COLUMNS};
use crate::{Store, StoreError, Tx};
use chrono::{DateTime, Utc};
use placard_domain::ObjectKey;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use uuid::Uuid;

/// A consent text as a submission agreed to it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ConsentText {
    pub id: Uuid,
    pub version: i32,
    pub text: String,
}

impl Tx {
    /// The id of `text` in `scope` (`campaign:<id>`, `contest:<id>`), recorded as the next
    /// version the first time it is seen. The same text is one version however often it is
    /// agreed to; a changed text is a new one, and earlier submissions keep theirs.
    pub async fn consent_version(
        &mut self,
        scope: &str,
        text: &str,
        now: DateTime<Utc>,
    ) -> Result<Uuid, StoreError> {
        let digest = hex::encode(Sha256::digest(text.as_bytes()));
        let found: Option<(Uuid,)> = with_tx!(self, |c| sqlx::query_as(
            "SELECT id FROM consent_texts WHERE scope = $1 AND sha256 = $2"
        )
        .bind(scope)
        .bind(&digest)
        .fetch_optional(c)
        .await)?;
        if let Some((id,)) = found {
            return Ok(id);
        }
        let id = Uuid::now_v7();
        // Two first submissions at once: one insert wins, the other reads it back.
        with_tx!(self, |c| {
            sqlx::query(
            "INSERT INTO consent_texts (id, scope, version, sha256, text, created_at)
             SELECT $1, $2, COALESCE(MAX(version), 0) + 1, $3, $4, $5 FROM consent_texts WHERE scope = $2
             ON CONFLICT DO NOTHING"
        )
        .bind(id)
        .bind(scope)
        .bind(&digest)
        .bind(text)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected())
        })?;
        let (id,): (Uuid,) = with_tx!(self, |c| sqlx::query_as(
            "SELECT id FROM consent_texts WHERE scope = $1 AND sha256 = $2"
        )
        .bind(scope)
        .bind(&digest)
        .fetch_one(c)
        .await)?;
        Ok(id)
    }

    /// Records that a photo was erased (its id only), so that any object still stored under
    /// it is deleted by the next sweep without waiting for the orphan grace period.
    pub async fn tombstone_photo(
        &mut self,
        id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        with_tx!(self, |c| sqlx::query(
            "INSERT INTO erased_photos (id, erased_at) VALUES ($1, $2) ON CONFLICT DO NOTHING"
        )
        .bind(id)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Claims the run of `name` for `slot`: true for exactly one caller, whatever the number
    /// of schedulers asking.
    pub async fn claim_maintenance(
        &mut self,
        name: &str,
        slot: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let inserted = with_tx!(self, |c| {
            sqlx::query(
            "INSERT INTO maintenance_runs (name, slot, claimed_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING"
        )
        .bind(name)
        .bind(slot)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected())
        })?;
        Ok(inserted == 1)
    }
}

/// What the orphan sweep knows about the photo ids found in storage.
#[derive(Debug, Default)]
pub struct KnownPhotos {
    pub rows: HashMap<Uuid, Photo>,
    pub erased: std::collections::HashSet<Uuid>,
}

impl Store {
    pub async fn consent_text(&self, id: Uuid) -> Result<ConsentText, StoreError> {
        Ok(with_pool!(self, |p| sqlx::query_as(
            "SELECT id, version, text FROM consent_texts WHERE id = $1"
        )
        .bind(id)
        .fetch_one(p)
        .await)?)
    }

    /// Rejected photos of a campaign decided at or before `cutoff` whose objects are still
    /// stored, at most `limit`.
    pub async fn rejected_to_purge(
        &self,
        campaign_id: Uuid,
        cutoff: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<Photo>, StoreError> {
        let sql = format!(
            "SELECT {PHOTO_COLUMNS} FROM photos
             WHERE campaign_id = $1 AND status = 'rejected' AND purged_at IS NULL AND decided_at <= $2
             ORDER BY decided_at, id LIMIT $3"
        );
        self.photo_list(&sql, campaign_id, cutoff, limit).await
    }

    /// Approved photos of a campaign whose original is still stored, at most `limit`.
    pub async fn approved_originals(
        &self,
        campaign_id: Uuid,
        limit: u32,
    ) -> Result<Vec<Photo>, StoreError> {
        let sql = format!(
            "SELECT {PHOTO_COLUMNS} FROM photos
             WHERE campaign_id = $1 AND status = 'approved' AND original_purged_at IS NULL
             ORDER BY submitted_at, id LIMIT $2"
        );
        let rows: Vec<PhotoRow> = with_pool!(self, |p| sqlx::query_as(&sql)
            .bind(campaign_id)
            .bind(i64::from(limit))
            .fetch_all(p)
            .await)?;
        rows.into_iter().map(Photo::try_from).collect()
    }

    async fn photo_list(
        &self,
        sql: &str,
        campaign_id: Uuid,
        at: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<Photo>, StoreError> {
        let rows: Vec<PhotoRow> = with_pool!(self, |p| sqlx::query_as(sql)
            .bind(campaign_id)
            .bind(at)
            .bind(i64::from(limit))
            .fetch_all(p)
            .await)?;
        rows.into_iter().map(Photo::try_from).collect()
    }

    /// Marks a rejected photo's objects deleted: its row keeps its status, its thumbnails
    /// are no longer offered.
    pub async fn mark_purged(&self, id: Uuid, now: DateTime<Utc>) -> Result<(), StoreError> {
        with_pool!(self, |p| {
            sqlx::query(
            "UPDATE photos SET purged_at = $1, small_key = NULL, small_width = NULL, small_height = NULL,
                    large_key = NULL, large_width = NULL, large_height = NULL
             WHERE id = $2 AND purged_at IS NULL"
        )
        .bind(now)
        .bind(id)
        .execute(p)
        .await
        .map(|r| r.rows_affected())
        })?;
        Ok(())
    }

    pub async fn mark_original_purged(
        &self,
        id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        with_pool!(self, |p| {
            sqlx::query(
            "UPDATE photos SET original_purged_at = $1 WHERE id = $2 AND original_purged_at IS NULL"
        )
        .bind(now)
        .bind(id)
        .execute(p)
        .await
        .map(|r| r.rows_affected())
        })?;
        Ok(())
    }

    /// The rows and tombstones of these photo ids (any number: asked in batches).
    pub async fn known_photos(&self, ids: &[Uuid]) -> Result<KnownPhotos, StoreError> {
        let mut known = KnownPhotos::default();
        for batch in ids.chunks(200) {
            let marks = (1..=batch.len())
                .map(|i| format!("${i}"))
                .collect::<Vec<_>>()
                .join(", ");
            let sql = format!("SELECT {PHOTO_COLUMNS} FROM photos WHERE id IN ({marks})");
            let rows: Vec<PhotoRow> = with_pool!(self, |p| {
                let mut q = sqlx::query_as(&sql);
                for id in batch {
                    q = q.bind(*id);
                }
                q.fetch_all(p).await
            })?;
            for row in rows {
                let photo = Photo::try_from(row)?;
                known.rows.insert(photo.id, photo);
            }
            let sql = format!("SELECT id FROM erased_photos WHERE id IN ({marks})");
            let erased: Vec<(Uuid,)> = with_pool!(self, |p| {
                let mut q = sqlx::query_as(&sql);
                for id in batch {
                    q = q.bind(*id);
                }
                q.fetch_all(p).await
            })?;
            known.erased.extend(erased.into_iter().map(|(id,)| id));
        }
        Ok(known)
    }

    /// Replaces the original by its pixelated rewrite (already stored under `key`): from now
    /// on it is what staff see and what every derivative is made from. `false` if the photo
    /// was erased meanwhile (the caller deletes what it wrote).
    pub async fn replace_original(
        &self,
        id: Uuid,
        key: &ObjectKey,
        rewrite: &RewrittenOriginal,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let updated = with_pool!(self, |p| sqlx::query(
            "UPDATE photos SET original_key = $1, mime = 'image/jpeg', width = $2, height = $3,
                    original_bytes = $4, orientation = 1, pixelated_at = $5
             WHERE id = $6 AND status = 'processing'"
        )
        .bind(key.as_str())
        .bind(i32::try_from(rewrite.width).unwrap_or(i32::MAX))
        .bind(i32::try_from(rewrite.height).unwrap_or(i32::MAX))
        .bind(i64::try_from(rewrite.bytes).unwrap_or(i64::MAX))
        .bind(now)
        .bind(id)
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(updated == 1)
    }

    /// Rewrites SQLite's write-ahead log into the database file and truncates it, so that
    /// erased rows do not linger in the log (`secure_delete` already zeroes them in the
    /// file). Best effort: readers holding old pages make it partial, the next one finishes.
    pub async fn checkpoint(&self) -> Result<(), StoreError> {
        if let crate::Pool::Sqlite(p) = &self.pool {
            sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                .execute(p)
                .await?;
        }
        Ok(())
    }
}

/// The pixelated original, as stored.
#[derive(Debug, Clone, Copy)]
pub struct RewrittenOriginal {
    pub width: u32,
    pub height: u32,
    pub bytes: u64,
}
