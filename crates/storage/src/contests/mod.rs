//! Slogan contests: entries, judges' scores, shortlist pins, and the one-time announcement.
//!
//! `judging` holds the judges' side (blind entries, scores, shortlist, ranking and the
//! announcement); this module the contests and their entries.

mod judging;
mod pairwise;
mod report;

pub use judging::{CONFLICTED, JUDGING_CLOSED, WRONG_JUDGING_MODE};
pub use pairwise::{Pair, PairEntry, SAME_ENTRY};
pub use report::{Coverage, JudgeRow, JudgesReport, UnderJudged};

use crate::{Cursor, Store, StoreError};
use chrono::{DateTime, Utc};
use placard_domain::{JudgingMode, NewContest, ReviewStatus, Slogan, TokenHash};
use serde::Serialize;
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Contest {
    pub id: Uuid,
    pub slug: String,
    pub title: String,
    pub description: Option<String>,
    pub opens_at: Option<DateTime<Utc>>,
    pub entries_close_at: DateTime<Utc>,
    pub announce_at: DateTime<Utc>,
    pub shortlist_size: i32,
    pub announced_at: Option<DateTime<Utc>>,
    pub results: Option<String>,
    pub created_at: DateTime<Utc>,
    /// Bumped by every edit (optimistic concurrency, as for campaigns).
    pub version: i64,
    /// `scores` or `pairwise` ([`Contest::mode`]).
    pub judging_mode: String,
    pub min_judgements: i32,
}

impl Contest {
    /// The judging mode (the column's CHECK admits only the two).
    pub fn mode(&self) -> JudgingMode {
        self.judging_mode.parse().unwrap_or_default()
    }
}

pub(crate) const CONTEST_COLUMNS: &str =
    "id, slug, title, description, opens_at, entries_close_at, announce_at, shortlist_size, announced_at, results, created_at, version, judging_mode, min_judgements";

/// Why a change of judging mode is refused: judgements of the other kind exist, or entries
/// have closed (the API's `judging_begun`).
pub const JUDGING_BEGUN: &str = "judging has begun: the judging mode is fixed";

/// The reason an edit of an announced contest is refused.
pub const ALREADY_ANNOUNCED: &str = "the contest has been announced";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: Uuid,
    pub contest_id: Uuid,
    pub slogan: String,
    pub author_name: Option<String>,
    pub status: ReviewStatus,
    pub receipt_hash: TokenHash,
    pub rejection_reason: Option<String>,
    pub decided_by: Option<String>,
    pub claimed_by: Option<Uuid>,
    pub claim_expires_at: Option<DateTime<Utc>>,
    pub submitted_at: DateTime<Utc>,
    /// Kept until the announcement, to reach the winner; deleted then.
    pub email: Option<String>,
    pub consent_at: DateTime<Utc>,
    pub consent_id: Option<Uuid>,
}

#[derive(sqlx::FromRow)]
struct EntryRow {
    id: Uuid,
    contest_id: Uuid,
    slogan: String,
    author_name: Option<String>,
    status: String,
    receipt_hash: String,
    rejection_reason: Option<String>,
    decided_by: Option<String>,
    claimed_by: Option<Uuid>,
    claim_expires_at: Option<DateTime<Utc>>,
    submitted_at: DateTime<Utc>,
    email: Option<String>,
    consent_at: DateTime<Utc>,
    consent_id: Option<Uuid>,
}

const ENTRY_COLUMNS: &str =
    "id, contest_id, slogan, author_name, status, receipt_hash, rejection_reason, decided_by, \
    claimed_by, claim_expires_at, submitted_at, email, consent_at, consent_id";

impl TryFrom<EntryRow> for Entry {
    type Error = StoreError;

    fn try_from(r: EntryRow) -> Result<Self, StoreError> {
        Ok(Entry {
            id: r.id,
            contest_id: r.contest_id,
            slogan: r.slogan,
            author_name: r.author_name,
            status: r.status.parse().map_err(StoreError::Corrupt)?,
            receipt_hash: TokenHash::from_stored(r.receipt_hash),
            rejection_reason: r.rejection_reason,
            decided_by: r.decided_by,
            claimed_by: r.claimed_by,
            claim_expires_at: r.claim_expires_at,
            submitted_at: r.submitted_at,
            email: r.email,
            consent_at: r.consent_at,
            consent_id: r.consent_id,
        })
    }
}

