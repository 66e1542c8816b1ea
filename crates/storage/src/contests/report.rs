//! The judges' report (admins): how much each judge judged, how lenient they are, how well
//! they agree with the others, which entries lack judgements, and whether the current pace
//! reaches `min_judgements` for every entry before `announce_at`.

use super::judging::ranking_inputs;
use super::Contest;
use crate::{Store, StoreError};
use chrono::{DateTime, TimeDelta, Utc};
use placard_domain::agreement::{pairwise_standings, score_standings, JudgeStanding};
use placard_domain::pairwise::Comparison;
use placard_domain::JudgingMode;
use serde::Serialize;
use std::collections::HashMap;
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JudgeRow {
    /// The staff account's name.
    pub judge: String,
    pub judged: usize,
    pub leniency: Option<f64>,
    pub agreement: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnderJudged {
    pub id: Uuid,
    pub slogan: String,
    pub judgements: usize,
}

/// Whether judging is on course to give every entry `min_judgements` in time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coverage {
    pub min_judgements: i32,
    /// Judgements still to make so that every entry reaches the minimum (a comparison
    /// counts for both its entries).
    pub needed: u64,
    /// Judgements per hour over the last day of judging (or since the first, if sooner;
    /// at least an hour).
    pub per_hour: f64,
    /// Until `announce_at`; `None` once announced.
    pub hours_left: Option<f64>,
    /// Whether `per_hour × hours_left ≥ needed`; `None` once announced.
    pub on_pace: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JudgesReport {
    /// Every current judge account, and anyone else who judged this contest, by name.
    pub judges: Vec<JudgeRow>,
    /// Approved entries below `min_judgements`, fewest first.
    pub under_judged: Vec<UnderJudged>,
    pub coverage: Coverage,
}

/// The window the pace is measured over.
const PACE_WINDOW: TimeDelta = TimeDelta::hours(24);

impl Store {
    pub async fn judges_report(
        &self,
        contest: &Contest,
        now: DateTime<Utc>,
    ) -> Result<JudgesReport, StoreError> {
        let mut tx = self.begin().await?;
        let inputs = ranking_inputs(&mut tx, contest.id).await?;
        let staff: Vec<(Uuid, String)> = with_tx!(&mut tx, |c| sqlx::query_as(
            "SELECT id, name FROM staff_users WHERE role = 'judge' AND revoked_at IS NULL
             UNION
             SELECT u.id, u.name FROM staff_users u WHERE u.id IN (
                 SELECT s.judge_id FROM scores s JOIN slogan_entries e ON e.id = s.entry_id
                 WHERE e.contest_id = $1
                 UNION SELECT judge_id FROM comparisons WHERE contest_id = $1)"
        )
        .bind(contest.id)
        .fetch_all(c)
        .await)?;
        let times = judgement_times(&mut tx, contest.id).await?;
        tx.commit().await?;

        let ids: Vec<Uuid> = inputs.entries.iter().map(|e| e.0).collect();
        let standings = if contest.mode() == JudgingMode::Pairwise {
            let comparisons: Vec<Comparison<Uuid, Uuid>> = inputs
                .comparisons
                .iter()
                .map(|(winner, loser, judge)| Comparison {
                    winner: *winner,
                    loser: *loser,
                    judge: *judge,
                })
                .collect();
            pairwise_standings(&ids, &comparisons)
        } else {
            let scores: Vec<(Uuid, Uuid, f64)> = inputs
                .scores
                .iter()
                .map(|(entry, judge, score)| (*entry, *judge, f64::from(*score)))
                .collect();
            score_standings(&ids, &scores)
        };
        let mut judges: Vec<JudgeRow> = staff
            .into_iter()
            .map(|(id, name)| {
                let s = standings.get(&id).cloned().unwrap_or(JudgeStanding {
                    judged: 0,
                    leniency: None,
                    agreement: None,
                });
                JudgeRow {
                    judge: name,
                    judged: s.judged,
                    leniency: s.leniency,
                    agreement: s.agreement,
                }
            })
            .collect();
        judges.sort_by(|a, b| a.judge.cmp(&b.judge));

        let (under_judged, coverage) = coverage_of(contest, &inputs, &times, now);
        Ok(JudgesReport {
            judges,
            under_judged,
            coverage,
        })
    }

    /// Just the coverage, without the judges' standings (which fit the ranking once per
    /// judge): what the metrics read at every scrape. `(entries under the minimum, coverage)`.
    pub async fn judging_coverage(
        &self,
        contest: &Contest,
        now: DateTime<Utc>,
    ) -> Result<(usize, Coverage), StoreError> {
        let mut tx = self.begin().await?;
        let inputs = ranking_inputs(&mut tx, contest.id).await?;
        let times = judgement_times(&mut tx, contest.id).await?;
        tx.commit().await?;
        let (under, coverage) = coverage_of(contest, &inputs, &times, now);
        Ok((under.len(), coverage))
    }
}

async fn judgement_times(
    tx: &mut crate::Tx,
    contest_id: Uuid,
) -> Result<Vec<(DateTime<Utc>,)>, StoreError> {
    Ok(with_tx!(&mut *tx, |c| sqlx::query_as(
        "SELECT s.scored_at FROM scores s JOIN slogan_entries e ON e.id = s.entry_id
         WHERE e.contest_id = $1
         UNION ALL SELECT compared_at FROM comparisons WHERE contest_id = $1"
    )
    .bind(contest_id)
    .fetch_all(c)
    .await)?)
}

/// The entries under `min_judgements` (fewest first) and the coverage: what is still
/// needed, and whether the pace reaches it.
fn coverage_of(
    contest: &Contest,
    inputs: &super::judging::Inputs,
    times: &[(DateTime<Utc>,)],
    now: DateTime<Utc>,
) -> (Vec<UnderJudged>, Coverage) {
    let pairwise = contest.mode() == JudgingMode::Pairwise;
    let mut counts: HashMap<Uuid, usize> = HashMap::new();
    if pairwise {
        for (winner, loser, _) in &inputs.comparisons {
            *counts.entry(*winner).or_default() += 1;
            *counts.entry(*loser).or_default() += 1;
        }
    } else {
        for (entry, _, _) in &inputs.scores {
            *counts.entry(*entry).or_default() += 1;
        }
    }
    let min = usize::try_from(contest.min_judgements).unwrap_or(0);
    let mut under_judged: Vec<UnderJudged> = inputs
        .entries
        .iter()
        .map(|(id, slogan, _)| UnderJudged {
            id: *id,
            slogan: slogan.clone(),
            judgements: counts.get(id).copied().unwrap_or(0),
        })
        .filter(|u| u.judgements < min)
        .collect();
    // Stable: among equals, the earlier entry first.
    under_judged.sort_by_key(|u| u.judgements);
    let shortfall: u64 = under_judged
        .iter()
        .map(|u| (min - u.judgements) as u64)
        .sum();
    let needed = if pairwise {
        shortfall.div_ceil(2)
    } else {
        shortfall
    };
    let coverage = coverage(contest, needed, times, now);
    (under_judged, coverage)
}

fn coverage(
    contest: &Contest,
    needed: u64,
    times: &[(DateTime<Utc>,)],
    now: DateTime<Utc>,
) -> Coverage {
    let first = times.iter().map(|t| t.0).min();
    let start = first.map_or(now, |f| f.max(now - PACE_WINDOW));
    let recent = times.iter().filter(|t| t.0 >= start && t.0 <= now).count();
    let hours = ((now - start).num_seconds() as f64 / 3600.0).max(1.0);
    let per_hour = recent as f64 / hours;
    let open = contest.announced_at.is_none() && now < contest.announce_at;
    let hours_left = open.then(|| (contest.announce_at - now).num_seconds().max(0) as f64 / 3600.0);
    Coverage {
        min_judgements: contest.min_judgements,
        needed,
        per_hour,
        hours_left,
        on_pace: hours_left.map(|h| needed == 0 || per_hour * h >= needed as f64),
    }
}
