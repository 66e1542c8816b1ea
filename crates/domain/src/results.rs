//! A contest's published results and the manifest that lets anyone check them.
//!
//! At the announcement the store writes a **manifest**: every approved entry (id and
//! slogan, in submission order), every judgement (judges as stable pseudonyms, never their
//! names or ids), the method and its parameters, and the shortlist rule (its size, or the
//! pinned entries in their order). The results' `sha256` is the SHA-256 of the manifest's
//! bytes as served, and the winner and shortlist are [`Manifest::outcome`] of it: the
//! announcement and `placard verify-results` run this same function, so a result that does
//! not follow from its manifest, or a manifest changed after the fact, is caught.

use crate::pairwise::{fit, Comparison};
use crate::ranking::{rank, Ranked, Score};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// The manifest format this code writes and checks.
pub const MANIFEST_VERSION: u32 = 1;
/// Scores 1–10, per-judge z-scores, their mean per entry (docs/RANKING.md).
pub const SCORES_METHOD: &str = "scores/z-mean";
/// Pairwise comparisons, a Bradley–Terry fit with judge reliability (docs/RANKING.md).
pub const PAIRWISE_METHOD: &str = "pairwise/bradley-terry-mle";
/// Scores closer than this are a tie.
pub const TIE_EPSILON: f64 = 1e-9;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub version: u32,
    pub contest: ManifestContest,
    pub method: Method,
    pub shortlist: ShortlistRule,
    /// Approved entries at the announcement, earliest first (the last tie-break).
    pub entries: Vec<ManifestEntry>,
    /// Scores (scores mode), sorted by entry id, then judge pseudonym.
    pub judgements: Vec<Judgement>,
    /// Comparisons (pairwise mode), sorted by winner, loser, judge; absent in scores mode,
    /// so a scores manifest reads (and hashes) as it did before pairwise judging existed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comparisons: Vec<ManifestComparison>,
}

/// A judge preferred `winner` to `loser`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestComparison {
    pub winner: Uuid,
    pub loser: Uuid,
    pub judge: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestContest {
    pub id: Uuid,
    pub slug: String,
    pub announced_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Method {
    pub name: String,
    /// Where the method is written down.
    pub reference: String,
    pub tie_epsilon: f64,
    /// The tie-breaks after the score, in order.
    pub ties: Vec<String>,
    /// The fit's constants (pairwise only). Checked against this code's on verification:
    /// a manifest fitted with other constants would not give the same ranking here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameters: Option<FitParameters>,
}

/// The constants of the pairwise fit (`placard_domain::pairwise::fit`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FitParameters {
    pub prior_wins: f64,
    pub reliability_prior: [f64; 2],
    pub tolerance: f64,
    pub max_iterations: u32,
    pub max_rounds: u32,
    pub interval_z: f64,
}

impl FitParameters {
    pub fn current() -> Self {
        Self {
            prior_wins: fit::PRIOR,
            reliability_prior: [
                crate::pairwise::crowd_bt::ALPHA_PRIOR,
                crate::pairwise::crowd_bt::BETA_PRIOR,
            ],
            tolerance: fit::TOLERANCE,
            max_iterations: fit::MAX_ITERATIONS,
            max_rounds: fit::MAX_ROUNDS,
            interval_z: fit::INTERVAL_Z,
        }
    }
}

impl Method {
    pub fn scores() -> Self {
        Self {
            name: SCORES_METHOD.to_owned(),
            reference: "docs/RANKING.md in Placard's source (GET /source)".to_owned(),
            tie_epsilon: TIE_EPSILON,
            ties: vec!["more judges".to_owned(), "earlier entry".to_owned()],
            parameters: None,
        }
    }

