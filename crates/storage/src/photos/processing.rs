//! The worker's transitions of a photo: processing, finished (with its flags), failed.

use super::duplicates::{
    campaign_lock_key, earliest_near, flag_later_near_duplicates, hash_band, insert_flag, Place,
    HASH_BANDS,
};
use super::{i32_of, NearDuplicates, Photo, PhotoFlag, PhotoRow, ProcessedPhoto, PHOTO_COLUMNS};
use crate::{Store, StoreError, Tx};
use chrono::{DateTime, Utc};
use placard_domain::{FailureCode, FlagKind};
use uuid::Uuid;

impl Store {
    /// Marks a photo as being processed. `None` when there is nothing to process: it was
    /// erased, or an earlier run already finished it (jobs can run twice).
    pub async fn start_processing(&self, id: Uuid) -> Result<Option<Photo>, StoreError> {
        let sql = format!(
            "UPDATE photos SET status = 'processing' WHERE id = $1 AND status IN ('received', 'processing')
             RETURNING {PHOTO_COLUMNS}"
        );
        let row: Option<PhotoRow> = with_pool!(self, |p| sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(p)
            .await)?;
        row.map(Photo::try_from).transpose()
    }

    /// Records the derivatives, the hash and the flags and moves the photo to
    /// `pending_review`, in one transaction; returns every flag recorded. `None` if the photo
    /// is no longer being processed (erased meanwhile): the caller then removes what it wrote.
    ///
    /// With `near`, near-duplicate flags are settled here, in both directions: this photo is
    /// flagged against the earliest earlier photo within reach (leaving out the photo `flags`
    /// already name as its exact duplicate), and each later photo already processed whose
    /// near-duplicate flag is missing or names a photo later than this one is flagged against
    /// this one instead — it finished first while this one was still being processed.
    /// Finishing is serialised per campaign (an advisory lock on PostgreSQL; `BEGIN
    /// IMMEDIATE` on SQLite), so of two close photos finishing at once the second sees the
    /// first.
    pub async fn finish_processing(
        &self,
        id: Uuid,
        done: &ProcessedPhoto,
        flags: &[PhotoFlag],
        near: Option<NearDuplicates>,
        now: DateTime<Utc>,
    ) -> Result<Option<Vec<PhotoFlag>>, StoreError> {
        let mut tx = self.begin().await?;
        let updated: Option<(Uuid, DateTime<Utc>)> = with_tx!(&mut tx, |c| {
            sqlx::query_as(
            "UPDATE photos SET status = 'pending_review', small_key = $1, small_width = $2, small_height = $3,
                    large_key = $4, large_width = $5, large_height = $6, blurhash = $7, phash = $8,
                    processed_at = $9, failure_reason = NULL
             WHERE id = $10 AND status = 'processing'
             RETURNING campaign_id, submitted_at"
        )
        .bind(done.small.key.as_str())
        .bind(i32_of(done.small.width))
        .bind(i32_of(done.small.height))
        .bind(done.large.key.as_str())
        .bind(i32_of(done.large.width))
        .bind(i32_of(done.large.height))
        .bind(&done.blurhash)
        .bind(done.phash as i64)
        .bind(now)
        .bind(id)
        .fetch_optional(c)
        .await
        })?;
        let Some((campaign_id, submitted_at)) = updated else {
            return Ok(None);
        };
        let place = Place {
            campaign_id,
            submitted_at,
            id,
        };
        if let Tx::Postgres(t) = &mut tx {
            sqlx::query("SELECT pg_advisory_xact_lock($1)")
                .bind(campaign_lock_key(campaign_id))
                .execute(&mut **t)
                .await?;
        }
        // The hash's bands, for later photos' near-duplicate lookups (a retried job finds
        // them written already).
        let bands = (0..HASH_BANDS)
            .map(|b| format!("SELECT {b} AS band, ${} AS value", b + 2))
            .collect::<Vec<_>>()
            .join(" UNION ALL ");
        let sql = format!(
            "INSERT INTO photo_hash_bands (campaign_id, band, value, submitted_at, photo_id, phash)
             SELECT p.campaign_id, b.band, b.value, p.submitted_at, p.id, p.phash
             FROM photos p, ({bands}) b WHERE p.id = $1
             ON CONFLICT DO NOTHING"
        );
        with_tx!(&mut tx, |c| {
            let mut q = sqlx::query(&sql).bind(id);
            for b in 0..HASH_BANDS {
                q = q.bind(hash_band(done.phash, b));
            }
            q.execute(c).await.map(|r| r.rows_affected())
        })?;
        let mut flags = flags.to_vec();
        if let Some(near) = near {
            let exact: Vec<Uuid> = flags
                .iter()
                .filter(|f| f.kind == FlagKind::Duplicate)
                .map(|f| f.of)
                .collect();
            let found = earliest_near(
                &mut tx,
                place,
                done.phash,
                near.max_distance,
                &exact,
                near.distance,
            )
            .await?;
            if let Some((of, distance)) = found {
                flags.push(PhotoFlag {
                    kind: FlagKind::NearDuplicate,
                    of,
                    distance: Some(distance),
                });
            }
        }
        for flag in &flags {
            insert_flag(&mut tx, id, flag).await?;
        }
        if let Some(near) = near {
            flag_later_near_duplicates(&mut tx, place, done.phash, near).await?;
        }
        tx.commit().await?;
        Ok(Some(flags))
    }

    /// The photo cannot be decoded: `failed`, with the code of why (pages word it).
    pub async fn fail_processing(
        &self,
        id: Uuid,
        code: FailureCode,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let done = with_pool!(self, |p| sqlx::query(
            "UPDATE photos SET status = 'failed', failure_reason = $1, processed_at = $2
             WHERE id = $3 AND status = 'processing'"
        )
        .bind(code.as_str())
        .bind(now)
        .bind(id)
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(done == 1)
    }

    /// The earliest photo of the campaign, submitted before this one, with the same bytes.
    pub async fn earlier_exact_duplicate(&self, photo: &Photo) -> Result<Option<Uuid>, StoreError> {
        let row: Option<(Uuid,)> = with_pool!(self, |p| sqlx::query_as(
            "SELECT id FROM photos
             WHERE campaign_id = $1 AND original_sha256 = $2 AND (submitted_at, id) < ($3, $4)
             ORDER BY submitted_at, id LIMIT 1"
        )
        .bind(photo.campaign_id)
        .bind(&photo.original_sha256)
        .bind(photo.submitted_at)
        .bind(photo.id)
        .fetch_optional(p)
        .await)?;
        Ok(row.map(|(id,)| id))
    }
}
