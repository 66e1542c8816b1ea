//! Photo submissions: from upload to a reviewed thumbnail, and erasure.

use crate::{Cursor, Store, StoreError, Tx};
use chrono::{DateTime, Utc};
use placard_domain::{PhotoForm, PhotoStatus, TokenHash};
use serde::Serialize;
use uuid::Uuid;

/// The job that turns an upload into thumbnails (enqueued by the API, run by the worker).
pub const PROCESS_PHOTO: &str = "photo.process";

/// Where a photo's original is stored: private, never served publicly.
pub fn original_key(id: Uuid) -> String {
    format!("originals/{id}")
}

/// Where a photo's derivative of `size` (`small`, `large`) is stored: a fixed key, so a
/// retried job overwrites rather than duplicates.
pub fn derivative_key(id: Uuid, size: &str) -> String {
    format!("derivatives/{id}/{size}.jpg")
}

/// Every key a photo can have objects under (for erasure).
pub fn object_keys(id: Uuid) -> [String; 3] {
    [
        original_key(id),
        derivative_key(id, "small"),
        derivative_key(id, "large"),
    ]
}

/// A thumbnail as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDerivative {
    pub key: String,
    pub width: u32,
    pub height: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Photo {
    pub id: Uuid,
    pub campaign_id: Uuid,
    pub status: PhotoStatus,
    pub receipt_hash: TokenHash,
    pub display_name: Option<String>,
    pub country: Option<String>,
    pub caption: Option<String>,
    pub original_key: String,
    pub original_sha256: String,
    pub original_bytes: i64,
    pub mime: String,
    pub width: u32,
    pub height: u32,
    pub small: Option<StoredDerivative>,
    pub large: Option<StoredDerivative>,
    pub blurhash: Option<String>,
    pub phash: Option<u64>,
    pub failure_reason: Option<String>,
    pub rejection_reason: Option<String>,
    pub submitted_at: DateTime<Utc>,
    pub processed_at: Option<DateTime<Utc>>,
    pub approved_at: Option<DateTime<Utc>>,
    pub decision_note: Option<String>,
    pub decided_by: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
    pub claimed_by: Option<Uuid>,
    pub claim_expires_at: Option<DateTime<Utc>>,
}

/// Perceptual hashes are indexed in this many 8-bit bands (migration 0004).
const HASH_BANDS: u32 = 8;

/// Band `b` of a perceptual hash: its bits `8b..8b+8`.
fn hash_band(phash: u64, b: u32) -> i32 {
    ((phash >> (8 * b)) & 0xff) as i32
}

/// A moderator-facing note that a photo repeats an earlier one of its campaign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PhotoFlag {
    /// `duplicate` (same bytes) or `near_duplicate` (perceptual hash within the threshold).
    pub kind: String,
    pub of: Uuid,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance: Option<u32>,
}

/// How near duplicates are recognised: perceptual hashes within `max_distance` of each other
/// as `distance` measures them (the media crate's Hamming distance: storage knows no images).
#[derive(Debug, Clone, Copy)]
pub struct NearDuplicates {
    pub max_distance: u32,
    pub distance: fn(u64, u64) -> u32,
}

/// Where a hashed photo sits in its campaign's order (oldest first).
#[derive(Debug, Clone, Copy)]
struct Place {
    campaign_id: Uuid,
    submitted_at: DateTime<Utc>,
    id: Uuid,
}

/// The PostgreSQL advisory lock that serialises finishing photos of one campaign (the
/// namespace keeps it apart from any other lock keyed by a UUID).
fn campaign_lock_key(campaign_id: Uuid) -> i64 {
    let mut first = [0u8; 8];
    first.copy_from_slice(&campaign_id.as_bytes()[..8]);
    i64::from_be_bytes(first) ^ 0x706c_6163_6172_6421 // "placard!"
}

