//! Duplicate flags: exact ones from the upload's digest, near ones from perceptual hashes
//! indexed in bands, settled whatever order photos finish in.

use super::Photo;
use crate::{Store, StoreError, Tx};
use chrono::{DateTime, Utc};
use placard_domain::FlagKind;
use serde::Serialize;
use uuid::Uuid;

/// Perceptual hashes are indexed in this many 8-bit bands (migration 0004).
pub(super) const HASH_BANDS: u32 = 8;

/// Band `b` of a perceptual hash: its bits `8b..8b+8`.
pub(super) fn hash_band(phash: u64, b: u32) -> i32 {
    ((phash >> (8 * b)) & 0xff) as i32
}

/// A moderator-facing note that a photo repeats an earlier one of its campaign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PhotoFlag {
    pub kind: FlagKind,
    pub of: Uuid,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance: Option<u32>,
}

impl PhotoFlag {
    fn from_row(kind: &str, of: Uuid, distance: Option<i32>) -> Result<Self, StoreError> {
        Ok(Self {
            kind: kind.parse().map_err(StoreError::Corrupt)?,
            of,
            distance: distance.and_then(|d| u32::try_from(d).ok()),
        })
    }
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
pub(super) struct Place {
    pub(super) campaign_id: Uuid,
    pub(super) submitted_at: DateTime<Utc>,
    pub(super) id: Uuid,
}

/// The PostgreSQL advisory lock that serialises finishing photos of one campaign (the
/// namespace keeps it apart from any other lock keyed by a UUID).
pub(super) fn campaign_lock_key(campaign_id: Uuid) -> i64 {
    let mut first = [0u8; 8];
    first.copy_from_slice(&campaign_id.as_bytes()[..8]);
    i64::from_be_bytes(first) ^ 0x706c_6163_6172_6421 // "placard!"
}

impl Store {
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
            map.entry(photo)
                .or_default()
                .push(PhotoFlag::from_row(&kind, of, distance)?);
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
        rows.into_iter()
            .map(|(kind, of, distance)| PhotoFlag::from_row(&kind, of, distance))
            .collect()
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
pub(super) async fn earliest_near(
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

pub(super) async fn insert_flag(
    tx: &mut Tx,
    photo_id: Uuid,
    flag: &PhotoFlag,
) -> Result<(), StoreError> {
    with_tx!(&mut *tx, |c| {
        sqlx::query(
            "INSERT INTO photo_flags (photo_id, kind, of_photo_id, distance) VALUES ($1, $2, $3, $4)
             ON CONFLICT DO NOTHING",
        )
        .bind(photo_id)
        .bind(flag.kind.as_str())
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
pub(super) async fn flag_later_near_duplicates(
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
            kind: FlagKind::NearDuplicate,
            of: place.id,
            distance: Some(d),
        };
        insert_flag(tx, photo_id, &flag).await?;
    }
    Ok(())
}
