//! Pairwise judging: the next pair for a judge (Crowd-BT over every comparison so far), a
//! judge's verdict on a pair, and a skipped pair.

use super::judging::{has_conflict, judgeable, CONFLICTED, WRONG_JUDGING_MODE};
use crate::{Store, StoreError, Tx};
use chrono::{DateTime, Utc};
use placard_domain::pairwise::{Comparison, CrowdBt};
use placard_domain::JudgingMode;
use serde::Serialize;
use std::collections::HashSet;
use uuid::Uuid;

/// One side of a pair, as the judge sees it: the slogan, nothing about its author.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PairEntry {
    pub id: Uuid,
    pub slogan: String,
}

/// The two slogans to compare, `a` shown first (left).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pair {
    pub a: PairEntry,
    pub b: PairEntry,
}

/// Why a comparison of an entry with itself is refused.
pub const SAME_ENTRY: &str = "an entry cannot be compared with itself";

/// A pair in the stored order (`first < second`), as the table's key holds it.
fn ordered(a: Uuid, b: Uuid) -> (Uuid, Uuid) {
    if a < b {
        (a, b)
    } else {
        (b, a)
    }
}

impl Store {
    /// The pair `judge` should compare next in a pairwise contest, or `None` when they have
    /// compared or skipped every pair of the entries they may judge (or the contest is
    /// announced). Crowd-BT is replayed over every judge's comparisons that count, in the
    /// order they were made, so the choice depends only on what is recorded.
    pub async fn next_pair(
        &self,
        contest_id: Uuid,
        judge: Uuid,
    ) -> Result<Option<Pair>, StoreError> {
        let mut tx = self.begin().await?;
        let (announced_at, mode, _) =
            super::judging::lock_contest(&mut tx, contest_id, false).await?;
        if mode != JudgingMode::Pairwise {
            return Err(StoreError::InvalidState(WRONG_JUDGING_MODE));
        }
        if announced_at.is_some() {
            return Ok(None);
        }
        let inputs = super::judging::ranking_inputs(&mut tx, contest_id).await?;
        let mine: Vec<(Uuid, Uuid)> = with_tx!(&mut tx, |c| {
            sqlx::query_as(
            "SELECT first_id, second_id FROM comparisons WHERE contest_id = $1 AND judge_id = $2
             UNION ALL
             SELECT first_id, second_id FROM pair_skips WHERE contest_id = $1 AND judge_id = $2"
        )
        .bind(contest_id)
        .bind(judge)
        .fetch_all(c)
        .await
        })?;
        let conflicts: Vec<(Uuid,)> = with_tx!(&mut tx, |c| {
            sqlx::query_as(
            "SELECT k.entry_id FROM judge_conflicts k JOIN slogan_entries e ON e.id = k.entry_id
             WHERE e.contest_id = $1 AND k.judge_id = $2"
        )
        .bind(contest_id)
        .bind(judge)
        .fetch_all(c)
        .await
        })?;
        tx.commit().await?;
        let conflicts: HashSet<Uuid> = conflicts.into_iter().map(|(id,)| id).collect();
        let done: HashSet<(Uuid, Uuid)> = mine.into_iter().collect();
        let comparisons: Vec<Comparison<Uuid, Uuid>> = inputs
            .comparisons
            .iter()
            .map(|(winner, loser, judge)| Comparison {
                winner: *winner,
                loser: *loser,
                judge: *judge,
            })
            .collect();
        let entries: Vec<Uuid> = inputs
            .entries
            .iter()
            .map(|e| e.0)
            .filter(|id| !conflicts.contains(id))
            .collect();
        let state = CrowdBt::replay(&comparisons);
        let slogan = |id: Uuid| {
            inputs
                .entries
                .iter()
                .find(|e| e.0 == id)
                .map(|e| e.1.clone())
                .unwrap_or_default()
        };
        Ok(state.next_pair(judge, &entries, &done).map(|(a, b)| Pair {
            a: PairEntry {
                id: a,
                slogan: slogan(a),
            },
            b: PairEntry {
                id: b,
                slogan: slogan(b),
            },
        }))
    }

    /// Records that `judge` prefers `winner` to `loser` (both approved entries of the
    /// pairwise contest); judging the same pair again replaces the verdict.
    pub async fn put_comparison(
        &self,
        contest_id: Uuid,
        judge: Uuid,
        winner: Uuid,
        loser: Uuid,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let (first, second) = pair_judgeable(&mut tx, contest_id, judge, winner, loser).await?;
        with_tx!(&mut tx, |c| {
            sqlx::query(
            "INSERT INTO comparisons (contest_id, judge_id, first_id, second_id, winner_id, compared_at)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (judge_id, first_id, second_id)
             DO UPDATE SET winner_id = excluded.winner_id, compared_at = excluded.compared_at"
        )
        .bind(contest_id)
        .bind(judge)
        .bind(first)
        .bind(second)
        .bind(winner)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected())
        })?;
        with_tx!(&mut tx, |c| sqlx::query(
            "DELETE FROM pair_skips WHERE judge_id = $1 AND first_id = $2 AND second_id = $3"
        )
        .bind(judge)
        .bind(first)
        .bind(second)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
        tx.commit().await
    }

    /// `judge` cannot choose between `a` and `b`: the pair is not served to them again.
    /// Skipping it twice changes nothing; a verdict already given stands.
    pub async fn skip_pair(
        &self,
        contest_id: Uuid,
        judge: Uuid,
        a: Uuid,
        b: Uuid,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let (first, second) = pair_judgeable(&mut tx, contest_id, judge, a, b).await?;
        with_tx!(&mut tx, |c| sqlx::query(
            "INSERT INTO pair_skips (contest_id, judge_id, first_id, second_id, skipped_at)
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (judge_id, first_id, second_id) DO NOTHING"
        )
        .bind(contest_id)
        .bind(judge)
        .bind(first)
        .bind(second)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
        tx.commit().await
    }
}

/// Whether `judge` may judge the pair `a`, `b` now: two different approved entries of an
/// unannounced pairwise contest, neither one they stepped aside from. Returns the pair in
/// the stored order.
async fn pair_judgeable(
    tx: &mut Tx,
    contest_id: Uuid,
    judge: Uuid,
    a: Uuid,
    b: Uuid,
) -> Result<(Uuid, Uuid), StoreError> {
    if a == b {
        return Err(StoreError::InvalidState(SAME_ENTRY));
    }
    for entry in [a, b] {
        if judgeable(tx, contest_id, entry).await? != JudgingMode::Pairwise {
            return Err(StoreError::InvalidState(WRONG_JUDGING_MODE));
        }
        if has_conflict(tx, entry, judge).await? {
            return Err(StoreError::InvalidState(CONFLICTED));
        }
    }
    Ok(ordered(a, b))
}
