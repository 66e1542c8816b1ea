//! Photo submissions: from upload to a reviewed thumbnail, and erasure.
//!
//! `processing` holds the worker's transitions, `duplicates` the flags and the
//! near-duplicate search; this module the records, the upload and the lists.

mod duplicates;
mod processing;

pub use duplicates::{NearDuplicates, PhotoFlag};

use crate::{Cursor, Store, StoreError, Tx};
use chrono::{DateTime, Utc};
use placard_domain::{
    BlurRegions, DerivativeSize, FailureCode, FlagKind, ObjectKey, PhotoForm, PhotoStatus,
    TokenHash,
};
use uuid::Uuid;

/// A thumbnail as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDerivative {
    pub key: ObjectKey,
    pub width: u32,
    pub height: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Photo {
    pub id: Uuid,
    pub campaign_id: Uuid,
    pub status: PhotoStatus,
    pub receipt_hash: TokenHash,
    pub display_name: Option<String>,
    pub country: Option<String>,
    pub caption: Option<String>,
    pub original_key: ObjectKey,
    pub original_sha256: String,
    pub original_bytes: i64,
    pub mime: String,
    pub width: u32,
    pub height: u32,
    pub small: Option<StoredDerivative>,
    pub large: Option<StoredDerivative>,
    pub blurhash: Option<String>,
    pub phash: Option<u64>,
    pub failure_reason: Option<FailureCode>,
    pub rejection_reason: Option<String>,
    pub submitted_at: DateTime<Utc>,
    pub processed_at: Option<DateTime<Utc>>,
    pub approved_at: Option<DateTime<Utc>>,
    pub decision_note: Option<String>,
    pub decided_by: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
    pub claimed_by: Option<Uuid>,
    pub claim_expires_at: Option<DateTime<Utc>>,
    /// EXIF orientation recorded when the original was stripped (`None`: stored before
    /// stripping existed).
    pub orientation: Option<u8>,
    /// The rectangles the supporter asked to pixelate.
    pub blur: Option<BlurRegions>,
    /// When the original was rewritten with those rectangles pixelated.
    pub pixelated_at: Option<DateTime<Utc>>,
    /// When retention deleted every object of this (rejected) photo.
    pub purged_at: Option<DateTime<Utc>>,
    /// When retention deleted this (approved) photo's original.
    pub original_purged_at: Option<DateTime<Utc>>,
    pub consent_id: Option<Uuid>,
    pub consent_at: DateTime<Utc>,
}

impl Photo {
    /// Whether the stored original may be shown: not while a requested pixelation is still
    /// to be applied, nor once retention deleted it.
    pub fn original_viewable(&self) -> bool {
        let waiting =
            self.blur.as_ref().is_some_and(|b| !b.is_empty()) && self.pixelated_at.is_none();
        !waiting && self.purged_at.is_none() && self.original_purged_at.is_none()
    }

    /// Every key this photo has, or may have had, an object under.
    pub fn all_keys(&self) -> Vec<ObjectKey> {
        let mut keys = vec![self.original_key.clone()];
        keys.extend(
            self.small
                .iter()
                .chain(self.large.iter())
                .map(|d| d.key.clone()),
        );
        keys.extend(placard_domain::PhotoKeys::of(self.id).all());
        keys.sort();
        keys.dedup();
        keys
    }

    /// The keys that should hold an object now: the original (unless purged) and the
    /// derivatives (unless purged). Any other object under this photo's id is left over.
    pub fn live_keys(&self) -> Vec<ObjectKey> {
        if self.purged_at.is_some() {
            return Vec::new();
        }
        let mut keys = Vec::new();
        if self.original_purged_at.is_none() {
            keys.push(self.original_key.clone());
        }
        keys.extend(
            self.small
                .iter()
                .chain(self.large.iter())
                .map(|d| d.key.clone()),
        );
        keys
    }

