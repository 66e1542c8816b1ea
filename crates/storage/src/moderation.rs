//! One moderation model for photos and slogan entries: claims, decisions, reopening.
//!
//! Both tables carry the same moderation columns; [`Subject`] names the table, so every rule
//! here is written once. Table names come from this closed enum only, never from input.

use crate::audit::NewAuditEntry;
use crate::staff::Staff;
use crate::{Backend, Store, StoreError};
use chrono::{DateTime, TimeDelta, Utc};
use placard_domain::webhook;
use placard_domain::{Decision, ReviewStatus};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Photo,
    Entry,
}

impl Subject {
    fn table(self) -> &'static str {
        match self {
            Subject::Photo => "photos",
            Subject::Entry => "slogan_entries",
        }
    }

    fn scope(self) -> &'static str {
        match self {
            Subject::Photo => "campaign_id",
            Subject::Entry => "contest_id",
        }
    }

    /// Rows that hang off a submission and go with it when it is erased.
    fn dependents(self) -> &'static [&'static str] {
        match self {
            // Photo flags go by ON DELETE CASCADE.
            Subject::Photo => &[],
            Subject::Entry => &[
                "DELETE FROM shortlist_pins WHERE entry_id = $1",
                "DELETE FROM scores WHERE entry_id = $1",
                "DELETE FROM judge_conflicts WHERE entry_id = $1",
            ],
        }
    }

    /// The audit log's `subject_type`.
    pub fn kind(self) -> &'static str {
        match self {
            Subject::Photo => "photo",
            Subject::Entry => "entry",
        }
    }
}

/// Who erases a submission, and why (the staff's reason, recorded with the actor).
#[derive(Debug, Clone, Copy)]
pub struct Erasure<'a> {
    pub actor: &'a str,
    /// `erase` (the supporter's withdrawal) or `takedown` (staff).
    pub action: &'a str,
    pub reason: Option<&'a str>,
}

impl Erasure<'static> {
    pub const BY_SUPPORTER: Erasure<'static> = Erasure {
        actor: "supporter",
        action: "erase",
        reason: None,
    };
}

/// Why a decision was refused.
#[derive(Debug, thiserror::Error)]
pub enum DecideError {
    #[error("not found")]
    NotFound,
    #[error("another moderator holds the claim")]
    ClaimedByOther,
    #[error("already decided")]
    AlreadyDecided,
    #[error("not ready for review")]
    NotReady,
    #[error("not decided")]
    NotDecided,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for DecideError {
    fn from(e: sqlx::Error) -> Self {
        DecideError::Store(e.into())
    }
}

/// What a decision did, for metrics.
#[derive(Debug, Clone)]
pub struct Decided {
    pub id: Uuid,
    pub submitted_at: DateTime<Utc>,
    pub decided_at: DateTime<Utc>,
}

/// What [`Store::claim_next`] passes over: the items a moderator skipped for now (they
/// stay theirs until the claim expires), and, when asked, every item without a flag.
#[derive(Debug, Clone, Copy, Default)]
pub struct Pass<'a> {
    pub skip: &'a [Uuid],
    pub flagged_only: bool,
}

/// See [`Store::queue_size`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueSize {
    pub left: i64,
    pub held_by_others: i64,
    pub oldest_at: Option<DateTime<Utc>>,
}

#[derive(sqlx::FromRow)]
struct Current {
    status: String,
    claimed_by: Option<Uuid>,
    claim_expires_at: Option<DateTime<Utc>>,
    submitted_at: DateTime<Utc>,
}

/// The campaign a photo belongs to.
async fn photo_campaign(tx: &mut crate::Tx, id: Uuid) -> Result<Uuid, StoreError> {
    let (campaign,): (Uuid,) = with_tx!(tx, |c| sqlx::query_as(
        "SELECT campaign_id FROM photos WHERE id = $1"
    )
    .bind(id)
    .fetch_one(c)
    .await)?;
    Ok(campaign)
}