#[derive(sqlx::FromRow)]
struct PhotoRow {
    id: Uuid,
    campaign_id: Uuid,
    status: String,
    receipt_hash: String,
    display_name: Option<String>,
    country: Option<String>,
    caption: Option<String>,
    original_key: String,
    original_sha256: String,
    original_bytes: i64,
    mime: String,
    width: i32,
    height: i32,
    small_key: Option<String>,
    small_width: Option<i32>,
    small_height: Option<i32>,
    large_key: Option<String>,
    large_width: Option<i32>,
    large_height: Option<i32>,
    blurhash: Option<String>,
    phash: Option<i64>,
    failure_reason: Option<String>,
    rejection_reason: Option<String>,
    submitted_at: DateTime<Utc>,
    processed_at: Option<DateTime<Utc>>,
    approved_at: Option<DateTime<Utc>>,
    decision_note: Option<String>,
    decided_by: Option<String>,
    decided_at: Option<DateTime<Utc>>,
    claimed_by: Option<Uuid>,
    claim_expires_at: Option<DateTime<Utc>>,
}

pub(crate) const PHOTO_COLUMNS: &str = "id, campaign_id, status, receipt_hash, display_name, country, caption, \
    original_key, original_sha256, original_bytes, mime, width, height, small_key, small_width, small_height, \
    large_key, large_width, large_height, blurhash, phash, failure_reason, rejection_reason, submitted_at, \
    processed_at, approved_at, decision_note, decided_by, decided_at, claimed_by, claim_expires_at";

fn dim(v: i32) -> u32 {
    u32::try_from(v).unwrap_or(0)
}

fn derivative(key: Option<String>, w: Option<i32>, h: Option<i32>) -> Option<StoredDerivative> {
    Some(StoredDerivative {
        key: key?,
        width: dim(w?),
        height: dim(h?),
    })
}

impl TryFrom<PhotoRow> for Photo {
    type Error = StoreError;

    fn try_from(r: PhotoRow) -> Result<Self, StoreError> {
        Ok(Photo {
            id: r.id,
            campaign_id: r.campaign_id,
            status: r.status.parse().map_err(StoreError::Corrupt)?,
            receipt_hash: TokenHash::from_stored(r.receipt_hash),
            display_name: r.display_name,
            country: r.country,
            caption: r.caption,
            original_key: r.original_key,
            original_sha256: r.original_sha256,
            original_bytes: r.original_bytes,
            mime: r.mime,
            width: dim(r.width),
            height: dim(r.height),
            small: derivative(r.small_key, r.small_width, r.small_height),
            large: derivative(r.large_key, r.large_width, r.large_height),
            blurhash: r.blurhash,
            // Stored signed (SQL has no unsigned 64-bit type); the bits are what matter.
            phash: r.phash.map(|h| h as u64),
            failure_reason: r.failure_reason,
            rejection_reason: r.rejection_reason,
            submitted_at: r.submitted_at,
            processed_at: r.processed_at,
            approved_at: r.approved_at,
            decision_note: r.decision_note,
            decided_by: r.decided_by,
            decided_at: r.decided_at,
            claimed_by: r.claimed_by,
            claim_expires_at: r.claim_expires_at,
        })
    }
}

/// What an accepted upload records.
pub struct NewPhoto<'a> {
    pub id: Uuid,
    pub campaign_id: Uuid,
    pub receipt: &'a TokenHash,
    pub form: &'a PhotoForm,
    pub original_key: &'a str,
    pub original_sha256: &'a str,
    pub original_bytes: u64,
    pub mime: &'a str,
    pub width: u32,
    pub height: u32,
}

/// What the worker made of a photo.
pub struct ProcessedPhoto {
    pub small: StoredDerivative,
    pub large: StoredDerivative,
    pub blurhash: String,
    pub phash: u64,
}

fn i32_of(v: u32) -> i32 {
    i32::try_from(v).unwrap_or(i32::MAX)
}