    /// The thumbnail of `size`, once processed.
    pub fn derivative(&self, size: DerivativeSize) -> Option<&StoredDerivative> {
        match size {
            DerivativeSize::Small => self.small.as_ref(),
            DerivativeSize::Large => self.large.as_ref(),
        }
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct PhotoRow {
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
    orientation: Option<i32>,
    blur: Option<String>,
    pixelated_at: Option<DateTime<Utc>>,
    purged_at: Option<DateTime<Utc>>,
    original_purged_at: Option<DateTime<Utc>>,
    consent_id: Option<Uuid>,
    consent_at: DateTime<Utc>,
}

pub(crate) const PHOTO_COLUMNS: &str = "id, campaign_id, status, receipt_hash, display_name, country, caption, \
    original_key, original_sha256, original_bytes, mime, width, height, small_key, small_width, small_height, \
    large_key, large_width, large_height, blurhash, phash, failure_reason, rejection_reason, submitted_at, \
    processed_at, approved_at, decision_note, decided_by, decided_at, claimed_by, claim_expires_at, \
    CAST(orientation AS INTEGER) AS orientation, blur, pixelated_at, purged_at, original_purged_at, consent_id, consent_at";

fn dim(v: i32) -> u32 {
    u32::try_from(v).unwrap_or(0)
}

/// A key read back from a row: written by this crate from the layout, so a bad one means
/// the row was tampered with.
fn stored_key(key: &str) -> Result<ObjectKey, StoreError> {
    ObjectKey::parse(key).map_err(|e| StoreError::Corrupt(e.to_string()))
}

fn derivative(
    key: Option<String>,
    w: Option<i32>,
    h: Option<i32>,
) -> Result<Option<StoredDerivative>, StoreError> {
    let (Some(key), Some(w), Some(h)) = (key, w, h) else {
        return Ok(None);
    };
    Ok(Some(StoredDerivative {
        key: stored_key(&key)?,
        width: dim(w),
        height: dim(h),
    }))
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
            original_key: stored_key(&r.original_key)?,
            original_sha256: r.original_sha256,
            original_bytes: r.original_bytes,
            mime: r.mime,
            width: dim(r.width),
            height: dim(r.height),
            small: derivative(r.small_key, r.small_width, r.small_height)?,
            large: derivative(r.large_key, r.large_width, r.large_height)?,
            blurhash: r.blurhash,
            // Stored signed (SQL has no unsigned 64-bit type); the bits are what matter.
            phash: r.phash.map(|h| h as u64),
            failure_reason: r.failure_reason.as_deref().map(FailureCode::from_stored),
            rejection_reason: r.rejection_reason,
            submitted_at: r.submitted_at,
            processed_at: r.processed_at,
            approved_at: r.approved_at,
            decision_note: r.decision_note,
            decided_by: r.decided_by,
            decided_at: r.decided_at,
            claimed_by: r.claimed_by,
            claim_expires_at: r.claim_expires_at,
            orientation: r.orientation.and_then(|o| u8::try_from(o).ok()),
            blur: r
                .blur
                .as_deref()
                .map(BlurRegions::parse)
                .transpose()
                .map_err(|e| StoreError::Corrupt(e.to_string()))?,
            pixelated_at: r.pixelated_at,
            purged_at: r.purged_at,
            original_purged_at: r.original_purged_at,
            consent_id: r.consent_id,
            consent_at: r.consent_at,
        })
    }
}

/// What an accepted upload records.
pub struct NewPhoto<'a> {
    pub id: Uuid,
    pub campaign_id: Uuid,
    pub receipt: &'a TokenHash,
    pub form: &'a PhotoForm,
    pub original_key: &'a ObjectKey,
    pub original_sha256: &'a str,
    pub original_bytes: u64,
    pub mime: &'a str,
    pub width: u32,
    pub height: u32,
    /// EXIF orientation read while stripping the original.
    pub orientation: u8,
    pub blur: &'a BlurRegions,
    /// The consent text version the supporter agreed to ([`Tx::consent_version`]).
    pub consent_id: Uuid,
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
                                 original_key, original_sha256, original_bytes, mime, width, height, submitted_at,
                                 orientation, blur, consent_id)
             VALUES ($1, $2, 'received', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $7, $14, $15, $16)"
        )
        .bind(p.id)
        .bind(p.campaign_id)
        .bind(p.receipt.as_str())
        .bind(p.form.display_name.as_deref())
        .bind(p.form.country.as_ref().map(|c| c.as_str()))
        .bind(p.form.caption.as_deref())
        .bind(now)
        .bind(p.original_key.as_str())
        .bind(p.original_sha256)
        .bind(i64::try_from(p.original_bytes).unwrap_or(i64::MAX))
        .bind(p.mime)
        .bind(i32_of(p.width))
        .bind(i32_of(p.height))
        .bind(i16::from(p.orientation))
        .bind((!p.blur.is_empty()).then(|| p.blur.to_json()))
        .bind(p.consent_id)
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
    /// Only photos carrying a flag of this kind.
    pub flag: Option<FlagKind>,
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
            .bind(filter.flag.map_or("", FlagKind::as_str))
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