impl Store {
    /// Claims the oldest unclaimed `pending_review` item of a campaign or contest for
    /// `moderator` until `now + hold`, or `None` when there is none. A moderator who still
    /// holds an open claim gets that item back (claim renewed) instead of a new one.
    pub async fn claim_next(
        &self,
        subject: Subject,
        scope: Uuid,
        moderator: Uuid,
        hold: TimeDelta,
        now: DateTime<Utc>,
        pass: Pass<'_>,
    ) -> Result<Option<Uuid>, StoreError> {
        let Pass { skip, flagged_only } = pass;
        let (table, col) = (subject.table(), subject.scope());
        // A moderator clearing duplicates first: only photos carrying a flag. (Entries have
        // no flags; the caller never asks for them.)
        let flagged = if flagged_only && subject == Subject::Photo {
            "AND EXISTS (SELECT 1 FROM photo_flags f WHERE f.photo_id = photos.id)"
        } else {
            ""
        };
        // Skipped items (a moderator passing over one for now) stay theirs until the claim
        // expires, so nobody else is handed them meanwhile; they are just not handed back.
        let skipped = |first: usize| -> String {
            if skip.is_empty() {
                return String::new();
            }
            let list: Vec<String> = (0..skip.len()).map(|i| format!("${}", first + i)).collect();
            format!("AND id NOT IN ({})", list.join(", "))
        };
        let own = format!(
            "UPDATE {table} SET claim_expires_at = $1
             WHERE id = (SELECT id FROM {table}
                         WHERE {col} = $2 AND status = 'pending_review' AND claimed_by = $3 AND claim_expires_at > $4
                           {} {flagged}
                         ORDER BY submitted_at, id LIMIT 1)
             RETURNING id",
            skipped(5)
        );
        let kept: Option<(Uuid,)> = with_pool!(self, |p| {
            let mut q = sqlx::query_as(&own)
                .bind(now + hold)
                .bind(scope)
                .bind(moderator)
                .bind(now);
            for id in skip {
                q = q.bind(*id);
            }
            q.fetch_optional(p).await
        })?;
        if let Some((id,)) = kept {
            return Ok(Some(id));
        }
        let lock = match self.backend() {
            Backend::Postgres => "FOR UPDATE SKIP LOCKED",
            Backend::Sqlite => "",
        };
        let claim = format!(
            "UPDATE {table} SET claimed_by = $1, claim_expires_at = $2
             WHERE id = (SELECT id FROM {table}
                         WHERE {col} = $3 AND status = 'pending_review'
                           AND (claimed_by IS NULL OR claim_expires_at <= $4)
                           {} {flagged}
                         ORDER BY submitted_at, id LIMIT 1 {lock})
             RETURNING id",
            skipped(5)
        );
        let claimed: Option<(Uuid,)> = with_pool!(self, |p| {
            let mut q = sqlx::query_as(&claim)
                .bind(moderator)
                .bind(now + hold)
                .bind(scope)
                .bind(now);
            for id in skip {
                q = q.bind(*id);
            }
            q.fetch_optional(p).await
        })?;
        Ok(claimed.map(|(id,)| id))
    }

    /// Approves or rejects one item, recording who and why in the audit log in the same
    /// transaction. An unclaimed item is claimed and decided at once; one claimed by someone
    /// else (claim still open) is refused.
    pub async fn decide(
        &self,
        subject: Subject,
        id: Uuid,
        actor: &Staff,
        decision: &Decision,
        now: DateTime<Utc>,
    ) -> Result<Decided, DecideError> {
        let table = subject.table();
        let mut tx = self.begin().await?;
        let current = self.lock_current(&mut tx, subject, id).await?;
        match current.status.parse::<ReviewStatus>() {
            Ok(s) if s.is_decided() => return Err(DecideError::AlreadyDecided),
            Ok(_) => {}
            // Still being received or processed, or failed: nothing to review.
            Err(_) => return Err(DecideError::NotReady),
        }
        let held_by_other = current.claimed_by.is_some_and(|c| c != actor.id)
            && current.claim_expires_at.is_some_and(|t| t > now);
        if held_by_other {
            return Err(DecideError::ClaimedByOther);
        }
        let status = decision.outcome();
        let (reason, note) = match decision {
            Decision::Approve => (None, None),
            Decision::Reject { reason, note } => (Some(reason.as_str()), note.as_deref()),
        };
        let approved_at = (status == ReviewStatus::Approved).then_some(now);
        // Entries have no approved_at column; photos need it for the gallery's order.
        let approved_col = match subject {
            Subject::Photo => ", approved_at = $6",
            Subject::Entry => "",
        };
        let sql = format!(
            "UPDATE {table} SET status = $1, rejection_reason = $2, decision_note = $3, decided_by = $4,
                    decided_at = $5, claimed_by = NULL, claim_expires_at = NULL{approved_col}
             WHERE id = $7"
        );
        with_tx!(&mut tx, |c| sqlx::query(&sql)
            .bind(status.as_str())
            .bind(reason)
            .bind(note)
            .bind(&actor.name)
            .bind(now)
            .bind(approved_at)
            .bind(id)
            .execute(c)
            .await
            .map(|r| r.rows_affected()))?;
        let mut details = serde_json::json!({});
        if let Some(r) = reason {
            details["reason"] = r.into();
        }
        // The note itself lives with the item and is erased with it; the append-only log
        // keeps only that there was one (a note may name or place a person).
        if note.is_some() {
            details["note"] = true.into();
        }
        tx.append_audit(
            &NewAuditEntry {
                actor: &actor.name,
                action: &format!("{}.{}", subject.kind(), decision.verb()),
                subject_type: subject.kind(),
                subject_id: &id.to_string(),
                details,
            },
            now,
        )
        .await?;
        if subject == Subject::Photo {
            let event = if status == ReviewStatus::Approved {
                let campaign = photo_campaign(&mut tx, id).await?;
                tx.request_mosaic(campaign, false, now).await?;
                webhook::PHOTO_APPROVED
            } else {
                webhook::PHOTO_REJECTED
            };
            tx.emit_photo_event(event, id, reason, now).await?;
        }
        tx.commit().await?;
        Ok(Decided {
            id,
            submitted_at: current.submitted_at,
            decided_at: now,
        })
    }

