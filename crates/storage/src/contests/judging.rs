//! The judges' side of a contest: blind entries, scores, the shortlist, the calibrated
//! ranking, and its announcement, exactly once.

use super::{BlindEntry, Contest, RankedEntry, Ranking, CONTEST_COLUMNS};
use crate::audit::NewAuditEntry;
use crate::{Store, StoreError, Tx};
use chrono::{DateTime, Utc};
use placard_domain::results::{
    pseudonym, sha256_hex, Judgement, Manifest, ManifestComparison, ManifestContest, ManifestEntry,
    Method, Outcome, ShortlistRule, MANIFEST_VERSION,
};
use placard_domain::JudgingMode;
use uuid::Uuid;

impl Store {
    /// The approved entries, blind, with this judge's own score.
    pub async fn blind_entries(
        &self,
        contest_id: Uuid,
        judge: Uuid,
    ) -> Result<Vec<BlindEntry>, StoreError> {
        let rows: Vec<(Uuid, String, Option<i32>)> = with_pool!(self, |p| {
            sqlx::query_as(
            "SELECT e.id, e.slogan, s.score FROM slogan_entries e
             LEFT JOIN scores s ON s.entry_id = e.id AND s.judge_id = $2
             WHERE e.contest_id = $1 AND e.status = 'approved'
               AND NOT EXISTS (SELECT 1 FROM judge_conflicts k WHERE k.entry_id = e.id AND k.judge_id = $2)
             ORDER BY e.submitted_at, e.id"
        )
        .bind(contest_id)
        .bind(judge)
        .fetch_all(p)
        .await
        })?;
        Ok(rows
            .into_iter()
            .map(|(id, slogan, my_score)| BlindEntry {
                id,
                slogan,
                my_score,
            })
            .collect())
    }