impl Tx {
    pub async fn insert_photo(
        &mut self,
        p: &NewPhoto<'_>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        with_tx!(self, |c| {
            sqlx::query(
            "INSERT INTO photos (id, campaign_id, status, receipt_hash, display_name, country, caption, consent_at,
                                 original_key, original_sha256, original_bytes, mime, width, height, submitted_at)
             VALUES ($1, $2, 'received', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $7)"
        )
        .bind(p.id)
        .bind(p.campaign_id)
        .bind(p.receipt.as_str())
        .bind(p.form.display_name.as_deref())
        .bind(p.form.country.as_ref().map(|c| c.as_str()))
        .bind(p.form.caption.as_deref())
        .bind(now)
        .bind(p.original_key)
        .bind(p.original_sha256)
        .bind(i64::try_from(p.original_bytes).unwrap_or(i64::MAX))
        .bind(p.mime)
        .bind(i32_of(p.width))
        .bind(i32_of(p.height))
        .execute(c)
        .await
        .map(|r| r.rows_affected())
        })?;
        Ok(())
    }
}

impl Store {
    pub async fn photo(&self, id: Uuid) -> Result<Photo, StoreError> {
        let sql = format!("SELECT {PHOTO_COLUMNS} FROM photos WHERE id = $1");
        let row: PhotoRow = with_pool!(self, |p| sqlx::query_as(&sql).bind(id).fetch_one(p).await)?;
        row.try_into()
    }

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
        .bind(&done.small.key)
        .bind(i32_of(done.small.width))
        .bind(i32_of(done.small.height))
        .bind(&done.large.key)
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
                .filter(|f| f.kind == "duplicate")
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
                    kind: "near_duplicate".into(),
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