    /// Returns a decided item to `pending_review` (its decision stays in the audit log).
    pub async fn reopen(
        &self,
        subject: Subject,
        id: Uuid,
        actor: &Staff,
        now: DateTime<Utc>,
    ) -> Result<(), DecideError> {
        let table = subject.table();
        let mut tx = self.begin().await?;
        let current = self.lock_current(&mut tx, subject, id).await?;
        if !current
            .status
            .parse::<ReviewStatus>()
            .is_ok_and(ReviewStatus::is_decided)
        {
            return Err(DecideError::NotDecided);
        }
        let approved_col = match subject {
            Subject::Photo => ", approved_at = NULL",
            Subject::Entry => "",
        };
        let sql = format!(
            "UPDATE {table} SET status = 'pending_review', rejection_reason = NULL, decision_note = NULL,
                    decided_by = NULL, decided_at = NULL, claimed_by = NULL, claim_expires_at = NULL{approved_col}
             WHERE id = $1"
        );
        with_tx!(&mut tx, |c| sqlx::query(&sql)
            .bind(id)
            .execute(c)
            .await
            .map(|r| r.rows_affected()))?;
        tx.append_audit(
            &NewAuditEntry {
                actor: &actor.name,
                action: &format!("{}.reopen", subject.kind()),
                subject_type: subject.kind(),
                subject_id: &id.to_string(),
                details: serde_json::json!({ "was": current.status }),
            },
            now,
        )
        .await?;
        if subject == Subject::Photo && current.status == ReviewStatus::Approved.as_str() {
            // Out of the gallery at once, so out of the mosaic without waiting either.
            let campaign = photo_campaign(&mut tx, id).await?;
            tx.request_mosaic(campaign, true, now).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Reads an item's moderation state, locking its row on PostgreSQL (SQLite's
    /// `BEGIN IMMEDIATE` already holds the write lock).
    async fn lock_current(
        &self,
        tx: &mut crate::Tx,
        subject: Subject,
        id: Uuid,
    ) -> Result<Current, DecideError> {
        let lock = match self.backend() {
            Backend::Postgres => "FOR UPDATE",
            Backend::Sqlite => "",
        };
        let sql = format!(
            "SELECT status, claimed_by, claim_expires_at, submitted_at FROM {} WHERE id = $1 {lock}",
            subject.table()
        );
        let row: Option<Current> = with_tx!(tx, |c| sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(c)
            .await)?;
        row.ok_or(DecideError::NotFound)
    }

    /// Erases a supporter's submission at their request: the row (its personal fields with it)
    /// and what hangs off it, and an audit entry that records only that an erasure happened,
    /// in one transaction. For photos a tombstone of the id is kept, and the caller deletes
    /// the objects after: a worker still processing the photo finds no row and removes
    /// what it wrote, and an object whose deletion failed is swept without waiting for the
    /// orphan grace period.
    pub async fn erase_submission(
        &self,
        subject: Subject,
        id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.erase_as(subject, id, &Erasure::BY_SUPPORTER, now)
            .await
    }

    /// Erases a submission exactly as its supporter's withdrawal does, on behalf of `by`
    /// (a staff takedown): the audit entry names the actor and the reason code.
    pub async fn erase_as(
        &self,
        subject: Subject,
        id: Uuid,
        by: &Erasure<'_>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        if subject == Subject::Entry {
            redact_from_results(&mut tx, id).await?;
        }
        // An approved photo is in its campaign's mosaic: rebuilt at once without it.
        let in_mosaic: Option<(Uuid, String)> = match subject {
            Subject::Photo => with_tx!(&mut tx, |c| sqlx::query_as(
                "SELECT campaign_id, status FROM photos WHERE id = $1"
            )
            .bind(id)
            .fetch_optional(c)
            .await)?,
            Subject::Entry => None,
        };
        if let Some((campaign, status)) = in_mosaic {
            if status == ReviewStatus::Approved.as_str() {
                tx.request_mosaic(campaign, true, now).await?;
                // It was public: the campaign's site and CDN drop it too.
                tx.emit_photo_event(webhook::PHOTO_ERASED, id, None, now)
                    .await?;
            }
        }
        for sql in subject.dependents() {
            with_tx!(&mut tx, |c| sqlx::query(sql)
                .bind(id)
                .execute(c)
                .await
                .map(|r| r.rows_affected()))?;
        }
        let sql = format!("DELETE FROM {} WHERE id = $1", subject.table());
        let deleted = with_tx!(&mut tx, |c| sqlx::query(&sql)
            .bind(id)
            .execute(c)
            .await
            .map(|r| r.rows_affected()))?;
        if deleted == 0 {
            return Err(StoreError::NotFound);
        }
        if subject == Subject::Photo {
            tx.tombstone_photo(id, now).await?;
        }
        let details = match by.reason {
            Some(reason) => serde_json::json!({ "reason": reason }),
            None => serde_json::json!({}),
        };
        tx.append_audit(
            &NewAuditEntry {
                actor: by.actor,
                action: &format!("{}.{}", subject.kind(), by.action),
                subject_type: subject.kind(),
                subject_id: &id.to_string(),
                details,
            },
            now,
        )
        .await?;
        tx.commit().await
    }

    /// What is left of one campaign's or contest's queue for `moderator`: the items they may
    /// still take (unclaimed, claim expired, or their own), those held by other moderators
    /// now, and the oldest waiting item's upload time. Counted on the same index the claims
    /// use (`{scope}, status, submitted_at`).
    pub async fn queue_size(
        &self,
        subject: Subject,
        scope: Uuid,
        moderator: Uuid,
        now: DateTime<Utc>,
    ) -> Result<QueueSize, StoreError> {
        let (table, col) = (subject.table(), subject.scope());
        let sql = format!(
            "SELECT
               COUNT(CASE WHEN claimed_by IS NULL OR claim_expires_at <= $3 OR claimed_by = $2 THEN 1 END),
               COUNT(CASE WHEN claimed_by IS NOT NULL AND claimed_by <> $2 AND claim_expires_at > $3 THEN 1 END),
               MIN(submitted_at)
             FROM {table} WHERE {col} = $1 AND status = 'pending_review'"
        );
        let (left, held_by_others, oldest_at): (i64, i64, Option<DateTime<Utc>>) =
            with_pool!(self, |p| sqlx::query_as(&sql)
                .bind(scope)
                .bind(moderator)
                .bind(now)
                .fetch_one(p)
                .await)?;
        Ok(QueueSize {
            left,
            held_by_others,
            oldest_at,
        })
    }

    /// Items awaiting review per campaign slug (for `/metrics`), and the oldest one's upload time.
    pub async fn review_backlog(
        &self,
    ) -> Result<Vec<(String, i64, Option<DateTime<Utc>>)>, StoreError> {
        let rows: Vec<(String, i64, Option<DateTime<Utc>>)> =
            with_pool!(self, |p| sqlx::query_as(
                "SELECT c.slug, COUNT(p.id), MIN(p.submitted_at) FROM campaigns c
             LEFT JOIN photos p ON p.campaign_id = c.id AND p.status = 'pending_review'
             GROUP BY c.slug"
            )
            .fetch_all(p)
            .await)?;
        Ok(rows)
    }
}

/// Takes a withdrawn entry's author name out of its contest's published results, if it is
/// in them: the slogan and ranks stay, and so does the results' `sha256`, which covers ids,
/// slogans and scores, never names.
async fn redact_from_results(tx: &mut crate::Tx, entry_id: Uuid) -> Result<(), StoreError> {
    let row: Option<(Uuid, Option<String>)> = with_tx!(tx, |c| sqlx::query_as(
        "SELECT c.id, c.results FROM contests c JOIN slogan_entries e ON e.contest_id = c.id
         WHERE e.id = $1"
    )
    .bind(entry_id)
    .fetch_optional(c)
    .await)?;
    let Some((contest_id, Some(results))) = row else {
        return Ok(());
    };
    let mut doc: serde_json::Value =
        serde_json::from_str(&results).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let id = entry_id.to_string();
    let mut changed = false;
    let mut redact = |item: &mut serde_json::Value| {
        if item["id"].as_str() == Some(id.as_str()) && !item["author_name"].is_null() {
            item["author_name"] = serde_json::Value::Null;
            changed = true;
        }
    };
    if doc["winner"].is_object() {
        redact(&mut doc["winner"]);
    }
    if let Some(list) = doc["shortlist"].as_array_mut() {
        list.iter_mut().for_each(&mut redact);
    }
    if changed {
        with_tx!(tx, |c| sqlx::query(
            "UPDATE contests SET results = $1 WHERE id = $2"
        )
        .bind(doc.to_string())
        .bind(contest_id)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    }
    Ok(())
}