    /// Records (or replaces) a judge's score of an approved entry of the contest.
    pub async fn put_score(
        &self,
        contest_id: Uuid,
        entry: Uuid,
        judge: Uuid,
        score: u8,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        if judgeable(&mut tx, contest_id, entry).await? != JudgingMode::Scores {
            return Err(StoreError::InvalidState(WRONG_JUDGING_MODE));
        }
        if has_conflict(&mut tx, entry, judge).await? {
            return Err(StoreError::InvalidState(CONFLICTED));
        }
        with_tx!(&mut tx, |c| {
            sqlx::query(
            "INSERT INTO scores (entry_id, judge_id, score, scored_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (entry_id, judge_id) DO UPDATE SET score = excluded.score, scored_at = excluded.scored_at"
        )
        .bind(entry)
        .bind(judge)
        .bind(i32::from(score))
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected())
        })?;
        tx.commit().await?;
        Ok(())
    }

    /// A judge steps aside from an approved entry of the contest (they know its author):
    /// it is hidden from them from now on, their score of it is deleted, and the ranking
    /// counts no judgement of theirs of it. Declaring it again changes nothing. Audited with
    /// the judge's name, in the same transaction.
    pub async fn declare_conflict(
        &self,
        contest_id: Uuid,
        entry: Uuid,
        judge: &crate::staff::Staff,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        judgeable(&mut tx, contest_id, entry).await?;
        if has_conflict(&mut tx, entry, judge.id).await? {
            return Ok(());
        }
        with_tx!(&mut tx, |c| sqlx::query(
            "INSERT INTO judge_conflicts (entry_id, judge_id, declared_at) VALUES ($1, $2, $3)"
        )
        .bind(entry)
        .bind(judge.id)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
        let mut withdrawn = 0;
        for sql in [
            "DELETE FROM scores WHERE entry_id = $1 AND judge_id = $2",
            "DELETE FROM comparisons WHERE (first_id = $1 OR second_id = $1) AND judge_id = $2",
        ] {
            withdrawn += with_tx!(&mut tx, |c| sqlx::query(sql)
                .bind(entry)
                .bind(judge.id)
                .execute(c)
                .await
                .map(|r| r.rows_affected()))?;
        }
        tx.append_audit(
            &NewAuditEntry {
                actor: &judge.name,
                action: "entry.conflict",
                subject_type: "entry",
                subject_id: &entry.to_string(),
                details: serde_json::json!({ "judgements_withdrawn": withdrawn }),
            },
            now,
        )
        .await?;
        tx.commit().await
    }

    /// Pins the shortlist (replacing any earlier pin), audited in the same transaction.
    pub async fn pin_shortlist(
        &self,
        contest_id: Uuid,
        entries: &[Uuid],
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        with_tx!(&mut tx, |c| sqlx::query(
            "DELETE FROM shortlist_pins WHERE contest_id = $1"
        )
        .bind(contest_id)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
        for (position, entry) in entries.iter().enumerate() {
            let found = with_tx!(&mut tx, |c| {
                sqlx::query(
                "INSERT INTO shortlist_pins (contest_id, entry_id, position)
                 SELECT $1, id, $3 FROM slogan_entries WHERE id = $2 AND contest_id = $1 AND status = 'approved'"
            )
            .bind(contest_id)
            .bind(entry)
            .bind(i32::try_from(position).unwrap_or(i32::MAX))
            .execute(c)
            .await
            .map(|r| r.rows_affected())
            })?;
            if found == 0 {
                return Err(StoreError::NotFound);
            }
        }
        tx.append_audit(
            &NewAuditEntry {
                actor,
                action: "contest.shortlist",
                subject_type: "contest",
                subject_id: &contest_id.to_string(),
                details: serde_json::json!({ "entries": entries }),
            },
            now,
        )
        .await?;
        tx.commit().await
    }

    /// The calibrated ranking of the approved entries, with the shortlist marked (the pinned
    /// entries if any, else the top `shortlist_size`).
    pub async fn ranking(&self, contest: &Contest) -> Result<Ranking, StoreError> {
        // One transaction, so the entries, scores and pins read belong together.
        let mut tx = self.begin().await?;
        let inputs = ranking_inputs(&mut tx, contest.id).await?;
        tx.commit().await?;
        Ok(Ranking {
            entries: ranked(contest, &inputs)?,
            pinned: !inputs.pins.is_empty(),
        })
    }

    /// The manifest frozen at the announcement, byte for byte as its hash was taken;
    /// `None` before it.
    pub async fn results_manifest(&self, contest_id: Uuid) -> Result<Option<String>, StoreError> {
        let row: Option<(Option<String>,)> = with_pool!(self, |p| sqlx::query_as(
            "SELECT results_manifest FROM contests WHERE id = $1"
        )
        .bind(contest_id)
        .fetch_optional(p)
        .await)?;
        Ok(row.and_then(|(m,)| m))
    }

    /// Contests whose `announce_at` has passed and that are not announced yet.
    pub async fn due_contests(&self, now: DateTime<Utc>) -> Result<Vec<Contest>, StoreError> {
        let sql = format!(
            "SELECT {CONTEST_COLUMNS} FROM contests WHERE announced_at IS NULL AND announce_at <= $1 ORDER BY announce_at"
        );
        Ok(with_pool!(self, |p| sqlx::query_as(&sql)
            .bind(now)
            .fetch_all(p)
            .await)?)
    }

    /// Freezes the ranking into the results document and publishes it — once. The state
    /// transition is conditional (`announced_at IS NULL`), so however many schedulers race,
    /// exactly one wins, writes the document and its audit entry; the others change nothing.
    /// Returns whether this call announced.
    pub async fn announce(
        &self,
        contest: &Contest,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin().await?;
        // Lock the contest, then read the ranking in the same transaction: what is frozen is
        // exactly what was committed before the lock (a score racing the announcement waits
        // for it, then finds the contest announced).
        if lock_contest(&mut tx, contest.id, true).await?.0.is_some() {
            return Ok(false);
        }
        let inputs = ranking_inputs(&mut tx, contest.id).await?;
        let entries = &inputs.entries;
        // The manifest is what is frozen; the results are what follows from it, computed by
        // the same function `placard verify-results` runs on the published manifest.
        let manifest = manifest_of(contest, &inputs, now);
        let manifest_text = manifest.to_canonical();
        let outcome = outcome_of(&manifest)?;
        let entry = |id: Uuid| entries.iter().find(|e| e.0 == id);
        let slogan = |id: Uuid| entry(id).map(|e| e.1.clone()).unwrap_or_default();
        let author = |id: Uuid| entry(id).and_then(|e| e.2.clone());
        let shortlist: Vec<serde_json::Value> = outcome
            .shortlist
            .iter()
            .map(|(rank, id)| serde_json::json!({"rank": rank, "id": id, "slogan": slogan(*id), "author_name": author(*id)}))
            .collect();
        let winner = outcome.winner.map(
            |id| serde_json::json!({"id": id, "slogan": slogan(id), "author_name": author(id)}),
        );
        // The manifest's SHA-256: anyone holding it can check the results follow from it,
        // and that nothing in it changed after the announcement.
        let digest = sha256_hex(manifest_text.as_bytes());
        let results = serde_json::json!({
            "announced": true,
            "announced_at": now,
            "winner": winner,
            "shortlist": shortlist,
            "entries": entries.len(),
            "sha256": digest,
        });
        let won = with_tx!(&mut tx, |c| {
            sqlx::query(
                "UPDATE contests SET announced_at = $1, results = $2, results_manifest = $3
             WHERE id = $4 AND announced_at IS NULL",
            )
            .bind(now)
            .bind(results.to_string())
            .bind(&manifest_text)
            .bind(contest.id)
            .execute(c)
            .await
            .map(|r| r.rows_affected())
        })?;
        if won == 0 {
            return Ok(false);
        }
        // Emails were kept to reach the winner before the announcement; after it they have
        // no use, so they go.
        with_tx!(&mut tx, |c| sqlx::query(
            "UPDATE slogan_entries SET email = NULL WHERE contest_id = $1 AND email IS NOT NULL"
        )
        .bind(contest.id)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
        tx.emit(
            crate::webhooks::Audience::EveryCampaign,
            placard_domain::webhook::CONTEST_ANNOUNCED,
            serde_json::json!({"contest": contest.slug, "results": results}),
            now,
        )
        .await?;
        tx.append_audit(
            &NewAuditEntry {
                actor: "scheduler",
                action: "contest.announce",
                subject_type: "contest",
                subject_id: &contest.id.to_string(),
                details: serde_json::json!({ "sha256": digest, "entries": entries.len(), "scores": inputs.scores.len(), "comparisons": inputs.comparisons.len() }),
            },
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }
}

/// The judging as a manifest (`placard_domain::results`): what the announcement freezes
/// and publishes, and what the judges' live ranking is computed from, so the two never
/// disagree.
pub(super) fn manifest_of(
    contest: &Contest,
    inputs: &Inputs,
    announced_at: DateTime<Utc>,
) -> Manifest {
    let pairwise = contest.mode() == JudgingMode::Pairwise;
    let mut judgements: Vec<Judgement> = Vec::new();
    let mut comparisons: Vec<ManifestComparison> = Vec::new();
    if pairwise {
        comparisons = inputs
            .comparisons
            .iter()
            .map(|(winner, loser, judge)| ManifestComparison {
                winner: *winner,
                loser: *loser,
                judge: pseudonym(contest.id, *judge),
            })
            .collect();
        comparisons
            .sort_by(|a, b| (a.winner, a.loser, &a.judge).cmp(&(b.winner, b.loser, &b.judge)));
    } else {
        judgements = inputs
            .scores
            .iter()
            .map(|(entry, judge, score)| Judgement {
                entry: *entry,
                judge: pseudonym(contest.id, *judge),
                // Scores are checked as 1–10 when given; anything else fails `outcome`.
                score: u8::try_from(*score).unwrap_or(0),
            })
            .collect();
        judgements.sort_by(|a, b| (a.entry, &a.judge).cmp(&(b.entry, &b.judge)));
    }
    Manifest {
        version: MANIFEST_VERSION,
        contest: ManifestContest {
            id: contest.id,
            slug: contest.slug.clone(),
            announced_at,
        },
        method: if pairwise {
            Method::pairwise()
        } else {
            Method::scores()
        },
        shortlist: ShortlistRule {
            size: usize::try_from(contest.shortlist_size).unwrap_or(10),
            pinned: inputs.pins.clone(),
        },
        entries: inputs
            .entries
            .iter()
            .map(|(id, slogan, _)| ManifestEntry {
                id: *id,
                slogan: slogan.clone(),
            })
            .collect(),
        judgements,
        comparisons,
    }
}

fn outcome_of(manifest: &Manifest) -> Result<Outcome, StoreError> {
    manifest
        .outcome()
        .map_err(|e| StoreError::Corrupt(e.to_string()))
}

fn ranked(contest: &Contest, inputs: &Inputs) -> Result<Vec<RankedEntry>, StoreError> {
    let entries = &inputs.entries;
    let manifest = manifest_of(
        contest,
        inputs,
        contest.announced_at.unwrap_or(contest.announce_at),
    );
    let outcome = outcome_of(&manifest)?;
    Ok(outcome
        .ranking
        .iter()
        .map(|r| {
            let (_, slogan, author_name) = entries
                .iter()
                .find(|e| e.0 == r.entry)
                .cloned()
                .unwrap_or_default();
            RankedEntry {
                shortlisted: outcome.shortlist.iter().any(|(_, id)| *id == r.entry),
                rank: r.rank,
                id: r.entry,
                slogan,
                author_name,
                score: r.score,
                interval: r.interval.map(|(low, high)| [low, high]),
                judges: r.judges,
            }
        })
        .collect())
}

/// The PostgreSQL `FOR UPDATE` (announcing, editing) or `FOR SHARE` (judging) lock on a
/// contest's row, returning its `announced_at`, judging mode and `entries_close_at`. On
/// SQLite the transaction's `BEGIN IMMEDIATE` already holds the one write lock.
pub(super) async fn lock_contest(
    tx: &mut Tx,
    contest_id: Uuid,
    for_update: bool,
) -> Result<(Option<DateTime<Utc>>, JudgingMode, DateTime<Utc>), StoreError> {
    let lock = match (&*tx, for_update) {
        (Tx::Postgres(_), true) => " FOR UPDATE",
        (Tx::Postgres(_), false) => " FOR SHARE",
        (Tx::Sqlite(_), _) => "",
    };
    let sql = format!(
        "SELECT announced_at, judging_mode, entries_close_at FROM contests WHERE id = $1{lock}"
    );
    let (announced_at, mode, closes): (Option<DateTime<Utc>>, String, DateTime<Utc>) =
        with_tx!(&mut *tx, |c| sqlx::query_as(&sql)
            .bind(contest_id)
            .fetch_one(c)
            .await)?;
    Ok((announced_at, mode.parse().unwrap_or_default(), closes))
}

/// The contest's judging mode, locked for update, and whether judging has begun: entries
/// have closed, or a judgement of either kind is recorded.
pub(super) async fn judging_begun(
    tx: &mut Tx,
    contest_id: Uuid,
    now: DateTime<Utc>,
) -> Result<(JudgingMode, bool), StoreError> {
    let (_, mode, closes) = lock_contest(tx, contest_id, true).await?;
    let (n,): (i64,) = with_tx!(&mut *tx, |c| sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM scores s JOIN slogan_entries e ON e.id = s.entry_id
                 WHERE e.contest_id = $1)
              + (SELECT COUNT(*) FROM comparisons WHERE contest_id = $1)"
    )
    .bind(contest_id)
    .fetch_one(c)
    .await)?;
    Ok((mode, now >= closes || n > 0))
}

/// Why a score is refused once the contest is announced (the API's `judging_closed`).
pub const JUDGING_CLOSED: &str = "judging closed at the announcement";

/// Why a judgement of the other kind is refused (`wrong_judging_mode`): a score in a
/// pairwise contest, a comparison in a scores one.
pub const WRONG_JUDGING_MODE: &str = "the contest is judged the other way";

/// Why a score is refused from a judge who stepped aside from the entry (`conflicted`).
pub const CONFLICTED: &str = "the judge declared a conflict with this entry";

/// Whether a judgement of `entry` may be recorded now: the contest not announced and the
/// entry an approved one of it. Checked under the contest row's lock, which the
/// announcement takes for update: a judgement either commits before the ranking is read
/// (and counts) or sees the contest announced (and is refused), never in between. Returns
/// the contest's judging mode, for the caller to check its kind of judgement against.
pub(super) async fn judgeable(
    tx: &mut Tx,
    contest_id: Uuid,
    entry: Uuid,
) -> Result<JudgingMode, StoreError> {
    let (announced_at, mode, _) = lock_contest(tx, contest_id, false).await?;
    if announced_at.is_some() {
        return Err(StoreError::InvalidState(JUDGING_CLOSED));
    }
    let (n,): (i64,) = with_tx!(&mut *tx, |c| {
        sqlx::query_as(
            "SELECT COUNT(*) FROM slogan_entries WHERE id = $1 AND contest_id = $2 AND status = 'approved'",
        )
        .bind(entry)
        .bind(contest_id)
        .fetch_one(c)
        .await
    })?;
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(mode)
}

pub(super) async fn has_conflict(
    tx: &mut Tx,
    entry: Uuid,
    judge: Uuid,
) -> Result<bool, StoreError> {
    let (n,): (i64,) = with_tx!(&mut *tx, |c| sqlx::query_as(
        "SELECT COUNT(*) FROM judge_conflicts WHERE entry_id = $1 AND judge_id = $2"
    )
    .bind(entry)
    .bind(judge)
    .fetch_one(c)
    .await)?;
    Ok(n > 0)
}

/// What a ranking is computed from, read in one transaction so it belongs together.
pub(super) struct Inputs {
    /// `(id, slogan, author_name)` of the approved entries, earliest first.
    pub entries: Vec<(Uuid, String, Option<String>)>,
    /// `(entry, judge, score)`.
    pub scores: Vec<(Uuid, Uuid, i32)>,
    /// `(winner, loser, judge)`, in the order they were made.
    pub comparisons: Vec<(Uuid, Uuid, Uuid)>,
    pub pins: Vec<Uuid>,
}

/// The entries, and the judgements that count: of approved entries, not by a judge who
/// stepped aside from (one of) them.
pub(super) async fn ranking_inputs(tx: &mut Tx, contest_id: Uuid) -> Result<Inputs, StoreError> {
    let entries: Vec<(Uuid, String, Option<String>)> = with_tx!(&mut *tx, |p| sqlx::query_as(
        "SELECT id, slogan, author_name FROM slogan_entries
         WHERE contest_id = $1 AND status = 'approved' ORDER BY submitted_at, id"
    )
    .bind(contest_id)
    .fetch_all(p)
    .await)?;
    let scores: Vec<(Uuid, Uuid, i32)> = with_tx!(&mut *tx, |p| sqlx::query_as(
        "SELECT s.entry_id, s.judge_id, s.score FROM scores s
         JOIN slogan_entries e ON e.id = s.entry_id
         WHERE e.contest_id = $1 AND e.status = 'approved'
           AND NOT EXISTS (SELECT 1 FROM judge_conflicts k
                           WHERE k.entry_id = s.entry_id AND k.judge_id = s.judge_id)
         ORDER BY s.entry_id, s.judge_id"
    )
    .bind(contest_id)
    .fetch_all(p)
    .await)?;
    let comparisons: Vec<(Uuid, Uuid, Uuid)> = with_tx!(&mut *tx, |p| {
        sqlx::query_as(
        "SELECT c.winner_id, CASE WHEN c.winner_id = c.first_id THEN c.second_id ELSE c.first_id END,
                c.judge_id
         FROM comparisons c
         JOIN slogan_entries a ON a.id = c.first_id AND a.status = 'approved'
         JOIN slogan_entries b ON b.id = c.second_id AND b.status = 'approved'
         WHERE c.contest_id = $1
           AND NOT EXISTS (SELECT 1 FROM judge_conflicts k
                           WHERE k.entry_id IN (c.first_id, c.second_id) AND k.judge_id = c.judge_id)
         ORDER BY c.compared_at, c.judge_id, c.first_id, c.second_id"
    )
    .bind(contest_id)
    .fetch_all(p)
    .await
    })?;
    let pins: Vec<(Uuid,)> = with_tx!(&mut *tx, |p| sqlx::query_as(
        "SELECT entry_id FROM shortlist_pins WHERE contest_id = $1 ORDER BY position"
    )
    .bind(contest_id)
    .fetch_all(p)
    .await)?;
    Ok(Inputs {
        entries,
        scores,
        comparisons,
        pins: pins.into_iter().map(|(id,)| id).collect(),
    })
}