    pub fn pairwise() -> Self {
        Self {
            name: PAIRWISE_METHOD.to_owned(),
            reference: "docs/RANKING.md in Placard's source (GET /source)".to_owned(),
            tie_epsilon: TIE_EPSILON,
            ties: vec!["more comparisons".to_owned(), "earlier entry".to_owned()],
            parameters: Some(FitParameters::current()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShortlistRule {
    /// The contest's `shortlist_size`: the top this many, when nothing is pinned.
    pub size: usize,
    /// Pinned by a judge or admin, in the order they chose; empty: the top `size`.
    pub pinned: Vec<Uuid>,
}

impl ShortlistRule {
    /// The shortlist this rule picks from a ranking: `(rank, entry)` in the shortlist's
    /// order — the pinned entries in their pinned order, else the top `size`. The judges'
    /// live ranking and the announcement both use it, so they cannot disagree.
    pub fn pick(&self, ranking: &[Ranked<Uuid>]) -> Vec<(usize, Uuid)> {
        if self.pinned.is_empty() {
            return ranking
                .iter()
                .take(self.size)
                .map(|r| (r.rank, r.entry))
                .collect();
        }
        self.pinned
            .iter()
            .filter_map(|id| ranking.iter().find(|r| r.entry == *id))
            .map(|r| (r.rank, r.entry))
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestEntry {
    pub id: Uuid,
    pub slogan: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Judgement {
    pub entry: Uuid,
    /// `judge-` and 12 hex digits, the same for one judge throughout a contest.
    pub judge: String,
    pub score: u8,
}

/// What follows from a manifest.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub ranking: Vec<Ranked<Uuid>>,
    pub winner: Option<Uuid>,
    /// `(rank in the ranking, entry)`, in the shortlist's order.
    pub shortlist: Vec<(usize, Uuid)>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ManifestError {
    #[error("manifest version {0} is not one this code reads ({MANIFEST_VERSION})")]
    Version(u32),
    #[error("unknown ranking method {0:?}")]
    Method(String),
    #[error("a judgement or pin names {0}, which is not among the entries")]
    UnknownEntry(Uuid),
    #[error("a score of {0} is outside 1–10")]
    Score(u8),
}

/// A judge's pseudonym in one contest: stable (the same judge, the same name, in every
/// judgement) and not their account (a hash of the contest's and the judge's ids).
pub fn pseudonym(contest: Uuid, judge: Uuid) -> String {
    let mut h = Sha256::new();
    h.update(b"placard judge pseudonym v1");
    h.update(contest.as_bytes());
    h.update(judge.as_bytes());
    format!("judge-{}", &hex::encode(h.finalize())[..12])
}

/// The SHA-256 of bytes, in lower-case hex (the results' `sha256`).
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

impl Manifest {
    /// The bytes that are published and hashed: compact JSON, fields in this struct's order.
    pub fn to_canonical(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The ranking, the winner and the shortlist the manifest implies.
    pub fn outcome(&self) -> Result<Outcome, ManifestError> {
        if self.version != MANIFEST_VERSION {
            return Err(ManifestError::Version(self.version));
        }
        let ids: Vec<Uuid> = self.entries.iter().map(|e| e.id).collect();
        let known = |id: &Uuid| ids.contains(id);
        if let Some(p) = self.shortlist.pinned.iter().find(|p| !known(p)) {
            return Err(ManifestError::UnknownEntry(*p));
        }
        let ranking = match self.method.name.as_str() {
            SCORES_METHOD if self.method == Method::scores() && self.comparisons.is_empty() => {
                self.scores_ranking(&ids)?
            }
            PAIRWISE_METHOD if self.method == Method::pairwise() && self.judgements.is_empty() => {
                self.pairwise_ranking(&ids)?
            }
            _ => return Err(ManifestError::Method(self.method.name.clone())),
        };
        let shortlist = self.shortlist.pick(&ranking);
        Ok(Outcome {
            winner: ranking.first().map(|r| r.entry),
            ranking,
            shortlist,
        })
    }

    fn pairwise_ranking(&self, ids: &[Uuid]) -> Result<Vec<Ranked<Uuid>>, ManifestError> {
        let mut comparisons = Vec::with_capacity(self.comparisons.len());
        for c in &self.comparisons {
            for id in [c.winner, c.loser] {
                if !ids.contains(&id) {
                    return Err(ManifestError::UnknownEntry(id));
                }
            }
            comparisons.push(Comparison {
                winner: c.winner,
                loser: c.loser,
                judge: c.judge.as_str(),
            });
        }
        Ok(fit::fit(ids, &comparisons).ranking)
    }

    fn scores_ranking(&self, ids: &[Uuid]) -> Result<Vec<Ranked<Uuid>>, ManifestError> {
        let known = |id: &Uuid| ids.contains(id);
        let mut scores = Vec::with_capacity(self.judgements.len());
        for j in &self.judgements {
            if !known(&j.entry) {
                return Err(ManifestError::UnknownEntry(j.entry));
            }
            if !(1..=10).contains(&j.score) {
                return Err(ManifestError::Score(j.score));
            }
            scores.push(Score {
                entry: j.entry,
                judge: j.judge.as_str(),
                score: f64::from(j.score),
            });
        }
        Ok(rank(ids, &scores))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(pinned: Vec<Uuid>) -> (Manifest, [Uuid; 3]) {
        let ids = [Uuid::from_u128(1), Uuid::from_u128(2), Uuid::from_u128(3)];
        let contest = Uuid::from_u128(9);
        let (a, b) = (
            pseudonym(contest, Uuid::from_u128(7)),
            pseudonym(contest, Uuid::from_u128(8)),
        );
        let j = |entry: Uuid, judge: &str, score| Judgement {
            entry,
            judge: judge.to_owned(),
            score,
        };
        let m = Manifest {
            version: MANIFEST_VERSION,
            contest: ManifestContest {
                id: contest,
                slug: "slogans".into(),
                announced_at: DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default(),
            },
            method: Method::scores(),
            shortlist: ShortlistRule { size: 2, pinned },
            entries: ids
                .iter()
                .map(|id| ManifestEntry {
                    id: *id,
                    slogan: format!("slogan {id}"),
                })
                .collect(),
            // A lenient, wide judge and a narrow one: a raw average would put the first
            // entry first (7.5), the calibrated mean puts the third first.
            judgements: vec![
                j(ids[0], &a, 10),
                j(ids[0], &b, 5),
                j(ids[1], &a, 2),
                j(ids[1], &b, 6),
                j(ids[2], &a, 6),
                j(ids[2], &b, 7),
            ],
            comparisons: Vec::new(),
        };
        (m, ids)
    }

    #[test]
    fn the_outcome_follows_the_calibrated_ranking_not_the_raw_average() {
        let (m, ids) = manifest(Vec::new());
        let o = m.outcome().expect("outcome");
        assert_eq!(o.winner, Some(ids[2]));
        assert_eq!(o.shortlist, vec![(1, ids[2]), (2, ids[0])]);
    }

    #[test]
    fn a_pinned_shortlist_keeps_its_order() {
        let (m, ids) = manifest(vec![ids_of(1), ids_of(0)]);
        let o = m.outcome().expect("outcome");
        assert_eq!(o.shortlist, vec![(3, ids[1]), (2, ids[0])]);
        assert_eq!(o.winner, Some(ids[2]), "the winner is the ranking's first");
    }

    fn ids_of(i: usize) -> Uuid {
        Uuid::from_u128(i as u128 + 1)
    }

    #[test]
    fn the_canonical_form_round_trips_and_any_change_changes_the_hash() {
        let (m, _) = manifest(Vec::new());
        let text = m.to_canonical();
        let back: Manifest = serde_json::from_str(&text).expect("parse");
        assert_eq!(back, m);
        assert_eq!(back.to_canonical(), text, "a fixed point");
        let mut tampered = m.clone();
        tampered.judgements[3].score = 7;
        assert_ne!(
            sha256_hex(tampered.to_canonical().as_bytes()),
            sha256_hex(text.as_bytes())
        );
        assert_ne!(
            tampered.outcome().expect("outcome"),
            m.outcome().expect("outcome")
        );
    }

    #[test]
    fn a_pairwise_manifest_ranks_by_the_fit_and_a_changed_comparison_changes_it() {
        let (mut m, ids) = manifest(Vec::new());
        m.method = Method::pairwise();
        m.judgements.clear();
        let c = |w: usize, l: usize, judge: &str| ManifestComparison {
            winner: ids[w],
            loser: ids[l],
            judge: judge.to_owned(),
        };
        m.comparisons = vec![c(1, 0, "judge-a"), c(1, 2, "judge-a"), c(0, 2, "judge-b")];
        let o = m.outcome().expect("outcome");
        let order: Vec<Uuid> = o.ranking.iter().map(|r| r.entry).collect();
        assert_eq!(order, vec![ids[1], ids[0], ids[2]]);
        assert!(o.ranking.iter().all(|r| r.interval.is_some()));
        let text = m.to_canonical();
        assert!(text.contains("\"comparisons\"") && text.contains("\"parameters\""));
        let back: Manifest = serde_json::from_str(&text).expect("parse");
        assert_eq!(back, m);
        let mut tampered = m.clone();
        tampered.comparisons[0] = c(0, 1, "judge-a");
        assert_ne!(tampered.outcome().expect("outcome"), o);
        let mut other_constants = m.clone();
        if let Some(p) = other_constants.method.parameters.as_mut() {
            p.prior_wins = 2.0;
        }
        assert!(matches!(
            other_constants.outcome(),
            Err(ManifestError::Method(_))
        ));
    }

    #[test]
    fn a_scores_manifest_has_no_pairwise_fields() {
        let (m, _) = manifest(Vec::new());
        let text = m.to_canonical();
        assert!(!text.contains("comparisons") && !text.contains("parameters"));
    }

    #[test]
    fn pseudonyms_are_stable_and_not_the_account() {
        let (c, j) = (Uuid::from_u128(1), Uuid::from_u128(2));
        assert_eq!(pseudonym(c, j), pseudonym(c, j));
        assert_ne!(
            pseudonym(c, j),
            pseudonym(Uuid::from_u128(3), j),
            "per contest"
        );
        assert!(!pseudonym(c, j).contains(&j.simple().to_string()));
        assert_eq!(pseudonym(c, j).len(), "judge-".len() + 12);
    }

    #[test]
    fn a_manifest_that_does_not_hold_together_is_refused() {
        let (mut m, _) = manifest(Vec::new());
        m.judgements[0].entry = Uuid::from_u128(99);
        assert_eq!(
            m.outcome(),
            Err(ManifestError::UnknownEntry(Uuid::from_u128(99)))
        );
        let (mut m, _) = manifest(Vec::new());
        m.judgements[0].score = 11;
        assert_eq!(m.outcome(), Err(ManifestError::Score(11)));
        let (mut m, _) = manifest(Vec::new());
        m.method.name = "coin-toss".into();
        assert!(matches!(m.outcome(), Err(ManifestError::Method(_))));
    }
}