pub struct NewEntry<'a> {
    pub contest_id: Uuid,
    pub slogan: &'a Slogan,
    pub author_name: Option<&'a str>,
    pub email: Option<&'a str>,
    pub receipt: &'a TokenHash,
    /// The consent text the author agreed to (recorded as a version of the contest's).
    pub consent_text: &'a str,
}

/// One row of the ranking.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankedEntry {
    pub rank: usize,
    pub id: Uuid,
    pub slogan: String,
    #[serde(skip)]
    pub author_name: Option<String>,
    pub score: Option<f64>,
    /// Pairwise: the score's 95 % interval `[low, high]`; absent in scores mode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interval: Option<[f64; 2]>,
    pub judges: usize,
    pub shortlisted: bool,
}

/// The ranking, and whether its shortlist was pinned by hand (else it is the top
/// `shortlist_size`): judges need to know which, to know whether unpinning changes anything.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    pub entries: Vec<RankedEntry>,
    pub pinned: bool,
}

/// An approved entry as a judge sees it: no author, no email, no other judge's score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BlindEntry {
    pub id: Uuid,
    pub slogan: String,
    pub my_score: Option<i32>,
}

impl Store {
    pub async fn create_contest(
        &self,
        new: &NewContest,
        now: DateTime<Utc>,
    ) -> Result<Contest, StoreError> {
        let sql = format!(
            "INSERT INTO contests (id, slug, title, description, opens_at, entries_close_at, announce_at,
                                   shortlist_size, created_at, judging_mode, min_judgements)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING {CONTEST_COLUMNS}"
        );
        Ok(with_pool!(self, |p| sqlx::query_as(&sql)
            .bind(Uuid::now_v7())
            .bind(new.slug.as_str())
            .bind(&new.title)
            .bind(new.description.as_deref())
            .bind(new.opens_at)
            .bind(new.entries_close_at)
            .bind(new.announce_at)
            .bind(i32::try_from(new.shortlist_size).unwrap_or(10))
            .bind(now)
            .bind(new.judging_mode.as_str())
            .bind(i32::try_from(new.min_judgements).unwrap_or(3))
            .fetch_one(p)
            .await)?)
    }

    /// Applies an edit (the contest as it is to be, already checked) to the contest at
    /// `version`, unless it has been announced ([`ALREADY_ANNOUNCED`]) or edited since
    /// ([`crate::campaigns::STALE`]), or it changes the judging mode after judging has
    /// begun ([`JUDGING_BEGUN`]); audited with the names of the fields changed.
    #[allow(clippy::too_many_arguments)]
    pub async fn edit_contest(
        &self,
        id: Uuid,
        version: i64,
        edit: &NewContest,
        changed: &[&str],
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Contest, StoreError> {
        let sql = format!(
            "UPDATE contests SET title = $1, description = $2, opens_at = $3,
                 entries_close_at = $4, announce_at = $5, shortlist_size = $6,
                 judging_mode = $9, min_judgements = $10, version = version + 1
             WHERE id = $7 AND version = $8 AND announced_at IS NULL RETURNING {CONTEST_COLUMNS}"
        );
        let mut tx = self.begin().await?;
        // Under the contest's lock, so no judgement slips in between the check and the edit.
        let (mode, begun) = judging::judging_begun(&mut tx, id, now).await?;
        if mode != edit.judging_mode && begun {
            return Err(StoreError::InvalidState(JUDGING_BEGUN));
        }
        let updated: Option<Contest> = with_tx!(&mut tx, |c| sqlx::query_as(&sql)
            .bind(&edit.title)
            .bind(edit.description.as_deref())
            .bind(edit.opens_at)
            .bind(edit.entries_close_at)
            .bind(edit.announce_at)
            .bind(i32::try_from(edit.shortlist_size).unwrap_or(10))
            .bind(id)
            .bind(version)
            .bind(edit.judging_mode.as_str())
            .bind(i32::try_from(edit.min_judgements).unwrap_or(3))
            .fetch_optional(c)
            .await)?;
        let Some(updated) = updated else {
            drop(tx);
            let now_row = self.contest_by_id(id).await?;
            return Err(StoreError::InvalidState(
                if now_row.announced_at.is_some() {
                    ALREADY_ANNOUNCED
                } else {
                    crate::campaigns::STALE
                },
            ));
        };
        tx.audit_edit(actor, "contest", id, changed, updated.version, now)
            .await?;
        tx.commit().await?;
        Ok(updated)
    }

    async fn contest_by_id(&self, id: Uuid) -> Result<Contest, StoreError> {
        let sql = format!("SELECT {CONTEST_COLUMNS} FROM contests WHERE id = $1");
        Ok(with_pool!(self, |p| sqlx::query_as(&sql)
            .bind(id)
            .fetch_one(p)
            .await)?)
    }

    /// The newest contests first (at most 500), for staff pages' pickers.
    pub async fn contests(&self) -> Result<Vec<Contest>, StoreError> {
        let sql = format!(
            "SELECT {CONTEST_COLUMNS} FROM contests ORDER BY created_at DESC, id DESC LIMIT 500"
        );
        Ok(with_pool!(self, |p| sqlx::query_as(&sql)
            .fetch_all(p)
            .await)?)
    }

    pub async fn contest_by_slug(&self, slug: &str) -> Result<Contest, StoreError> {
        let sql = format!("SELECT {CONTEST_COLUMNS} FROM contests WHERE slug = $1");
        Ok(with_pool!(self, |p| sqlx::query_as(&sql)
            .bind(slug)
            .fetch_one(p)
            .await)?)
    }

    /// Records an entry; a slogan already entered in the contest (same key) is a
    /// [`StoreError::Conflict`] — enforced by the database's unique index, so two concurrent
    /// submissions cannot both succeed.
    pub async fn insert_entry(
        &self,
        e: &NewEntry<'_>,
        now: DateTime<Utc>,
    ) -> Result<Uuid, StoreError> {
        let id = Uuid::now_v7();
        let mut tx = self.begin().await?;
        let consent = tx
            .consent_version(&format!("contest:{}", e.contest_id), e.consent_text, now)
            .await?;
        with_tx!(&mut tx, |p| {
            sqlx::query(
            "INSERT INTO slogan_entries (id, contest_id, slogan, dedup_key, author_name, email, consent_at,
                                         receipt_hash, status, submitted_at, consent_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending_review', $7, $9)"
        )
        .bind(id)
        .bind(e.contest_id)
        .bind(e.slogan.as_str())
        .bind(e.slogan.key())
        .bind(e.author_name)
        .bind(e.email)
        .bind(now)
        .bind(e.receipt.as_str())
        .bind(consent)
        .execute(p)
        .await
        .map(|r| r.rows_affected())
        })?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn entry(&self, id: Uuid) -> Result<Entry, StoreError> {
        let sql = format!("SELECT {ENTRY_COLUMNS} FROM slogan_entries WHERE id = $1");
        let row: EntryRow = with_pool!(self, |p| sqlx::query_as(&sql).bind(id).fetch_one(p).await)?;
        row.try_into()
    }

    /// Entries of a contest in one status, oldest first.
    pub async fn entries_for_review(
        &self,
        contest_id: Uuid,
        status: ReviewStatus,
        limit: u32,
        after: Option<Cursor>,
    ) -> Result<(Vec<Entry>, Option<Cursor>), StoreError> {
        let sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM slogan_entries
             WHERE contest_id = $1 AND status = $2 AND ($3 OR (submitted_at, id) > ($4, $5))
             ORDER BY submitted_at, id LIMIT $6"
        );
        let (at, id) = after.map_or((crate::now(), Uuid::nil()), |c| (c.at, c.id));
        let rows: Vec<EntryRow> = with_pool!(self, |p| sqlx::query_as(&sql)
            .bind(contest_id)
            .bind(status.as_str())
            .bind(after.is_none())
            .bind(at)
            .bind(id)
            .bind(i64::from(limit) + 1)
            .fetch_all(p)
            .await)?;
        let entries = rows
            .into_iter()
            .map(Entry::try_from)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(crate::cursor::trim_page(entries, limit, |e| {
            Some(Cursor {
                at: e.submitted_at,
                id: e.id,
            })
        }))
    }
}