    /// The photo cannot be decoded: `failed`, with a reason the supporter can read.
    pub async fn fail_processing(
        &self,
        id: Uuid,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let done = with_pool!(self, |p| sqlx::query(
            "UPDATE photos SET status = 'failed', failure_reason = $1, processed_at = $2
             WHERE id = $3 AND status = 'processing'"
        )
        .bind(reason)
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

    /// The earliest photo of the campaign submitted before this one whose perceptual hash
    /// lies within `max_distance` of `phash` (as `distance` measures it), leaving out
    /// `skip`; with the distance found. The lookup `finish_processing` makes, on its own.
    pub async fn earliest_near_duplicate(
        &self,
        photo: &Photo,
        phash: u64,
        max_distance: u32,
        skip: &[Uuid],
        distance: impl Fn(u64, u64) -> u32,
    ) -> Result<Option<(Uuid, u32)>, StoreError> {
        let place = Place {
            campaign_id: photo.campaign_id,
            submitted_at: photo.submitted_at,
            id: photo.id,
        };
        let mut tx = self.begin().await?;
        let found = earliest_near(&mut tx, place, phash, max_distance, skip, distance).await?;
        tx.commit().await?;
        Ok(found)
    }

    /// The flags of many photos in one query (a queue page), keyed by photo.
    pub async fn photo_flags_for(
        &self,
        ids: &[Uuid],
    ) -> Result<std::collections::HashMap<Uuid, Vec<PhotoFlag>>, StoreError> {
        let mut map: std::collections::HashMap<Uuid, Vec<PhotoFlag>> =
            std::collections::HashMap::new();
        if ids.is_empty() {
            return Ok(map);
        }
        let placeholders: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT photo_id, kind, of_photo_id, distance FROM photo_flags WHERE photo_id IN ({})
             ORDER BY kind, of_photo_id",
            placeholders.join(", ")
        );
        let rows: Vec<(Uuid, String, Uuid, Option<i32>)> = with_pool!(self, |p| {
            let mut q = sqlx::query_as(&sql);
            for id in ids {
                q = q.bind(*id);
            }
            q.fetch_all(p).await
        })?;
        for (photo, kind, of, distance) in rows {
            map.entry(photo).or_default().push(PhotoFlag {
                kind,
                of,
                distance: distance.and_then(|d| u32::try_from(d).ok()),
            });
        }
        Ok(map)
    }

    pub async fn photo_flags(&self, id: Uuid) -> Result<Vec<PhotoFlag>, StoreError> {
        let rows: Vec<(String, Uuid, Option<i32>)> = with_pool!(self, |p| {
            sqlx::query_as(
            "SELECT kind, of_photo_id, distance FROM photo_flags WHERE photo_id = $1 ORDER BY kind, of_photo_id"
        )
        .bind(id)
        .fetch_all(p)
        .await
        })?;
        Ok(rows
            .into_iter()
            .map(|(kind, of, distance)| PhotoFlag {
                kind,
                of,
                distance: distance.and_then(|d| u32::try_from(d).ok()),
            })
            .collect())
    }

    /// Approved photos of a campaign, most recently approved first.
    pub async fn gallery(
        &self,
        campaign_id: Uuid,
        limit: u32,
        after: Option<Cursor>,
    ) -> Result<(Vec<Photo>, Option<Cursor>), StoreError> {
        let sql = format!(
            "SELECT {PHOTO_COLUMNS} FROM photos
             WHERE campaign_id = $1 AND status = 'approved' AND ($2 OR (approved_at, id) < ($3, $4))
             ORDER BY approved_at DESC, id DESC LIMIT $5"
        );
        let (at, id) = after.map_or((crate::now(), Uuid::max()), |c| (c.at, c.id));
        let rows: Vec<PhotoRow> = with_pool!(self, |p| sqlx::query_as(&sql)
            .bind(campaign_id)
            .bind(after.is_none())
            .bind(at)
            .bind(id)
            .bind(i64::from(limit) + 1)
            .fetch_all(p)
            .await)?;
        let photos = rows
            .into_iter()
            .map(Photo::try_from)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(crate::cursor::trim_page(photos, limit, |p| {
            Some(Cursor {
                at: p.approved_at?,
                id: p.id,
            })
        }))
    }
}

/// Which photos a moderator lists.
#[derive(Debug, Clone, Default)]
pub struct ReviewFilter {
    pub campaign_id: Option<Uuid>,
    /// Default: `pending_review`.
    pub status: Option<PhotoStatus>,
    /// Only photos carrying a flag of this kind (`duplicate`, `near_duplicate`).
    pub flag: Option<String>,
}

impl Store {
    /// Photos for review, oldest first.
    pub async fn review_queue(
        &self,
        filter: &ReviewFilter,
        limit: u32,
        after: Option<Cursor>,
    ) -> Result<(Vec<Photo>, Option<Cursor>), StoreError> {
        let sql = format!(
            "SELECT {PHOTO_COLUMNS} FROM photos
             WHERE status = $1 AND ($2 OR campaign_id = $3)
               AND ($4 OR EXISTS (SELECT 1 FROM photo_flags f WHERE f.photo_id = photos.id AND f.kind = $5))
               AND ($6 OR (submitted_at, id) > ($7, $8))
             ORDER BY submitted_at, id LIMIT $9"
        );
        let status = filter.status.unwrap_or(PhotoStatus::PendingReview);
        let (at, id) = after.map_or((crate::now(), Uuid::nil()), |c| (c.at, c.id));
        let rows: Vec<PhotoRow> = with_pool!(self, |p| sqlx::query_as(&sql)
            .bind(status.as_str())
            .bind(filter.campaign_id.is_none())
            .bind(filter.campaign_id.unwrap_or_else(Uuid::nil))
            .bind(filter.flag.is_none())
            .bind(filter.flag.as_deref().unwrap_or(""))
            .bind(after.is_none())
            .bind(at)
            .bind(id)
            .bind(i64::from(limit) + 1)
            .fetch_all(p)
            .await)?;
        let photos = rows
            .into_iter()
            .map(Photo::try_from)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(crate::cursor::trim_page(photos, limit, |p| {
            Some(Cursor {
                at: p.submitted_at,
                id: p.id,
            })
        }))
    }
}

/// The earliest photo of `place`'s campaign submitted before it whose hash lies within
/// `max_distance` of `phash`, leaving out `skip`; with the distance found.
///
/// Up to `HASH_BANDS - 1` bits only photos sharing a whole band with this one can match
/// (pigeonhole), so each band's index range is read oldest first and the search of a band
/// stops at its first match — and the next band only looks before the best match so far. A
/// campaign whose photos all look alike costs a few rows per photo; one whose photos all
/// differ, the photos that happen to share a band. Beyond 7 bits every earlier hash is read,
/// oldest first, up to the first match.
async fn earliest_near(
    tx: &mut Tx,
    place: Place,
    phash: u64,
    max_distance: u32,
    skip: &[Uuid],
    distance: impl Fn(u64, u64) -> u32,
) -> Result<Option<(Uuid, u32)>, StoreError> {
    let close = |id: Uuid, h: u64| {
        let d = distance(h, phash);
        (d <= max_distance && !skip.contains(&id)).then_some(d)
    };
    let before = (place.submitted_at, place.id);
    if max_distance >= HASH_BANDS {
        let found = first_match(tx, place.campaign_id, None, before, close).await?;
        return Ok(found.map(|(id, _, d)| (id, d)));
    }
    let mut best: Option<(Uuid, DateTime<Utc>, u32)> = None;
    for b in 0..HASH_BANDS {
        let band = Some((b as i32, hash_band(phash, b)));
        let before = best.map_or(before, |(id, at, _)| (at, id));
        if let Some(found) = first_match(tx, place.campaign_id, band, before, &close).await? {
            best = Some(found);
        }
    }
    Ok(best.map(|(id, _, d)| (id, d)))
}

/// The first photo, oldest first, submitted before `before` that `close` accepts: among
/// those sharing `band` (`(band, value)`) when given, else among every hashed photo of the
/// campaign. Rows come in small batches, so stopping early reads little on either backend (a
/// PostgreSQL query sends all its rows whether or not they are read).
async fn first_match(
    tx: &mut Tx,
    campaign_id: Uuid,
    band: Option<(i32, i32)>,
    before: (DateTime<Utc>, Uuid),
    close: impl Fn(Uuid, u64) -> Option<u32>,
) -> Result<Option<(Uuid, DateTime<Utc>, u32)>, StoreError> {
    const BATCH: usize = 64;
    let (from, id, next) = match band {
        Some(_) => (
            "photo_hash_bands WHERE campaign_id = $1 AND band = $4 AND value = $5",
            "photo_id",
            6,
        ),
        None => (
            "photos WHERE campaign_id = $1 AND phash IS NOT NULL",
            "id",
            4,
        ),
    };
    let mut after: Option<(DateTime<Utc>, Uuid)> = None;
    loop {
        let continued = if after.is_some() {
            format!(" AND (submitted_at, {id}) > (${next}, ${})", next + 1)
        } else {
            String::new()
        };
        let sql = format!(
            "SELECT {id}, phash, submitted_at FROM {from}
               AND (submitted_at, {id}) < ($2, $3){continued}
             ORDER BY submitted_at, {id} LIMIT {BATCH}"
        );
        let rows: Vec<(Uuid, i64, DateTime<Utc>)> = with_tx!(&mut *tx, |c| {
            let mut q = sqlx::query_as(&sql)
                .bind(campaign_id)
                .bind(before.0)
                .bind(before.1);
            if let Some((b, v)) = band {
                q = q.bind(b).bind(v);
            }
            if let Some((at, id)) = after {
                q = q.bind(at).bind(id);
            }
            q.fetch_all(c).await
        })?;
        for (id, h, at) in &rows {
            if let Some(d) = close(*id, *h as u64) {
                return Ok(Some((*id, *at, d)));
            }
        }
        match rows.last() {
            Some((id, _, at)) if rows.len() == BATCH => after = Some((*at, *id)),
            _ => return Ok(None),
        }
    }
}

async fn insert_flag(tx: &mut Tx, photo_id: Uuid, flag: &PhotoFlag) -> Result<(), StoreError> {
    with_tx!(&mut *tx, |c| {
        sqlx::query(
            "INSERT INTO photo_flags (photo_id, kind, of_photo_id, distance) VALUES ($1, $2, $3, $4)
             ON CONFLICT DO NOTHING",
        )
        .bind(photo_id)
        .bind(&flag.kind)
        .bind(flag.of)
        .bind(flag.distance.map(|d| i32::try_from(d).unwrap_or(i32::MAX)))
        .execute(c)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Flags the photos of `place`'s campaign submitted after it, already processed and within
/// reach of `phash`, against it — unless one already names an earlier photo, or names this
/// one as its exact duplicate (a photo's near-duplicate flag leaves its exact duplicate out).
/// They finished while this photo, earlier in the campaign, was still being processed.
async fn flag_later_near_duplicates(
    tx: &mut Tx,
    place: Place,
    phash: u64,
    near: NearDuplicates,
) -> Result<(), StoreError> {
    // Within 7 bits a later photo shares a band (pigeonhole); beyond, every later hash.
    let sources: Vec<(String, Option<(i32, i32)>)> = if near.max_distance >= HASH_BANDS {
        vec![(
            "SELECT id, phash FROM photos WHERE campaign_id = $1 AND phash IS NOT NULL
               AND (submitted_at, id) > ($2, $3)"
                .to_owned(),
            None,
        )]
    } else {
        (0..HASH_BANDS)
            .map(|b| {
                (
                    "SELECT photo_id, phash FROM photo_hash_bands
                     WHERE campaign_id = $1 AND band = $4 AND value = $5
                       AND (submitted_at, photo_id) > ($2, $3)"
                        .to_owned(),
                    Some((b as i32, hash_band(phash, b))),
                )
            })
            .collect()
    };
    let mut later: Vec<(Uuid, u32)> = Vec::new();
    for (sql, band) in &sources {
        let rows: Vec<(Uuid, i64)> = with_tx!(&mut *tx, |c| {
            let mut q = sqlx::query_as(sql)
                .bind(place.campaign_id)
                .bind(place.submitted_at)
                .bind(place.id);
            if let Some((b, v)) = band {
                q = q.bind(*b).bind(*v);
            }
            q.fetch_all(c).await
        })?;
        for (id, h) in rows {
            let d = (near.distance)(h as u64, phash);
            if d <= near.max_distance && !later.iter().any(|(seen, _)| *seen == id) {
                later.push((id, d));
            }
        }
    }
    for (photo_id, d) in later {
        let settled: i64 = with_tx!(&mut *tx, |c| {
            sqlx::query_scalar(
                "SELECT COUNT(*) FROM photo_flags f LEFT JOIN photos p ON p.id = f.of_photo_id
                 WHERE f.photo_id = $1
                   AND ((f.kind = 'near_duplicate' AND (p.submitted_at, p.id) < ($2, $3))
                        OR (f.kind = 'duplicate' AND f.of_photo_id = $3))",
            )
            .bind(photo_id)
            .bind(place.submitted_at)
            .bind(place.id)
            .fetch_one(c)
            .await
        })?;
        if settled > 0 {
            continue;
        }
        with_tx!(&mut *tx, |c| {
            sqlx::query("DELETE FROM photo_flags WHERE photo_id = $1 AND kind = 'near_duplicate'")
                .bind(photo_id)
                .execute(c)
                .await
                .map(|r| r.rows_affected())
        })?;
        let flag = PhotoFlag {
            kind: "near_duplicate".into(),
            of: place.id,
            distance: Some(d),
        };
        insert_flag(tx, photo_id, &flag).await?;
    }
    Ok(())
}
